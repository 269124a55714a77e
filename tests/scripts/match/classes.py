# Class patterns: __match_args__, keyword sub-patterns, the built-in types
# that match themselves, and the errors a class pattern can raise.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"y axis {y}"
        case Point(x, 0):
            return f"x axis {x}"
        case Point(x=x, y=y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"
for p in [Point(0, 0), Point(0, 3), Point(4, 0), Point(2, 2), Point(1, 2), (1, 2)]:
    print(p, where(p))

def kinds(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str() as s:
            return f"str {s!r}"
        case bytes(b):
            return f"bytes {b!r}"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple((a, b)):
            return f"tuple {a} {b}"
        case dict({"k": k}):
            return f"dict k={k}"
        case set() | frozenset():
            return f"set of {len(v)}"
        case bytearray(b):
            return f"bytearray {b!r}"
        case _:
            return "?"
for v in [True, 3, 2.5, "s", b"b", [1, 2], (1, 2), {"k": 3}, {1}, frozenset(), bytearray(b"x"), None]:
    print(kinds(v))

class MyInt(int):
    pass
match MyInt(7):
    case MyInt(n):
        print("myint", n, type(n).__name__)
class Sub(Point):
    pass
match Sub(1, 2):
    case Point(a, b):
        print("subclass matches base", a, b)
class NoArgs:
    pass
def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def e1():
    match NoArgs():
        case NoArgs(1):
            pass
err(e1)
def e2():
    match 5:
        case int(1, 2):
            pass
err(e2)
def e3():
    x = 3
    match 5:
        case x.real():
            pass
err(e3)
class Bad:
    __match_args__ = ["a"]
def e4():
    match Bad():
        case Bad(1):
            pass
err(e4)
class Bad2:
    __match_args__ = (1,)
def e5():
    match Bad2():
        case Bad2(1):
            pass
err(e5)
def e6():
    match Point(1, 2):
        case Point(1, x=1):
            pass
err(e6)
class Prop:
    __match_args__ = ("v",)
    @property
    def v(self):
        raise ValueError("boom")
def e7():
    match Prop():
        case Prop(1):
            pass
err(e7)
class Prop2:
    @property
    def v(self):
        raise AttributeError("no v")
match Prop2():
    case Prop2(v=1):
        print("no")
    case _:
        print("AttributeError in property -> no match")
class Dyn:
    def __getattr__(self, name):
        return name.upper()
match Dyn():
    case Dyn(anything=a, other=b):
        print("getattr", a, b)
import collections
P3 = collections.namedtuple("P3", "a b c")
match P3(1, 2, 3):
    case P3(a, b, c=c):
        print("namedtuple", a, b, c)
    case _:
        print("namedtuple no match_args")
match P3(1, 2, 3):
    case (x, y, z):
        print("namedtuple seq", x, y, z)
class WithMA:
    __match_args__ = ("a",)
    a = 1
    b = 2
match WithMA():
    case WithMA(1, b=2):
        print("mixed ok")
class Meta:
    pass
match Meta:
    case type():
        print("class is a type instance")


# A dataclass-like class: fields in __match_args__, a value object.
class Vector:
    __match_args__ = ("x", "y", "z")

    def __init__(self, x, y, z=0):
        self.x, self.y, self.z = x, y, z

    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y, self.z) == (other.x, other.y, other.z)


def kind(v):
    match v:
        case Vector(0, 0, 0):
            return "zero vector"
        case Vector(x, 0, 0) | Vector(0, x, 0) | Vector(0, 0, x):
            return f"on an axis at {x}"
        case Vector(x, y, z=0):
            return f"in the plane: {x} {y}"
        case Vector(x=x, y=y, z=z) if x == y == z:
            return f"diagonal {x}"
        case Vector(_, _, z):
            return f"somewhere at height {z}"


for v in [Vector(0, 0), Vector(3, 0), Vector(0, 0, 4), Vector(1, 2), Vector(5, 5, 5), Vector(1, 2, 3)]:
    print(kind(v))


# Shapes in a tree, matched recursively.
class Leaf:
    __match_args__ = ("value",)

    def __init__(self, value):
        self.value = value


class Node:
    __match_args__ = ("left", "right")

    def __init__(self, left, right):
        self.left, self.right = left, right


def total(t):
    match t:
        case Leaf(int(v) | float(v)):
            return v
        case Leaf(str(s)):
            return len(s)
        case Node(left, right):
            return total(left) + total(right)


print(total(Node(Leaf(1), Node(Leaf("abc"), Leaf(2.5)))))

# Attributes are read in order, each once; a missing one means no match.
class Traced:
    __match_args__ = ("a", "b")

    def __getattr__(self, name):
        print("  getattr", name)
        if name == "missing":
            raise AttributeError(name)
        return name


match Traced():
    case Traced(x, y, c=z):
        print("  ->", x, y, z)
match Traced():
    case Traced(a, missing=m, c=c):
        print("no")
    case _:
        print("  -> no match after the missing attribute")
