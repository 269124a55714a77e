"""Filename globbing: the paths matching a shell-style pattern, as
CPython's glob (`**` with recursive=True matches any number of
directories). Results come in directory order, not sorted."""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
         include_hidden=False):
    """The list of paths matching `pathname` (see iglob)."""
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd,
                      recursive=recursive, include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False,
          include_hidden=False):
    """An iterator of the paths matching `pathname`. Names starting with a
    dot match only patterns starting with a dot, unless include_hidden.
    Relative patterns are taken from root_dir if given (the results are
    then relative to it)."""
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    it = _iglob(pathname, root_dir, recursive, False, include_hidden)
    if not pathname or (recursive and _is_recursive(pathname[:2])):
        # `**` first yields the empty path for the top itself: not a result.
        for first in it:
            if first:
                yield first
            break
    yield from it


def _iglob(pathname, root_dir, recursive, dironly, include_hidden):
    dirname, basename = os.path.split(pathname)
    if not has_magic(pathname):
        if basename:
            if _lexists(_join(root_dir, pathname)):
                yield pathname
        elif _isdir(_join(root_dir, dirname)):
            # A pattern ending with '/' matches directories only.
            yield pathname
        return
    if not dirname:
        if recursive and _is_recursive(basename):
            yield from _glob_tree(root_dir, basename, dironly, include_hidden)
        else:
            yield from _glob_names(root_dir, basename, dironly, include_hidden)
        return
    if dirname != pathname and has_magic(dirname):
        dirs = _iglob(dirname, root_dir, recursive, True, include_hidden)
    else:
        dirs = [dirname]
    if not has_magic(basename):
        in_dir = _glob_plain
    elif recursive and _is_recursive(basename):
        in_dir = _glob_tree
    else:
        in_dir = _glob_names
    for d in dirs:
        for name in in_dir(_join(root_dir, d), basename, dironly, include_hidden):
            yield os.path.join(d, name)


def _glob_names(dirname, pattern, dironly, include_hidden):
    """The names in `dirname` matching a one-component pattern."""
    names = _listdir(dirname, dironly)
    if not include_hidden and not _is_hidden(pattern):
        names = [x for x in names if not _is_hidden(x)]
    return fnmatch.filter(names, pattern)


def _glob_plain(dirname, basename, dironly, include_hidden):
    """`basename` itself if it exists in `dirname` (no wildcard in it)."""
    if not basename:
        if _isdir(dirname):
            return [basename]
    elif _lexists(_join(dirname, basename)):
        return [basename]
    return []


def _glob_tree(dirname, pattern, dironly, include_hidden):
    """`**`: the empty path, then everything below `dirname` (relative)."""
    yield pattern[:0]
    yield from _walk_names(dirname, dironly, include_hidden)


def _walk_names(dirname, dironly, include_hidden):
    for name in _listdir(dirname, dironly):
        if not include_hidden and _is_hidden(name):
            continue
        yield name
        sub = _join(dirname, name)
        for below in _walk_names(sub, dironly, include_hidden):
            yield _join(name, below)


def _listdir(dirname, dironly):
    """The names in a directory (only subdirectories if dironly), or none
    if it cannot be listed."""
    try:
        if not dirname:
            dirname = os.curdir if isinstance(dirname, str) else os.curdir.encode()
        with os.scandir(dirname) as it:
            names = []
            for entry in it:
                try:
                    if not dironly or entry.is_dir():
                        names.append(entry.name)
                except OSError:
                    pass
            return names
    except OSError:
        return []


def _lexists(pathname):
    return os.path.lexists(pathname)


def _isdir(pathname):
    return os.path.isdir(pathname)


def _join(dirname, basename):
    if not dirname or not basename:
        return dirname or basename
    return os.path.join(dirname, basename)


def has_magic(s):
    """Whether the text has a wildcard character (*, ? or [)."""
    if isinstance(s, bytes):
        return b'*' in s or b'?' in s or b'[' in s
    return '*' in s or '?' in s or '[' in s


def _is_hidden(path):
    return path[:1] in ('.', b'.')


def _is_recursive(pattern):
    return pattern == '**' or pattern == b'**'


def escape(pathname):
    """The path with its wildcard characters made literal ('*' -> '[*]')."""
    if isinstance(pathname, bytes):
        out = b''
        for i in range(len(pathname)):
            c = pathname[i:i + 1]
            out += b'[' + c + b']' if c in (b'*', b'?', b'[') else c
        return out
    return ''.join('[' + c + ']' if c in '*?[' else c for c in pathname)

