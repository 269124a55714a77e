"""Looking at live objects: what kind of object something is, its members,
its documentation, and the signature of a Python function (read from its
code object, defaults and annotations). Native functions have no
signature here.  Frames: currentframe(), stack(), getframeinfo() and
friends read sys._getframe()'s frames (a frame's f_lineno is the line it
was at when the frame object was taken)."""

__all__ = [
    "isfunction", "isclass", "ismethod", "ismodule", "isbuiltin", "isroutine",
    "isgenerator", "isgeneratorfunction", "iscoroutinefunction",
    "iscoroutine", "isabstract", "getmembers", "getdoc", "cleandoc",
    "signature", "Signature", "Parameter", "getmodule", "getfile",
    "getsource", "getsourcelines", "unwrap", "getgeneratorstate",
    "getcoroutinestate", "getgeneratorlocals", "isframe", "iscode",
    "istraceback", "isasyncgen", "isasyncgenfunction", "isawaitable",
    "currentframe", "stack", "trace", "getframeinfo", "getouterframes",
    "getinnerframes", "getlineno", "getargvalues", "getmro",
    "get_annotations", "getfullargspec", "getcallargs", "FrameInfo",
    "Traceback", "FullArgSpec", "ArgInfo",
]

_CO_GENERATOR = 0x20
_CO_COROUTINE = 0x80
_CO_VARARGS = 0x04
_CO_VARKEYWORDS = 0x08


def _function_type():
    def f():
        pass
    return type(f)


_FunctionType = _function_type()
_BuiltinType = type(len)
_ModuleType = type(__import__("sys"))


def _method_type():
    class C:
        def m(self):
            pass
    return type(C().m)


_MethodType = _method_type()


def ismodule(obj):
    return isinstance(obj, _ModuleType)


def isclass(obj):
    return isinstance(obj, type)


def ismethod(obj):
    return isinstance(obj, _MethodType)


def isfunction(obj):
    return isinstance(obj, _FunctionType)


def isbuiltin(obj):
    return isinstance(obj, _BuiltinType)


def isroutine(obj):
    return isbuiltin(obj) or isfunction(obj) or ismethod(obj)


def _code_flags(obj):
    while ismethod(obj):
        obj = obj.__func__
    code = getattr(obj, "__code__", None) if isfunction(obj) else None
    return 0 if code is None else code.co_flags


def isgeneratorfunction(obj):
    return bool(_code_flags(obj) & _CO_GENERATOR)


def iscoroutinefunction(obj):
    return bool(_code_flags(obj) & _CO_COROUTINE)


def _gen():
    yield


_GeneratorType = type(_gen())


def isgenerator(obj):
    return isinstance(obj, _GeneratorType)


def iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


def isasyncgenfunction(obj):
    return _code_flags(obj) & 0x200 != 0


def isasyncgen(obj):
    return type(obj).__name__ == "async_generator"


def isawaitable(obj):
    return (iscoroutine(obj) or hasattr(type(obj), "__await__")
            or (isgenerator(obj) and bool(obj.gi_code.co_flags & 0x100)))


def isframe(obj):
    return type(obj).__name__ == "frame"


def iscode(obj):
    return type(obj).__name__ == "code"


def istraceback(obj):
    return type(obj).__name__ == "traceback"


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    """The state of a generator: GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED
    or GEN_CLOSED."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    """The state of a coroutine: CORO_CREATED, CORO_RUNNING,
    CORO_SUSPENDED or CORO_CLOSED."""
    if coroutine.cr_running:
        return CORO_RUNNING
    if coroutine.cr_suspended:
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def getgeneratorlocals(generator):
    """The local variables of a suspended generator, as a dict."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = getattr(generator, "gi_frame", None)
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}


def isabstract(obj):
    return isinstance(obj, type) and bool(getattr(obj, "__abstractmethods__", False))


