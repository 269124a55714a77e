# Threads store and load attributes of objects of several classes through the
# same code (one cache site, many classes), while one thread keeps adding and
# removing a class attribute; and they create and drop objects all along.
import threading

N, K = 8, 3000


class Base:
    def bump(self):
        self.count = self.count + 1
        return self.count


classes = [type("C%d" % i, (Base,), {}) for i in range(6)]
done = threading.Event()


def churn():
    # Changes class namespaces (invalidating every cache) until the others end.
    while not done.is_set():
        Base.extra = 1
        del Base.extra


def work(t, out):
    objs = []
    for i in range(12):
        o = classes[(t + i) % len(classes)]()
        o.count = 0
        objs.append(o)
    total = 0
    for _ in range(K):
        for o in objs:
            total += o.bump() - o.count + 1
        objs.append(classes[t % len(classes)]())
        objs.pop().count = 0
    out[t] = (total, sum(o.count for o in objs))


out = [None] * N
churner = threading.Thread(target=churn)
churner.start()
ts = [threading.Thread(target=work, args=(t, out)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
done.set()
churner.join()
print(all(r == (12 * K, 12 * K) for r in out), len(out))
