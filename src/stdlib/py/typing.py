"""
The typing module: support for type hints.

Every special form and generic alias can be subscripted (`List[int]`,
`Optional[str]`, `Dict[str, int]`, `Callable[[int], str]`, `Union[int, str]`,
...) and prints like CPython's (`typing.List[int]`, `typing.Optional[str]`).
The unsubscripted aliases stand for the real classes (`typing.Iterable` for
`collections.abc.Iterable`, `typing.List` for `list`) and answer isinstance()
and issubclass() through them.  `Generic[T]` bases give classes their
`__parameters__` and make them subscriptable; `Protocol` classes marked with
`@runtime_checkable` answer isinstance() by looking for their members;
`NamedTuple` and `TypedDict` work in class and functional form;
`get_type_hints` evaluates string annotations in the owner's module.

Differences from CPython: type checks are not performed anywhere else
(`cast`, annotations), `IO`/`TextIO`/`BinaryIO` are not classes, and
generic NamedTuples are not supported.
"""

import sys as _sys
import types as _types
import abc as _abc
import _collections_abc as _cabc

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
    if isinstance(obj, (_types.GenericAlias, _types.UnionType)):
        return repr(obj)
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
        if self.__forward_module__ is None:
            return 'ForwardRef(%r)' % (self.__forward_arg__,)
        return 'ForwardRef(%r, module=%r)' % (self.__forward_arg__,
                                              self.__forward_module__)

    def _evaluate(self, globalns, localns, recursive_guard=frozenset()):
        # The value the string stands for, with the forward references it
        # contains evaluated in turn (a name already being evaluated is left
        # as it is, so that recursive types end).
        name = self.__forward_arg__
        if name in recursive_guard:
            return self
        if self.__forward_module__ is not None:
            module = _sys.modules.get(self.__forward_module__)
            globalns = getattr(module, '__dict__', globalns)
        if globalns is None and localns is None:
            globalns = localns = {}
        elif globalns is None:
            globalns = localns
        elif localns is None:
            localns = globalns
        value = _type_convert(eval(name, globalns, localns))
        return _eval_type(value, globalns, localns, recursive_guard | {name})


class _Final:
    """Base of the typing objects."""

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate %r" % (self,))


_SUBSCRIPTED_CHECK = "Subscripted generics cannot be used with class and instance checks"


def _is_typevar_like(a):
    return isinstance(a, (TypeVar, ParamSpec, TypeVarTuple))


def _collect_parameters(args):
    """The type variables in args, in order of first appearance (looking
    into subscripted aliases and Callable's argument lists)."""
    found = []
    for a in args:
        if _is_typevar_like(a):
            inner = (a,)
        elif isinstance(a, list):
            inner = _collect_parameters(a)
        elif isinstance(a, _GenericAlias):
            inner = a.__parameters__
        elif isinstance(a, (_types.GenericAlias, _types.UnionType)):
            inner = _collect_parameters(a.__args__)
        else:
            inner = ()
        for p in inner:
            if p not in found:
                found.append(p)
    return tuple(found)


def _substitute(a, subst):
    """a with the type variables of subst replaced."""
    if _is_typevar_like(a):
        return subst.get(a, a)
    if isinstance(a, list):
        return [_substitute(x, subst) for x in a]
    if isinstance(a, _GenericAlias) and a.__parameters__:
        new = tuple([subst.get(p, p) for p in a.__parameters__])
        return a[new if len(new) != 1 else new[0]]
    if isinstance(a, _types.GenericAlias):
        return _types.GenericAlias(a.__origin__,
                                   tuple([_substitute(x, subst) for x in a.__args__]))
    return a


def _generic_mro_entries(alias, bases):
    # A generic alias of a class used as a base (class C(List[int])): the
    # class itself, and Generic unless a later base brings it.
    origin = alias.__origin__
    if not isinstance(origin, type):
        return ()
    result = []
    if origin not in bases:
        result.append(origin)
    position = 0
    for i in range(len(bases)):
        if bases[i] is alias:
            position = i
    for b in bases[position + 1:]:
        if isinstance(b, (_GenericAlias, _SpecialGenericAlias)):
            break
        if isinstance(b, type) and issubclass(b, Generic):
            break
    else:
        result.append(Generic)
    return tuple(result)


