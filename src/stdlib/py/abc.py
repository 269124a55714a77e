"""Abstract base classes (PEP 3119), written in Python.

ABCMeta keeps, per class, the classes registered as virtual subclasses and two
caches of issubclass() answers.  gilpy has no weak references, so these hold
their classes strongly (CPython's hold them weakly).
"""


def abstractmethod(funcobj):
    """Mark a method abstract: a class whose metaclass is ABCMeta (or derived
    from it) cannot be instantiated while it has any abstract method left
    without an override."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated: use classmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated: use staticmethod with abstractmethod."""

    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    """Deprecated: use property with abstractmethod."""

    __isabstractmethod__ = True


class _abc_data:
    """Per-class registry and caches of an ABC."""

    def __init__(self):
        self.registry = set()
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = ABCMeta._abc_invalidation_counter


def get_cache_token():
    """A token that changes whenever a class is registered with any ABC, to
    know when cached isinstance/issubclass answers may be stale."""
    return ABCMeta._abc_invalidation_counter


def _compute_abstracts(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of abstract base classes.

    An ABC can be subclassed directly, and also gets virtual subclasses with
    register(), or answers issubclass() itself through __subclasshook__."""

    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Register subclass as a virtual subclass of this ABC; returns it,
        so that it can serve as a class decorator."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_impl.registry.add(subclass)
        ABCMeta._abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == ABCMeta._abc_invalidation_counter
                    and subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < ABCMeta._abc_invalidation_counter:
            impl.negative_cache = set()
            impl.negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        hook = getattr(cls, "__subclasshook__", None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            if ok:
                impl.cache.add(subclass)
            else:
                impl.negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, "__mro__", ()):
            impl.cache.add(subclass)
            return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in cls.__subclasses__():
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Debug helper: print the ABC's registry and caches."""
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {get_cache_token()}", file=file)
        impl = cls._abc_impl
        print(f"_abc_registry: {impl.registry!r}", file=file)
        print(f"_abc_cache: {impl.cache!r}", file=file)
        print(f"_abc_negative_cache: {impl.negative_cache!r}", file=file)
        print(f"_abc_negative_cache_version: {impl.negative_cache_version!r}", file=file)

    def _abc_registry_clear(cls):
        """Clear the registry (for debugging or testing)."""
        cls._abc_impl.registry.clear()

    def _abc_caches_clear(cls):
        """Clear the caches (for debugging or testing)."""
        cls._abc_impl.cache.clear()
        cls._abc_impl.negative_cache.clear()


def update_abstractmethods(cls):
    """Recompute the abstract methods of an ABC whose methods were changed
    after its creation (e.g. by a class decorator); returns cls.  A class that
    is not an ABC is returned unchanged."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class: subclassing it makes an ABC without naming the metaclass."""

    __slots__ = ()
