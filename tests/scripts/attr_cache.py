# Class attribute lookups are cached; every change to a class namespace must
# be seen at once, through instances, subclasses and special methods.


class Base:
    kind = "base"

    def speak(self):
        return "base"

    def __len__(self):
        return 1


class Child(Base):
    pass


c = Child()
for _ in range(3):
    print(c.speak(), c.kind, len(c))

Base.speak = lambda self: "patched"
Base.kind = "changed"
Base.__len__ = lambda self: 7
print(c.speak(), c.kind, len(c))

Child.speak = lambda self: "child"
print(c.speak(), Base().speak())

del Child.speak
print(c.speak())

c.kind = "instance"
print(c.kind, Child.kind)
del c.kind
print(c.kind)

setattr(Base, "extra", 42)
print(c.extra, getattr(c, "extra"))
delattr(Base, "extra")
print(hasattr(c, "extra"))


class Desc:
    def __get__(self, obj, typ=None):
        return "from descriptor"


print(hasattr(c, "d"))
Base.d = Desc()
print(c.d)


class P:
    @property
    def value(self):
        return 1


p = P()
print(p.value)
P.value = property(lambda self: 2)
print(p.value)


def make(n):
    class K:
        def get(self):
            return n

    return K()


print([make(i).get() for i in range(5)])
