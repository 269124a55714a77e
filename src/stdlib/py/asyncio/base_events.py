"""The core of asyncio: the selector event loop, Future, Task, and the
functions that wait on them (sleep, gather, wait, wait_for, shield, ...).

The loop keeps a deque of ready callbacks and a heap of timers; it waits
in the selector (epoll) with the GIL released until the next timer is due
or a file descriptor is ready."""

import collections
import concurrent.futures
import heapq
import selectors
import socket
import sys
import threading
import time
import _thread
from contextvars import (Context as _Context, copy_context as _copy_context,
                         _slot as _context_slot, _vars_in_use)

# ---- exceptions ----


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


class SendfileNotAvailableError(RuntimeError):
    pass


class IncompleteReadError(EOFError):
    """Incomplete read error."""

    def __init__(self, partial, expected):
        r_expected = 'undefined' if expected is None else repr(expected)
        super().__init__(f'{len(partial)} bytes read on a total of '
                         f'{r_expected} expected bytes')
        self.partial = partial
        self.expected = expected

    def __reduce__(self):
        return type(self), (self.partial, self.expected)


class LimitOverrunError(Exception):
    """Reached the buffer limit while looking for a separator."""

    def __init__(self, message, consumed):
        super().__init__(message)
        self.consumed = consumed

    def __reduce__(self):
        return type(self), (self.args[0], self.consumed)


class BrokenBarrierError(RuntimeError):
    pass


# ---- the running loop ----

_running = {}        # thread id -> running loop
_event_loops = {}    # thread id -> loop set by set_event_loop
_get_ident = _thread.get_ident


def _get_running_loop():
    return _running.get(_get_ident())


def _set_running_loop(loop):
    if loop is None:
        _running.pop(_get_ident(), None)
    else:
        _running[_get_ident()] = loop


def get_running_loop():
    loop = _running.get(_get_ident())
    if loop is None:
        raise RuntimeError('no running event loop')
    return loop


def get_event_loop():
    loop = _running.get(_get_ident())
    if loop is not None:
        return loop
    loop = _event_loops.get(_get_ident())
    if loop is None or loop.is_closed():
        if threading.current_thread() is not threading.main_thread():
            raise RuntimeError('There is no current event loop in thread %r.'
                               % threading.current_thread().name)
        loop = new_event_loop()
        _event_loops[_get_ident()] = loop
    return loop


def set_event_loop(loop):
    if loop is None:
        _event_loops.pop(_get_ident(), None)
    else:
        _event_loops[_get_ident()] = loop


def new_event_loop():
    return SelectorEventLoop()


# ---- callbacks ----


