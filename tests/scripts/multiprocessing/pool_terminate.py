# terminate() with big tasks still queued (the task pipe full) returns
# promptly, in a with block or by hand, and join() after it too.
import multiprocessing as mp
import threading
import time


def slow(x):
    time.sleep(0.5)
    return len(x)


if __name__ == '__main__':
    t = time.monotonic()
    p = mp.Pool(2)
    r = p.map_async(slow, [b'x' * 100000] * 50, chunksize=1)
    time.sleep(0.2)
    p.terminate()
    p.join()
    print('terminate + join', time.monotonic() - t < 5, r.ready())
    t = time.monotonic()
    with mp.Pool(2) as p:
        r = p.map_async(slow, [b'y' * 100000] * 50, chunksize=1)
        time.sleep(0.2)
    p.join()
    print('with', time.monotonic() - t < 5)
    print(p)
    deadline = time.monotonic() + 10
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    print(threading.active_count(), mp.active_children())
