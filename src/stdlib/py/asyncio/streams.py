"""Streams: StreamReader, StreamWriter, open_connection, start_server,
on non-blocking sockets watched by the event loop."""

import socket
from asyncio import base_events as _b
from asyncio.base_events import IncompleteReadError, LimitOverrunError

__all__ = ('StreamReader', 'StreamWriter', 'open_connection', 'start_server',
           'Server')

_DEFAULT_LIMIT = 2 ** 16
_HIGH_WATER = 64 * 1024
_MAX_READ = 256 * 1024


def _nodelay(sock):
    try:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    except (AttributeError, OSError):
        pass


class _SocketTransport:
    """Moves bytes between a connected socket and a StreamReader, and
    buffers what the socket cannot take yet."""

    def __init__(self, loop, sock, reader):
        self._loop = loop
        self._sock = sock
        self._fd = sock.fileno()
        self._reader = reader
        self._buffer = bytearray()
        self._closing = False
        self._closed = False
        self._paused = False
        self._eof_written = False
        self._drain_waiters = []
        self._closed_fut = loop.create_future()
        self._extra = {'socket': sock}
        try:
            self._extra['sockname'] = sock.getsockname()
        except OSError:
            pass
        try:
            self._extra['peername'] = sock.getpeername()
        except OSError:
            pass
        reader._transport = self
        loop.add_reader(self._fd, self._read_ready)

    def get_extra_info(self, name, default=None):
        return self._extra.get(name, default)

    def _read_ready(self):
        if self._closed:
            return
        try:
            data = self._sock.recv(_MAX_READ)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._reader.set_exception(exc)
            self._force_close()
            return
        if data:
            self._reader.feed_data(data)
            if len(self._reader._buffer) > 2 * self._reader._limit:
                self.pause_reading()
        else:
            self._loop.remove_reader(self._fd)
            self._reader.feed_eof()
            if self._eof_written or self._closing:
                self._force_close()

    def pause_reading(self):
        if not self._paused and not self._closed:
            self._paused = True
            self._loop.remove_reader(self._fd)

    def resume_reading(self):
        if self._paused and not self._closed:
            self._paused = False
            self._loop.add_reader(self._fd, self._read_ready)

    def write(self, data):
        if self._closed or self._eof_written:
            return
        if not data:
            return
        if not self._buffer:
            try:
                n = self._sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            except OSError as exc:
                self._reader.set_exception(exc)
                self._force_close()
                return
            if n == len(data):
                return
            data = data[n:]
            self._loop.add_writer(self._fd, self._write_ready)
        self._buffer += data

    def _write_ready(self):
        if self._closed:
            return
        try:
            n = self._sock.send(self._buffer)
        except (BlockingIOError, InterruptedError):
            return
        except OSError as exc:
            self._loop.remove_writer(self._fd)
            self._buffer.clear()
            self._wake_drainers(exc)
            self._force_close()
            return
        del self._buffer[:n]
        if len(self._buffer) <= _HIGH_WATER // 4:
            self._wake_drainers(None)
        if not self._buffer:
            self._loop.remove_writer(self._fd)
            if self._closing:
                self._force_close()
            elif self._eof_written:
                self._sock.shutdown(socket.SHUT_WR)

    def _wake_drainers(self, exc):
        waiters, self._drain_waiters = self._drain_waiters, []
        for w in waiters:
            if not w.done():
                if exc is None:
                    w.set_result(None)
                else:
                    w.set_exception(exc)

    async def drain(self):
        if len(self._buffer) <= _HIGH_WATER or self._closed:
            return
        w = self._loop.create_future()
        self._drain_waiters.append(w)
        await w

    def write_eof(self):
        if self._eof_written or self._closed:
            return
        self._eof_written = True
        if not self._buffer:
            try:
                self._sock.shutdown(socket.SHUT_WR)
            except OSError:
                pass

    def is_closing(self):
        return self._closing or self._closed

    def close(self):
        if self._closing or self._closed:
            return
        self._closing = True
        self._loop.remove_reader(self._fd)
        if not self._buffer:
            self._loop.call_soon(self._force_close)

    def _force_close(self):
        if self._closed:
            return
        self._closed = True
        self._closing = True
        self._loop.remove_reader(self._fd)
        self._loop.remove_writer(self._fd)
        self._buffer.clear()
        self._wake_drainers(None)
        if not self._reader._eof:
            self._reader.feed_eof()
        self._sock.close()
        if not self._closed_fut.done():
            self._closed_fut.set_result(None)


