import collections.abc
from collections.abc import (Hashable, Iterable, Iterator, Reversible, Generator, Sized,
                             Container, Collection, Callable, Set, MutableSet, Mapping,
                             MutableMapping, MappingView, KeysView, ItemsView, ValuesView,
                             Sequence, MutableSequence, ByteString)
import collections

abcs = [Hashable, Iterable, Iterator, Reversible, Generator, Sized, Container, Collection,
        Callable, Set, MutableSet, Mapping, MutableMapping, Sequence, MutableSequence, ByteString]

def gen():
    yield 1

samples = [[], (), {}, set(), frozenset(), "s", b"b", bytearray(), range(3), 1, 1.5, None,
           gen(), {}.keys(), {}.values(), {}.items(), len, lambda: 0, memoryview(b""),
           collections.OrderedDict(), collections.deque(), collections.Counter()]
for s in samples:
    print(type(s).__name__, [a.__name__ for a in abcs if isinstance(s, a)])

print(issubclass(list, MutableSequence), issubclass(dict, MutableMapping), issubclass(tuple, MutableSequence))
print(issubclass(str, Sequence), issubclass(set, Set), issubclass(frozenset, MutableSet))
print(collections.abc.Mapping is Mapping, Mapping.__module__)
print([isinstance(it, Iterator) for it in (iter([]), iter(()), iter(""), iter({}), iter(set()), iter(range(2)), iter(b""))])

class Fib:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration
    def __len__(self):
        return 0

print(isinstance(Fib(), Iterator), isinstance(Fib(), Iterable), isinstance(Fib(), Sized), isinstance(Fib(), Container))

class NoHash:
    __hash__ = None
print(isinstance(NoHash(), Hashable), isinstance(1, Hashable), isinstance([], Hashable))

class Bag(MutableMapping):
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d[k]
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __iter__(self):
        return iter(self.d)
    def __len__(self):
        return len(self.d)

b = Bag()
b["x"] = 1
b.update({"y": 2}, z=3)
print(sorted(b.items()), "x" in b, b.get("q", 0), b.setdefault("w", 9), b.pop("x"), len(b))
print(sorted(b.keys()), sorted(b.values()), b == {"y": 2, "z": 3, "w": 9}, isinstance(b, Mapping))
print(b.popitem(), len(b))
b.clear()
print(len(b), repr(b.keys())[:8])

class Ints(Sequence):
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return self.n

s = Ints(4)
print(list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)), isinstance(s, Reversible))

class Incomplete(Sequence):
    pass
try:
    Incomplete()
except TypeError as e:
    print("TypeError", e)

class Vec(MutableSequence):
    def __init__(self):
        self.items = []
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __len__(self):
        return len(self.items)
    def insert(self, i, v):
        self.items.insert(i, v)

v = Vec()
v.append(1)
v.extend([2, 3])
v += [4]
v.reverse()
print(v.items, v.pop(), v.items)
v.remove(3)
print(v.items)

class S(Set):
    def __init__(self, it=()):
        self.e = list(dict.fromkeys(it))
    def __contains__(self, x):
        return x in self.e
    def __iter__(self):
        return iter(self.e)
    def __len__(self):
        return len(self.e)

a, c = S([1, 2, 3]), S([2, 3, 4])
print(sorted(a & c), sorted(a | c), sorted(a - c), sorted(a ^ c), a <= S([1, 2, 3, 5]), a == S([3, 2, 1]), a.isdisjoint([9]))

class Virtual:
    pass
Sequence.register(Virtual)
print(issubclass(Virtual, Sequence), isinstance(Virtual(), Sized), issubclass(Virtual, Iterable))
print(isinstance(print, Callable), isinstance(Bag, Callable), isinstance(3, Callable))
