"""Operating system services for gilpy (POSIX only), after CPython's
`Lib/os.py`: the system calls come from the native `posix` module; here
are `os.path` (posixpath), `environ`, `makedirs`, `walk`, `scandir` and
the rest written on top of them.

Not provided: fork/exec/spawn and popen (see subprocess; waitpid is
here), fwalk, the *at() variants taking dir_fd, extended attributes and
scheduling calls.
"""

import sys
import stat as st

import posix
from posix import *
from posix import _exit, _scandir

import posixpath as path
sys.modules['os.path'] = path
from posixpath import (curdir, pardir, sep, pathsep, defpath, extsep, altsep,
                       devnull)

name = 'posix'
linesep = '\n'
error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

supports_bytes_environ = True

__all__ = ["altsep", "curdir", "pardir", "sep", "pathsep", "linesep",
           "defpath", "name", "path", "devnull", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "fsencode", "fsdecode", "get_exec_path", "fdopen",
           "extsep", "makedirs", "removedirs", "renames", "walk", "scandir",
           "DirEntry", "environ", "getenv", "PathLike", "stat_result",
           "terminal_size", "get_terminal_size", "error", "system", "popen"]


# ---- stat results ----

_STAT_NAMES = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
               'st_size')


class stat_result(tuple):
    """The result of stat(): a 10-tuple (mode, ino, dev, nlink, uid, gid,
    size, atime, mtime, ctime) whose items are also attributes, with
    float times and more as attributes only."""

    n_sequence_fields = 10
    n_fields = 19
    n_unnamed_fields = 3

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError("os.stat_result() takes an at least 10-sequence "
                            "(%d-sequence given)" % len(seq))
        if len(seq) > 19:
            raise TypeError("os.stat_result() takes an at most 19-sequence "
                            "(%d-sequence given)" % len(seq))
        self = tuple.__new__(cls, seq[:10])
        self._all = seq + (None,) * (19 - len(seq))
        return self

    def _time(self, i):
        v = self._all[10 + i]
        return self[7 + i] if v is None else v

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._time(0))
    st_mtime = property(lambda self: self._time(1))
    st_ctime = property(lambda self: self._time(2))
    st_atime_ns = property(lambda self: self._all[13])
    st_mtime_ns = property(lambda self: self._all[14])
    st_ctime_ns = property(lambda self: self._all[15])
    st_blksize = property(lambda self: self._all[16])
    st_blocks = property(lambda self: self._all[17])
    st_rdev = property(lambda self: self._all[18])

    def __repr__(self):
        fields = ["%s=%r" % (n, self[i]) for i, n in enumerate(_STAT_NAMES)]
        fields.append("st_atime=%r" % (self[7],))
        fields.append("st_mtime=%r" % (self[8],))
        fields.append("st_ctime=%r" % (self[9],))
        return "os.stat_result(" + ", ".join(fields) + ")"

    def __reduce__(self):
        return (stat_result, (self._all,))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """The status of a file (a stat_result); links are followed unless
    follow_symlinks is false. `path` may be an open descriptor."""
    return stat_result(posix.stat(path, follow_symlinks=follow_symlinks))


def lstat(path, *, dir_fd=None):
    """Like stat(), without following a final symbolic link."""
    return stat_result(posix.lstat(path))


def fstat(fd):
    """The status of an open file descriptor."""
    return stat_result(posix.fstat(fd))


class statvfs_result(tuple):
    """The result of statvfs(): file system sizes, as a tuple and as
    attributes f_bsize, f_frsize, f_blocks, f_bfree, f_bavail, f_files,
    f_ffree, f_favail, f_flag, f_namemax."""

    n_sequence_fields = 10
    n_fields = 11
    n_unnamed_fields = 0
    _names = ('f_bsize', 'f_frsize', 'f_blocks', 'f_bfree', 'f_bavail',
              'f_files', 'f_ffree', 'f_favail', 'f_flag', 'f_namemax')

    def __new__(cls, seq, dict=None):
        return tuple.__new__(cls, tuple(seq)[:10])

    def __getattr__(self, name):
        if name in statvfs_result._names:
            return self[statvfs_result._names.index(name)]
        raise AttributeError("'os.statvfs_result' object has no attribute %r" % name)

    def __repr__(self):
        return "os.statvfs_result(" + ", ".join(
            "%s=%r" % (n, v) for n, v in zip(statvfs_result._names, self)) + ")"


