import reprlib
from collections import deque

print(reprlib.repr("x" * 100))
print(reprlib.repr("short"), reprlib.repr("a'b\"c" * 10))
print(reprlib.repr(list(range(100))), reprlib.repr(list(range(6))), reprlib.repr([]))
print(reprlib.repr(tuple(range(10))), reprlib.repr((1,)), reprlib.repr(()))
print(reprlib.repr(set(range(50))), reprlib.repr(set()), reprlib.repr({"b", "a"}))
print(reprlib.repr(frozenset(range(50))), reprlib.repr(frozenset()))
print(reprlib.repr({i: str(i) * i for i in range(10)}), reprlib.repr({}))
print(reprlib.repr(2 ** 200), reprlib.repr(-12345), reprlib.repr(3.5))
print(reprlib.repr([[[[[[[[1]]]]]]]]), reprlib.repr({"a": {"b": {"c": {}}}}))
print(reprlib.repr(deque(range(20))))
print(reprlib.repr({1, "a", 2.5}) in ("{1, 2.5, 'a'}", "{1, 'a', 2.5}", "{'a', 1, 2.5}"))


class Long:
    def __repr__(self):
        return "Long(" + "x" * 50 + ")"


class Broken:
    def __repr__(self):
        raise RuntimeError("no repr")


print(reprlib.repr(Long()), reprlib.repr([Long()]))
print(reprlib.repr(Broken()).startswith("<Broken instance at 0x"))

r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 12
r.maxlevel = 2
r.fillvalue = "+++"
print(r.repr(list(range(10))), r.repr("abcdefghijklmnopqrstuvwxyz"), r.repr([[[1]]]))
print(r.maxdict, r.maxtuple, r.maxset, r.maxlong, r.maxother, r.maxarray)


class MyRepr(reprlib.Repr):
    def repr_int(self, x, level):
        return "int:" + str(x)


print(MyRepr().repr([1, 2, (3, "x")]))


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.name!r}, {self.children!r})"


root = Node("root")
child = Node("child")
root.children.append(child)
child.children.append(root)
print(root)
print(Node.__repr__.__name__, Node.__repr__.__qualname__)


class Tagged:
    @reprlib.recursive_repr("<loop>")
    def __repr__(self):
        return "Tagged(" + repr(self.other) + ")"


t = Tagged()
t.other = [t]
print(repr(t))
