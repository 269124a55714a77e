"""Importing modules by name at run time (the part of CPython's importlib
that programs use)."""

import sys

__all__ = ["import_module", "reload", "invalidate_caches"]


def _resolve_name(name, package, level):
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def import_module(name, package=None):
    """Imports `name` (relative to `package` when it starts with dots) and
    returns the module itself, not its top-level package."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(
                "the 'package' argument is required to perform a relative "
                f"import for {name!r}")
        level = len(name) - len(name.lstrip("."))
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def reload(module):
    """Runs a module's file again in its existing namespace."""
    name = getattr(module, "__name__", None)
    if name is None or sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    path = getattr(module, "__file__", None)
    if path is None:
        return module
    with open(path) as f:
        source = f.read()
    exec(compile(source, path, "exec"), module.__dict__)
    return module


def invalidate_caches():
    """Nothing is cached between imports: a no-op, as a finder without
    caches does."""
