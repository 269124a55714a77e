# Many threads append to one list, set keys in one dict and add to one set.
import threading
N, K = 16, 5000
items, table, seen = [], {}, set()
def work(t):
    for i in range(K):
        items.append(i)
        table[(t, i)] = i
        seen.add(t * K + i)
ts = [threading.Thread(target=work, args=(t,)) for t in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(items), len(table), len(seen), sum(items) == N * K * (K - 1) // 2)
