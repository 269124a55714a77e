# Several producers and consumers over one bounded queue: every item arrives once.
import queue, threading
q = queue.Queue(maxsize=8)
P, C, K = 4, 4, 2000
got = []
lock = threading.Lock()
def produce(p):
    for i in range(K):
        q.put(p * K + i)
def consume():
    local = []
    while True:
        x = q.get()
        if x is None:
            break
        local.append(x)
    with lock:
        got.extend(local)
ps = [threading.Thread(target=produce, args=(p,)) for p in range(P)]
cs = [threading.Thread(target=consume) for _ in range(C)]
for t in ps + cs:
    t.start()
for t in ps:
    t.join()
for _ in cs:
    q.put(None)
for t in cs:
    t.join()
print(len(got), len(set(got)), sorted(got) == list(range(P * K)))
