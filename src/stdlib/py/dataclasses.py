"""Data classes (PEP 557): generate __init__, __repr__, __eq__ and friends
from the annotated fields of a class.

The generated methods are closures over the list of fields (no source text
is compiled); they behave as CPython's generated methods do, including the
argument errors of __init__.
"""

import sys
import copy
import keyword
import itertools
import _thread

__all__ = ["dataclass",
           "field",
           "Field",
           "FrozenInstanceError",
           "InitVar",
           "KW_ONLY",
           "MISSING",

           # Helper functions.
           "fields",
           "asdict",
           "astuple",
           "make_dataclass",
           "replace",
           "is_dataclass",
           ]

# The read-only mapping type of class dictionaries.
_MappingProxy = type(type.__dict__)


class FrozenInstanceError(AttributeError):
    pass


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_EMPTY_METADATA = _MappingProxy({})


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

# The names of the attributes dataclass() stores on the class.
_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return f"dataclasses.InitVar[{type_name}]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """A field of a dataclass, as made by field() or from an annotation."""

    __slots__ = ("name",
                 "type",
                 "default",
                 "default_factory",
                 "repr",
                 "hash",
                 "init",
                 "compare",
                 "metadata",
                 "kw_only",
                 "_field_type",  # Private: not to be used by user code.
                 )

    def __init__(self, default, default_factory, init, repr, hash, compare,
                 metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = (_EMPTY_METADATA if metadata is None
                         else _MappingProxy(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field("
                f"name={self.name!r},"
                f"type={self.type!r},"
                f"default={self.default!r},"
                f"default_factory={self.default_factory!r},"
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"hash={self.hash!r},"
                f"compare={self.compare!r},"
                f"metadata={self.metadata!r},"
                f"kw_only={self.kw_only!r},"
                f"_field_type={self._field_type}"
                ")")

    # A default that is a descriptor learns its name too.
    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    __slots__ = ("init",
                 "repr",
                 "eq",
                 "order",
                 "unsafe_hash",
                 "frozen",
                 )

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams("
                f"init={self.init!r},"
                f"repr={self.repr!r},"
                f"eq={self.eq!r},"
                f"order={self.order!r},"
                f"unsafe_hash={self.unsafe_hash!r},"
                f"frozen={self.frozen!r}"
                ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe a field beyond its annotation: its default (a value, or a
    default_factory called with no arguments for each instance), whether it
    is an __init__ parameter (init), whether repr, comparisons and the hash
    use it (repr, compare, hash), whether it is keyword-only in __init__
    (kw_only), and a read-only metadata mapping.  default and
    default_factory exclude each other."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare,
                 metadata, kw_only)


def _fields_in_init_order(fields):
    # (positional parameters, keyword-only parameters) of __init__
    return (tuple(f for f in fields if f.init and not f.kw_only),
            tuple(f for f in fields if f.init and f.kw_only))


def _recursive_repr(user_function):
    """Decorator for the generated __repr__: '...' for a recursive call."""
    import functools
    repr_running = set()

    @functools.wraps(user_function)
    def wrapper(self):
        key = id(self), _thread.get_ident()
        if key in repr_running:
            return "..."
        repr_running.add(key)
        try:
            result = user_function(self)
        finally:
            repr_running.discard(key)
        return result
    return wrapper


def _set_qualname(cls, value):
    # Generated methods are named after the class they are set on.
    if isinstance(value, type(_set_qualname)):
        value.__qualname__ = f"{cls.__qualname__}.{value.__name__}"
    return value


def _set_new_attribute(cls, name, value):
    # A method the class defines itself is kept: True tells so.
    if name in cls.__dict__:
        return True
    _set_qualname(cls, value)
    setattr(cls, name, value)
    return False


def _plural_names(names):
    quoted = ["'%s'" % n for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return "%s and %s" % tuple(quoted)
    return ", ".join(quoted[:-1]) + ", and " + quoted[-1]


def _bind_arguments(func, args, kwargs, positional, defaults, keyword_only):
    """The values of __init__'s parameters for a call with args and kwargs,
    with the errors a Python function of that signature raises.

    positional and keyword_only are parameter names; defaults maps a name
    to its default value (absent: required)."""
    qualname = func.__qualname__
    values = {}
    for name, value in zip(positional, args):
        values[name] = value
    kw_only_given = 0
    for name, value in kwargs.items():
        if name not in positional and name not in keyword_only:
            raise TypeError("%s() got an unexpected keyword argument '%s'" % (qualname, name))
        if name in values:
            raise TypeError("%s() got multiple values for argument '%s'" % (qualname, name))
        if name in keyword_only:
            kw_only_given += 1
        values[name] = value
    if len(args) > len(positional):
        required = sum(1 for n in positional if n not in defaults)
        top = len(positional) + 1
        if required < len(positional):
            takes = "from %d to %d positional arguments" % (required + 1, top)
        else:
            takes = "%d positional argument%s" % (top, "" if top == 1 else "s")
        given = len(args) + 1
        if kw_only_given:
            raise TypeError("%s() takes %s but %d positional argument%s (and %d keyword-only argument%s) were given"
                            % (qualname, takes, given, "" if given == 1 else "s",
                               kw_only_given, "" if kw_only_given == 1 else "s"))
        raise TypeError("%s() takes %s but %d %s given"
                        % (qualname, takes, given, "was" if given == 1 else "were"))
    missing = [n for n in positional if n not in values and n not in defaults]
    if missing:
        raise TypeError("%s() missing %d required positional argument%s: %s"
                        % (qualname, len(missing), "" if len(missing) == 1 else "s",
                           _plural_names(missing)))
    missing = [n for n in keyword_only if n not in values and n not in defaults]
    if missing:
        raise TypeError("%s() missing %d required keyword-only argument%s: %s"
                        % (qualname, len(missing), "" if len(missing) == 1 else "s",
                           _plural_names(missing)))
    for name in itertools.chain(positional, keyword_only):
        if name not in values:
            values[name] = defaults[name]
    return values


def __create_fn__init(fields, std_fields, kw_only_fields, frozen, has_post_init):
    # A positional parameter without a default may not follow one with a
    # default (keyword-only ones may).
    seen_default = False
    for f in std_fields:
        if f.init:
            if not (f.default is MISSING and f.default_factory is MISSING):
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")

    positional = [f.name for f in std_fields]
    keyword_only = [f.name for f in kw_only_fields]
    defaults = {}
    for f in itertools.chain(std_fields, kw_only_fields):
        if f.default_factory is not MISSING:
            defaults[f.name] = _HAS_DEFAULT_FACTORY
        elif f.default is not MISSING:
            defaults[f.name] = f.default
    initvar_names = [f.name for f in fields if f._field_type is _FIELD_INITVAR]
    setter = object.__setattr__

    def __init__(self, /, *args, **kwargs):
        values = _bind_arguments(__init__, args, kwargs, positional, defaults, keyword_only)
        for f in fields:
            if f.default_factory is not MISSING:
                if f.init:
                    value = values[f.name]
                    if value is _HAS_DEFAULT_FACTORY:
                        value = f.default_factory()
                else:
                    value = f.default_factory()
            elif f.init:
                value = values[f.name]
            else:
                # No default factory and not in __init__: a class attribute
                # (the default) or nothing at all.
                continue
            if f._field_type is _FIELD_INITVAR:
                continue
            if frozen:
                setter(self, f.name, value)
            else:
                setattr(self, f.name, value)
        if has_post_init:
            self.__post_init__(*[values[name] for name in initvar_names])

    return __init__


def __create_fn__(name, fields, cls=None, op=None):
    """The generated methods other than __init__."""
    names = [f.name for f in fields]

    def values_of(obj):
        return tuple(getattr(obj, n) for n in names)

    if name == "__repr__":
        def __repr__(self):
            return (self.__class__.__qualname__ + "("
                    + ", ".join("%s=%r" % (n, getattr(self, n)) for n in names) + ")")
        return _recursive_repr(__repr__)

    if name == "__eq__":
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return values_of(self) == values_of(other)
            return NotImplemented
        return __eq__

    if name == "__hash__":
        def __hash__(self):
            return hash(values_of(self))
        return __hash__

    if name == "__setattr__":
        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            super(cls, self).__setattr__(name, value)
        return __setattr__

    if name == "__delattr__":
        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError(f"cannot delete field {name!r}")
            super(cls, self).__delattr__(name)
        return __delattr__

    # The ordering methods.
    if op == "<":
        def __lt__(self, other):
            if other.__class__ is self.__class__:
                return values_of(self) < values_of(other)
            return NotImplemented
        return __lt__
    if op == "<=":
        def __le__(self, other):
            if other.__class__ is self.__class__:
                return values_of(self) <= values_of(other)
            return NotImplemented
        return __le__
    if op == ">":
        def __gt__(self, other):
            if other.__class__ is self.__class__:
                return values_of(self) > values_of(other)
            return NotImplemented
        return __gt__

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return values_of(self) >= values_of(other)
        return NotImplemented
    return __ge__


def _is_classvar(a_type, typing):
    return (a_type is typing.ClassVar
            or getattr(a_type, "__origin__", None) is typing.ClassVar)


def _is_initvar(a_type, dataclasses):
    return a_type is dataclasses.InitVar or type(a_type) is dataclasses.InitVar


def _is_kw_only(a_type, dataclasses):
    return a_type is dataclasses.KW_ONLY


def _split_annotation(annotation):
    """For a string annotation like 'typing.ClassVar[int]': the module
    prefix ('typing', or None) and the name ('ClassVar')."""
    text = annotation.strip()
    head = text.split("[", 1)[0]
    parts = [p.strip() for p in head.split(".")]
    if len(parts) == 1 and parts[0].isidentifier():
        return None, parts[0]
    if len(parts) >= 2 and parts[0].isidentifier() and parts[1].isidentifier():
        return parts[0], parts[1]
    return None, None


def _is_type(annotation, cls, a_module, a_type, is_type_predicate):
    """Whether the string annotation names a_type (ClassVar or InitVar)
    through the globals of cls's module."""
    module_name, name = _split_annotation(annotation)
    if name is None:
        return False
    module = sys.modules.get(cls.__module__)
    ns = getattr(module, "__dict__", None) if module is not None else None
    if ns is None:
        return False
    if module_name is None:
        if name in ns and is_type_predicate(ns[name], a_module):
            return True
        return False
    module = ns.get(module_name)
    if module is not None and module is a_module:
        if getattr(module, name, None) is a_type:
            return True
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    # The Field of one annotation; its _field_type tells a ClassVar or an
    # InitVar from a real field.
    default = getattr(cls, a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)

    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD

    typing = sys.modules.get("typing")
    if typing:
        if (_is_classvar(a_type, typing)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, typing, typing.ClassVar, _is_classvar))):
            f._field_type = _FIELD_CLASSVAR

    if f._field_type is _FIELD:
        dataclasses = sys.modules[__name__]
        if (_is_initvar(a_type, dataclasses)
                or (isinstance(f.type, str)
                    and _is_type(f.type, cls, dataclasses, dataclasses.InitVar, _is_initvar))):
            f._field_type = _FIELD_INITVAR

    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR):
        if f.default_factory is not MISSING:
            raise TypeError(f"field {f.name} cannot have a default factory")

    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        if f.kw_only is not MISSING:
            raise TypeError(f"field {f.name} is a ClassVar but specifies kw_only")

    # An unhashable default (list, dict, set...) would be shared by every
    # instance: refused.
    if f._field_type is _FIELD and f.default.__class__.__hash__ is None:
        raise ValueError(f"mutable default {type(f.default)} for field "
                         f"{f.name} is not allowed: use default_factory")

    return f


