print(list[int], dict[str, int], tuple[int, ...])
print(type(list[int]))
x = list[int]
print(x.__origin__, x.__args__)
print(int | None, type(int | str))
print(isinstance(3, int | str))
def f(a: list[int]) -> dict[str, list[int]]: pass
print(f.__annotations__)
print(list[int]([1,2]))
print(list[int] == list[int], list[int] == list[str], hash(list[int]) == hash(list[int]))
print((int | str) == (str | int), int | str | int)
print(issubclass(bool, int | str), isinstance(None, int | None))
class G:
    def __class_getitem__(cls, item): return f"G[{item}]"
print(G[int])
try: int[3]
except TypeError as e: print(e)
GA = type(list[int])
print(GA(list, (int,)))
class MyList(list[int]): pass
print(MyList.__mro__, MyList.__orig_bases__)
print(dict[str, list[int] | None])
print(hasattr(type, '__class_getitem__'), type[int], type[int].__origin__, dict[str, int])
class M(type): pass
try:
    M[int]
except TypeError as e:
    print(e)
print(list[int], tuple[int, ...], type[int] == type[int])
