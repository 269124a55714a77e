# collections.deque: both ends, maxlen, indexing, rotation, comparisons,
# copies and pickles, subclasses, a deque holding itself, mutation while
# iterating, and cycles through deques freed by the collector.
from collections import deque
import copy, pickle
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 2 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d)
d.extend([5, 6]); d.extendleft([-1, -2]); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d); d.reverse(); print(d)
print(d.count(2), d.index(2), d.index(5, 1))
d.remove(5); print(d); d.insert(1, 'x'); print(d); del d[1]; d[0] = 'z'; print(d)
m = deque(range(10), maxlen=3); print(m, m.maxlen); m.append(99); m.appendleft(-5); print(m)
try: m.insert(0, 1)
except IndexError as e: print('IndexError', e)
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1])['a'], lambda: deque(maxlen=-1), lambda: deque(maxlen='a'), lambda: deque([1]).remove(2), lambda: deque([1]).index(2), lambda: deque([1]) + [2], lambda: deque(1)]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(deque([1,2]) == deque([1,2]), deque([1,2]) < deque([1,3]), deque([1]) == [1])
print(deque([1,2]) + deque([3]), deque([1,2]) * 2, 2 * deque([7]))
e = deque([1,2,3]); e += [4]; e *= 2; print(e)
print(list(reversed(deque('abc'))), list(deque('abc')))
print(copy.copy(m), copy.deepcopy(deque([[1]])), pickle.loads(pickle.dumps(m)), pickle.loads(pickle.dumps(deque([1,2]))))
class D(deque):
    def push(self, x): self.append(x)
s = D([1]); s.push(2); print(s, type(s).__name__, len(s), s.copy(), type(s.copy()).__name__)
r = deque(); r.append(r); print(r)
it = iter(deque([1,2,3]))
q = deque([1,2,3]); it = iter(q); next(it); q.append(4)
try: next(it)
except RuntimeError as e: print('RuntimeError', e)
print(deque[int], deque.__module__, type(deque()).__name__, repr(deque))
print(deque([1,2,3], 2), deque(maxlen=2, iterable=[1,2,3]))
q = deque([1,2,3]); q.__init__([9]); print(q)
print(isinstance(deque(), deque), deque.__doc__[:20])
q = deque(); q.extend(q); q.extend([1]); q.extend(q); print(q)
print(sorted(deque([3,1,2])), sum(deque([1,2,3])), max(deque([4,5])), deque('ab').__reduce__()[:2])
import gc
class N: pass
for _ in range(3):
    a = deque(); n = N(); n.q = a; a.append(n)
del a, n
print(gc.collect() >= 2)
