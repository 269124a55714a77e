# Shared list, dict and set mutated and read by four threads at once; one
# thread iterates while others mutate (an error or a snapshot, never a crash).
import threading

N, K = 4, 2000
items, table, seen = [], {}, set()
errors = []


def work(t):
    for i in range(K):
        items.append(i)
        table[(t, i)] = i
        seen.add(t * K + i)
        if i % 50 == 0:
            try:
                total = sum(v for v in table.values())
            except RuntimeError:
                errors.append(1)
            items[i % len(items)] = i
            len(seen)
        if i % 3 == 0:
            table.pop((t, i - 3), None)


ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
assert len(items) == N * K, len(items)
assert len(seen) == N * K, len(seen)
print("containers ok", len(items), len(table), len(seen))
