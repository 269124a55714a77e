# Queue keeps its items in a collections.deque; LifoQueue and PriorityQueue in lists.
import queue
import collections

q = queue.Queue()
print(type(q.queue) is collections.deque, type(q.queue).__name__)
for i in range(5):
    q.put(i)
print(q.queue)
print(q.get(), q.get(), q.qsize())
print(list(q.queue))

lq = queue.LifoQueue()
print(type(lq.queue).__name__)
for i in range(3):
    lq.put(i)
print(lq.queue, lq.get())

pq = queue.PriorityQueue()
print(type(pq.queue).__name__)
for x in [5, 1, 4, 2]:
    pq.put(x)
print(pq.get(), pq.get(), sorted(pq.queue))

sq = queue.SimpleQueue()
for i in range(3):
    sq.put(i)
print(sq.get(), sq.get(), sq.qsize(), sq.empty())

bq = queue.Queue(maxsize=2)
bq.put('a'); bq.put('b')
try:
    bq.put_nowait('c')
except queue.Full:
    print('full', bq.queue)
