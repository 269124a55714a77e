import heapq
import random

rng = random.Random(99)
for size in [0, 1, 2, 5, 10, 31, 100]:
    data = [rng.randint(0, 50) for i in range(size)]
    h = list(data)
    heapq.heapify(h)
    print("heapify", h)
    h2 = []
    for x in data:
        heapq.heappush(h2, x)
    print("push", h2)
    out = []
    while h2:
        out.append(heapq.heappop(h2))
    print("pop", out == sorted(data), out[:10])

h = [5, 1, 8, 3, 9, 2]
heapq.heapify(h)
print(h, heapq.heapreplace(h, 7), h, heapq.heappushpop(h, 0), h, heapq.heappushpop(h, 10), h)
tasks = []
for item in [(3, "write"), (1, "code"), (2, "test"), (1, "bug"), (5, "release")]:
    heapq.heappush(tasks, item)
print(tasks, [heapq.heappop(tasks) for i in range(len(tasks))])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
try:
    heapq.heapreplace([], 1)
except IndexError as e:
    print("IndexError:", e)

data = [rng.randint(-100, 100) for i in range(200)]
for n in [0, 1, 3, 10, 199, 200, 300]:
    print(n, heapq.nlargest(n, data), heapq.nsmallest(n, data))
words = ["pear", "fig", "banana", "kiwi", "apple", "date", "plum", "grape"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(2, iter(words)), heapq.nsmallest(2, iter(words), key=lambda w: w[-1]))
print(heapq.nsmallest(1, words, key=len), heapq.nlargest(1, []), heapq.nsmallest(5, [], key=len))
pairs = [(1, "a"), (1, "b"), (0, "c"), (2, "d"), (1, "e")]
print(heapq.nsmallest(3, pairs, key=lambda p: p[0]), heapq.nlargest(3, pairs, key=lambda p: p[0]))

print(list(heapq.merge([1, 3, 5, 7], [0, 2, 4, 8], [5, 10, 15, 20], [], [25])))
print(list(heapq.merge(["dog", "horse"], ["cat", "fish", "kangaroo"], key=len)))
print(list(heapq.merge([7, 5, 1], [8, 2], reverse=True)), list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge([(1, "x"), (2, "y")], [(1, "a"), (3, "b")])))
print(list(heapq.merge(iter([1, 1, 2]), iter([1, 3]), key=lambda v: -v if False else v)))
print(list(heapq.merge([3, 2], [5, 1], key=lambda v: v, reverse=True)))
