# Reductions that a process pool relies on: a Pickler subclass with its own
# dispatch table and copyreg.pickle, bound methods, functools.partial,
# classes and functions by reference, and __reduce_ex__ with the protocol.
import copyreg
import functools
import io
import operator
import pickle


class Job:
    def __init__(self, n):
        self.n = n

    def run(self, k):
        return self.n * k


def work(x, y=1):
    return x + y


class ForkingPickler(pickle.Pickler):
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args):
        super().__init__(*args)
        self.dispatch_table = self._copyreg_dispatch_table.copy()
        self.dispatch_table.update(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()


class Handle:
    def __init__(self, fd):
        self.fd = fd


def rebuild_handle(fd):
    return 'handle %d' % fd


ForkingPickler.register(Handle, lambda h: (rebuild_handle, (h.fd,)))
data = ForkingPickler.dumps([Handle(7), work, Job(3)])
print(data)
print(pickle.loads(data)[0])

for proto in (2, 4, 5):
    task = (work, (1,), {'y': 5})
    f, args, kw = pickle.loads(pickle.dumps(task, proto))
    print(proto, f(*args, **kw))
    m = pickle.loads(pickle.dumps(Job(6).run, proto))
    print(proto, m(7))
    p = pickle.loads(pickle.dumps(functools.partial(work, 10, y=2), proto))
    print(proto, p(), p.args, p.keywords)
    print(proto, pickle.loads(pickle.dumps(operator.add, proto))(2, 3))


class Versioned:
    def __reduce_ex__(self, proto):
        return (Versioned._make, (proto,))

    @staticmethod
    def _make(proto):
        return 'made with protocol %d' % proto


for proto in range(6):
    print(pickle.loads(pickle.dumps(Versioned(), proto)))


class Point:
    pass


def reduce_point(p):
    return Point, ()


copyreg.pickle(Point, reduce_point)
print(pickle.dumps(Point(), 4))
del copyreg.dispatch_table[Point]
