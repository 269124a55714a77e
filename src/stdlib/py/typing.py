"""
The typing module: support for type hints.

gilpy's `typing` is enough for programs that import names from it and use them
in annotations: every special form and generic alias can be subscripted
(`List[int]`, `Optional[str]`, `Dict[str, int]`, `Callable[[int], str]`,
`Union[int, str]`, ...) and prints like CPython's (`typing.List[int]`,
`typing.Optional[str]`).  Nothing is checked.

Differences from CPython:
- `Generic` is an object whose subscription `Generic[T]` returns a plain base
  class, so write `class Stack(Generic[T])`; `Protocol` and `TypedDict` are
  plain classes (`class P(Protocol)`, `class Movie(TypedDict)`); user generic
  classes cannot be subscripted in gilpy (no __class_getitem__).
- `NamedTuple` supports the functional form only
  (`NamedTuple('P', [('x', int), ('y', int)])`): gilpy keeps no class
  annotations.
- isinstance()/issubclass() with typing objects are not supported.
"""

import sys as _sys

__all__ = [
    'Annotated', 'Any', 'Callable', 'ClassVar', 'Concatenate', 'Final',
    'ForwardRef', 'Generic', 'Literal', 'Optional', 'ParamSpec', 'Protocol',
    'Tuple', 'Type', 'TypeVar', 'TypeVarTuple', 'Union',
    'AbstractSet', 'ByteString', 'Container', 'ContextManager', 'Hashable',
    'ItemsView', 'Iterable', 'Iterator', 'KeysView', 'Mapping', 'MappingView',
    'MutableMapping', 'MutableSequence', 'MutableSet', 'Sequence', 'Sized',
    'ValuesView', 'Awaitable', 'AsyncIterator', 'AsyncIterable', 'Coroutine',
    'Collection', 'AsyncGenerator', 'AsyncContextManager', 'Reversible',
    'SupportsAbs', 'SupportsBytes', 'SupportsComplex', 'SupportsFloat',
    'SupportsIndex', 'SupportsInt', 'SupportsRound',
    'ChainMap', 'Counter', 'Deque', 'Dict', 'DefaultDict', 'List',
    'OrderedDict', 'Set', 'FrozenSet', 'NamedTuple', 'TypedDict', 'Generator',
    'BinaryIO', 'IO', 'Match', 'Pattern', 'TextIO',
    'AnyStr', 'assert_type', 'assert_never', 'cast', 'clear_overloads',
    'dataclass_transform', 'final', 'get_args', 'get_origin',
    'get_overloads', 'get_type_hints', 'is_typeddict', 'LiteralString',
    'Never', 'NewType', 'no_type_check', 'no_type_check_decorator',
    'NoReturn', 'NotRequired', 'overload', 'ParamSpecArgs', 'ParamSpecKwargs',
    'Required', 'reveal_type', 'runtime_checkable', 'Self', 'Text',
    'TYPE_CHECKING', 'TypeAlias', 'TypeGuard', 'Unpack',
]

TYPE_CHECKING = False

_NoneType = type(None)


def _type_repr(obj):
    """The repr of an object in a type expression, as typing._type_repr."""
    if isinstance(obj, type):
        module = getattr(obj, '__module__', 'builtins')
        qualname = getattr(obj, '__qualname__', obj.__name__)
        if module == 'builtins':
            return qualname
        return '%s.%s' % (module, qualname)
    if obj is Ellipsis:
        return '...'
    if isinstance(obj, list):
        return '[' + ', '.join([_type_repr(a) for a in obj]) + ']'
    if isinstance(obj, _FunctionType):
        return obj.__name__
    return repr(obj)


def _function():
    pass


_FunctionType = type(_function)


def _type_convert(arg):
    """None becomes NoneType, a str a ForwardRef."""
    if arg is None:
        return _NoneType
    if isinstance(arg, str):
        return ForwardRef(arg)
    return arg


class ForwardRef:
    """Internal wrapper to hold a forward reference."""

    def __init__(self, arg, is_argument=True, module=None, is_class=False):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got %r" % (arg,))
        self.__forward_arg__ = arg
        self.__forward_module__ = module

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __ne__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ != other.__forward_arg__

    def __hash__(self):
        return hash(('ForwardRef', self.__forward_arg__))

    def __repr__(self):
        return 'ForwardRef(%r)' % (self.__forward_arg__,)


