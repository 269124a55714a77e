# `import collections` alone gives access to collections.abc.
import collections

print(collections.abc.Mapping)
print(collections.abc.MutableSequence)
print(isinstance({}, collections.abc.Mapping))
print(isinstance([], collections.abc.Sequence), isinstance((), collections.abc.MutableSequence))
print(issubclass(collections.deque, collections.abc.MutableSequence))
print(isinstance(collections.OrderedDict(), collections.abc.MutableMapping))
print(isinstance(collections.Counter(), collections.abc.Mapping))

import collections.abc
from collections import abc
print(abc is collections.abc)
from collections.abc import Iterable, Sized
print(isinstance(iter([]), Iterable), isinstance(3, Sized))
