"""Temporary files and directories, as CPython's tempfile: names that no
one else gets (made with O_EXCL), readable and writable only by the user.

gilpy has no finalizers: a TemporaryDirectory or a NamedTemporaryFile
that is never closed or cleaned up stays on disk (use them with `with`).
"""

import os
import io
import shutil as _shutil

__all__ = ["NamedTemporaryFile", "TemporaryFile", "SpooledTemporaryFile",
           "TemporaryDirectory", "mkstemp", "mkdtemp", "mktemp", "TMP_MAX",
           "gettempprefix", "tempdir", "gettempdir", "gettempprefixb",
           "gettempdirb"]

TMP_MAX = 10000
template = "tmp"
tempdir = None

_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_"


def _random_name():
    """Eight random characters for a file name."""
    return ''.join(_NAME_CHARS[b % len(_NAME_CHARS)] for b in os.urandom(8))


def _candidate_dirs():
    dirs = []
    for var in ('TMPDIR', 'TEMP', 'TMP'):
        d = os.getenv(var)
        if d:
            dirs.append(d)
    dirs.extend(['/tmp', '/var/tmp', '/usr/tmp'])
    try:
        dirs.append(os.getcwd())
    except OSError:
        dirs.append(os.curdir)
    return dirs


def _find_tempdir():
    """The first candidate directory in which a file can be made."""
    for d in _candidate_dirs():
        if d != os.curdir:
            d = os.path.abspath(d)
        for _ in range(100):
            name = os.path.join(d, _random_name())
            try:
                fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            except OSError:
                break
            try:
                os.write(fd, b'blat')
            finally:
                os.close(fd)
                os.unlink(name)
            return d
    raise FileNotFoundError(_errno_ENOENT,
                            "No usable temporary directory found in %s" %
                            _candidate_dirs())


_errno_ENOENT = 2


def gettempprefix():
    """The prefix of temporary names ('tmp')."""
    return template


def gettempprefixb():
    """gettempprefix() as bytes."""
    return os.fsencode(template)


def gettempdir():
    """The directory temporary files go to (found once, then kept in
    `tempfile.tempdir`)."""
    global tempdir
    if tempdir is None:
        tempdir = _find_tempdir()
    return tempdir


def gettempdirb():
    """gettempdir() as bytes."""
    return os.fsencode(gettempdir())


def _sanitize(prefix, suffix, dir):
    """Defaults for prefix, suffix and dir, all of one type (str or bytes)."""
    kinds = set(type(x) for x in (prefix, suffix, dir) if x is not None)
    if len(kinds) > 1:
        raise TypeError("Can't mix bytes and non-bytes in path components.")
    as_bytes = bytes in kinds
    if suffix is None:
        suffix = b'' if as_bytes else ''
    if prefix is None:
        prefix = gettempprefixb() if as_bytes else template
    if dir is None:
        dir = gettempdirb() if as_bytes else gettempdir()
    return prefix, suffix, dir, as_bytes


def _names(dir, prefix, suffix, as_bytes):
    for _ in range(TMP_MAX):
        name = _random_name()
        if as_bytes:
            name = os.fsencode(name)
        yield os.path.join(dir, prefix + name + suffix)


