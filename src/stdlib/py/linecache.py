"""The lines of source files, read once and kept: getline(), getlines().

Used by warnings and traceback to show the source line of a location.  A
file that cannot be read gives no lines; a module's loader (from its
globals) can supply the source of a file that is not on disk.
"""

import sys
import os

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

# filename -> (size, mtime, lines, fullname), or a 1-tuple holding a
# function that returns the source (a lazy entry, see lazycache).
cache = {}


def clearcache():
    """Forget every file."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Line lineno (counting from 1) of the file, with its newline; '' if
    there is no such line."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """All the lines of the file, read now unless they are kept already."""
    entry = cache.get(filename)
    if entry is not None and len(entry) != 1:
        return entry[2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Forget the kept lines of files (all of them, or just filename) that
    changed on disk or went away since they were read."""
    if filename is None:
        filenames = list(cache.keys())
    elif filename in cache:
        filenames = [filename]
    else:
        return
    for name in filenames:
        entry = cache.get(name)
        if entry is None or len(entry) == 1:
            # lazy entries and entries that vanished meanwhile stay
            continue
        size, mtime, lines, fullname = entry
        if mtime is None:
            # source given by a loader: nothing on disk to compare with
            continue
        try:
            stat = os.stat(fullname)
        except (OSError, ValueError):
            cache.pop(name, None)
            continue
        if size != stat.st_size or mtime != stat.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Read the file again (or get its source from the module's loader)
    and keep its lines; returns them ([] if it cannot be read)."""
    if filename in cache and len(cache[filename]) != 1:
        cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []

    fullname = filename
    try:
        stat = os.stat(fullname)
    except OSError:
        basename = filename
        # A loader may know the source of a module not on disk.
        if lazycache(filename, module_globals):
            try:
                data = cache[filename][0]()
            except (ImportError, OSError):
                pass
            else:
                if data is None:
                    return []
                lines = data.splitlines(True)
                if lines and not lines[-1].endswith("\n"):
                    lines[-1] += "\n"
                cache[filename] = (len(data), None, lines, fullname)
                return lines
        # A relative name: look for it along sys.path.
        if os.path.isabs(filename):
            return []
        for dirname in sys.path:
            try:
                fullname = os.path.join(dirname, basename)
            except (TypeError, AttributeError):
                continue
            try:
                stat = os.stat(fullname)
                break
            except (OSError, ValueError):
                pass
        else:
            return []
    try:
        with open(fullname, encoding="utf-8") as fp:
            lines = fp.readlines()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = stat.st_size, stat.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """Note how to get the source of filename from the loader of the module
    whose globals are given, without reading it yet; returns whether that
    is possible (or already noted)."""
    if filename in cache:
        return len(cache[filename]) == 1
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return False
    if module_globals and "__name__" in module_globals:
        spec = module_globals.get("__spec__")
        name = getattr(spec, "name", None) or module_globals["__name__"]
        loader = getattr(spec, "loader", None)
        if loader is None:
            loader = module_globals.get("__loader__")
        get_source = getattr(loader, "get_source", None)
        if name and get_source:
            def get_lines(name=name, *args, **kwargs):
                return get_source(name, *args, **kwargs)
            cache[filename] = (get_lines,)
            return True
    return False
