"""High-level file operations: copying files and trees, removing trees,
moving, finding programs, disk usage, making and unpacking archives (zip,
tar, gzip'ed tar), as CPython's shutil.

Not provided: chown, and the bz2 and xz archive formats (gilpy has neither
bz2 nor lzma: they are reported unavailable, as CPython does without them).
"""

import os
import sys
import stat
import errno
import fnmatch
import collections

try:
    import zlib
    del zlib
    _ZLIB_SUPPORTED = True
except ImportError:
    _ZLIB_SUPPORTED = False

try:
    import bz2
    if bz2 is None:
        raise ImportError("bz2")
    del bz2
    _BZ2_SUPPORTED = True
except ImportError:
    _BZ2_SUPPORTED = False

try:
    import lzma
    if lzma is None:
        raise ImportError("lzma")
    del lzma
    _LZMA_SUPPORTED = True
except ImportError:
    _LZMA_SUPPORTED = False

try:
    from pwd import getpwnam
except ImportError:
    getpwnam = None

try:
    from grp import getgrnam
except ImportError:
    getgrnam = None

__all__ = ["copyfileobj", "copyfile", "copymode", "copystat", "copy", "copy2",
           "copytree", "move", "rmtree", "Error", "SpecialFileError",
           "ExecError", "ignore_patterns", "which", "disk_usage",
           "get_terminal_size", "SameFileError", "make_archive",
           "get_archive_formats", "register_archive_format",
           "unregister_archive_format", "get_unpack_formats",
           "register_unpack_format", "unregister_unpack_format",
           "unpack_archive"]

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Source and destination of a copy are one file."""


class SpecialFileError(OSError):
    """A special file (such as a named pipe) cannot be copied."""


class ExecError(OSError):
    """A command could not be run."""


class ReadError(OSError):
    """An archive could not be read."""


class RegistryError(Exception):
    """An archive format could not be registered."""


def copyfileobj(fsrc, fdst, length=0):
    """Copies what is left of file object fsrc to fdst, length bytes at a time."""
    if not length:
        length = COPY_BUFSIZE
    read, write = fsrc.read, fdst.write
    while True:
        chunk = read(length)
        if not chunk:
            break
        write(chunk)


def _same(src, dst):
    try:
        return os.path.samefile(src, dst)
    except (OSError, ValueError):
        return False


def _is_fifo(path):
    try:
        return stat.S_ISFIFO(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    """Copies the contents of file src to file dst (made or replaced);
    returns dst. A link src is copied as a link if follow_symlinks is false."""
    if _same(src, dst):
        raise SameFileError("{!r} and {!r} are the same file".format(src, dst))
    for name in (src, dst):
        if _is_fifo(name):
            raise SpecialFileError("`%s` is a named pipe" % name)
    if not follow_symlinks and os.path.islink(src):
        os.symlink(os.readlink(src), dst)
        return dst
    with open(src, 'rb') as fsrc:
        try:
            with open(dst, 'wb') as fdst:
                _copy_fds(fsrc.fileno(), fdst.fileno())
        except IsADirectoryError as e:
            if not os.path.exists(dst):
                raise FileNotFoundError(f'Directory does not exist: {dst}') from e
            raise
    return dst


def _copy_fds(infd, outfd):
    while True:
        chunk = os.read(infd, COPY_BUFSIZE)
        if not chunk:
            break
        while chunk:
            n = os.write(outfd, chunk)
            chunk = chunk[n:]


def copymode(src, dst, *, follow_symlinks=True):
    """Copies the permission bits of src to dst."""
    if not follow_symlinks and os.path.islink(src) and os.path.islink(dst):
        return
    st = os.stat(src) if follow_symlinks else os.lstat(src)
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def copystat(src, dst, *, follow_symlinks=True):
    """Copies the permission bits and access and modification times of src
    to dst."""
    links = not follow_symlinks and os.path.islink(src) and os.path.islink(dst)
    if links:
        st = os.lstat(src)
        os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)
        return
    st = os.stat(src)
    os.utime(dst, ns=(st.st_atime_ns, st.st_mtime_ns))
    os.chmod(dst, stat.S_IMODE(st.st_mode))


def copy(src, dst, *, follow_symlinks=True):
    """Copies file src and its permission bits to dst (a file or a
    directory to copy into); returns the new file's path."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copymode(src, dst, follow_symlinks=follow_symlinks)
    return dst