class _Final:
    """Base of the typing objects."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % (self,))


class _GenericAlias(_Final):
    """A subscripted typing object: typing.List[int], typing.Union[int, str]."""

    def __init__(self, origin, args, name, form=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._form = form

    def __repr__(self):
        form = self._form
        args = self.__args__
        if form is Union:
            if len(args) == 2 and args[1] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[0])
            if len(args) == 2 and args[0] is _NoneType:
                return 'typing.Optional[%s]' % _type_repr(args[1])
        if form is Callable and len(args) == 2 and (isinstance(args[0], list) or args[0] is Ellipsis):
            return 'typing.Callable[%s, %s]' % (_type_repr(args[0]), _type_repr(args[1]))
        if self._name is None:
            prefix = _type_repr(self.__origin__)
        else:
            prefix = 'typing.' + self._name
        if not args:
            return '%s[()]' % prefix
        return '%s[%s]' % (prefix, ', '.join([_type_repr(a) for a in args]))

    def __getitem__(self, params):
        # Substitution of type variables: List[T][int] -> List[int]
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple([_type_convert(p) for p in params])
        tvars = []
        for a in self.__args__:
            if isinstance(a, (TypeVar, ParamSpec)) and a not in tvars:
                tvars.append(a)
        if len(tvars) != len(params):
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ('many' if len(params) > len(tvars) else 'few',
                               self, len(params), len(tvars)))
        subst = {}
        for i in range(len(tvars)):
            subst[tvars[i]] = params[i]
        new_args = tuple([subst.get(a, a) if isinstance(a, (TypeVar, ParamSpec)) else a
                          for a in self.__args__])
        if self._form is not None:
            return self._form[new_args if len(new_args) != 1 else new_args[0]]
        return _GenericAlias(self.__origin__, new_args, self._name, self._form)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        if self._form is Union and other._form is Union:
            return set(self.__args__) == set(other.__args__)
        return (self.__origin__ == other.__origin__
                and self.__args__ == other.__args__)

    def __ne__(self, other):
        result = self.__eq__(other)
        if result is NotImplemented:
            return result
        return not result

    def __hash__(self):
        if self._form is Union:
            return hash(('Union', frozenset(self.__args__)))
        return hash((self._name, self.__args__))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if self._form is None and self._name is None:
            # A user generic class: Stack[int]() makes a Stack.
            return origin(*args, **kwargs)
        if self._form is None and isinstance(origin, type):
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, origin.__name__))
        raise TypeError("Cannot instantiate %r" % (self,))

    def __mro_entries__(self, bases):
        # CPython only: class C(List[int]) derives from list.
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()


class _SpecialGenericAlias(_Final):
    """An unsubscripted generic alias: typing.List, typing.Dict, ..."""

    def __init__(self, origin, nparams, name=None):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name if name is not None else origin.__name__

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple([_type_convert(p) for p in params])
        if self._nparams >= 0 and len(params) != self._nparams:
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ('many' if len(params) > self._nparams else 'few',
                               self, len(params), self._nparams))
        return _GenericAlias(self.__origin__, params, self._name)

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if isinstance(origin, type):
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, origin.__name__))
        raise TypeError("Cannot instantiate %r" % (self,))

    def __mro_entries__(self, bases):
        origin = self.__origin__
        if isinstance(origin, type):
            return (origin,)
        return ()


class _TupleAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if params == ():
            return _GenericAlias(tuple, (), 'Tuple')
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(tuple, tuple([_type_convert(p) for p in params]), 'Tuple')


class _CallableAlias(_SpecialGenericAlias):
    def __getitem__(self, params):
        if not isinstance(params, tuple) or len(params) != 2:
            raise TypeError("Callable must be used as "
                            "Callable[[arg, ...], result].")
        args, result = params
        if isinstance(args, list):
            args = [_type_convert(a) for a in args]
        elif args is not Ellipsis and not isinstance(args, (ParamSpec, _GenericAlias)):
            raise TypeError("Callable[args, result]: args must be a list. "
                            "Got %s" % _type_repr(args))
        return _GenericAlias(self.__origin__, (args, _type_convert(result)),
                             'Callable', Callable)


class _SpecialForm(_Final):
    """Any, NoReturn, ClassVar, Union, Optional, ..."""

    def __init__(self, name, getitem=None, doc=None):
        self._name = name
        self._getitem = getitem
        self.__doc__ = doc

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, parameters):
        if self._getitem is None:
            if self._name == 'Any':
                raise TypeError("type 'Any' is not subscriptable")
            raise TypeError("%r is not subscriptable" % (self,))
        return self._getitem(self, parameters)

    def __call__(self, *args, **kwargs):
        if self._name == 'Any':
            raise TypeError("Any cannot be instantiated")
        raise TypeError("Cannot instantiate %r" % (self,))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass %r" % (self,))


def _flatten_union(parameters):
    params = []
    for p in parameters:
        p = _type_convert(p)
        if isinstance(p, _GenericAlias) and p._form is Union:
            for q in p.__args__:
                params.append(q)
        else:
            params.append(p)
    # Remove duplicates, keeping the first occurrence.
    result = []
    for p in params:
        if p not in result:
            result.append(p)
    return result


def _union_getitem(self, parameters):
    if parameters == ():
        raise TypeError("Cannot take a Union of no types.")
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    params = _flatten_union(parameters)
    if len(params) == 1:
        return params[0]
    return _GenericAlias(Union, tuple(params), 'Union', Union)


def _optional_getitem(self, parameters):
    if isinstance(parameters, tuple):
        raise TypeError("%r requires a single type. Got %r." % (self, parameters))
    return Union[parameters, None]


def _single_getitem(self, parameters):
    if isinstance(parameters, tuple):
        raise TypeError("%r accepts only single type. Got %r." % (self, parameters))
    return _GenericAlias(self, (_type_convert(parameters),), self._name, self)


def _literal_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _LiteralAlias(self, parameters)


def _multi_getitem(self, parameters):
    if not isinstance(parameters, tuple):
        parameters = (parameters,)
    return _GenericAlias(self, tuple([_type_convert(p) for p in parameters]),
                         self._name, self)


def _annotated_getitem(self, parameters):
    if not isinstance(parameters, tuple) or len(parameters) < 2:
        raise TypeError("Annotated[...] should be used "
                        "with at least two arguments (a type and an "
                        "annotation).")
    return _AnnotatedAlias(_type_convert(parameters[0]), tuple(parameters[1:]))


class _LiteralAlias(_GenericAlias):
    def __init__(self, form, values):
        _GenericAlias.__init__(self, form, values, 'Literal', form)

    def __repr__(self):
        return 'typing.Literal[%s]' % ', '.join([repr(v) for v in self.__args__])


class _AnnotatedAlias(_GenericAlias):
    def __init__(self, origin, metadata):
        _GenericAlias.__init__(self, origin, (origin,), 'Annotated', Annotated)
        self.__metadata__ = metadata

    def __repr__(self):
        return 'typing.Annotated[%s, %s]' % (
            _type_repr(self.__origin__),
            ', '.join([repr(a) for a in self.__metadata__]))


Any = _SpecialForm('Any', doc="Special type indicating an unconstrained type.")
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
TypeAlias = _SpecialForm('TypeAlias')
Union = _SpecialForm('Union', _union_getitem)
Optional = _SpecialForm('Optional', _optional_getitem)
ClassVar = _SpecialForm('ClassVar', _single_getitem)
Final = _SpecialForm('Final', _single_getitem)
TypeGuard = _SpecialForm('TypeGuard', _single_getitem)
Required = _SpecialForm('Required', _single_getitem)
NotRequired = _SpecialForm('NotRequired', _single_getitem)
Unpack = _SpecialForm('Unpack', _single_getitem)
Literal = _SpecialForm('Literal', _literal_getitem)
Concatenate = _SpecialForm('Concatenate', _multi_getitem)
Annotated = _SpecialForm('Annotated', _annotated_getitem)


class TypeVar(_Final):
    """Type variable: T = TypeVar('T'), A = TypeVar('A', str, bytes)."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple([_type_convert(c) for c in constraints])
        self.__bound__ = _type_convert(bound) if bound is not None else None
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__

    def __call__(self, *args, **kwargs):
        raise TypeError("'TypeVar' object is not callable")


