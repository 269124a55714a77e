# Pools give back their pipes: terminate (with), close + join, and a pool
# the program drops without closing all leave the descriptor count flat.
import multiprocessing as mp
import os
import threading
import time
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def fds():
    return len(os.listdir('/proc/self/fd'))


def settles(base, limit=10.0):
    # A dropped pool is stopped in the background: waits for it a while.
    deadline = time.monotonic() + limit
    while fds() > base + 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    return fds() <= base + 2


if __name__ == '__main__':
    with mp.Pool(2) as p:
        p.map(square, range(10))
    base = fds()
    for i in range(20):
        with mp.Pool(2) as p:
            assert p.map(square, range(10)) == [x * x for x in range(10)]
    print('with', fds() - base <= 2)
    for i in range(10):
        p = mp.Pool(2)
        p.map(square, range(10))
        p.close()
        p.join()
    print('close+join', fds() - base <= 2)
    for i in range(5):
        p = mp.Pool(3)
        p.map(square, range(10))
        p.terminate()
        p.join()
    print('terminate+join', fds() - base <= 2)
    for i in range(5):
        p = mp.Pool(2)
        print(p.map(square, range(4)))
        del p
    print('dropped', settles(base))
    print(mp.Pool(2).map(square, [5]))
    print('dropped inline', settles(base))
    for i in range(5):
        with ThreadPool(2) as p:
            p.map(square, range(10))
    print('thread pools', fds() - base <= 2)
    deadline = time.monotonic() + 10
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    print(threading.active_count(), mp.active_children())
    # Processes started and joined one by one give their pipes back too.
    for i in range(30):
        p = mp.Process(target=square, args=(i,))
        p.start()
        p.join()
    print('processes', fds() - base <= 2, p.exitcode)
    print(mp.connection.wait([p.sentinel], 5) == [p.sentinel])
    p.close()
    print('closed', fds() - base <= 2)
