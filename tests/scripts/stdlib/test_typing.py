import typing
from typing import (Any, Optional, Union, List, Dict, Tuple, Set, FrozenSet, Callable,
                    Iterable, Iterator, Generator, Sequence, Mapping, TypeVar, Generic,
                    NamedTuple, cast, TYPE_CHECKING, Type, ClassVar, Final, Literal,
                    Protocol, TypedDict, Deque, DefaultDict, Counter, NoReturn,
                    Annotated, overload, final, NewType, get_origin, get_args,
                    MutableMapping, AbstractSet, Hashable, Sized, Awaitable)

print(TYPE_CHECKING, Any, Optional, Union, List, Dict, Callable, Iterable, Generator)
print(List[int], Dict[str, int], Set[str], FrozenSet[int], Tuple[int, str], Tuple[int, ...], Tuple[()])
print(Optional[str], Optional[List[int]], Union[int, str], Union[int, str, None], Union[int], Union[int, int])
print(Union[int, Union[str, float]], Union[None, int], Optional[Union[int, str]])
print(Callable[[int, str], bool], Callable[..., int], Callable[[], None])
print(Iterable[int], Iterator[str], Generator[int, None, None], Sequence[float], Mapping[str, Any])
print(Type[int], ClassVar[int], Final[str], Literal["a", 1], Deque[int], DefaultDict[str, int], Counter[str])
print(Dict[str, List[Tuple[int, Optional[str]]]], MutableMapping[str, int], AbstractSet[int], Hashable, Sized)
print(List["Forward"], Optional["Node"], Annotated[int, "meta"], Awaitable[int])
print(Union[int, str] == Union[str, int], List[int] == List[int], List[int] == List[str], Optional[int] == Union[int, None])
print(get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union, get_args(Optional[int]))
print(get_args(Callable[[int], str]), get_origin(int), get_args(int))

T = TypeVar("T")
K = TypeVar("K", str, int)
V_co = TypeVar("V_co", covariant=True)
print(T, K, V_co, T.__name__, List[T], Dict[str, T], List[T][int], Dict[K, T][str, float])


class Stack(Generic[T]):
    def __init__(self):
        self.items = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack()
s.push(1)
s.push(2)
print(s.pop(), isinstance(s, Stack), Generic)


def greet(name: Optional[str] = None, tags: List[str] = []) -> Dict[str, int]:
    return {name or "anon": len(tags)}


print(greet(), greet("bob", ["a"]))


def apply(f: Callable[[int], int], xs: Iterable[int]) -> List[int]:
    return [f(x) for x in xs]


print(apply(lambda v: v * 2, [1, 2]))
print(cast(int, "not really"), cast("List[int]", [1]))
Employee = NamedTuple("Employee", [("name", str), ("id", int)])
e = Employee("ann", 3)
print(e, e.name, e.id, Employee._fields)
UserId = NewType("UserId", int)
print(UserId(5), UserId)


class Closer(Protocol):
    def close(self) -> None:
        ...


class Impl(Closer):
    def close(self):
        return "closed"


print(Impl().close())


class Movie(TypedDict):
    pass


m = Movie(name="Blade Runner", year=1982)
print(m, m["year"], isinstance(m, dict))


@overload
def double(x: int) -> int:
    ...


@overload
def double(x: str) -> str:
    ...


def double(x):
    return x * 2


print(double(2), double("ab"))


@final
def done():
    return "done"


print(done())
try:
    List()
except TypeError as err:
    print("TypeError:", err)
try:
    Any[int]
except TypeError as err:
    print("TypeError:", err)
for call in [lambda: Optional[int, str], lambda: Union[()], lambda: List[int, str],
             lambda: Dict[int], lambda: Callable[int], lambda: ClassVar[int, str], lambda: Any(),
             lambda: Union(), lambda: T(), lambda: Dict[str, int](a=1), lambda: List[int]([1]),
             lambda: NoReturn[int]]:
    try:
        print("no error", call())
    except TypeError as err:
        print("TypeError:", err)
print(type(Generic()).__name__, type(Stack[int]()).__name__)
