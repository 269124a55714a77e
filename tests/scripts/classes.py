# Classes: inheritance, super, properties, class/static methods, dunders.
class Shape:
    count = 0
    def __init__(self, name):
        self.name = name
        Shape.count += 1
    def area(self):
        return 0
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"

class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self._r = r
    @property
    def r(self):
        return self._r
    @r.setter
    def r(self, v):
        if v < 0:
            raise ValueError("negative radius")
        self._r = v
    def area(self):
        return 3.14159 * self._r ** 2
    @classmethod
    def unit(cls):
        return cls(1)
    @staticmethod
    def kind():
        return "round"

shapes = [Rect(2, 3), Square(4), Circle(1.5), Circle.unit()]
for s in shapes:
    print(s, s.describe(), isinstance(s, Rect), isinstance(s, Shape))
c = shapes[2]
c.r = 2
print(c.r, c.area(), Circle.kind(), c.kind(), Shape.count, Square.__mro__[1].__name__)
try:
    c.r = -1
except ValueError as e:
    print("ValueError:", e)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __iter__(self):
        yield self.x
        yield self.y
    def __bool__(self):
        return bool(self.x or self.y)
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __call__(self, k):
        return self * k
    def __contains__(self, v):
        return v in (self.x, self.y)

v = Vec(1, 2)
print(v + Vec(3, 4), v * 3, 2 * v, -v, v == Vec(1, 2), v != Vec(1, 2), len(v), v[1], list(v))
print(sorted([Vec(2, 1), Vec(1, 5), Vec(1, 2)]), {v: "found"}[Vec(1, 2)], bool(Vec(0, 0)), v(10), 2 in v)
x, y = v
print(x, y, max([Vec(0, 1), Vec(3, 0)]), Vec(1, 1) in [Vec(1, 1)])

class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B" + super().who()
class C(A):
    def who(self):
        return "C" + super().who()
class D(B, C):
    def who(self):
        return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Meta:
    def __getattr__(self, name):
        return name.upper()
m = Meta()
m.real = 1
print(m.real, m.anything, getattr(m, "other"), hasattr(m, "x"))

class Stack(object):
    """A stack."""
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
        return self
    def __len__(self):
        return len(self.items)
s = Stack().push(1).push(2)
print(len(s), s.items, Stack.__doc__, Stack.__name__, type(s).__name__, s.__class__ is Stack)
print(hasattr(s, "push"), callable(s.push), vars(s), isinstance(s, object), issubclass(Stack, object))