class StreamReader:
    """Bytes arriving from a connection, read by coroutines."""

    def __init__(self, limit=_DEFAULT_LIMIT, loop=None):
        if limit <= 0:
            raise ValueError('Limit cannot be <= 0')
        self._limit = limit
        self._loop = _b.get_event_loop() if loop is None else loop
        self._buffer = bytearray()
        self._eof = False
        self._waiter = None
        self._exception = None
        self._transport = None

    def __repr__(self):
        info = ['StreamReader']
        if self._buffer:
            info.append(f'{len(self._buffer)} bytes')
        if self._eof:
            info.append('eof')
        return '<{}>'.format(' '.join(info))

    def exception(self):
        return self._exception

    def set_exception(self, exc):
        self._exception = exc
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_exception(exc)

    def _wakeup_waiter(self):
        waiter = self._waiter
        if waiter is not None:
            self._waiter = None
            if not waiter.cancelled():
                waiter.set_result(None)

    def set_transport(self, transport):
        self._transport = transport

    def _maybe_resume_transport(self):
        t = self._transport
        if t is not None and t._paused and len(self._buffer) <= self._limit:
            t.resume_reading()

    def feed_eof(self):
        self._eof = True
        self._wakeup_waiter()

    def at_eof(self):
        return self._eof and not self._buffer

    def feed_data(self, data):
        if not data:
            return
        self._buffer.extend(data)
        self._wakeup_waiter()

    async def _wait_for_data(self, func_name):
        if self._waiter is not None:
            raise RuntimeError(
                f'{func_name}() called while another coroutine is '
                f'already waiting for incoming data')
        t = self._transport
        if t is not None and t._paused:
            t.resume_reading()
        self._waiter = self._loop.create_future()
        try:
            await self._waiter
        finally:
            self._waiter = None

    async def readline(self):
        sep = b'\n'
        try:
            line = await self.readuntil(sep)
        except IncompleteReadError as e:
            return e.partial
        except LimitOverrunError as e:
            if self._buffer.startswith(sep, e.consumed):
                del self._buffer[:e.consumed + len(sep)]
            else:
                self._buffer.clear()
            self._maybe_resume_transport()
            raise ValueError(e.args[0])
        return line

    async def readuntil(self, separator=b'\n'):
        seplen = len(separator)
        if seplen == 0:
            raise ValueError('Separator should be at least one-byte string')
        if self._exception is not None:
            raise self._exception
        offset = 0
        while True:
            buflen = len(self._buffer)
            if buflen - offset >= seplen:
                isep = self._buffer.find(separator, offset)
                if isep != -1:
                    break
                offset = buflen + 1 - seplen
                if offset > self._limit:
                    raise LimitOverrunError(
                        'Separator is not found, and chunk exceed the limit',
                        offset)
            if self._eof:
                chunk = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(chunk, None)
            await self._wait_for_data('readuntil')
        if isep > self._limit:
            raise LimitOverrunError(
                'Separator is found, but chunk is longer than limit', isep)
        chunk = bytes(self._buffer[:isep + seplen])
        del self._buffer[:isep + seplen]
        self._maybe_resume_transport()
        return chunk

    async def read(self, n=-1):
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        if n < 0:
            blocks = []
            while True:
                block = await self.read(self._limit)
                if not block:
                    break
                blocks.append(block)
            return b''.join(blocks)
        if not self._buffer and not self._eof:
            await self._wait_for_data('read')
        data = bytes(self._buffer[:n])
        del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    async def readexactly(self, n):
        if n < 0:
            raise ValueError('readexactly size can not be less than zero')
        if self._exception is not None:
            raise self._exception
        if n == 0:
            return b''
        while len(self._buffer) < n:
            if self._eof:
                incomplete = bytes(self._buffer)
                self._buffer.clear()
                raise IncompleteReadError(incomplete, n)
            await self._wait_for_data('readexactly')
        if len(self._buffer) == n:
            data = bytes(self._buffer)
            self._buffer.clear()
        else:
            data = bytes(self._buffer[:n])
            del self._buffer[:n]
        self._maybe_resume_transport()
        return data

    def __aiter__(self):
        return self

    async def __anext__(self):
        val = await self.readline()
        if val == b'':
            raise StopAsyncIteration
        return val


class StreamWriter:
    """Writes to a connection."""

    def __init__(self, transport, protocol, reader, loop):
        self._transport = transport
        self._protocol = protocol
        self._reader = reader
        self._loop = loop

    def __repr__(self):
        return f'<StreamWriter transport={self._transport!r}>'

    @property
    def transport(self):
        return self._transport

    def write(self, data):
        self._transport.write(data)

    def writelines(self, data):
        for d in data:
            self._transport.write(d)

    def write_eof(self):
        return self._transport.write_eof()

    def can_write_eof(self):
        return True

    def close(self):
        return self._transport.close()

    def is_closing(self):
        return self._transport.is_closing()

    async def wait_closed(self):
        await self._transport._closed_fut

    def get_extra_info(self, name, default=None):
        return self._transport.get_extra_info(name, default)

    async def drain(self):
        if self._reader is not None:
            exc = self._reader.exception()
            if exc is not None:
                raise exc
        if self._transport.is_closing():
            await _b.sleep(0)
        await self._transport.drain()


