"""Synchronization primitives for coroutines: Lock, Event, Condition,
Semaphore, BoundedSemaphore, Barrier."""

import collections
from asyncio.base_events import (
    BrokenBarrierError, CancelledError, get_running_loop,
)

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore', 'BoundedSemaphore',
           'Barrier')


def _repr(obj, extra):
    # '<asyncio.locks.Lock object at 0x... [unlocked]>', as CPython.
    return f'<{object.__repr__(obj)[1:-1]} [{extra}]>'


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    """A mutex for coroutines."""

    def __init__(self):
        self._waiters = None
        self._locked = False

    def __repr__(self):
        res = 'locked' if self._locked else 'unlocked'
        if self._waiters:
            res = f'{res}, waiters:{len(self._waiters)}'
        return _repr(self, res)

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and (self._waiters is None or
                                 all(w.cancelled() for w in self._waiters)):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Event:
    """Set once, waited on by many."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        res = 'set' if self._value else 'unset'
        if self._waiters:
            res = f'{res}, waiters:{len(self._waiters)}'
        return _repr(self, res)

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin):
    """Wait until notified, with a lock."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        res = 'locked' if self.locked() else 'unlocked'
        if self._waiters:
            res = f'{res}, waiters:{len(self._waiters)}'
        return _repr(self, res)

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin):
    """A counter of available slots."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        res = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        if self._waiters:
            res = f'{res}, waiters:{len(self._waiters)}'
        return _repr(self, res)

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = collections.deque()
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    """A semaphore that may not be released more than acquired."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


# The states of a Barrier.
_FILLING = 'filling'        # tasks are arriving
_DRAINING = 'draining'      # the last one came: the waiters are leaving
_RESETTING = 'resetting'    # reset() while tasks were waiting
_BROKEN = 'broken'          # abort()ed: every wait fails


class Barrier:
    """Make `parties` tasks wait for one another: each call to wait()
    blocks until `parties` tasks are waiting, then all of them go on."""

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()
        self._parties = parties
        self._state = _FILLING
        self._count = 0     # tasks inside wait()

    def __repr__(self):
        if self.broken:
            extra = self._state
        else:
            extra = f'{self._state}, waiters:{self.n_waiting}/{self.parties}'
        return _repr(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait until `parties` tasks wait; return this task's arrival
        index, from 0 to parties-1."""
        async with self._cond:
            # Tasks arriving while the previous round drains (or resets)
            # wait for it to end first.
            await self._cond.wait_for(
                lambda: self._state is not _DRAINING
                and self._state is not _RESETTING)
            if self._state is _BROKEN:
                raise BrokenBarrierError('Barrier aborted')
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    # The last one: let everybody go.
                    self._state = _DRAINING
                    self._cond.notify_all()
                else:
                    await self._cond.wait_for(
                        lambda: self._state is not _FILLING)
                    if self._state is _BROKEN or self._state is _RESETTING:
                        raise BrokenBarrierError('Abort or reset of barrier')
                return index
            finally:
                self._count -= 1
                if self._count == 0 and (self._state is _DRAINING
                                         or self._state is _RESETTING):
                    # The last one out starts a new round.
                    self._state = _FILLING
                self._cond.notify_all()

    async def reset(self):
        """Back to the empty state; the tasks waiting get
        BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                if self._state is not _RESETTING:
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: the waiting tasks and every later wait() get
        BrokenBarrierError, until reset()."""
        async with self._cond:
            self._state = _BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        if self._state is _FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        return self._state is _BROKEN
