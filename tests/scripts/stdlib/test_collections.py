from collections import deque, defaultdict, Counter, OrderedDict, namedtuple, ChainMap
import collections

# ---- deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2], 3 in d, 9 in d)
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d, list(d), list(reversed(d)))
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d)
print(d.count(5), d.index(5), d.index(2, 1))
d.remove(5)
d.insert(1, "x")
d.insert(-1, "y")
d.insert(100, "end")
print(d)
d.reverse()
print(d)
d[0] = "first"
del d[1]
print(d, d.maxlen)
d.clear()
print(d, len(d), bool(d))
for call in [lambda: d.pop(), lambda: d.popleft(), lambda: deque([1])[5],
             lambda: deque([1]).remove(2), lambda: deque([1]).index(2),
             lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque(maxlen=-1),
             lambda: deque("ab")["x"]]:
    try:
        call()
        print("no error")
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(-1)
print(m)
m.extend(range(10, 14))
print(m)
m.extendleft("ab")
print(m)
print(deque([], maxlen=0), deque("abc", 2), deque(range(5), maxlen=None))
z = deque(maxlen=0)
z.append(1)
print(z)

big = deque()
for i in range(100000):
    big.append(i)
total = 0
while big:
    total += big.popleft()
print(total, len(big))
q = deque()
for i in range(1000):
    q.appendleft(i)
    q.append(-i)
print(len(q), q[0], q[-1], q[1000], sum(q))
for i in range(500):
    q.pop()
    q.popleft()
print(len(q), q[0], q[-1], list(q)[:5])
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) == [1, 2], deque([1]) != deque([2]),
      deque([1, 2]) < deque([1, 3]), deque([2]) >= deque([1, 9]))
e = deque([1, 2]) + deque([3])
e += [4, 5]
print(e, deque("ab") * 2, 2 * deque([0]), e.copy(), deque(e, maxlen=2))
it = iter(deque("xyz"))
print(next(it), list(it))

# ---- defaultdict
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["a"], dd["zzz"], len(dd))
print(dd.default_factory, "missing" in dd, dd.get("missing2"), isinstance(dd, dict))
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts), sorted(counts.items()))
nd = defaultdict(None, {"x": 1})
print(nd)
try:
    nd["y"]
except KeyError as e:
    print("KeyError:", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError:", e)
tree = defaultdict(lambda: defaultdict(int))
tree["a"]["b"] += 2
print(dict(tree["a"]), len(tree))
cp = counts.copy()
cp["new"] += 5
print(type(cp).__name__, cp["new"], counts.get("new"), cp == counts)
print(defaultdict(set, a={1}, b={2}))
print(defaultdict(list, [(1, [2])]))

# ---- Counter
c = Counter("abracadabra")
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0))
print(c["a"], c["zzz"], c.total(), len(c))
print(sorted(c.elements()))
c.update("aaz")
c.update({"b": 5})
c.update(q=3)
print(c)
c.subtract("aaaa")
c.subtract({"q": 10})
print(c)
print(Counter(a=3, b=1) + Counter(a=1, b=2, c=1))
print(Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3, b=1) | Counter(a=1, b=2))
print(Counter(a=3, b=1) & Counter(a=1, b=2))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
print(Counter(), Counter([]), Counter({"x": 2, "y": 2, "z": 3}), Counter(["b", "a", "b", "a", "c"]))
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) == {"a": 1}, Counter(a=1) != Counter(a=2))
print(Counter("aab") <= Counter("aabb"), Counter("aab") < Counter("aab"), Counter("abc") >= Counter("ab"))
del c["a"]
del c["not-there"]
print(c, "a" in c)
words = "the quick brown fox jumps over the lazy dog the end".split()
print(Counter(words).most_common(3))
x = Counter(a=2)
x += Counter(a=-5, b=1)
print(x)
x -= Counter(b=3)
print(x, type(Counter("ab").copy()).__name__)
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError:", e)

# ---- OrderedDict
od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
print(od, list(od), list(od.keys()), list(od.values()))
od.move_to_end("b")
print(od)
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(), OrderedDict([("x", 1), ("y", 2)]), OrderedDict(a=1))
o1 = OrderedDict([("a", 1), ("b", 2)])
o2 = OrderedDict([("b", 2), ("a", 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == dict(o2), list(reversed(o1)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    o1.move_to_end("zz")
except KeyError as e:
    print("KeyError:", e)
print(OrderedDict.fromkeys("abc", 0), o1.copy(), type(o1.copy()).__name__)

# ---- namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), p == (1, 2), isinstance(p, tuple))
print(Point(x=3, y=4), Point(5, y=6), Point._fields, Point._make([7, 8]))
print(p._asdict(), p._replace(x=10), p)
x, y = p
print(x + y, sum(p), max(p), hash(p) == hash((1, 2)))
P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults)
Color = namedtuple("Color", "red, green, blue")
print(Color(255, 0, 128), Color.__name__, Color.__doc__)
R = namedtuple("R", ["abc", "def", "abc", "_x"], rename=True)
print(R._fields)
for call in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, 2, z=3),
             lambda: Point(1, x=2), lambda: Point._make([1]), lambda: p._replace(z=1),
             lambda: namedtuple("Bad", ["x", "x"]), lambda: namedtuple("Bad", ["_x"]),
             lambda: namedtuple("Bad", ["class"]), lambda: namedtuple("Bad", ["1x"]),
             lambda: namedtuple("Bad", "a b", defaults=[1, 2, 3]), lambda: P3(),
             lambda: namedtuple("T3", "a b c")()]:
    try:
        call()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
print({Point(1, 2): "a"}[(1, 2)])

class Point3(namedtuple("Point3", "x y z")):
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

print(Point3(1, -2, 3).norm1())

# ---- ChainMap
base = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
cm = ChainMap(over, base)
print(cm["a"], cm["b"], cm["c"], len(cm), sorted(cm), "a" in cm, cm.get("zz", 0))
cm["d"] = 4
print(over, cm.maps[0] is over)
child = cm.new_child()
child["a"] = 100
print(child["a"], cm["a"], child.parents["a"], len(child.maps))
print(ChainMap({"x": 1}, {"y": 2}))
try:
    del cm["a"]
except KeyError as e:
    print("KeyError:", e)
print(dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))