class TypeVarTuple(_Final):
    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return self.__name__

    def __iter__(self):
        yield Unpack[self]


class ParamSpecArgs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.args" % (self.__origin__.__name__,)


class ParamSpecKwargs(_Final):
    def __init__(self, origin):
        self.__origin__ = origin

    def __repr__(self):
        return "%s.kwargs" % (self.__origin__.__name__,)


class ParamSpec(_Final):
    """Parameter specification variable: P = ParamSpec('P')."""

    def __init__(self, name, *, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__bound__ = bound
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)
        self.args = ParamSpecArgs(self)
        self.kwargs = ParamSpecKwargs(self)

    def __repr__(self):
        if self.__covariant__:
            prefix = '+'
        elif self.__contravariant__:
            prefix = '-'
        else:
            prefix = '~'
        return prefix + self.__name__


try:
    AnyStr = TypeVar('AnyStr', bytes, str)
except NameError:       # gilpy has no bytes
    AnyStr = TypeVar('AnyStr', str, str)


# -- Generic and Protocol -----------------------------------------------------

class Generic:
    """The base class that Generic[...] stands for (see _GenericForm)."""

    _is_protocol = False

    def __class_getitem__(cls, params):     # CPython only
        if not isinstance(params, tuple):
            params = (params,)
        return _GenericAlias(cls, tuple([_type_convert(p) for p in params]), None)


