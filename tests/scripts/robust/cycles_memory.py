# A loop making reference cycles of every common kind runs in flat memory:
# the peak resident size after all of it stays within 10% of the peak
# after the first 10,000 iterations.
import sys


def peak_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmHWM'):
                return int(line.split()[1])


class Node:
    def __init__(self):
        self.me = self
        self.data = [self, {'self': self}]


def closure():
    def f():
        return f
    return f


N = int(sys.argv[1]) if len(sys.argv) > 1 else 300_000
first = None
for i in range(N):
    a = []
    a.append(a)
    n = Node()
    c = closure()
    try:
        raise ValueError(i)
    except ValueError as e:
        e.keep = e
        e.tb = e.__traceback__
    if i == 10_000:
        first = peak_kb()
last = peak_kb()
print("flat", last <= first * 1.10)
