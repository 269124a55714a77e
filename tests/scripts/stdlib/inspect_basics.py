import inspect


def f(a, b=2, /, c=3, *args, d, e=5, **kw) -> int:
    """Add things.

        Indented detail.
    """
    return a


def g(x: int, y: "str" = "hi", *, z: list = None):
    yield x


def plain(p, q):
    pass


class Point:
    """A point."""

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def move(self, dx, *, dy=0):
        return self

    @staticmethod
    def origin():
        return Point(0)

    @classmethod
    def make(cls, v):
        return cls(v)


sig = inspect.signature(f)
print(sig, repr(sig))
for name, p in sig.parameters.items():
    print(name, p.kind, p.kind.name, p.default is inspect.Parameter.empty, p.default, repr(p), str(p))
print(sig.return_annotation, inspect.signature(g), inspect.signature(plain))
print(inspect.signature(Point), inspect.signature(Point.move), inspect.signature(Point(1).move))
print(inspect.signature(Point.origin), inspect.signature(Point.make), inspect.signature(lambda *a, **k: 0))
print(inspect.signature(f).parameters['e'].default, list(inspect.signature(g).parameters))
print(inspect.Parameter.POSITIONAL_ONLY < inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.VAR_KEYWORD.description)

ba = inspect.signature(plain).bind(1, q=2)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(g).bind_partial(5)
ba.apply_defaults()
print(ba.arguments)
try:
    inspect.signature(plain).bind(1)
except TypeError as e:
    print("TypeError", e)
try:
    inspect.signature(plain).bind(1, 2, 3)
except TypeError as e:
    print("TypeError", e)

print(inspect.isfunction(f), inspect.isfunction(len), inspect.isbuiltin(len), inspect.isclass(Point), inspect.isclass(Point(1)))
print(inspect.ismethod(Point(1).move), inspect.ismethod(Point.move), inspect.isroutine(len), inspect.ismodule(inspect))
print(inspect.isgeneratorfunction(g), inspect.isgeneratorfunction(f), inspect.isgenerator(g(1)), inspect.isgenerator([]))
print(inspect.iscoroutinefunction(f), inspect.isabstract(Point))
print(inspect.getdoc(f), repr(inspect.getdoc(Point)), inspect.cleandoc("  a\n    b\n   c\n"))
print([name for name, _ in inspect.getmembers(Point(1)) if not name.startswith('_')])
print([name for name, _ in inspect.getmembers(Point, inspect.isfunction)])
print(inspect.getsource(plain), end="")
print(inspect.getsourcelines(Point.move)[1])
