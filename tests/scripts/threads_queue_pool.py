# Producer/consumer with queue.Queue, and a thread pool of fake downloads.
import queue, threading, time
from concurrent.futures import ThreadPoolExecutor, as_completed

q = queue.Queue(maxsize=10)
total = []
def producer(n):
    for i in range(n):
        q.put(i)
    q.put(None)
def consumer():
    s = 0
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        s += item
        q.task_done()
    total.append(s)
p = threading.Thread(target=producer, args=(1000,))
c = threading.Thread(target=consumer)
p.start(); c.start(); p.join(); c.join(); q.join()
print("sum", total, q.empty(), q.qsize())

try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty raised")
lq, pq = queue.LifoQueue(), queue.PriorityQueue()
for x in [3, 1, 2]:
    lq.put(x); pq.put(x)
print([lq.get() for _ in range(3)], [pq.get() for _ in range(3)])

def download(i):
    time.sleep(0.05)
    if i == 3:
        raise ValueError("page %d missing" % i)
    return i * 10

start = time.time()
with ThreadPoolExecutor(max_workers=8) as ex:
    futures = {ex.submit(download, i): i for i in range(8)}
    ok, failed = [], []
    for f in as_completed(futures):
        try:
            ok.append(f.result())
        except ValueError as e:
            failed.append(str(e))
elapsed = time.time() - start
print(sorted(ok), failed, "overlapped:", elapsed < 0.3)  # 0.4 s one after another
with ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(lambda x: x * x, range(6))))
