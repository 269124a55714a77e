"""Producers and consumers sharing a bounded queue.Queue."""
import queue
import threading
import time

q = queue.Queue(maxsize=5)
SENTINEL = None


def producer(name, count):
    for i in range(count):
        item = f"{name}-{i}"
        q.put(item)          # blocks while the queue is full
        time.sleep(0.01)
    print(f"{name} done")


def consumer(name, results):
    while True:
        item = q.get()       # blocks while the queue is empty
        if item is SENTINEL:
            q.task_done()
            break
        results.append(item)
        q.task_done()
    print(f"{name} consumed {len(results)} items")


consumed = [[], []]
producers = [threading.Thread(target=producer, args=(f"p{i}", 10)) for i in range(3)]
consumers = [threading.Thread(target=consumer, args=(f"c{i}", consumed[i])) for i in range(2)]
for t in producers + consumers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(SENTINEL)
q.join()
for t in consumers:
    t.join()
print("total consumed:", sum(len(c) for c in consumed))