class Handle:
    """A callback scheduled on the loop."""

    def __init__(self, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        # The callback runs in this context: the one given, else a copy of
        # the context current when it was scheduled (None while no context
        # variable was ever set: then that context was an empty one).
        if context is None and _vars_in_use[0]:
            context = _copy_context()
        self._context = context

    def __repr__(self):
        info = [type(self).__name__]
        if self._cancelled:
            info.append('cancelled')
        info.append(repr(self._callback))
        return '<' + ' '.join(info) + '>'

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            self._callback = None
            self._args = None

    def cancelled(self):
        return self._cancelled

    def _run(self):
        context = self._context
        if context is None and _vars_in_use[0]:
            context = _Context()
        try:
            if context is None:
                self._callback(*self._args)
            else:
                context.run(self._callback, *self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({
                'message': f'Exception in callback {self._callback!r}',
                'exception': exc,
                'handle': self,
            })


class TimerHandle(Handle):
    """A callback scheduled for a time."""

    def __init__(self, when, callback, args, loop, context=None):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False
        if context is None and _vars_in_use[0]:
            context = _copy_context()
        self._context = context
        self._when = when
        self._scheduled = False

    def when(self):
        return self._when

    def __lt__(self, other):
        return self._when < other._when

    def __le__(self, other):
        return self._when <= other._when

    def __gt__(self, other):
        return self._when > other._when

    def __ge__(self, other):
        return self._when >= other._when

    def cancel(self):
        if not self._cancelled:
            if self._scheduled:
                self._loop._timer_cancelled += 1
            self._cancelled = True
            self._callback = None
            self._args = None


# ---- the loop ----

_MIN_CANCELLED = 100
_monotonic = time.monotonic


class SelectorEventLoop:
    """An event loop on a selector."""

    def __init__(self, selector=None):
        self._ready = collections.deque()
        self._scheduled = []
        self._timer_seq = 0
        self._timer_cancelled = 0
        self._stopping = False
        self._closed = False
        self._thread_id = None
        self._selector = selector if selector is not None else selectors.DefaultSelector()
        self._default_executor = None
        self._exception_handler = None
        self._debug = False
        self._task_factory = None
        self._asyncgens = set()
        self._unretrieved = []
        self._current_task = None
        # The self-pipe wakes the selector for call_soon_threadsafe.
        self._ssock, self._csock = socket.socketpair()
        self._ssock.setblocking(False)
        self._csock.setblocking(False)
        self._selector.register(self._ssock.fileno(), selectors.EVENT_READ,
                                (self._read_from_self, None))

    def __repr__(self):
        return (f'<{type(self).__name__} running={self.is_running()} '
                f'closed={self._closed} debug={self._debug}>')

    # -- time and scheduling --

    def time(self):
        return _monotonic()

    def call_soon(self, callback, *args, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        h = Handle(callback, args, self, context)
        self._ready.append(h)
        return h

    def call_soon_threadsafe(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self, context)
        self._ready.append(h)
        self._write_to_self()
        return h

    def call_later(self, delay, callback, *args, context=None):
        if delay is None:
            raise TypeError('delay must not be None')
        return self.call_at(_monotonic() + delay, callback, *args,
                            context=context)

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError('when cannot be None')
        if self._closed:
            raise RuntimeError('Event loop is closed')
        t = TimerHandle(when, callback, args, self, context)
        self._timer_seq += 1
        heapq.heappush(self._scheduled, (when, self._timer_seq, t))
        t._scheduled = True
        return t

    def _write_to_self(self):
        try:
            self._csock.send(b'\0')
        except OSError:
            pass

    def _read_from_self(self):
        try:
            while self._ssock.recv(4096):
                pass
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:
            pass

    # -- running --

    def is_running(self):
        return self._thread_id is not None

    def is_closed(self):
        return self._closed

    def get_debug(self):
        return self._debug

    def set_debug(self, enabled):
        self._debug = enabled

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def _check_running(self):
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _get_running_loop() is not None:
            raise RuntimeError(
                'Cannot run the event loop while another loop is running')

    def stop(self):
        self._stopping = True

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._thread_id = _get_ident()
        _set_running_loop(self)
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._thread_id = None
            _set_running_loop(None)

    def run_until_complete(self, future):
        self._check_closed()
        self._check_running()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        if new_task:
            future._log_destroy_pending = False
        future.add_done_callback(_run_until_complete_cb)
        try:
            self.run_forever()
        except BaseException:
            if new_task and future.done() and not future.cancelled():
                future.exception()
            raise
        finally:
            future.remove_done_callback(_run_until_complete_cb)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _run_once(self):
        scheduled = self._scheduled
        ready = self._ready
        if self._timer_cancelled > _MIN_CANCELLED and \
                self._timer_cancelled * 2 > len(scheduled):
            scheduled[:] = [e for e in scheduled if not e[2]._cancelled]
            heapq.heapify(scheduled)
            self._timer_cancelled = 0
        else:
            while scheduled and scheduled[0][2]._cancelled:
                self._timer_cancelled -= 1
                heapq.heappop(scheduled)[2]._scheduled = False

        if ready or self._stopping:
            timeout = 0
        elif scheduled:
            timeout = scheduled[0][0] - _monotonic()
            if timeout < 0:
                timeout = 0
            elif timeout > 86400:
                timeout = 86400
        else:
            timeout = None
        if timeout == 0 and len(self._selector._fd_to_key) <= 1:
            # Only the self-pipe: threads' callbacks are in the ready
            # queue already, the pipe is drained at the next real wait.
            events = ()
        else:
            events = self._selector.select(timeout)
        for key, mask in events:
            reader, writer = key.data
            if mask & selectors.EVENT_READ and reader is not None:
                if isinstance(reader, Handle):
                    if not reader._cancelled:
                        ready.append(reader)
                else:
                    reader()
            if mask & selectors.EVENT_WRITE and writer is not None:
                if not writer._cancelled:
                    ready.append(writer)

        end = _monotonic() + 1e-9
        while scheduled:
            entry = scheduled[0]
            if entry[0] >= end:
                break
            heapq.heappop(scheduled)
            h = entry[2]
            h._scheduled = False
            if h._cancelled:
                self._timer_cancelled -= 1
            else:
                ready.append(h)

        n = len(ready)
        popleft = ready.popleft
        # Each callback runs in its handle's context: Context.run, inline
        # (this loop runs every callback), on the thread's context slot.
        slot = _context_slot()
        outer = slot['context']
        for _ in range(n):
            h = popleft()
            if h._cancelled:
                continue
            ctx = h._context
            if ctx is None and _vars_in_use[0]:
                ctx = _Context()
            if ctx is not None:
                if ctx._entered:
                    self.call_exception_handler({
                        'message': f'Exception in callback {h._callback!r}',
                        'exception': RuntimeError(
                            f'cannot enter context: {ctx!r} is already entered'),
                        'handle': h,
                    })
                    continue
                ctx._entered = True
                slot['context'] = ctx
            try:
                h._callback(*h._args)
            except BaseException as exc:
                if ctx is not None:
                    slot['context'] = outer
                    ctx._entered = False
                if isinstance(exc, (SystemExit, KeyboardInterrupt)):
                    raise
                self.call_exception_handler({
                    'message': f'Exception in callback {h._callback!r}',
                    'exception': exc,
                    'handle': h,
                })
            else:
                if ctx is not None:
                    slot['context'] = outer
                    ctx._entered = False

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if self._closed:
            return
        self._report_unretrieved()
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()
        executor = self._default_executor
        if executor is not None:
            self._default_executor = None
            executor.shutdown(wait=False)
        try:
            self._selector.unregister(self._ssock.fileno())
        except Exception:
            pass
        self._ssock.close()
        self._csock.close()
        self._selector.close()

    def _report_unretrieved(self):
        # Tasks that failed and whose exception nobody asked for.
        for fut in self._unretrieved:
            if fut._log_traceback:
                fut._log_traceback = False
                self.call_exception_handler({
                    'message': f'{type(fut).__name__} exception was never retrieved',
                    'exception': fut._exception,
                    'future': fut,
                })
        self._unretrieved.clear()

    # -- futures and tasks --

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        if self._closed:
            raise RuntimeError('Event loop is closed')
        if self._task_factory is None:
            task = Task(coro, loop=self, name=name, context=context)
        else:
            if context is None:
                task = self._task_factory(self, coro)
            else:
                task = self._task_factory(self, coro, context=context)
            if name is not None:
                task.set_name(name)
        return task

    def set_task_factory(self, factory):
        self._task_factory = factory

    def get_task_factory(self):
        return self._task_factory

    # -- executors --

    def run_in_executor(self, executor, func, *args):
        self._check_closed()
        if executor is None:
            executor = self._default_executor
            if executor is None:
                executor = concurrent.futures.ThreadPoolExecutor(
                    thread_name_prefix='asyncio')
                self._default_executor = executor
        return wrap_future(executor.submit(func, *args), loop=self)

    def set_default_executor(self, executor):
        self._default_executor = executor

    async def shutdown_default_executor(self):
        executor = self._default_executor
        if executor is None:
            return
        self._default_executor = None
        future = self.create_future()

        def work():
            try:
                executor.shutdown(wait=True)
                self.call_soon_threadsafe(_set_result_unless_cancelled, future, None)
            except Exception as ex:
                self.call_soon_threadsafe(future.set_exception, ex)

        t = threading.Thread(target=work)
        t.start()
        try:
            await future
        finally:
            t.join()

    async def shutdown_asyncgens(self):
        gens = list(self._asyncgens)
        self._asyncgens.clear()
        for g in gens:
            try:
                await g.aclose()
            except Exception:
                pass

    # -- file descriptors --

    def _fd(self, fileobj):
        return fileobj if isinstance(fileobj, int) else fileobj.fileno()

    def add_reader(self, fd, callback, *args):
        self._check_closed()
        fd = self._fd(fd)
        h = Handle(callback, args, self, None)
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            self._selector.register(fd, selectors.EVENT_READ, (h, None))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_READ, (h, writer))
            if reader is not None:
                reader.cancel()
        return h

    def remove_reader(self, fd):
        fd = self._fd(fd)
        if self._closed:
            return False
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            return False
        mask, (reader, writer) = key.events, key.data
        mask &= ~selectors.EVENT_READ
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, (None, writer))
        if reader is not None:
            reader.cancel()
            return True
        return False

    def add_writer(self, fd, callback, *args):
        self._check_closed()
        fd = self._fd(fd)
        h = Handle(callback, args, self, None)
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            self._selector.register(fd, selectors.EVENT_WRITE, (None, h))
        else:
            mask, (reader, writer) = key.events, key.data
            self._selector.modify(fd, mask | selectors.EVENT_WRITE, (reader, h))
            if writer is not None:
                writer.cancel()
        return h

    def remove_writer(self, fd):
        fd = self._fd(fd)
        if self._closed:
            return False
        try:
            key = self._selector.get_key(fd)
        except KeyError:
            return False
        mask, (reader, writer) = key.events, key.data
        mask &= ~selectors.EVENT_WRITE
        if not mask:
            self._selector.unregister(fd)
        else:
            self._selector.modify(fd, mask, (reader, None))
        if writer is not None:
            writer.cancel()
            return True
        return False

    # -- sockets --

    async def sock_recv(self, sock, n):
        try:
            return sock.recv(n)
        except (BlockingIOError, InterruptedError):
            pass
        fut = self.create_future()
        fd = sock.fileno()

        def ready():
            if fut.done():
                return
            try:
                data = sock.recv(n)
            except (BlockingIOError, InterruptedError):
                return
            except BaseException as exc:
                fut.set_exception(exc)
            else:
                fut.set_result(data)
        self.add_reader(fd, ready)
        try:
            return await fut
        finally:
            self.remove_reader(fd)

    async def sock_sendall(self, sock, data):
        data = memoryview(bytes(data))
        while data:
            try:
                n = sock.send(data)
            except (BlockingIOError, InterruptedError):
                n = 0
            data = data[n:]
            if data:
                await self._wait_writable(sock)

    async def _wait_writable(self, sock):
        fut = self.create_future()
        fd = sock.fileno()
        self.add_writer(fd, _set_result_unless_cancelled, fut, None)
        try:
            await fut
        finally:
            self.remove_writer(fd)

    async def _wait_readable(self, sock):
        fut = self.create_future()
        fd = sock.fileno()
        self.add_reader(fd, _set_result_unless_cancelled, fut, None)
        try:
            await fut
        finally:
            self.remove_reader(fd)

    async def sock_connect(self, sock, address):
        try:
            sock.connect(address)
            return
        except (BlockingIOError, InterruptedError):
            pass
        while True:
            await self._wait_writable(sock)
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err == 0:
                return
            if err not in (115, 114, 4):  # EINPROGRESS, EALREADY, EINTR
                raise OSError(err, f'Connect call failed {address}')

    async def sock_accept(self, sock):
        while True:
            try:
                return sock.accept()
            except (BlockingIOError, InterruptedError):
                await self._wait_readable(sock)

    async def getaddrinfo(self, host, port, *, family=0, type=0, proto=0, flags=0):
        return await self.run_in_executor(None, socket.getaddrinfo, host, port,
                                          family, type, proto, flags)

    # -- errors --

    def set_exception_handler(self, handler):
        self._exception_handler = handler

    def get_exception_handler(self):
        return self._exception_handler

    def default_exception_handler(self, context):
        message = context.get('message') or 'Unhandled exception in event loop'
        exception = context.get('exception')
        lines = [message]
        for key in sorted(context):
            if key in ('message', 'exception'):
                continue
            value = context[key]
            try:
                value = repr(value)
            except Exception:
                value = '<unrepresentable>'
            lines.append(f'{key}: {value}')
        text = '\n'.join(lines)
        if exception is not None:
            import traceback
            text += '\n' + ''.join(traceback.format_exception(
                type(exception), exception, exception.__traceback__)).rstrip('\n')
        import logging
        logging.getLogger('asyncio').error(text)

    def call_exception_handler(self, context):
        if self._exception_handler is None:
            try:
                self.default_exception_handler(context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass
        else:
            try:
                self._exception_handler(self, context)
            except (SystemExit, KeyboardInterrupt):
                raise
            except BaseException:
                pass

    # -- servers and connections (in streams) --

    async def create_server(self, *args, **kwargs):
        raise NotImplementedError('use asyncio.start_server')


def _run_until_complete_cb(fut):
    fut.get_loop().stop()


def _set_result_unless_cancelled(fut, result):
    if not fut._state == _PENDING:
        return
    fut.set_result(result)


# ---- Future ----

_PENDING = 'PENDING'
_CANCELLED = 'CANCELLED'
_FINISHED = 'FINISHED'


def isfuture(obj):
    return getattr(obj, '_asyncio_future_blocking', None) is not None and \
        hasattr(obj.__class__, '_asyncio_future_blocking')


def _callback_of(entry):
    """A done callback as a future keeps it: the function, or the function
    and its context (a tuple) when it has one."""
    return entry[0] if type(entry) is tuple else entry


class Future:
    """A value that will be there later, awaitable."""

    _state = _PENDING
    _result = None
    _exception = None
    _loop = None
    _cancel_message = None
    _cancelled_exc = None
    _asyncio_future_blocking = False
    _log_traceback = False
    _log_destroy_pending = True

    def __init__(self, *, loop=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []

    def __repr__(self):
        return f'<{type(self).__name__} {" ".join(self._repr_info())}>'

    def _repr_info(self):
        # A list of words: the state, then result= or exception=, then the
        # callbacks, as CPython shows them.
        info = [self._state.lower()]
        if self._state == _FINISHED:
            if self._exception is not None:
                info.append(f'exception={self._exception!r}')
            else:
                import reprlib
                info.append(f'result={reprlib.repr(self._result)}')
        callbacks = self._callbacks
        if callbacks:
            n = len(callbacks)
            if n <= 2:
                text = ', '.join(_format_callback(_callback_of(cb)) for cb in callbacks)
            else:
                text = (f'{_format_callback(_callback_of(callbacks[0]))}, <{n - 2} more>, '
                        f'{_format_callback(_callback_of(callbacks[-1]))}')
            info.append(f'cb=[{text}]')
        return info

    def get_loop(self):
        return self._loop

    def _make_cancelled_error(self):
        if self._cancelled_exc is not None:
            exc = self._cancelled_exc
            self._cancelled_exc = None
            return exc
        if self._cancel_message is None:
            exc = CancelledError()
        else:
            exc = CancelledError(self._cancel_message)
        return exc

    def cancel(self, msg=None):
        self._log_traceback = False
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks
        if not callbacks:
            return
        self._callbacks = []
        loop = self._loop
        for cb in callbacks:
            if type(cb) is tuple:
                cb, ctx = cb
            else:
                ctx = None
            loop._ready.append(Handle(cb, (self,), loop, ctx))

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _FINISHED:
            self._log_traceback = False
            if self._exception is not None:
                raise self._exception.with_traceback(self._exception_tb)
            return self._result
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        raise InvalidStateError('Result is not set.')

    def exception(self):
        if self._state == _FINISHED:
            self._log_traceback = False
            return self._exception
        if self._state == _CANCELLED:
            raise self._make_cancelled_error()
        raise InvalidStateError('Exception is not set.')

    def add_done_callback(self, fn, *, context=None):
        if context is None and _vars_in_use[0]:
            context = _copy_context()
        if self._state != _PENDING:
            self._loop.call_soon(fn, self, context=context)
        elif context is None:
            self._callbacks.append(fn)
        else:
            self._callbacks.append((fn, context))

    def remove_done_callback(self, fn):
        before = len(self._callbacks)
        self._callbacks = [e for e in self._callbacks if _callback_of(e) != fn]
        return before - len(self._callbacks)

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f'{self._state}: {self!r}')
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators "
                            "and cannot be raised into a Future")
        self._exception = exception
        self._exception_tb = exception.__traceback__
        self._state = _FINISHED
        self._schedule_callbacks()
        self._log_traceback = True
        self._loop._unretrieved.append(self)

    def __await__(self):
        if self._state == _PENDING:
            self._asyncio_future_blocking = True
            yield self
        if self._state == _PENDING:
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


Future._asyncio_future_blocking = False


def _copy_future_state(source, dest):
    if dest.cancelled():
        return
    if source.cancelled():
        dest.cancel()
    else:
        exception = source._exception if source._state == _FINISHED else None
        if exception is not None:
            source._log_traceback = False
            dest.set_exception(exception)
        else:
            dest.set_result(source._result)


def wrap_future(future, *, loop=None):
    """A concurrent.futures.Future as an asyncio Future."""
    if isfuture(future):
        return future
    if loop is None:
        loop = get_event_loop()
    new_future = loop.create_future()

    def copy(cf):
        if new_future.cancelled() or loop.is_closed():
            return
        if cf.cancelled():
            new_future.cancel()
            return
        exc = cf.exception()
        if exc is not None:
            new_future.set_exception(exc)
        else:
            new_future.set_result(cf.result())

    def on_done(cf):
        if loop.is_closed():
            return
        loop.call_soon_threadsafe(copy, cf)

    def on_cancel(f):
        if f.cancelled():
            future.cancel()

    new_future.add_done_callback(on_cancel)
    future.add_done_callback(on_done)
    return new_future


# ---- Task ----

_all_tasks = set()


_task_counter = 0


def _task_name():
    global _task_counter
    _task_counter += 1
    return f'Task-{_task_counter}'


class Task(Future):
    """A coroutine run by the loop."""

    _log_destroy_pending = True

    def __init__(self, coro, *, loop=None, name=None, context=None):
        if loop is None:
            loop = get_event_loop()
        self._loop = loop
        self._callbacks = []
        if type(coro) is not _CoroutineType and not iscoroutine(coro):
            self._log_destroy_pending = False
            raise TypeError(f'a coroutine was expected, got {coro!r}')
        # The counter moves for every task, named or not (as CPython 3.11).
        default = _task_name()
        self._name = default if name is None else str(name)
        self._must_cancel = False
        self._fut_waiter = None
        self._coro = coro
        self._num_cancels_requested = 0
        # Each step of the task runs in its own context: a copy of the
        # creator's, unless one is given.
        if context is None:
            context = _copy_context()
        self._context = context
        loop._ready.append(Handle(self._step, (), loop, self._context))
        _all_tasks.add(self)

    def _repr_info(self):
        info = Future._repr_info(self)
        if self._must_cancel:
            info[0] = 'cancelling'
        info[1:1] = [f'name={self._name!r}',
                     f'coro=<{_format_coroutine(self._coro)}>']
        if self._fut_waiter is not None:
            info.insert(3, f'wait_for={self._fut_waiter!r}')
        return info

    def __repr__(self):
        return f'<{type(self).__name__} {" ".join(self._repr_info())}>'

    def get_coro(self):
        return self._coro

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def set_result(self, result):
        raise RuntimeError('Task does not support set_result operation')

    def set_exception(self, exception):
        raise RuntimeError('Task does not support set_exception operation')

    def get_stack(self, *, limit=None):
        return []

    def cancel(self, msg=None):
        self._log_traceback = False
        if self.done():
            return False
        self._num_cancels_requested += 1
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def cancelling(self):
        return self._num_cancels_requested

    def uncancel(self):
        if self._num_cancels_requested > 0:
            self._num_cancels_requested -= 1
        return self._num_cancels_requested

    def _step(self, exc=None):
        if self._state != _PENDING:
            raise InvalidStateError(f'_step(): already done: {self!r}, {exc!r}')
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = self._make_cancelled_error()
            self._must_cancel = False
        self._fut_waiter = None
        coro = self._coro
        loop = self._loop
        prev = loop._current_task
        loop._current_task = self
        try:
            if exc is None:
                result = coro.send(None)
            else:
                result = coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self, msg=self._cancel_message)
            else:
                Future.set_result(self, e.value)
            _all_tasks.discard(self)
        except CancelledError as e:
            self._cancelled_exc = e
            Future.cancel(self)
            _all_tasks.discard(self)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            _all_tasks.discard(self)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
            _all_tasks.discard(self)
        else:
            blocking = getattr(result, '_asyncio_future_blocking', None)
            if blocking is not None:
                if result._loop is not loop:
                    new_exc = RuntimeError(
                        f'Task {self!r} got Future {result!r} attached to a different loop')
                    self._retry(new_exc)
                elif blocking:
                    if result is self:
                        new_exc = RuntimeError(f'Task cannot await on itself: {self!r}')
                        self._retry(new_exc)
                    else:
                        result._asyncio_future_blocking = False
                        result.add_done_callback(self._wakeup,
                                                 context=self._context)
                        self._fut_waiter = result
                        if self._must_cancel:
                            if self._fut_waiter.cancel(msg=self._cancel_message):
                                self._must_cancel = False
                else:
                    new_exc = RuntimeError(
                        f'yield was used instead of yield from in task {self!r} with {result!r}')
                    self._retry(new_exc)
            elif result is None:
                loop._ready.append(Handle(self._step, (), loop, self._context))
            else:
                new_exc = RuntimeError(f'Task got bad yield: {result!r}')
                self._retry(new_exc)
        finally:
            loop._current_task = prev

    def _retry(self, exc):
        loop = self._loop
        loop._ready.append(Handle(self._step, (exc,), loop, self._context))

    def _wakeup(self, future):
        if future._state == _FINISHED and future._exception is not None:
            future._log_traceback = False
            self._step(future._exception)
        elif future._state == _CANCELLED:
            self._step(future._make_cancelled_error())
        else:
            self._step()


