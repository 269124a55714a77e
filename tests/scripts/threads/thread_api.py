# Thread names, reprs, dummy threads, excepthook output, thread-local data
# with subclass __init__ arguments, Timer, module functions.
import _thread
import sys
import threading
import time


def norm(text):
    # hide thread idents
    out = []
    for word in text.split(" "):
        stripped = word.rstrip(")>,")
        if stripped.isdigit() and len(stripped) > 3:
            word = "ID" + word[len(stripped):]
        out.append(word)
    return " ".join(out)


def worker():
    pass


t = threading.Thread(target=worker)
print(t.name, norm(repr(t)))
t2 = threading.Thread(target=lambda: None)
print(t2.name)
t3 = threading.Thread()
print(t3.name)
d = threading.Thread(target=worker, name="named", daemon=True)
print(norm(repr(d)))
t.start()
t.join()
print(norm(repr(t)))
d.start()
d.join()
print(norm(repr(d)), d.isDaemon(), d.getName())
d2 = threading.Thread(name=12)
print(repr(d2.name))
d2.setName("renamed")
d2.setDaemon(True)
print(d2.name, d2.daemon, d2.ident, d2.native_id, d2.is_alive())
print(norm(repr(threading.current_thread())), norm(repr(threading.main_thread())))


class Sub(threading.Thread):
    def run(self):
        print("Sub.run in", threading.current_thread().name)


s = Sub()
print(s.name)
s.start()
s.join()
print("native_id set:", isinstance(s.native_id, int), isinstance(threading.get_native_id(), int))

# Dummy threads: current_thread() in a thread started by _thread.
done = threading.Event()
info = []


def raw():
    me = threading.current_thread()
    info.append((me.name, me.daemon, me.is_alive(), type(me).__name__,
                 me in threading.enumerate(), threading.current_thread() is me))
    done.set()


_thread.start_new_thread(raw, ())
done.wait()
print(info)
print("next auto name continues the counter:", threading.Thread().name)


# excepthook: default report on stderr, SystemExit is silent, custom hooks.
class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def fails():
    raise ValueError("boom")


def exits():
    sys.exit(3)


saved = sys.stderr
cap = Capture()
sys.stderr = cap
try:
    for target in (fails, exits):
        th = threading.Thread(target=target, name="T-" + target.__name__)
        th.start()
        th.join()
finally:
    sys.stderr = saved
lines = "".join(cap.parts).splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
print("SystemExit silent:", not any("exits" in line for line in lines))

seen = []
threading.excepthook = lambda args: seen.append(
    (args.exc_type.__name__, str(args.exc_value), args.thread.name,
     args.exc_traceback is not None, len(tuple(args))))
th = threading.Thread(target=fails, name="hooked")
th.start()
th.join()
print(seen)


def broken_hook(args):
    raise RuntimeError("hook failed")


threading.excepthook = broken_hook
cap = Capture()
sys.stderr = cap
try:
    th = threading.Thread(target=fails, name="broken-hook")
    th.start()
    th.join()
finally:
    sys.stderr = saved
text = "".join(cap.parts)
print("hook failure reported:", "Exception in threading.excepthook:" in text,
      "RuntimeError: hook failed" in text)
threading.excepthook = threading.__excepthook__
print("not alive after exception:", th.is_alive())


# Thread-local data
class Ctx(threading.local):
    initialized = 0

    def __init__(self, base, step=1):
        self.value = base
        self.step = step

    def bump(self):
        self.value += self.step
        return self.value


ctx = Ctx(10, step=5)
print(ctx.bump(), ctx.value)
results = {}


def use_ctx(n):
    for _ in range(n):
        ctx.bump()
    results[n] = (ctx.value, ctx.step)


ts = [threading.Thread(target=use_ctx, args=(n,)) for n in (1, 2, 3)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print(sorted(results.items()), ctx.value)
plain = threading.local()
plain.x = 1
del plain.x
try:
    plain.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del plain.y
except AttributeError as e:
    print("AttributeError on del")
try:
    threading.local(1)
except TypeError as e:
    print("TypeError:", e)
vals = []


def set_then_read():
    plain.x = threading.current_thread().name
    time.sleep(0.01)
    vals.append(plain.x == threading.current_thread().name)


ts = [threading.Thread(target=set_then_read) for _ in range(5)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print("locals isolated:", vals)
# A new thread never sees a finished thread's values, even if its ident is reused.
leaks = []
for _ in range(20):
    x = threading.Thread(target=lambda: leaks.append(hasattr(plain, "x")))
    x.start()
    x.join()
print("no leak through ident reuse:", not any(leaks))

# Timer
fired = []
tm = threading.Timer(0.01, fired.append, ("fired",))
print(tm.name.startswith("Thread-"), isinstance(tm.finished, threading.Event))
tm.start()
tm.join()
print(fired, tm.finished.is_set())

# Module functions
print(threading.active_count(), [x.name for x in threading.enumerate()][:1],
      threading.activeCount() == threading.active_count(),
      threading.currentThread() is threading.current_thread())
print(threading.stack_size(), threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)
print(threading.Lock is _thread.allocate_lock, type(threading.Lock()).__name__)
print(type(threading.RLock()).__name__)
print(threading.gettrace(), threading.getprofile())
print(sorted(threading.__all__))
e = threading.Event()
print(e.isSet(), e.wait(0), e.wait(timeout=0.01))
try:
    threading.Semaphore(-1)
except ValueError as err:
    print("ValueError:", err)
sem = threading.Semaphore(0)
try:
    sem.acquire(False, 1)
except ValueError as err:
    print("ValueError:", err)
sem.release(3)
print([sem.acquire(blocking=False) for _ in range(4)])
try:
    sem.release(0)
except ValueError as err:
    print("ValueError:", err)
bs = threading.BoundedSemaphore(2)
try:
    bs.release()
except ValueError as err:
    print("ValueError:", err)
try:
    threading.Thread(target=worker).join()
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    threading.current_thread().join()
except RuntimeError as err:
    print("RuntimeError:", err)
started = threading.Thread(target=worker)
started.start()
try:
    started.start()
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    started.daemon = True
except RuntimeError as err:
    print("RuntimeError:", err)
started.join(timeout=-1)
started.join()
print(started.is_alive())
