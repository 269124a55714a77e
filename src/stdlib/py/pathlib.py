"""Object-oriented file system paths, as CPython's pathlib (POSIX only):
PurePath/PurePosixPath for path arithmetic, Path/PosixPath for the file
system calls on top. Windows paths are not provided."""

import os
import io
import sys
import stat
import fnmatch

__all__ = ["PurePath", "PurePosixPath", "Path", "PosixPath"]


def _split_parts(text):
    """(root, [components]) of a POSIX path string: '.' and empty parts
    dropped; a root of exactly two slashes is kept, of three or more is one."""
    root = ''
    if text.startswith('/'):
        if text.startswith('//') and not text.startswith('///'):
            root = '//'
        else:
            root = '/'
    parts = [p for p in text.split('/') if p and p != '.']
    return root, parts


class _PathParents:
    """The ancestors of a path, nearest first (a read-only sequence)."""

    def __init__(self, path):
        self._path = path
        self._n = len(path._parts) if path._parts else 0

    def __len__(self):
        return self._n

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        p = self._path
        return p._make(p._root, p._parts[:len(p._parts) - idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath(os.PathLike):
    """A path as text, with no access to the file system. Instantiating it
    gives a PurePosixPath."""

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parts(args)

    @classmethod
    def _from_parts(cls, args):
        root = ''
        parts = []
        for a in args:
            if isinstance(a, PurePath):
                r, ps = a._root, a._parts
            else:
                a = os.fspath(a)
                if not isinstance(a, str):
                    raise TypeError(
                        "argument should be a str object or an os.PathLike "
                        "object returning str, not %r" % (type(a),))
                r, ps = _split_parts(a)
            if r:
                root = r
                parts = list(ps)
            else:
                parts.extend(ps)
        self = object.__new__(cls)
        self._root = root
        self._parts = parts
        self._str = None
        return self

    def _make(self, root, parts):
        new = object.__new__(type(self))
        new._root = root
        new._parts = list(parts)
        new._str = None
        return new

    def __reduce__(self):
        return (self.__class__, tuple(self.parts))

    def __str__(self):
        if self._str is None:
            self._str = (self._root + '/'.join(self._parts)) or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """The path as a string with forward slashes."""
        return str(self)

    def __bytes__(self):
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def as_uri(self):
        """The path as a 'file:' URI (the path must be absolute)."""
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        safe = "/-_.~!$&'()*+,;=:@"
        out = []
        for b in os.fsencode(str(self)):
            c = chr(b)
            if b < 128 and (c.isalnum() or c in safe):
                out.append(c)
            else:
                out.append('%%%02X' % b)
        return 'file://' + ''.join(out)

    def _key(self):
        return (self._root, tuple(self._parts))

    def __hash__(self):
        return hash(str(self))

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return str(self) == str(other)

    def _parts_key(self):
        return ([self._root] if self._root else []) + self._parts

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() < other._parts_key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() <= other._parts_key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() > other._parts_key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._parts_key() >= other._parts_key()

    @property
    def drive(self):
        """The drive letter or UNC share: always '' on POSIX."""
        return ''

    @property
    def root(self):
        """'/' (or '//') for an absolute path, else ''."""
        return self._root

    @property
    def anchor(self):
        """Drive and root together."""
        return self._root

    @property
    def parts(self):
        """The components of the path, the root first if there is one."""
        return tuple(self._parts_key())

    @property
    def name(self):
        """The final component ('' if there is none)."""
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        """The final component's last extension ('.gz'), or ''."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[i:]
        return ''

    @property
    def suffixes(self):
        """All the final component's extensions (['.tar', '.gz'])."""
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        """The final component without its last extension."""
        name = self.name
        i = name.rfind('.')
        if 0 < i < len(name) - 1:
            return name[:i]
        return name

    def with_name(self, name):
        """The path with its final component replaced."""
        if not self.name:
            raise ValueError("%r has an empty name" % (self,))
        root, parts = _split_parts(name)
        if (not name or name.endswith('/') or root or len(parts) != 1
                or parts[0] != name):
            raise ValueError("Invalid name %r" % (name,))
        return self._make(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        """The path with the stem of its final component replaced."""
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        """The path with its last extension replaced (or added, or removed
        for suffix '')."""
        if '/' in suffix or suffix and not suffix.startswith('.') or suffix == '.':
            raise ValueError("Invalid suffix %r" % (suffix,))
        name = self.name
        if not name:
            raise ValueError("%r has an empty name" % (self,))
        old = self.suffix
        if not old:
            name = name + suffix
        else:
            name = name[:-len(old)] + suffix
        return self._make(self._root, self._parts[:-1] + [name])

    def relative_to(self, *other):
        """The path relative to `other` (ValueError if it is not under it)."""
        if not other:
            raise TypeError("need at least one argument")
        base = type(self)(*other)
        mine = self._parts_key()
        theirs = base._parts_key()
        n = len(theirs)
        if mine[:n] != theirs or (n == 0 and self._root):
            raise ValueError("{!r} is not in the subpath of {!r}"
                             " OR one path is relative and the other is absolute."
                             .format(str(self), str(base)))
        return self._make('', mine[n:])

    def is_relative_to(self, *other):
        """Whether the path is under `other`."""
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def joinpath(self, *args):
        """The path with the arguments appended (an absolute one restarts it)."""
        return type(self)._from_parts((self,) + args)

    def __truediv__(self, key):
        try:
            return type(self)._from_parts((self, key))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return type(self)._from_parts((key, self))
        except TypeError:
            return NotImplemented

    @property
    def parent(self):
        """The path without its final component."""
        if not self._parts:
            return self
        return self._make(self._root, self._parts[:-1])

    @property
    def parents(self):
        """The ancestors of the path, nearest first."""
        return _PathParents(self)

    def is_absolute(self):
        """Whether the path has a root."""
        return bool(self._root)

    def is_reserved(self):
        """Whether the name is reserved by the system: never on POSIX."""
        return False

    def match(self, path_pattern):
        """Whether the path matches the glob-style pattern, compared from
        the right (from the root for an absolute pattern)."""
        pat = type(self)(path_pattern)
        pat_parts = pat._parts_key()
        if not pat_parts:
            raise ValueError("empty pattern")
        mine = self._parts_key()
        if pat._root:
            if len(mine) != len(pat_parts):
                return False
        elif len(pat_parts) > len(mine):
            return False
        for part, p in zip(reversed(mine), reversed(pat_parts)):
            if not fnmatch.fnmatchcase(part, p):
                return False
        return True


class PurePosixPath(PurePath):
    """A pure path with POSIX syntax."""


class Path(PurePath):
    """A path on the file system: PurePath plus the calls that look at or
    change files. Instantiating it gives a PosixPath."""

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parts(args)

    def __enter__(self):
        return self

    def __exit__(self, t, v, tb):
        pass

    @classmethod
    def cwd(cls):
        """The current directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """The user's home directory."""
        return cls("~").expanduser()

    def samefile(self, other_path):
        """Whether this path and `other_path` lead to the same file."""
        st = self.stat()
        try:
            other = other_path.stat()
        except AttributeError:
            other = os.stat(other_path)
        return os.path.samestat(st, other)

    def iterdir(self):
        """The paths of the entries of this directory."""
        for name in os.listdir(self):
            yield self._make(self._root, self._parts + [name])

    def _child(self, name):
        return self._make(self._root, self._parts + [name])

    def glob(self, pattern):
        """The paths under this directory matching the relative glob-style
        pattern ('**' matches this directory and every one below it)."""
        if not pattern:
            raise ValueError("Unacceptable pattern: {!r}".format(pattern))
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pat._parts)
        if pattern.endswith('/'):
            parts.append('')
        seen = set()
        for p in self._select(parts):
            key = str(p)
            if key not in seen:
                seen.add(key)
                yield p

    def rglob(self, pattern):
        """glob() with '**/' in front of the pattern."""
        pat = PurePosixPath(pattern)
        if pat._root:
            raise NotImplementedError("Non-relative patterns are unsupported")
        return self.glob('**/' + pattern)

    def _select(self, parts):
        if not parts:
            yield self
            return
        head, rest = parts[0], parts[1:]
        if head == '':
            if self.is_dir():
                yield self
            return
        if head == '**':
            for d in self._dirs_below():
                yield from d._select(rest)
            return
        if any(c in head for c in '*?['):
            try:
                with os.scandir(self) as it:
                    entries = list(it)
            except OSError:
                return
            for entry in entries:
                if rest:
                    try:
                        if not entry.is_dir():
                            continue
                    except OSError:
                        continue
                if fnmatch.fnmatchcase(entry.name, head):
                    yield from self._child(entry.name)._select(rest)
            return
        child = self._child(head)
        if rest:
            if child.is_dir():
                yield from child._select(rest)
        elif child.exists() or child.is_symlink():
            yield child

    def _dirs_below(self):
        """This directory and every directory under it (links not followed)."""
        yield self
        try:
            with os.scandir(self) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            try:
                if entry.is_dir() and not entry.is_symlink():
                    yield from self._child(entry.name)._dirs_below()
            except OSError:
                pass

    def absolute(self):
        """The path made absolute (not normalised, links not resolved)."""
        if self.is_absolute():
            return self
        return self._from_parts((os.getcwd(), self))

    def resolve(self, strict=False):
        """The absolute path with links, '.' and '..' resolved."""
        return self._from_parts((os.path.realpath(self, strict=strict),))

    def stat(self, *, follow_symlinks=True):
        """os.stat() of the path."""
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """os.lstat() of the path."""
        return os.lstat(self)

    def owner(self):
        """The login name of the file's owner (from /etc/passwd)."""
        return self._id_name('/etc/passwd', self.stat().st_uid)

    def group(self):
        """The name of the file's group (from /etc/group)."""
        return self._id_name('/etc/group', self.stat().st_gid)

    def _id_name(self, table, num):
        with open(table, encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.split(':')
                if len(fields) > 2 and fields[2] == str(num):
                    return fields[0]
        raise KeyError("getpwuid(): uid not found: %d" % num)

    def open(self, mode='r', buffering=-1, encoding=None,
             errors=None, newline=None):
        """open() on the path."""
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """The contents of the file as bytes."""
        with self.open(mode='rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        """The contents of the file as text."""
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        """Writes `data` (bytes-like) to the file, replacing it."""
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """Writes the text to the file, replacing it."""
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' %
                            data.__class__.__name__)
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors,
                       newline=newline) as f:
            return f.write(data)

    def readlink(self):
        """The path a symbolic link points to."""
        return self._from_parts((os.readlink(self),))

    def touch(self, mode=0o666, exist_ok=True):
        """Creates the file, or updates its times if it exists (an error if
        exist_ok is false)."""
        if exist_ok:
            try:
                os.utime(self, None)
                return
            except OSError:
                pass
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """Creates the directory (and missing parents if `parents`)."""
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """Changes the permission bits."""
        os.chmod(self, mode)

    def lchmod(self, mode):
        """chmod() of a link itself."""
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        """Removes the file or link (a missing one is an error unless
        missing_ok)."""
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """Removes the (empty) directory."""
        os.rmdir(self)

    def rename(self, target):
        """Renames the file to `target`; returns the new path."""
        os.rename(self, target)
        return self.__class__(target)

    def replace(self, target):
        """Renames the file to `target`, replacing what is there; returns
        the new path."""
        os.replace(self, target)
        return self.__class__(target)

    def symlink_to(self, target, target_is_directory=False):
        """Makes this path a symbolic link to `target`."""
        os.symlink(target, self)

    def hardlink_to(self, target):
        """Makes this path a hard link to `target`."""
        os.link(target, self)

    def exists(self):
        """Whether the path exists (links followed)."""
        try:
            self.stat()
        except (OSError, ValueError):
            return False
        return True

    def _mode_is(self, test, follow=True):
        try:
            st = self.stat() if follow else self.lstat()
        except (OSError, ValueError):
            return False
        return test(st.st_mode)

    def is_dir(self):
        """Whether the path is a directory (links followed)."""
        return self._mode_is(stat.S_ISDIR)

    def is_file(self):
        """Whether the path is a regular file (links followed)."""
        return self._mode_is(stat.S_ISREG)

    def is_mount(self):
        """Whether the path is a mount point."""
        return os.path.ismount(self)

    def is_symlink(self):
        """Whether the path is a symbolic link."""
        return self._mode_is(stat.S_ISLNK, follow=False)

    def is_block_device(self):
        return self._mode_is(stat.S_ISBLK)

    def is_char_device(self):
        return self._mode_is(stat.S_ISCHR)

    def is_fifo(self):
        return self._mode_is(stat.S_ISFIFO)

    def is_socket(self):
        return self._mode_is(stat.S_ISSOCK)

    def expanduser(self):
        """The path with a leading ~ or ~user expanded."""
        if self._parts and self._parts[0][:1] == '~' and not self._root:
            home = os.path.expanduser(self._parts[0])
            if home[:1] == '~':
                raise RuntimeError("Could not determine home directory.")
            return self._from_parts((home,) + tuple(self._parts[1:]))
        return self


class PosixPath(Path, PurePosixPath):
    """A concrete path on a POSIX system."""