def _hash_set_none(cls, fields):
    return None


def _hash_add(cls, fields):
    flds = [f for f in fields if (f.compare if f.hash is None else f.hash)]
    return _set_qualname(cls, __create_fn__("__hash__", flds))


def _hash_exception(cls, fields):
    raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")


# What to do with __hash__, indexed by (unsafe_hash, eq, frozen,
# has-explicit-hash): None leaves the class as it is.
_hash_action = {(False, False, False, False): None,
                (False, False, False, True): None,
                (False, False, True, False): None,
                (False, False, True, True): None,
                (False, True, False, False): _hash_set_none,
                (False, True, False, True): None,
                (False, True, True, False): _hash_add,
                (False, True, True, True): None,
                (True, False, False, False): _hash_add,
                (True, False, False, True): _hash_exception,
                (True, False, True, False): _hash_add,
                (True, False, True, True): _hash_exception,
                (True, True, False, False): _hash_add,
                (True, True, False, True): _hash_exception,
                (True, True, True, False): _hash_add,
                (True, True, True, True): _hash_exception,
                }


def _class_annotations(cls):
    return cls.__dict__.get("__annotations__", {})


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                   match_args, kw_only, slots, weakref_slot):
    # name -> Field, in order: the bases' fields first (the most basic
    # first), then this class's, which replace inherited ones in place.
    fields = {}

    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))

    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, _FIELDS, None)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in base_fields.values():
                fields[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True

    cls_annotations = _class_annotations(cls)

    cls_fields = []
    KW_ONLY_seen = False
    dataclasses = sys.modules[__name__]
    for name, type in cls_annotations.items():
        # "_: KW_ONLY" makes the fields after it keyword-only.
        if (_is_kw_only(type, dataclasses)
                or (isinstance(type, str)
                    and _is_type(type, cls, dataclasses, dataclasses.KW_ONLY, _is_kw_only))):
            if KW_ONLY_seen:
                raise TypeError(f"{name!r} is KW_ONLY, but KW_ONLY has already been specified")
            KW_ONLY_seen = True
            kw_only = True
        else:
            cls_fields.append(_get_field(cls, name, type, kw_only))

    for f in cls_fields:
        fields[f.name] = f

        # The class attribute is the default value, not the Field.
        if isinstance(getattr(cls, f.name, None), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)

    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and not name in cls_annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")

    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")

    # This attribute is what makes a class a dataclass.
    setattr(cls, _FIELDS, fields)

    # A class body that defines __eq__ gets __hash__ = None implicitly:
    # that one does not count as a __hash__ of the class's own.
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and "__eq__" in cls.__dict__))

    if order and not eq:
        raise ValueError("eq must be true if order is true")

    # __init__'s parameters: the fields and the InitVars (not ClassVars).
    all_init_fields = [f for f in fields.values()
                       if f._field_type in (_FIELD, _FIELD_INITVAR)]
    (std_init_fields,
     kw_only_init_fields) = _fields_in_init_order(all_init_fields)

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        _set_new_attribute(cls, "__init__",
                           __create_fn__init(all_init_fields, std_init_fields,
                                             kw_only_init_fields, frozen, has_post_init))

    field_list = [f for f in fields.values() if f._field_type is _FIELD]

    if repr:
        flds = [f for f in field_list if f.repr]
        _set_new_attribute(cls, "__repr__", __create_fn__("__repr__", flds))

    if eq:
        flds = [f for f in field_list if f.compare]
        _set_new_attribute(cls, "__eq__", __create_fn__("__eq__", flds))

    if order:
        flds = [f for f in field_list if f.compare]
        for name, op in [("__lt__", "<"),
                         ("__le__", "<="),
                         ("__gt__", ">"),
                         ("__ge__", ">="),
                         ]:
            if _set_new_attribute(cls, name, __create_fn__(name, flds, op=op)):
                raise TypeError(f"Cannot overwrite attribute {name} "
                                f"in class {cls.__name__}. Consider using "
                                "functools.total_ordering")

    if frozen:
        for name in ("__setattr__", "__delattr__"):
            fn = __create_fn__(name, field_list, cls=cls)
            if _set_new_attribute(cls, name, fn):
                raise TypeError(f"Cannot overwrite attribute {name} "
                                f"in class {cls.__name__}")

    hash_action = _hash_action[bool(unsafe_hash),
                               bool(eq),
                               bool(frozen),
                               has_explicit_hash]
    if hash_action:
        cls.__hash__ = hash_action(cls, field_list)

    if not getattr(cls, "__doc__"):
        cls.__doc__ = cls.__name__ + _signature_text(std_init_fields, kw_only_init_fields)

    if match_args:
        _set_new_attribute(cls, "__match_args__",
                           tuple(f.name for f in std_init_fields))

    if weakref_slot and not slots:
        raise TypeError("weakref_slot is True but slots is False")
    if slots:
        cls = _add_slots(cls, frozen, weakref_slot)

    import abc
    abc.update_abstractmethods(cls)

    return cls


