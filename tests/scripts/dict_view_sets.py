# Keys and items views are sets: operators with any iterable, comparisons with sets.
d = {1: 2, 3: 4}
print(d.keys() | {9}, d.keys() & [1], d.keys() - {1}, d.keys() ^ {1, 7}, sorted(d.items() | {(5, 6)}))
print({9} | d.keys(), [1, 3, 8] & d.keys(), (1, 5) - d.keys(), {1, 7} ^ d.keys())
print(d.keys() == {1, 3}, d.keys() <= {1, 3, 5}, d.keys() < {1, 3}, d.keys() > {1}, d.keys() != [1, 3])
print(d.keys().isdisjoint([7]), d.items().isdisjoint({(1, 2)}), d.items() == {(1, 2), (3, 4)})
print(d.items() - {(1, 2)}, d.keys() == d.keys(), d.keys() == {1: 0, 3: 0}.keys())
print(d.values() == d.values(), frozenset({1, 3}) == d.keys(), {1, 3} >= d.keys())
try:
    d.keys() | 5
except TypeError as e:
    print(e)
try:
    d.values() | {1}
except TypeError as e:
    print(e)
try:
    d.keys() < [1]
except TypeError as e:
    print(e)
e = {}
print(e.keys() | set(), e.items() & {1}, type(d.keys() | d.keys()).__name__)
import collections.abc
print(isinstance(d.keys(), collections.abc.Set), isinstance(d.values(), collections.abc.Set))
print({1: []}.items() == {1: []}.items(), {1: []}.items() != {1: [2]}.items(), {1: []}.items() <= {1: [], 2: 3}.items())
print({1: 2}.items() < {(1, 2), (3, 4)}, {(1, 2)} < {1: 2, 3: 4}.items(), {1: 2}.keys() >= {1}, {1: 2}.keys() > set())
