# Queues, pipes, process-shared locks and shared memory.
import multiprocessing as mp
import queue
import time


def producer(q, n):
    for i in range(n):
        q.put(i)
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(('echo', msg))
    conn.send_bytes(b'raw bytes')
    conn.close()


def add_many(counter, lock, n):
    for _ in range(n):
        with lock:
            counter.value += 1


def fill(arr):
    for i in range(len(arr)):
        arr[i] = arr[i] * 10


def consumer(jq, out):
    while True:
        item = jq.get()
        out.put(item * 2)
        jq.task_done()


def waiter(ev, q):
    q.put(('waiting', ev.is_set()))
    ev.wait()
    q.put(('woke', ev.is_set()))


def limited(sem, v, lock):
    with sem:
        with lock:
            v.value += 1


def cond_worker(cond, v):
    with cond:
        cond.wait_for(lambda: v.value > 0)
        v.value += 100


if __name__ == '__main__':
    q = mp.Queue()
    p = mp.Process(target=producer, args=(q, 5))
    p.start()
    items = []
    while True:
        x = q.get(timeout=10)
        if x is None:
            break
        items.append(x)
    p.join()
    print(items, q.empty())
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('Empty')
    try:
        q.get_nowait()
    except queue.Empty:
        print('Empty again')
    q.put({'k': [1, 2]})
    print(q.get())
    bq = mp.Queue(maxsize=1)
    bq.put(1)
    try:
        bq.put(2, timeout=0.05)
    except queue.Full:
        print('Full', bq.qsize(), bq.full())

    sq = mp.SimpleQueue()
    sq.put(('simple', 1.5))
    print(sq.get(), sq.empty())

    a, b = mp.Pipe()
    p = mp.Process(target=echo, args=(b,))
    p.start()
    b.close()
    for msg in ('hi', 42, [1, (2, 3)], {'x': None}):
        a.send(msg)
        print(a.recv())
    a.send(None)
    print(a.recv_bytes())
    p.join()
    print(a.poll(0.5))
    try:
        a.recv()
    except EOFError:
        print('EOFError')
    r, w = mp.Pipe(duplex=False)
    w.send_bytes(b'0123456789', 2, 5)
    print(r.poll(), r.recv_bytes())
    try:
        r.send(1)
    except OSError as e:
        print('OSError:', e)
    w.close()
    print(w.closed)

    counter = mp.Value('i', 0)
    lock = mp.Lock()
    ps = [mp.Process(target=add_many, args=(counter, lock, 200)) for _ in range(3)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('counter', counter.value)
    v = mp.Value('d', 1.5)
    with v.get_lock():
        v.value *= 2
    print(v.value)
    c = mp.Value('c', b'a')
    print(c.value)
    arr = mp.Array('i', range(5))
    p = mp.Process(target=fill, args=(arr,))
    p.start()
    p.join()
    print(arr[:], len(arr), arr[-1], list(arr))
    z = mp.Array('d', 3)
    print(z[:])

    jq = mp.JoinableQueue()
    out = mp.Queue()
    p = mp.Process(target=consumer, args=(jq, out), daemon=True)
    p.start()
    for i in range(4):
        jq.put(i)
    jq.join()
    print(sorted(out.get() for _ in range(4)))
    p.terminate()
    p.join()

    ev = mp.Event()
    eq = mp.Queue()
    p = mp.Process(target=waiter, args=(ev, eq))
    p.start()
    print(eq.get())
    time.sleep(0.05)
    ev.set()
    print(eq.get(), ev.is_set())
    p.join()
    ev.clear()
    print(ev.is_set(), ev.wait(0.05))

    sem = mp.Semaphore(2)
    v = mp.Value('i', 0, lock=False)
    lk = mp.RLock()
    ps = [mp.Process(target=limited, args=(sem, v, lk)) for _ in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print('semaphore', v.value, sem.get_value())
    with lk:
        with lk:
            print('rlock reentered')
    l2 = mp.Lock()
    print(l2.acquire(), l2.acquire(False), l2.acquire(timeout=0.05))
    l2.release()
    try:
        l2.release()
    except ValueError as e:
        print('ValueError:', e)
    bs = mp.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('ValueError:', e)

    cond = mp.Condition()
    cv = mp.Value('i', 0)
    p = mp.Process(target=cond_worker, args=(cond, cv))
    p.start()
    time.sleep(0.05)
    with cond:
        cv.value = 1
        cond.notify_all()
    p.join()
    print('condition', cv.value)
