"""Weak references: refer to an object without keeping it alive.

ref(obj[, callback]) returns a reference; calling it gives the object, or
None once the object is gone; callback(ref) runs when an instance dies.
proxy, WeakMethod, WeakValueDictionary, WeakKeyDictionary, WeakSet and
finalize are built on it.

In gilpy, instances of Python classes, functions, classes, sets, bound
methods, modules and generators can be referred to weakly; callbacks (and
so the weak containers' clean-up and finalize) fire for instances only:
for the other kinds, the reference just goes dead.
"""

import _weakref
from collections.abc import MutableMapping, MutableSet

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs",
           "WeakKeyDictionary", "ReferenceType", "ProxyType",
           "CallableProxyType", "ProxyTypes", "WeakValueDictionary",
           "WeakSet", "WeakMethod", "finalize"]


def _describe(obj):
    name = getattr(obj, "__name__", None)
    text = "'%s' at %#x" % (type(obj).__name__, id(obj))
    if isinstance(name, str):
        text += " (%s)" % name
    return text


class ReferenceType:
    """A weak reference: call it to get the object, or None if it is gone."""

    def __new__(cls, ob, callback=None, *args, **kwargs):
        self = object.__new__(cls)
        self._handle = _weakref.handle(ob)
        self._hash = None
        self.__callback__ = callback
        _weakref.watch(ob, self, callback)
        return self

    def __init__(self, ob, callback=None, *args, **kwargs):
        pass

    def __call__(self):
        return _weakref.get(self._handle)

    def __hash__(self):
        if self._hash is None:
            obj = self()
            if obj is None:
                raise TypeError("weak object has gone away")
            self._hash = hash(obj)
        return self._hash

    def __eq__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is other
        return a == b

    def __ne__(self, other):
        if not isinstance(other, ReferenceType):
            return NotImplemented
        a, b = self(), other()
        if a is None or b is None:
            return self is not other
        return a != b

    def __repr__(self):
        obj = self()
        if obj is None:
            return "<weakref at %#x; dead>" % id(self)
        return "<weakref at %#x; to %s>" % (id(self), _describe(obj))

    def __class_getitem__(cls, item):
        return cls


ref = ReferenceType


def _dead():
    raise ReferenceError("weakly-referenced object no longer exists")


class ProxyType:
    """A proxy: attribute access and operators go to the object."""

    def __init__(self, ob, callback=None):
        object.__setattr__(self, "_ref", ref(ob, None if callback is None
                                             else lambda r: callback(self)))

    def _target(self):
        obj = object.__getattribute__(self, "_ref")()
        if obj is None:
            _dead()
        return obj

    def __getattr__(self, name):
        return getattr(self._target(), name)

    def __setattr__(self, name, value):
        setattr(self._target(), name, value)

    def __delattr__(self, name):
        delattr(self._target(), name)

    def __repr__(self):
        obj = object.__getattribute__(self, "_ref")()
        if obj is None:
            return "<weakproxy at %#x; dead>" % id(self)
        return "<weakproxy at %#x; to %s>" % (id(self), _describe(obj))

    def __str__(self):
        return str(self._target())

    def __bool__(self):
        return bool(self._target())

    def __len__(self):
        return len(self._target())

    def __iter__(self):
        return iter(self._target())

    def __contains__(self, item):
        return item in self._target()

    def __getitem__(self, key):
        return self._target()[key]

    def __setitem__(self, key, value):
        self._target()[key] = value

    def __delitem__(self, key):
        del self._target()[key]

    def __eq__(self, other):
        return self._target() == other

    def __lt__(self, other):
        return self._target() < other

    def __add__(self, other):
        return self._target() + other

    def __sub__(self, other):
        return self._target() - other

    def __mul__(self, other):
        return self._target() * other

    def __hash__(self):
        raise TypeError("unhashable type: 'weakref.ProxyType'")


class CallableProxyType(ProxyType):
    def __call__(self, *args, **kwargs):
        return self._target()(*args, **kwargs)


ProxyTypes = (ProxyType, CallableProxyType)


def proxy(obj, callback=None):
    """A proxy to obj that does not keep it alive."""
    if callable(obj):
        return CallableProxyType(obj, callback)
    return ProxyType(obj, callback)


def getweakrefcount(obj):
    """The number of weak references to obj."""
    return _weakref.getweakrefcount(obj)


def getweakrefs(obj):
    """The weak references to obj."""
    return _weakref.getweakrefs(obj)


class WeakMethod(ref):
    """A weak reference to a bound method, which would die at once if
    referred to directly: it keeps weak references to the object and the
    function instead."""

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self is not None and self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)

        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


class KeyedRef(ref):
    """A ref with the key it is stored under (WeakValueDictionary)."""

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        pass


