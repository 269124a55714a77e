# A Barrier of 24 parties reused for 40 rounds; action, abort, reset, errors.
import threading
import time

PARTIES = 24
ROUNDS = 40
actions = []
barrier = threading.Barrier(PARTIES, action=lambda: actions.append(1))
lock = threading.Lock()
rounds_seen = [0] * PARTIES
errors = []
index_sets = [set() for _ in range(ROUNDS)]


def worker(i):
    for r in range(ROUNDS):
        with lock:
            rounds_seen[i] = r
            if min(rounds_seen) < r - 1:
                errors.append((i, r))
        idx = barrier.wait()
        with lock:
            index_sets[r].add(idx)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(PARTIES)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("rounds:", ROUNDS, "actions:", len(actions), "errors:", errors)
print("indices complete every round:", all(s == set(range(PARTIES)) for s in index_sets))
print("waiting:", barrier.n_waiting, "broken:", barrier.broken, "parties:", barrier.parties)

# abort() breaks the waiting threads and later arrivals.
b = threading.Barrier(3)
outcomes = []
started = threading.Semaphore(0)


def waiter():
    started.release()
    try:
        b.wait()
        outcomes.append("passed")
    except threading.BrokenBarrierError:
        outcomes.append("broken")


ws = [threading.Thread(target=waiter) for _ in range(2)]
for w in ws:
    w.start()
for _ in ws:
    started.acquire()
while b.n_waiting < 2:
    time.sleep(0.001)
b.abort()
for w in ws:
    w.join()
print("abort:", outcomes, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("wait on a broken barrier raises")
b.reset()
print("after reset:", b.broken)

# reset() while threads wait: they get BrokenBarrierError, the barrier is usable after.
outcomes.clear()
ws = [threading.Thread(target=waiter) for _ in range(2)]
for w in ws:
    w.start()
for _ in ws:
    started.acquire()
while b.n_waiting < 2:
    time.sleep(0.001)
b.reset()
for w in ws:
    w.join()
print("reset while waiting:", outcomes, b.broken)
ws = [threading.Thread(target=waiter) for _ in range(2)]
outcomes.clear()
for w in ws:
    w.start()
b.wait()
for w in ws:
    w.join()
print("reusable:", outcomes)


# An exception in the action breaks the barrier for everyone.
def bad_action():
    raise ValueError("action failed")


bb = threading.Barrier(2, action=bad_action)
res = []


def party():
    try:
        bb.wait()
        res.append("ok")
    except threading.BrokenBarrierError:
        res.append("broken")
    except ValueError as e:
        res.append("ValueError: %s" % e)


ps = [threading.Thread(target=party) for _ in range(2)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print(sorted(res), bb.broken)
print(issubclass(threading.BrokenBarrierError, RuntimeError))
tb = threading.Barrier(2, timeout=0.05)
try:
    tb.wait()
except threading.BrokenBarrierError:
    print("default timeout breaks:", tb.broken)
