"""Sockets: the `socket` class (a subclass of the native `_socket.socket`),
the constants as small int enumerations, `create_connection`,
`create_server`, `socketpair`, `getfqdn`, and `makefile()`, which gives a
buffered file object (binary or text) over the socket's recv and sendall.

Unlike CPython's, `makefile()` does not use the `io` module: the file
objects are this module's own classes, with the usual methods (read,
read1, readline, readlines, readinto, write, writelines, flush, close,
iteration) and attributes (closed, mode, name).
"""

import _socket
from _socket import *

import os
import sys

_GLOBAL_DEFAULT_TIMEOUT = object()

EBADF = 9
EAGAIN = 11
EWOULDBLOCK = 11

# bytes.find may be missing; with latin-1 each byte is one character at the
# same index, so a str search gives the same answer.
if hasattr(b"", "find"):
    def _bfind(data, sub, start=0):
        return data.find(sub, start)
else:
    def _bfind(data, sub, start=0):
        return bytes(data).decode("latin-1").find(sub.decode("latin-1"), start)


# ---------------------------------------------------------------------------
# Enumerations of the constants, shaped like IntEnum members: equal to their
# value, printed by str() as the number, by repr() as <Class.NAME: value>.

class _IntConstants(int):
    _member_map_ = None
    _value2member_map_ = None

    def __new__(cls, value):
        members = cls._value2member_map_
        if members is not None and value in members:
            return members[value]
        raise ValueError("%r is not a valid %s" % (value, cls.__qualname__))

    @classmethod
    def _add(cls, name, value):
        member = int.__new__(cls, value)
        member._name_ = name
        member._value_ = value
        if cls._member_map_ is None:
            cls._member_map_ = {}
            cls._value2member_map_ = {}
        cls._member_map_[name] = member
        cls._value2member_map_.setdefault(value, member)
        return member

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        return "<%s.%s: %d>" % (type(self).__name__, self._name_, self._value_)

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __reduce__(self):
        return (type(self), (self._value_,))


class AddressFamily(_IntConstants):
    pass


class SocketKind(_IntConstants):
    pass


class MsgFlag(_IntConstants):
    pass


class AddressInfo(_IntConstants):
    pass


def _convert_constants(klass, prefix, exclude=()):
    g = globals()
    for name in sorted(dir(_socket)):
        if name.startswith(prefix) and name not in exclude:
            value = getattr(_socket, name)
            if type(value) is int:
                g[name] = klass._add(name, value)


_convert_constants(AddressFamily, "AF_")
_convert_constants(SocketKind, "SOCK_")
_convert_constants(MsgFlag, "MSG_")
_convert_constants(AddressInfo, "AI_")


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


# ---------------------------------------------------------------------------