def getmembers(obj, predicate=None):
    """The (name, value) pairs of `obj`'s attributes, sorted by name."""
    results = []
    for key in dir(obj):
        try:
            value = getattr(obj, key)
        except AttributeError:
            continue
        if predicate is None or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def cleandoc(doc):
    """A docstring without its indentation: the first line stripped, the
    common leading whitespace of the others removed, blank lines at the
    start and end dropped."""
    lines = doc.expandtabs().split("\n")
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(obj):
    doc = getattr(obj, "__doc__", None)
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getmodule(obj):
    import sys
    if ismodule(obj):
        return obj
    name = getattr(obj, "__module__", None)
    return sys.modules.get(name) if name else None


def getfile(obj):
    if ismodule(obj):
        f = getattr(obj, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in module".format(obj))
    if isclass(obj):
        mod = getmodule(obj)
        f = getattr(mod, "__file__", None)
        if f:
            return f
        raise TypeError("{!r} is a built-in class".format(obj))
    if ismethod(obj):
        obj = obj.__func__
    if isfunction(obj):
        return obj.__code__.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or "
                    "code object was expected, got {}".format(type(obj).__name__))


def getsourcelines(obj):
    """The lines of a function's source and its first line number (from
    the file; a def ends where indentation returns to its level)."""
    if ismethod(obj):
        obj = obj.__func__
    if not isfunction(obj):
        raise TypeError("module, class, method, function, traceback, frame, or "
                        "code object was expected, got {}".format(type(obj).__name__))
    filename = obj.__code__.co_filename
    first = obj.__code__.co_firstlineno
    try:
        with open(filename) as f:
            all_lines = f.readlines()
    except OSError:
        raise OSError("could not get source code") from None
    start = first - 1
    while start > 0 and all_lines[start - 1].lstrip().startswith("@"):
        start -= 1
    head = all_lines[first - 1]
    indent = len(head) - len(head.lstrip())
    end = first
    while end < len(all_lines):
        line = all_lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    while end > first and not all_lines[end - 1].strip():
        end -= 1
    return all_lines[start:end], start + 1


def getsource(obj):
    return "".join(getsourcelines(obj)[0])


def unwrap(func, *, stop=None):
    seen = {id(func)}
    while hasattr(func, "__wrapped__"):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        if id(func) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(func))
    return func


class _empty:
    """Marker for a parameter without a default or annotation."""


class _ParameterKind(int):
    _names = ("POSITIONAL_ONLY", "POSITIONAL_OR_KEYWORD", "VAR_POSITIONAL",
              "KEYWORD_ONLY", "VAR_KEYWORD")
    _descriptions = ("positional-only", "positional or keyword",
                     "variadic positional", "keyword-only", "variadic keyword")

    @property
    def name(self):
        return self._names[int(self)]

    @property
    def description(self):
        return self._descriptions[int(self)]

    def __repr__(self):
        return "<_ParameterKind.%s: %d>" % (self.name, int(self))

    def __str__(self):
        return self.name


POSITIONAL_ONLY = _ParameterKind(0)
POSITIONAL_OR_KEYWORD = _ParameterKind(1)
VAR_POSITIONAL = _ParameterKind(2)
KEYWORD_ONLY = _ParameterKind(3)
VAR_KEYWORD = _ParameterKind(4)


