# Classes made at run time and dropped are freed: by reference counting when
# nothing else holds them (`__subclasses__` holds its classes weakly), by the
# collector when they are in a cycle (a class attribute naming the class, a
# `__class__` cell for `super()`, a metaclass, `exec`'d code whose functions
# hold the namespace the class is in). The counts are CPython's.
import gc
import weakref

gc.collect()


class Base:
    pass


def plain(base):
    class C(base):
        pass

    return weakref.ref(C)


r = plain(Base)
gc.collect()
print("freed:", r() is None, len(Base.__subclasses__()))


def cyclic(base):
    class C(base):
        pass

    C.me = C
    return weakref.ref(C)


for base in (object, Base, Exception, ValueError, int, tuple, list, dict, str):
    r = cyclic(base)
    print(base.__name__, "alive before:", r() is not None, end=" ")
    print("collected:", gc.collect(), "alive after:", r() is not None)


def with_super():
    class D(Base):
        def m(self):
            return super().m

    return weakref.ref(D)


r = with_super()
print("__class__ cell:", gc.collect(), r() is None)


def slots():
    class S:
        __slots__ = ("a", "b")

    S.me = S

    class T(Base):
        __slots__ = ("a",)

    T.me = T


slots()
print("slots:", gc.collect())


def meta():
    class M(type):
        pass

    class X(metaclass=M):
        pass

    X.me = X
    M.me = M
    return weakref.ref(M)


r = meta()
print("metaclass:", gc.collect(), r() is None)


def members():
    class C:
        "doc"
        a = 1

        def f(self):
            pass

        @staticmethod
        def g():
            pass

        @classmethod
        def h(cls):
            pass

        @property
        def p(self):
            return 1

    C.me = C


members()
print("members:", gc.collect())

refs = []
for i in range(50):
    ns = {}
    exec("class C:\n    def m(self):\n        return C\n", ns)
    refs.append(weakref.ref(ns["C"]))
    del ns
print("exec'd namespaces:", gc.collect(), sum(r() is None for r in refs))

# A class still used by a live instance stays.
def keep():
    class K:
        pass

    K.me = K
    return K()


k = keep()
gc.collect()
print("kept:", type(k).__name__, type(k).me is type(k))
