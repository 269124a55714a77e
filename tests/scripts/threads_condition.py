# Condition over each kind of lock: the native core (_thread locks) and the
# Python methods (any other lock, or overridden ownership hooks) must agree.
import threading
import queue


class WrappedLock:
    """A lock that is not one of _thread's: Condition uses its methods."""

    def __init__(self):
        self.inner = threading.Lock()

    def acquire(self, *args):
        return self.inner.acquire(*args)

    def release(self):
        self.inner.release()

    def __enter__(self):
        return self.inner.__enter__()

    def __exit__(self, *args):
        return self.inner.__exit__(*args)


class Chatty(threading.Condition):
    def _is_owned(self):
        print("  _is_owned called")
        return super()._is_owned()


def exercise(name, cond):
    print(name)
    for call in (lambda: cond.wait(0.01), cond.notify, cond.notify_all):
        try:
            call()
        except RuntimeError as e:
            print("  RuntimeError:", e)
    with cond:
        print("  timed out:", cond.wait(0.01), cond.wait(0), cond.wait(-1))
        print("  waiters left:", len(cond._waiters))
        cond.notify()
        cond.notify(5)
        cond.notify_all()
    try:
        with cond:
            cond.wait("soon")
    except TypeError as e:
        print("  TypeError:", e)
    # A woken waiter sees what the notifier did under the lock.
    box = []

    def setter():
        with cond:
            box.append("set")
            cond.notify()

    with cond:
        t = threading.Thread(target=setter)
        t.start()
        while not box:
            cond.wait(5)
        print("  woken, saw:", box)
    t.join()
    # notify(n) wakes exactly n of several waiters; notify_all the rest.
    woken = []
    ready = threading.Semaphore(0)

    def waiter(i):
        with cond:
            ready.release()
            if cond.wait(5):
                woken.append(i)

    threads = [threading.Thread(target=waiter, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for _ in threads:
        ready.acquire()
    with cond:
        cond.notify(3)
        print("  waiting after notify(3):", len(cond._waiters))
    with cond:
        cond.notify_all()
    for t in threads:
        t.join()
    print("  woken:", sorted(woken), "left:", len(cond._waiters))


exercise("RLock", threading.Condition())
exercise("Lock", threading.Condition(threading.Lock()))
exercise("wrapped lock", threading.Condition(WrappedLock()))

print("RLock held twice around wait")
c = threading.Condition(threading.RLock())
with c:
    with c:
        done = []

        def other():
            with c:
                done.append(1)
                c.notify()

        t = threading.Thread(target=other)
        t.start()
        print("  notified:", c.wait(5), done)
        print("  still owned:", c._is_owned())
    print("  still owned after one exit:", c._is_owned())
    t.join()
print("  owned after both exits:", c._is_owned())

print("overridden _is_owned")
c = Chatty(threading.Lock())
with c:
    print("  timed out:", c.wait(0.01))
    c.notify()

print("RLock state save and restore")
r = threading.RLock()
r.acquire()
r.acquire()
state = r._release_save()
print("  depth:", state[0], "owned:", r._is_owned())
r._acquire_restore(state)
print("  owned:", r._is_owned())
r.release()
r.release()
try:
    r._release_save()
except RuntimeError as e:
    print("  RuntimeError:", e)

print("queue round trips")
a, b = queue.Queue(), queue.Queue()


def echo():
    while True:
        item = a.get()
        if item is None:
            break
        b.put(item * 2)


t = threading.Thread(target=echo)
t.start()
total = 0
for i in range(2000):
    a.put(i)
    total += b.get()
a.put(None)
t.join()
print("  total:", total)