def formatannotation(annotation):
    if isinstance(annotation, type):
        if annotation.__module__ == "builtins":
            return annotation.__qualname__
        return annotation.__module__ + "." + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a signature: name, kind, default and annotation."""

    __slots__ = ("_name", "_kind", "_default", "_annotation")

    empty = _empty
    POSITIONAL_ONLY = POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = VAR_POSITIONAL
    KEYWORD_ONLY = KEYWORD_ONLY
    VAR_KEYWORD = VAR_KEYWORD

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if not isinstance(kind, _ParameterKind):
            kind = _ParameterKind(kind)
        if default is not _empty and kind in (VAR_POSITIONAL, VAR_KEYWORD):
            raise ValueError("{} parameters cannot have default values"
                             .format(kind.description))
        self._name = name
        self._kind = kind
        self._default = default
        self._annotation = annotation

    name = property(lambda self: self._name)
    kind = property(lambda self: self._kind)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)

    def replace(self, *, name=None, kind=None, default=None, annotation=None):
        return Parameter(self._name if name is None else name,
                         self._kind if kind is None else kind,
                         default=self._default if default is None else default,
                         annotation=self._annotation if annotation is None else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = "{}: {}".format(text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = "{} = {}".format(text, repr(self._default))
            else:
                text = "{}={}".format(text, repr(self._default))
        if self._kind == VAR_POSITIONAL:
            text = "*" + text
        elif self._kind == VAR_KEYWORD:
            text = "**" + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and
                self._annotation == other._annotation)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))


class BoundArguments:
    """The result of Signature.bind: the arguments by parameter name."""

    def __init__(self, signature, arguments):
        self.signature = signature
        self.arguments = arguments

    @property
    def args(self):
        out = []
        for name, p in self.signature.parameters.items():
            if p.kind in (KEYWORD_ONLY, VAR_KEYWORD) or name not in self.arguments:
                break
            if p.kind == VAR_POSITIONAL:
                out.extend(self.arguments[name])
            else:
                out.append(self.arguments[name])
        return tuple(out)

    @property
    def kwargs(self):
        out = {}
        for name, p in self.signature.parameters.items():
            if name not in self.arguments:
                continue
            if p.kind == KEYWORD_ONLY:
                out[name] = self.arguments[name]
            elif p.kind == VAR_KEYWORD:
                out.update(self.arguments[name])
        return out

    def apply_defaults(self):
        new = {}
        for name, p in self.signature.parameters.items():
            if name in self.arguments:
                new[name] = self.arguments[name]
            elif p.default is not _empty:
                new[name] = p.default
            elif p.kind == VAR_POSITIONAL:
                new[name] = ()
            elif p.kind == VAR_KEYWORD:
                new[name] = {}
        self.arguments = new

    def __repr__(self):
        items = ", ".join("{}={!r}".format(k, v) for k, v in self.arguments.items())
        return "<BoundArguments ({})>".format(items)


class Signature:
    """The parameters of a callable and its return annotation."""

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty):
        self._parameters = {}
        for p in parameters or ():
            if p.name in self._parameters:
                raise ValueError("duplicate parameter name: {!r}".format(p.name))
            self._parameters[p.name] = p
        self._return_annotation = return_annotation

    @property
    def parameters(self):
        return type(type.__dict__)(self._parameters)

    @property
    def return_annotation(self):
        return self._return_annotation

    def replace(self, *, parameters=None, return_annotation=None):
        return Signature(self._parameters.values() if parameters is None else parameters,
                         return_annotation=self._return_annotation
                         if return_annotation is None else return_annotation)

    @classmethod
    def from_callable(cls, obj):
        return signature(obj)

    def __str__(self):
        parts = []
        slash_pending = False
        star_done = False
        for p in self._parameters.values():
            if p.kind == POSITIONAL_ONLY:
                slash_pending = True
            elif slash_pending:
                parts.append("/")
                slash_pending = False
            if p.kind == VAR_POSITIONAL:
                star_done = True
            elif p.kind == KEYWORD_ONLY and not star_done:
                parts.append("*")
                star_done = True
            parts.append(str(p))
        if slash_pending:
            parts.append("/")
        text = "({})".format(", ".join(parts))
        if self._return_annotation is not _empty:
            text += " -> {}".format(formatannotation(self._return_annotation))
        return text

    def __repr__(self):
        return "<{} {}>".format(type(self).__name__, self)

    def __eq__(self, other):
        if not isinstance(other, Signature):
            return NotImplemented
        return (list(self._parameters.values()) == list(other._parameters.values())
                and self._return_annotation == other._return_annotation)

    def _bind(self, args, kwargs, partial):
        arguments = {}
        params = list(self._parameters.values())
        args = list(args)
        kwargs = dict(kwargs)
        i = 0
        for p in params:
            if p.kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD):
                if i < len(args):
                    if p.kind == POSITIONAL_OR_KEYWORD and p.name in kwargs:
                        raise TypeError("multiple values for argument {!r}".format(p.name))
                    arguments[p.name] = args[i]
                    i += 1
                elif p.kind == POSITIONAL_OR_KEYWORD and p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif not partial and p.default is _empty:
                    raise TypeError("missing a required argument: {!r}".format(p.name))
            elif p.kind == VAR_POSITIONAL:
                if i < len(args):
                    arguments[p.name] = tuple(args[i:])
                    i = len(args)
            elif p.kind == KEYWORD_ONLY:
                if p.name in kwargs:
                    arguments[p.name] = kwargs.pop(p.name)
                elif not partial and p.default is _empty:
                    raise TypeError("missing a required argument: {!r}".format(p.name))
            else:
                if kwargs:
                    arguments[p.name] = kwargs
                    kwargs = {}
        if i < len(args):
            raise TypeError("too many positional arguments")
        if kwargs:
            raise TypeError("got an unexpected keyword argument {!r}"
                            .format(next(iter(kwargs))))
        return BoundArguments(self, arguments)

    def bind(self, /, *args, **kwargs):
        return self._bind(args, kwargs, False)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, True)


def _from_function(func, skip_first):
    code = func.__code__
    names = code.co_varnames
    npos = code.co_argcount
    nposonly = getattr(code, "co_posonlyargcount", 0)
    nkw = code.co_kwonlyargcount
    defaults = func.__defaults__ or ()
    kwdefaults = func.__kwdefaults__ or {}
    annotations = getattr(func, "__annotations__", None) or {}
    params = []
    first_default = npos - len(defaults)
    for i in range(npos):
        name = names[i]
        kind = POSITIONAL_ONLY if i < nposonly else POSITIONAL_OR_KEYWORD
        default = defaults[i - first_default] if i >= first_default else _empty
        params.append(Parameter(name, kind, default=default,
                                annotation=annotations.get(name, _empty)))
    k = npos + nkw
    if code.co_flags & _CO_VARARGS:
        name = names[k]
        params.append(Parameter(name, VAR_POSITIONAL,
                                annotation=annotations.get(name, _empty)))
        k += 1
    for i in range(npos, npos + nkw):
        name = names[i]
        params.append(Parameter(name, KEYWORD_ONLY,
                                default=kwdefaults.get(name, _empty),
                                annotation=annotations.get(name, _empty)))
    if code.co_flags & _CO_VARKEYWORDS:
        name = names[k]
        params.append(Parameter(name, VAR_KEYWORD,
                                annotation=annotations.get(name, _empty)))
    if skip_first and params and params[0].kind in (POSITIONAL_ONLY, POSITIONAL_OR_KEYWORD):
        params = params[1:]
    return Signature(params, return_annotation=annotations.get("return", _empty))


def signature(obj, *, follow_wrapped=True):
    """The Signature of a Python function, method, class or callable object."""
    if not callable(obj):
        raise TypeError("{!r} is not a callable object".format(obj))
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, "__signature__"))
    sig = getattr(obj, "__signature__", None)
    if sig is not None:
        return sig
    if ismethod(obj):
        return _from_function(obj.__func__, True) if isfunction(obj.__func__) \
            else signature(obj.__func__)
    if isfunction(obj):
        return _from_function(obj, False)
    if isinstance(obj, type):
        for name in ("__init__", "__new__"):
            for klass in obj.__mro__:
                f = klass.__dict__.get(name)
                if f is not None and isfunction(f):
                    return _from_function(f, True)
                if isinstance(f, staticmethod) and isfunction(f.__func__):
                    return _from_function(f.__func__, True)
        return Signature()
    call = getattr(type(obj), "__call__", None)
    if call is not None and isfunction(call):
        return _from_function(call, True)
    raise ValueError("no signature found for builtin {!r}".format(obj))


# ---- frames and the interpreter stack ----

import sys as _sys
from collections import namedtuple as _namedtuple


def currentframe():
    """Return the frame of the caller (None where frames are unavailable)."""
    getframe = getattr(_sys, '_getframe', None)
    if getframe is None:
        return None
    return getframe(1)


_Traceback = _namedtuple('_Traceback', 'filename lineno function code_context index')


class Traceback(_Traceback):
    """What getframeinfo() reports: (filename, lineno, function,
    code_context, index), plus the positions attribute."""

    def __new__(cls, filename, lineno, function, code_context, index, *,
                positions=None):
        self = _Traceback.__new__(cls, filename, lineno, function,
                                  code_context, index)
        self.positions = positions
        return self

    def __repr__(self):
        return ('Traceback(filename=%r, lineno=%r, function=%r, '
                'code_context=%r, index=%r, positions=%r)'
                % (self.filename, self.lineno, self.function,
                   self.code_context, self.index, self.positions))


_FrameInfo = _namedtuple('_FrameInfo', 'frame filename lineno function code_context index')


class FrameInfo(_FrameInfo):
    """One entry of stack()/trace(): (frame, filename, lineno, function,
    code_context, index), plus the positions attribute."""

    def __new__(cls, frame, filename, lineno, function, code_context, index, *,
                positions=None):
        self = _FrameInfo.__new__(cls, frame, filename, lineno, function,
                                  code_context, index)
        self.positions = positions
        return self

    def __repr__(self):
        return ('FrameInfo(frame=%r, filename=%r, lineno=%r, function=%r, '
                'code_context=%r, index=%r, positions=%r)'
                % (self.frame, self.filename, self.lineno, self.function,
                   self.code_context, self.index, self.positions))


def _source_window(filename, lineno, context):
    # `context` lines of the file around lineno, and lineno's index in them.
    if context <= 0:
        return None, None
    import linecache
    lines = linecache.getlines(filename)
    if not lines:
        return None, None
    start = lineno - 1 - context // 2
    start = max(0, min(start, len(lines) - context))
    return lines[start:start + context], lineno - 1 - start


def getframeinfo(frame, context=1):
    """Get information about a frame or traceback object: a Traceback
    (filename, lineno, function, code_context, index)."""
    if istraceback(frame):
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        lineno = frame.f_lineno
    if not isframe(frame):
        raise TypeError('%r is not a frame or traceback object' % (frame,))
    code = frame.f_code
    filename = code.co_filename
    lines, index = _source_window(filename, lineno, context)
    return Traceback(filename, lineno, code.co_name, lines, index)


def getlineno(frame):
    """Get the line number from a frame object."""
    return frame.f_lineno


def _frame_info(frame, context, lineno=None):
    info = getframeinfo(frame, context)
    if lineno is not None and lineno != info.lineno:
        lines, index = _source_window(info.filename, lineno, context)
        info = Traceback(info.filename, lineno, info.function, lines, index)
    return FrameInfo(frame, *info, positions=info.positions)


def getouterframes(frame, context=1):
    """Get a list of records for a frame and all higher (calling) frames."""
    records = []
    while frame is not None:
        records.append(_frame_info(frame, context))
        frame = frame.f_back
    return records


def getinnerframes(tb, context=1):
    """Get a list of records for a traceback's frame and all lower frames."""
    records = []
    while tb is not None:
        records.append(_frame_info(tb.tb_frame, context, tb.tb_lineno))
        tb = tb.tb_next
    return records