def statvfs(path):
    """Sizes of the file system holding `path`, as a statvfs_result."""
    return statvfs_result(posix.statvfs(path))


class terminal_size(tuple):
    """The size of a terminal window: (columns, lines)."""

    n_sequence_fields = 2
    n_fields = 2
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) != 2:
            raise TypeError("os.terminal_size() takes a 2-sequence "
                            "(%d-sequence given)" % len(seq))
        return tuple.__new__(cls, seq)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return "os.terminal_size(columns=%r, lines=%r)" % (self[0], self[1])


def get_terminal_size(fd=1):
    """The size of the terminal on descriptor `fd` (OSError if it is not one)."""
    return terminal_size(posix.get_terminal_size(fd))


# ---- file names ----

def fsencode(filename):
    """A file name as bytes (undecodable characters kept as their bytes)."""
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode('utf-8', 'surrogateescape')
    return filename


def fsdecode(filename):
    """A file name as str (undecodable bytes kept, as surrogateescape does)."""
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode('utf-8', 'surrogateescape')
    return filename


class PathLike:
    """Base of the objects that stand for a file system path (they define
    __fspath__). gilpy has no ABC registration: isinstance() is true for
    subclasses only (pathlib's paths and DirEntry are)."""

    def __fspath__(self):
        raise NotImplementedError


# ---- the environment ----

class _Environ:
    """os.environ: the process environment as a mapping of str to str;
    changes reach the real environment (so child processes see them)."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        return 'environ({%s})' % ', '.join(
            '%r: %r' % (k, v) for k, v in self._data.items())

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    _MISSING = object()

    def pop(self, key, default=_MISSING):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default is _Environ._MISSING:
            raise KeyError(key)
        return default

    def popitem(self):
        if not self._data:
            raise KeyError('popitem(): dictionary is empty')
        key = list(self._data)[-1]
        return key, self.pop(key)

    def clear(self):
        for key in list(self._data):
            del self[key]

    def update(self, other=(), **kwds):
        if hasattr(other, 'keys'):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __or__(self, other):
        new = dict(self._data)
        new.update(other)
        return new

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(dict(posix.environ))


def getenv(key, default=None):
    """The value of environment variable `key`, or `default`."""
    return environ.get(key, default)


def get_exec_path(env=None):
    """The directories searched for a program (from PATH)."""
    if env is None:
        env = environ
    path_list = env.get('PATH')
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)


# ---- directories ----

def makedirs(name, mode=0o777, exist_ok=False):
    """Makes directory `name` and any missing parents; an existing leaf is
    an error unless exist_ok is true."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            # Made meanwhile by someone else: fine.
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Removes directory `name`, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """rename(), making the new parents and removing the emptied old ones."""
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry(PathLike):
    """One entry of a directory listed by scandir()."""

    def __init__(self, dirpath, name, kind, inode):
        self.name = name
        if dirpath is None:
            self.path = name
        else:
            self.path = path.join(dirpath, name)
        self._kind = kind
        self._inode = inode
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return '<DirEntry %r>' % (self.name,)

    def inode(self):
        return self._inode

    def is_symlink(self):
        if self._kind:
            return self._kind == 3
        try:
            return st.S_ISLNK(self.stat(follow_symlinks=False).st_mode)
        except OSError:
            return False

    def _is(self, kind, test, follow_symlinks):
        if self._kind and (self._kind != 3 or not follow_symlinks):
            return self._kind == kind
        try:
            return test(self.stat(follow_symlinks=follow_symlinks).st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._is(2, st.S_ISDIR, follow_symlinks)

    def is_file(self, *, follow_symlinks=True):
        return self._is(1, st.S_ISREG, follow_symlinks)

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks:
            if self._stat is None:
                if self.is_symlink():
                    self._stat = stat(self.path)
                else:
                    self._stat = self.stat(follow_symlinks=False)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path)
        return self._lstat


