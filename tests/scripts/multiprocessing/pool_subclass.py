# Pool subclasses choose their workers through Process(ctx, ...) or a
# context: the recipe for pools whose workers may have children.
import multiprocessing as mp
import multiprocessing.pool


def square(x):
    return x * x


def nested(n):
    with mp.Pool(2) as inner:
        return sum(inner.map(square, range(n)))


def is_daemon(_):
    return mp.current_process().daemon


class NoDaemonProcess(mp.Process):
    @property
    def daemon(self):
        return False

    @daemon.setter
    def daemon(self, value):
        pass


class NoDaemonContext(type(mp.get_context())):
    Process = NoDaemonProcess


class NestablePool(multiprocessing.pool.Pool):
    def __init__(self, *args, **kwargs):
        kwargs['context'] = NoDaemonContext()
        super().__init__(*args, **kwargs)


made = []


class CountingPool(multiprocessing.pool.Pool):
    @staticmethod
    def Process(ctx, *args, **kwds):
        made.append(1)
        return ctx.Process(*args, **kwds)


if __name__ == '__main__':
    with mp.Pool(2) as p:
        print(p.map(is_daemon, range(2)))
        try:
            p.apply(nested, (3,))
        except AssertionError as e:
            print('AssertionError:', e)
    with NestablePool(2) as p:
        print(p.map(is_daemon, range(2)))
        print(p.map(nested, [3, 4, 5]))
    with CountingPool(3) as p:
        print(p.map(square, range(5)), len(made))
    with mp.get_context('fork').Pool(2) as p:
        print(p.map(square, range(3)))
    with multiprocessing.pool.Pool(2, context=mp.get_context()) as p:
        print(p.map(square, range(3)))
