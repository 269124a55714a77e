# A generator kept in the namespace its code runs in (a module-level
# generator expression in exec'd code, a class attribute made by one) and
# that namespace hold each other: the collector frees both.
import gc
import weakref


class Marker:
    pass


sources = [
    "g = (x for x in [1, 2])\n",
    "def f():\n    return (x for x in [1])\ng = f()\n",
    "class K(list):\n    attr = (x for x in [1])\n",
    "def gen():\n    yield 1\nit = gen()\nnext(it)\n",
]
for source in sources:
    refs = []
    for i in range(30):
        ns = {}
        exec(source, ns)
        ns["m"] = Marker()
        refs.append(weakref.ref(ns["m"]))
        del ns
    gc.collect()
    print(sum(r() is None for r in refs), "of", len(refs), "freed")
