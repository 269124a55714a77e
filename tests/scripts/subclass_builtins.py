class MyList(list):
    def __init__(self, name, items=()):
        super().__init__(items)
        self.name = name
    def total(self): return sum(self)
m = MyList("nums", [3, 1, 2]); m.append(5); m.sort()
print(m, m.name, m.total(), len(m), m[0], m[-1], 5 in m, list(reversed(m)), m == [1, 2, 3, 5], type(m).__name__)
class DD(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
d = DD(list); d["a"].append(1); d["b"].append(2); d["a"].append(3)
print(d, len(d), sorted(d.keys()), d.get("zz"), "a" in d, dict(d))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __repr__(self): return f"Point({self[0]}, {self[1]})"
p = Point(1, 2)
print(p, p.x, p[1], len(p), p == (1, 2), hash(p) == hash((1, 2)), isinstance(p, tuple), list(p))
class Meters(float):
    def __str__(self): return f"{float(self):.1f} m"
print(Meters(2.5), Meters(2.5) * 2, f"{Meters(1.25):.3f}", Meters(3) > 2)
class Tag(str):
    pass
t = Tag("hi")
print(t, t.upper(), t + "!", len(t), {t: 1}["hi"], t == "hi", repr(t))
class UniqueList(list):
    def append(self, x):
        if x not in self:
            super().append(x)
u = UniqueList(); u.append(1); u.append(1); u.append(2); print(u)
s = set(); 
class TagSet(set):
    pass
ts = TagSet([1, 2, 2]); ts.add(3); print(sorted(ts), len(ts), 2 in ts)
