# multiprocessing.pool.ThreadPool: Pool's API over threads.
import multiprocessing
import threading
import time
from multiprocessing.pool import ThreadPool


def slow(x):
    time.sleep(0.1)
    return x * 2


def slower(x):
    time.sleep(0.5)
    return x * 2


def fails(x):
    if x == 3:
        raise ValueError('bad %d' % x)
    return x


def add(a, b):
    return a + b


def init(value):
    threading.current_thread().base = value


def with_base(x):
    return threading.current_thread().base + x


if __name__ == '__main__':
    # I/O-bound work overlaps: 8 sleeps of 0.1 s take about 0.1 s (0.8 s
    # one after the other).
    with ThreadPool(8) as p:
        t = time.monotonic()
        print(p.map(slow, range(8)))
        print('parallel', time.monotonic() - t < 0.6)

    shared = []
    with ThreadPool(4) as p:
        print(p.map(abs, [-1, -2]), p.map(abs, []))
        print(p.map(abs, range(-10, 0), chunksize=3))
        print(list(p.imap(abs, range(-3, 3))), list(p.imap(abs, range(-5, 0), 2)))
        print(sorted(p.imap_unordered(abs, range(-3, 3))))
        print(sorted(p.imap_unordered(abs, range(-7, 0), chunksize=3)))
        print(p.starmap(add, [(1, 2), (3, 4), ('a', 'b')]), p.apply(add, (1, 2)))
        print(p.apply(add, (), {'a': 'x', 'b': 'y'}))
        # Threads share the caller's objects: no pickling.
        p.map(shared.append, range(5))
        print(sorted(shared))
        r = p.apply_async(slower, (5,))
        print(r.ready())
        try:
            r.get(timeout=0.01)
        except multiprocessing.TimeoutError as e:
            print('timeout', type(e).__name__, isinstance(e, multiprocessing.TimeoutError))
        r.wait(5)
        print(r.get(), r.ready(), r.successful())
        try:
            p.map(fails, range(5))
        except ValueError as e:
            print('ValueError', e, e.__cause__)
        r = p.map_async(fails, range(5))
        r.wait()
        print(r.successful())
        errors = []
        r = p.apply_async(fails, (3,), error_callback=errors.append)
        r.wait()
        print(r.successful(), errors)
        got = []
        r = p.map_async(abs, [-1, -2], callback=got.append)
        print(r.get(), got)
        print(p.starmap_async(add, [(1, 1)]).get(), p.map_async(abs, [-1]).get())
        out = []
        try:
            for x in p.imap(fails, range(6)):
                out.append(x)
        except ValueError as e:
            print(out, 'then', e)
        print(repr(p))
    print(repr(p))

    p = ThreadPool()
    print(len(p._pool) == multiprocessing.cpu_count())
    p.close()
    p.join()
    try:
        p.map(abs, [1])
    except ValueError as e:
        print('ValueError:', e)
    try:
        ThreadPool(0)
    except ValueError as e:
        print('ValueError:', e)

    p = ThreadPool(3, initializer=init, initargs=(100,))
    print(p.map(with_base, range(6)))
    p.close()
    p.join()
    # Workers of a terminated thread pool end after their current task.
    deadline = time.monotonic() + 10
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    print(threading.active_count())
