# Comprehensions, conditionals, loops with else, chained comparisons, truthiness.
print([x * y for x in range(1, 4) for y in range(x, 4) if (x + y) % 2 == 0])
print({x % 3 for x in range(10)} == {0, 1, 2}, {k: len(k) for k in ["a", "bb", "ccc"]})
print([[j for j in range(i)] for i in range(4)], [(i, c) for i, c in enumerate("xy")])
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
i = 0
while i < 3:
    i += 1
else:
    print("while finished", i)
x = 5
print(1 < x < 10, 1 < x > 10, x == 5 == 5.0, 0 <= x <= 4, "yes" if x else "no", x and "t", 0 or "f", not x)
print(bool([]), bool([0]), bool(""), bool(" "), bool(0.0), bool(None), bool({}), bool(range(0)))
values = [3, None, 0, "", "a", [], [1]]
print([v for v in values if v], [type(v).__name__ for v in values])
a = b = c = [1]
a += [2]
print(a, b, c, a is b, [1] is [1], None is None)
n = 10
n -= 3; n *= 2; n //= 3; n **= 2; n %= 7; n <<= 2; n |= 1; n ^= 8; n &= 13
print(n)
word = "mississippi"
print({ch: word.count(ch) for ch in sorted(set(word))}, [w for w in word.split("s") if w])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [sum(row) for row in matrix], sum(sum(r) for r in matrix))
print(*range(3), sep="-", end="!\n")
print("a", "b", sep="")
del matrix[0]
print(matrix, len(matrix))
pairs = [(1, "b"), (1, "a"), (0, "z")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]), min(pairs), max(pairs, key=lambda p: p[1]))
print(type(None).__name__, type(print).__name__, isinstance(True, int), type(1) is int, int is type(2))
