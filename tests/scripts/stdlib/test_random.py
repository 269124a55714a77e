# random: the same sequences as CPython's for the same seeds.
import random


def checksum(values):
    """A position-sensitive checksum of the reprs: any differing digit shows."""
    total = 0
    for v in values:
        for ch in repr(v):
            total = (total * 131 + ord(ch)) % 2305843009213693951
        total = (total * 131 + 44) % 2305843009213693951
    return total


def show(label, values):
    # The first values as they are, and all of them through a checksum.
    print(label, len(values), checksum(values))
    print(' '.join([repr(v) for v in values[:8]]))


for seed in [0, 1, 42, 12345, 2 ** 40 + 7, -99, "hello", "héllo wörld", 3.5]:
    random.seed(seed)
    print("== seed", repr(seed))
    show("random", [random.random() for i in range(1000)])
    show("randint", [random.randint(1, 100) for i in range(1000)])
    show("choice", [random.choice("abcdefghij") for i in range(1000)])
    show("uniform", [random.uniform(-5, 5) for i in range(1000)])
    show("gauss", [random.gauss(0, 1) for i in range(1000)])
    shuffled = list(range(50))
    random.shuffle(shuffled)
    print("shuffle", shuffled)
    for k in [0, 1, 5, 10, 30, 100]:
        print("sample", k, random.sample(range(1000), k))
    print("sample small", random.sample(list(range(10)), 10))
    print("sample str", random.sample("abcdefgh", 3))
    print("sample counts", random.sample(["red", "blue"], 5, counts=[4, 2]))
    print("randrange", [random.randrange(10) for i in range(20)])
    print("randrange step", [random.randrange(0, 100, 7) for i in range(20)])
    print("randrange neg", [random.randrange(100, 0, -3) for i in range(20)])
    print("getrandbits", [random.getrandbits(k) for k in (1, 8, 31, 32, 33, 64, 100, 200)])
    print("big randrange", random.randrange(10 ** 30))
    print("choices", random.choices("abcde", k=20))
    print("choices w", random.choices("abcde", [1, 2, 3, 4, 50], k=20))
    print("choices cw", random.choices("abcde", cum_weights=[1, 2, 3, 4, 5.5], k=20))
    print("normalvariate", [random.normalvariate(10, 2) for i in range(5)])
    print("expovariate", [random.expovariate(1.5) for i in range(5)])
    print("triangular", [random.triangular(0, 10, 3) for i in range(5)])
    print("betavariate", [random.betavariate(2.0, 3.0) for i in range(5)])
    print("gammavariate", [random.gammavariate(0.5, 1.0) for i in range(3)],
          [random.gammavariate(1.0, 2.0) for i in range(3)],
          [random.gammavariate(3.0, 1.0) for i in range(3)])
    print("lognormvariate", [random.lognormvariate(0.0, 1.0) for i in range(3)])
    print("vonmisesvariate", [random.vonmisesvariate(1.0, 4.0) for i in range(3)])
    print("paretovariate", [random.paretovariate(2.0) for i in range(3)])
    print("weibullvariate", [random.weibullvariate(1.0, 2.0) for i in range(3)])

# Instances are independent; getstate/setstate round-trips.
a = random.Random(2024)
b = random.Random(2024)
print([a.random() for i in range(3)] == [b.random() for i in range(3)])
state = a.getstate()
print(state[0], len(state[1]), state[2])
first = [a.random() for i in range(5)]
a.setstate(state)
print(first == [a.random() for i in range(5)])
b.setstate(state)
print([b.randint(0, 9) for i in range(10)])
r = random.Random()
r.seed(7)
print(r.random(), r.randint(5, 10))
r.seed(7)
print(r.random(), r.randint(5, 10))
print(random.Random(0).random() == random.Random(False).random())

# gauss keeps its second value
g = random.Random(1)
print(g.gauss(), g.gauss(), g.gauss())
g.seed(1)
print(g.gauss(5, 2))

# errors
for call in [lambda: random.randrange(0), lambda: random.randrange(5, 5),
             lambda: random.randrange(0, 10, 0), lambda: random.choice([]),
             lambda: random.sample(range(5), 6), lambda: random.getrandbits(-1),
             lambda: random.sample({1, 2}, 1), lambda: random.choices("ab", [1], k=2),
             lambda: random.randint(3, 1)]:
    try:
        call()
        print("no error")
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# a subclass with its own random() uses it everywhere
class Fixed(random.Random):
    def random(self):
        return 0.5

f = Fixed()
print(f.uniform(0, 10), f.choice([1, 2, 3]), f.randrange(10))
