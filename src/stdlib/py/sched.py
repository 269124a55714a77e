"""An event scheduler, as CPython's `sched`.

A scheduler keeps a priority queue of events (a heap of `Event` tuples,
ordered by time, then priority, then the order they were entered in) and
runs them in order, waiting with its delay function until each is due. The
time and delay functions are given to the constructor (by default
`time.monotonic` and `time.sleep`), so the "time" can be simulated. The
queue is guarded by a lock, so other threads may add or cancel events while
`run()` waits.
"""

import heapq
import threading
import time as _timemod
from collections import namedtuple
from itertools import count

__all__ = ["scheduler"]

Event = namedtuple('Event',
                   'time, priority, sequence, action, argument, kwargs')

_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_timemod.monotonic, delayfunc=_timemod.sleep):
        """A scheduler reading the time with timefunc and waiting with
        delayfunc."""
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Add an event due at the given time; return it (for
        cancel())."""
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator),
                          action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """Add an event due `delay` after now; return it."""
        time = self.timefunc() + delay
        return self.enterabs(time, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove an event returned by enter() or enterabs(); ValueError if it
        is not queued."""
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Whether no events are queued."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Run the events as they fall due, waiting between them, until none is
        left. Not blocking: run those already due and return the time until
        the next one (None when the queue is empty)."""
        lock = self._lock
        q = self._queue
        timefunc = self.timefunc
        delayfunc = self.delayfunc
        while True:
            with lock:
                if not q:
                    break
                first = q[0]
                due = first[0]
                now = timefunc()
                wait = due > now
                if not wait:
                    heapq.heappop(q)
            if wait:
                if not blocking:
                    return due - now
                delayfunc(due - now)
            else:
                first[3](*first[4], **first[5])
                # Let other threads run.
                delayfunc(0)

    @property
    def queue(self):
        """The queued events in the order they will run."""
        with self._lock:
            events = self._queue[:]
        result = []
        while events:
            result.append(heapq.heappop(events))
        return result
