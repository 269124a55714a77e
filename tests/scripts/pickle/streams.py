# Pickler/Unpickler on files: several pickles in one stream, persistent ids,
# dispatch tables, and loads of pickles in protocols 0 to 5.
import io
import os
import pickle
import tempfile
import copy
import copyreg
import collections

buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump([1, 2])
p.dump({'a': (1, 2)})
pickle.dump('third', buf, 5)
print(buf.getvalue())
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load(), pickle.load(buf))
try:
    pickle.load(buf)
except EOFError as e:
    print('EOFError', e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'data.pkl')
    with open(path, 'wb') as f:
        for proto in range(6):
            pickle.dump([proto, 'x' * proto, {proto}], f, proto)
    with open(path, 'rb') as f:
        for proto in range(6):
            print(pickle.load(f))
        print(f.read())


class Record:
    def __init__(self, key):
        self.key = key


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return 'Record:%s' % obj.key
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid.split(':')
        return 'loaded %s %s' % (kind, key)


for proto in (0, 2, 4):
    buf = io.BytesIO()
    DBPickler(buf, proto).dump([Record(1), Record('k'), 3])
    print(buf.getvalue())
    buf.seek(0)
    print(DBUnpickler(buf).load())


class Celsius:
    def __init__(self, t):
        self.t = t


def reduce_celsius(c):
    return Celsius, (c.t + 0.5,)


buf = io.BytesIO()
p = pickle.Pickler(buf)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Celsius] = reduce_celsius
p.dump(Celsius(20))
print(pickle.loads(buf.getvalue()).t)


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in ("set", "frozenset"):
            return getattr(__builtins__, name) if not isinstance(__builtins__, dict) else __builtins__[name]
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


print(Restricted(io.BytesIO(pickle.dumps({1, 2}, 4))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(len))).load()
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)

# Pickles as CPython writes them in every protocol.
data = [
    b'(lp0\nI1\naF2.5\naVabc\np1\na(I1\nI2\ntp2\na(dp3\nVk\np4\nNsa.',
    b']q\x00(K\x01G@\x04\x00\x00\x00\x00\x00\x00X\x03\x00\x00\x00abcq\x01K\x01K\x02\x86q\x02}q\x03X\x01\x00\x00\x00kq\x04Nse.',
    b'\x80\x02]q\x00(K\x01G@\x04\x00\x00\x00\x00\x00\x00X\x03\x00\x00\x00abcq\x01K\x01K\x02\x86q\x02}q\x03X\x01\x00\x00\x00kq\x04Ns\x88\x89\x8a\x09\x00\x00\x00\x00\x00\x00\x00\x00\x01e.',
    b"\x80\x02U\x03abcq\x00.",
    b"S'py2 str\\n'\np0\n.",
    b'\x80\x05\x95\x0e\x00\x00\x00\x00\x00\x00\x00\x96\x03\x00\x00\x00\x00\x00\x00\x00abc\x94.',
    b'\x80\x04\x95\x1f\x00\x00\x00\x00\x00\x00\x00\x8c\x0bcollections\x94\x8c\x05deque\x94\x93\x94)R\x94K\x01a.',
    b'\x80\x02c__builtin__\nset\nq\x00]q\x01K\x01a\x85q\x02Rq\x03.',
    b'\x80\x02cexceptions\nValueError\nq\x00K\x01\x85q\x01Rq\x02.',
    b'\x80\x02c_codecs\nencode\nq\x00X\x02\x00\x00\x00abq\x01X\x06\x00\x00\x00latin1q\x02\x86q\x03Rq\x04.',
]
for d in data:
    v = pickle.loads(d)
    print(type(v).__name__, v if not isinstance(v, Exception) else v.args)
print(pickle.loads(b"U\x03abc.", encoding='bytes'))
print(pickle.loads(b"U\x03ab\xe9.", encoding='latin1'))

# copy goes through __reduce_ex__ / __reduce__ as pickle does.
class Pair:
    def __init__(self, a, b):
        self.a, self.b = a, b

    def __reduce__(self):
        return Pair, (self.a, self.b)


q = Pair([1], [2])
c = copy.copy(q)
dc = copy.deepcopy(q)
print(c.a is q.a, dc.a is q.a, dc.a, dc.b)
dq = collections.deque([1, [2]], maxlen=3)
print(copy.copy(dq), copy.deepcopy(dq), copy.deepcopy(dq)[1] is dq[1])
od = collections.OrderedDict(a=[1])
print(copy.deepcopy(od), copy.copy(collections.Counter('aab')))
