# Locks keep shared counters exact; RLock re-enters; Semaphore bounds concurrency.
import threading

counter = 0
lock = threading.Lock()

def add(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1

threads = [threading.Thread(target=add, args=(20000,)) for _ in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter", counter)

rlock = threading.RLock()
def nested(depth):
    with rlock:
        return depth if depth == 0 else nested(depth - 1) + 1
print("rlock depth", nested(50))

sem = threading.Semaphore(3)
active = 0
peak = 0
guard = threading.Lock()
def worker():
    global active, peak
    with sem:
        with guard:
            active += 1
            peak = max(peak, active)
        for _ in range(2000):
            pass
        with guard:
            active -= 1
ws = [threading.Thread(target=worker) for _ in range(12)]
for w in ws:
    w.start()
for w in ws:
    w.join()
print("peak <= 3:", peak <= 3, "active", active)

bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError:", e)
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01), l.locked())
l.release()
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