def copy2(src, dst, *, follow_symlinks=True):
    """copy(), with the times copied too."""
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst, follow_symlinks=follow_symlinks)
    copystat(src, dst, follow_symlinks=follow_symlinks)
    return dst


def ignore_patterns(*patterns):
    """An `ignore` function for copytree: names matching any of the
    glob-style patterns are skipped."""
    def _ignore_patterns(path, names):
        ignored = set()
        for pattern in patterns:
            ignored.update(fnmatch.filter(names, pattern))
        return ignored
    return _ignore_patterns


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2,
             ignore_dangling_symlinks=False, dirs_exist_ok=False):
    """Copies the directory tree at src to dst (which must not exist unless
    dirs_exist_ok); returns dst. Failures are collected and raised at the
    end as one Error listing (src, dst, reason) triples."""
    with os.scandir(src) as it:
        entries = list(it)
    skipped = set()
    if ignore is not None:
        skipped = ignore(os.fspath(src), [e.name for e in entries])
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    errors = []
    for entry in entries:
        if entry.name in skipped:
            continue
        srcname = os.path.join(src, entry.name)
        dstname = os.path.join(dst, entry.name)
        try:
            if entry.is_symlink():
                target = os.readlink(srcname)
                if symlinks:
                    os.symlink(target, dstname)
                    copystat(srcname, dstname, follow_symlinks=False)
                elif not os.path.exists(srcname) and ignore_dangling_symlinks:
                    continue
                elif entry.is_dir():
                    copytree(srcname, dstname, symlinks, ignore, copy_function,
                             ignore_dangling_symlinks, dirs_exist_ok)
                else:
                    copy_function(srcname, dstname)
            elif entry.is_dir():
                copytree(srcname, dstname, symlinks, ignore, copy_function,
                         ignore_dangling_symlinks, dirs_exist_ok)
            else:
                copy_function(srcname, dstname)
        except Error as err:
            errors.extend(err.args[0])
        except OSError as why:
            errors.append((srcname, dstname, str(why)))
    try:
        copystat(src, dst)
    except OSError as why:
        errors.append((src, dst, str(why)))
    if errors:
        raise Error(errors)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    """Removes a directory tree. Errors are ignored if ignore_errors, else
    passed to onerror(function, path, exc_info) if given, else raised."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise args[2][1]
    try:
        st = os.lstat(path)
    except OSError:
        onerror(os.lstat, path, sys.exc_info())
        return
    if stat.S_ISLNK(st.st_mode):
        try:
            raise OSError("Cannot call rmtree on a symbolic link")
        except OSError:
            onerror(os.path.islink, path, sys.exc_info())
        return
    _remove_tree(path, onerror)


def _remove_tree(path, onerror):
    try:
        with os.scandir(path) as it:
            entries = list(it)
    except OSError:
        onerror(os.scandir, path, sys.exc_info())
        entries = []
    for entry in entries:
        full = entry.path
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            _remove_tree(full, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, sys.exc_info())
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, sys.exc_info())


def _basename(path):
    return os.path.basename(os.fspath(path).rstrip(os.sep))


def _inside(src, dst):
    """Whether dst is src or lies under it."""
    src = os.path.abspath(src)
    dst = os.path.abspath(dst)
    if not src.endswith(os.sep):
        src += os.sep
    if not dst.endswith(os.sep):
        dst += os.sep
    return dst.startswith(src)


def move(src, dst, copy_function=copy2):
    """Moves a file or directory to dst (into it, if it is a directory):
    a rename when possible, else a copy and a removal. Returns the new path."""
    target = dst
    if os.path.isdir(dst):
        if _same(src, dst):
            os.rename(src, dst)
            return
        target = os.path.join(dst, _basename(src))
        if os.path.exists(target):
            raise Error("Destination path '%s' already exists" % target)
    try:
        os.rename(src, target)
    except OSError:
        if os.path.islink(src):
            os.symlink(os.readlink(src), target)
            os.unlink(src)
        elif os.path.isdir(src):
            if _inside(src, dst):
                raise Error("Cannot move a directory '%s' into itself"
                            " '%s'." % (src, dst))
            copytree(src, target, copy_function=copy_function, symlinks=True)
            rmtree(src)
        else:
            copy_function(src, target)
            os.unlink(src)
    return target


_ntuple_diskusage = collections.namedtuple('usage', 'total used free')


def disk_usage(path):
    """(total, used, free) bytes of the file system holding path."""
    st = os.statvfs(path)
    frsize = st[1]
    free = st[4] * frsize
    total = st[2] * frsize
    used = (st[2] - st[3]) * frsize
    return _ntuple_diskusage(total, used, free)


def _runnable(fn, mode):
    return os.path.exists(fn) and os.access(fn, mode) and not os.path.isdir(fn)


def which(cmd, mode=os.F_OK | os.X_OK, path=None):
    """The path of the program `cmd` found on PATH (or `path`), or None."""
    if os.path.dirname(cmd):
        return cmd if _runnable(cmd, mode) else None
    as_bytes = isinstance(cmd, bytes)
    if path is None:
        path = os.environ.get("PATH")
        if path is None:
            path = os.defpath
    if not path:
        return None
    if as_bytes:
        path = os.fsencode(path)
        dirs = path.split(os.fsencode(os.pathsep))
    else:
        path = os.fsdecode(path)
        dirs = path.split(os.pathsep)
    seen = set()
    for d in dirs:
        if d in seen:
            continue
        seen.add(d)
        name = os.path.join(d, cmd)
        if _runnable(name, mode):
            return name
    return None


def get_terminal_size(fallback=(80, 24)):
    """The terminal's (columns, lines): from COLUMNS and LINES if set, else
    asked of the terminal on stdout, else `fallback`."""
    try:
        columns = int(os.environ['COLUMNS'])
    except (KeyError, ValueError):
        columns = 0
    try:
        lines = int(os.environ['LINES'])
    except (KeyError, ValueError):
        lines = 0
    if columns <= 0 or lines <= 0:
        try:
            size = os.get_terminal_size(sys.__stdout__.fileno())
        except (AttributeError, ValueError, OSError):
            size = os.terminal_size(fallback)
        if columns <= 0:
            columns = size.columns or fallback[0]
        if lines <= 0:
            lines = size.lines or fallback[1]
    return os.terminal_size((columns, lines))


# ---------------------------------------------------------------------------
# Archives
# ---------------------------------------------------------------------------

def _get_gid(name):
    """The group id of the group called name, or None."""
    if getgrnam is None or name is None:
        return None
    try:
        result = getgrnam(name)
    except KeyError:
        result = None
    if result is not None:
        return result[2]
    return None


def _get_uid(name):
    """The user id of the user called name, or None."""
    if getpwnam is None or name is None:
        return None
    try:
        result = getpwnam(name)
    except KeyError:
        result = None
    if result is not None:
        return result[2]
    return None


def _make_tarball(base_name, base_dir, compress="gzip", verbose=0, dry_run=0,
                  owner=None, group=None, logger=None, root_dir=None):
    """Makes base_name.tar (.tar.gz, ...) holding base_dir; returns its name.
    compress is None, "gzip", "bzip2" or "xz"."""
    if compress is None:
        tar_compression = ""
    elif _ZLIB_SUPPORTED and compress == "gzip":
        tar_compression = "gz"
    elif _BZ2_SUPPORTED and compress == "bzip2":
        tar_compression = "bz2"
    elif _LZMA_SUPPORTED and compress == "xz":
        tar_compression = "xz"
    else:
        raise ValueError("bad value for 'compress', or compression format not "
                         "supported : {0}".format(compress))

    import tarfile

    compress_ext = "." + tar_compression if compress else ""
    archive_name = base_name + ".tar" + compress_ext
    archive_dir = os.path.dirname(archive_name)

    if archive_dir and not os.path.exists(archive_dir):
        if logger is not None:
            logger.info("creating %s", archive_dir)
        if not dry_run:
            os.makedirs(archive_dir)

    if logger is not None:
        logger.info("Creating tar archive")

    uid = _get_uid(owner)
    gid = _get_gid(group)

    def _set_uid_gid(tarinfo):
        if gid is not None:
            tarinfo.gid = gid
            tarinfo.gname = group
        if uid is not None:
            tarinfo.uid = uid
            tarinfo.uname = owner
        return tarinfo

    if not dry_run:
        tar = tarfile.open(archive_name, "w|%s" % tar_compression)
        arcname = base_dir
        if root_dir is not None:
            base_dir = os.path.join(root_dir, base_dir)
        try:
            tar.add(base_dir, arcname, filter=_set_uid_gid)
        finally:
            tar.close()

    if root_dir is not None:
        archive_name = os.path.abspath(archive_name)
    return archive_name


def _make_zipfile(base_name, base_dir, verbose=0, dry_run=0, logger=None,
                  owner=None, group=None, root_dir=None):
    """Makes base_name.zip holding base_dir (deflated); returns its name."""
    import zipfile

    zip_filename = base_name + ".zip"
    archive_dir = os.path.dirname(base_name)

    if archive_dir and not os.path.exists(archive_dir):
        if logger is not None:
            logger.info("creating %s", archive_dir)
        if not dry_run:
            os.makedirs(archive_dir)

    if logger is not None:
        logger.info("creating '%s' and adding '%s' to it",
                    zip_filename, base_dir)

    if not dry_run:
        with zipfile.ZipFile(zip_filename, "w",
                             compression=zipfile.ZIP_DEFLATED) as zf:
            arcname = os.path.normpath(base_dir)
            if root_dir is not None:
                base_dir = os.path.join(root_dir, base_dir)
            base_dir = os.path.normpath(base_dir)
            if arcname != os.curdir:
                zf.write(base_dir, arcname)
                if logger is not None:
                    logger.info("adding '%s'", base_dir)
            for dirpath, dirnames, filenames in os.walk(base_dir):
                arcdirpath = dirpath
                if root_dir is not None:
                    arcdirpath = os.path.relpath(arcdirpath, root_dir)
                arcdirpath = os.path.normpath(arcdirpath)
                for name in sorted(dirnames):
                    path = os.path.join(dirpath, name)
                    arcname = os.path.join(arcdirpath, name)
                    zf.write(path, arcname)
                    if logger is not None:
                        logger.info("adding '%s'", path)
                for name in filenames:
                    path = os.path.join(dirpath, name)
                    path = os.path.normpath(path)
                    if os.path.isfile(path):
                        arcname = os.path.join(arcdirpath, name)
                        zf.write(path, arcname)
                        if logger is not None:
                            logger.info("adding '%s'", path)

    if root_dir is not None:
        zip_filename = os.path.abspath(zip_filename)
    return zip_filename


_ARCHIVE_FORMATS = {
    "tar": (_make_tarball, [("compress", None)], "uncompressed tar file",
            True),
}

if _ZLIB_SUPPORTED:
    _ARCHIVE_FORMATS["gztar"] = (_make_tarball, [("compress", "gzip")],
                                 "gzip'ed tar-file", True)
    _ARCHIVE_FORMATS["zip"] = (_make_zipfile, [], "ZIP file", True)

if _BZ2_SUPPORTED:
    _ARCHIVE_FORMATS["bztar"] = (_make_tarball, [("compress", "bzip2")],
                                 "bzip2'ed tar-file", True)

if _LZMA_SUPPORTED:
    _ARCHIVE_FORMATS["xztar"] = (_make_tarball, [("compress", "xz")],
                                 "xz'ed tar-file", True)


def get_archive_formats():
    """The (name, description) pairs of the formats make_archive knows,
    sorted."""
    formats = [(name, registry[2]) for name, registry in
               _ARCHIVE_FORMATS.items()]
    formats.sort()
    return formats


def register_archive_format(name, function, extra_args=None, description=""):
    """Registers an archive format for make_archive: function(base_name,
    base_dir, **kwargs) makes it; extra_args is a sequence of (name, value)
    keyword arguments given to it."""
    if extra_args is None:
        extra_args = []
    if not callable(function):
        raise TypeError("The %s object is not callable" % function)
    if not isinstance(extra_args, (tuple, list)):
        raise TypeError("extra_args needs to be a sequence")
    for element in extra_args:
        if not isinstance(element, (tuple, list)) or len(element) != 2:
            raise TypeError("extra_args elements are : (arg_name, value)")
    _ARCHIVE_FORMATS[name] = (function, extra_args, description, False)


def unregister_archive_format(name):
    del _ARCHIVE_FORMATS[name]


def make_archive(base_name, format, root_dir=None, base_dir=None, verbose=0,
                 dry_run=0, owner=None, group=None, logger=None):
    """Makes an archive (zip, tar, gztar or a registered format) named
    base_name plus the format's extension, holding base_dir (default: the
    current directory) as seen from root_dir (default: the current
    directory). Returns the archive's name."""
    try:
        format_info = _ARCHIVE_FORMATS[format]
    except KeyError:
        raise ValueError("unknown archive format '%s'" % format) from None

    kwargs = {"dry_run": dry_run, "logger": logger,
              "owner": owner, "group": group}

    func = format_info[0]
    for arg, val in format_info[1]:
        kwargs[arg] = val

    if base_dir is None:
        base_dir = os.curdir

    # The built-in formats take root_dir as an argument; registered ones
    # are called from inside root_dir.
    save_cwd = None
    if root_dir is not None:
        stmd = os.stat(root_dir).st_mode
        if not stat.S_ISDIR(stmd):
            raise NotADirectoryError(errno.ENOTDIR, "Not a directory", root_dir)
        if format_info[3]:
            base_name = os.fspath(base_name)
            kwargs["root_dir"] = root_dir
        else:
            save_cwd = os.getcwd()
            if logger is not None:
                logger.debug("changing into '%s'", root_dir)
            base_name = os.path.abspath(base_name)
            if not dry_run:
                os.chdir(root_dir)

    try:
        filename = func(base_name, base_dir, **kwargs)
    finally:
        if save_cwd is not None:
            if logger is not None:
                logger.debug("changing back to '%s'", save_cwd)
            os.chdir(save_cwd)

    return filename


