# weakref: references that do not keep their object alive.
import gc
import weakref


class Obj:
    def __init__(self, name):
        self.name = name

    def method(self):
        return "method of " + self.name

    def __repr__(self):
        return "Obj(%s)" % self.name


a = Obj("a")
r = weakref.ref(a)
print(r() is a, r().name)
print(repr(r).startswith("<weakref at 0x"), "; to 'Obj' at 0x" in repr(r))
print(weakref.getweakrefcount(a), weakref.getweakrefs(a) == [r])
del a
print(r(), repr(r).endswith("; dead>"))

# Callbacks run when the object dies, with the reference.
seen = []
b = Obj("b")
rb = weakref.ref(b, lambda wr: seen.append(("died", wr is rb)))
del b
print(seen)

# A reference that dies first never calls back.
c = Obj("c")
rc = weakref.ref(c, lambda wr: print("never"))
del rc
del c
print("no callback")

# Hashing and equality follow the object while it lives.
d = Obj("d")
r1, r2 = weakref.ref(d), weakref.ref(d)
print(r1 == r2, hash(r1) == hash(d))

# Kinds that cannot be referred to weakly.
for value in (1, "s", [1], {}, (1,)):
    try:
        weakref.ref(value)
    except TypeError as e:
        print(e)

# Functions and classes can.
def f():
    return 42


print(weakref.ref(f)()(), weakref.ref(Obj)() is Obj)

# proxy
p_target = Obj("p")
p = weakref.proxy(p_target)
print(p.name, p.method())
del p_target
try:
    p.name
except ReferenceError as e:
    print("ReferenceError", e)

# WeakMethod
m_target = Obj("m")
wm = weakref.WeakMethod(m_target.method)
print(wm()())
del m_target
print(wm())

# WeakValueDictionary: entries go with their values.
cache = weakref.WeakValueDictionary()
x, y = Obj("x"), Obj("y")
cache["x"] = x
cache["y"] = y
print(sorted(cache.keys()), len(cache), "x" in cache)
del x
print(sorted(cache.keys()), len(cache), "x" in cache, cache.get("x", "gone"))
print(cache["y"])
try:
    cache["x"]
except KeyError as e:
    print("KeyError", e)

# WeakKeyDictionary
extra = weakref.WeakKeyDictionary()
k1, k2 = Obj("k1"), Obj("k2")
extra[k1] = 1
extra[k2] = 2
print(sorted(v for v in extra.values()), k1 in extra)
del k1
print(len(extra), list(extra.values()))

# WeakSet
ws = weakref.WeakSet()
s1, s2 = Obj("s1"), Obj("s2")
ws.add(s1)
ws.add(s2)
print(len(ws), s1 in ws)
del s1
print(len(ws), [o.name for o in ws])

# finalize
def goodbye(name):
    print("goodbye", name)


z = Obj("z")
fin = weakref.finalize(z, goodbye, "z")
print(fin.alive)
del z
print(fin.alive)
w = Obj("w")
fin2 = weakref.finalize(w, goodbye, "w")
fin2()
print(fin2.alive)
fin2()
kept = Obj("kept")
weakref.finalize(kept, goodbye, "at exit")

# An object in a cycle: its references die when the collector frees it.
cyc = Obj("cycle")
cyc.me = cyc
rcyc = weakref.ref(cyc, lambda wr: print("cycle callback"))
del cyc
gc.collect()
print(rcyc())
print("end")