def stack(context=1):
    """Return a list of records for the stack above the caller's frame."""
    return getouterframes(_sys._getframe(1), context)


def trace(context=1):
    """Return a list of records for the stack below the current exception."""
    return getinnerframes(_sys.exc_info()[2], context)


ArgInfo = _namedtuple('ArgInfo', 'args varargs keywords locals')


def getargvalues(frame):
    """Get information about arguments passed into a particular frame."""
    code = frame.f_code
    names = code.co_varnames
    nargs = code.co_argcount + code.co_kwonlyargcount
    args = list(names[:nargs])
    varargs = None
    if code.co_flags & _CO_VARARGS:
        varargs = names[nargs]
        nargs += 1
    varkw = None
    if code.co_flags & _CO_VARKEYWORDS:
        varkw = names[nargs]
    return ArgInfo(args, varargs, varkw, frame.f_locals)


# ---- classes, annotations and argument specifications ----

def getmro(cls):
    """Return tuple of base classes (including cls) in method resolution order."""
    return cls.__mro__


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    """Compute the annotations dict for an object: a new dict each time,
    with the strings evaluated if eval_str is true (in the globals of the
    object's module or function unless globals/locals are given)."""
    if isinstance(obj, type):
        ann = obj.__dict__.get('__annotations__', None)
        module = _sys.modules.get(getattr(obj, '__module__', None), None)
        obj_globals = getattr(module, '__dict__', None)
        obj_locals = dict(vars(obj))
        unwrap_target = obj
    elif ismodule(obj):
        ann = getattr(obj, '__annotations__', None)
        obj_globals = getattr(obj, '__dict__', None)
        obj_locals = None
        unwrap_target = None
    elif callable(obj):
        ann = getattr(obj, '__annotations__', None)
        obj_globals = getattr(obj, '__globals__', None)
        obj_locals = None
        unwrap_target = obj
    else:
        raise TypeError("%r is not a module, class, or callable." % (obj,))
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError("%r.__annotations__ is neither a dict nor None" % (obj,))
    if not ann:
        return {}
    if not eval_str:
        return dict(ann)
    if unwrap_target is not None and not isinstance(unwrap_target, type):
        while True:
            if hasattr(unwrap_target, '__wrapped__'):
                unwrap_target = unwrap_target.__wrapped__
                continue
            func = getattr(unwrap_target, 'func', None)
            if func is not None and hasattr(unwrap_target, 'args') and callable(func):
                unwrap_target = func      # functools.partial
                continue
            break
        if hasattr(unwrap_target, '__globals__'):
            obj_globals = unwrap_target.__globals__
    if globals is None:
        globals = obj_globals
    if locals is None:
        locals = obj_locals
    result = {}
    for key, value in ann.items():
        if isinstance(value, str):
            value = eval(value, globals, locals)
        result[key] = value
    return result


