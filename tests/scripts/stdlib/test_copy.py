import copy


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Node:
    def __init__(self, value):
        self.value = value
        self.children = []


class Hooked:
    def __init__(self, data):
        self.data = data

    def __copy__(self):
        return Hooked("shallow:" + str(self.data))

    def __deepcopy__(self, memo):
        return Hooked("deep:" + str(self.data))


class Slotless(list):
    pass


class Stateful:
    def __init__(self):
        self.a = 1
        self.cache = {"big": [1, 2, 3]}

    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.a = state["a"] * 10
        self.cache = None


nested = [1, [2, 3], {"k": [4, 5]}, (6, [7]), "s", None, 2.5, {8, 9}, frozenset([10])]
shallow = copy.copy(nested)
deep = copy.deepcopy(nested)
print(shallow == nested, shallow is nested, shallow[1] is nested[1], deep[1] is nested[1])
print(deep == nested, deep[2]["k"] is nested[2]["k"], deep[3] is nested[3], deep[3][1] is nested[3][1])
nested[1].append(99)
print(shallow[1], deep[1])
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
d = {"a": [1], "b": {"c": 2}}
dc = copy.deepcopy(d)
dc["a"].append(2)
print(d, dc, copy.copy(d) == d, copy.copy(d) is d)
s = {1, 2}
print(copy.copy(s), copy.copy(s) is s, copy.deepcopy(s))
for atom in [1, 2.5, "str", None, True, len, Point, range(3)]:
    print(copy.copy(atom) is atom, copy.deepcopy(atom) is atom)

p = Point(1, [2, 3])
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
print(p2, p3, p2.y is p.y, p3.y is p.y, type(p2).__name__, p2 is p)
root = Node("root")
child = Node("child")
root.children.append(child)
child.parent = root
root.self_ref = root
r2 = copy.deepcopy(root)
print(r2 is root, r2.children[0].parent is r2, r2.self_ref is r2, r2.children[0].value)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc[1] is not cyc, len(cc))
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is shared)
h = Hooked(5)
print(copy.copy(h).data, copy.deepcopy(h).data, copy.deepcopy([h])[0].data)
sl = Slotless([1, [2]])
sl.extra = "e"
slc = copy.copy(sl)
sld = copy.deepcopy(sl)
print(type(slc).__name__, slc, slc.extra, slc[1] is sl[1], sld[1] is sl[1], sld.extra)
st = Stateful()
print(copy.copy(st).a, copy.copy(st).cache, copy.deepcopy(st).a)
memo = {}
x = [1, 2]
y1 = copy.deepcopy(x, memo)
y2 = copy.deepcopy(x, memo)
print(y1 is y2, y1 == x)
from collections import deque, defaultdict, Counter, OrderedDict, namedtuple
P = namedtuple("P", "a b")
items = [deque([1, [2]], maxlen=5), defaultdict(list, {"a": [1]}), Counter("aab"),
         OrderedDict([("z", [1]), ("a", 2)]), P(1, [2])]
for item in items:
    sc = copy.copy(item)
    dc = copy.deepcopy(item)
    print(type(sc).__name__, sc, dc, sc == item, dc == item)
dd = copy.deepcopy(items[1])
dd["new"].append(1)
print(dd, items[1])
print(copy.deepcopy(items[4])[1] is items[4][1], copy.copy(items[4])[1] is items[4][1])
print(copy.Error is copy.error, issubclass(copy.Error, Exception))
