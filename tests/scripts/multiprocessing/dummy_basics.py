# multiprocessing.dummy: the multiprocessing API over threads.
import threading
import time
from multiprocessing.dummy import (Pool, Process, Queue, JoinableQueue, Lock, RLock,
                                   Event, Semaphore, Barrier, Condition,
                                   current_process, active_children, Pipe, Value)
import multiprocessing.dummy as dummy

counter = 0


def bump(lock, n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1


if __name__ == '__main__':
    with Pool(3) as p:
        print(p.map(abs, [-5, -6, 7]))
        print(type(p).__name__)

    q = Queue()
    ps = [Process(target=q.put, args=(i,)) for i in range(3)]
    for x in ps:
        print(x.exitcode, end=' ')
        x.start()
    for x in ps:
        x.join()
    print()
    print(sorted(q.get() for _ in range(3)), [x.exitcode for x in ps],
          [x for x in active_children() if x in ps])
    print(current_process() is threading.current_thread())

    lock = Lock()
    ts = [Process(target=bump, args=(lock, 1000)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print(counter)
    print(Lock is threading.Lock, RLock is threading.RLock, Event is threading.Event,
          Semaphore is threading.Semaphore, Barrier is threading.Barrier,
          Condition is threading.Condition)

    jq = JoinableQueue()
    jq.put(1)
    jq.get()
    jq.task_done()
    jq.join()
    print('joined')

    a, b = Pipe()
    a.send('hi')
    print(b.recv(), b.poll(), a.poll())
    b.send([1, 2])
    print(a.poll(0.1), a.recv())

    v = Value('i', 3)
    v.value += 1
    print(v.value)
    ns = dummy.Namespace(x=1, y='b')
    print(ns)
    # Workers of a terminated thread pool end after their current task.
    deadline = time.monotonic() + 10
    while threading.active_count() > 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    print(threading.active_count())