def get_unpack_formats():
    """The (name, extensions, description) triples of the formats
    unpack_archive knows, sorted."""
    formats = [(name, info[0], info[3]) for name, info in
               _UNPACK_FORMATS.items()]
    formats.sort()
    return formats


def _check_unpack_options(extensions, function, extra_args):
    """Checks what register_unpack_format was given."""
    existing_extensions = {}
    for name, info in _UNPACK_FORMATS.items():
        for ext in info[0]:
            existing_extensions[ext] = name

    for extension in extensions:
        if extension in existing_extensions:
            msg = '%s is already registered for "%s"'
            raise RegistryError(msg % (extension,
                                       existing_extensions[extension]))

    if not callable(function):
        raise TypeError("The registered function must be a callable")


def register_unpack_format(name, extensions, function, extra_args=None,
                           description=""):
    """Registers an archive format for unpack_archive: files ending in one
    of extensions are unpacked by function(filename, extract_dir,
    **dict(extra_args))."""
    if extra_args is None:
        extra_args = []
    _check_unpack_options(extensions, function, extra_args)
    _UNPACK_FORMATS[name] = extensions, function, extra_args, description


def unregister_unpack_format(name):
    """Removes the unpack format called name."""
    del _UNPACK_FORMATS[name]


def _ensure_directory(path):
    """Makes the directory that will hold path, if missing."""
    dirname = os.path.dirname(path)
    if not os.path.isdir(dirname):
        os.makedirs(dirname)


