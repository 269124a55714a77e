# f(*x): a lone starred argument passed as it is, any iterable, with
# CPython's messages naming the callable when x is not iterable, and for **m.
def f(*a): return a
try: f(*1)
except TypeError as e: print(e)
class C:
  def m(self,*a): return a
try: C().m(*1)
except TypeError as e: print(e)
try: print(*1)
except TypeError as e: print(e)
print(f(*[1,2]), f(*"ab"), f(*(x for x in range(3))))
try: C(*None)
except TypeError as e: print(e)
def g(a, b, c=3): return a, b, c
print(g(*[1, 2]), g(*(1, 2), c=9), g(*range(3)), g(*{7: 0, 8: 0}))
try: g(*[1])
except TypeError as e: print(e)
class Bad:
    def __iter__(self): raise TypeError("boom")
try: g(*Bad())
except TypeError as e: print(e)
try: g(*1, c=2)
except TypeError as e: print(e)
print((lambda *a, **k: (a, k))(*"xy", **{"z": 1}))
x = [1, 2]
print(*x, sep="-")
def f(**k): return k
for m in (1, [1], None):
  try: f(**m)
  except TypeError as e: print(e)
try: f(**{1:2})
except TypeError as e: print(e)
try: f(a=1, **{"a":2})
except TypeError as e: print(e)
try: f(**{"a":1}, **{"a":2})
except TypeError as e: print(e)
try: print(**{"sep":"-"}, **{"sep":"+"})
except TypeError as e: print(e)
