"""Context variables, as CPython's `contextvars` (its `_contextvars` types).

A Context maps ContextVar objects to values. Each thread has its own current
context and starts with an empty one (threads do not inherit the context of
the thread that started them, as in CPython 3.11). A context's mapping is
never changed in place: `ContextVar.set` gives the context a new dict, so a
copy can share the dict until either side sets a variable (CPython shares an
immutable tree the same way).

asyncio runs each task step and each callback in a Context (a task's own
copy, or the one captured when the callback was scheduled), as CPython does.

Differences: `keys()`/`values()`/`items()` give dict views (of a snapshot)
rather than CPython's own view types.
"""

import threading as _threading
import types as _types
from _thread import get_ident as _get_ident

__all__ = ('Context', 'ContextVar', 'Token', 'copy_context')

_NO_DEFAULT = object()

# The current context of each thread, made on its first use, is the
# 'context' item of the thread's dict of this threading.local object. The
# dicts are reached directly (by thread ident) to keep ContextVar.get cheap;
# threading drops a thread's dict when the thread ends.
_state = _threading.local()
_thread_dicts = object.__getattribute__(_state, '_local__impl').dicts


# Whether any ContextVar was ever set in this process. Until one is, every
# context is empty and all are alike, so asyncio need not copy one for each
# callback it schedules (a copy per callback costs it about a tenth).
_vars_in_use = [False]


def _slot():
    """The current thread's dict holding its current context."""
    try:
        d = _thread_dicts[_get_ident()]
    except KeyError:
        _state.context = Context()
        return _thread_dicts[_get_ident()]
    if 'context' not in d:
        d['context'] = Context()
    return d


def _current():
    try:
        return _thread_dicts[_get_ident()]['context']
    except KeyError:
        return _slot()['context']


def _check_key(key):
    if not isinstance(key, ContextVar):
        raise TypeError("a ContextVar key was expected, got %r" % (key,))


def _no_subclass(name):
    raise TypeError("type '_contextvars.%s' is not an acceptable base type"
                    % name)


class Context:
    """A mapping of context variables to their values."""

    __module__ = '_contextvars'

    def __init__(self, *args, **kwargs):
        if args or kwargs:
            raise TypeError("Context() does not accept any arguments")
        self._vars = {}
        self._prev = None
        self._entered = False

    def __init_subclass__(cls, **kwargs):
        _no_subclass('Context')

    def run(*args, **kwargs):
        if len(args) < 2:
            raise TypeError("run() missing 1 required positional argument")
        self = args[0]
        callable = args[1]
        if self._entered:
            raise RuntimeError("cannot enter context: %r is already entered"
                               % (self,))
        slot = _slot()
        self._prev = slot['context']
        self._entered = True
        slot['context'] = self
        try:
            return callable(*args[2:], **kwargs)
        finally:
            slot['context'] = self._prev
            self._prev = None
            self._entered = False

    def copy(self):
        new = _new_context()
        new._vars = self._vars
        return new

    def __getitem__(self, var):
        _check_key(var)
        return self._vars[var]

    def __setitem__(self, var, value):
        raise TypeError("'_contextvars.Context' object does not support "
                        "item assignment")

    def __delitem__(self, var):
        raise TypeError("'_contextvars.Context' object doesn't support "
                        "item deletion")

    def __contains__(self, var):
        _check_key(var)
        return var in self._vars

    def __len__(self):
        return len(self._vars)

    def __iter__(self):
        return iter(self._vars)

    def get(self, var, default=None):
        _check_key(var)
        return self._vars.get(var, default)

    def keys(self):
        return self._vars.keys()

    def values(self):
        return self._vars.values()

    def items(self):
        return self._vars.items()

    def __eq__(self, other):
        if not isinstance(other, Context):
            return NotImplemented
        return self._vars == other._vars

    def __hash__(self):
        raise TypeError("unhashable type: '_contextvars.Context'")


def _new_context():
    ctx = object.__new__(Context)
    ctx._prev = None
    ctx._entered = False
    return ctx


