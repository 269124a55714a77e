"""Four CPU-bound jobs: sequentially, on two threads and on Pool(2); then
Pool(2).map over 10,000 small items. Prints the wall-clock times.

    gilpy scripts/processes_cpu.py [N]
"""
import multiprocessing as mp
import sys
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def small(x):
    return x + 1


def timed(label, f):
    t0 = time.perf_counter()
    result = f()
    dt = time.perf_counter() - t0
    print('%-28s %7.3f s' % (label, dt))
    return dt, result


def threads(jobs):
    out = [None] * len(jobs)

    def run(i, n):
        out[i] = work(n)
    ts = [threading.Thread(target=run, args=(i, n)) for i, n in enumerate(jobs)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


if __name__ == '__main__':
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2_000_000
    jobs = [n] * 4
    seq, r1 = timed('4 jobs sequential', lambda: [work(x) for x in jobs])
    thr, r2 = timed('4 jobs on 2 threads', lambda: threads(jobs))
    with mp.Pool(2) as pool:
        par, r3 = timed('4 jobs on Pool(2)', lambda: pool.map(work, jobs, chunksize=1))
    assert r1 == r2 == r3
    print('speed-up: threads %.2fx, Pool(2) %.2fx' % (seq / thr, seq / par))
    with mp.Pool(2) as pool:
        pool.map(small, range(10))
        timed('Pool(2).map 10,000 items', lambda: pool.map(small, range(10_000)))
