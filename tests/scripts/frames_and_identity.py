"""A caller's frame shows its own variables (also while it is in a plain
call), isinstance honours a __class__ property, and giving a class __eq__
after it was made leaves its instances hashable, as in CPython."""
import sys


def caller_frame():
    return sys._getframe(1)


def with_args(p, *rest, **kw):
    q = 7
    return caller_frame().f_locals


print(with_args(1, 2, k=3))


def outer():
    x = 5

    def inner():
        return sorted(sys._getframe().f_back.f_locals)

    return inner()


print(outer())


def a(n):
    k = n * 2
    return b(n)


def b(m):
    return sys._getframe(1).f_locals, sys._getframe(2).f_code.co_name


print(a(3))


class Proxy:
    __class__ = property(lambda self: int)


print(isinstance(Proxy(), int), isinstance(Proxy(), Proxy), isinstance(Proxy(), str))


class Late:
    pass


Late.__eq__ = lambda self, other: True
print(isinstance(hash(Late()), int), Late() == 3)


class Early:
    def __eq__(self, other):
        return True


try:
    hash(Early())
except TypeError as e:
    print(e)
