# Attribute loads and stores go through per-instruction caches; these must
# notice every change that alters what `obj.name` means.


class A:
    def __init__(self, v):
        self.v = v


def get_v(o):
    return o.v


def set_v(o, x):
    o.v = x


a = A(1)
print([get_v(a) for _ in range(3)])

# A data descriptor added to the class later wins over the instance dict.
A.v = property(lambda self: "property")
print(get_v(a))
try:
    set_v(a, 5)
except AttributeError:
    print("AttributeError: no setter")
del A.v
print(get_v(a))
set_v(a, 7)
print(get_v(a))

# A __setattr__ added later takes the stores.
log = []


def logging_setattr(self, name, value):
    log.append((name, value))
    object.__setattr__(self, name, value)


A.__setattr__ = logging_setattr
set_v(a, 8)
print(get_v(a), log)
del A.__setattr__
set_v(a, 9)
print(get_v(a), log)


# Many classes through one site (inherited method), and a class attribute
# shadowed by an instance attribute.
class Base:
    kind = "base"

    def describe(self):
        return (self.kind, self.n)


classes = [type("K%d" % i, (Base,), {}) for i in range(7)]
objs = []
for i, K in enumerate(classes):
    o = K()
    o.n = i
    if i % 2:
        o.kind = "own%d" % i
    objs.append(o)
for _ in range(3):
    print([o.describe() for o in objs])

# Deleting an instance attribute falls back to the class attribute.
o = objs[1]
del o.kind
print(o.describe())


# Instances whose dicts hold the same name at different positions.
class P:
    pass


p, q = P(), P()
p.x, p.y = 1, 2
q.y, q.x = 3, 4
print([(r.x, r.y) for r in (p, q, p, q)])
