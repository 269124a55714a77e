# Two threads take strict turns through a Condition, then through Events.
import threading
cond = threading.Condition()
turn = [0]
log = []
def player(me, rounds):
    for _ in range(rounds):
        with cond:
            cond.wait_for(lambda: turn[0] == me)
            log.append(me)
            turn[0] = 1 - me
            cond.notify_all()
a = threading.Thread(target=player, args=(0, 500))
b = threading.Thread(target=player, args=(1, 500))
a.start(); b.start(); a.join(); b.join()
print(len(log), all(log[i] != log[i + 1] for i in range(len(log) - 1)))
ping, pong = threading.Event(), threading.Event()
count = [0]
def pinger():
    for _ in range(300):
        ping.set(); pong.wait(); pong.clear()
def ponger():
    for _ in range(300):
        ping.wait(); ping.clear(); count[0] += 1; pong.set()
x = threading.Thread(target=pinger); y = threading.Thread(target=ponger)
x.start(); y.start(); x.join(); y.join()
print(count[0])
