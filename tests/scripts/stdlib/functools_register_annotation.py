# singledispatch / singledispatchmethod: register() by annotation, union
# types, ABCs, classmethod/staticmethod implementations.
import collections.abc
import re
from functools import singledispatch, singledispatchmethod
from typing import List, Optional, Union


@singledispatch
def describe(arg):
    return 'object %r' % (arg,)


@describe.register
def _(arg: int):
    return 'int %d' % arg


@describe.register
def _(arg: 'float', verbose=False):
    return 'float %.2f' % arg


@describe.register
def _(arg: list):
    return 'list of %d' % len(arg)


@describe.register
def _(arg: str | bytes):
    return 'text %r' % (arg,)


@describe.register
def _(arg: Union[set, frozenset]):
    return 'set of %d' % len(arg)


@describe.register(dict)
def _(arg):
    return 'dict %s' % sorted(arg)


def for_tuple(arg):
    return 'tuple %r' % (arg,)


describe.register(tuple, for_tuple)


@describe.register
def _(arg: collections.abc.Mapping):
    return 'mapping of %d' % len(arg)


class Proxy(collections.abc.Mapping):
    def __getitem__(self, k):
        raise KeyError(k)

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0


for value in [1, True, 2.5, [1, 2], 'ab', b'x', {1}, frozenset(), {'b': 1, 'a': 2},
              (1,), None, Proxy(), collections.OrderedDict(a=1)]:
    print(describe(value))
print(describe.dispatch(bool).__name__, describe.dispatch(int) is describe.dispatch(bool))
print(sorted([c.__name__ for c in describe.registry]))

for bad in [lambda: describe.register(3), lambda: describe.register(lambda x: x),
            lambda: describe.register(List[int], for_tuple)]:
    try:
        bad()
    except TypeError as exc:
        print('TypeError:', re.sub(r'0x[0-9a-f]+', '0xADDR', str(exc)))


def annotated_generic(arg: List[int]):
    pass


def annotated_opt(arg: Optional[List[int]]):
    pass


for fn in [annotated_generic, annotated_opt]:
    try:
        describe.register(fn)
    except TypeError as exc:
        print('TypeError:', exc)


class Negator:
    @singledispatchmethod
    def neg(self, arg):
        raise NotImplementedError("Cannot negate a %s" % type(arg).__name__)

    @neg.register
    def _(self, arg: int):
        return -arg

    @neg.register
    def _(self, arg: bool):
        return not arg

    @neg.register(str)
    def _(self, arg):
        return arg[::-1]

    @singledispatchmethod
    @classmethod
    def make(cls, arg):
        return 'generic ' + cls.__name__

    @make.register
    @classmethod
    def _(cls, arg: int):
        return 'int %s %d' % (cls.__name__, arg)

    @singledispatchmethod
    @staticmethod
    def kind(arg):
        return 'other'

    @kind.register
    @staticmethod
    def _(arg: float):
        return 'float'


n = Negator()
print(n.neg(5), n.neg(True), n.neg('abc'))
try:
    n.neg(1.5)
except NotImplementedError as exc:
    print('NotImplementedError:', exc)
print(Negator.make(3), Negator.make('x'), n.make(4))
print(Negator.kind(1.0), n.kind(1), Negator.kind('s'))
print(Negator.neg.__name__, n.neg.__name__)
