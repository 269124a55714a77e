# Memory per thread: starts N threads (default 500) that each do a little
# work and then wait on an event, and prints the resident size they added,
# divided by N.
# gilpy scripts/thread_memory.py [N]
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'):
                return int(line.split()[1])


go = threading.Event()
ready = threading.Semaphore(0)


def worker():
    d = {i: str(i) for i in range(50)}
    [w.upper() for w in d.values()]
    ready.release()
    go.wait()


base = rss_kb()
threads = [threading.Thread(target=worker) for _ in range(N)]
for t in threads:
    t.start()
for _ in threads:
    ready.acquire()
print("KB per thread", round((rss_kb() - base) / N, 1))
go.set()
for t in threads:
    t.join()