def _mkstemp_inner(dir, prefix, suffix, flags, as_bytes):
    for path in _names(dir, prefix, suffix, as_bytes):
        try:
            fd = os.open(path, flags, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary file name found")


_BIN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Makes a new file only this user can read and write; returns an open
    descriptor on it and its absolute path. Removing it is the caller's job."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    return _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, as_bytes)


def mkdtemp(suffix=None, prefix=None, dir=None):
    """Makes a new directory only this user can use; returns its absolute
    path. Removing it is the caller's job."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    for path in _names(dir, prefix, suffix, as_bytes):
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(path)
    raise FileExistsError(17, "No usable temporary directory name found")


def mktemp(suffix="", prefix=template, dir=None):
    """A name no file has now (unsafe: someone may take it before you do)."""
    if dir is None:
        dir = gettempdir()
    for _ in range(TMP_MAX):
        path = os.path.join(dir, prefix + _random_name() + suffix)
        if not os.path.lexists(path):
            return path
    raise FileExistsError(17, "No usable temporary filename found")


class _TemporaryFileWrapper:
    """A file with a name on disk, removed when closed if `delete`.
    Attributes and methods not found here are the file's."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()
        return None

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __iter__(self):
        for line in self.file:
            yield line

    @property
    def closed(self):
        return self.file.closed


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None,
                       newline=None, suffix=None, prefix=None,
                       dir=None, delete=True, *, errors=None):
    """A temporary file with a visible name (`.name`), removed on close
    unless delete is false."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, as_bytes)
    try:
        # Opened "by name" through an opener that hands over the
        # descriptor, so that the file object's name is the path.
        file = io.open(name, mode, buffering=buffering, newline=newline,
                       encoding=encoding, errors=errors,
                       opener=lambda path, flags: fd)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None,
                  newline=None, suffix=None, prefix=None,
                  dir=None, *, errors=None):
    """A temporary file with no name on disk: it goes when closed."""
    prefix, suffix, dir, as_bytes = _sanitize(prefix, suffix, dir)
    fd, name = _mkstemp_inner(dir, prefix, suffix, _BIN_FLAGS, as_bytes)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline,
                       encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class SpooledTemporaryFile(io.IOBase):
    """A temporary file kept in memory until it grows past max_size (or
    fileno() is asked for), then moved to a real TemporaryFile."""

    _rolled = False

    def __init__(self, max_size=0, mode='w+b', buffering=-1,
                 encoding=None, newline=None,
                 suffix=None, prefix=None, dir=None, *, errors=None):
        if 'b' in mode:
            self._file = io.BytesIO()
        else:
            self._file = io.TextIOWrapper(io.BytesIO(), encoding=encoding,
                                          errors=errors, newline=newline)
        self._max_size = max_size
        self._rolled = False
        self._TemporaryFileArgs = {'mode': mode, 'buffering': buffering,
                                   'suffix': suffix, 'prefix': prefix,
                                   'encoding': encoding, 'newline': newline,
                                   'dir': dir, 'errors': errors}

    def _check(self, file):
        if self._rolled:
            return
        max_size = self._max_size
        if max_size and file.tell() > max_size:
            self.rollover()

    def rollover(self):
        if self._rolled:
            return
        file = self._file
        newfile = self._file = TemporaryFile(**self._TemporaryFileArgs)
        del self._TemporaryFileArgs
        pos = file.tell()
        if hasattr(newfile, 'buffer'):
            newfile.buffer.write(file.detach().getvalue())
        else:
            newfile.write(file.getvalue())
        newfile.seek(pos, 0)
        self._rolled = True

    def __enter__(self):
        if self._file.closed:
            raise ValueError("Cannot enter context with closed file")
        return self

    def __exit__(self, exc, value, tb):
        self._file.close()

    def __iter__(self):
        return self._file.__iter__()

    def __next__(self):
        return self._file.__next__()

    def close(self):
        self._file.close()

    @property
    def closed(self):
        return self._file.closed

    @property
    def encoding(self):
        return self._file.encoding

    @property
    def errors(self):
        return self._file.errors

    def fileno(self):
        self.rollover()
        return self._file.fileno()

    def flush(self):
        self._file.flush()

    def isatty(self):
        return self._file.isatty()

    @property
    def mode(self):
        try:
            return self._file.mode
        except AttributeError:
            return self._TemporaryFileArgs['mode']

    @property
    def name(self):
        try:
            return self._file.name
        except AttributeError:
            return None

    @property
    def newlines(self):
        return self._file.newlines

    def readable(self):
        return self._file.readable()

    def read(self, *args):
        return self._file.read(*args)

    def readline(self, *args):
        return self._file.readline(*args)

    def readlines(self, *args):
        return self._file.readlines(*args)

    def seekable(self):
        return self._file.seekable()

    def seek(self, *args):
        return self._file.seek(*args)

    def tell(self):
        return self._file.tell()

    def truncate(self, size=None):
        if size is None:
            return self._file.truncate()
        if size > self._max_size:
            self.rollover()
        return self._file.truncate(size)

    def writable(self):
        return self._file.writable()

    def write(self, s):
        file = self._file
        rv = file.write(s)
        self._check(file)
        return rv

    def writelines(self, iterable):
        file = self._file
        rv = file.writelines(iterable)
        self._check(file)
        return rv


class TemporaryDirectory:
    """A temporary directory, removed with all it holds by cleanup() or
    at the end of a `with` block (which gives its name)."""

    def __init__(self, suffix=None, prefix=None, dir=None,
                 ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return "<{} {!r}>".format(self.__class__.__name__, self.name)

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done:
            return
        self._done = True
        if os.path.lexists(self.name):
            _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
