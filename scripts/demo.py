"""What a GIL does, in one table.

The same CPU-bound job (pure-Python arithmetic) and the same I/O-bound job
(sleeping "downloads") are split over 1, 2 and 4 threads. Run it with the GIL
build and with the free-threaded build (gilpy built with
`--features free-threading`) and compare the speed-ups.
"""
import sys
import threading
import time

# Sized so that every row takes at least half a second (the free-threaded
# build's 4-thread CPU row included) and the whole table takes about 8 s
# with the GIL build on an idle 2-core machine.
CPU_STEPS = 22_000_000
IO_TASKS = 44
IO_SECONDS = 0.05


def cpu_job(steps):
    s = 0
    for i in range(steps):
        s += (i * i) % 7
    return s


def io_job(tasks):
    for _ in range(tasks):
        time.sleep(IO_SECONDS)  # a blocking call: the GIL is released while it waits


def timed(job, total, n):
    """Runs `job` on `total` units split over `n` threads; returns seconds."""
    share = total // n
    threads = [threading.Thread(target=job, args=(share,)) for _ in range(n)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - start


def gil_state():
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    return "on" if enabled else "off"


def main():
    print(f"{sys.version.split()[0]} {sys.version[sys.version.find('('):]}  GIL {gil_state()}")
    print()
    print(f"{'job':<10}{'threads':>8}{'elapsed (s)':>14}{'speed-up':>10}")
    results = {}
    for name, job, total in (("CPU-bound", cpu_job, CPU_STEPS), ("I/O-bound", io_job, IO_TASKS)):
        base = None
        for n in (1, 2, 4):
            elapsed = timed(job, total, n)
            base = base or elapsed
            results[(name, n)] = base / elapsed
            print(f"{name:<10}{n:>8}{elapsed:>14.3f}{base / elapsed:>9.2f}x")
    print()
    cpu4, io4 = results[("CPU-bound", 4)], results[("I/O-bound", 4)]
    if gil_state() == "on":
        print(f"With the GIL only one thread runs Python code at a time: 4 threads give "
              f"{cpu4:.1f}x on CPU-bound work, but {io4:.1f}x on I/O-bound work, because a "
              f"thread that sleeps or waits releases the GIL for the others.")
    else:
        print(f"Without the GIL threads run Python code in parallel: 4 threads give "
              f"{cpu4:.1f}x on CPU-bound work (bounded by the number of cores) and "
              f"{io4:.1f}x on I/O-bound work.")


if __name__ == "__main__":
    main()
