"""Iterate over the lines of several files (or standard input) as one.

    import fileinput
    for line in fileinput.input():
        process(line)

input() reads the files named on the command line, or standard input when
there are none ('-' stands for it too).  filename(), lineno(),
filelineno(), isfirstline() and isstdin() tell where the last line came
from; nextfile() skips to the next file, close() ends.  With inplace, each
file is renamed to a backup and standard output is redirected to a new file
of the old name while its lines are read (the backup is deleted at the end
unless a backup extension is given).  FileInput is the class behind it.
"""

import io
import os
import sys
from types import GenericAlias

__all__ = ["input", "close", "nextfile", "filename", "lineno", "filelineno",
           "fileno", "isfirstline", "isstdin", "FileInput", "hook_compressed",
           "hook_encoded"]

_state = None


def input(files=None, inplace=False, backup="", *, mode="r", openhook=None,
          encoding=None, errors=None):
    """Return a FileInput to iterate over, kept as the module's current
    input for the module functions.
    """
    global _state
    if _state and _state._file:
        raise RuntimeError("input() already active")
    _state = FileInput(files, inplace, backup, mode=mode, openhook=openhook,
                       encoding=encoding, errors=errors)
    return _state


def _current():
    if not _state:
        raise RuntimeError("no active input()")
    return _state


def close():
    """Close the sequence."""
    global _state
    state = _state
    _state = None
    if state:
        state.close()


def nextfile():
    """Close the current file: the next line read comes from the next file."""
    return _current().nextfile()


def filename():
    """Return the name of the file being read (None before the first line)."""
    return _current().filename()


def lineno():
    """Return the number of the last line read, counted over all files."""
    return _current().lineno()


def filelineno():
    """Return the number of the last line read in its own file."""
    return _current().filelineno()


def fileno():
    """Return the file descriptor of the current file (-1 if none open)."""
    return _current().fileno()


def isfirstline():
    """Tell whether the last line read was the first of its file."""
    return _current().isfirstline()


def isstdin():
    """Tell whether the last line read came from standard input."""
    return _current().isstdin()