def _format_annotation(annotation):
    """An annotation as a signature shows it."""
    if getattr(annotation, "__module__", None) == "typing":
        return repr(annotation).replace("typing.", "")
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


def _signature_text(std_fields, kw_only_fields):
    """The signature of the generated __init__, as in the class doc string:
    (x: int, y: int = 0, *, z: str)"""
    parts = []
    for f in std_fields:
        parts.append(_parameter_text(f))
    if kw_only_fields:
        parts.append("*")
        for f in kw_only_fields:
            parts.append(_parameter_text(f))
    return "(" + ", ".join(parts) + ")"


def _parameter_text(f):
    text = f"{f.name}: {_format_annotation(f.type)}"
    if f.default_factory is not MISSING:
        text += " = <factory>"
    elif f.default is not MISSING:
        text += " = " + repr(f.default)
    return text


def _dataclass_getstate(self):
    return [getattr(self, f.name) for f in fields(self)]


def _dataclass_setstate(self, state):
    for f, value in zip(fields(self), state):
        # use setattr because dataclass may be frozen
        object.__setattr__(self, f.name, value)


def _get_slots(cls):
    slots = cls.__dict__.get("__slots__")
    if slots is None:
        # A class without __slots__ gives its instances a __dict__ and
        # weak references (unless it is a built-in type without them).
        result = []
        if getattr(cls, "__weakrefoffset__", -1) != 0:
            result.append("__weakref__")
        if getattr(cls, "__dictoffset__", -1) != 0:
            result.append("__dict__")
        return result
    if isinstance(slots, str):
        return [slots]
    return list(slots)


