"""Read and write gzip files (RFC 1952) on the native zlib module.

compress()/decompress() work on bytes; open() and GzipFile read and write
files, binary or (open() with 't') text.  A file may hold several members,
read as one stream.
"""

import builtins
import io
import os
import struct
import sys
import time
import zlib

__all__ = ["BadGzipFile", "GzipFile", "open", "compress", "decompress"]

FTEXT, FHCRC, FEXTRA, FNAME, FCOMMENT = 1, 2, 4, 8, 16

READ, WRITE = 1, 2

_COMPRESS_LEVEL_FAST = 1
_COMPRESS_LEVEL_TRADEOFF = 6
_COMPRESS_LEVEL_BEST = 9

READ_BUFFER_SIZE = 128 * 1024

_EBADF = 9
_TRUNCATED = "Compressed file ended before the end-of-stream marker was reached"


class BadGzipFile(OSError):
    """Exception raised in some cases for invalid gzip files."""


def open(filename, mode="rb", compresslevel=_COMPRESS_LEVEL_BEST,
         encoding=None, errors=None, newline=None):
    """Open a gzip-compressed file in binary or text mode.

    filename is a path (str, bytes or path-like) or a file object to read
    from or write to.  mode is 'r', 'rb', 'a', 'ab', 'w', 'wb', 'x' or
    'xb' for binary, or with 't' for text (then encoding, errors and
    newline are those of io.TextIOWrapper).
    """
    if "t" in mode:
        if "b" in mode:
            raise ValueError("Invalid mode: %r" % (mode,))
    else:
        if encoding is not None:
            raise ValueError("Argument 'encoding' not supported in binary mode")
        if errors is not None:
            raise ValueError("Argument 'errors' not supported in binary mode")
        if newline is not None:
            raise ValueError("Argument 'newline' not supported in binary mode")
    gz_mode = mode.replace("t", "")
    if isinstance(filename, (str, bytes)) or hasattr(filename, "__fspath__"):
        binary_file = GzipFile(filename, gz_mode, compresslevel)
    elif hasattr(filename, "read") or hasattr(filename, "write"):
        binary_file = GzipFile(None, gz_mode, compresslevel, filename)
    else:
        raise TypeError("filename must be a str or bytes object, or a file")
    if "t" in mode:
        return io.TextIOWrapper(binary_file, encoding, errors, newline)
    return binary_file


def _xfl(compresslevel):
    # The header's "extra flags": 2 for the best compression, 4 the fastest.
    if compresslevel == _COMPRESS_LEVEL_BEST:
        return 2
    if compresslevel == _COMPRESS_LEVEL_FAST:
        return 4
    return 0


def _header(compresslevel, mtime, fname=b""):
    flags = FNAME if fname else 0
    head = b"\x1f\x8b\x08" + bytes([flags])
    head += struct.pack("<L", int(mtime) & 0xFFFFFFFF)
    head += bytes([_xfl(compresslevel), 255])
    if fname:
        head += fname + b"\x00"
    return head


class _Input:
    """Bytes read from a file object, with what was read too far kept to be
    read again (the bytes after a member's compressed data)."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.pending = b""

    def read(self, n):
        if self.pending:
            data = self.pending[:n]
            self.pending = self.pending[n:]
            return data
        return self.fileobj.read(n)

    def read_exact(self, n):
        data = b""
        while len(data) < n:
            more = self.read(n - len(data))
            if not more:
                raise EOFError(_TRUNCATED)
            data += more
        return data

    def unread(self, data):
        self.pending = data + self.pending


def _read_header(inp):
    """Reads a member's header: its mtime, None at the end of the input."""
    magic = inp.read(2)
    if magic == b"":
        return None
    if len(magic) < 2:
        magic += inp.read(1)
    if magic != b"\x1f\x8b":
        raise BadGzipFile("Not a gzipped file (%r)" % magic)
    method, flags = inp.read_exact(2)
    if method != 8:
        raise BadGzipFile("Unknown compression method")
    mtime, = struct.unpack("<L", inp.read_exact(4))
    inp.read_exact(2)  # extra flags, OS
    if flags & FEXTRA:
        size, = struct.unpack("<H", inp.read_exact(2))
        inp.read_exact(size)
    if flags & FNAME:
        while inp.read_exact(1) != b"\x00":
            pass
    if flags & FCOMMENT:
        while inp.read_exact(1) != b"\x00":
            pass
    if flags & FHCRC:
        inp.read_exact(2)
    return mtime


