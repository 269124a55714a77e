# Many small tasks and a few big ones through a Pool: tasks go out in
# batches and results are read as they arrive, whatever their size.
import multiprocessing as mp
import time


def inc(x):
    return x + 1


def blob(n):
    return b'x' * n


def total(data):
    return len(data), sum(data[:10])


def first(x):
    return 'first'


if __name__ == '__main__':
    with mp.Pool(2) as p:
        t = time.monotonic()
        print(sum(p.map(inc, range(100000))))
        print(sum(p.imap(inc, range(3000))), sum(p.imap_unordered(inc, range(3000))))
        rs = [p.apply_async(inc, (i,)) for i in range(2000)]
        print(sum(r.get(timeout=30) for r in rs))
        print(p.map(inc, (x for x in range(7)), chunksize=2))
        print(p.map(inc, {3: 'a', 1: 'b'}), p.map(inc, range(0)), p.map(inc, ()))
        print(p.starmap(divmod, zip(range(10, 20), range(1, 11))))
        # Results around the pipe's atomic size and far above the batch size.
        sizes = [0, 1, 4091, 4092, 4093, 16384, 70000, 1 << 20, 3]
        print([len(b) for b in p.map(blob, sizes, chunksize=1)])
        print(sorted(len(b) for b in p.imap_unordered(blob, sizes)))
        # Workers writing big and small results at once keep them whole.
        mixed = [100000 if i % 3 == 0 else i for i in range(300)]
        print(p.map(blob, mixed, chunksize=1) == [b'x' * n for n in mixed])
        # Big task arguments between small ones.
        args = [bytes(range(10)) * (1 << k) for k in range(0, 18, 3)]
        print(p.map(total, args, chunksize=1))
        # A module function rebound between calls is sent by its new value.
        print(p.apply(first, (1,)))
        old = first

        def first(x):
            return 'second'
        globals()['first'] = first
        try:
            p.apply(old, (1,))
        except Exception as e:
            print(type(e).__name__)
        print('in time', time.monotonic() - t < 60)