def _format_coroutine(coro):
    # 'main() running at file.py:16' (suspended or running), or
    # 'main() done, defined at file.py:12'.
    name = (getattr(coro, '__qualname__', None)
            or getattr(coro, '__name__', None) or type(coro).__name__)
    if hasattr(coro, 'cr_code'):
        code, frame = coro.cr_code, coro.cr_frame
    elif hasattr(coro, 'gi_code'):
        code, frame = coro.gi_code, coro.gi_frame
    else:
        return f'{name}()'
    if frame is None and getattr(coro, 'cr_running',
                                 getattr(coro, 'gi_running', False)):
        # gilpy gives no cr_frame while the coroutine runs: look for its
        # frame on the stack.
        # (Its f_code is not the coroutine's cr_code object: compare them.)
        key = (code.co_name, code.co_filename, code.co_firstlineno)
        frame = sys._getframe(1)
        while frame is not None:
            c = frame.f_code
            if (c.co_name, c.co_filename, c.co_firstlineno) == key:
                break
            frame = frame.f_back
    if frame is not None:
        return f'{name}() running at {code.co_filename}:{frame.f_lineno}'
    return f'{name}() done, defined at {code.co_filename}:{code.co_firstlineno}'


def _callback_text(func, args):
    # 'name(args)' for a callback; a partial shows its own arguments, then
    # those it is called with.
    import functools
    if isinstance(func, functools.partial):
        inner = _callback_text(func.func, func.args)
        if func.keywords:
            inner = inner[:-1] + (', ' if func.args else '') + ', '.join(
                f'{k}={v!r}' for k, v in func.keywords.items()) + ')'
        return inner + _args_text(args)
    if getattr(func, '__self__', None) is not None and \
            getattr(func, '__func__', None) is Task._wakeup:
        # CPython's C Task shows its wake-up callback under this name.
        name = 'Task.task_wakeup'
    else:
        name = (getattr(func, '__qualname__', None)
                or getattr(func, '__name__', None) or repr(func))
    return name + _args_text(args)


