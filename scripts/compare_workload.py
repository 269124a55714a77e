"""One measurement for scripts/compare_gil.sh.

    compare_workload.py cpu|io THREADS [SCALE]

Splits a fixed amount of work over THREADS threads and prints the elapsed
wall time in seconds. "cpu" is pure-Python arithmetic (it needs the
interpreter the whole time); "io" is a series of blocking waits of 20 ms
(standing for network round trips) with a little work after each, so the
GIL is free most of the time. SCALE multiplies the amount of work.
"""
import sys
import threading
import time

CPU_STEPS = 20_000_000
IO_TASKS = 64
IO_WAIT = 0.02


def cpu_job(steps):
    s = 0
    for i in range(steps):
        s += (i * i) % 7
    return s


def io_job(tasks):
    total = 0
    for _ in range(tasks):
        time.sleep(IO_WAIT)  # the GIL is released while the thread waits
        for j in range(200):  # handling the reply
            total += j
    return total


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "cpu"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    if kind == "cpu":
        job, total = cpu_job, int(CPU_STEPS * scale)
    elif kind == "io":
        job, total = io_job, int(IO_TASKS * scale)
    else:
        sys.exit(f"unknown job kind {kind!r} (cpu or io)")
    share = total // n
    threads = [threading.Thread(target=job, args=(share,)) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"{time.perf_counter() - start:.4f}")


if __name__ == "__main__":
    main()
