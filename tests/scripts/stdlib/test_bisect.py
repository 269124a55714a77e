import bisect
from bisect import bisect_left, bisect_right, insort_left, insort_right, insort

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 4, 5, 9, 10]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 4, 3), bisect_left(a, 4, 0, 2), bisect_right(a, 4, 0, 4), bisect_right(a, 4, lo=5))
l = []
for v in [5, 1, 4, 1, 5, 9, 2, 6]:
    insort(l, v)
print(l)
insort_left(l, 5)
insort_right(l, 0)
insort_left(l, 10, 0, len(l))
print(l)
records = [("a", 1), ("b", 3), ("c", 5)]
print(bisect_left(records, 3, key=lambda r: r[1]), bisect_right(records, 3, key=lambda r: r[1]))
insort(records, ("d", 4), key=lambda r: r[1])
insort_left(records, ("e", 3), key=lambda r: r[1])
print(records)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
print(bisect_left([], 5), bisect_right([], 5), bisect_left(["b", "d"], "c"))
