import gc
for o in [1, 'a', 1.0, None, True, b'x', (1,[]), [], {}, {'a':1}, {'a':[]}, {1: (2, [])}, set(), frozenset(), range(3), slice(1), object(), type, len, lambda:0, 1j, bytearray()]:
    print(repr(o)[:20], gc.is_tracked(o))
class A: pass
print(gc.is_tracked(A()), gc.is_tracked(A))
for args in [(), (1,2,3,4), ('a',), (1.5,), (5,), (6, 7, 8)]:
    try: gc.set_threshold(*args); print('ok', gc.get_threshold())
    except Exception as e: print(type(e).__name__, e)
try: gc.set_threshold(threshold0=1)
except Exception as e: print(type(e).__name__, e)
for a in [3, -1, 'x']:
    try: gc.collect(a)
    except Exception as e: print(type(e).__name__, e)
gc.set_threshold(700,10,10)
print(gc.get_threshold(), sorted(gc.get_stats()[0].keys()), len(gc.get_stats()))
gc.callbacks.append(lambda p, i: print(p, i))
print(gc.collect(1), gc.collect(generation=0))
gc.callbacks.clear()
print(gc.collect())
print(gc.get_referents(1, [1,2], {'a': 3}, (4,), {5: 6}))
print(gc.DEBUG_LEAK, gc.DEBUG_SAVEALL, gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.get_debug())
gc.set_debug(gc.DEBUG_STATS); print(gc.get_debug()); gc.set_debug(0)
try: gc.set_debug('x')
except Exception as e: print(type(e).__name__, e)
print(gc.is_finalized([]), gc.garbage, gc.isenabled())
gc.disable(); print(gc.isenabled()); gc.enable(); print(gc.isenabled())
gc.freeze(); gc.unfreeze(); print(type(gc.get_freeze_count()).__name__, len(gc.get_count()))
print(gc.__doc__.splitlines()[0])
# A failing callback is reported on stderr; the others still run.
def bad(phase, info): 1 / 0
gc.callbacks[:] = [bad, lambda p, i: print("second", p)]
print(gc.collect())
gc.callbacks.clear()
