"""OS routines for gilpy (a minimal, pure Python `os`).

gilpy has no access to the operating system beyond its native modules, so
this module only holds the POSIX constants, getpid() (the native id of the
main thread, which on Linux is the process id), cpu_count() (None: unknown),
an empty `environ`, getenv(), and `os.path` with the pure string functions of
posixpath (join, split, basename, dirname, splitext, isabs, normpath).
`import os.path` is not supported; use `os.path.join(...)` after `import os`.
"""

import sys
import _thread

__all__ = ["sep", "altsep", "extsep", "pathsep", "linesep", "defpath",
           "curdir", "pardir", "devnull", "name", "environ", "getenv",
           "getpid", "cpu_count", "error", "fspath", "path"]

name = "posix"
sep = "/"
altsep = None
extsep = "."
pathsep = ":"
linesep = "\n"
defpath = "/bin:/usr/bin"
curdir = "."
pardir = ".."
devnull = "/dev/null"

error = OSError

# The process environment is not available: an empty mapping.
environ = {}

_PID = _thread.get_native_id()


def getpid():
    """Return the current process id."""
    return _PID


def cpu_count():
    """Return the number of CPUs in the system; None if indeterminable."""
    return None


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


def fspath(path):
    """Return the path representation of a path-like object."""
    if isinstance(path, str):
        return path
    method = getattr(type(path), '__fspath__', None)
    if method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + type(path).__name__)
    result = method(path)
    if not isinstance(result, str):
        raise TypeError("expected %s.__fspath__() to return str or bytes, not %s"
                        % (type(path).__name__, type(result).__name__))
    return result


def _join(a, *p):
    """Join two or more pathname components, inserting '/' as needed."""
    a = fspath(a)
    path = a
    for b in p:
        b = fspath(b)
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def _split(p):
    """Split a pathname into (head, tail): tail is everything after the final slash."""
    p = fspath(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def _splitext(p):
    """Split the extension from a pathname: (root, ext), ext may be empty."""
    p = fspath(p)
    sep_index = p.rfind(sep)
    dot_index = p.rfind(extsep)
    if dot_index > sep_index:
        # skip all leading dots
        filename_index = sep_index + 1
        while filename_index < dot_index:
            if p[filename_index] != extsep:
                return p[:dot_index], p[dot_index:]
            filename_index += 1
    return p, p[:0]


def _basename(p):
    """Returns the final component of a pathname"""
    p = fspath(p)
    i = p.rfind(sep) + 1
    return p[i:]


def _dirname(p):
    """Returns the directory component of a pathname"""
    p = fspath(p)
    i = p.rfind(sep) + 1
    head = p[:i]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def _isabs(s):
    """Test whether a path is absolute"""
    return fspath(s).startswith(sep)


def _normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = fspath(path)
    if path == '':
        return curdir
    initial_slashes = 1 if path.startswith(sep) else 0
    # POSIX allows one or two initial slashes, but treats three or more
    # as single slash.
    if (initial_slashes and path.startswith(sep * 2)
            and not path.startswith(sep * 3)):
        initial_slashes = 2
    comps = path.split(sep)
    new_comps = []
    for comp in comps:
        if comp in ('', curdir):
            continue
        if (comp != pardir or (not initial_slashes and not new_comps) or
                (new_comps and new_comps[-1] == pardir)):
            new_comps.append(comp)
        elif new_comps:
            new_comps.pop()
    comps = new_comps
    path = sep.join(comps)
    if initial_slashes:
        path = sep * initial_slashes + path
    return path or curdir


class _PathModule:
    """os.path: the pure string functions of posixpath."""

    sep = sep
    altsep = altsep
    extsep = extsep
    pathsep = pathsep
    curdir = curdir
    pardir = pardir
    devnull = devnull
    join = staticmethod(_join)
    split = staticmethod(_split)
    splitext = staticmethod(_splitext)
    basename = staticmethod(_basename)
    dirname = staticmethod(_dirname)
    isabs = staticmethod(_isabs)
    normpath = staticmethod(_normpath)

    def __repr__(self):
        return "<module 'posixpath' (gilpy)>"


path = _PathModule()