class FileInput:
    """FileInput([files[, inplace[, backup]]], *, mode=None, openhook=None)

    The class behind input(): iterate over the lines of the files in turn;
    its methods filename(), lineno(), filelineno(), isfirstline(),
    isstdin(), fileno(), nextfile() and close() are the module functions'.
    """

    def __init__(self, files=None, inplace=False, backup="", *, mode="r",
                 openhook=None, encoding=None, errors=None):
        if isinstance(files, str):
            files = (files,)
        elif isinstance(files, os.PathLike):
            files = (os.fspath(files),)
        else:
            if files is None:
                files = sys.argv[1:]
            if not files:
                files = ("-",)
            else:
                files = tuple(files)
        self._files = files
        self._inplace = inplace
        self._backup = backup
        self._savestdout = None
        self._output = None
        self._filename = None
        self._startlineno = 0
        self._filelineno = 0
        self._file = None
        self._reader = None
        self._isstdin = False
        self._backupfilename = None
        self._encoding = encoding
        self._errors = errors
        if mode not in ("r", "rb"):
            raise ValueError("FileInput opening mode must be 'r' or 'rb'")
        self._mode = mode
        self._write_mode = mode.replace("r", "w")
        if openhook:
            if inplace:
                raise ValueError(
                    "FileInput cannot use an opening hook in inplace mode")
            if not callable(openhook):
                raise ValueError("FileInput openhook must be callable")
        self._openhook = openhook

    def __del__(self):
        self.close()

    def close(self):
        try:
            self.nextfile()
        finally:
            self._files = ()

    def __enter__(self):
        return self

    def __exit__(self, type, value, traceback):
        self.close()

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                raise StopIteration
            self.nextfile()

    def nextfile(self):
        savestdout = self._savestdout
        self._savestdout = None
        if savestdout:
            sys.stdout = savestdout
        output = self._output
        self._output = None
        try:
            if output:
                output.close()
        finally:
            file = self._file
            self._file = None
            self._reader = None
            try:
                if file and not self._isstdin:
                    file.close()
            finally:
                backup = self._backupfilename
                self._backupfilename = None
                if backup and not self._backup:
                    try:
                        os.unlink(backup)
                    except OSError:
                        pass
                self._isstdin = False

    def readline(self):
        while True:
            line = self._readline()
            if line:
                self._filelineno += 1
                return line
            if not self._file:
                return line
            self.nextfile()

    def _readline(self):
        if self._reader is not None:
            return self._reader()
        if not self._files:
            if "b" in self._mode:
                return b""
            return ""
        self._filename = self._files[0]
        self._files = self._files[1:]
        self._startlineno = self.lineno()
        self._filelineno = 0
        self._file = None
        self._isstdin = False
        self._backupfilename = 0
        encoding = None
        if "b" not in self._mode:
            encoding = self._encoding
        if self._filename == "-":
            self._filename = "<stdin>"
            if "b" in self._mode:
                self._file = getattr(sys.stdin, "buffer", sys.stdin)
            else:
                self._file = sys.stdin
            self._isstdin = True
        elif self._inplace:
            self._open_inplace(encoding)
        elif self._openhook:
            if self._encoding is None:
                self._file = self._openhook(self._filename, self._mode)
            else:
                self._file = self._openhook(self._filename, self._mode,
                                            encoding=self._encoding,
                                            errors=self._errors)
        else:
            self._file = open(self._filename, self._mode, encoding=encoding,
                              errors=self._errors)
        self._reader = self._file.readline
        return self._reader()

    def _open_inplace(self, encoding):
        # Read the file from its backup while print() writes its new text.
        self._backupfilename = os.fspath(self._filename) + (self._backup or ".bak")
        try:
            os.unlink(self._backupfilename)
        except OSError:
            pass
        os.rename(self._filename, self._backupfilename)
        self._file = open(self._backupfilename, self._mode, encoding=encoding,
                          errors=self._errors)
        try:
            perm = os.fstat(self._file.fileno()).st_mode
        except OSError:
            self._output = open(self._filename, self._write_mode,
                                encoding=encoding, errors=self._errors)
        else:
            fd = os.open(self._filename, os.O_CREAT | os.O_WRONLY | os.O_TRUNC,
                         perm)
            self._output = os.fdopen(fd, self._write_mode, encoding=encoding,
                                     errors=self._errors)
            try:
                os.chmod(self._filename, perm)
            except OSError:
                pass
        self._savestdout = sys.stdout
        sys.stdout = self._output

    def filename(self):
        return self._filename

    def lineno(self):
        return self._startlineno + self._filelineno

    def filelineno(self):
        return self._filelineno

    def fileno(self):
        if self._file:
            try:
                return self._file.fileno()
            except ValueError:
                return -1
        return -1

    def isfirstline(self):
        return self._filelineno == 1

    def isstdin(self):
        return self._isstdin

    __class_getitem__ = classmethod(GenericAlias)


def hook_compressed(filename, mode, *, encoding=None, errors=None):
    """An openhook that opens .gz files with gzip (and .bz2 with bz2)."""
    if encoding is None and "b" not in mode:
        encoding = "locale"
    ext = os.path.splitext(filename)[1]
    if ext == ".gz":
        import gzip
        stream = gzip.open(filename, mode)
    elif ext == ".bz2":
        import bz2
        stream = bz2.BZ2File(filename, mode)
    else:
        return open(filename, mode, encoding=encoding, errors=errors)
    if "b" not in mode:
        stream = io.TextIOWrapper(stream, encoding=encoding, errors=errors)
    return stream


def hook_encoded(encoding, errors=None):
    """An openhook that opens each file with the given encoding."""
    def openhook(filename, mode):
        return open(filename, mode, encoding=encoding, errors=errors)
    return openhook


def _test():
    import getopt
    inplace = False
    backup = False
    opts, args = getopt.getopt(sys.argv[1:], "ib:")
    for o, a in opts:
        if o == "-i":
            inplace = True
        if o == "-b":
            backup = a
    for line in input(args, inplace=inplace, backup=backup):
        if line[-1:] == "\n":
            line = line[:-1]
        if line[-1:] == "\r":
            line = line[:-1]
        print("%d: %s[%d]%s %s" % (lineno(), filename(), filelineno(),
                                   isfirstline() and "*" or "", line))
    print("%d: %s[%d]" % (lineno(), filename(), filelineno()))


if __name__ == "__main__":
    _test()