FullArgSpec = _namedtuple('FullArgSpec',
                          'args, varargs, varkw, defaults, kwonlyargs, '
                          'kwonlydefaults, annotations')


def getfullargspec(func):
    """Get the names and default values of a callable object's parameters:
    FullArgSpec(args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults,
    annotations).  A bound method's first parameter (self) is included."""
    target = func
    if ismethod(target):
        target = target.__func__
    code = getattr(target, '__code__', None)
    if code is None:
        try:
            sig = signature(func, follow_wrapped=False)
        except Exception as exc:
            raise TypeError('unsupported callable') from exc
        return _argspec_from_signature(sig)
    names = code.co_varnames
    npos = code.co_argcount
    nkw = code.co_kwonlyargcount
    args = list(names[:npos])
    kwonlyargs = list(names[npos:npos + nkw])
    index = npos + nkw
    varargs = None
    if code.co_flags & _CO_VARARGS:
        varargs = names[index]
        index += 1
    varkw = None
    if code.co_flags & _CO_VARKEYWORDS:
        varkw = names[index]
    defaults = getattr(target, '__defaults__', None) or None
    kwonlydefaults = getattr(target, '__kwdefaults__', None) or None
    given = getattr(target, '__annotations__', None) or {}
    # as CPython lists them: the return annotation first, then the
    # parameters in order
    annotations = {}
    if 'return' in given:
        annotations['return'] = given['return']
    for name in args + [varargs] + kwonlyargs + [varkw]:
        if name is not None and name in given:
            annotations[name] = given[name]
    return FullArgSpec(args, varargs, varkw, defaults, kwonlyargs,
                       kwonlydefaults, annotations)


