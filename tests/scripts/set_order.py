# Sets iterate (print, list, for, pop) in the order of CPython's set table.

# displays, set(), comprehensions
print({3, 1, 2}, {11, 8}, set([5, 3, 9, 1]))
print({17, 2, 3, 4, 5}, set([17, 2, 3, 4, 5]))
print({-754143, 3.0, 11, 857035, 1e-05}, set([-754143, 3.0, 11, 857035, 1e-05]))
print({(1, 2), 17, 2, 3, 4, 5}, {-1, 17, 2, 3, 4, 5}, {17, 2, 3, 4, 5, 5})
x = 17
print({x, 2, 3, 4, 5}, {17, 2, 3, 4, *[5]}, {*{17, 2, 3, 4, 5}})
print({i for i in (17, 2, 3, 4, 5)}, {i * 7 for i in range(12)})
for v in {-754143, 3.0, 11, 857035, 1e-05}:
    print(v, end=" ")
print([v for v in {17, 2, 3, 4, 5}], list({17, 2, 3, 4, 5}))
print(set(range(40, 0, -3)))
print(set("a"), set(), frozenset())

# negative, big ints, floats, tuples, bools
print({-1, -2, -3, 0, 1, 2, 3, -8, 8})
print({2**64, 2**70, -(2**65), 10**20, 1, 2, 3})
print({0.5, 1.5, -2.25, 3.0, 1e10, 1e-5, 1.1805916207174113e+21, 0.1})
print(set([0.5, 1.5, -2.25, 3.0, 1e10, 1e-5, 2.0**70, 0.1]))
print({(1, 2), (3, 4), (0, 0), (1, (2, 3)), ()})
print({True, False, 2, 1.0, 0.0})

# add, discard, remove, pop
s = {0, 1}
s.discard(0)
s.add(8)
print(s)
s = {0, 1, 2, 3}
s.discard(0)
s.discard(2)
s.add(8)
print(s)
s = set(range(20))
print(s.pop(), s.pop(), s)
s.add(0)
print(s.pop(), s)
s.remove(5)
print(s)
s = {1, 2, 3, 4}
s.pop()
s.clear()
s.update([1, 2, 3])
print(s.pop(), s)

# growing past several resizes
s = set()
for i in range(200):
    s.add(i * 37 % 1000 - 500)
    if i in (4, 5, 18, 19, 76, 77):
        print(len(s), list(s)[:12])
print(list(s)[-12:])
for i in range(0, 200, 3):
    s.discard(i * 37 % 1000 - 500)
print(list(s)[:15])
t = set()
for i in range(300):
    t.add(i)
    t.discard(i - 5)
print(t)

# union, intersection, difference, symmetric difference
a = set(range(0, 40, 3))
b = set(range(0, 40, 5))
print(a | b, a & b, a - b, a ^ b)
print(b | a, b & a, b - a, b ^ a)
print(a.union([100, -1], b), a.intersection(b, range(20)), a.difference(b, [3]))
print(a.symmetric_difference([1, 2, 3, 99]), a.union(), a.intersection(), a.difference())
print(a | a, a & a, a - a, a ^ a)
print(a - {0}, a - set(range(200)), set(range(100)) - {1, 2})
c = a.copy()
c |= {100, -1}
print(c)
c &= set(range(10, 100))
print(c)
c -= {12, 15}
print(c)
c ^= {1, 2, 3, 12}
print(c)
c.update({7: 0, -7: 1}, [70, 71])
print(c)
c.intersection_update([70, 1, 2, 3, 71, 18], range(60))
print(c)
c.difference_update([1], {2})
print(c)
c.symmetric_difference_update({5: 1, 18: 2})
print(c)
print(set(a), a.copy(), frozenset(a), set(frozenset(a)))

# frozenset
f = frozenset([9, 17, 1, 33, 25])
print(f, f | {0}, f & {1, 17, 9}, f - {1}, f ^ {2, 9}, f.copy() is f)
print(frozenset(f) is f, frozenset({40, 8, 16, 24, 32}))

# dict from a set, sorted
print(dict.fromkeys({9, 1, 17, 25}), sorted({3, 1, 2}))
print(list(map(str, {100, 36, 4, 68})), tuple({-5, 5, -1}))
