"""Locks shared by processes: POSIX semaphores in shared memory (made by
`_multiprocessing`), waited on with the GIL released."""

import os
import threading
import _multiprocessing

__all__ = ['Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event',
           'Barrier']

SEM_VALUE_MAX = _multiprocessing.SEM_VALUE_MAX


def _timeout_arg(block, timeout):
    if not block:
        return 0
    if timeout is None:
        return None
    return max(timeout, 0) or 0.0


def _inherit_only(obj):
    raise RuntimeError('%s objects should only be shared between processes'
                       ' through inheritance' % type(obj).__name__)


class SemLock:

    def __init__(self, value, maxvalue):
        self._semlock = _multiprocessing.sem_new(value, maxvalue)

    def acquire(self, block=True, timeout=None):
        t = _timeout_arg(block, timeout)
        if t == 0:
            return self._semlock.acquire(0)
        return self._semlock.acquire(t)

    def release(self):
        self._semlock.release()

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *args):
        return self.release()

    def __getstate__(self):
        _inherit_only(self)


class Semaphore(SemLock):

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        SemLock.__init__(self, value, SEM_VALUE_MAX)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        return '<%s(value=%s)>' % (type(self).__name__, self.get_value())


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1):
        SemLock.__init__(self, value, value)
        self._max = value

    def __repr__(self):
        return '<%s(value=%s, maxvalue=%s)>' % (type(self).__name__,
                                               self.get_value(), self._max)


def _owner():
    return (os.getpid(), threading.get_ident())


class Lock(SemLock):

    def __init__(self):
        SemLock.__init__(self, 1, 1)
        self._owner = None

    def acquire(self, block=True, timeout=None):
        if SemLock.acquire(self, block, timeout):
            self._owner = _owner()
            return True
        return False

    def release(self):
        self._owner = None
        try:
            SemLock.release(self)
        except ValueError:
            raise ValueError("semaphore or lock released too many times") from None

    def __repr__(self):
        if self._semlock._get_value() == 1:
            name = 'None'
        elif self._owner is not None and self._owner[0] == os.getpid():
            name = 'MainProcess'
        else:
            name = 'SomeOtherProcess'
        return '<%s(owner=%s)>' % (type(self).__name__, name)


class RLock(SemLock):

    def __init__(self):
        SemLock.__init__(self, 1, 1)
        self._owner = None
        self._count = 0

    def acquire(self, block=True, timeout=None):
        me = _owner()
        if self._owner == me and self._count > 0:
            self._count += 1
            return True
        if SemLock.acquire(self, block, timeout):
            self._owner = me
            self._count = 1
            return True
        return False

    def release(self):
        if self._owner != _owner() or self._count == 0:
            raise AssertionError("attempt to release recursive lock not owned by thread")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            SemLock.release(self)

    def _is_owned(self):
        return self._owner == _owner() and self._count > 0

    def __repr__(self):
        return '<%s(%s, %s)>' % (type(self).__name__,
                                 'None' if self._count == 0 else 'MainProcess',
                                 self._count)


class Condition:
    """A condition variable over a process-shared lock (CPython's design:
    a count of sleepers and semaphores to wake them)."""

    def __init__(self, lock=None):
        self._lock = lock or RLock()
        self._sleeping_count = Semaphore(0)
        self._woken_count = Semaphore(0)
        self._wait_semaphore = Semaphore(0)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __getstate__(self):
        _inherit_only(self)

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _release_all(self):
        if isinstance(self._lock, RLock):
            count = self._lock._count
            self._lock._count = 0
            self._lock._owner = None
            SemLock.release(self._lock)
            return count
        self._lock.release()
        return 1

    def _restore(self, count):
        if isinstance(self._lock, RLock):
            SemLock.acquire(self._lock)
            self._lock._owner = _owner()
            self._lock._count = count
        else:
            self._lock.acquire()

    def wait(self, timeout=None):
        self._sleeping_count.release()
        count = self._release_all()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            self._restore(count)

    def notify(self, n=1):
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire - res should not be False'
        sleepers = 0
        while sleepers < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            sleepers += 1
        if sleepers:
            for i in range(sleepers):
                self._woken_count.acquire()
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=SEM_VALUE_MAX)

    def wait_for(self, predicate, timeout=None):
        import time
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = timeout
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event:

    def __init__(self):
        self._cond = Condition(Lock())
        self._flag = Semaphore(0)

    def is_set(self):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if self._flag.acquire(False):
                self._flag.release()
            else:
                self._cond.wait(timeout)
            if self._flag.acquire(False):
                self._flag.release()
                return True
            return False


class Barrier(threading.Barrier):
    """threading.Barrier's algorithm with its state (phase and count of
    waiters) in shared memory and a process-shared condition, so that
    forked processes meet at it."""

    def __init__(self, parties, action=None, timeout=None):
        import struct
        self._shared = _multiprocessing.shared_buffer(8)
        self._pair = struct.Struct('=ii')
        threading.Barrier.__init__(self, parties, action, timeout)
        self._cond = Condition(Lock())

    def __getstate__(self):
        _inherit_only(self._cond)

    def _field(self, i):
        return self._pair.unpack(self._shared.read(0, 8))[i]

    def _put(self, i, value):
        self._shared.write(i * 4, self._pair.pack(value, 0)[:4])

    @property
    def _state(self):
        return self._field(0)

    @_state.setter
    def _state(self, value):
        self._put(0, value)

    @property
    def _count(self):
        return self._field(1)

    @_count.setter
    def _count(self, value):
        self._put(1, value)
