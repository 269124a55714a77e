import itertools
from itertools import (count, cycle, repeat, accumulate, chain, compress, dropwhile,
                       takewhile, filterfalse, groupby, islice, starmap, tee,
                       zip_longest, product, permutations, combinations,
                       combinations_with_replacement, pairwise)
import operator

print(list(islice(count(), 5)), list(islice(count(10, 3), 4)), list(islice(count(0.5, 0.25), 4)))
c = count(5)
next(c)
print(repr(c), repr(count(2, 3)), repr(count()), repr(count(1.5)), repr(count(0, 1.0)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(repeat("x", 3)), list(repeat(1, 0)), list(repeat(2, -1)), list(islice(repeat(7), 3)))
r = repeat("a", 3)
next(r)
print(repr(r), repr(repeat(5)))
print(list(map(pow, range(5), repeat(2))))

print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)), list(accumulate([], initial=10)))
print(list(accumulate([1, 2, 3], initial=100)), list(accumulate([])), list(accumulate("abc")))

print(list(chain("ab", [1, 2], (), range(3))), list(chain()))
print(list(chain.from_iterable(["abc", "de", []])))
ch = chain([1], [2, 3])
print(next(ch), list(ch))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 3)))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", None, 2])))

print([(k, list(g)) for k, g in groupby("AAAABBBCCDAABBB")])
print([k for k, g in groupby("AAAABBBCCD")])
print([(k, list(g)) for k, g in groupby([1, 2, 3, 4, 5, 6, 7], key=lambda x: x // 3)])
print([(k, len(list(g))) for k, g in groupby(sorted("mississippi"))])
groups = groupby("aabbbc")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2), [k for k, g in groups])
k, g = next(groupby("xxy"))
print(k, next(g), list(g))
print(list(groupby([])))

print(list(islice("ABCDEFG", 2)), list(islice("ABCDEFG", 2, 4)), list(islice("ABCDEFG", 2, None)),
      list(islice("ABCDEFG", 0, None, 2)), list(islice("ABCDEFG", 1, 6, 3)), list(islice("AB", 5, 10)))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 2)), list(it))
it = iter(range(10))
print(list(islice(it, 1, 6, 2)), next(it))
print(list(islice(count(), 2, 20, 5)), list(islice("abc", None)), list(islice("abcdef", None, None, 2)))
for args in [(-1,), (1, -2), (0, 5, 0), ("a",), (0, 2, -1)]:
    try:
        islice("abc", *args)
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(lambda *a: sum(a), [(1, 2, 3), ()])))

a, b = tee([1, 2, 3, 4])
print(next(a), next(a), list(b), list(a))
x, y, z = tee(iter("abc"), 3)
print(list(x), list(y), list(z), tee("q", 0))
src = iter(range(5))
t1, t2 = tee(src)
print(next(t1), next(t2), next(t1), list(t2), list(t1))
t3, t4 = tee(t1)
print(list(t3), list(t4))

print(list(zip_longest("ABCD", "xy", fillvalue="-")), list(zip_longest([1, 2], [3], [4, 5, 6])), list(zip_longest()))
print(list(pairwise("ABCDE")), list(pairwise("A")), list(pairwise([])))

print(list(product("AB", "xy")), list(product(range(2), repeat=3)))
print(list(product()), list(product("ab", [])), list(product("ab", repeat=0)), len(list(product(range(3), range(4), range(2)))))
print(list(permutations("ABC", 2)), list(permutations(range(3))))
print(list(permutations("AB", 3)), list(permutations([], 0)), list(permutations("abc", 0)), len(list(permutations(range(5)))))
print(list(combinations("ABCD", 2)), list(combinations(range(4), 3)), list(combinations("AB", 3)), list(combinations("AB", 0)))
print(list(combinations_with_replacement("ABC", 2)), list(combinations_with_replacement([], 2)), list(combinations_with_replacement("A", 0)))
print(len(list(combinations(range(10), 4))), len(list(combinations_with_replacement(range(6), 3))))
try:
    list(permutations("abc", -1))
except ValueError as e:
    print("ValueError:", e)
try:
    combinations("abc", -1)
except ValueError as e:
    print("ValueError:", e)
# laziness: infinite inputs
print(list(islice(zip(count(), cycle("ab")), 5)))
print(list(islice(accumulate(count(1)), 6)))
print(list(islice(filterfalse(lambda v: v % 3, count()), 5)))
print(list(islice(dropwhile(lambda v: v < 100, count()), 3)))
print(list(takewhile(lambda v: v < 5, count())))
print(list(islice(chain.from_iterable(repeat([1, 2])), 5)))
print(sum(1 for _ in islice(count(), 1000)))
