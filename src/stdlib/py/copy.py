"""Generic (shallow and deep) copying operations.

Interface summary:

        import copy

        x = copy.copy(y)        # make a shallow copy of y
        x = copy.deepcopy(y)    # make a deep copy of y

For module specific errors, copy.Error is raised.

gilpy's `copy`, following CPython 3.11's Lib/copy.py: lists, dicts, sets and
tuples are copied directly; a class may define __copy__ / __deepcopy__(memo)
or __reduce_ex__ / __reduce__; any other instance is rebuilt with
cls.__new__(cls) (cls.__new__(cls, *x.__getnewargs__()) for tuple
subclasses) and its __dict__ (or __getstate__/__setstate__), plus the items of
a list, dict or set subclass.  The memo handles shared and cyclic structures.
"""


class Error(Exception):
    pass


error = Error   # backward compatibility

__all__ = ["Error", "copy", "deepcopy"]


def _function():
    pass


class _Probe:
    def method(self):
        pass


_FunctionType = type(_function)
_BuiltinFunctionType = type(len)
_MethodType = type(_Probe().method)
_NoneType = type(None)

_atomic = [_NoneType, int, float, bool, str, type, range, property,
           _FunctionType, _BuiltinFunctionType]


def _add_atomic(get_type):
    # Types gilpy may not have (a NameError when missing).
    try:
        _atomic.append(get_type())
    except NameError:
        pass


_add_atomic(lambda: type(Ellipsis))
_add_atomic(lambda: type(NotImplemented))
_add_atomic(lambda: bytes)
_add_atomic(lambda: complex)
_add_atomic(lambda: slice)


def copy(x):
    """Shallow copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    cls = type(x)

    copier = _copy_dispatch.get(cls)
    if copier:
        return copier(x)

    if issubclass(cls, type):
        return x

    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)

    rv = _reduce(x, cls, "un(shallow)copyable object of type %s")
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _copy_immutable(x):
    return x


def _copy_list(x):
    return list(x)


def _copy_dict(x):
    return dict(x)


def _copy_set(x):
    return set(x)


_copy_dispatch = {}
for _t in _atomic:
    _copy_dispatch[_t] = _copy_immutable
_copy_dispatch[tuple] = _copy_immutable
_copy_dispatch[frozenset] = _copy_immutable
_copy_dispatch[list] = _copy_list
_copy_dispatch[dict] = _copy_dict
_copy_dispatch[set] = _copy_set


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects.

    See the module's __doc__ string for more info.
    """
    if memo is None:
        memo = {}

    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)

    copier = _deepcopy_dispatch.get(cls)
    if copier is not None:
        y = copier(x, memo)
    else:
        if issubclass(cls, type):
            y = x
        else:
            copier = getattr(x, "__deepcopy__", None)
            if copier is not None:
                y = copier(memo)
            else:
                rv = _reduce(x, cls, "un(deep)copyable object of type %s")
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)

    # If is its own copy, don't memoize.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)  # Make sure x lives at least as long as d
    return y


def _deepcopy_atomic(x, memo):
    return x


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    append = y.append
    for a in x:
        append(deepcopy(a, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(a, memo) for a in x]
    # We're not going to put the tuple in the memo, but it's still important we
    # check for it, in case the tuple contains recursive mutable structures.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for i in range(len(y)):
        if x[i] is not y[i]:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_set(x, memo):
    y = set()
    memo[id(x)] = y
    for item in x:
        y.add(deepcopy(item, memo))
    return y


def _deepcopy_frozenset(x, memo):
    items = [deepcopy(item, memo) for item in x]
    try:
        return memo[id(x)]
    except KeyError:
        pass
    return frozenset(items)


def _deepcopy_method(x, memo):  # Copy instance methods
    return type(x)(x.__func__, deepcopy(x.__self__, memo))


_deepcopy_dispatch = {}
for _t in _atomic:
    _deepcopy_dispatch[_t] = _deepcopy_atomic
_deepcopy_dispatch[list] = _deepcopy_list
_deepcopy_dispatch[tuple] = _deepcopy_tuple
_deepcopy_dispatch[dict] = _deepcopy_dict
_deepcopy_dispatch[set] = _deepcopy_set
_deepcopy_dispatch[frozenset] = _deepcopy_frozenset
_deepcopy_dispatch[_MethodType] = _deepcopy_method


def _keep_alive(x, memo):
    """Keeps a reference to the object x in the memo."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _reduce(x, cls, message):
    """The reduction of x: __reduce_ex__(4) or __reduce__() when the object
    has them, else one built from its type, __dict__ and items."""
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor:
        return reductor()
    return _default_reduce(x, cls, message)


def _new_with_args(cls, *args):
    return cls.__new__(cls, *args)


def _default_reduce(x, cls, message):
    if isinstance(x, (_FunctionType, _BuiltinFunctionType)):
        return 'function'
    getstate = getattr(x, '__getstate__', None)
    if getstate is not None:
        state = getstate()
    else:
        try:
            state = x.__dict__
        except AttributeError:
            state = None
        if state is not None:
            state = dict(state)
            if not state:
                state = None
    listiter = None
    dictiter = None
    if isinstance(x, tuple):
        getnewargs = getattr(x, '__getnewargs__', None)
        if getnewargs is not None:
            args = tuple(getnewargs())
        else:
            args = (tuple(x),)
        return (_new_with_args, (cls,) + args, state)
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), state)
    for base in (bool, int, float, str):
        if isinstance(x, base):
            return (_new_with_args, (cls, base(x)), state)
    if isinstance(x, list):
        listiter = iter(list(x))
    elif isinstance(x, dict):
        dictiter = iter(list(x.items()))
    elif state is None and not hasattr(x, '__dict__'):
        raise Error(message % cls)
    return (_new_with_args, (cls,), state, listiter, dictiter)


def _reconstruct(x, memo, func, args,
                 state=None, listiter=None, dictiter=None):
    deep = memo is not None
    if deep and args:
        args = [deepcopy(arg, memo) for arg in args]
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            else:
                slotstate = None
            if state is not None:
                # As y.__dict__.update(state): no user __setattr__.
                for key, value in state.items():
                    object.__setattr__(y, key, value)
            if slotstate is not None:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        if deep:
            for item in listiter:
                item = deepcopy(item, memo)
                y.append(item)
        else:
            for item in listiter:
                y.append(item)
    if dictiter is not None:
        if deep:
            for key, value in dictiter:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
                y[key] = value
        else:
            for key, value in dictiter:
                y[key] = value
    return y
