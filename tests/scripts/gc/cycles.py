# The cycle collector: what gc.collect() finds and frees, with CPython's counts.
import gc

gc.collect()


class A:
    pass


class C:
    def m(self):
        pass


def run(name, make):
    make()
    print(name, gc.collect())


def self_list():
    l = []
    l.append(l)


def two_lists():
    a = []
    b = [a]
    a.append(b)


def instance():
    a = A()
    a.me = a


def two_instances():
    a = A()
    b = A()
    a.other = b
    b.other = a


def dict_self():
    d = {}
    d['d'] = d


def closure():
    def f():
        return f


def tuple_cycle():
    l = []
    l.append((l, 1))


def bound_method():
    b = C()
    b.cb = b.m


def set_cycle():
    a = A()
    s = {a}
    a.s = s


def ring(n):
    first = A()
    node = first
    for _ in range(n - 1):
        node.next = A()
        node = node.next
    node.next = first


for name, make in [("self_list", self_list), ("two_lists", two_lists),
                   ("instance", instance), ("two_instances", two_instances),
                   ("dict_self", dict_self), ("closure", closure),
                   ("tuple", tuple_cycle), ("bound_method", bound_method),
                   ("set", set_cycle)]:
    run(name, make)
run("ring of 100", lambda: ring(100))
run("nothing", lambda: None)

# An object still reachable is not collected, nor is what it reaches.
keep = A()
keep.me = keep
keep.data = [keep, {"k": keep}]
print("reachable", gc.collect(), keep.data[1]["k"] is keep)
del keep
print("then unreachable", gc.collect())

# A weak tie through a live list: the cycle hangs off it, so it stays.
holder = []
x = []
x.append(x)
holder.append(x)
del x
print("held", gc.collect(), len(holder[0]))
holder.clear()
print("released", gc.collect())

# Garbage made by a function is found once it returns (automatic
# collection off, so that all of it is left for this one).
def make_garbage(n):
    for _ in range(n):
        l = []
        l.append(l)


gc.disable()
make_garbage(1000)
print("thousand", gc.collect())
gc.enable()

# Collection happens by itself, with the default thresholds.
print(gc.get_threshold())
before = gc.get_stats()[0]["collections"]
make_garbage(20000)
print("automatic", gc.get_stats()[0]["collections"] > before)