class socket(_socket.socket):
    """A socket object: as `_socket.socket`, plus a context manager,
    `accept()` returning a socket, `makefile()` and enum-valued
    `family` and `type`."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, "_closed", False)
        text = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__,
            self.__class__.__qualname__,
            " [closed]" if closed else "",
            self.fileno(),
            self.family,
            self.type,
            self.proto,
        )
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    text += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    text += ", raddr=%s" % str(raddr)
            except error:
                pass
        return text + ">"

    def __getstate__(self):
        raise TypeError("cannot pickle %r object" % self.__class__.__name__)

    def dup(self):
        """A new socket object on a duplicate of this one's descriptor."""
        fd = dup(self.fileno())
        sock = self.__class__(self.family, self.type, self.proto, fileno=fd)
        sock.settimeout(self.gettimeout())
        return sock

    def accept(self):
        """Waits for a connection: `(socket, address)`."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *,
                 encoding=None, errors=None, newline=None):
        """A file object reading from and writing to the socket. Closing
        the socket waits until every file made this way is closed."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        writing = "w" in mode
        reading = "r" in mode or not writing
        assert reading or writing
        binary = "b" in mode
        rawmode = ""
        if reading:
            rawmode += "r"
        if writing:
            rawmode += "w"
        raw = SocketIO(self, rawmode)
        self._io_refs += 1
        if buffering is None:
            buffering = -1
        if buffering < 0:
            buffering = _DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if not binary:
                raise ValueError("unbuffered streams must be binary")
            return raw
        buffer = _BufferedSocketFile(raw, reading, writing, buffering)
        if binary:
            return buffer
        text = _TextSocketFile(buffer, encoding, errors, newline)
        text.mode = mode
        return text

    def sendfile(self, file, offset=0, count=None):
        """Sends a file's contents (read in blocks and sent with sendall)."""
        if "b" not in getattr(file, "mode", "b"):
            raise ValueError("file should be opened in binary mode")
        if not self.type & SOCK_STREAM:
            raise ValueError("only SOCK_STREAM type sockets are supported")
        if count is not None:
            if not isinstance(count, int):
                raise TypeError(
                    "count must be a positive integer (got {!r})".format(count))
            if count <= 0:
                raise ValueError(
                    "count must be a positive integer (got {!r})".format(count))
        if offset:
            file.seek(offset)
        blocksize = min(count, 8192) if count else 8192
        total_sent = 0
        try:
            while True:
                if count:
                    blocksize = min(count - total_sent, blocksize)
                    if blocksize <= 0:
                        break
                data = file.read(blocksize)
                if not data:
                    break
                self.sendall(data)
                total_sent += len(data)
            return total_sent
        finally:
            if total_sent > 0 and hasattr(file, "seek"):
                file.seek(offset + total_sent)

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """Gives up the descriptor without closing it and returns it."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """The address family, e.g. `AddressFamily.AF_INET`."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """The socket type, e.g. `SocketKind.SOCK_STREAM`."""
        return _intenum_converter(super().type, SocketKind)

    def get_inheritable(self):
        return False

    def set_inheritable(self, inheritable):
        if inheritable:
            raise OSError("inheritable sockets are not supported")


SocketType = _socket.socket
error = OSError
timeout = TimeoutError


def fromfd(fd, family, type, proto=0):
    """A socket on a duplicate of descriptor `fd`."""
    nfd = dup(fd)
    return socket(family, type, proto, nfd)


def socketpair(family=None, type=SOCK_STREAM, proto=0):
    """Two connected sockets (AF_UNIX by default)."""
    if family is None:
        family = AF_UNIX
    a, b = _socket.socketpair(family, type, proto)
    a = socket(family, type, proto, a.detach())
    b = socket(family, type, proto, b.detach())
    return a, b


_DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    __module__ = "io"


_UnsupportedOperation = UnsupportedOperation
del UnsupportedOperation


class SocketIO:
    """The raw file object of `makefile(buffering=0)`: each read is one
    recv, each write one send."""

    def __init__(self, sock, mode):
        if mode not in ("r", "w", "rw", "rb", "wb", "rwb"):
            raise ValueError("invalid mode: %r" % mode)
        self._sock = sock
        if "b" not in mode:
            mode += "b"
        self._mode = mode
        self._reading = "r" in mode
        self._writing = "w" in mode
        self._timeout_occurred = False
        self._closed = False

    @property
    def closed(self):
        return self._closed

    def _checkClosed(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _checkReadable(self):
        if not self._reading:
            raise _UnsupportedOperation("File or stream is not readable.")

    def _checkWritable(self):
        if not self._writing:
            raise _UnsupportedOperation("File or stream is not writable.")

    def readinto(self, b):
        """Receives into buffer `b`: the number of bytes (0 at the end,
        None if a non-blocking socket has nothing)."""
        self._checkClosed()
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv_into(b)
        except timeout:
            self._timeout_occurred = True
            raise
        except error as e:
            if e.errno == EAGAIN:
                return None
            raise

    def read(self, size=-1):
        if size is None or size < 0:
            return self.readall()
        self._checkClosed()
        self._checkReadable()
        if self._timeout_occurred:
            raise OSError("cannot read from timed out object")
        try:
            return self._sock.recv(size)
        except timeout:
            self._timeout_occurred = True
            raise
        except error as e:
            if e.errno == EAGAIN:
                return None
            raise

    def readall(self):
        out = bytearray()
        while True:
            data = self.read(_DEFAULT_BUFFER_SIZE)
            if data is None:
                if out:
                    break
                return None
            if not data:
                break
            out += data
        return bytes(out)

    def readline(self, size=-1):
        out = bytearray()
        while size is None or size < 0 or len(out) < size:
            b = self.read(1)
            if not b:
                break
            out += b
            if b == b"\n":
                break
        return bytes(out)

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def write(self, b):
        """Sends what one send() takes of `b`; the number of bytes sent."""
        self._checkClosed()
        self._checkWritable()
        try:
            return self._sock.send(b)
        except error as e:
            if e.errno == EAGAIN:
                return None
            raise

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._checkClosed()

    def readable(self):
        self._checkClosed()
        return self._reading

    def writable(self):
        self._checkClosed()
        return self._writing

    def seekable(self):
        self._checkClosed()
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        self._checkClosed()
        return self._sock.fileno()

    @property
    def name(self):
        if not self._closed:
            return self.fileno()
        return -1

    @property
    def mode(self):
        return self._mode

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._sock._decref_socketios()
        self._sock = None

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __repr__(self):
        return "<socket.SocketIO name=%r>" % (self.name,)


def _readlines(f, hint):
    if hint is None or hint <= 0:
        return list(f)
    n = 0
    lines = []
    for line in f:
        lines.append(line)
        n += len(line)
        if n >= hint:
            break
    return lines


class _BufferedSocketFile:
    """Binary `makefile()` object: a read buffer filled by recv (at least
    `buffer_size` bytes at a time) and a write buffer sent with sendall."""

    def __init__(self, raw, reading, writing, buffer_size):
        self.raw = raw
        self._reading = reading
        self._writing = writing
        self._size = buffer_size
        self._rbuf = b""
        self._rpos = 0
        self._wbuf = bytearray()
        self._eof = False

    @property
    def closed(self):
        return self.raw.closed

    @property
    def name(self):
        return self.raw.name

    @property
    def mode(self):
        return self.raw.mode

    def _checkClosed(self, what="I/O operation on closed file."):
        if self.raw.closed:
            raise ValueError(what)

    def _checkReadable(self, op="read"):
        if not self._reading:
            raise _UnsupportedOperation("read" if op == "readline" else op)
        self._checkClosed("%s of closed file" % op)

    def _checkWritable(self):
        if not self._writing:
            raise _UnsupportedOperation("write")
        self._checkClosed("write to closed file")

    def _available(self):
        return len(self._rbuf) - self._rpos

    def _take(self, n):
        end = self._rpos + n
        data = self._rbuf[self._rpos:end]
        self._rpos = end
        return data

    def _fill(self, want=0):
        """One recv into the buffer; False at the end of the stream, None
        when a non-blocking socket has nothing."""
        size = want if want > self._size else self._size
        data = self.raw.read(size)
        if data is None:
            return None
        if not data:
            self._eof = True
            return False
        if self._rpos >= len(self._rbuf):
            self._rbuf = data
        else:
            self._rbuf = self._rbuf[self._rpos:] + data
        self._rpos = 0
        return True

    def read(self, size=-1):
        """At most `size` bytes (everything to the end if negative); blocks
        until that many arrive or the stream ends."""
        self._checkReadable()
        if size is None or size < 0:
            out = bytearray(self._take(self._available()))
            while True:
                data = self.raw.read(self._size if self._size > 65536 else 65536)
                if data is None:
                    if out:
                        break
                    return None
                if not data:
                    break
                out += data
            return bytes(out)
        while self._available() < size:
            got = self._fill(size - self._available())
            if not got:
                if got is None and not self._available():
                    return None
                break
        return self._take(size)

    def read1(self, size=-1):
        """What is buffered, or else the result of one recv."""
        self._checkReadable("read1")
        if size is None or size < 0:
            size = self._size
        if size == 0:
            return b""
        if not self._available():
            data = self.raw.read(size)
            return data if data is not None else b""
        return self._take(min(size, self._available()))

    def peek(self, size=0):
        self._checkReadable("peek")
        if not self._available():
            self._fill()
        return self._rbuf[self._rpos:]

    def readinto(self, b):
        self._checkReadable("readinto")
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readinto1(self, b):
        self._checkReadable("readinto")
        data = self.read1(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        """One line, up to and including b'\\n' (at most `size` bytes)."""
        # A read-write file says "peek", as CPython's BufferedRWPair does.
        self._checkReadable("peek" if self._writing and self._reading else "readline")
        if size is None:
            size = -1
        start = self._rpos
        while True:
            i = _bfind(self._rbuf, b"\n", start)
            if i >= 0:
                n = i + 1 - self._rpos
                break
            if 0 <= size <= self._available():
                n = size
                break
            start = len(self._rbuf) - self._rpos
            if not self._fill():
                n = self._available()
                break
            # The buffer was rebuilt from the unread part: search the new data.
        if 0 <= size < n:
            n = size
        return self._take(n)

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, b):
        """Buffers `b` (sent when the buffer fills or on flush)."""
        self._checkWritable()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        n = len(memoryview(b))
        self._wbuf += b
        if len(self._wbuf) >= self._size:
            self._flush_unlocked()
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def _flush_unlocked(self):
        if self._wbuf:
            data = bytes(self._wbuf)
            self._wbuf = bytearray()
            self.raw._sock.sendall(data)

    def flush(self):
        if self._writing:
            self._checkClosed("flush of closed file")
            self._flush_unlocked()
        else:
            self._checkClosed()

    def readable(self):
        if not self._reading:
            return False
        self._checkClosed("I/O operation on closed socket.")
        return True

    def writable(self):
        if not self._writing:
            return False
        self._checkClosed("I/O operation on closed socket.")
        return True

    def seekable(self):
        self._checkClosed()
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        self._checkClosed()
        return self.raw.fileno()

    def detach(self):
        self.flush()
        raw = self.raw
        self.raw = None
        return raw

    def close(self):
        if self.raw is None or self.raw.closed:
            return
        try:
            if self._writing:
                self._flush_unlocked()
        finally:
            self.raw.close()

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        if self._reading and self._writing:
            kind = "BufferedRWPair"
            return "<_io.BufferedRWPair object at %#x>" % id(self)
        kind = "BufferedReader" if self._reading else "BufferedWriter"
        return "<_io.%s name=%r>" % (kind, self.name)


def _utf8_cut(data):
    """How many bytes at the end of `data` start an incomplete UTF-8
    character (to keep for the next chunk)."""
    n = len(data)
    i = n - 1
    while i >= 0 and i >= n - 4:
        b = data[i]
        if b < 0x80:
            return 0
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
            return n - i if n - i < need else 0
        i -= 1
    return 0


class _TextSocketFile:
    """Text `makefile()` object: decodes what the binary file reads and
    encodes what it writes, with the newline translation of `open()`."""

    def __init__(self, buffer, encoding, errors, newline):
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %r" % (newline,))
        if encoding is None:
            encoding = "UTF-8"
        if errors is None:
            errors = "strict"
        self.buffer = buffer
        self.encoding = encoding
        self.errors = errors
        self._newline = newline
        self._utf8 = encoding.lower().replace("_", "-") in ("utf-8", "utf8")
        self._pending = b""
        self._text = ""
        self._pos = 0
        self._eof = False
        self.mode = "r"
        self.newlines = None

    @property
    def closed(self):
        return self.buffer.closed

    @property
    def name(self):
        return self.buffer.name

    def _checkClosed(self):
        if self.buffer.closed:
            raise ValueError("I/O operation on closed file.")

    def _checkReadable(self):
        self._checkClosed()
        if not self.buffer._reading:
            raise _UnsupportedOperation("not readable")

    def _checkWritable(self):
        self._checkClosed()
        if not self.buffer._writing:
            raise _UnsupportedOperation("not writable")

    def _decode_more(self):
        """Decodes one more chunk into the text buffer; False at the end."""
        if self._eof:
            return False
        data = self.buffer.read1(_DEFAULT_BUFFER_SIZE)
        if not data:
            self._eof = True
            data = self._pending
            self._pending = b""
            text = data.decode(self.encoding, self.errors) if data else ""
        else:
            data = self._pending + data
            cut = _utf8_cut(data) if self._utf8 else 0
            if cut:
                self._pending = data[len(data) - cut:]
                data = data[:len(data) - cut]
            else:
                self._pending = b""
            text = data.decode(self.encoding, self.errors)
        rest = self._text[self._pos:]
        if self._newline is None:
            text = rest + text
            # A final '\r' may be half of a '\r\n' split between chunks.
            if not self._eof and text.endswith("\r"):
                text = text[:-1]
                self._pending = b"\r" + self._pending
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        else:
            text = rest + text
        self._text = text
        self._pos = 0
        return not self._eof or bool(text)

    def read(self, size=-1):
        self._checkReadable()
        if size is None or size < 0:
            while self._decode_more():
                pass
            text = self._text[self._pos:]
            self._text = ""
            self._pos = 0
            return text
        while len(self._text) - self._pos < size:
            if not self._decode_more():
                break
        text = self._text[self._pos:self._pos + size]
        self._pos += len(text)
        return text

    def _line_end(self, start):
        """Where the first line in the text buffer ends, or -1."""
        text = self._text
        nl = self._newline
        if nl is None or nl == "\n":
            i = text.find("\n", start)
            return i + 1 if i >= 0 else -1
        if nl == "\r\n" or nl == "\r":
            i = text.find(nl, start)
            return i + len(nl) if i >= 0 else -1
        # newline='': any of '\n', '\r', '\r\n' ends a line, untranslated.
        i = text.find("\n", start)
        j = text.find("\r", start)
        if j >= 0 and (i < 0 or j < i):
            if j + 1 < len(text):
                return j + 2 if text[j + 1] == "\n" else j + 1
            return -1 if not self._eof else j + 1
        return i + 1 if i >= 0 else -1

    def readline(self, size=-1):
        self._checkReadable()
        if size is None:
            size = -1
        while True:
            end = self._line_end(self._pos)
            if end >= 0:
                break
            if 0 <= size <= len(self._text) - self._pos:
                end = self._pos + size
                break
            if not self._decode_more():
                end = len(self._text)
                break
        if 0 <= size < end - self._pos:
            end = self._pos + size
        line = self._text[self._pos:end]
        self._pos = end
        return line

    def readlines(self, hint=-1):
        return _readlines(self, hint)

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, s):
        self._checkWritable()
        if not isinstance(s, str):
            raise TypeError("write() argument must be str, not %s"
                            % type(s).__name__)
        n = len(s)
        text = s
        if self._newline not in (None, "", "\n"):
            text = text.replace("\n", self._newline)
        self.buffer.write(text.encode(self.encoding, self.errors))
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._checkClosed()
        self.buffer.flush()

    def readable(self):
        return self.buffer.readable()

    def writable(self):
        return self.buffer.writable()

    def seekable(self):
        return self.buffer.seekable()

    def isatty(self):
        return self.buffer.isatty()

    def fileno(self):
        return self.buffer.fileno()

    def detach(self):
        buffer = self.buffer
        self.buffer.flush()
        return buffer

    def close(self):
        if not self.buffer.closed:
            self.buffer.close()

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<_io.TextIOWrapper name=%r mode=%r encoding=%r>" % (
            self.name, self.mode, self.encoding)


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """Resolves `host` and `port` into a list of
    `(family, type, proto, canonname, sockaddr)` tuples."""
    result = []
    for res in _socket.getaddrinfo(host, port, family, type, proto, flags):
        af, socktype, proto, canonname, sa = res
        result.append((_intenum_converter(af, AddressFamily),
                       _intenum_converter(socktype, SocketKind),
                       proto, canonname, sa))
    return result


def getfqdn(name=""):
    """The fully qualified domain name of `name` (this host by default)."""
    name = name.strip()
    if not name or name in ("0.0.0.0", "::"):
        name = gethostname()
    try:
        hostname, aliases, ipaddrs = gethostbyaddr(name)
    except error:
        pass
    else:
        aliases.insert(0, hostname)
        for candidate in aliases:
            if "." in candidate:
                return candidate
        name = hostname
    return name


def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT,
                      source_address=None, *, all_errors=False):
    """Connects to `(host, port)`, trying each address the name resolves
    to in turn; the first error is raised if none accepts."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if exceptions:
        try:
            if not all_errors:
                raise exceptions[0]
            raise ExceptionGroup("create_connection failed", exceptions)
        finally:
            exceptions = []
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    """Whether one AF_INET6 socket can accept IPv4 connections too."""
    try:
        with socket(AF_INET6, SOCK_STREAM) as sock:
            sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            return True
    except error:
        return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """A TCP socket bound to `address` and listening (SO_REUSEADDR set)."""
    if reuse_port and not hasattr(_socket, "SO_REUSEPORT"):
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        if not has_dualstack_ipv6():
            raise ValueError("dualstack_ipv6 not supported on this platform")
        if family != AF_INET6:
            raise ValueError("dualstack_ipv6 requires AF_INET6 family")
    sock = socket(family, SOCK_STREAM)
    try:
        try:
            sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        except error:
            pass
        if reuse_port:
            sock.setsockopt(SOL_SOCKET, SO_REUSEPORT, 1)
        if has_ipv6 and family == AF_INET6:
            if dualstack_ipv6:
                sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 0)
            else:
                try:
                    sock.setsockopt(IPPROTO_IPV6, IPV6_V6ONLY, 1)
                except error:
                    pass
        try:
            sock.bind(address)
        except error as err:
            msg = "%s (while attempting to bind on address %r)" % (
                err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise
