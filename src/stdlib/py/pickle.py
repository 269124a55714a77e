"""Create portable serialized representations of Python objects.

gilpy's `pickle`: CPython's binary format (protocols 0 to 5). The encoder
and decoder are native (`_pickle`); this module holds the rules for objects
that are not built-in scalars or containers: `__reduce_ex__`/`__reduce__`,
the default reduction of instances (copyreg's), global names and
`find_class`.
"""

import sys
import copyreg
import _pickle
from _pickle import PickleError, PicklingError, UnpicklingError

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]
HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


def _function():
    pass


def _generator():
    yield


class _Probe:
    def method(self):
        pass


_FunctionType = type(_function)
_BuiltinType = type(len)
_MethodType = type(_Probe().method)
_ModuleType = type(sys)
_NoneType = type(None)
_special_types = {type(None): None, type(NotImplemented): NotImplemented,
                  type(...): ...}


class PickleBuffer:
    """A wrapper for a buffer of bytes (out-of-band data, protocol 5)."""

    def __init__(self, buffer):
        self._buffer = buffer

    def raw(self):
        return memoryview(self._buffer)

    def release(self):
        pass


# Python 2 names, for protocols 0 to 2 with fix_imports.
_PY2_EXCEPTIONS = (
    "ArithmeticError AssertionError AttributeError BaseException "
    "BufferError BytesWarning DeprecationWarning EOFError EnvironmentError "
    "Exception FloatingPointError FutureWarning GeneratorExit IOError "
    "ImportError ImportWarning IndentationError IndexError KeyError "
    "KeyboardInterrupt LookupError MemoryError NameError NotImplementedError "
    "OSError OverflowError PendingDeprecationWarning ReferenceError "
    "RuntimeError RuntimeWarning StopIteration SyntaxError SyntaxWarning "
    "SystemError SystemExit TabError TypeError UnboundLocalError "
    "UnicodeDecodeError UnicodeEncodeError UnicodeError "
    "UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning "
    "ZeroDivisionError").split()
_PY2_OSERRORS = (
    "BrokenPipeError ChildProcessError ConnectionAbortedError "
    "ConnectionError ConnectionRefusedError ConnectionResetError "
    "FileExistsError FileNotFoundError InterruptedError IsADirectoryError "
    "NotADirectoryError PermissionError ProcessLookupError "
    "TimeoutError").split()
_TO_PY2_NAME = {
    ("builtins", "range"): ("__builtin__", "xrange"),
    ("functools", "reduce"): ("__builtin__", "reduce"),
    ("sys", "intern"): ("__builtin__", "intern"),
    ("builtins", "chr"): ("__builtin__", "unichr"),
    ("builtins", "str"): ("__builtin__", "unicode"),
    ("builtins", "int"): ("__builtin__", "long"),
    ("builtins", "zip"): ("itertools", "izip"),
    ("builtins", "map"): ("itertools", "imap"),
    ("builtins", "filter"): ("itertools", "ifilter"),
    ("collections", "UserDict"): ("UserDict", "IterableUserDict"),
    ("collections", "UserList"): ("UserList", "UserList"),
    ("collections", "UserString"): ("UserString", "UserString"),
    ("builtins", "ModuleNotFoundError"): ("exceptions", "ImportError"),
}
for _name in _PY2_EXCEPTIONS:
    _TO_PY2_NAME[("builtins", _name)] = ("exceptions", _name)
for _name in _PY2_OSERRORS:
    _TO_PY2_NAME[("builtins", _name)] = ("exceptions", "OSError")
_TO_PY2_MODULE = {
    "builtins": "__builtin__", "copyreg": "copy_reg", "queue": "Queue",
    "socketserver": "SocketServer", "reprlib": "repr", "_thread": "thread",
    "http.client": "httplib", "http.server": "BaseHTTPServer",
    "urllib.parse": "urlparse", "urllib.request": "urllib2",
    "subprocess": "commands", "_functools": "functools", "_pickle": "pickle",
}
_FROM_PY2_NAME = {v: k for k, v in _TO_PY2_NAME.items()}
for _name in _PY2_EXCEPTIONS:
    _FROM_PY2_NAME[("exceptions", _name)] = ("builtins", _name)
