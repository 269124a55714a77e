"""One measurement for scripts/compare_gil.sh.

    compare_workload.py cpu|io N [SCALE [threads|processes|asyncio]]

Splits a fixed amount of work over N workers and prints the elapsed wall
time in seconds. "cpu" is pure-Python arithmetic (it needs the interpreter
the whole time); "io" is a series of waits of 20 ms (standing for network
round trips) with a little work after each, so the GIL is free most of the
time. SCALE multiplies the amount of work. The workers are threads (the
default), processes (multiprocessing, one interpreter each, so no shared
GIL), or asyncio tasks on one thread (a wait is `await asyncio.sleep`).
"""
import asyncio
import multiprocessing
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


async def cpu_task(steps):
    return cpu_job(steps)  # never awaits: one task runs at a time


async def io_task(tasks):
    total = 0
    for _ in range(tasks):
        await asyncio.sleep(IO_WAIT)  # the event loop runs the others meanwhile
        for j in range(200):
            total += j
    return total


def run_workers(model, job, share, n):
    """Runs job(share) on n workers of the given model; returns when all end."""
    if model == "asyncio":
        task = cpu_task if job is cpu_job else io_task

        async def all_tasks():
            await asyncio.gather(*(task(share) for _ in range(n)))

        asyncio.run(all_tasks())
        return
    if model == "threads":
        workers = [threading.Thread(target=job, args=(share,)) for _ in range(n)]
    elif model == "processes":
        ctx = multiprocessing.get_context("fork")
        workers = [ctx.Process(target=job, args=(share,)) for _ in range(n)]
    else:
        sys.exit(f"unknown model {model!r} (threads, processes or asyncio)")
    for w in workers:
        w.start()
    for w in workers:
        w.join()


def main():
    kind = sys.argv[1] if len(sys.argv) > 1 else "cpu"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    scale = float(sys.argv[3]) if len(sys.argv) > 3 else 1.0
    model = sys.argv[4] if len(sys.argv) > 4 else "threads"
    if kind == "cpu":
        job, total = cpu_job, int(CPU_STEPS * scale)
    elif kind == "io":
        job, total = io_job, int(IO_TASKS * scale)
    else:
        sys.exit(f"unknown job kind {kind!r} (cpu or io)")
    share = total // n
    start = time.perf_counter()
    run_workers(model, job, share, n)
    print(f"{time.perf_counter() - start:.4f}")


if __name__ == "__main__":
    main()