def _argspec_from_signature(sig):
    args = []
    varargs = varkw = None
    defaults = []
    kwonlyargs = []
    kwonlydefaults = {}
    annotations = {}
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (Parameter.POSITIONAL_ONLY, Parameter.POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults.append(param.default)
        elif kind == Parameter.VAR_POSITIONAL:
            varargs = name
        elif kind == Parameter.KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwonlydefaults[name] = param.default
        else:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, tuple(defaults) or None,
                       kwonlyargs, kwonlydefaults or None, annotations)


def _name_list(names):
    # 'a', 'a' and 'b', 'a', 'b' and 'c'
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return '%s and %s' % tuple(quoted)
    return ', '.join(quoted[:-1]) + ' and ' + quoted[-1]


def _missing_error(fname, names, kind):
    return TypeError('%s() missing %d required %s argument%s: %s'
                     % (fname, len(names), kind, '' if len(names) == 1 else 's',
                        _name_list(names)))


def getcallargs(func, /, *positional, **named):
    """Get the mapping of arguments to values that calling func with the
    given arguments would make, raising TypeError as the call would."""
    spec = getfullargspec(func)
    args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, _ = spec
    fname = func.__name__
    result = {}
    positional = list(positional)
    if ismethod(func) and func.__self__ is not None:
        positional.insert(0, func.__self__)
    npos = len(positional)
    nargs = len(args)
    ndefaults = len(defaults) if defaults else 0
    for i in range(min(npos, nargs)):
        result[args[i]] = positional[i]
    if varargs:
        result[varargs] = tuple(positional[nargs:])
    if npos > nargs and not varargs:
        if ndefaults:
            takes = 'from %d to %d' % (nargs - ndefaults, nargs)
        else:
            takes = '%d' % nargs
        kwonly_given = len([k for k in kwonlyargs if k in named])
        if kwonly_given:
            given = ('%d positional argument%s (and %d keyword-only argument%s)'
                     % (npos, '' if npos == 1 else 's', kwonly_given,
                        '' if kwonly_given == 1 else 's'))
        else:
            given = '%d' % npos
        raise TypeError('%s() takes %s positional argument%s but %s %s given'
                        % (fname, takes, '' if nargs == 1 else 's', given,
                           'was' if npos == 1 and not kwonly_given else 'were'))
    if varkw:
        result[varkw] = {}
    possible = set(args + kwonlyargs)
    for name, value in named.items():
        if name not in possible:
            if not varkw:
                raise TypeError('%s() got an unexpected keyword argument %r'
                                % (fname, name))
            result[varkw][name] = value
            continue
        if name in result:
            raise TypeError('%s() got multiple values for argument %r'
                            % (fname, name))
        result[name] = value
    if npos < nargs:
        required = args[:nargs - ndefaults]
        missing = [a for a in required if a not in result]
        if missing:
            raise _missing_error(fname, missing, 'positional')
        for i in range(nargs - ndefaults, nargs):
            name = args[i]
            if name not in result:
                result[name] = defaults[i - (nargs - ndefaults)]
    missing = []
    for name in kwonlyargs:
        if name not in result:
            if kwonlydefaults and name in kwonlydefaults:
                result[name] = kwonlydefaults[name]
            else:
                missing.append(name)
    if missing:
        raise _missing_error(fname, missing, 'keyword-only')
    return result
