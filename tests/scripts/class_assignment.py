# obj.__class__ = C: between classes of the same layout, as CPython allows.
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B:" + super().who()
a = A()
a.x = 1
a.__class__ = B
print(a.who(), type(a).__name__, isinstance(a, B), a.__class__.__name__, a.x, vars(a))
a.__class__ = A
print(a.who(), type(a) is A)
for bad in (5, int, object):
    try:
        a.__class__ = bad
    except TypeError as e:
        print(e)
x = 1
try:
    x.__class__ = bool
except TypeError as e:
    print(e)
class S:
    __slots__ = ('x',)
class T:
    __slots__ = ('x',)
s = S()
s.__class__ = T
print(type(s).__name__)
try:
    s.__class__ = A
except TypeError as e:
    print(e)
class L(list): pass
class M(list): pass
class D(dict): pass
l = L([1]); l.__class__ = M; print(type(l), l)
try:
    l.__class__ = D
except TypeError as e:
    print(e)
class E(Exception): pass
class F(ValueError): pass
class G(Exception): pass
e = E(1); e.__class__ = G; print(type(e), e.args)
try:
    e.__class__ = F
except TypeError as err:
    print(err)
# A state machine that switches its own class.
class Closed:
    def open(self):
        self.__class__ = Open
        return "opened"
class Open:
    def open(self):
        return "already open"
    def close(self):
        self.__class__ = Closed
        return "closed"
c = Closed()
print([c.open(), c.open(), c.close(), c.open()])
for i in range(3):
    c.__class__ = Open if i % 2 == 0 else Closed
    print(type(c).__name__, hasattr(c, "close"))
class Meta(type): pass
class P(metaclass=Meta): pass
class Q(metaclass=Meta): pass
p = P(); p.__class__ = Q; print(type(p).__name__)