def copy_context():
    """Return a copy of the current thread's context."""
    try:
        vars = _thread_dicts[_get_ident()]['context']._vars
    except KeyError:
        vars = _slot()['context']._vars
    new = _new_context()
    new._vars = vars
    return new


class ContextVar:
    """A context variable: its value depends on the current context."""

    __module__ = '_contextvars'

    def __init__(self, name, *, default=_NO_DEFAULT):
        if not isinstance(name, str):
            raise TypeError("context variable name must be a str")
        object.__setattr__(self, '_name', name)
        object.__setattr__(self, '_default', default)

    def __init_subclass__(cls, **kwargs):
        _no_subclass('ContextVar')

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)

    @property
    def name(self):
        return self._name

    def __setattr__(self, name, value):
        if name == 'name':
            raise AttributeError("readonly attribute")
        raise AttributeError("'_contextvars.ContextVar' object has no "
                             "attribute '%s'" % name)

    def get(self, *args):
        if len(args) > 1:
            raise TypeError("get expected at most 1 argument, got %d"
                            % len(args))
        try:
            ctx = _thread_dicts[_get_ident()]['context']
        except KeyError:
            ctx = _slot()['context']
        value = ctx._vars.get(self, _NO_DEFAULT)
        if value is not _NO_DEFAULT:
            return value
        if args:
            return args[0]
        if self._default is not _NO_DEFAULT:
            return self._default
        raise LookupError(self)

    def set(self, *args):
        if len(args) != 1:
            raise TypeError("ContextVar.set() takes exactly one argument "
                            "(%d given)" % len(args))
        value = args[0]
        _vars_in_use[0] = True
        ctx = _current()
        old = ctx._vars.get(self, Token.MISSING)
        new = dict(ctx._vars)
        new[self] = value
        ctx._vars = new
        return Token._make(ctx, self, old)

    def reset(self, token):
        if not isinstance(token, Token):
            raise TypeError("expected an instance of Token, got %r"
                            % (token,))
        if token._used:
            raise RuntimeError("%r has already been used once" % (token,))
        if token._var is not self:
            raise ValueError("%r was created by a different ContextVar"
                             % (token,))
        ctx = _current()
        if token._ctx is not ctx:
            raise ValueError("%r was created in a different Context"
                             % (token,))
        object.__setattr__(token, '_used', True)
        new = dict(ctx._vars)
        if token._old is Token.MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old
        ctx._vars = new

    def __repr__(self):
        r = "<ContextVar name=%r" % (self._name,)
        if self._default is not _NO_DEFAULT:
            r += " default=%r" % (self._default,)
        return r + " at 0x%x>" % id(self)


class _Missing:
    def __repr__(self):
        return "<Token.MISSING>"


class Token:
    """What ContextVar.set() returns: ContextVar.reset() takes it to restore
    the variable's previous value."""

    __module__ = '_contextvars'

    MISSING = _Missing()

    def __init__(self, *args, **kwargs):
        raise RuntimeError("Tokens can only be created by ContextVars")

    def __init_subclass__(cls, **kwargs):
        _no_subclass('Token')

    @staticmethod
    def _make(ctx, var, old):
        tok = object.__new__(Token)
        object.__setattr__(tok, '_ctx', ctx)
        object.__setattr__(tok, '_var', var)
        object.__setattr__(tok, '_old', old)
        object.__setattr__(tok, '_used', False)
        return tok

    def __class_getitem__(cls, item):
        return _types.GenericAlias(cls, item)

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old

    def __setattr__(self, name, value):
        if name in ('var', 'old_value'):
            raise AttributeError("attribute '%s' of '_contextvars.Token' "
                                 "objects is not writable" % name)
        raise AttributeError("'_contextvars.Token' object has no attribute "
                             "'%s'" % name)

    def __repr__(self):
        used = " used" if self._used else ""
        return "<Token%s var=%r at 0x%x>" % (used, self._var, id(self))