def _unpack_zipfile(filename, extract_dir):
    """Unpacks a zip file, leaving out members with absolute paths or '..'."""
    import zipfile

    if not zipfile.is_zipfile(filename):
        raise ReadError("%s is not a zip file" % filename)

    zip = zipfile.ZipFile(filename)
    try:
        for info in zip.infolist():
            name = info.filename

            if name.startswith("/") or ".." in name:
                continue

            targetpath = os.path.join(extract_dir, *name.split("/"))
            if not targetpath:
                continue

            _ensure_directory(targetpath)
            if not name.endswith("/"):
                with zip.open(name, "r") as source, \
                        open(targetpath, "wb") as target:
                    copyfileobj(source, target)
    finally:
        zip.close()


def _unpack_tarfile(filename, extract_dir, *, filter=None):
    """Unpacks a tar file, compressed or not."""
    import tarfile
    try:
        tarobj = tarfile.open(filename)
    except tarfile.TarError:
        raise ReadError(
            "%s is not a compressed or uncompressed tar file" % filename)
    try:
        tarobj.extractall(extract_dir, filter=filter)
    finally:
        tarobj.close()


_UNPACK_FORMATS = {
    "tar": ([".tar"], _unpack_tarfile, [], "uncompressed tar file"),
    "zip": ([".zip"], _unpack_zipfile, [], "ZIP file"),
}

