# Eight threads make reference cycles at once while collections run: every
# thread finishes, the values stay right, and memory stays flat (without the
# GIL, each collection stops the other threads).
import gc
import sys
import threading

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self
        self.items = [self, {'n': self}]


totals = [0] * 8


def work(k):
    keep = []
    for i in range(N):
        n = Node(i)
        l = [n]
        l.append(l)
        if i % 1000 == 0:
            keep.append(n)
        totals[k] += n.items[1]['n'].i
    totals[k] += sum(x.i for x in keep)


threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
expected = sum(range(N)) + sum(range(0, N, 1000))
print(all(t == expected for t in totals))
gc.collect()
print("done")
