# Events, conditions, barriers, timers and thread-local data.
import threading, time

ready = threading.Event()
results = []
def waiter(i):
    ready.wait()
    results.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts:
    t.start()
time.sleep(0.02)
print("before set", results, ready.is_set())
ready.set()
for t in ts:
    t.join()
print("after set", sorted(results), threading.Event().wait(0.01))

cond = threading.Condition()
items = []
def consumer(out):
    with cond:
        cond.wait_for(lambda: len(items) >= 3)
        out.append(list(items))
got = []
c = threading.Thread(target=consumer, args=(got,))
c.start()
for i in range(3):
    with cond:
        items.append(i)
        cond.notify_all()
c.join()
print("condition saw", got)

barrier = threading.Barrier(4)
order = []
olock = threading.Lock()
def phase(i):
    with olock:
        order.append(("a", i))
    barrier.wait()
    with olock:
        order.append(("b", i))
bt = [threading.Thread(target=phase, args=(i,)) for i in range(4)]
for t in bt:
    t.start()
for t in bt:
    t.join()
print("all a before b:", all(k == "a" for k, _ in order[:4]), len(order))

fired = []
t = threading.Timer(0.01, fired.append, args=("fired",))
t.start(); t.join()
t2 = threading.Timer(5, fired.append, args=("never",))
t2.start(); t2.cancel(); t2.join()
print("timers", fired)

data = threading.local()
data.value = "main"
seen = []
def use_local(v):
    data.value = v
    time.sleep(0.005)
    seen.append(data.value == v)
lt = [threading.Thread(target=use_local, args=(i,)) for i in range(4)]
for t in lt:
    t.start()
for t in lt:
    t.join()
print("locals isolated", all(seen), data.value)
print("main", threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
