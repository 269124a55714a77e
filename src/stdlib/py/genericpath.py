"""Path functions that do not depend on the path syntax; posixpath
re-exports them (as CPython's genericpath)."""

import os
import stat

__all__ = ['commonprefix', 'exists', 'getatime', 'getctime', 'getmtime',
           'getsize', 'isdir', 'isfile', 'samefile', 'sameopenfile',
           'samestat']


def exists(path):
    """True if `path` names something that exists (a dangling link: False)."""
    try:
        os.stat(path)
    except (OSError, ValueError):
        return False
    return True


def isfile(path):
    """True if `path` names a regular file (links followed)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(st.st_mode)


def isdir(s):
    """True if `s` names a directory (links followed)."""
    try:
        st = os.stat(s)
    except (OSError, ValueError):
        return False
    return stat.S_ISDIR(st.st_mode)


def getsize(filename):
    """The size in bytes of `filename`."""
    return os.stat(filename).st_size


def getmtime(filename):
    """When `filename` was last modified (seconds since the epoch)."""
    return os.stat(filename).st_mtime


def getatime(filename):
    """When `filename` was last read (seconds since the epoch)."""
    return os.stat(filename).st_atime


def getctime(filename):
    """When the metadata of `filename` last changed (seconds since the epoch)."""
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest string every item of `m` starts with (character-wise)."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    # The common prefix of all is that of the smallest and the largest.
    lo, hi = min(m), max(m)
    n = 0
    while n < len(lo) and lo[n] == hi[n]:
        n += 1
    return lo[:n]


def samestat(s1, s2):
    """True if two stat results describe the same file."""
    return (s1.st_ino == s2.st_ino and
            s1.st_dev == s2.st_dev)


def samefile(f1, f2):
    """True if two paths lead to the same file."""
    s1 = os.stat(f1)
    s2 = os.stat(f2)
    return samestat(s1, s2)


def sameopenfile(fp1, fp2):
    """True if two open descriptors are on the same file."""
    s1 = os.fstat(fp1)
    s2 = os.fstat(fp2)
    return samestat(s1, s2)


def _splitext(p, sep, altsep, extsep):
    """(root, ext) where ext is the last dotted suffix of the last component
    (leading dots of a name do not start a suffix)."""
    name_start = p.rfind(sep) + 1
    if altsep:
        name_start = max(name_start, p.rfind(altsep) + 1)
    dot = p.rfind(extsep)
    if dot <= name_start:
        return p, p[:0]
    # A suffix needs something other than dots before it in the name.
    if p[name_start:dot].strip(extsep):
        return p[:dot], p[dot:]
    return p, p[:0]


def _check_arg_types(funcname, *args):
    kinds = set()
    for a in args:
        if isinstance(a, str):
            kinds.add(str)
        elif isinstance(a, bytes):
            kinds.add(bytes)
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {a.__class__.__name__!r}') from None
    if len(kinds) > 1:
        raise TypeError("Can't mix strings and bytes in path components") from None
