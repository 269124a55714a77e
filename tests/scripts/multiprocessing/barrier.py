# multiprocessing.Barrier: processes meet at it; timeouts, abort and reset.
import multiprocessing as mp
import threading
import time


def meet(barrier, queue, rounds, arrived=None):
    for r in range(rounds):
        if arrived is not None:
            with arrived.get_lock():
                arrived.value += 1
        i = barrier.wait()
        # Nobody passes round r before all parties have arrived at it.
        seen = arrived is None or arrived.value >= barrier.parties * (r + 1)
        queue.put(('pass', r, i, seen))


def late(barrier, queue):
    try:
        barrier.wait()
        queue.put('passed')
    except threading.BrokenBarrierError:
        queue.put('broken')


def wait_short(barrier, queue):
    try:
        barrier.wait(0.2)
        queue.put('passed')
    except threading.BrokenBarrierError:
        queue.put('timed out')


if __name__ == '__main__':
    b = mp.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    print(repr(b).startswith('<multiprocessing.synchronize.Barrier at 0x'),
          repr(b).endswith(': waiters=0/3>'))
    q = mp.Queue()
    arrived = mp.Value('i', 0)
    ps = [mp.Process(target=meet, args=(b, q, 3, arrived)) for _ in range(3)]
    for p in ps:
        p.start()
    events = [q.get(timeout=10) for _ in range(9)]
    for p in ps:
        p.join()
    print([p.exitcode for p in ps])
    print('ordered', all(e[3] for e in events))
    for r in range(3):
        print(r, sorted(e[2] for e in events if e[1] == r))

    # The index and the action, with the parent as one of the parties.
    b = mp.Barrier(2, action=lambda: print('action ran'))
    p = mp.Process(target=meet, args=(b, q, 1))
    p.start()
    i = b.wait(10)
    p.join()
    print(sorted([i, q.get()[2]]))

    # A child waiting with a timeout breaks the barrier.
    b = mp.Barrier(2)
    p = mp.Process(target=wait_short, args=(b, q))
    p.start()
    print(q.get(timeout=10))
    p.join()
    print('broken', b.broken, b.n_waiting)
    try:
        b.wait()
    except threading.BrokenBarrierError as e:
        print('BrokenBarrierError', repr(e))
    b.reset()
    print('after reset', b.broken)

    # abort() from the parent wakes a waiting child.
    b = mp.Barrier(2)
    p = mp.Process(target=late, args=(b, q))
    p.start()
    deadline = time.monotonic() + 10
    while b.n_waiting < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    print('waiting', b.n_waiting)
    b.abort()
    print(q.get(timeout=10), b.broken)
    p.join()

    # The barrier's own timeout, in the parent.
    b = mp.Barrier(2, timeout=0.1)
    t = time.monotonic()
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print('default timeout', time.monotonic() - t < 5)
    b.reset()
    print(b.broken, b.n_waiting)
