import graphlib
from graphlib import CycleError, TopologicalSorter


def attempt(f, *args):
    try:
        print("ok", f(*args))
    except Exception as e:
        print(type(e).__name__, e, e.args)


graph = {"D": ["B", "C"], "C": ["A"], "B": ["A"]}
print(list(TopologicalSorter(graph).static_order()))
print(tuple(TopologicalSorter({2: [11], 9: [11, 8], 10: [11, 3], 11: [7, 5], 8: [7, 3]}).static_order()))

ts = TopologicalSorter()
ts.add(3, 2, 1)
ts.add(1, 0)
ts.add("x")
ts.add(3, 7)
attempt(ts.get_ready)
attempt(ts.is_active)
attempt(ts.done, 0)
ts.prepare()
attempt(ts.prepare)
attempt(ts.add, 9)
order = []
while ts.is_active():
    ready = ts.get_ready()
    print("ready", ready, bool(ts))
    order.extend(ready)
    ts.done(*ready)
print(order, ts.is_active(), ts.get_ready())

ts = TopologicalSorter({"a": ["b"], "b": ["c"]})
ts.prepare()
attempt(ts.done, "a")
attempt(ts.done, "zz")
r = ts.get_ready()
print(r)
ts.done(*r)
attempt(ts.done, "c")
print(ts.get_ready(), ts.is_active())

for g in ({1: [2], 2: [3], 3: [1]}, {"a": ["a"]}, {1: [2], 2: [3], 3: [4], 4: [2]},
          {"x": ["y", "z"], "y": ["w"], "z": ["x"], "w": []}):
    ts = TopologicalSorter(g)
    try:
        ts.prepare()
    except CycleError as e:
        print("CycleError", e, e.args, isinstance(e, ValueError))
        print("still ready:", ts.get_ready())
    try:
        list(TopologicalSorter(g).static_order())
    except CycleError as e:
        print("static_order:", e.args[1])

# duplicates and a node added twice
ts = TopologicalSorter()
ts.add("b", "a", "a")
ts.add("c", "b")
ts.add("c", "a")
print(list(ts.static_order()))
print(TopologicalSorter[int], CycleError.__mro__[1].__name__, graphlib.__all__)
