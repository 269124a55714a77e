# __del__: run when the last reference goes, once per object (PEP 442),
# also for objects in cycles; exceptions in it are reported, not raised.
import gc
import sys


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


a = Noisy("a")
b = Noisy("b")
a = None
print("after a = None")
del b
print("after del b")


def scope():
    c = Noisy("c")
    print("leaving scope")


scope()
print("after scope")

items = [Noisy("in list")]
items.pop()
print("after pop")
d = {"k": Noisy("in dict")}
del d["k"]
print("after del d['k']")
Noisy("temporary")
print("after temporary")


class Holder:
    pass


h = Holder()
h.x = Noisy("attribute")
h.x = None
print("after attribute")

# In a cycle: __del__ runs when the collector finds it, once.
n = Noisy("cycle")
n.me = n
del n
print("collected", gc.collect())
print("again", gc.collect())

# A __del__ that resurrects its object: the object lives on, and its
# __del__ does not run a second time.
saved = []


class Phoenix:
    def __del__(self):
        print("phoenix __del__")
        saved.append(self)


p = Phoenix()
p.me = p
del p
gc.collect()
print("saved", len(saved), gc.is_finalized(saved[0]))
saved[0].me = None
saved.clear()
gc.collect()
print("no second __del__")


class Failing:
    def __del__(self):
        raise ValueError("from __del__")


f = Failing()
sys.stderr.flush()
del f
print("after failing __del__")

# Inheritance: the subclass's __del__ is found along the MRO.
class Child(Noisy):
    pass


Child("child")

last = Noisy("alive at exit")
print("end")
