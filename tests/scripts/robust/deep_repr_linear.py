# repr of a deep (but legal) nesting takes linear time.
import sys
sys.setrecursionlimit(25000)
x = []
for _ in range(20000):
    x = [x]
r = repr(x)
print(len(r), r[:5], r[-5:])
t = ()
for _ in range(20000):
    t = (t,)
r = repr(t)
print(len(r), r[:6], r[-6:])
d = {}
for _ in range(20000):
    d = {0: d}
r = repr(d)
print(len(r), r[:8], r[-5:])