def _check_trailer(trailer, crc, size, detail=True):
    stored_crc, stored_size = struct.unpack("<LL", trailer)
    if stored_crc != crc:
        # Reading a file names both sums; decompress() does not.
        if not detail:
            raise BadGzipFile("CRC check failed")
        raise BadGzipFile("CRC check failed %s != %s"
                          % (hex(stored_crc), hex(crc)))
    if stored_size != (size & 0xFFFFFFFF):
        raise BadGzipFile("Incorrect length of data produced")


class _Reader:
    """The decompressed stream of every member of a file, in pieces."""

    def __init__(self, fileobj):
        self.inp = _Input(fileobj)
        self.decomp = None
        self.done = False
        self.mtime = None

    def _skip_padding(self):
        # Zero bytes may follow a member.
        while True:
            c = self.inp.read(1)
            if c != b"\x00":
                if c:
                    self.inp.unread(c)
                return

    def chunk(self, size=READ_BUFFER_SIZE):
        """Some decompressed bytes; b'' at the end."""
        while not self.done:
            if self.decomp is None:
                mtime = _read_header(self.inp)
                if mtime is None:
                    self.done = True
                    return b""
                self.mtime = mtime
                self.decomp = zlib.decompressobj(-zlib.MAX_WBITS)
                self.crc = 0
                self.size = 0
            data = self.decomp.unconsumed_tail
            if not data:
                data = self.inp.read(READ_BUFFER_SIZE)
                if not data and not self.decomp.eof:
                    raise EOFError(_TRUNCATED)
            out = self.decomp.decompress(data, size)
            self.crc = zlib.crc32(out, self.crc)
            self.size += len(out)
            if self.decomp.eof:
                self.inp.unread(self.decomp.unused_data)
                _check_trailer(self.inp.read_exact(8), self.crc, self.size)
                self.decomp = None
                self._skip_padding()
            if out:
                return out
        return b""


