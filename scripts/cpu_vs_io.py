"""CPU-bound versus I/O-bound work, sequential and with threads."""
import threading
import time


def count_down(n):
    while n > 0:
        n -= 1


def fake_request(seconds):
    time.sleep(seconds)


def run_threads(target, args, count):
    threads = [threading.Thread(target=target, args=args) for _ in range(count)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


N = 3_000_000
start = time.perf_counter()
count_down(N)
count_down(N)
print(f"CPU-bound, sequential:  {time.perf_counter() - start:.2f} s")
print(f"CPU-bound, 2 threads:   {run_threads(count_down, (N,), 2):.2f} s  (no faster under a GIL)")

start = time.perf_counter()
for _ in range(10):
    fake_request(0.1)
print(f"I/O-bound, sequential:  {time.perf_counter() - start:.2f} s")
print(f"I/O-bound, 10 threads:  {run_threads(fake_request, (0.1,), 10):.2f} s  (sleeps overlap)")
