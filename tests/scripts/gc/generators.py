# Generators in cycles: a suspended generator whose frame refers back to
# it is freed by the collector, and its `finally` runs.
import gc


class Box:
    pass


def worker(box):
    try:
        yield 1
        yield 2
    finally:
        print("finally ran")


b = Box()
b.gen = worker(b)
next(b.gen)
del b
gc.collect()
print("after collect")


class Tracked:
    def __del__(self):
        print("box freed")


def plain(box):
    yield box


b = Tracked()
b.gen = plain(b)
next(b.gen)
del b
gc.collect()
print("end")
