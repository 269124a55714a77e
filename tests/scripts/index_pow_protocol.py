class A: pass
for f in [lambda: [1][A()], lambda: (1,)[A()], lambda: "a"[A()], lambda: b"a"[A()], lambda: [1][1.5], lambda: range(3)[A()]]:
  try: f()
  except TypeError as e: print(e)
class A:
  def __pow__(s,o,m=None): return (o,m)
print(pow(A(),2,3))
class B: pass
try: pow(B(),2,3)
except TypeError as e: print(e)
try: pow(2.0,2,3)
except TypeError as e: print(e)
class I:
  def __index__(s): return 0
print([5][I()], "x"[I()], range(3)[I()])
