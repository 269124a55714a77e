# Every pool's handler threads end with it (terminate, or close and join):
# a program that makes many pools does not pile up threads.
import multiprocessing as mp
import threading


def square(x):
    return x * x


if __name__ == '__main__':
    for i in range(20):
        with mp.Pool(2) as pool:
            assert sum(pool.map(square, range(10))) == 285
    pool = mp.Pool(2)
    print(pool.map(square, range(5)))
    pool.close()
    pool.join()
    print(threading.active_count())
    with mp.Pool(2) as pool:
        r = pool.apply_async(square, (7,))
        print(r.get(timeout=10))
    print(threading.active_count())
