# The threading primitives under contention: Lock, RLock, Condition, Event,
# Semaphore, Barrier, queue.Queue and a thread pool; exact counts.
import queue
import threading
from concurrent.futures import ThreadPoolExecutor

N, K = 4, 500
lock, rlock = threading.Lock(), threading.RLock()
counter = [0, 0]
sem = threading.BoundedSemaphore(2)
barrier = threading.Barrier(N)
q = queue.Queue(maxsize=8)
done = threading.Event()


def work(t):
    for i in range(K):
        with lock:
            counter[0] += 1
        with rlock:
            with rlock:
                counter[1] += 1
        with sem:
            pass
    barrier.wait()


ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert counter == [N * K, N * K], counter


def producer():
    for i in range(K):
        q.put(i)
    q.put(None)


def consumer(out):
    while True:
        item = q.get()
        if item is None:
            done.set()
            return
        out.append(item)


got = []
p = threading.Thread(target=producer)
c = threading.Thread(target=consumer, args=(got,))
p.start()
c.start()
done.wait(30)
p.join()
c.join()
assert got == list(range(K))

with ThreadPoolExecutor(max_workers=N) as ex:
    squares = list(ex.map(lambda x: x * x, range(200)))
assert sum(squares) == sum(x * x for x in range(200))
print("sync ok", counter, len(got), len(squares))