_GenericBase = Generic


class _GenericForm:
    """typing.Generic: Generic[T, ...] is a base class."""

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        if not params:
            raise TypeError("Parameter list to Generic[...] cannot be empty")
        return _GenericBase

    def __repr__(self):
        return "<class 'typing.Generic'>"

    def __mro_entries__(self, bases):       # CPython only: class C(Generic)
        return (_GenericBase,)

    def __call__(self, *args, **kwargs):
        return _GenericBase(*args, **kwargs)


Generic = _GenericForm()


class Protocol(_GenericBase):
    """Base class for protocol classes (structural subtyping is not checked)."""

    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        pass


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol (a no-op in gilpy)."""
    return cls


# -- generic aliases of the standard classes -----------------------------------

class _AbstractOrigin:
    """Stands for an abstract collection class (collections.abc is missing)."""

    def __init__(self, name):
        self.__name__ = name

    def __repr__(self):
        return "<class 'collections.abc.%s'>" % self.__name__


def _alias(origin, nparams, name=None):
    return _SpecialGenericAlias(origin, nparams, name)


def _abc_alias(name, nparams):
    return _SpecialGenericAlias(_AbstractOrigin(name), nparams, name)


Hashable = _abc_alias('Hashable', 0)
Awaitable = _abc_alias('Awaitable', 1)
Coroutine = _abc_alias('Coroutine', 3)
AsyncIterable = _abc_alias('AsyncIterable', 1)
AsyncIterator = _abc_alias('AsyncIterator', 1)
Iterable = _abc_alias('Iterable', 1)
Iterator = _abc_alias('Iterator', 1)
Reversible = _abc_alias('Reversible', 1)
Sized = _abc_alias('Sized', 0)
Container = _abc_alias('Container', 1)
Collection = _abc_alias('Collection', 1)
AbstractSet = _abc_alias('Set', 1)
AbstractSet._name = 'AbstractSet'
MutableSet = _abc_alias('MutableSet', 1)
Mapping = _abc_alias('Mapping', 2)
MutableMapping = _abc_alias('MutableMapping', 2)
Sequence = _abc_alias('Sequence', 1)
MutableSequence = _abc_alias('MutableSequence', 1)
ByteString = _abc_alias('ByteString', 0)
MappingView = _abc_alias('MappingView', 1)
KeysView = _abc_alias('KeysView', 1)
ItemsView = _abc_alias('ItemsView', 2)
ValuesView = _abc_alias('ValuesView', 1)
ContextManager = _abc_alias('AbstractContextManager', 1)
ContextManager._name = 'ContextManager'
AsyncContextManager = _abc_alias('AbstractAsyncContextManager', 1)
AsyncContextManager._name = 'AsyncContextManager'
Generator = _abc_alias('Generator', 3)
AsyncGenerator = _abc_alias('AsyncGenerator', 2)
Callable = _CallableAlias(_AbstractOrigin('Callable'), -1, 'Callable')
Type = _alias(type, 1, 'Type')
Tuple = _TupleAlias(tuple, -1, 'Tuple')
List = _alias(list, 1, 'List')
Dict = _alias(dict, 2, 'Dict')
Set = _alias(set, 1, 'Set')
FrozenSet = _alias(frozenset, 1, 'FrozenSet')
Deque = _abc_alias('deque', 1)
Deque._name = 'Deque'
DefaultDict = _abc_alias('defaultdict', 2)
DefaultDict._name = 'DefaultDict'
OrderedDict = _abc_alias('OrderedDict', 2)
Counter = _abc_alias('Counter', 1)
ChainMap = _abc_alias('ChainMap', 2)
Pattern = _abc_alias('Pattern', 1)
Match = _abc_alias('Match', 1)
IO = _abc_alias('IO', 1)
TextIO = _abc_alias('TextIO', 0)
BinaryIO = _abc_alias('BinaryIO', 0)
SupportsInt = _abc_alias('SupportsInt', 0)
SupportsFloat = _abc_alias('SupportsFloat', 0)
SupportsComplex = _abc_alias('SupportsComplex', 0)
SupportsBytes = _abc_alias('SupportsBytes', 0)
SupportsIndex = _abc_alias('SupportsIndex', 0)
SupportsAbs = _abc_alias('SupportsAbs', 1)
SupportsRound = _abc_alias('SupportsRound', 1)

Text = str


# -- functions -------------------------------------------------------------------

def cast(typ, val):
    """Cast a value to a type.

    This returns the value unchanged.
    """
    return val


def assert_type(val, typ):
    """Ask a static type checker to confirm that the value is of the given type."""
    return val


def assert_never(arg):
    """Statically assert that a line of code is unreachable."""
    value = repr(arg)
    if len(value) > 100:
        value = value[:100] + '...'
    raise AssertionError("Expected code to be unreachable, but got: %s" % value)


def reveal_type(obj):
    """Reveal the inferred type of a variable (prints it to stderr)."""
    _sys.stderr.write("Runtime type is %r\n" % (type(obj).__name__,))
    return obj


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The annotations of obj (no evaluation of forward references)."""
    hints = getattr(obj, '__annotations__', None)
    if hints is None:
        return {}
    return dict(hints)