_FROM_PY2_NAME[("__builtin__", "basestring")] = ("builtins", "str")
_FROM_PY2_NAME[("__builtin__", "long")] = ("builtins", "int")
_FROM_PY2_NAME[("__builtin__", "unicode")] = ("builtins", "str")
# Only names that no Python 3 module has: the default find_class does not
# know the protocol, and Python 3 pickles must find `pickle`, `functools`.
_FROM_PY2_MODULE = {v: k for k, v in _TO_PY2_MODULE.items()
                    if v not in ("pickle", "functools")}
_FROM_PY2_MODULE["exceptions"] = "builtins"
_FROM_PY2_MODULE["cPickle"] = "pickle"
del _name


def _codecs_encode(text, encoding):
    """What `_codecs.encode` does for the bytes of protocols 0 to 2."""
    return text.encode(encoding)


def _getattribute(obj, name):
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}"
                                 .format(name, obj))
        try:
            parent = obj
            obj = getattr(obj, subpath)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}"
                                 .format(name, obj)) from None
    return obj, parent


def whichmodule(obj, name):
    """The name of the module obj is found in."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    # gilpy's built-in functions have no __module__.
    builtins = sys.modules.get('builtins')
    if builtins is not None and getattr(builtins, name, None) is obj:
        return 'builtins'
    for module_name, module in sys.modules.copy().items():
        if (module_name == '__main__' or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _global_name(obj, proto, name=None):
    """(module, qualified name) of a class or function pickled by reference,
    checked by importing it back."""
    if name is None:
        name = getattr(obj, '__qualname__', None)
        if name is None:
            name = obj.__name__
    if obj is _codecs_encode:
        return "_codecs", "encode"
    module_name = whichmodule(obj, name)
    if '<locals>' in name.split('.'):
        raise AttributeError("Can't pickle local object %r" % name)
    try:
        __import__(module_name, level=0)
        module = sys.modules[module_name]
        obj2, parent = _getattribute(module, name)
    except (ImportError, KeyError, AttributeError):
        raise PicklingError(
            "Can't pickle %r: attribute lookup %s on %s failed" %
            (obj, name, module_name)) from None
    if obj2 is not obj:
        raise PicklingError(
            "Can't pickle %r: it's not the same object as %s.%s" %
            (obj, module_name, name))
    if proto < 4 and '.' in name:
        # GLOBAL takes no dotted names: fetch the attribute of the parent.
        return None, (getattr, (parent, name.rpartition('.')[2]))
    if proto < 3:
        key = (module_name, name)
        if key in _TO_PY2_NAME:
            module_name, name = _TO_PY2_NAME[key]
        elif module_name in _TO_PY2_MODULE:
            module_name = _TO_PY2_MODULE[module_name]
    return module_name, name


def _global(obj, proto, name=None):
    module_name, name = _global_name(obj, proto, name)
    if module_name is None:
        return 1, name, None
    return 0, module_name, name


def _type_name(cls, proto):
    module = getattr(cls, '__module__', 'builtins')
    if proto >= 2 and module not in ('builtins', None):
        return "%s.%s" % (module, cls.__qualname__)
    return cls.__name__


def _native_state_types():
    """Types of gilpy objects that have no picklable state."""
    return (_ModuleType, type(_generator()))


def _default_reduce(obj, proto):
    """What object.__reduce_ex__(proto) gives in CPython: built-in types'
    own reductions, else copyreg's for instances."""
    cls = type(obj)
    if isinstance(obj, BaseException):
        d = getattr(obj, '__dict__', None)
        if d and isinstance(obj, OSError):
            # gilpy keeps OSError's fields in the instance dict.
            d = {k: v for k, v in d.items()
                 if k not in ('errno', 'strerror', 'filename', 'filename2')}
        if d:
            return cls, obj.args, d
        return cls, obj.args
    if cls in (set, frozenset):
        return cls, (list(obj),)
    if cls is bytes:
        if not obj:
            return bytes, ()
        return _codecs_encode, (obj.decode('latin-1'), 'latin1')
    if cls is bytearray:
        if not obj:
            return bytearray, ()
        return bytearray, (bytes(obj),)
    if cls is range:
        return range, (obj.start, obj.stop, obj.step)
    if cls is slice:
        return slice, (obj.start, obj.stop, obj.step)
    if isinstance(obj, _MethodType):
        return getattr, (obj.__self__, obj.__func__.__name__)
    if isinstance(obj, _native_state_types()) or not _is_python_instance(obj):
        raise TypeError("cannot pickle %r object" % _type_name(cls, proto))
    return _reduce_instance(obj, cls, proto)


