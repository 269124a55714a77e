"""Pathname functions for POSIX paths (`os.path`), as CPython's posixpath:
each takes str or bytes (or a path-like object) and answers in the same
type. gilpy has no `re`, so expandvars scans the text itself."""

import os
import sys
import stat
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "ismount", "expanduser", "expandvars", "normpath",
           "abspath", "samefile", "sameopenfile", "samestat", "curdir",
           "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _seps(p):
    """The separator, current and parent directory names in the type of `p`."""
    if isinstance(p, bytes):
        return b'/', b'.', b'..'
    return '/', '.', '..'


def normcase(s):
    """The path unchanged: POSIX file names are case-sensitive."""
    return os.fspath(s)


def isabs(s):
    """True if the path starts at the root."""
    s = os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Joins path components with '/'; an absolute component restarts the path."""
    a = os.fspath(a)
    slash = _seps(a)[0]
    path = a
    try:
        for b in map(os.fspath, p):
            if b.startswith(slash) or not path:
                path = b
            elif path.endswith(slash):
                path = path + b
            else:
                path = path + slash + b
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is the part after the last '/', head what precedes
    it without trailing slashes (unless it is all slashes)."""
    p = os.fspath(p)
    slash = _seps(p)[0]
    cut = p.rfind(slash) + 1
    head, tail = p[:cut], p[cut:]
    if head.strip(slash):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


splitext.__doc__ = genericpath._splitext.__doc__


def splitdrive(p):
    """('', p): POSIX paths have no drive."""
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    """The final component of the path."""
    return split(p)[1]


def dirname(p):
    """Everything but the final component of the path."""
    return split(p)[0]


def islink(path):
    """True if the path names a symbolic link."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return False
    return stat.S_ISLNK(st.st_mode)


def lexists(path):
    """True if the path names something, a dangling link included."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def ismount(path):
    """True if the path is a mount point (its device differs from its parent's)."""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    parent = realpath(parent)
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def expanduser(path):
    """'~' and '~user' at the start replaced by the home directory."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    end = path.find(slash, 1)
    if end < 0:
        end = len(path)
    if end == 1:
        if 'HOME' in os.environ:
            home = os.environ['HOME']
        else:
            home = _home_of(None)
            if home is None:
                return path
    else:
        name = path[1:end]
        if isinstance(name, bytes):
            name = os.fsdecode(name)
        home = _home_of(name)
        if home is None:
            return path
    if isinstance(path, bytes):
        home = os.fsencode(home)
    home = home.rstrip(slash)
    return (home + path[end:]) or slash


def _home_of(user):
    """The home directory of `user` (None: the current user) from /etc/passwd."""
    if user is None:
        uid = os.getuid()
    try:
        with open('/etc/passwd', encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) < 7:
                    continue
                if user is None:
                    if fields[2] == str(uid):
                        return fields[5]
                elif fields[0] == user:
                    return fields[5]
    except OSError:
        pass
    return None


def _is_name_char(c):
    return 'a' <= c <= 'z' or 'A' <= c <= 'Z' or '0' <= c <= '9' or c == '_'


def expandvars(path):
    """$name and ${name} replaced by the environment variable's value; unknown
    variables are left as they are."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    if is_bytes:
        text = path.decode('utf-8', 'surrogateescape')
    else:
        text = path
    if '$' not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and text[i + 1] == '{':
            close = text.find('}', i + 2)
            if close < 0:
                out.append(text[i:])
                break
            name = text[i + 2:close]
            end = close + 1
        else:
            j = i + 1
            while j < n and _is_name_char(text[j]):
                j += 1
            name = text[i + 1:j]
            end = j
            if not name:
                out.append('$')
                i += 1
                continue
        if name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(text[i:end])
        i = end
    result = ''.join(out)
    if is_bytes:
        return result.encode('utf-8', 'surrogateescape')
    return result


def normpath(path):
    """The path with redundant separators and '.' and '..' parts removed
    (lexically: symbolic links are not looked at)."""
    path = os.fspath(path)
    slash, dot, dotdot = _seps(path)
    if not path:
        return dot
    lead = 0
    if path.startswith(slash):
        # Exactly two leading slashes are kept (POSIX leaves them to the
        # implementation); three or more become one.
        lead = 2 if path.startswith(slash * 2) and not path.startswith(slash * 3) else 1
    parts = []
    for comp in path.split(slash):
        if not comp or comp == dot:
            continue
        if comp == dotdot:
            if parts and parts[-1] != dotdot:
                parts.pop()
                continue
            if lead:
                continue
        parts.append(comp)
    result = slash * lead + slash.join(parts)
    return result or dot


def abspath(path):
    """The path made absolute (from the current directory) and normalised."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """The canonical path: absolute, with every symbolic link resolved."""
    filename = os.fspath(filename)
    path, ok = _resolve(filename[:0], filename, strict, {})
    return abspath(path)


def _resolve(path, rest, strict, seen):
    """Joins `rest` onto the resolved `path`, resolving links on the way;
    `seen` maps links being resolved to their result (None: in progress)."""
    slash, dot, dotdot = _seps(rest)
    if isabs(rest):
        rest = rest[1:]
        path = slash
    while rest:
        name, _, rest = rest.partition(slash)
        if not name or name == dot:
            continue
        if name == dotdot:
            if path:
                path, tail = split(path)
                if tail == dotdot:
                    path = join(path, dotdot, dotdot)
            else:
                path = dotdot
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except OSError:
            if strict:
                raise
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            done = seen[newpath]
            if done is not None:
                path = done
                continue
            # A loop of links.
            if strict:
                os.stat(newpath)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, os.readlink(newpath), strict, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """The path relative to `start` (default: the current directory)."""
    if not path:
        raise ValueError("no path specified")
    path = os.fspath(path)
    slash, dot, dotdot = _seps(path)
    if start is None:
        start = dot
    else:
        start = os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(slash) if x]
        path_parts = [x for x in abspath(path).split(slash) if x]
        common = 0
        for a, b in zip(start_parts, path_parts):
            if a != b:
                break
            common += 1
        parts = [dotdot] * (len(start_parts) - common) + path_parts[common:]
        if not parts:
            return dot
        return join(*parts)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """The longest sub-path shared by every path of the sequence."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    slash, dot, _ = _seps(paths[0])
    try:
        split_paths = [p.split(slash) for p in paths]
        try:
            isabs_set = set(p[:1] == slash for p in paths)
        except TypeError:
            raise ValueError("Can't mix absolute and relative paths") from None
        if len(isabs_set) != 1:
            raise ValueError("Can't mix absolute and relative paths")
        (absolute,) = isabs_set
        split_paths = [[c for c in s if c and c != dot] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i, c in enumerate(lo):
            if c != hi[i]:
                common = lo[:i]
                break
        prefix = slash if absolute else slash[:0]
        return prefix + slash.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
