# ThreadPoolExecutor with 100 tasks, a third of them failing; wait(),
# as_completed(), callbacks, cancellation, thread naming and shutdown.
import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor
import sys
import threading
import time


def task(n):
    if n % 3 == 0:
        raise ValueError("task %d failed" % n)
    return n * n


with ThreadPoolExecutor(max_workers=8) as pool:
    futures = [pool.submit(task, n) for n in range(100)]
    ok = errs = 0
    total = 0
    for f in futures:
        try:
            total += f.result()
            ok += 1
        except ValueError:
            errs += 1
    print("ok:", ok, "errors:", errs, "total:", total)
    done, not_done = cf.wait(futures)
    print("wait:", len(done), len(not_done))
    res = cf.wait(futures, return_when=cf.FIRST_EXCEPTION)
    print("wait result has .done/.not_done:", len(res.done), len(res.not_done), len(res))
    seen = set()
    for f in cf.as_completed(futures + futures[:10]):
        seen.add(f)
    print("as_completed yields each once:", len(seen))
    print("exceptions:", sorted(str(f.exception()) for f in futures if f.exception())[:3])
    try:
        list(pool.map(task, [1, 2, 3, 4]))
    except ValueError as e:
        print("map raised:", e)
    gen = pool.map(task, [1, 2, 4, 5])
    print("map lazily:", next(gen), list(gen))
    print("map several iterables:", list(pool.map(pow, [2, 3, 4], [5, 2])))

# wait(FIRST_COMPLETED) and timeouts
gate = threading.Event()
with ThreadPoolExecutor(max_workers=2) as pool:
    slow = pool.submit(gate.wait)
    quick = pool.submit(lambda: "quick")
    done, not_done = cf.wait([slow, quick], return_when=cf.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done], len(not_done))
    done, not_done = cf.wait([slow], timeout=0.05)
    print("wait timeout:", len(done), len(not_done), slow.running())
    try:
        slow.result(timeout=0.05)
    except cf.TimeoutError:
        print("result timeout raises TimeoutError", cf.TimeoutError is TimeoutError)
    try:
        for f in cf.as_completed([slow, quick], timeout=0.05):
            print("as_completed yielded:", f.result())
    except cf.TimeoutError as e:
        print("as_completed TimeoutError:", e)
    gate.set()

# Callbacks: run at completion, or at once when already done; errors are logged.
order = []
f = cf.Future()
f.add_done_callback(lambda fut: order.append(("cb1", fut.result())))
f.add_done_callback(lambda fut: order.append(("cb2", fut.done())))
print("state before:", f.done(), f.running(), f.cancelled())
print("set_running:", f.set_running_or_notify_cancel(), f.running())
f.set_result(7)
f.add_done_callback(lambda fut: order.append(("late", fut.result())))
print(order)
try:
    f.set_result(8)
except cf.InvalidStateError:
    print("InvalidStateError on second set_result")
g = cf.Future()
g.set_exception(KeyError("k"))
print("exception():", repr(g.exception()), g.done())
try:
    g.result()
except KeyError as e:
    print("result() re-raises", repr(e))
print(repr(f)[:8], "state=finished returned int" in repr(f), "raised KeyError" in repr(g))
h = cf.Future()
print("cancel pending:", h.cancel(), h.cancelled(), h.done(), h.cancel())
try:
    h.result()
except cf.CancelledError:
    print("CancelledError from result()")
print("set_running on cancelled:", h.set_running_or_notify_cancel())

# Cancellation and shutdown(cancel_futures=True)
block = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    return block.wait()
pool = ThreadPoolExecutor(max_workers=1)
running = pool.submit(blocker)
started.wait()  # the first task is surely running before cancel() is tried
queued = [pool.submit(task, n) for n in range(1, 5)]
print("cancel queued:", queued[0].cancel(), "cancel running:", running.cancel())
block.set()
pool.shutdown(wait=True, cancel_futures=True)
print("queued after shutdown:", [q.cancelled() or q.done() for q in queued])
try:
    pool.submit(task, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

# Thread names and lazy thread creation.
names = set()
with ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as p:
    for _ in range(6):
        p.submit(lambda: names.add(threading.current_thread().name)).result()
print("named with the prefix:", all(n.startswith("pool_") for n in names), len(names) <= 3)
names.clear()
ready = threading.Barrier(3)


def grab():
    ready.wait()
    names.add(threading.current_thread().name)


with ThreadPoolExecutor(max_workers=3) as p:
    for _ in range(3):
        p.submit(grab)
print("default prefix:", sorted(n.rsplit("-", 1)[0] + "-N_" + n.rsplit("_", 1)[1] for n in names))

# initializer
inits = []
with ThreadPoolExecutor(max_workers=2, initializer=inits.append, initargs=("init",)) as p:
    print(p.submit(len, "abc").result())
print("initializer ran:", inits[:1])


def bad_init():
    raise RuntimeError("init failed")


old_stderr = sys.stderr


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
sys.stderr = cap
try:
    with ThreadPoolExecutor(max_workers=1, initializer=bad_init) as p:
        fut = p.submit(len, "abc")
        try:
            fut.result()
        except cf.BrokenExecutor as e:
            print("BrokenExecutor:", type(e).__name__, e)
    # a failing done-callback is logged, not raised
    k = cf.Future()
    k.add_done_callback(lambda fut: 1 / 0)
    k.set_result(1)
finally:
    sys.stderr = old_stderr
text = "".join(cap.parts)
print("logged:", "Exception in initializer:" in text, "exception calling callback for" in text,
      "ZeroDivisionError: division by zero" in text)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError:", e)
print(ThreadPoolExecutor()._max_workers > 0, cf.ALL_COMPLETED, cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION)

# Left running at exit: pending work still completes before the interpreter ends.
forgotten = ThreadPoolExecutor(max_workers=1)
for i in range(4):
    forgotten.submit(lambda i=i: (time.sleep(0.02), print("late task", i, flush=True)))
print("main done")
