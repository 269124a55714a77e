# 8 threads each append 100,000 items to one list and set 100,000 keys in
# one dict: exactly 800,000 of each, every round.
import sys
import threading

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
THREADS, EACH = 8, 100_000
bad = 0
for _ in range(ROUNDS):
    items, table = [], {}
    def work(t):
        base = t * EACH
        for i in range(EACH):
            items.append(i)
            table[base + i] = i
    ts = [threading.Thread(target=work, args=(t,)) for t in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if len(items) != THREADS * EACH or len(table) != THREADS * EACH:
        bad += 1
        print("round lost items:", len(items), len(table))
print(f"{ROUNDS} round(s), {THREADS * EACH} items each, bad rounds: {bad}")