def _is_python_instance(obj):
    """Whether obj is an instance of a class written in Python (its state is
    its __dict__ and slots), not a native object such as a lock or file."""
    cls = type(obj)
    if hasattr(obj, '__dict__'):
        return True
    for c in cls.__mro__:
        if '__slots__' in c.__dict__:
            return True
    return False


_BASE_VALUES = (bool, int, float, complex, str, bytes, tuple, frozenset)


def _newargs(obj, cls):
    getnewargs_ex = getattr(obj, '__getnewargs_ex__', None)
    if getnewargs_ex is not None:
        args, kwargs = getnewargs_ex()
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by "
                            "__getnewargs_ex__ must be a tuple, not %s"
                            % type(args).__name__)
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by "
                            "__getnewargs_ex__ must be a dict, not %s"
                            % type(kwargs).__name__)
        return args, kwargs
    getnewargs = getattr(obj, '__getnewargs__', None)
    if getnewargs is not None:
        args = getnewargs()
        if not isinstance(args, tuple):
            raise TypeError("__getnewargs__ should return a tuple, not '%s'"
                            % type(args).__name__)
        return args, None
    # A subclass of an immutable built-in type: its value.
    for base in _BASE_VALUES:
        if isinstance(obj, base):
            return (base(obj),), None
    return (), None


def _getstate(obj, cls):
    getstate = getattr(obj, '__getstate__', None)
    if getstate is not None:
        return getstate()
    d = getattr(obj, '__dict__', None)
    state = dict(d) if d else None
    names = copyreg._slotnames(cls)
    if names:
        # gilpy keeps slot values in the instance dict.
        if state is not None:
            state = {k: v for k, v in state.items() if k not in names} or None
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _reduce_instance(obj, cls, proto):
    if proto < 2:
        if copyreg._slotnames(cls) and not hasattr(obj, '__getstate__'):
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        for base in cls.__mro__:
            if base is object or base in _BASE_VALUES or base in (list, dict, set):
                break
        if base is object:
            args = (cls, object, None)
        else:
            args = (cls, base, base(obj))
        getstate = getattr(obj, '__getstate__', None)
        if getstate is not None:
            state = getstate()
        else:
            state = getattr(obj, '__dict__', None) or None
        if state is None:
            return copyreg._reconstructor, args
        return copyreg._reconstructor, args, state
    args, kwargs = _newargs(obj, cls)
    state = _getstate(obj, cls)
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    if kwargs:
        return (copyreg.__newobj_ex__, (cls, args, kwargs), state,
                listitems, dictitems)
    return (copyreg.__newobj__, (cls,) + args, state, listitems, dictitems)


def _reduce(obj, proto, dispatch_table=None, reducer_override=None):
    """For the native encoder: (0, module, name) to pickle obj by reference,
    or (1, reduce_value, None)."""
    cls = type(obj)
    if reducer_override is not None:
        rv = reducer_override(obj)
        if rv is not NotImplemented:
            return _reduce_value(obj, proto, rv)
    if cls is _FunctionType or cls is _BuiltinType:
        return _global(obj, proto)
    if isinstance(obj, type):
        if obj in _special_types:
            return 1, (type, (_special_types[obj],)), None
        return _global(obj, proto)
    table = dispatch_table if dispatch_table is not None else copyreg.dispatch_table
    reduce = table.get(cls)
    if reduce is not None:
        return _reduce_value(obj, proto, reduce(obj))
    if obj is None or obj is NotImplemented or obj is ...:
        name = 'NotImplemented' if obj is NotImplemented else 'Ellipsis'
        return 0, _TO_PY2_MODULE['builtins'] if proto < 3 else 'builtins', name
    reduce = getattr(obj, '__reduce_ex__', None)
    if reduce is not None:
        rv = reduce(proto)
    else:
        reduce = getattr(obj, '__reduce__', None)
        rv = reduce() if reduce is not None else _default_reduce(obj, proto)
    return _reduce_value(obj, proto, rv)


