# A parent that runs threads forks a Pool again and again: the children
# must not inherit a lock held by a thread they do not have.
import multiprocessing as mp
import os
import threading
import time


def square(x):
    return x * x


def spin(stop, lock, log):
    n = 0
    while not stop.is_set():
        with lock:
            n += 1
        if n % 500 == 0:
            log.append(n)
            time.sleep(0.001)


def printer(stop):
    while not stop.wait(0.001):
        print(end='', flush=True)


if __name__ == '__main__':
    stop = threading.Event()
    lock = threading.Lock()
    log = []
    threads = [threading.Thread(target=spin, args=(stop, lock, log)) for _ in range(3)]
    threads.append(threading.Thread(target=printer, args=(stop,)))
    for t in threads:
        t.start()
    total = 0
    for i in range(50):
        with mp.Pool(2) as pool:
            total += sum(pool.map(square, range(20)))
    # A forked child can use threading (its own threads and locks).
    pid = os.fork()
    if pid == 0:
        out = []
        t = threading.Thread(target=out.append, args=(threading.active_count(),))
        t.start()
        t.join()
        os._exit(10 + out[0])
    _, status = os.waitpid(pid, 0)
    stop.set()
    for t in threads:
        t.join()
    print(total, os.waitstatus_to_exitcode(status))
