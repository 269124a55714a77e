"""`Pool`: worker processes fed through a shared task pipe; results come
back through a result pipe, read by a thread of the parent. A worker that
dies makes the outstanding results fail instead of hanging. `ThreadPool`:
the same over threads and in-process queues."""

import itertools
import os
import queue
import select
import struct
import sys
import threading
import time
import _thread

from . import reduction
from . import TimeoutError
from .queues import SimpleQueue

__all__ = ['Pool', 'ThreadPool']

INIT, RUN, CLOSE, TERMINATE = 'INIT', 'RUN', 'CLOSE', 'TERMINATE'

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    def __init__(self, exc, tb_text):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % tb_text

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super().__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)


class WorkerLostError(RuntimeError):
    pass


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=True):
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or completed < maxtasks:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            return
        if task is None:
            return
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception:
                tb = _thread._format_exception(e)
                result = (False, ExceptionWithTraceback(e, tb))
            else:
                result = (False, e)
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))
        task = job = func = args = kwds = result = None
        completed += 1
    # Quota done: tells the parent at once, so that it starts a successor.
    outqueue.put(_RETIRED)


# Sent by a worker leaving after `maxtasksperchild` tasks.
_RETIRED = ('retired',)


# Bytes of task messages gathered into one write.
_BATCH = 16384
_HEADER = struct.Struct('!i')
_BIG = struct.Struct('!Q')


class _MessageReader:
    """Splits what a pipe delivers into the length-prefixed messages of
    `Connection.send_bytes`, reading as much as has arrived at a time."""

    def __init__(self, fd):
        self._fd = fd
        self._buf = b''

    def read(self):
        """The complete messages (at least one) now available."""
        buf = self._buf
        while True:
            msgs = []
            pos = 0
            end = len(buf)
            need = 4
            while end - pos >= 4:
                size, = _HEADER.unpack_from(buf, pos)
                head = 4
                if size == -1:
                    if end - pos < 12:
                        need = 12
                        break
                    size, = _BIG.unpack_from(buf, pos + 4)
                    head = 12
                if end - pos - head < size:
                    need = head + size
                    break
                msgs.append(buf[pos + head:pos + head + size])
                pos += head + size
            if msgs:
                self._buf = buf[pos:]
                return msgs
            # Nothing complete yet: reads at least the rest of this message.
            parts = [buf]
            have = end
            while True:
                chunk = os.read(self._fd, max(65536, need - have))
                if not chunk:
                    if have:
                        raise OSError("got end of file during message")
                    raise EOFError
                parts.append(chunk)
                have += len(chunk)
                if have >= need:
                    break
            buf = b''.join(parts)


