# A barrier with many parties over several phases, and a pool running many tasks.
import threading
from concurrent.futures import ThreadPoolExecutor, wait
parties, phases = 8, 20
b = threading.Barrier(parties)
hits = [0] * phases
lock = threading.Lock()
def run():
    for p in range(phases):
        with lock:
            hits[p] += 1
        b.wait()
ts = [threading.Thread(target=run) for _ in range(parties)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(hits == [parties] * phases)
def task(i):
    if i % 10 == 0:
        raise ValueError(i)
    return i
with ThreadPoolExecutor(max_workers=6) as ex:
    fs = [ex.submit(task, i) for i in range(200)]
    done, not_done = wait(fs)
errors = sum(1 for f in fs if f.exception() is not None)
print(len(done), len(not_done), errors, sum(f.result() for f in fs if f.exception() is None))
