x: int = 5
y: "str"
def f(a: int, b: str = "x", *args: float, c: bool = True, **kw: dict) -> list:
    z: int = 3
    return z
print(__annotations__, f.__annotations__, f(1))
class C:
    a: int
    b: str = "hi"
    if True:
        c: float = 1.0
    def m(self) -> None: pass
print(C.__annotations__, C.b, C.m.__annotations__)
def g(): pass
print(g.__annotations__)
g.__annotations__["q"] = 1
print(g.__annotations__)
print(f.__code__.co_varnames, f.__closure__, f.__kwdefaults__)
