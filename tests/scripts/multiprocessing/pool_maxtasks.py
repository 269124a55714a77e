# Pool(maxtasksperchild=N): a worker leaves after N tasks and a new one
# takes its place; every result still arrives.
import multiprocessing as mp
import os
import time


def square_pid(x):
    return x * x, os.getpid()


def square(x):
    return x * x


def counted(x):
    global CALLS
    CALLS += 1
    return CALLS


CALLS = 0


if __name__ == '__main__':
    t = time.monotonic()
    with mp.Pool(2, maxtasksperchild=3) as p:
        res = p.map(square_pid, range(30), chunksize=1)
        print([r[0] for r in res])
        # 30 tasks, at most 3 per worker: at least 10 workers served them.
        print('workers', len(set(r[1] for r in res)) >= 10)
        print(1 <= len(p._pool) <= 2)
        res = [p.apply_async(square, (i,)) for i in range(10)]
        print([r.get(timeout=20) for r in res])
        print(sorted(p.imap_unordered(square, range(12))))
        print(list(p.imap(square, range(7))))
        print(p.starmap(pow, [(2, i) for i in range(6)]))
        # No worker's task counter goes past the limit.
        print('limit', max(p.map(counted, range(20), chunksize=1)) <= 3)

    p = mp.Pool(1, maxtasksperchild=1)
    print(p.map(square, range(5), chunksize=1))
    print(p.map(counted, range(5), chunksize=1))
    p.close()
    p.join()
    print([w.exitcode for w in p._pool])
    print('fast enough', time.monotonic() - t < 20)

    for bad in (0, -1, 1.5, 'x'):
        try:
            mp.Pool(1, maxtasksperchild=bad)
        except ValueError as e:
            print('ValueError:', e)