def _add_slots(cls, is_frozen, weakref_slot):
    # __slots__ only works when a class is created: make a new one.
    if "__slots__" in cls.__dict__:
        raise TypeError(f"{cls.__name__} already specifies __slots__")

    cls_dict = dict(cls.__dict__)
    field_names = tuple(f.name for f in fields(cls))
    inherited_slots = set(itertools.chain.from_iterable(map(_get_slots, cls.__mro__[1:-1])))
    # The fields (and __weakref__ if asked) that no base has as a slot yet.
    cls_dict["__slots__"] = tuple(
        itertools.filterfalse(
            inherited_slots.__contains__,
            itertools.chain(
                field_names, ("__weakref__",) if weakref_slot else ()
            )
        ),
    )

    for field_name in field_names:
        cls_dict.pop(field_name, None)

    # The old class's __dict__ and __weakref__ descriptors are not ours.
    cls_dict.pop("__dict__", None)
    cls_dict.pop("__weakref__", None)
    qualname = getattr(cls, "__qualname__", None)
    cls = type(cls)(cls.__name__, cls.__bases__, cls_dict)
    if qualname is not None:
        cls.__qualname__ = qualname

    if is_frozen:
        # Pickling restores the fields through object.__setattr__.
        if "__getstate__" not in cls_dict:
            cls.__getstate__ = _dataclass_getstate
        if "__setstate__" not in cls_dict:
            cls.__setstate__ = _dataclass_setstate

    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True,
              kw_only=False, slots=False, weakref_slot=False):
    """Decorate a class with methods made from its annotated fields.

    init, repr, eq: add __init__, __repr__, __eq__; order: the four
    ordering methods (needs eq); unsafe_hash: always add __hash__; frozen:
    fields cannot be assigned after __init__; match_args: add
    __match_args__; kw_only: all fields are keyword-only parameters; slots:
    return a new class with __slots__ for the fields (and __weakref__ with
    weakref_slot)."""

    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash,
                              frozen, match_args, kw_only, slots,
                              weakref_slot)

    # @dataclass() and @dataclass(...) first get the options.
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The Field objects of a dataclass or of one of its instances, in
    definition order (ClassVar and InitVar pseudo-fields left out)."""
    try:
        fields = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None

    return tuple(f for f in fields.values() if f._field_type is _FIELD)


def _is_dataclass_instance(obj):
    """Whether obj's class is a dataclass."""
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """Whether obj is a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict of name to value.

    Values that are dataclass instances, lists, tuples and dicts are
    converted recursively; other values are deep-copied.  dict_factory
    builds the result from a list of (name, value) pairs."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _asdict_inner(getattr(obj, f.name), dict_factory)
            result.append((f.name, value))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        # A named tuple takes its fields as separate arguments.
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory),
                          _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The field values of a dataclass instance as a tuple.

    Converts nested dataclass instances, lists, tuples and dicts as
    asdict() does; tuple_factory builds the result from a list."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            value = _astuple_inner(getattr(obj, f.name), tuple_factory)
            result.append(value)
        return tuple_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True,
                   repr=True, eq=True, order=False, unsafe_hash=False,
                   frozen=False, match_args=True, kw_only=False, slots=False,
                   weakref_slot=False):
    """Create a dataclass named cls_name.

    Each item of fields is a name, a (name, type) pair or a (name, type,
    Field) triple; a bare name gets the annotation 'typing.Any'.  bases and
    namespace are as for type(); the other options are dataclass()'s."""
    if namespace is None:
        namespace = {}

    seen = set()
    annotations = {}
    defaults = {}
    for item in fields:
        if isinstance(item, str):
            name = item
            tp = "typing.Any"
        elif len(item) == 2:
            name, tp, = item
        elif len(item) == 3:
            name, tp, spec = item
            defaults[name] = spec
        else:
            raise TypeError(f"Invalid field: {item!r}")

        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError(f"Field names must be valid identifiers: {name!r}")
        if keyword.iskeyword(name):
            raise TypeError(f"Field names must not be keywords: {name!r}")
        if name in seen:
            raise TypeError(f"Field name duplicated: {name!r}")

        seen.add(name)
        annotations[name] = tp

    def exec_body_callback(ns):
        ns.update(namespace)
        ns.update(defaults)
        ns["__annotations__"] = annotations

    # new_class honours the bases' metaclass and __mro_entries__.
    import types
    cls = types.new_class(cls_name, bases, {}, exec_body_callback)

    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen,
                     match_args=match_args, kw_only=kw_only, slots=slots,
                     weakref_slot=weakref_slot)


def replace(obj, /, **changes):
    """A new instance of obj's class, with the fields given in changes
    replaced and the others copied from obj.  __init__ and __post_init__
    run for the new object; init=False fields cannot be changed."""

    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")

    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue

        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with "
                                 "init=False, it cannot be specified with "
                                 "replace()")
            continue

        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError(f"InitVar {f.name!r} "
                                 "must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)

    # __init__ (and __post_init__) run again; unknown names in changes
    # raise TypeError there.
    return obj.__class__(**changes)
