import pickle, collections, io, sys, threading, socket

class Point:
    def __init__(self, x, y): self.x = x; self.y = y
    def __eq__(self, o): return type(o) is Point and (self.x, self.y) == (o.x, o.y)
    def __repr__(self): return 'Point(%r, %r)' % (self.x, self.y)

class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1; self.b = [2]

class WithState:
    def __init__(self): self.v = 5; self.cache = 'x'
    def __getstate__(self): return {'v': self.v}
    def __setstate__(self, st): self.v = st['v']; self.cache = None

class Red:
    def __init__(self, n): self.n = n
    def __reduce__(self): return (Red, (self.n * 2,))

class NewArgs(int):
    def __new__(cls, v, tag): o = int.__new__(cls, v); o.tag = tag; return o
    def __getnewargs__(self): return (int(self), self.tag)

class KwNew:
    def __new__(cls, *, k): o = object.__new__(cls); o.k = k; return o
    def __getnewargs_ex__(self): return ((), {'k': self.k})

class MyList(list): pass
class MyDict(dict): pass

P = collections.namedtuple('P', 'x y')

def show(v, proto=4):
    d = pickle.dumps(v, proto)
    print(d)
    return pickle.loads(d)

print(show(Point(1, 2)))
s = show(Slotted()); print(s.a, s.b)
w = show(WithState()); print(w.v, w.cache)
print(show(Red(3)).n)
n = show(NewArgs(5, 't')); print(n, n.tag, type(n).__name__)
print(show(KwNew(k=3)).k)
m = MyList([1, 2]); m.attr = 'a'; r = show(m); print(r, r.attr, type(r).__name__)
md = MyDict(a=1); r = show(md); print(r, type(r).__name__)
print(show(P(1, 2)))
print(show(collections.OrderedDict([('a', 1), ('b', 2)])))
print(show(collections.deque([1, 2, 3], maxlen=5)))
print(show(collections.Counter('abca')))
dd = collections.defaultdict(list); dd['x'].append(1); print(show(dd))
print([f.__name__ for f in show([Point, len, print, pickle.whichmodule])])
# shared & recursive
a = [1]; b = [a, a]; r = show(b); print(r, r[0] is r[1])
rec = []; rec.append(rec); r = show(rec); print(r[0] is r)
dr = {}; dr['self'] = dr; r = show(dr); print(r['self'] is r)
pt = Point(1, None); pt.y = pt; r = show(pt); print(r.y is r)
for p in range(6):
    print(p, pickle.loads(pickle.dumps([Point(1, 2), P(3, 4), {1, 2}, frozenset({3})], p)))
# exceptions
for e in [ValueError('bad'), KeyError('k'), OSError(2, 'No such file'), StopIteration(5)]:
    r = show(e); print(type(r).__name__, r.args)
e = ValueError('x'); e.note = 1; r = show(e); print(r.note)
