"""Functions to run when the interpreter exits: the last registered runs
first, after the main program and its non-daemon threads have finished."""

_handlers = []


def register(func, /, *args, **kwargs):
    """Register `func` to be called with `args` and `kwargs` at exit;
    returns `func`, so that it can serve as a decorator."""
    if not callable(func):
        raise TypeError("the first argument must be callable")
    _handlers.append((func, args, kwargs))
    return func


def unregister(func, /):
    """Remove every registration of `func` (compared with ==)."""
    _handlers[:] = [h for h in _handlers if h[0] != func]


def _clear():
    del _handlers[:]


def _ncallbacks():
    return len(_handlers)


def _run_exitfuncs():
    """Call the registered functions, last first; an exception is reported
    and the others still run."""
    while _handlers:
        func, args, kwargs = _handlers.pop()
        try:
            func(*args, **kwargs)
        except SystemExit:
            pass
        except BaseException as exc:
            import sys
            import traceback
            print("Exception ignored in atexit callback: %r" % (func,), file=sys.stderr)
            traceback.print_exception(type(exc), exc, exc.__traceback__)
