# close() then join() waits for every outstanding result (imap iterators,
# callbacks of apply_async and map_async, empty maps), with processes and
# with threads.
import multiprocessing as mp
import time
from multiprocessing.pool import ThreadPool


def square(x):
    return x * x


def work(x):
    time.sleep(0.01 * (x % 3))
    if x == 7:
        raise KeyError(x)
    return x * 10


if __name__ == '__main__':
    for cls in (mp.Pool, ThreadPool):
        print(cls.__name__)
        p = cls(2)
        print(list(p.imap(square, range(5))), sorted(p.imap_unordered(square, range(5))),
              list(p.imap(square, range(5), 2)))
        it = p.imap(square, range(3))
        p.close()
        p.join()
        print(list(it), len(p._cache))

        p = cls(2)
        print(list(p.imap(square, [])), list(p.imap_unordered(square, [], 3)))
        got = []
        r = p.map_async(square, [], callback=got.append)
        print(r.get(), got, r.ready(), r.successful())
        it = p.imap_unordered(square, range(4), 3)
        p.close()
        p.join()
        print(sorted(it), len(p._cache))

        results, errors = [], []
        p = cls(3)
        for i in range(10):
            p.apply_async(work, (i,), callback=results.append, error_callback=errors.append)
        p.close()
        p.join()
        print(sorted(results), [repr(e) for e in errors])
        p = cls(2)
        r = p.map_async(work, [1, 2, 3], callback=results.append)
        p.close()
        p.join()
        print(r.ready(), results[-1])
        print(p)
        p.terminate()
        print(p)
