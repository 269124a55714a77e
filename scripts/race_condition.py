"""A read-modify-write race, and the same code made safe with a Lock.

Under the GIL the unlocked version often happens to give the right total,
because switches are rare; without the GIL (the free-threaded build) it
loses updates. Either way only the locked version is correct by design.
"""
import threading

ROUNDS = 200_000
THREADS = 4
counter = 0
lock = threading.Lock()


def unsafe_increment():
    global counter
    for _ in range(ROUNDS):
        value = counter      # read
        counter = value + 1  # write: another thread may have written in between


def safe_increment():
    global counter
    for _ in range(ROUNDS):
        with lock:
            counter += 1


for name, worker in (("without a lock", unsafe_increment), ("with a lock", safe_increment)):
    counter = 0
    threads = [threading.Thread(target=worker) for _ in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    expected = ROUNDS * THREADS
    print(f"{name:<15} counter = {counter:>8} (expected {expected}, lost {expected - counter})")