def _family(host):
    if host and ':' in host:
        return socket.AF_INET6
    return socket.AF_INET


async def open_connection(host=None, port=None, *, limit=_DEFAULT_LIMIT, **kwds):
    """Connect to host:port; a (StreamReader, StreamWriter) pair."""
    loop = _b.get_running_loop()
    sock = kwds.get('sock')
    if sock is None:
        infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
        exc = None
        for family, type_, proto, _, addr in infos:
            sock = socket.socket(family, type_, proto)
            sock.setblocking(False)
            try:
                await loop.sock_connect(sock, addr)
                break
            except OSError as e:
                exc = e
                sock.close()
                sock = None
        if sock is None:
            raise exc if exc is not None else OSError('no address')
    else:
        sock.setblocking(False)
    _nodelay(sock)
    reader = StreamReader(limit=limit, loop=loop)
    transport = _SocketTransport(loop, sock, reader)
    writer = StreamWriter(transport, None, reader, loop)
    return reader, writer


class Server:
    """Listening sockets that hand each connection to a callback."""

    def __init__(self, loop, sockets, client_connected_cb, limit):
        self._loop = loop
        self._sockets = sockets
        self._cb = client_connected_cb
        self._limit = limit
        self._serving = False
        self._serving_forever_fut = None
        self._waiters = []
        self._closed = False

    def __repr__(self):
        return f'<Server sockets={tuple(self._sockets)!r}>'

    @property
    def sockets(self):
        return tuple(self._sockets)

    def get_loop(self):
        return self._loop

    def is_serving(self):
        return self._serving

    def _start_serving(self):
        if self._serving:
            return
        self._serving = True
        for sock in self._sockets:
            self._loop.add_reader(sock.fileno(), self._accept, sock)

    async def start_serving(self):
        self._start_serving()
        await _b.sleep(0)

    def _accept(self, sock):
        for _ in range(100):
            try:
                conn, addr = sock.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return
            conn.setblocking(False)
            _nodelay(conn)
            reader = StreamReader(limit=self._limit, loop=self._loop)
            transport = _SocketTransport(self._loop, conn, reader)
            writer = StreamWriter(transport, None, reader, self._loop)
            res = self._cb(reader, writer)
            if _b.iscoroutine(res):
                self._loop.create_task(res)

    def close(self):
        if self._closed:
            return
        self._closed = True
        self._serving = False
        for sock in self._sockets:
            self._loop.remove_reader(sock.fileno())
            sock.close()
        if self._serving_forever_fut is not None and \
                not self._serving_forever_fut.done():
            self._serving_forever_fut.cancel()
            self._serving_forever_fut = None
        waiters, self._waiters = self._waiters, []
        for w in waiters:
            if not w.done():
                w.set_result(None)

    async def wait_closed(self):
        if self._closed:
            return
        w = self._loop.create_future()
        self._waiters.append(w)
        await w

    async def serve_forever(self):
        if self._serving_forever_fut is not None:
            raise RuntimeError(f'server {self!r} is already being awaited on serve_forever()')
        if self._closed:
            raise RuntimeError(f'server {self!r} is closed')
        self._start_serving()
        self._serving_forever_fut = self._loop.create_future()
        try:
            await self._serving_forever_fut
        except _b.CancelledError:
            try:
                self.close()
                await self.wait_closed()
            finally:
                raise
        finally:
            self._serving_forever_fut = None

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.close()
        await self.wait_closed()


async def start_server(client_connected_cb, host=None, port=None, *,
                       limit=_DEFAULT_LIMIT, backlog=100, reuse_address=True,
                       start_serving=True, **kwds):
    """Listen on host:port; client_connected_cb(reader, writer) is called
    (or scheduled, when it is a coroutine function) for each connection."""
    loop = _b.get_running_loop()
    sock = kwds.get('sock')
    if sock is None:
        sock = socket.socket(_family(host), socket.SOCK_STREAM)
        if reuse_address:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host or '', port or 0))
        except OSError as exc:
            sock.close()
            raise OSError(exc.errno, 'error while attempting to bind on address %r: %s'
                          % ((host, port), exc.strerror)) from None
        sock.listen(backlog)
    sock.setblocking(False)
    server = Server(loop, [sock], client_connected_cb, limit)
    if start_serving:
        server._start_serving()
    return server
