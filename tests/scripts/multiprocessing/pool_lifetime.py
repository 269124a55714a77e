# A pool the program no longer names lives on while one of its results is
# held or pending, then stops by itself (threads and pipes given back).
import multiprocessing as mp
import os
import threading
import time
from multiprocessing.pool import ThreadPool


def slow(x):
    time.sleep(0.3)
    return x * 2


def submit(cls):
    p = cls(2)
    return p.apply_async(slow, (21,)), p.map_async(slow, [1, 2]), p.imap(slow, [3])


def fds():
    return len(os.listdir('/proc/self/fd'))


def settle(base):
    deadline = time.monotonic() + 10
    while (fds() > base or threading.active_count() > 1) and time.monotonic() < deadline:
        time.sleep(0.02)
    return fds() <= base, threading.active_count()


if __name__ == '__main__':
    base = fds()
    for cls in (mp.Pool, ThreadPool):
        a, b, c = submit(cls)
        print(cls.__name__, a.get(timeout=10), b.get(timeout=10), list(c))
        del a, b, c
        print(settle(base))
        # Dropped with a task pending: the result still arrives (callback).
        got = []
        p = cls(2)
        p.apply_async(slow, (5,), callback=got.append)
        del p
        deadline = time.monotonic() + 10
        while not got and time.monotonic() < deadline:
            time.sleep(0.02)
        print(got, settle(base))
    print(mp.active_children())
