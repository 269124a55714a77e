# A generator kept in the namespace its code runs in (a module-level
# generator expression in exec'd code, a class attribute made by one) and
# that namespace hold each other: the collector frees both. So with classes
# whose methods were called (a full collection forgets the attribute cache,
# which holds those methods).
import gc
import weakref


class Marker:
    pass


sources = [
    "g = (x for x in [1, 2])\n",
    "def f():\n    return (x for x in [1])\ng = f()\n",
    "class K(list):\n    attr = (x for x in [1])\n",
    "def gen():\n    yield 1\nit = gen()\nnext(it)\n",
    "class K:\n    def __init__(self, x):\n        self.x = x\nK(1)\n",
    "class B:\n    def m(self):\n        return 1\nclass K(B):\n    pass\nk = K()\nk.m()\n",
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
