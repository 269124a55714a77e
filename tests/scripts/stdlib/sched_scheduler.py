import sched
import threading
import time


class Clock:
    """A simulated clock: sleeping advances it."""

    def __init__(self):
        self.now = 100.0
        self.sleeps = []

    def time(self):
        return self.now

    def sleep(self, d):
        self.sleeps.append(d)
        self.now += d


clock = Clock()
s = sched.scheduler(clock.time, clock.sleep)
log = []


def act(name, *args, **kw):
    log.append((clock.now, name, args, kw))


print(s.empty(), s.queue, s.run())
e1 = s.enter(10, 1, act, ("ten",))
e2 = s.enter(5, 2, act, ("five-low",))
e3 = s.enter(5, 1, act, ("five-high",), {"k": 1})
e4 = s.enterabs(103, 0, act, argument=("abs",), kwargs={"x": 2})
e5 = s.enter(7, 0, act, ("cancelled",))
e6 = s.enter(5, 1, act, ("five-high-2",))
print(e1.time, e1.priority, e1.sequence, e1.argument, e1.kwargs)
print(type(e1).__name__, e1._fields, sched.Event._fields)
print([(e.time, e.priority, e.sequence, e.argument) for e in s.queue])
s.cancel(e5)
try:
    s.cancel(e5)
except ValueError as e:
    print("ValueError", e)
print(s.empty(), len(s.queue))
print(s.run(blocking=False))
print(log)
print(clock.sleeps)
s.run()
for entry in log:
    print(entry)
print(clock.sleeps, clock.now, s.empty())

# actions that add events while running
clock2 = Clock()
s2 = sched.scheduler(clock2.time, clock2.sleep)
out = []


def tick(n):
    out.append((n, clock2.now))
    if n < 3:
        s2.enter(2, 1, tick, (n + 1,))


s2.enter(1, 1, tick, (0,))
s2.run()
print(out)

# non-blocking returns the delay until the next event
s3 = sched.scheduler(clock2.time, clock2.sleep)
s3.enter(4.5, 1, print, ("never",))
print(s3.run(False), s3.run(blocking=False))

# the defaults: time.monotonic and time.sleep, and other threads
s4 = sched.scheduler()
print(s4.timefunc is time.monotonic, s4.delayfunc is time.sleep)
got = []
s4.enter(0.3, 1, got.append, ("late",))
s4.enter(0.01, 1, got.append, ("early",))
t = threading.Thread(target=lambda: s4.enter(0.02, 1, got.append, ("thread",)))
t.start()
t.join()
s4.run()
print(got)


# an exception in an action leaves the rest queued
def boom():
    raise RuntimeError("boom")


s5 = sched.scheduler(clock2.time, clock2.sleep)
s5.enter(1, 1, boom)
s5.enter(2, 1, print, ("after",))
try:
    s5.run()
except RuntimeError as e:
    print("RuntimeError", e, len(s5.queue))
s5.run()
print(sched.__all__)