class _Core:
    """A pool's working state. The handler threads hold this, never the
    `Pool` object, so that a pool the program drops is freed and stopped."""

    def __init__(self, owner, processes, initializer, initargs, maxtasks, make_worker,
                 threads):
        self._owner = owner
        self._state = INIT
        self._handlers_stopped = False
        self._processes = processes
        self._initializer = initializer
        self._initargs = initargs
        self._maxtasks = maxtasks
        self._make_worker = make_worker
        self._threads = threads
        self._cache = {}
        self._cache_lock = threading.Lock()
        # Wakes the worker handler: pool closed, cache emptied, worker retired.
        self._change = threading.Event()
        self._retiring_until = 0.0
        if threads:
            self._inqueue = queue.SimpleQueue()
            self._outqueue = queue.SimpleQueue()
        else:
            self._inqueue = SimpleQueue()
            self._outqueue = SimpleQueue()
        self._taskqueue = queue.SimpleQueue()
        self._broken = None
        self._pool = []
        try:
            for _ in range(processes):
                self._add_worker()
        except BaseException:
            self._state = TERMINATE
            self._kill_workers()
            self._close_queues()
            raise
        self._state = RUN
        self._task_handler = threading.Thread(target=self._handle_tasks, daemon=True)
        self._task_handler.start()
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True)
        self._result_handler.start()
        self._worker_handler = threading.Thread(target=self._handle_workers, daemon=True)
        self._worker_handler.start()

    def _add_worker(self):
        w = self._make_worker(target=worker,
                              args=(self._inqueue, self._outqueue, self._initializer,
                                    self._initargs, self._maxtasks, not self._threads))
        w.name = w.name.replace('Process', 'PoolWorker')
        w.daemon = True
        w.start()
        self._pool.append(w)

    # -- handler threads -------------------------------------------------

    def _handle_tasks(self):
        while True:
            tasks = self._taskqueue.get()
            if tasks is None:
                break
            if self._threads:
                for task in tasks:
                    if self._state == TERMINATE:
                        break
                    self._inqueue.put(task)
            else:
                self._feed(tasks)
            tasks = task = None
        if self._state != TERMINATE and not self._broken:
            self._send_sentinels()

    def _feed(self, tasks):
        # This thread is the task pipe's only writer: many small messages
        # go out in one write.
        out = []
        size = 0
        writer = self._inqueue._writer
        for task in tasks:
            if self._state == TERMINATE or self._broken:
                break
            try:
                data = reduction.dumps(task)
            except Exception as e:
                job, idx = task[:2]
                with self._cache_lock:
                    r = self._cache.get(job)
                if r is not None:
                    r._set(idx, (False, e))
                continue
            n = len(data)
            if n > _BATCH:
                if out:
                    writer._send(b''.join(out))
                    out = []
                    size = 0
                writer.send_bytes(data)
                continue
            out.append(_HEADER.pack(n))
            out.append(data)
            size += n + 4
            if size >= _BATCH:
                writer._send(b''.join(out))
                out = []
                size = 0
        if out:
            writer._send(b''.join(out))

    def _send_sentinels(self):
        for _ in self._pool:
            try:
                self._inqueue.put(None)
            except OSError:
                break

    def _handle_results(self):
        if self._threads:
            get = self._outqueue.get
        else:
            # The parent is the result pipe's only reader: it takes whatever
            # has arrived in one read.
            reader = _MessageReader(self._outqueue._reader.fileno())
            batch = []

            def get():
                if not batch:
                    batch.extend(reversed(reader.read()))
                return reduction.loads(batch.pop())
        while True:
            try:
                task = get()
            except (EOFError, OSError):
                return
            except Exception as exc:
                # A result that cannot be unpickled (an exception whose
                # constructor wants other arguments, ...): which job it
                # answers is lost, so the pool breaks and every pending job
                # fails, rather than waiting for ever.
                self._break(WorkerLostError(
                    'A result from a worker could not be unpickled: %r' % (exc,)))
                return
            if task is None:
                return
            if task == _RETIRED:
                # Its process exits in a moment: watch closely for a while.
                self._retiring_until = time.monotonic() + 0.5
                self._change.set()
                continue
            job, i, obj = task
            with self._cache_lock:
                r = self._cache.get(job)
            if r is not None:
                r._set(i, obj)
            task = obj = r = None

    def _handle_workers(self):
        # Keeps the pool full while it runs, and while a closed pool still
        # has work; then lets the task handler send the workers home.
        while self._state == RUN or (self._state == CLOSE and self._cache):
            if not self._maintain():
                break
            if self._state == RUN and sys.getrefcount(self._owner) <= 2:
                # Only this core still knows the `Pool`: the program dropped
                # it without closing it, so it is stopped as CPython's
                # finalizer would.
                self.terminate()
                break
            retiring = time.monotonic() < self._retiring_until
            self._change.wait(0.002 if retiring else 0.05)
            self._change.clear()
        else:
            self._taskqueue.put(None)
        self._owner = None

    def _maintain(self):
        for w in list(self._pool):
            code = w.exitcode
            if code is None or self._state == TERMINATE:
                continue
            if code != 0:
                self._break(WorkerLostError(
                    'A worker process died unexpectedly (exit code %s)' % code))
                self._taskqueue.put(None)
                return False
            # A worker that did its `maxtasksperchild` tasks: replaced.
            w.join()
            self._release(w)
            self._pool.remove(w)
            self._add_worker()
        return True

    def _break(self, exc):
        self._broken = exc
        with self._cache_lock:
            pending = list(self._cache.values())
        for r in pending:
            r._fail(exc)
        self._kill_workers()

    def _kill_workers(self):
        if self._threads:
            return
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()

    # -- public API ------------------------------------------------------

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")
        if self._broken is not None:
            raise self._broken

    def _submit(self, result, tasks):
        with self._cache_lock:
            self._cache[result._job] = result
        self._taskqueue.put(tasks)

    def _result_done(self, job):
        with self._cache_lock:
            self._cache.pop(job, None)
            empty = not self._cache
        if empty:
            self._change.set()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result, [(result._job, 0, func, args, kwds)])
        return result

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = _get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        tasks = [(result._job, i, mapper, (x,), {}) for i, x in enumerate(task_batches)]
        if tasks:
            self._submit(result, tasks)
        return result

    def _imap(self, cls, func, iterable, chunksize):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = cls(self, chunksize > 1)
        if chunksize == 1:
            tasks = [(result._job, i, func, (x,), {}) for i, x in enumerate(iterable)]
        else:
            tasks = [(result._job, i, mapstar, (x,), {})
                     for i, x in enumerate(_get_tasks(func, iterable, chunksize))]
        result._set_length(len(tasks))
        if tasks:
            self._submit(result, tasks)
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._change.set()

    def terminate(self):
        if self._state == TERMINATE or self._state == INIT:
            return
        self._state = TERMINATE
        self._change.set()
        self._taskqueue.put(None)
        # The worker handler first: it may be starting a successor to a
        # retired worker, which must be among the workers stopped below.
        if self._worker_handler is not threading.current_thread():
            self._worker_handler.join()
        if self._threads:
            # Threads cannot be killed: the queued tasks are dropped and each
            # worker stops after the task it is running.
            while True:
                try:
                    self._inqueue.get_nowait()
                except queue.Empty:
                    break
            self._send_sentinels()
        else:
            self._kill_workers()
            for w in self._pool:
                w.join()
        self._stop_handlers()

    def _stop_handlers(self):
        """Once the workers are gone: ends the result handler (for processes
        the sentinel goes straight into its pipe, as a killed worker may have
        left the write lock taken) and the task handler, then closes the
        pipes and the workers' sentinels, so that a program making many pools
        piles up neither threads nor descriptors."""
        if self._handlers_stopped:
            return
        self._handlers_stopped = True
        try:
            if self._threads:
                self._outqueue.put(None)
            else:
                self._outqueue._writer.send_bytes(reduction.dumps(None))
        except OSError:
            pass
        if not self._threads:
            self._drain_tasks()
        for t in (self._task_handler, self._result_handler):
            if t is not threading.current_thread():
                t.join(1.0)
        if not (self._task_handler.is_alive() or self._result_handler.is_alive()):
            self._close_queues()
        for w in self._pool:
            if w.exitcode is not None:
                self._release(w)

    def _release(self, w):
        # The exit pipe of a reaped worker process.
        fd = getattr(w, '_sentinel', None)
        if fd is not None:
            w._sentinel = None
            os.close(fd)

    def _drain_tasks(self):
        # The workers are gone: a task handler stuck writing into a full
        # task pipe is freed by reading the pipe empty.
        if self._task_handler is threading.current_thread():
            return
        fd = self._inqueue._reader.fileno()
        deadline = time.monotonic() + 5.0
        while self._task_handler.is_alive() and time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.02)
            if ready and not os.read(fd, 1 << 16):
                break

    def _close_queues(self):
        if not self._threads:
            self._inqueue.close()
            self._outqueue.close()

    def join(self):
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        for w in self._pool:
            w.join()
        self._stop_handlers()


