# 16 producers x 1000 items through bounded and unbounded queues; every item
# arrives exactly once; the queue variants and their errors.
import queue
import threading

PRODUCERS = 16
ITEMS = 1000
STOP = (10 ** 9, -1)   # sorts after every item (PriorityQueue)


def run(q, consumers):
    got = []
    lock = threading.Lock()

    def producer(p):
        for i in range(ITEMS):
            q.put((p, i))

    def consumer():
        mine = []
        while True:
            item = q.get()
            if item == STOP:
                q.task_done()
                break
            mine.append(item)
            q.task_done()
        with lock:
            got.extend(mine)

    cs = [threading.Thread(target=consumer) for _ in range(consumers)]
    ps = [threading.Thread(target=producer, args=(p,)) for p in range(PRODUCERS)]
    for t in cs + ps:
        t.start()
    for t in ps:
        t.join()
    q.join()
    for _ in cs:
        q.put(STOP)
    for t in cs:
        t.join()
    return got


for label, q in [("unbounded", queue.Queue()), ("bounded(5)", queue.Queue(5)),
                 ("lifo(50)", queue.LifoQueue(50)), ("priority", queue.PriorityQueue())]:
    got = run(q, 8)
    print(label, len(got), len(set(got)) == PRODUCERS * ITEMS, sum(i for _, i in got))
    # per producer, a FIFO queue keeps each producer's order for one consumer
    print("  empty:", q.empty(), "unfinished:", q.unfinished_tasks)

# Order of the variants.
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3, 9, 0, 7, 8, 6, 1]:
    lq.put(x)
    pq.put(x)
print([lq.get() for _ in range(11)])
print([pq.get() for _ in range(11)])
pq2 = queue.PriorityQueue()
for item in [(2, "b"), (1, "z"), (2, "a"), (0, "q")]:
    pq2.put(item)
print([pq2.get_nowait() for _ in range(4)])

# SimpleQueue across threads.
sq = queue.SimpleQueue()
out = []


def drain():
    while True:
        v = sq.get()
        if v is None:
            return
        out.append(v)


t = threading.Thread(target=drain)
t.start()
for i in range(5000):
    sq.put(i)
sq.put(None)
t.join()
print("simple:", out == list(range(5000)), sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty after timeout")
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty from get_nowait")
for bad in (queue.Queue(), queue.SimpleQueue()):
    try:
        bad.get(timeout=-1)
    except ValueError as e:
        print(type(bad).__name__, "ValueError:", e)
full = queue.Queue(1)
full.put(1)
try:
    full.put(2, timeout=-1)
except ValueError as e:
    print("put ValueError:", e)
q = queue.Queue()
try:
    q.task_done()
except ValueError as e:
    print("ValueError:", e)
print(queue.Queue(3).maxsize, queue.Empty.__name__, queue.Full.__mro__[1].__name__)
