"""How fast a thread gets the GIL back beside busy threads.

    yield_handoff.py [sleep0|nolock|nosleep]

Three threads spin; every 500 rounds they yield with `time.sleep(0)` (mode
sleep0, each round under a shared lock; nolock: without the lock; nosleep:
they never yield). Meanwhile the main thread makes 100 waits of 0.1 ms and
prints how long each took on average: after each wait it must get the GIL
back from a spinner. Runs under python3 too, for comparison.
"""
import sys
import threading
import time

mode = sys.argv[1] if len(sys.argv) > 1 else "sleep0"
stop = threading.Event()
lock = threading.Lock()


def spin():
    n = 0
    while not stop.is_set():
        if mode != "nolock":
            with lock:
                n += 1
        else:
            n += 1
        if n % 500 == 0 and mode != "nosleep":
            time.sleep(0)


threads = [threading.Thread(target=spin) for _ in range(3)]
for t in threads:
    t.start()
time.sleep(0.05)
start = time.perf_counter()
for _ in range(100):
    time.sleep(0.0001)
elapsed = time.perf_counter() - start
stop.set()
for t in threads:
    t.join()
print(f"{mode}: 100 short waits took {elapsed:.3f} s ({elapsed * 10:.2f} ms each)")
