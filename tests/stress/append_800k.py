# 8 threads each append EACH items (100,000 unless a second argument says)
# to one list and set as many keys in one dict: exactly 8 * EACH of each,
# every round. Usage: append_800k.py [ROUNDS [EACH]]
import sys
import threading

ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
THREADS = 8
EACH = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
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