def _args_text(args):
    return '(' + ', '.join(repr(a) for a in args) + ')'


def _format_callback(func):
    import functools
    text = _callback_text(func, ())
    # The source of a plain function (through partials) follows.
    while isinstance(func, functools.partial):
        func = func.func
    code = getattr(func, '__code__', None)
    if code is not None and getattr(func, '__self__', None) is None:
        text += f' at {code.co_filename}:{code.co_firstlineno}'
    return text


def iscoroutine(obj):
    return type(obj) is _CoroutineType or type(obj) is _GeneratorType or \
        (hasattr(obj, 'send') and hasattr(obj, 'throw') and hasattr(obj, '__await__'))


def iscoroutinefunction(func):
    code = getattr(func, '__code__', None)
    if code is None:
        func = getattr(func, '__func__', None)
        code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & 0x80)


async def _coro_sample():
    pass


_c = _coro_sample()
_CoroutineType = type(_c)
_c.close()
del _c


def _gen_sample():
    yield


_GeneratorType = type(_gen_sample())


def current_task(loop=None):
    if loop is None:
        loop = get_running_loop()
    return loop._current_task


def all_tasks(loop=None):
    if loop is None:
        loop = get_running_loop()
    return {t for t in _all_tasks if t._loop is loop and not t.done()}


