# The gc module's controls.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
old = gc.get_threshold()
gc.set_threshold(500, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())
print(len(gc.get_count()), all(isinstance(c, int) for c in gc.get_count()))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    gc.collect("x")
except TypeError as e:
    print("TypeError", e)

events = []


def callback(phase, info):
    events.append((phase, info["generation"], info["collected"]))


gc.callbacks.append(callback)
l = []
l.append(l)
del l
print(gc.collect())
gc.callbacks.remove(callback)
print(events)

# Objects made now are tracked; atoms never are.
marker = [1, 2, 3]
print(any(o is marker for o in gc.get_objects()))
print(gc.is_tracked(marker), gc.is_tracked(1), gc.is_tracked("s"))

gc.freeze()
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())

# With automatic collection off, cycles wait for an explicit collect().
gc.disable()
for _ in range(5000):
    x = []
    x.append(x)
del x
print(gc.collect() >= 5000)
gc.enable()