def _get_tasks(func, it, size):
    # Chunks are cut by slicing a sequence (one native copy each), which is
    # many times faster than gathering them item by item.
    if size < 1:
        return
    if type(it) not in (list, tuple, range):
        it = list(it)
    for start in range(0, len(it), size):
        yield (func, tuple(it[start:start + size]))


class Pool:
    """A pool of worker processes."""

    _threads = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        if context is None:
            from . import get_context
            context = get_context()
        self._ctx = context
        # Workers come from the class's Process(ctx, ...), as in CPython, so
        # that a subclass or a context can choose them. The factory holds
        # the class, not this object, which the core must not keep alive.
        cls = type(self)
        self._core = _Core(self, processes, initializer, initargs, maxtasksperchild,
                           lambda **kw: cls.Process(context, **kw), self._threads)

    def __getattr__(self, name):
        # _state, _pool, _cache, _processes ...: the core's.
        if name == '_core':
            raise AttributeError(name)
        return getattr(self._core, name)

    def apply(self, func, args=(), kwds={}):
        return self._core.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        return self._core.apply_async(func, args, kwds, callback, error_callback)

    def map(self, func, iterable, chunksize=None):
        return self._core._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._core._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._core._map_async(func, iterable, mapstar, chunksize, callback,
                                     error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._core._map_async(func, iterable, starmapstar, chunksize, callback,
                                     error_callback)

    def imap(self, func, iterable, chunksize=1):
        return self._core._imap(IMapIterator, func, iterable, chunksize)

    def imap_unordered(self, func, iterable, chunksize=1):
        return self._core._imap(IMapUnorderedIterator, func, iterable, chunksize)

    def close(self):
        self._core.close()

    def terminate(self):
        self._core.terminate()

    def join(self):
        self._core.join()

    def __enter__(self):
        self._core._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self._core.terminate()

    def __reduce__(self):
        raise NotImplementedError(
            'pool objects cannot be passed between processes or pickled')

    def __repr__(self):
        return '<%s.%s state=%s pool_size=%d>' % (
            type(self).__module__, type(self).__qualname__, self._core._state,
            len(self._core._pool))


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        # As in CPython, a result keeps its Pool alive (and running).
        self._owner = pool._owner
        self._event = threading.Event()
        self._job = next(job_counter)
        self._callback = callback
        self._error_callback = error_callback

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        self._done()

    def _done(self):
        self._pool._result_done(self._job)

    def _fail(self, exc):
        if not self._event.is_set():
            self._set(0, (False, exc))


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                self._done()
                self._event.set()
        else:
            if not success and self._success:
                self._success = False
                self._value = result
                if self._error_callback:
                    self._error_callback(self._value)
            if self._number_left == 0 or not success:
                self._done()
                self._event.set()

    def _fail(self, exc):
        if not self._event.is_set():
            self._success = False
            self._value = exc
            self._done()
            self._event.set()


class IMapIterator:

    def __init__(self, pool, chunked):
        self._pool = pool
        self._owner = pool._owner
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._items = {}
        self._index = 0
        self._length = None
        self._chunked = chunked
        self._pending = []
        self._arrived = 0

    def _set_length(self, n):
        self._length = n

    def __iter__(self):
        return self

    def _take(self):
        # The next (success, value) in order.
        if self._index in self._items:
            item = self._items.pop(self._index)
            self._index += 1
            return item
        return None

    def next(self, timeout=None):
        while True:
            if self._pending:
                return self._pending.pop(0)
            with self._cond:
                item = self._take()
                while item is None:
                    if self._length is not None and self._index >= self._length:
                        raise StopIteration from None
                    if not self._cond.wait(timeout):
                        raise TimeoutError from None
                    item = self._take()
            success, value = item
            if not success:
                raise value
            if self._chunked:
                self._pending = list(value)
                continue
            return value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            self._items[i] = obj
            self._arrived += 1
            self._cond.notify()
            complete = self._arrived == self._length
        if complete:
            self._done()

    def _done(self):
        self._pool._result_done(self._job)

    def _fail(self, exc):
        with self._cond:
            self._items[self._index] = (False, exc)
            self._cond.notify()
        self._done()


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items[self._arrived] = obj
            self._arrived += 1
            self._cond.notify()
            complete = self._arrived == self._length
        if complete:
            self._done()


class ThreadPool(Pool):
    """A pool of worker threads, with the API of `Pool`: tasks and results
    are handed over without pickling."""

    _threads = True

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)