class _ScandirIterator:
    def __init__(self, dirpath, entries):
        self._dirpath = dirpath
        self._entries = entries
        self._i = 0

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None or self._i >= len(self._entries):
            raise StopIteration
        name, kind, inode = self._entries[self._i]
        self._i += 1
        return DirEntry(self._dirpath, name, kind, inode)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()


def scandir(path=None):
    """An iterator of DirEntry objects for the entries of directory `path`
    (default '.'); also a context manager."""
    if path is None:
        return _ScandirIterator('.', _scandir(None))
    p = fspath(path)
    return _ScandirIterator(p, _scandir(p))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Yields (dirpath, dirnames, filenames) for `top` and each directory
    under it: before its subdirectories if topdown (dirnames may then be
    pruned in place), after them otherwise. Errors listing a directory go
    to onerror(error) if given, else are ignored."""
    top = fspath(top)
    try:
        with scandir(top) as it:
            entries = list(it)
    except OSError as error:
        if onerror is not None:
            onerror(error)
        return
    dirs = []
    files = []
    below = []
    for entry in entries:
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not is_dir:
            files.append(entry.name)
            continue
        dirs.append(entry.name)
        if not topdown:
            try:
                is_link = entry.is_symlink()
            except OSError:
                is_link = False
            if followlinks or not is_link:
                below.append(entry.path)
    if topdown:
        yield top, dirs, files
        for d in dirs:
            sub = path.join(top, d)
            if followlinks or not path.islink(sub):
                yield from walk(sub, topdown, onerror, followlinks)
    else:
        for sub in below:
            yield from walk(sub, topdown, onerror, followlinks)
        yield top, dirs, files


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    """open() on an already open file descriptor."""
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


# ---- child processes (waiting; starting them is subprocess's job) ----

from _posixsubprocess import waitpid, waitstatus_to_exitcode


def WIFEXITED(status):
    return (status & 0x7f) == 0


def WEXITSTATUS(status):
    return (status >> 8) & 0xff


def WIFSIGNALED(status):
    return ((status & 0x7f) + 1) >> 1 > 0 and (status & 0x7f) != 0x7f


def WTERMSIG(status):
    return status & 0x7f


def WIFSTOPPED(status):
    return (status & 0xff) == 0x7f


def WSTOPSIG(status):
    return WEXITSTATUS(status)


# ---- running shell commands (on top of subprocess) ----

def _flush_std_streams():
    # The child writes to the same descriptors: whatever this process has
    # buffered must come out first.
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (AttributeError, ValueError, OSError):
            pass


def system(command):
    """Execute the command in a subshell (/bin/sh -c command) and return its
    wait status: the exit code shifted left by 8 bits, or the number of the
    signal that killed it."""
    if not isinstance(command, (str, bytes)):
        raise TypeError("system() argument 'command' must be str or bytes, "
                        "not %s" % type(command).__name__)
    import subprocess
    _flush_std_streams()
    code = subprocess.call(command, shell=True)
    if code < 0:
        return -code
    return code << 8


class _wrap_close:
    """The stream of a popen() child; close() waits for the child and gives
    None when it exited with 0, else its wait status."""

    def __init__(self, stream, proc):
        self._stream = stream
        self._proc = proc

    def close(self):
        self._stream.close()
        code = self._proc.wait()
        if code == 0:
            return None
        return code << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)


def popen(cmd, mode="r", buffering=-1):
    """Open a pipe to or from the shell command cmd: read its output (mode
    'r') or write its input (mode 'w') through the returned file object."""
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import subprocess
    _flush_std_streams()
    if mode == "r":
        proc = subprocess.Popen(cmd, shell=True, text=True,
                                stdout=subprocess.PIPE, bufsize=buffering)
        return _wrap_close(proc.stdout, proc)
    proc = subprocess.Popen(cmd, shell=True, text=True,
                            stdin=subprocess.PIPE, bufsize=buffering)
    return _wrap_close(proc.stdin, proc)