if _ZLIB_SUPPORTED:
    _UNPACK_FORMATS["gztar"] = ([".tar.gz", ".tgz"], _unpack_tarfile, [],
                                "gzip'ed tar-file")

if _BZ2_SUPPORTED:
    _UNPACK_FORMATS["bztar"] = ([".tar.bz2", ".tbz2"], _unpack_tarfile, [],
                                "bzip2'ed tar-file")

if _LZMA_SUPPORTED:
    _UNPACK_FORMATS["xztar"] = ([".tar.xz", ".txz"], _unpack_tarfile, [],
                                "xz'ed tar-file")


def _find_unpack_format(filename):
    for name, info in _UNPACK_FORMATS.items():
        for extension in info[0]:
            if filename.endswith(extension):
                return name
    return None


def unpack_archive(filename, extract_dir=None, format=None, *, filter=None):
    """Unpacks an archive into extract_dir (default: the current
    directory). format is a registered name (zip, tar, gztar...), or None to
    go by filename's extension. filter is given to tarfile's extractall."""
    if extract_dir is None:
        extract_dir = os.getcwd()

    extract_dir = os.fspath(extract_dir)
    filename = os.fspath(filename)

    if filter is None:
        filter_kwargs = {}
    else:
        filter_kwargs = {"filter": filter}
    if format is not None:
        try:
            format_info = _UNPACK_FORMATS[format]
        except KeyError:
            raise ValueError("Unknown unpack format '{0}'".format(format)) from None

        func = format_info[1]
        func(filename, extract_dir, **dict(format_info[2]), **filter_kwargs)
    else:
        format = _find_unpack_format(filename)
        if format is None:
            raise ReadError("Unknown archive format '{0}'".format(filename))

        func = _UNPACK_FORMATS[format][1]
        kwargs = dict(_UNPACK_FORMATS[format][2])
        kwargs.update(filter_kwargs)
        func(filename, extract_dir, **kwargs)
