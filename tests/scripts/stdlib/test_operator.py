import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul(4, 5), operator.truediv(7, 2),
      operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(5),
      operator.pos(-5), operator.abs(-3))
print(operator.eq(1, 1), operator.ne(1, 1), operator.lt(1, 2), operator.le(2, 2),
      operator.gt(1, 2), operator.ge(3, 2), operator.not_(0), operator.truth([]),
      operator.is_(None, None), operator.is_not(1, None))
print(operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.concat([1], [2]),
      operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.inv(5),
      operator.invert(0), operator.lshift(1, 10), operator.rshift(1024, 3), operator.index(7),
      operator.index(True))
l = [1, 2, 3]
operator.setitem(l, 0, "x")
operator.delitem(l, 1)
print(l, operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.length_hint([1, 2]))
a = [1]
b = operator.iadd(a, [2])
print(a, b is a, operator.iadd(1, 2), operator.isub(5, 2), operator.imul([0], 3),
      operator.itruediv(1, 4), operator.ifloordiv(9, 4), operator.imod(9, 4), operator.ipow(3, 3),
      operator.ilshift(1, 3), operator.irshift(8, 1), operator.iand(6, 3), operator.ior(6, 3),
      operator.ixor(6, 3), operator.iconcat([1], [2]))
print(operator.__add__(1, 2), operator.__lt__(1, 2), operator.__getitem__([5], 0))
try:
    operator.index(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    operator.concat(1, 2)
except TypeError as e:
    print("TypeError:", e)

g = itemgetter(1)
print(g([10, 20, 30]), g("xyz"), itemgetter(0, 2)("abc"), itemgetter("k")({"k": 5}), repr(g), repr(itemgetter(0, "a")))
rows = [("b", 2), ("a", 2), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(slice(1, 3))("abcd"))


class Inner:
    def __init__(self):
        self.value = 42


class Outer:
    def __init__(self, name):
        self.name = name
        self.inner = Inner()

    def greet(self, greeting, punct="!"):
        return "%s, %s%s" % (greeting, self.name, punct)


o = Outer("bob")
print(attrgetter("name")(o), attrgetter("inner.value")(o), attrgetter("name", "inner.value")(o))
print(repr(attrgetter("a.b")), repr(attrgetter("x", "y")))
print(sorted([Outer("z"), Outer("a")], key=attrgetter("name"))[0].name)
try:
    attrgetter("missing")(o)
except AttributeError as e:
    print("AttributeError")
try:
    attrgetter(5)
except TypeError as e:
    print("TypeError:", e)
m = methodcaller("greet", "Hi")
print(m(o), methodcaller("greet", "Yo", punct="?")(o), methodcaller("upper")("abc"))
print(repr(m), repr(methodcaller("f", 1, k=2)))
print(list(map(methodcaller("split", ","), ["a,b", "c"])))
print(operator.call(max, 3, 9))