def create_task(coro, *, name=None, context=None):
    if context is None:
        return get_running_loop().create_task(coro, name=name)
    return get_running_loop().create_task(coro, name=name, context=context)


def ensure_future(coro_or_future, *, loop=None):
    if type(coro_or_future) is _CoroutineType:
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if isfuture(coro_or_future):
        if loop is not None and loop is not coro_or_future.get_loop():
            raise ValueError('The future belongs to a different loop than '
                             'the one specified as the loop argument')
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


# ---- sleeping and waiting ----


class _Sleep0:
    def __await__(self):
        yield


_sleep0 = _Sleep0()


async def sleep(delay, result=None):
    """Coroutine that completes after a given time (in seconds)."""
    if delay <= 0:
        await _sleep0
        return result
    loop = get_running_loop()
    future = Future(loop=loop)
    h = loop.call_at(_monotonic() + delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _GatheringFuture(Future):
    def __init__(self, children, *, loop):
        super().__init__(loop=loop)
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    """Run awaitables concurrently; their results in order."""
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    nfuts = 0
    nfinished = 0
    done_futs = []
    loop = None
    outer = None
    arg_to_fut = {}
    children = []

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            if not fut.cancelled():
                fut.exception()
            return
        if not return_exceptions:
            if fut.cancelled():
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if nfinished == nfuts:
            results = []
            for f in children:
                if f.cancelled():
                    res = f._make_cancelled_error()
                else:
                    res = f._exception if f._state == _FINISHED else None
                    if res is None:
                        res = f._result
                    else:
                        f._log_traceback = False
                results.append(res)
            if outer._cancel_requested:
                exc = fut._make_cancelled_error()
                outer.set_exception(exc)
            else:
                outer.set_result(results)

    for arg in coros_or_futures:
        coro = type(arg) is _CoroutineType or iscoroutine(arg)
        if not coro and arg in arg_to_fut:
            fut = arg_to_fut[arg]
        else:
            fut = ensure_future(arg, loop=loop)
            if loop is None:
                loop = fut.get_loop()
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            if not coro:
                arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        children.append(fut)

    outer = _GatheringFuture(children, loop=loop)
    return outer


FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    """Wait for the Futures or Tasks in fs; returns (done, pending)."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect a list of futures, not {type(fs).__name__}')
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f'Invalid return_when value: {return_when}')
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    return await _wait(fs, timeout, return_when, loop)


async def _wait(fs, timeout, return_when, loop):
    waiter = loop.create_future()
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or
                return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    return done, pending


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def _cancel_and_wait(fut):
    loop = get_running_loop()
    waiter = loop.create_future()
    cb = lambda f: _release_waiter(waiter)
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


async def wait_for(fut, timeout):
    """Wait for one awaitable, cancelling it after timeout seconds."""
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc

    waiter = loop.create_future()
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    cb = lambda f: _release_waiter(waiter)
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


def as_completed(fs, *, timeout=None):
    """An iterator of coroutines, one per awaitable, in the order they finish."""
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f'expect an iterable of futures, not {type(fs).__name__}')
    from asyncio.queues import Queue
    done = Queue()
    loop = get_event_loop()
    todo = {ensure_future(f, loop=loop) for f in set(fs)}
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    """Protect an awaitable from being cancelled."""
    inner = ensure_future(arg)
    if inner.done():
        return inner
    loop = inner.get_loop()
    outer = loop.create_future()

    def _inner_done_callback(inner):
        if outer.cancelled():
            if not inner.cancelled():
                inner.exception()
            return
        if inner.cancelled():
            outer.cancel()
        else:
            exc = inner.exception()
            if exc is not None:
                outer.set_exception(exc)
            else:
                outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def run_coroutine_threadsafe(coro, loop):
    """Submit a coroutine to a loop from another thread; a
    concurrent.futures.Future for its result."""
    if not iscoroutine(coro):
        raise TypeError('A coroutine object is required')
    future = concurrent.futures.Future()

    def callback():
        try:
            task = ensure_future(coro, loop=loop)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            if future.set_running_or_notify_cancel():
                future.set_exception(exc)
            raise

        def copy(t):
            if future.cancelled():
                return
            if not future.set_running_or_notify_cancel():
                return
            if t.cancelled():
                future.cancel()
                return
            exc = t.exception()
            if exc is not None:
                future.set_exception(exc)
            else:
                future.set_result(t.result())

        def cancel_task(f):
            if f.cancelled():
                loop.call_soon_threadsafe(task.cancel)
        task.add_done_callback(copy)
        future.add_done_callback(cancel_task)

    loop.call_soon_threadsafe(callback)
    return future


async def to_thread(func, /, *args, **kwargs):
    """Run func(*args, **kwargs) in a thread of the loop's executor."""
    loop = get_running_loop()
    # The function runs in a copy of the caller's context.
    ctx = _copy_context()
    if kwargs:
        import functools
        call = functools.partial(ctx.run, func, *args, **kwargs)
        return await loop.run_in_executor(None, call)
    return await loop.run_in_executor(None, ctx.run, func, *args)