class GzipFile(io.BufferedIOBase):
    """A file object reading or writing a gzip file, as the built-in file
    objects do (not seekable backwards when writing)."""

    myfileobj = None

    def __init__(self, filename=None, mode=None,
                 compresslevel=_COMPRESS_LEVEL_BEST, fileobj=None, mtime=None):
        if mode and ("t" in mode or "U" in mode):
            raise ValueError("Invalid mode: {!r}".format(mode))
        if mode and "b" not in mode:
            mode += "b"
        if fileobj is None:
            fileobj = self.myfileobj = builtins.open(filename, mode or "rb")
        if filename is None:
            filename = getattr(fileobj, "name", "")
            if not isinstance(filename, (str, bytes)):
                filename = ""
        else:
            filename = os.fspath(filename)
        if mode is None:
            mode = getattr(fileobj, "mode", "rb")
        if mode.startswith("r"):
            self.mode = READ
            self._reader = _Reader(fileobj)
            self._buf = b""
            self._pos = 0
            self.name = filename
        elif mode.startswith(("w", "a", "x")):
            self.mode = WRITE
            self.name = filename
            self.crc = 0
            self.size = 0
            self._write_mtime = mtime
            self.compress = zlib.compressobj(compresslevel, zlib.DEFLATED,
                                             -zlib.MAX_WBITS,
                                             zlib.DEF_MEM_LEVEL, 0)
        else:
            raise ValueError("Invalid mode: {!r}".format(mode))
        self.fileobj = fileobj
        self.offset = 0
        if self.mode == WRITE:
            self._write_gzip_header(compresslevel)

    @property
    def mtime(self):
        """Last modification time read from the stream, or None."""
        reader = getattr(self, "_reader", None)
        return None if reader is None else reader.mtime

    def __repr__(self):
        s = repr(self.fileobj)
        return "<gzip " + s[1:-1] + " " + hex(id(self)) + ">"

    def _write_gzip_header(self, compresslevel):
        fname = os.path.basename(self.name)
        if not isinstance(fname, bytes):
            try:
                fname = fname.encode("latin-1")
            except UnicodeEncodeError:
                fname = b""
        if fname.endswith(b".gz"):
            fname = fname[:-3]
        mtime = self._write_mtime
        if mtime is None:
            mtime = time.time()
        self.fileobj.write(_header(compresslevel, mtime, fname))

    def _check_not_closed(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file")

    def write(self, data):
        self._check_not_closed()
        if self.mode != WRITE:
            raise OSError(_EBADF, "write() on read-only GzipFile object")
        if isinstance(data, (bytes, bytearray)):
            length = len(data)
        else:
            data = memoryview(data)
            length = data.nbytes
        if length > 0:
            self.fileobj.write(self.compress.compress(data))
            self.size += length
            self.crc = zlib.crc32(data, self.crc)
            self.offset += length
        return length

    def _fill(self, want):
        # Decompress until `want` bytes are buffered (all if want < 0).
        while want < 0 or len(self._buf) - self._pos < want:
            more = self._reader.chunk()
            if not more:
                break
            self._buf = self._buf[self._pos:] + more
            self._pos = 0

    def _check_read(self, what):
        self._check_not_closed()
        if self.mode != READ:
            raise OSError(_EBADF, what + "() on write-only GzipFile object")

    def read(self, size=-1):
        self._check_read("read")
        if size is None:
            size = -1
        self._fill(size)
        if size < 0:
            data = self._buf[self._pos:]
        else:
            data = self._buf[self._pos:self._pos + size]
        self._pos += len(data)
        self.offset += len(data)
        return data

    def read1(self, size=-1):
        """Up to size bytes, decompressing at most once."""
        self._check_read("read1")
        if size < 0:
            size = READ_BUFFER_SIZE
        if self._pos >= len(self._buf):
            self._fill(1)
        data = self._buf[self._pos:self._pos + size]
        self._pos += len(data)
        self.offset += len(data)
        return data

    def readinto(self, b):
        data = self.read(len(b))
        b[:len(data)] = data
        return len(data)

    def peek(self, n):
        self._check_read("peek")
        self._fill(max(n, 1))
        return self._buf[self._pos:]

    def readline(self, size=-1):
        self._check_not_closed()
        if size is None:
            size = -1
        line = b""
        while size < 0 or len(line) < size:
            if self._pos >= len(self._buf):
                self._fill(1)
                if self._pos >= len(self._buf):
                    break
            end = self._buf.find(b"\n", self._pos)
            stop = len(self._buf) if end < 0 else end + 1
            if size >= 0:
                stop = min(stop, self._pos + size - len(line))
            line += self._buf[self._pos:stop]
            self._pos = stop
            if line.endswith(b"\n"):
                break
        self.offset += len(line)
        return line

    def __iter__(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        if self.fileobj is None:
            raise ValueError("I/O operation on closed file.")
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def closed(self):
        return self.fileobj is None

    def close(self):
        fileobj = self.fileobj
        if fileobj is None:
            return
        self.fileobj = None
        try:
            if self.mode == WRITE:
                fileobj.write(self.compress.flush())
                fileobj.write(struct.pack("<LL", self.crc,
                                          self.size & 0xFFFFFFFF))
        finally:
            myfileobj = self.myfileobj
            if myfileobj:
                self.myfileobj = None
                myfileobj.close()

    def flush(self, zlib_mode=zlib.Z_SYNC_FLUSH):
        self._check_not_closed()
        if self.mode == WRITE:
            self.fileobj.write(self.compress.flush(zlib_mode))
            self.fileobj.flush()

    def fileno(self):
        return self.fileobj.fileno()

    def rewind(self):
        """Return the uncompressed stream file position indicator to the
        beginning of the file."""
        if self.mode != READ:
            raise OSError("Can't rewind in write mode")
        self.fileobj.seek(0)
        self._reader = _Reader(self.fileobj)
        self._buf = b""
        self._pos = 0
        self.offset = 0

    def readable(self):
        return self.mode == READ

    def writable(self):
        return self.mode == WRITE

    def seekable(self):
        return True

    def tell(self):
        self._check_not_closed()
        return self.offset

    def seek(self, offset, whence=io.SEEK_SET):
        if self.mode == WRITE:
            if whence != io.SEEK_SET:
                if whence == io.SEEK_CUR:
                    offset = self.offset + offset
                else:
                    raise ValueError("Seek from end not supported")
            if offset < self.offset:
                raise OSError("Negative seek in write mode")
            self.write(b"\x00" * (offset - self.offset))
        elif self.mode == READ:
            self._check_not_closed()
            if whence == io.SEEK_CUR:
                offset = self.offset + offset
            elif whence == io.SEEK_END:
                raise ValueError("Seek from end not supported")
            if offset < self.offset:
                self.rewind()
            while self.offset < offset:
                if not self.read(min(offset - self.offset, READ_BUFFER_SIZE)):
                    break
        return self.offset


def compress(data, compresslevel=_COMPRESS_LEVEL_BEST, *, mtime=None):
    """Compress data in one shot and return the compressed string.

    compresslevel sets the compression level in range of 0-9.
    mtime can be used to set the modification time; the current time is
    used by default.
    """
    data = bytes(data)
    if mtime == 0:
        # CPython lets zlib write the whole gzip stream then: its header
        # says Unix and marks levels 0 and 1 as fast.
        return zlib.compress(data, compresslevel, 16 + zlib.MAX_WBITS)
    if mtime is None:
        mtime = time.time()
    body = zlib.compress(data, compresslevel, -zlib.MAX_WBITS)
    trailer = struct.pack("<LL", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return _header(compresslevel, mtime) + body + trailer


def decompress(data):
    """Decompress a gzip compressed string in one shot.
    Return the decompressed string.
    """
    inp = _Input(io.BytesIO(bytes(data)))
    members = []
    while True:
        if _read_header(inp) is None:
            return b"".join(members)
        d = zlib.decompressobj(-zlib.MAX_WBITS)
        out = d.decompress(inp.read(len(data)))
        if not d.eof or len(d.unused_data) < 8:
            raise EOFError(_TRUNCATED)
        _check_trailer(d.unused_data[:8], zlib.crc32(out), len(out), False)
        members.append(out)
        rest = d.unused_data[8:].lstrip(b"\x00")
        inp.unread(rest)


def main():
    """`gilpy -m gzip [-d] [--fast|--best] [file ...]`: compress each file
    to FILE.gz (or decompress FILE.gz to FILE), keeping the input; '-' or
    no file means standard input to standard output."""
    from argparse import ArgumentParser
    parser = ArgumentParser(description=(
        "A simple command line interface for the gzip module: act like "
        "gzip, but do not delete the input file."))
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--fast", action="store_true", help="compress faster")
    group.add_argument("--best", action="store_true", help="compress better")
    group.add_argument("-d", "--decompress", action="store_true",
                       help="act like gunzip instead of gzip")
    parser.add_argument("args", nargs="*", default=["-"], metavar="file")
    args = parser.parse_args()

    level = _COMPRESS_LEVEL_TRADEOFF
    if args.fast:
        level = _COMPRESS_LEVEL_FAST
    elif args.best:
        level = _COMPRESS_LEVEL_BEST

    for arg in args.args:
        if args.decompress:
            if arg == "-":
                source = GzipFile(filename="", mode="rb",
                                  fileobj=sys.stdin.buffer)
                target = sys.stdout.buffer
            else:
                if arg[-3:] != ".gz":
                    sys.exit("filename doesn't end in .gz: %r" % (arg,))
                source = open(arg, "rb")
                target = builtins.open(arg[:-3], "wb")
        else:
            if arg == "-":
                source = sys.stdin.buffer
                target = GzipFile(filename="", mode="wb",
                                  fileobj=sys.stdout.buffer,
                                  compresslevel=level)
            else:
                source = builtins.open(arg, "rb")
                target = open(arg + ".gz", "wb", compresslevel=level)
        while True:
            chunk = source.read(READ_BUFFER_SIZE)
            if not chunk:
                break
            target.write(chunk)
        if target is not sys.stdout.buffer:
            target.close()
        if source is not sys.stdin.buffer:
            source.close()


if __name__ == "__main__":
    main()
