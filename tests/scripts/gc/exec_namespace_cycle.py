# A function defined in exec'd code and the namespace it was defined in hold
# each other: the collector frees both (and what the namespace holds).
import gc
import weakref


class Marker:
    pass


freed = 0
for i in range(100):
    ns = {}
    exec("def f(a, *, k=[1]):\n    return a\nx = f(%d)\n" % i, ns)
    ns["m"] = Marker()
    r = weakref.ref(ns["m"])
    del ns
    gc.collect()
    freed += r() is None
print("namespaces freed:", freed)
