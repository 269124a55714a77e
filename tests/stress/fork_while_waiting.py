# Threads wait on and wake Conditions, Events and Queues without pause while
# the main thread forks again and again; each child then waits on and wakes
# locks of its own. A child must never find a lock or a wait queue held by a
# thread of the parent it does not have.
import os
import queue
import threading

stop = threading.Event()
rounds = [0, 0]


def pingpong(cond, turn, me, slot):
    while not stop.is_set():
        with cond:
            while turn[0] != me and not stop.is_set():
                cond.wait(0.05)
            turn[0] = 1 - me
            cond.notify_all()
        rounds[slot] += 1


def shuttle(q_in, q_out):
    while True:
        item = q_in.get()
        q_out.put(item)
        if item is None:
            return


def child():
    cond = threading.Condition()
    turn = [0]
    done = []

    def player(me):
        for _ in range(30):
            with cond:
                while turn[0] != me:
                    cond.wait()
                turn[0] = 1 - me
                cond.notify_all()
        done.append(me)

    ts = [threading.Thread(target=player, args=(i,)) for i in (0, 1)]
    for t in ts:
        t.start()
    q = queue.Queue(maxsize=1)
    for i in range(20):
        q.put(i)
        q.get()
    for t in ts:
        t.join()
    os._exit(len(done))


pairs = []
for slot in range(2):
    cond, turn = threading.Condition(), [0]
    for me in (0, 1):
        pairs.append(threading.Thread(target=pingpong, args=(cond, turn, me, slot)))
a, b = queue.Queue(maxsize=2), queue.Queue(maxsize=2)
feeders = [threading.Thread(target=shuttle, args=(a, b)),
           threading.Thread(target=shuttle, args=(b, a))]
for t in pairs + feeders:
    t.start()
a.put(0)
statuses = set()
for _ in range(40):
    pid = os.fork()
    if pid == 0:
        child()
    _, status = os.waitpid(pid, 0)
    statuses.add(os.waitstatus_to_exitcode(status))
stop.set()
a.put(None)
for t in pairs + feeders:
    t.join()
print(sorted(statuses), all(n > 0 for n in rounds))
