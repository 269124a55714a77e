"""A generally useful event scheduler class, as CPython's `sched`.

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

Event = namedtuple('Event', 'time, priority, sequence, action, argument, kwargs')

_sentinel = object()


class scheduler:

    def __init__(self, timefunc=_timemod.monotonic, delayfunc=_timemod.sleep):
        """Initialize a new instance, passing the time and delay
        functions"""
        self._queue = []
        self._lock = threading.RLock()
        self.timefunc = timefunc
        self.delayfunc = delayfunc
        self._sequence_generator = count()

    def enterabs(self, time, priority, action, argument=(), kwargs=_sentinel):
        """Enter a new event in the queue at an absolute time.

        Returns an ID for the event which can be used to remove it,
        if necessary.
        """
        if kwargs is _sentinel:
            kwargs = {}
        with self._lock:
            event = Event(time, priority, next(self._sequence_generator),
                          action, argument, kwargs)
            heapq.heappush(self._queue, event)
        return event

    def enter(self, delay, priority, action, argument=(), kwargs=_sentinel):
        """A variant that specifies the time as a relative time.

        This is actually the more commonly used interface.
        """
        time = self.timefunc() + delay
        return self.enterabs(time, priority, action, argument, kwargs)

    def cancel(self, event):
        """Remove an event from the queue.

        This must be presented the ID as returned by enter().
        If the event is not in the queue, this raises ValueError.
        """
        with self._lock:
            self._queue.remove(event)
            heapq.heapify(self._queue)

    def empty(self):
        """Check whether the queue is empty."""
        with self._lock:
            return not self._queue

    def run(self, blocking=True):
        """Execute events until the queue is empty.

        If blocking is False executes the scheduled events due to expire
        soonest (if any) and then return the deadline of the next scheduled
        call in the scheduler.
        """
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
        """An ordered list of upcoming events.

        Events are named tuples with fields for:
            time, priority, action, arguments, kwargs
        """
        with self._lock:
            events = self._queue[:]
        result = []
        while events:
            result.append(heapq.heappop(events))
        return result