def _reduce_value(obj, proto, rv):
    if isinstance(rv, str):
        return _global(obj, proto, rv)
    if not isinstance(rv, tuple):
        raise PicklingError("%s must return string or tuple" % '__reduce__')
    if not 2 <= len(rv) <= 6:
        raise PicklingError("Tuple returned by %s must have "
                            "two to six elements" % '__reduce__')
    return 1, rv, None


def _check_protocol(protocol):
    if protocol is None:
        return DEFAULT_PROTOCOL
    if protocol < 0:
        return HIGHEST_PROTOCOL
    if protocol > HIGHEST_PROTOCOL:
        raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
    return protocol


class Pickler:
    """Writes pickles of objects to a binary file (anything with write)."""

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        self.proto = _check_protocol(protocol)
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute") from None
        self.fix_imports = fix_imports
        self.bin = self.proto >= 1
        self.fast = 0
        # The objects memoized so far, by memo index (CPython keeps a table
        # by id; a list is enough for the native encoder).
        self.memo = []

    def clear_memo(self):
        self.memo.clear()

    def _hook(self, obj, proto):
        table = getattr(self, 'dispatch_table', None)
        override = getattr(self, 'reducer_override', None)
        return _reduce(obj, proto, table, override)

    def dump(self, obj):
        if not hasattr(self, '_file_write'):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % type(self).__name__)
        pid = getattr(self, 'persistent_id', None)
        simple = (getattr(self, 'dispatch_table', None) is None
                  and getattr(self, 'reducer_override', None) is None)
        hook = _reduce if simple else self._hook
        self._file_write(_pickle.dumps(obj, self.proto, hook, pid, self.memo))


class Unpickler:
    """Reads pickles from a binary file (anything with read and readline)."""

    def __init__(self, file, *, fix_imports=True, encoding="ASCII",
                 errors="strict", buffers=None):
        self._file_read = file.read
        self._file_readline = file.readline
        self.fix_imports = fix_imports
        self.encoding = encoding
        self.errors = errors
        self._buffers = iter(buffers) if buffers is not None else None
        self.proto = 0
        self.memo = {}

    def find_class(self, module, name):
        return _find_class(module, name, self.fix_imports)

    def load(self):
        if not hasattr(self, '_file_read'):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % type(self).__name__)
        return _pickle.load(self._file_read, self._file_readline,
                            self.find_class,
                            getattr(self, 'persistent_load', None),
                            self._buffers, self.encoding)


def _find_class(module, name, fix_imports=True):
    sys.audit('pickle.find_class', module, name) if hasattr(sys, 'audit') else None
    if fix_imports:
        if (module, name) in _FROM_PY2_NAME:
            module, name = _FROM_PY2_NAME[(module, name)]
        elif module in _FROM_PY2_MODULE:
            module = _FROM_PY2_MODULE[module]
    if module == '_codecs' and name == 'encode':
        return _codecs_encode
    __import__(module, level=0)
    try:
        return _getattribute(sys.modules[module], name)[0]
    except AttributeError:
        raise AttributeError("Can't get attribute %r on %r" %
                             (name, sys.modules[module])) from None


def _find_class_default(module, name):
    return _find_class(module, name, True)


def _find_class_plain(module, name):
    return _find_class(module, name, False)


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    return _pickle.dumps(obj, _check_protocol(protocol), _reduce)


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
         buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(data, /, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    find = _find_class_default if fix_imports else _find_class_plain
    return _pickle.loads(data, find, None,
                         iter(buffers) if buffers is not None else None,
                         encoding)
