"""Queues between processes: a pipe carrying pickled objects, with
process-shared locks around each end."""

import os
import struct
import time
from queue import Empty, Full

from . import connection, reduction
from .synchronize import _inherit_only, Lock, BoundedSemaphore, Semaphore, Condition, SEM_VALUE_MAX

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


class Queue:

    def __init__(self, maxsize=0):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        self._sem = BoundedSemaphore(maxsize)
        self._closed = False

    def __getstate__(self):
        _inherit_only(self)

    def _check_closed(self):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        data = reduction.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(data)

    def get(self, block=True, timeout=None):
        self._check_closed()
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(timeout):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return reduction.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._get_value() == 0

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True

    def join_thread(self):
        pass

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):

    def __init__(self, maxsize=0):
        Queue.__init__(self, maxsize)
        self._unfinished_tasks = Semaphore(0)
        self._cond = Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        data = reduction.dumps(obj)
        with self._cond:
            with self._wlock:
                self._writer.send_bytes(data)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks.get_value() == 0:
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if self._unfinished_tasks.get_value() != 0:
                self._cond.wait()


class SimpleQueue:

    def __init__(self):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = Lock()
        self._wlock = Lock()
        # The bare semaphores: the queue's own locking needs no owner records.
        self._rsem = self._rlock._semlock
        self._wsem = self._wlock._semlock

    def __getstate__(self):
        _inherit_only(self)

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        self._rsem.acquire()
        try:
            res = self._reader.recv_bytes()
        finally:
            self._rsem.release()
        return reduction.loads(res)

    def put(self, obj):
        obj = reduction.dumps(obj)
        n = len(obj)
        # The lock still matters for a small message: a big one from another
        # writer may be split around it.
        self._wsem.acquire()
        try:
            if n <= _ATOMIC:
                # Header and message in one write, whole on a pipe.
                if os.write(self._writer.fileno(), _HEADER.pack(n) + obj) != n + 4:
                    raise OSError("short write on a pipe")
            else:
                self._writer.send_bytes(obj)
        finally:
            self._wsem.release()


# Bytes that one write() puts into a pipe in one piece (POSIX PIPE_BUF).
_ATOMIC = 4096 - 4
_HEADER = struct.Struct('!i')
