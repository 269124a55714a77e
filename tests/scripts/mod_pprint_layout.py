import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap

data = {
    "name": "gilpy",
    "version": (0, 1, 0),
    "authors": ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"],
    "settings": {"gil": True, "switch_interval": 0.005, "threads": list(range(12)),
                 "nested": {"a": [1, 2, {"b": ("x", "y", "z")}], "c": None}},
    "empty": [[], {}, (), set(), ""],
    "numbers": [10 ** 12, -3, 2.5, 1e-7],
}

pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, width=120)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, depth=1)
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pp(data, width=60)
pprint.pprint(list(range(40)), compact=True, width=50)
pprint.pprint(list(range(40)), width=50)
pprint.pprint([["spam"] * 6, ["eggs"] * 3, list("abcdefghij")], compact=True, width=40)
pprint.pprint((1,), width=1)
pprint.pprint(((1, 2, 3),), width=5)
pprint.pprint({3, 1, 2, 10, 22, 7}, width=8)
pprint.pprint(frozenset({"x", "y", "z"}), width=10)
pprint.pprint({"k": frozenset(range(5)), "s": set()}, width=15)

long_text = ("Beautiful is better than ugly. Explicit is better than implicit. "
             "Simple is better than complex. Complex is better than complicated.\n"
             "Flat is better than nested.\nSparse is better than dense.")
pprint.pprint(long_text)
pprint.pprint({"zen": long_text}, width=50)
pprint.pprint([long_text[:70]], width=30)

print(pprint.pformat({"b": 1, "a": [1, 2, 3]}))
print(pprint.pformat({"b": 1, "a": [1, 2, 3]}, width=10))
print(pprint.pformat(123456789, underscore_numbers=True), pprint.pformat([12345678] * 2, underscore_numbers=True))
print(pprint.pformat({1: "a", "b": 2, None: 3, (1, 2): 4}))
print(pprint.saferepr({"z": 1, "a": [1, 2]}), pprint.isreadable([1, "a"]), pprint.isreadable(object))
recursive = [1, 2]
recursive.append(recursive)
print(pprint.isrecursive(recursive), pprint.isreadable(recursive))
d = {"self": None}
d["self"] = d
print(pprint.isrecursive(d))

od = OrderedDict((k, k * 3) for k in "zyxwvu")
pprint.pprint(od, width=30)
dd = defaultdict(list, {"first": [1, 2, 3], "second": list(range(20))})
pprint.pprint(dd, width=40)
pprint.pprint(Counter("mississippi abracadabra"), width=40)
pprint.pprint(deque(range(30)), width=40)
pprint.pprint(deque(range(30), maxlen=40), width=40)
pprint.pprint(ChainMap({"a": list(range(10))}, {"b": list(range(10, 20))}), width=40)
pprint.pprint([OrderedDict(), defaultdict(int), Counter(), deque()], width=10)

printer = pprint.PrettyPrinter(indent=2, width=30)
printer.pprint({"alpha": list(range(10)), "beta": {"gamma": "delta" * 5}})
print(printer.pformat(["x" * 10] * 4))
print(printer.isreadable({"a": 1}), printer.isrecursive({"a": 1}))


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


s = Stream()
pprint.pprint({"to": "stream", "n": list(range(5))}, stream=s, width=20)
print(s.parts)

for kwargs in ({"indent": -1}, {"depth": 0}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print("ValueError:", e)


class Custom:
    def __repr__(self):
        return "Custom()"


pprint.pprint([Custom()] * 12, width=30)
print(pprint.pformat([Custom()] * 3), pprint.isreadable(Custom()))
