# Two threads alternate strictly 2000 times through one Condition; wait()
# releases every level of a recursively held RLock; notify(n).
import threading

cond = threading.Condition()
state = {"turn": "ping", "count": 0}
trace = []
ROUNDS = 2000


def player(me, other):
    for _ in range(ROUNDS):
        with cond:
            while state["turn"] != me:
                cond.wait()
            trace.append(me)
            state["count"] += 1
            state["turn"] = other
            cond.notify()


a = threading.Thread(target=player, args=("ping", "pong"))
b = threading.Thread(target=player, args=("pong", "ping"))
a.start()
b.start()
a.join()
b.join()
ok = all(trace[i] == ("ping" if i % 2 == 0 else "pong") for i in range(len(trace)))
print("alternated:", ok, state["count"])


# A Condition on an RLock held three times: wait() must release it fully.
def check_release_all(lock_factory, label):
    rc = threading.Condition(lock_factory())
    seen = []

    def other():
        with rc:          # possible only if the waiter released every level
            seen.append("other got the lock")
            rc.notify()

    with rc:
        with rc:
            with rc:
                t = threading.Thread(target=other)
                t.start()
                notified = rc.wait(5)
                # still held three times: a second release would not fail
                rc.release()
                rc.release()
                rc.acquire()
                rc.acquire()
    t.join()
    print(label, seen, notified)


check_release_all(threading.RLock, "RLock:")


# The pure-Python RLock: Condition uses its _release_save/_acquire_restore.
check_release_all(threading._PyRLock, "Python RLock:")

# notify(n) wakes exactly n waiters.
c2 = threading.Condition()
woke = []
arrived = threading.Semaphore(0)


def sleeper(i):
    with c2:
        arrived.release()
        c2.wait()
        woke.append(i)


ts = [threading.Thread(target=sleeper, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
for _ in ts:
    arrived.acquire()
with c2:
    c2.notify(2)
while True:
    with c2:
        if len(woke) == 2:
            break
print("after notify(2):", len(woke))
with c2:
    c2.notify_all()
for t in ts:
    t.join()
print("after notify_all:", sorted(woke))
try:
    c2.wait()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    c2.notify_all()
except RuntimeError as e:
    print("RuntimeError:", e)
with c2:
    print("wait_for already true:", c2.wait_for(lambda: 42))
print(repr(threading.Condition(threading.Lock()))[:11])