class _GenericAlias(_Final):
    """A subscripted typing object: typing.List[int], typing.Union[int, str]."""

    def __init__(self, origin, args, name, form=None):
        if not isinstance(args, tuple):
            args = (args,)
        self.__origin__ = origin
        self.__args__ = args
        self._name = name
        self._form = form
        if form is Literal:
            self.__parameters__ = ()
        else:
            self.__parameters__ = _collect_parameters(args)

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
        tvars = self.__parameters__
        if not tvars:
            raise TypeError("%r is not a generic class" % (self,))
        if len(tvars) != len(params):
            raise TypeError("Too %s arguments for %r; actual %d, expected %d"
                            % ('many' if len(params) > len(tvars) else 'few',
                               self, len(params), len(tvars)))
        subst = {}
        for i in range(len(tvars)):
            subst[tvars[i]] = params[i]
        new_args = tuple([_substitute(a, subst) for a in self.__args__])
        if self._form is Callable:
            return Callable[new_args[0], new_args[1]]
        if self._form is not None:
            return self._form[new_args if len(new_args) != 1 else new_args[0]]
        return _GenericAlias(self.__origin__, new_args, self._name, self._form)

    def __eq__(self, other):
        if self._form is Union and isinstance(other, _types.UnionType):
            return set(self.__args__) == set(other.__args__)
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
            return hash(frozenset(self.__args__))
        try:
            return hash((self.__origin__, self.__args__))
        except TypeError:
            return hash((self._name, repr(self.__args__)))

    def __call__(self, *args, **kwargs):
        origin = self.__origin__
        if self._form is None and self._name is None:
            # A user generic class: Stack[int]() makes a Stack that
            # remembers the alias it was made from.
            result = origin(*args, **kwargs)
            try:
                result.__orig_class__ = self
            except (AttributeError, TypeError):
                pass
            return result
        if self._form is None and isinstance(origin, type):
            raise TypeError("Type %s cannot be instantiated; use %s() instead"
                            % (self._name, origin.__name__))
        raise TypeError("Cannot instantiate %r" % (self,))

    def __instancecheck__(self, obj):
        return self.__subclasscheck__(type(obj))

    def __subclasscheck__(self, cls):
        if self._form is Union:
            for arg in self.__args__:
                if issubclass(cls, arg):
                    return True
            return False
        raise TypeError(_SUBSCRIPTED_CHECK)

    def __mro_entries__(self, bases):
        form = self._form
        if form is not None and form is not Callable:
            raise TypeError("Cannot subclass %r" % (self,))
        if self._name is not None:
            # typing.List[int] and the like: the class (and Generic)
            return _generic_mro_entries(self, bases)
        origin = self.__origin__
        if origin is Generic:
            if Protocol in bases:
                return ()
            seen_self = False
            for b in bases:
                if b is self:
                    seen_self = True
                elif seen_self and isinstance(b, _GenericAlias):
                    return ()
        return (origin,)


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
        return _generic_mro_entries(self, bases)

    def __instancecheck__(self, obj):
        origin = self.__origin__
        if not isinstance(origin, type):
            raise TypeError("%r cannot be used with isinstance()" % (self,))
        return isinstance(obj, origin)

    def __subclasscheck__(self, cls):
        origin = self.__origin__
        if not isinstance(origin, type):
            raise TypeError("%r cannot be used with issubclass()" % (self,))
        if isinstance(cls, _SpecialGenericAlias):
            cls = cls.__origin__
        return issubclass(cls, origin)

    def __eq__(self, other):
        if not isinstance(other, _SpecialGenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self._name == other._name

    def __hash__(self):
        return hash((self._name, id(self.__origin__)))


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

    def __instancecheck__(self, obj):
        raise TypeError("%r cannot be used with isinstance()" % (self,))

    def __subclasscheck__(self, cls):
        raise TypeError("%r cannot be used with issubclass()" % (self,))


def _flatten_union(parameters):
    params = []
    for p in parameters:
        p = _type_convert(p)
        if (isinstance(p, _GenericAlias) and p._form is Union) or isinstance(p, _types.UnionType):
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
class _AnnotatedForm(_SpecialForm):
    # Annotated is a class in CPython 3.11, and prints as one.
    def __repr__(self):
        return "<class 'typing.Annotated'>"


Annotated = _AnnotatedForm('Annotated', _annotated_getitem)


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
    """Abstract base class for generic types.

    A generic type is declared by inheriting from Generic[...] (or from
    Protocol[...]) with its type variables:

        class Mapping(Generic[KT, VT]):
            def __getitem__(self, key: KT) -> VT: ...

    The class then has __parameters__ and can be subscripted
    (Mapping[str, int]).
    """

    _is_protocol = False

    def __class_getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        params = tuple([_type_convert(p) for p in params])
        if cls is Generic or cls is Protocol:
            if not params:
                raise TypeError("Parameter list to %s[...] cannot be empty"
                                % cls.__qualname__)
            for p in params:
                if not _is_typevar_like(p):
                    raise TypeError("Parameters to %s[...] must all be type "
                                    "variables or parameter specification "
                                    "variables." % cls.__name__)
            if len(set(params)) != len(params):
                raise TypeError("Parameters to %s[...] must all be unique"
                                % cls.__name__)
        else:
            expected = getattr(cls, '__parameters__', ())
            if not expected:
                raise TypeError("%s is not a generic class" % (cls,))
            if len(params) != len(expected):
                raise TypeError("Too %s arguments for %s; actual %d, expected %d"
                                % ('many' if len(params) > len(expected) else 'few',
                                   cls, len(params), len(expected)))
        return _GenericAlias(cls, params, None)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        own = cls.__dict__
        if '__orig_bases__' in own:
            plain = Generic in own['__orig_bases__']
        else:
            plain = (Generic in cls.__bases__
                     and not (cls.__name__ == 'Protocol'
                              and cls.__module__ == __name__))
        if plain:
            raise TypeError("Cannot inherit from plain Generic")
        params = ()
        if '__orig_bases__' in own:
            params = _collect_parameters(own['__orig_bases__'])
            declared = None
            for base in own['__orig_bases__']:
                if isinstance(base, _GenericAlias) and base.__origin__ is Generic:
                    if declared is not None:
                        raise TypeError("Cannot inherit from Generic[...] multiple types.")
                    declared = base.__parameters__
            if declared is not None:
                missing = [p for p in params if p not in declared]
                if missing:
                    raise TypeError(
                        "Some type variables (%s) are not listed in Generic[%s]"
                        % (', '.join([str(p) for p in missing]),
                           ', '.join([str(p) for p in declared])))
                params = declared
        cls.__parameters__ = tuple(params)


# Names a protocol class has that are not members of the protocol.
_PROTOCOL_SPECIAL = frozenset([
    '__abstractmethods__', '__annotations__', '__dict__', '__doc__',
    '__init__', '__module__', '__new__', '__slots__', '__subclasshook__',
    '__weakref__', '__class_getitem__', '__init_subclass__', '__qualname__',
    '__parameters__', '__orig_bases__', '__orig_class__', '__match_args__',
    '_is_protocol', '_is_runtime_protocol', '_abc_impl', '__class__',
])


def _protocol_members(cls):
    """The attribute names a protocol class declares (methods, class
    attributes and annotated names), through its protocol bases."""
    members = []
    for base in cls.__mro__[:-1]:
        if base.__name__ in ('Protocol', 'Generic') and base.__module__ == __name__:
            continue
        names = list(base.__dict__.keys())
        names.extend(base.__dict__.get('__annotations__', {}).keys())
        for name in names:
            if name.startswith('_abc_') or name in _PROTOCOL_SPECIAL:
                continue
            if name not in members:
                members.append(name)
    return members


def _methods_only(cls):
    for name in _protocol_members(cls):
        if not callable(getattr(cls, name, None)):
            return False
    return True


_RUNTIME_ONLY = ("Instance and class checks can only be used with "
                 "@runtime_checkable protocols")


class _ProtocolMeta(_abc.ABCMeta):
    """The metaclass of Protocol: instances of runtime protocols are found
    by the members they have."""

    def __call__(cls, *args, **kwargs):
        if cls.__dict__.get('_is_protocol', False):
            raise TypeError('Protocols cannot be instantiated')
        return super().__call__(*args, **kwargs)

    def __instancecheck__(cls, instance):
        if not cls.__dict__.get('_is_protocol', False):
            return super().__instancecheck__(instance)
        if not getattr(cls, '_is_runtime_protocol', False):
            raise TypeError(_RUNTIME_ONLY)
        if cls in type(instance).__mro__:
            return True
        found = True
        for name in _protocol_members(cls):
            if not hasattr(instance, name):
                found = False
                break
            if callable(getattr(cls, name, None)) and getattr(instance, name) is None:
                found = False
                break
        if found:
            return True
        if _methods_only(cls):
            return super().__instancecheck__(instance)
        for registered in cls._abc_impl.registry:
            if isinstance(instance, registered):
                return True
        return False


def _protocol_subclasshook(cls, other):
    # issubclass(other, cls) for a protocol cls: every member is defined
    # (and not None) somewhere on other's MRO.
    if not cls.__dict__.get('_is_protocol', False):
        return NotImplemented
    if not getattr(cls, '_is_runtime_protocol', False):
        raise TypeError(_RUNTIME_ONLY)
    if not _methods_only(cls):
        raise TypeError("Protocols with non-method members don't support issubclass()")
    if not isinstance(other, type):
        raise TypeError('issubclass() arg 1 must be a class')
    for name in _protocol_members(cls):
        for base in other.__mro__:
            if name in base.__dict__:
                if base.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class Protocol(Generic, metaclass=_ProtocolMeta):
    """Base class for protocol classes: the classes that have its members
    are its (structural) subtypes.

        class Proto(Protocol):
            def meth(self) -> int: ...

    Protocols decorated with @runtime_checkable answer isinstance() and
    issubclass() by looking for the members.  Protocol classes can be
    generic (class GenProto(Protocol[T])).
    """

    _is_protocol = True

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        if not cls.__dict__.get('_is_protocol', False):
            cls._is_protocol = any([b is Protocol for b in cls.__bases__])
        if '__subclasshook__' not in cls.__dict__:
            cls.__subclasshook__ = classmethod(_protocol_subclasshook)
        if cls._is_protocol:
            for base in cls.__bases__:
                if not (base is object or base is Generic
                        or base.__module__ == 'collections.abc'
                        or base.__dict__.get('_is_protocol', False)):
                    raise TypeError('Protocols can only inherit from other '
                                    'protocols, got %r' % (base,))


def runtime_checkable(cls):
    """Mark a protocol class as a runtime protocol: isinstance() and
    issubclass() then check that the members are present."""
    if not (isinstance(cls, type) and issubclass(cls, Generic)
            and cls.__dict__.get('_is_protocol', False)):
        raise TypeError('@runtime_checkable can be only applied to protocol '
                        'classes, got %r' % (cls,))
    cls._is_runtime_protocol = True
    return cls


# -- generic aliases of the standard classes -----------------------------------

class _AbstractOrigin:
    """Stands for a class gilpy does not have (IO, TextIO, BinaryIO, ...)."""

    def __init__(self, name, module='typing'):
        self.__name__ = name
        self.__module__ = module

    def __repr__(self):
        return "<class '%s.%s'>" % (self.__module__, self.__name__)


def _alias(origin, nparams, name=None):
    return _SpecialGenericAlias(origin, nparams, name)


def _abc_alias(name, nparams, alias_name=None, module=_cabc):
    # The alias of a class of collections.abc (or of another module).
    origin = getattr(module, name, None)
    if origin is None:
        origin = _AbstractOrigin(name, getattr(module, '__name__', 'typing'))
    return _SpecialGenericAlias(origin, nparams,
                                alias_name if alias_name is not None else name)


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
AbstractSet = _abc_alias('Set', 1, 'AbstractSet')
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
Generator = _abc_alias('Generator', 3)
AsyncGenerator = _abc_alias('AsyncGenerator', 2)
Callable = _CallableAlias(getattr(_cabc, 'Callable'), -1, 'Callable')
Type = _alias(type, 1, 'Type')
Tuple = _TupleAlias(tuple, -1, 'Tuple')
List = _alias(list, 1, 'List')
Dict = _alias(dict, 2, 'Dict')
Set = _alias(set, 1, 'Set')
FrozenSet = _alias(frozenset, 1, 'FrozenSet')
IO = _alias(_AbstractOrigin('IO'), 1, 'IO')
TextIO = _alias(_AbstractOrigin('TextIO'), 0, 'TextIO')
BinaryIO = _alias(_AbstractOrigin('BinaryIO'), 0, 'BinaryIO')

T_co = TypeVar('T_co', covariant=True)

# Aliases of classes from modules typing does not import up front (each
# costs a module load at start-up): made on first use, by __getattr__.
_LAZY_ALIASES = {
    'ContextManager': ('contextlib', 'AbstractContextManager', 1),
    'AsyncContextManager': ('contextlib', 'AbstractAsyncContextManager', 1),
    'Pattern': ('re', 'Pattern', 1),
    'Match': ('re', 'Match', 1),
    'Deque': ('collections', 'deque', 1),
    'DefaultDict': ('collections', 'defaultdict', 2),
    'OrderedDict': ('collections', 'OrderedDict', 2),
    'Counter': ('collections', 'Counter', 1),
    'ChainMap': ('collections', 'ChainMap', 2),
}


def __getattr__(name):
    entry = _LAZY_ALIASES.get(name)
    if entry is None:
        raise AttributeError(f"module 'typing' has no attribute '{name}'")
    module_name, origin, nparams = entry
    module = __import__(module_name)
    alias = _abc_alias(origin, nparams, name, module)
    globals()[name] = alias
    return alias


@runtime_checkable
class SupportsInt(Protocol):
    """An ABC with one abstract method __int__."""

    @_abc.abstractmethod
    def __int__(self):
        pass


@runtime_checkable
class SupportsFloat(Protocol):
    """An ABC with one abstract method __float__."""

    @_abc.abstractmethod
    def __float__(self):
        pass


@runtime_checkable
class SupportsComplex(Protocol):
    """An ABC with one abstract method __complex__."""

    @_abc.abstractmethod
    def __complex__(self):
        pass


@runtime_checkable
class SupportsBytes(Protocol):
    """An ABC with one abstract method __bytes__."""

    @_abc.abstractmethod
    def __bytes__(self):
        pass


@runtime_checkable
class SupportsIndex(Protocol):
    """An ABC with one abstract method __index__."""

    @_abc.abstractmethod
    def __index__(self):
        pass


@runtime_checkable
class SupportsAbs(Protocol[T_co]):
    """An ABC with one abstract method __abs__ that is covariant in its
    return type."""

    @_abc.abstractmethod
    def __abs__(self):
        pass


@runtime_checkable
class SupportsRound(Protocol[T_co]):
    """An ABC with one abstract method __round__ that is covariant in its
    return type."""

    @_abc.abstractmethod
    def __round__(self, ndigits=0):
        pass


del T_co


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


def _eval_type(t, globalns, localns, recursive_guard=frozenset()):
    """t with its forward references evaluated, looking inside subscripted
    aliases."""
    if isinstance(t, ForwardRef):
        return t._evaluate(globalns, localns, recursive_guard)
    if isinstance(t, _LiteralAlias):
        return t
    if isinstance(t, _AnnotatedAlias):
        inner = _eval_type(t.__origin__, globalns, localns, recursive_guard)
        if inner is t.__origin__:
            return t
        return _AnnotatedAlias(inner, t.__metadata__)
    if isinstance(t, _GenericAlias):
        changed = False
        new_args = []
        for a in t.__args__:
            if isinstance(a, list):
                new = [_eval_type(x, globalns, localns, recursive_guard) for x in a]
                if any([x is not y for x, y in zip(new, a)]):
                    changed = True
            else:
                new = _eval_type(a, globalns, localns, recursive_guard)
                if new is not a:
                    changed = True
            new_args.append(new)
        if not changed:
            return t
        return _rebuild_alias(t, tuple(new_args))
    if isinstance(t, _types.GenericAlias):
        new_args = []
        changed = False
        for a in t.__args__:
            if isinstance(a, str):
                a2 = ForwardRef(a)
            else:
                a2 = a
            new = _eval_type(a2, globalns, localns, recursive_guard)
            if new is not a:
                changed = True
            new_args.append(new)
        if not changed:
            return t
        return _types.GenericAlias(t.__origin__, tuple(new_args))
    return t


def _rebuild_alias(t, new_args):
    # The alias t with other arguments.
    form = t._form
    if form is Callable:
        return Callable[new_args[0], new_args[1]]
    if form is Union:
        return Union[new_args]
    if form is not None:
        return form[new_args if len(new_args) != 1 else new_args[0]]
    return _GenericAlias(t.__origin__, new_args, t._name)


def _strip_annotations(t):
    """t without Annotated, Required and NotRequired wrappers."""
    if isinstance(t, _AnnotatedAlias):
        return _strip_annotations(t.__origin__)
    if isinstance(t, _GenericAlias):
        if t._form is Required or t._form is NotRequired:
            return _strip_annotations(t.__args__[0])
        if isinstance(t, _LiteralAlias):
            return t
        new_args = []
        changed = False
        for a in t.__args__:
            if isinstance(a, list):
                new = [_strip_annotations(x) for x in a]
                changed = changed or any([x is not y for x, y in zip(new, a)])
            else:
                new = _strip_annotations(a)
                changed = changed or new is not a
            new_args.append(new)
        if not changed:
            return t
        return _rebuild_alias(t, tuple(new_args))
    if isinstance(t, _types.GenericAlias):
        new_args = tuple([_strip_annotations(a) for a in t.__args__])
        if all([x is y for x, y in zip(new_args, t.__args__)]):
            return t
        return _types.GenericAlias(t.__origin__, new_args)
    return t


def _hint_value(value, is_argument, is_class):
    if value is None:
        return _NoneType
    if isinstance(value, str):
        return ForwardRef(value, is_argument=is_argument, is_class=is_class)
    return value


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """Return type hints for an object: its __annotations__ with the
    forward references (strings) evaluated in the module the object was
    defined in (or globalns/localns when given), None replaced by NoneType.

    For a class, the annotations of its bases are included (reversed MRO).
    Annotated[...], Required[...] and NotRequired[...] are stripped unless
    include_extras is true.
    """
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            if globalns is None:
                module = _sys.modules.get(getattr(base, '__module__', None), None)
                base_globals = getattr(module, '__dict__', {})
            else:
                base_globals = globalns
            annotations = base.__dict__.get('__annotations__', {})
            if not isinstance(annotations, dict):
                annotations = {}
            base_locals = dict(vars(base)) if localns is None else localns
            if localns is None and globalns is None:
                # names of the module win over the class's own attributes
                base_globals, base_locals = base_locals, base_globals
            for name, value in annotations.items():
                value = _hint_value(value, False, True)
                hints[name] = _eval_type(value, base_globals, base_locals)
    else:
        if globalns is None:
            if isinstance(obj, _types.ModuleType):
                globalns = obj.__dict__
            else:
                inner = obj
                while hasattr(inner, '__wrapped__'):
                    inner = inner.__wrapped__
                globalns = getattr(inner, '__globals__', {})
            if localns is None:
                localns = globalns
        elif localns is None:
            localns = globalns
        annotations = getattr(obj, '__annotations__', None)
        if annotations is None:
            if isinstance(obj, (_types.ModuleType, _types.FunctionType,
                                _types.BuiltinFunctionType, _types.MethodType)):
                return {}
            raise TypeError('%r is not a module, class, method, or function.'
                            % (obj,))
        is_module = isinstance(obj, _types.ModuleType)
        for name, value in dict(annotations).items():
            value = _hint_value(value, not is_module, False)
            hints[name] = _eval_type(value, globalns, localns)
    if include_extras:
        return hints
    return dict([(k, _strip_annotations(v)) for k, v in hints.items()])


def get_origin(tp):
    """Get the unsubscripted version of a type: get_origin(List[int]) is
    list, get_origin(Union[int, str]) is Union, get_origin(int | str) is
    types.UnionType, get_origin(int) is None."""
    if isinstance(tp, _AnnotatedAlias):
        return Annotated
    if isinstance(tp, _GenericAlias):
        if tp._form is not None and tp._form is not Callable:
            return tp._form
        return tp.__origin__
    if isinstance(tp, (_types.GenericAlias, _SpecialGenericAlias)):
        return tp.__origin__
    if isinstance(tp, _types.UnionType):
        return _types.UnionType
    if isinstance(tp, (ParamSpecArgs, ParamSpecKwargs)):
        return tp.__origin__
    if tp is Generic:
        return Generic
    return None


def get_args(tp):
    """Get type arguments with all substitutions performed:
    get_args(Dict[int, str]) is (int, str), get_args(int | str) is
    (int, str), get_args(Callable[[], T][int]) is ([], int)."""
    if isinstance(tp, _AnnotatedAlias):
        return (tp.__origin__,) + tp.__metadata__
    if isinstance(tp, _GenericAlias):
        args = tp.__args__
        if tp._form is Callable and len(args) == 2 and isinstance(args[0], list):
            return (list(args[0]), args[1])
        return args
    if isinstance(tp, (_types.GenericAlias, _types.UnionType)):
        args = tp.__args__
        if (getattr(tp, '__origin__', None) is _cabc.Callable and args
                and args[0] is not Ellipsis and not isinstance(args[0], list)):
            return (list(args[:-1]), args[-1])
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


def _caller_module(depth=2):
    try:
        return _sys._getframe(depth).f_globals.get('__name__', '__main__')
    except (AttributeError, ValueError):
        return None


def _make_nmtuple(name, fields, module, defaults=()):
    from collections import namedtuple
    names = [n for n, t in fields]
    types = {}
    for n, t in fields:
        types[n] = _type_convert(t)
    nm_tpl = namedtuple(name, names, defaults=defaults, module=module)
    nm_tpl.__annotations__ = types
    return nm_tpl


# Attributes a class-syntax NamedTuple may not define, and the names of its
# namespace that are not copied onto the namedtuple class.
_NT_RESERVED = frozenset(['__new__', '__init__', '__slots__', '__getnewargs__',
                          '_fields', '_field_defaults', '_make', '_replace',
                          '_asdict', '_source'])
_NT_NOT_COPIED = frozenset(['__module__', '__name__', '__annotations__'])


class NamedTupleMeta(type):
    """Turns the body of class C(NamedTuple) into a namedtuple class."""

    def __new__(mcls, typename, bases, ns):
        for base in bases:
            if base is not _NamedTuple and base is not Generic:
                raise TypeError('can only inherit from a NamedTuple type and Generic')
        if Generic in bases:
            raise TypeError('generic NamedTuple classes are not supported by gilpy')
        annotations = ns.get('__annotations__', {})
        fields = list(annotations.items())
        defaults = []
        with_default = []
        for name, t in fields:
            if name in ns:
                with_default.append(name)
                defaults.append(ns[name])
            elif with_default:
                raise TypeError("Non-default namedtuple field %s cannot follow "
                                "default field%s %s"
                                % (name, 's' if len(with_default) > 1 else '',
                                   ', '.join(with_default)))
        nm_tpl = _make_nmtuple(typename, fields, ns.get('__module__', '__main__'),
                               defaults)
        for key in ns:
            if key in _NT_RESERVED:
                raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
            if key in _NT_NOT_COPIED or key in nm_tpl._fields:
                continue
            if key == '__doc__' and ns[key] is None:
                continue
            setattr(nm_tpl, key, ns[key])
        return nm_tpl


def NamedTuple(typename, fields=None, /, **kwargs):
    """Typed version of namedtuple.

        class Employee(NamedTuple):
            name: str
            id: int = 3

    or, equivalently, Employee = NamedTuple('Employee', [('name', str),
    ('id', int)]) (without the default).  The field types are kept in
    __annotations__; defaults in _field_defaults.
    """
    if fields is None:
        fields = list(kwargs.items())
    elif kwargs:
        raise TypeError("Either list of fields or keywords can be provided "
                        "to NamedTuple, not both")
    return _make_nmtuple(typename, list(fields), _caller_module())


_NamedTuple = type.__new__(NamedTupleMeta, 'NamedTuple', (), {})


def _namedtuple_mro_entries(bases):
    return (_NamedTuple,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries


_TYPEDDICT_CHECK = 'TypedDict does not support instance and class checks'


class _TypedDictMeta(type):
    """The metaclass of TypedDict classes: they are dict subclasses whose
    calls make plain dicts, with the declared keys in __annotations__,
    __required_keys__ and __optional_keys__."""

    def __new__(cls, name, bases, ns, total=True):
        for base in bases:
            if type(base) is not _TypedDictMeta:
                raise TypeError('cannot inherit from both a TypedDict type '
                                'and a non-TypedDict base class')
        tp_dict = type.__new__(_TypedDictMeta, name, (dict,), ns)
        module = tp_dict.__module__
        own = {}
        for key, value in ns.get('__annotations__', {}).items():
            if value is None:
                value = _NoneType
            elif isinstance(value, str):
                value = ForwardRef(value, module=module)
            own[key] = value
        annotations = {}
        required = set()
        optional = set()
        for base in bases:
            annotations.update(base.__dict__.get('__annotations__', {}))
            required.update(base.__dict__.get('__required_keys__', ()))
            optional.update(base.__dict__.get('__optional_keys__', ()))
        annotations.update(own)
        for key, value in own.items():
            marker = value
            while isinstance(marker, _AnnotatedAlias):
                marker = marker.__origin__
            form = get_origin(marker)
            if form is Required:
                required.add(key)
            elif form is NotRequired:
                optional.add(key)
            elif total:
                required.add(key)
            else:
                optional.add(key)
        tp_dict.__annotations__ = annotations
        tp_dict.__required_keys__ = frozenset(required)
        tp_dict.__optional_keys__ = frozenset(optional)
        if '__total__' not in tp_dict.__dict__:
            tp_dict.__total__ = total
        return tp_dict

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)

    def __instancecheck__(cls, other):
        raise TypeError(_TYPEDDICT_CHECK)

    def __subclasscheck__(cls, other):
        raise TypeError(_TYPEDDICT_CHECK)


def TypedDict(typename, fields=None, /, *, total=True, **kwargs):
    """A simple typed namespace: at runtime a plain dict.

        class Point2D(TypedDict):
            x: int
            y: int
            label: str

    or Point2D = TypedDict('Point2D', {'x': int, 'y': int, 'label': str}).
    With total=False every key may be missing; Required[...] and
    NotRequired[...] mark single keys.  The keys are listed in
    __required_keys__ and __optional_keys__.
    """
    if fields is None:
        fields = kwargs
    elif kwargs:
        raise TypeError("TypedDict takes either a dict or keyword arguments,"
                        " but not both")
    ns = {'__annotations__': dict(fields)}
    module = _caller_module()
    if module is not None:
        ns['__module__'] = module
    return _TypedDictMeta(typename, (), ns, total=total)


_TypedDict = type.__new__(_TypedDictMeta, 'TypedDict', (), {})


def _typeddict_mro_entries(bases):
    return (_TypedDict,)


TypedDict.__mro_entries__ = _typeddict_mro_entries


def is_typeddict(tp):
    """Check if an annotation is a TypedDict class."""
    return isinstance(tp, _TypedDictMeta)
