# Lists, tuples, dicts, sets.
nums = [5, 3, 8, 1, 9, 2]
nums.append(7); nums.extend([0, 4]); nums.insert(2, 6); nums.remove(8)
print(nums, len(nums), nums.pop(), nums.pop(0), nums.index(9), nums.count(3))
print(sorted(nums), sorted(nums, reverse=True), sorted(["bb", "a", "ccc"], key=len), nums[::-1])
nums.sort(); print(nums, nums[2:5], nums[-2:], nums[::3]); nums.reverse(); print(nums)
a = [1, 2, 3, 4, 5, 6]
a[1:3] = [20, 30, 40]; print(a); del a[::2]; print(a); a[::2] = [0, 0]; print(a)
m = [[0] * 3 for _ in range(3)]; m[1][1] = 5; print(m, [row[1] for row in m])
t = (1, "two", 3.0)
x, y, z = t
print(t, t[1], len(t), t + (4,), t * 2, x, y, z, (1, 2) < (1, 3), (2,) > (1, 9))
first, *rest = [1, 2, 3, 4]; *init, last = "abcd"; p, (q, r) = 1, (2, 3)
print(first, rest, init, last, p, q, r)
d = {"b": 2, "a": 1}
d["c"] = 3; d.update({"d": 4}, e=5); d.setdefault("a", 100)
print(d, list(d), list(d.keys()), list(d.values()), list(d.items())[:2], d.get("z"), d.get("z", 0))
print(d.pop("b"), d.popitem(), "a" in d, len(d), {k: v * 2 for k, v in d.items() if v > 1})
print(dict(zip("xyz", range(3))), dict([("k", 1)]), {**d, "new": 0}, dict.fromkeys("ab", 0))
counts = {}
for w in "the cat the dog the end".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
s = {3, 1, 2}
s.add(4); s.discard(10)
print(sorted(s), sorted(s | {9}), sorted(s & {1, 2, 7}), sorted(s - {1}), sorted(s ^ {1, 99}), {1, 2} <= s)
print(frozenset([1, 2]) == frozenset([2, 1]), len({(1, 2), (1, 2), (2, 1)}), {1: "a", 1.0: "b", True: "c"})
print(list(range(10, 0, -3)), range(5)[2], len(range(0, 100, 7)), 7 in range(0, 100, 7), list(range(3))[::-1])
print([1, 2] == [1, 2], [1, [2, 3]] == [1, [2, 3]], {"a": [1]} == {"a": [1]}, [3] * 3, [[]] * 2)
lst = [1, 2]; lst.append(lst); print(lst)
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])))
print(any([]), all([]), any(x > 2 for x in [1, 3]), all(x > 0 for x in [1, -1]))
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