def get_origin(tp):
    """Get the unsubscripted version of a type."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        if tp._form is not None and tp._form is not Callable:
            return tp._form
        origin = tp.__origin__
        return origin
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp._form is Callable and len(args) == 2 and isinstance(args[0], list):
            return (list(args[0]), args[1])
        return args
    return ()


def no_type_check(arg):
    """Decorator to indicate that annotations are not type hints."""
    return arg


def no_type_check_decorator(decorator):
    """Decorator to give another decorator the @no_type_check effect."""
    return decorator


_overload_registry = {}


def _overload_dummy(*args, **kwds):
    """Helper for @overload to raise when called."""
    raise NotImplementedError(
        "You should not call an overloaded function. "
        "A series of @overload-decorated functions "
        "outside a stub module should always be followed "
        "by an implementation that is not @overload-ed.")


def overload(func):
    """Decorator for overloaded functions/methods."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    _overload_registry.setdefault(key, []).append(func)
    return _overload_dummy


def get_overloads(func):
    """Return all defined overloads for *func* as a sequence."""
    key = (getattr(func, '__module__', None), getattr(func, '__qualname__', None))
    return list(_overload_registry.get(key, []))


def clear_overloads():
    """Clear all overloads in the registry."""
    _overload_registry.clear()


def final(f):
    """A decorator to indicate final methods and final classes."""
    try:
        f.__final__ = True
    except (AttributeError, TypeError):
        pass
    return f


def dataclass_transform(*, eq_default=True, order_default=False,
                        kw_only_default=False, field_specifiers=(), **kwargs):
    """Decorator that marks a function, class, or metaclass as providing
    dataclass-like behavior (a no-op)."""
    def decorator(cls_or_fn):
        return cls_or_fn
    return decorator


class NewType:
    """NewType creates simple unique types with almost zero runtime overhead.

        UserId = NewType('UserId', int)
    """

    def __init__(self, name, tp):
        self.__qualname__ = name
        if '.' in name:
            name = name.rpartition('.')[-1]
        self.__name__ = name
        self.__supertype__ = tp
        self.__module__ = '__main__'

    def __repr__(self):
        return '%s.%s' % (self.__module__, self.__qualname__)

    def __call__(self, x):
        return x

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def NamedTuple(typename, fields=None, **kwargs):
    """Typed version of namedtuple (functional form only in gilpy).

        Employee = NamedTuple('Employee', [('name', str), ('id', int)])
    """
    from collections import namedtuple
    if fields is None:
        fields = list(kwargs.items())
    names = [n for n, t in fields]
    types = {}
    for n, t in fields:
        types[n] = _type_convert(t)
    nm_tpl = namedtuple(typename, names)
    try:
        nm_tpl.__annotations__ = types
    except (AttributeError, TypeError):
        pass
    return nm_tpl


class TypedDict(dict):
    """A dict whose keys are declared in a class body (not checked):

        class Point2D(TypedDict):
            x: int
            y: int
    """

    def __init_subclass__(cls, *args, **kwargs):
        # accepts total=..., as CPython's class keyword
        pass


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, type) and issubclass(tp, TypedDict) and tp is not TypedDict
