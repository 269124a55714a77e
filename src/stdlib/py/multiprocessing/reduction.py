"""How values cross between processes: pickle when it is available, else a
small encoding of the common types (built-in values, functions and classes
by name, exceptions, plain instances), enough for fork-started workers."""

import sys

try:
    import pickle as _pickle
    _pickle.dumps
except Exception:
    _pickle = None


class PicklingError(Exception):
    pass


def _find(module, qualname):
    obj = sys.modules[module]
    for part in qualname.split('.'):
        obj = getattr(obj, part)
    return obj


def _global_name(obj):
    module = getattr(obj, '__module__', None)
    qualname = getattr(obj, '__qualname__', None) or getattr(obj, '__name__', None)
    if module is None and qualname is not None:
        import builtins
        if getattr(builtins, qualname, None) is obj:
            module = 'builtins'
    if module is None or qualname is None or '<' in qualname:
        raise PicklingError("Can't pickle %r: it's not found as %s.%s"
                            % (obj, module, qualname))
    try:
        found = _find(module, qualname)
    except (KeyError, AttributeError):
        found = None
    if found is not obj:
        raise PicklingError("Can't pickle %r: it's not the same object as %s.%s"
                            % (obj, module, qualname))
    return module, qualname


_PLAIN = (int, str, bytes, bool, type(None))


def _enc(obj, out):
    t = type(obj)
    if t in _PLAIN:
        out.append(repr(obj))
    elif t is float:
        if obj != obj:
            out.append("_nan")
        elif obj in (float('inf'), float('-inf')):
            out.append("_inf" if obj > 0 else "-_inf")
        else:
            out.append(repr(obj))
    elif t is list or t is tuple:
        out.append('[' if t is list else '(')
        for x in obj:
            _enc(x, out)
            out.append(',')
        out.append(']' if t is list else ')')
    elif t is dict:
        out.append('{')
        for k, v in obj.items():
            _enc(k, out)
            out.append(':')
            _enc(v, out)
            out.append(',')
        out.append('}')
    elif t is set or t is frozenset:
        out.append('set([' if t is set else 'frozenset([')
        for x in obj:
            _enc(x, out)
            out.append(',')
        out.append('])')
    elif t is complex or t is bytearray or t is range or t is slice:
        out.append(repr(obj))
    elif isinstance(obj, type) or t.__name__ in ('function', 'builtin_function_or_method') \
            and not (t.__name__ == 'builtin_function_or_method'
                     and getattr(obj, '__self__', None) is not None
                     and type(obj.__self__).__name__ != 'module'):
        module, qualname = _global_name(obj)
        out.append('_g(%r,%r)' % (module, qualname))
    elif hasattr(obj, '__self__') and hasattr(obj, '__func__'):
        out.append('_m(')
        _enc(obj.__self__, out)
        out.append(',%r)' % obj.__func__.__name__)
    elif isinstance(obj, BaseException):
        module, qualname = _global_name(type(obj))
        out.append('_e(_g(%r,%r),' % (module, qualname))
        _enc(obj.args, out)
        out.append(',')
        _enc(dict(getattr(obj, '__dict__', {})), out)
        out.append(')')
    else:
        _enc_instance(obj, out)


def _enc_instance(obj, out):
    reduce = getattr(obj, '__reduce__', None)
    cls = type(obj)
    if reduce is not None and '__reduce__' in _class_attrs(cls):
        rv = reduce()
        if isinstance(rv, str):
            module = getattr(obj, '__module__', cls.__module__)
            out.append('_g(%r,%r)' % (module, rv))
            return
        out.append('_r(')
        _enc(rv[0], out)
        out.append(',')
        _enc(rv[1], out)
        out.append(',')
        _enc(rv[2] if len(rv) > 2 else None, out)
        out.append(')')
        return
    module, qualname = _global_name(cls)
    state = obj.__getstate__() if '__getstate__' in _class_attrs(cls) else getattr(obj, '__dict__', None)
    if state is None:
        raise TypeError("cannot pickle '%s' object" % cls.__name__)
    out.append('_o(_g(%r,%r),' % (module, qualname))
    _enc(state, out)
    out.append(')')


def _class_attrs(cls):
    names = set()
    for c in cls.__mro__:
        if c is object:
            break
        names.update(c.__dict__)
    return names


def _o(cls, state):
    obj = cls.__new__(cls)
    if hasattr(obj, '__setstate__'):
        obj.__setstate__(state)
    else:
        obj.__dict__.update(state)
    return obj


def _r(func, args, state):
    obj = func(*args)
    if state is not None:
        if hasattr(obj, '__setstate__'):
            obj.__setstate__(state)
        else:
            obj.__dict__.update(state)
    return obj


def _e(cls, args, state):
    exc = cls.__new__(cls, *args)
    exc.args = args
    if state:
        exc.__dict__.update(state)
    return exc


def _m(obj, name):
    return getattr(obj, name)


_ENV = {'_g': _find, '_o': _o, '_r': _r, '_e': _e, '_m': _m,
        '_nan': float('nan'), '_inf': float('inf'),
        'set': set, 'frozenset': frozenset, 'complex': complex,
        'bytearray': bytearray, 'range': range, 'slice': slice,
        '__builtins__': {}}


def _fallback_dumps(obj):
    out = []
    _enc(obj, out)
    return ''.join(out).encode('utf-8')


def _fallback_loads(data):
    return eval(bytes(data).decode('utf-8'), dict(_ENV))


if _pickle is not None:
    import _pickle as _native

    _PROTO = _pickle.HIGHEST_PROTOCOL
    _FunctionType = type(_find)
    # function -> (its module's dict, its name, how pickle names it)
    _by_name = {}

    def _hook(obj, proto):
        # A pool sends the same function with every task: it is looked up
        # by name once, and the answer stands while its module still binds
        # that name to it.
        if type(obj) is not _FunctionType:
            return _pickle._reduce(obj, proto)
        hit = _by_name.get(obj)
        if hit is not None and hit[0].get(hit[1]) is obj:
            return hit[2]
        rv = _pickle._reduce(obj, proto)
        if rv[0] == 0 and '.' not in rv[2] and len(_by_name) < 256:
            module = sys.modules.get(rv[1])
            if module is not None:
                _by_name[obj] = (module.__dict__, rv[2], rv)
        return rv

    def dumps(obj):
        return _native.dumps(obj, _PROTO, _hook)

    _missing = object()

    def _find_global(module, name):
        # Names from a loaded module are read from its dict; the rest as
        # pickle finds them.
        m = sys.modules.get(module)
        if m is not None and '.' not in name:
            obj = m.__dict__.get(name, _missing)
            if obj is not _missing:
                return obj
        return _pickle._find_class_default(module, name)

    def loads(data):
        return _native.loads(data, _find_global, None, None, 'ASCII')
else:
    dumps = _fallback_dumps
    loads = _fallback_loads
