# get_type_hints evaluating string annotations; get_origin/get_args for
# typing aliases, builtin generics and X | Y; TypedDict keys.
import collections.abc
import types
import typing
from typing import (Annotated, Callable, ClassVar, Dict, Generic, List,
                    Literal, NotRequired, Optional, Required, Tuple, TypedDict,
                    TypeVar, Union, get_args, get_origin, get_type_hints)


class Node:
    value: int
    next: "Optional[Node]"
    children: "List[Node]" = []
    count: ClassVar[int] = 0

    def link(self, other: "Node", weight: "float" = 1.0) -> "Optional[Node]":
        return None


def f(a: int, b: "List[int]", c: "Dict[str, Node]" = None, *args: "str",
      d: list["Node"], **kw: Annotated[int, 'meta']) -> None:
    pass


def g(x, y=1):
    pass


print(get_type_hints(Node))
print(get_type_hints(Node.link))
print(get_type_hints(f))
print(get_type_hints(f, include_extras=True)['kw'])
print(get_type_hints(g))


class Child(Node):
    extra: "Tuple[int, ...]"


print(list(get_type_hints(Child)))
print(get_type_hints(Child)['extra'])
print(get_type_hints(f, localns={'Node': str})['c'])
try:
    get_type_hints(42)
except TypeError as exc:
    print('TypeError:', exc)


def h(x: "Undefined"):
    pass


try:
    get_type_hints(h)
except NameError as exc:
    print('NameError')

T = TypeVar('T')
print(get_origin(List[int]), get_args(List[int]))
print(get_origin(list[int]), get_args(list[int]))
print(get_origin(dict[str, list[int]]), get_args(dict[str, list[int]]))
print(get_origin(int | str) is types.UnionType, get_args(int | str))
print(get_origin(Union[int, str]), get_args(Optional[int]))
print(get_origin(Callable[[int, str], bool]) is collections.abc.Callable,
      get_args(Callable[[int, str], bool]), get_args(Callable[..., int]))
print(get_origin(Literal[1, 'a']), get_args(Literal[1, 'a']))
print(get_origin(Annotated[int, 'x']), get_args(Annotated[int, 'x', 2]))
print(get_origin(ClassVar[int]), get_origin(Generic), get_origin(Generic[T]))
print(get_origin(int), get_args(int), get_origin(List), get_args(List))
print(get_origin(Tuple[int, ...]), get_args(Tuple[int, ...]), get_args(Tuple[()]))
print(get_origin(typing.Deque[int]), get_origin(typing.Iterable[int]))


class Movie(TypedDict, total=False):
    title: str
    year: int


class Base(TypedDict):
    name: str
    age: NotRequired[int]


class Derived(Base, total=False):
    city: str
    zip: Required[str]


print(Movie.__total__, sorted(Movie.__required_keys__), sorted(Movie.__optional_keys__))
print(Base.__total__, sorted(Base.__required_keys__), sorted(Base.__optional_keys__))
print(Derived.__total__, sorted(Derived.__required_keys__), sorted(Derived.__optional_keys__))
print(Derived.__annotations__)
print(get_type_hints(Derived))
m = Movie(title='Blade Runner')
print(m, type(m) is dict)
print(Movie.__mro__, Movie.__bases__)
try:
    isinstance(m, Movie)
except TypeError as exc:
    print('TypeError:', exc)
Point = TypedDict('Point', {'x': int, 'y': 'int'}, total=False)
print(Point, Point.__module__, Point.__total__, sorted(Point.__optional_keys__))
print(Point.__annotations__)
print(typing.is_typeddict(Movie), typing.is_typeddict(dict), typing.is_typeddict(Point))
try:
    class Wrong(TypedDict, int):
        pass
except TypeError as exc:
    print('TypeError:', exc)
