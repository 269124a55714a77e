"""Connections between processes: `Pipe()` gives two `Connection` objects
that send pickled objects (or raw byte messages) as length-prefixed
messages over a pipe or a socket pair."""

import os
import select
import struct
import time

from . import reduction
from .context import BufferTooShort

__all__ = ['Connection', 'Pipe', 'wait']

_HEADER = struct.Struct('!i')
_BIG = struct.Struct('!Q')


class Connection:
    """A connection end: a file descriptor, readable and/or writable."""

    def __init__(self, handle, readable=True, writable=True):
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if getattr(self, '_handle', None) is not None:
            try:
                os.close(self._handle)
            except OSError:
                pass
            self._handle = None

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    @property
    def closed(self):
        return self._handle is None

    @property
    def readable(self):
        return self._readable

    @property
    def writable(self):
        return self._writable

    def fileno(self):
        self._check_closed()
        return self._handle

    def close(self):
        if self._handle is not None:
            try:
                os.close(self._handle)
            finally:
                self._handle = None

    def _send(self, buf):
        view = memoryview(buf)
        while view:
            n = os.write(self._handle, view)
            view = view[n:]

    def _send_message(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            header = _HEADER.pack(-1) + _BIG.pack(n)
        else:
            header = _HEADER.pack(n)
        if n < 16384:
            self._send(header + bytes(buf))
        else:
            self._send(header)
            self._send(buf)

    def _recv(self, size):
        if size == 0:
            return b''
        # Mostly the whole message comes in one read.
        chunk = os.read(self._handle, size)
        if len(chunk) == size:
            return chunk
        if not chunk:
            raise EOFError
        parts = [chunk]
        remaining = size - len(chunk)
        while remaining > 0:
            chunk = os.read(self._handle, remaining)
            if not chunk:
                raise OSError("got end of file during message")
            parts.append(chunk)
            remaining -= len(chunk)
        return b''.join(parts)

    def _recv_message(self, maxsize=None):
        size, = _HEADER.unpack(self._recv(4))
        if size == -1:
            size, = _BIG.unpack(self._recv(8))
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def send_bytes(self, buf, offset=0, size=None):
        self._check_closed()
        self._check_writable()
        m = memoryview(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        self._send_message(m[offset:offset + size])

    def send(self, obj):
        self._check_closed()
        self._check_writable()
        self._send_message(reduction.dumps(obj))

    def recv_bytes(self, maxlength=None):
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_message(maxlength)
        if buf is None:
            self.close()
            raise OSError("bad message length")
        return buf

    def recv_bytes_into(self, buf, offset=0):
        self._check_closed()
        self._check_readable()
        data = self._recv_message()
        m = memoryview(buf)
        if offset < 0 or offset > len(m):
            raise ValueError("negative offset" if offset < 0 else "offset too large")
        if offset + len(data) > len(m):
            raise BufferTooShort(data)
        m[offset:offset + len(data)] = data
        return len(data)

    def recv(self):
        self._check_closed()
        self._check_readable()
        return reduction.loads(self._recv_message())

    def poll(self, timeout=0.0):
        self._check_closed()
        self._check_readable()
        return bool(wait([self], timeout))

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


def Pipe(duplex=True):
    """Returns two connection ends (both ways when `duplex`, else the first
    only receives and the second only sends)."""
    if duplex:
        import socket
        s1, s2 = socket.socketpair()
        c1 = Connection(s1.detach())
        c2 = Connection(s2.detach())
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """The objects of `object_list` (connections, or anything with
    fileno(), or file descriptors) that are ready to read."""
    if timeout is not None and timeout < 0:
        timeout = 0
    deadline = None if timeout is None else time.monotonic() + timeout
    while True:
        try:
            ready, _, _ = select.select(object_list, [], [], timeout)
            return ready
        except InterruptedError:
            if deadline is not None:
                timeout = max(0, deadline - time.monotonic())
