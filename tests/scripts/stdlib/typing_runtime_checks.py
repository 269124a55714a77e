# isinstance()/issubclass() with typing aliases, runtime-checkable
# Protocols, Generic parameters, Union == X | Y.
import collections
import typing
from typing import (Any, Callable, Dict, Generic, Iterable, Iterator, List,
                    Mapping, MutableMapping, Optional, Protocol, Sequence,
                    Sized, Tuple, TypeVar, Union, runtime_checkable)

print(isinstance([1], Iterable), isinstance(3, Iterable))
print(isinstance({}, Mapping), isinstance([], Mapping))
print(isinstance([], Sequence), isinstance('s', Sequence), isinstance({1}, Sequence))
print(issubclass(dict, MutableMapping), issubclass(tuple, typing.MutableSequence))
print(isinstance(iter([]), Iterator), isinstance(len, Callable), isinstance(3, Callable))
print(isinstance([], List), isinstance((), Tuple), isinstance({}, Dict), issubclass(bool, typing.Type) if False else '-')
print(isinstance(collections.deque(), typing.Deque), isinstance(collections.Counter(), typing.Counter))
print(isinstance(3, typing.Hashable), isinstance([], Sized))
print(issubclass(list, Iterable), issubclass(int, Sized))
print(isinstance(1, Union[int, str]), isinstance(None, Optional[str]), isinstance(2.0, Union[int, str]))
for bad in [List[int], Dict[str, int], Any]:
    try:
        isinstance(1, bad)
    except TypeError as exc:
        print('TypeError:', exc)
try:
    issubclass(int, Iterable[int])
except TypeError as exc:
    print('TypeError:', exc)

print(Union[int, str] == (int | str), (int | str) == Union[int, str])
print(Optional[int] == (int | None), Union[int, str] == (int | float))
print(Union[int | str, None])
print(typing.SupportsInt, isinstance(3, typing.SupportsInt), isinstance('x', typing.SupportsInt))
print(isinstance(2.5, typing.SupportsFloat), isinstance(-3, typing.SupportsAbs), isinstance(1.5, typing.SupportsRound))


@runtime_checkable
class Closable(Protocol):
    def close(self):
        ...


class Resource:
    def close(self):
        pass


class NotClosable:
    pass


class Nulled:
    close = None


print(isinstance(Resource(), Closable), isinstance(NotClosable(), Closable),
      isinstance(Nulled(), Closable))
print(issubclass(Resource, Closable), issubclass(NotClosable, Closable))
print(isinstance(open(__file__), Closable))


@runtime_checkable
class HasName(Protocol):
    name: str


class Named:
    def __init__(self):
        self.name = 'n'


print(isinstance(Named(), HasName), isinstance(NotClosable(), HasName))
try:
    issubclass(Named, HasName)
except TypeError as exc:
    print('TypeError:', exc)


class Plain(Protocol):
    def meth(self):
        ...


try:
    isinstance(Resource(), Plain)
except TypeError as exc:
    print('TypeError:', exc)
try:
    Closable()
except TypeError as exc:
    print('TypeError:', exc)


class Impl(Closable):
    def close(self):
        return 'closed'


print(Impl().close(), isinstance(Impl(), Closable))
try:
    runtime_checkable(Resource)
except TypeError as exc:
    print('TypeError:', exc)

T = TypeVar('T')
K = TypeVar('K')
V = TypeVar('V')


class Box(Generic[T]):
    def __init__(self, item):
        self.item = item


class Pair(Generic[K, V]):
    pass


class IntBox(Box[int]):
    pass


class MyMap(Dict[K, V]):
    pass


class Mixed(Box[T], Pair[K, V]):
    pass


print(Box.__parameters__, Pair.__parameters__, IntBox.__parameters__)
print(MyMap.__parameters__, Mixed.__parameters__)
print(Box[int], Pair[str, int], Box[List[T]], Box[List[T]].__parameters__)
b = Box[int](5)
print(b.item, b.__orig_class__, type(b).__name__)
print(Box.__mro__, MyMap.__mro__)
print(Box.__orig_bases__, IntBox.__orig_bases__)
print(issubclass(Box, Generic), isinstance(b, Box))
print(Generic[T], typing.Protocol[T])


@runtime_checkable
class GenProto(Protocol[T]):
    def get(self):
        ...


print(GenProto.__parameters__, isinstance(Box(1), GenProto))
for make in [lambda: Box[int, str], lambda: Generic[int], lambda: Generic[T, T],
             lambda: Resource.__class_getitem__ if False else IntBox[int]]:
    try:
        make()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__ + ':', exc)
try:
    class Wrong(Generic):
        pass
except TypeError as exc:
    print('TypeError:', exc)
try:
    class Wrong2(Box[T], Generic[K]):
        pass
except TypeError as exc:
    print('TypeError:', exc)
