# Objects made, shared, mutated and dropped across threads: attribute
# stores and loads, method calls through one cache site on several classes,
# a class attribute changed meanwhile, closures and generators.
import threading

N, K = 4, 1500


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Tagged(Point):
    tag = "t"

    def norm1(self):
        return super().norm1() + 1


shared = [Point(i, -i) for i in range(16)]
totals = [0] * N


def make_counter():
    n = 0

    def bump():
        nonlocal n
        n += 1
        return n
    return bump


def work(t):
    bump = make_counter()
    for i in range(K):
        p = Point(i, t) if i % 2 else Tagged(t, i)
        q = shared[i % len(shared)]
        q.x = i
        totals[t] += p.norm1() + q.norm1() * 0
        shared[(i * 7) % len(shared)] = p
        bump()
        totals[t] += sum(j for j in range(3))
        if t == 0 and i % 100 == 0:
            Tagged.tag = str(i)
    assert bump() == K + 1


ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("objects ok", len(shared), all(isinstance(v, Point) for v in shared))
