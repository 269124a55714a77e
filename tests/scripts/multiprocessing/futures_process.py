# concurrent.futures.ProcessPoolExecutor over forked workers.
import concurrent.futures as cf
import os
from concurrent.futures.process import BrokenProcessPool


def cube(x):
    return x ** 3


def add(a, b):
    return a + b


def fails(x):
    raise KeyError(x)


def dies(code):
    os._exit(code)


if __name__ == '__main__':
    with cf.ProcessPoolExecutor(max_workers=2) as ex:
        fs = [ex.submit(cube, i) for i in range(10)]
        print(sorted(f.result() for f in cf.as_completed(fs)))
        print(list(ex.map(cube, range(10))))
        print(list(ex.map(add, range(5), range(10, 15), chunksize=2)))
        f = ex.submit(add, 'a', b='b')
        print(f.result(timeout=10), f.done(), f.exception())
        f = ex.submit(fails, 'k')
        print(type(f.exception()).__name__, f.exception())
        try:
            f.result()
        except KeyError as e:
            print('KeyError', e)
        done, not_done = cf.wait([ex.submit(cube, 2), ex.submit(cube, 3)])
        print(sorted(x.result() for x in done), len(not_done))
    try:
        ex.submit(cube, 1)
    except RuntimeError as e:
        print('RuntimeError:', e)
    try:
        cf.ProcessPoolExecutor(max_workers=0)
    except ValueError as e:
        print('ValueError:', e)
    try:
        list(cf.ProcessPoolExecutor(1).map(cube, [1], chunksize=0))
    except ValueError as e:
        print('ValueError:', e)

    ex = cf.ProcessPoolExecutor(max_workers=2)
    f = ex.submit(dies, 3)
    try:
        f.result(timeout=30)
    except BrokenProcessPool as e:
        print('BrokenProcessPool:', e)
    try:
        ex.submit(cube, 2)
    except BrokenProcessPool as e:
        print('BrokenProcessPool:', e)
    ex.shutdown()
    ex = cf.ProcessPoolExecutor()
    print(sum(ex.map(cube, range(100), chunksize=10)))
    ex.shutdown(wait=True)
