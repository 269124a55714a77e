"""Dining philosophers that always finish: forks are taken in a global order."""
import threading
import time

N = 5
MEALS = 3
forks = [threading.Lock() for _ in range(N)]
print_lock = threading.Lock()


def say(msg):
    with print_lock:
        print(msg)


def philosopher(i):
    left, right = i, (i + 1) % N
    first, second = min(left, right), max(left, right)  # the ordering breaks the cycle
    for meal in range(1, MEALS + 1):
        with forks[first]:
            with forks[second]:
                say(f"philosopher {i} eats meal {meal}")
                time.sleep(0.01)
        time.sleep(0.01)  # think


threads = [threading.Thread(target=philosopher, args=(i,), name=f"phil-{i}") for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(f"all {N} philosophers ate {MEALS} meals each")
