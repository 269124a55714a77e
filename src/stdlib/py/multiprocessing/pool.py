"""`Pool`: worker processes fed through a shared task pipe; results come
back through a result pipe, read by a thread of the parent. A worker that
dies makes the outstanding results fail instead of hanging."""

import itertools
import os
import queue
import threading
import time
import _thread

from . import process as _process
from . import reduction
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


def worker(inqueue, outqueue, initializer=None, initargs=()):
    if initializer is not None:
        initializer(*initargs)
    while True:
        try:
            task = inqueue.get()
        except (EOFError, OSError):
            break
        if task is None:
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            tb = _thread._format_exception(e)
            result = (False, ExceptionWithTraceback(e, tb))
        try:
            outqueue.put((job, i, result))
        except Exception as e:
            outqueue.put((job, i, (False, MaybeEncodingError(e, result[1]))))


class Pool:
    """A pool of worker processes."""

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._state = INIT
        self._handlers_stopped = False
        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')
        self._processes = processes
        self._cache = {}
        self._cache_lock = threading.Lock()
        self._inqueue = SimpleQueue()
        self._outqueue = SimpleQueue()
        self._taskqueue = queue.SimpleQueue()
        self._broken = None
        self._pool = []
        for _ in range(processes):
            w = _process.Process(target=worker,
                                 args=(self._inqueue, self._outqueue, initializer, initargs))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)
        self._state = RUN
        self._task_handler = threading.Thread(target=self._handle_tasks, daemon=True)
        self._task_handler.start()
        self._result_handler = threading.Thread(target=self._handle_results, daemon=True)
        self._result_handler.start()
        self._worker_handler = threading.Thread(target=self._handle_workers, daemon=True)
        self._worker_handler.start()

    # -- handler threads -------------------------------------------------

    def _handle_tasks(self):
        while True:
            tasks = self._taskqueue.get()
            if tasks is None:
                break
            for task in tasks:
                if self._state == TERMINATE or self._broken:
                    break
                try:
                    self._inqueue.put(task)
                except Exception as e:
                    job, idx = task[:2]
                    with self._cache_lock:
                        r = self._cache.get(job)
                    if r is not None:
                        r._set(idx, (False, e))
        if self._state != TERMINATE and not self._broken:
            for _ in self._pool:
                try:
                    self._inqueue.put(None)
                except OSError:
                    break

    def _handle_results(self):
        while True:
            try:
                task = self._outqueue.get()
            except (EOFError, OSError):
                return
            if task is None:
                return
            job, i, obj = task
            with self._cache_lock:
                r = self._cache.get(job)
            if r is not None:
                r._set(i, obj)

    def _handle_workers(self):
        while self._state == RUN or (self._state == CLOSE and any(
                w.exitcode is None for w in self._pool)):
            for w in self._pool:
                code = w.exitcode
                if code is not None and code != 0 and self._state != TERMINATE:
                    self._break(WorkerLostError(
                        'A worker process died unexpectedly (exit code %s)' % code))
                    return
            time.sleep(0.05)

    def _break(self, exc):
        self._broken = exc
        with self._cache_lock:
            pending = list(self._cache.values())
        for r in pending:
            r._fail(exc)
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

    def apply(self, func, args=(), kwds={}):
        return self.apply_async(func, args, kwds).get()

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._submit(result, [(result._job, 0, func, args, kwds)])
        return result

    def map(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

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
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback, error_callback)
        self._submit(result, [(result._job, i, mapper, (x,), {})
                              for i, x in enumerate(task_batches)])
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def imap(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapIterator(self, chunksize > 1)
        if chunksize == 1:
            tasks = [(result._job, i, func, (x,), {}) for i, x in enumerate(iterable)]
        else:
            tasks = [(result._job, i, mapstar, (x,), {})
                     for i, x in enumerate(Pool._get_tasks(func, iterable, chunksize))]
        result._set_length(len(tasks))
        self._submit(result, tasks)
        return result

    def imap_unordered(self, func, iterable, chunksize=1):
        self._check_running()
        if chunksize < 1:
            raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
        result = IMapUnorderedIterator(self, chunksize > 1)
        if chunksize == 1:
            tasks = [(result._job, i, func, (x,), {}) for i, x in enumerate(iterable)]
        else:
            tasks = [(result._job, i, mapstar, (x,), {})
                     for i, x in enumerate(Pool._get_tasks(func, iterable, chunksize))]
        result._set_length(len(tasks))
        self._submit(result, tasks)
        return result

    def close(self):
        if self._state == RUN:
            self._state = CLOSE
            self._taskqueue.put(None)

    def terminate(self):
        if self._state == TERMINATE:
            return
        self._state = TERMINATE
        self._taskqueue.put(None)
        for w in self._pool:
            if w.exitcode is None:
                w.terminate()
        for w in self._pool:
            w.join()
        self._worker_handler.join()
        self._stop_handlers()

    def _stop_handlers(self):
        """Once the workers are gone: ends the result handler (the sentinel
        goes straight into its pipe, as a killed worker may have left the
        write lock taken) and the task handler, then closes the pipes, so
        that a program making many pools does not pile up threads and
        descriptors."""
        if self._handlers_stopped:
            return
        self._handlers_stopped = True
        try:
            self._outqueue._writer.send_bytes(reduction.dumps(None))
        except OSError:
            pass
        for t in (self._task_handler, self._result_handler):
            if t is not threading.current_thread():
                t.join(1.0)
        if not (self._task_handler.is_alive() or self._result_handler.is_alive()):
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

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    def __repr__(self):
        return '<%s.%s state=%s pool_size=%d>' % (
            type(self).__module__, type(self).__qualname__, self._state, len(self._pool))


class ApplyResult:

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
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
        with self._pool._cache_lock:
            self._pool._cache.pop(self._job, None)

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
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._items = {}
        self._index = 0
        self._length = None
        self._chunked = chunked
        self._pending = []

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
            self._cond.notify()
            if self._length is not None and len(self._items) + self._index >= self._length:
                pass
        if self._length is not None and i == self._length - 1 and False:
            self._done()

    def _fail(self, exc):
        with self._cond:
            self._items[self._index] = (False, exc)
            self._cond.notify()


class IMapUnorderedIterator(IMapIterator):

    def __init__(self, pool, chunked):
        IMapIterator.__init__(self, pool, chunked)
        self._arrived = 0

    def _set(self, i, obj):
        with self._cond:
            self._items[self._arrived] = obj
            self._arrived += 1
            self._cond.notify()


class ThreadPool:
    def __init__(self, *args, **kwargs):
        raise NotImplementedError("multiprocessing.pool.ThreadPool is not available in gilpy")
