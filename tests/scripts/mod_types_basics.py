import types
import sys


def plain():
    return 1


def gen():
    yield 1


class K:
    def method(self):
        return self

    @classmethod
    def cm(cls):
        return cls


print(isinstance(plain, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(types.FunctionType is types.LambdaType, isinstance(len, types.FunctionType))
print(isinstance(gen(), types.GeneratorType), isinstance(plain(), types.GeneratorType))
print(isinstance(K().method, types.MethodType), isinstance(K.cm, types.MethodType), isinstance(K.method, types.MethodType))
print(isinstance(len, types.BuiltinFunctionType), isinstance([].append, types.BuiltinMethodType))
print(isinstance(sys, types.ModuleType), types.ModuleType.__name__)
print(types.NoneType, types.NoneType is type(None), types.EllipsisType, types.NotImplementedType)
print(type(None)() is None)

m = types.MethodType(lambda self, x: (self, x), "bound")
print(m(5), m.__self__)

mod = types.ModuleType("made", "A module made at run time.")
mod.answer = 42
print(mod.__name__, mod.__doc__, mod.answer, repr(mod))

ns = types.SimpleNamespace(a=1, b="two")
print(ns, ns.a, ns.b)
ns.c = [1, 2]
del ns.a
print(ns, vars(ns))
print(types.SimpleNamespace(x=1) == types.SimpleNamespace(x=1), types.SimpleNamespace(x=1) == types.SimpleNamespace(x=2))
print(types.SimpleNamespace() == types.SimpleNamespace(), types.SimpleNamespace(x=1) != {"x": 1})
print(repr(types.SimpleNamespace()), types.SimpleNamespace.__name__, types.SimpleNamespace.__module__)
try:
    types.SimpleNamespace(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(types.SimpleNamespace())
except TypeError:
    print("TypeError: unhashable")
loop = types.SimpleNamespace(name="loop")
loop.me = loop
print(loop)


class Point(types.SimpleNamespace):
    pass


print(Point(x=1, y=2), Point(x=1) == types.SimpleNamespace(x=1))

proxy = types.MappingProxyType({"a": 1, "b": 2})
print(proxy["a"], len(proxy), list(proxy), "b" in proxy, proxy.get("z", 0), dict(proxy.items()))
try:
    proxy["c"] = 3
except TypeError as e:
    print("TypeError:", e)
print(type(K.__dict__) is types.MappingProxyType)

Dyn = types.new_class("Dyn", (K,), {}, lambda ns: ns.update({"x": 10, "hello": lambda self: "hi"}))
print(Dyn.__name__, Dyn.__bases__, Dyn.x, Dyn().hello(), isinstance(Dyn(), K))
meta, ns, kwds = types.prepare_class("Z", (K,), {"flag": True})
print(meta, ns, kwds)
print(types.resolve_bases((K, int)) == (K, int))


class Entries:
    def __mro_entries__(self, bases):
        return (K,)


print(types.resolve_bases((Entries(), int)))
Made = types.new_class("Made", (Entries(),))
print(Made.__bases__, Made.__orig_bases__[0].__class__.__name__)


class Meta1(type):
    pass


class Meta2(type):
    pass


class A(metaclass=Meta1):
    pass


class B(metaclass=Meta2):
    pass


try:
    types.new_class("C", (A, B))
except TypeError as e:
    print("TypeError:", e)


class WithDynamic:
    def __init__(self):
        self._v = 5

    @types.DynamicClassAttribute
    def value(self):
        "the value"
        return self._v

    def __getattr__(self, name):
        return "getattr:" + name


print(WithDynamic().value)
try:
    print(WithDynamic.value)
except AttributeError:
    print("class access raises AttributeError")
print(WithDynamic.__dict__["value"].__doc__)
print(sorted(types.__all__)[:6])
