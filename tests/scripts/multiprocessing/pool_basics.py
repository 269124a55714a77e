# multiprocessing.Pool: map, imap, starmap, apply, async results, errors.
import multiprocessing as mp
from multiprocessing.pool import RemoteTraceback


def square(x):
    return x * x


def add(a, b):
    return a + b


def fails(x):
    if x == 4:
        raise ValueError('no fours: %d' % x)
    return x


def init(value):
    global BASE
    BASE = value


def with_base(x):
    return BASE + x


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def norm(p):
    return p.norm1()


if __name__ == '__main__':
    with mp.Pool(2) as pool:
        print(pool.map(square, range(12)))
        print(pool.map(square, range(12), chunksize=5))
        print(pool.map(square, []))
        print(list(pool.imap(square, range(8))))
        print(list(pool.imap(square, range(8), chunksize=3)))
        print(sorted(pool.imap_unordered(square, range(8))))
        print(sorted(pool.imap_unordered(square, range(8), chunksize=4)))
        print(pool.starmap(add, [(1, 2), (3, 4), ('a', 'b')]))
        print(pool.apply(add, (5, 6)))
        print(pool.apply(add, (), {'a': 1, 'b': 2}))
        r = pool.apply_async(square, (9,))
        print(r.get(timeout=10), r.ready(), r.successful())
        got = []
        r = pool.map_async(square, range(4), callback=got.append)
        r.wait()
        print(r.get(), got)
        r = pool.starmap_async(add, [(1, 1), (2, 2)])
        print(r.get())
        print(pool.map(norm, [Point(1, -2), Point(3, 4)]))
        print(pool.map(len, ['a', 'bb', 'ccc']))
        try:
            pool.map(fails, range(8))
        except ValueError as e:
            print('ValueError:', e)
            print(type(e.__cause__) is RemoteTraceback, 'no fours' in str(e.__cause__))
        errors = []
        r = pool.apply_async(fails, (4,), error_callback=errors.append)
        r.wait()
        print(r.successful(), [repr(x) for x in errors])
        try:
            r.get()
        except ValueError as e:
            print('again', e)
        it = pool.imap(fails, range(6))
        out = []
        try:
            for x in it:
                out.append(x)
        except ValueError as e:
            print(out, 'then', e)

    pool = mp.Pool(processes=3, initializer=init, initargs=(100,))
    print(sorted(pool.map(with_base, range(6))))
    pool.close()
    pool.join()
    try:
        pool.map(square, [1])
    except ValueError as e:
        print('ValueError:', e)
    try:
        mp.Pool(0)
    except ValueError as e:
        print('ValueError:', e)
    pool = mp.Pool()
    print(len(pool.map(square, range(100))))
    pool.terminate()
    pool.join()