class WeakValueDictionary(MutableMapping):
    """A mapping whose values are referred to weakly: an entry goes when
    its value dies."""

    def __init__(self, other=(), /, **kw):
        def remove(wr, selfref=ref(self)):
            self = selfref()
            if self is not None:
                current = self.data.get(wr.key)
                if current is wr:
                    del self.data[wr.key]
        self._remove = remove
        self.data = {}
        self.update(other, **kw)

    def __getitem__(self, key):
        obj = self.data[key]()
        if obj is None:
            raise KeyError(key)
        return obj

    def __setitem__(self, key, value):
        self.data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self.data[key]

    def __len__(self):
        return sum(1 for wr in list(self.data.values()) if wr() is not None)

    def __contains__(self, key):
        wr = self.data.get(key)
        return wr is not None and wr() is not None

    def __iter__(self):
        for key, wr in list(self.data.items()):
            if wr() is not None:
                yield key

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def get(self, key, default=None):
        wr = self.data.get(key)
        if wr is None:
            return default
        obj = wr()
        return default if obj is None else obj

    def items(self):
        for key, wr in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield key, obj

    def values(self):
        for wr in list(self.data.values()):
            obj = wr()
            if obj is not None:
                yield obj

    def keys(self):
        return iter(self)

    def itervaluerefs(self):
        return iter(list(self.data.values()))

    def valuerefs(self):
        return list(self.data.values())

    def copy(self):
        new = WeakValueDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def setdefault(self, key, default=None):
        obj = self.get(key)
        if obj is None:
            self[key] = default
            return default
        return obj

    def pop(self, key, *args):
        wr = self.data.pop(key, None)
        obj = None if wr is None else wr()
        if obj is None:
            if args:
                return args[0]
            raise KeyError(key)
        return obj

    def popitem(self):
        while True:
            key, wr = self.data.popitem()
            obj = wr()
            if obj is not None:
                return key, obj


class WeakKeyDictionary(MutableMapping):
    """A mapping whose keys are referred to weakly: an entry goes when its
    key dies."""

    def __init__(self, dict=None):
        def remove(k, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.pop(k, None)
        self._remove = remove
        self.data = {}
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self.data[ref(key)]

    def __setitem__(self, key, value):
        self.data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self.data[ref(key)]

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self.data

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __repr__(self):
        return "<%s at %#x>" % (type(self).__name__, id(self))

    def get(self, key, default=None):
        return self.data.get(ref(key), default)

    def items(self):
        for wr, value in list(self.data.items()):
            obj = wr()
            if obj is not None:
                yield obj, value

    def keys(self):
        return iter(self)

    def values(self):
        for wr, value in list(self.data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self.data)

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def setdefault(self, key, default=None):
        return self.data.setdefault(ref(key, self._remove), default)

    def pop(self, key, *args):
        return self.data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = self.data.popitem()
            obj = wr()
            if obj is not None:
                return obj, value


class WeakSet(MutableSet):
    """A set whose items are referred to weakly."""

    def __init__(self, data=None):
        def remove(item, selfref=ref(self)):
            self = selfref()
            if self is not None:
                self.data.discard(item)
        self._remove = remove
        self.data = set()
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self.data):
            obj = wr()
            if obj is not None:
                yield obj

    def __len__(self):
        return sum(1 for wr in list(self.data) if wr() is not None)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self.data

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def add(self, item):
        self.data.add(ref(item, self._remove))

    def discard(self, item):
        self.data.discard(ref(item))

    def remove(self, item):
        self.data.remove(ref(item))

    def clear(self):
        self.data.clear()

    def copy(self):
        return type(self)(self)

    def pop(self):
        while True:
            wr = self.data.pop()
            obj = wr()
            if obj is not None:
                return obj

    def update(self, other):
        for item in other:
            self.add(item)

    def __ior__(self, other):
        self.update(other)
        return self


class finalize:
    """finalize(obj, func, *args, **kwargs): func(*args, **kwargs) runs once,
    when obj dies, when the finalizer is called, or at exit (if atexit is
    true, the default)."""

    _registry = {}
    _index = 0
    _atexit_registered = False

    def __init__(self, obj, func, /, *args, **kwargs):
        if not finalize._atexit_registered:
            import atexit
            atexit.register(finalize._exit)
            finalize._atexit_registered = True
        finalize._index += 1
        self._key = finalize._index
        self._ref = ref(obj, self)
        finalize._registry[self] = (func, args, kwargs or None, self._key)
        self.atexit = True

    def __call__(self, _=None):
        info = finalize._registry.pop(self, None)
        if info is not None:
            func, args, kwargs, _key = info
            return func(*args, **(kwargs or {}))

    def detach(self):
        obj = self._ref()
        info = finalize._registry.pop(self, None)
        if obj is not None and info is not None:
            return (obj, info[0], info[1], info[2] or {})

    def peek(self):
        obj = self._ref()
        info = finalize._registry.get(self)
        if obj is not None and info is not None:
            return (obj, info[0], info[1], info[2] or {})

    @property
    def alive(self):
        return self in finalize._registry

    def __repr__(self):
        obj = self._ref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))

    @staticmethod
    def _exit():
        pending = sorted(finalize._registry.items(), key=lambda kv: kv[1][3])
        for f, _info in reversed(pending):
            if f.atexit:
                f()
