class A:
    def __eq__(self, o): return True
print(A.__hash__)
try: hash(A())
except TypeError as e: print(e)
class H:
    def __hash__(self): return 2**70
print(hash(H()))
class B:
    def __hash__(self): return "x"
try: hash(B())
except TypeError as e: print(e)
from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def f(self): ...
    @abstractmethod
    def g(self): ...
try: Base()
except TypeError as e: print(e)
class Impl(Base):
    def f(self): return 1
    def g(self): return 2
print(Impl().f())
print(sorted(x for x in dir(Impl()) if not x.startswith('__'))) 
e = ValueError("x")
e.add_note("note 1")
print(e.__notes__)
class D(dict):
    def __missing__(self, k): return k * 2
print(D()[3])
class R:
    def __repr__(self): return "R!"
print([R()], f"{R()!r}")
class Fmt:
    def __format__(self, spec): return f"<{spec}>"
print(f"{Fmt():abc}", format(Fmt(), "x"))
class Idx:
    def __index__(self): return 2
print([1,2,3][Idx()], bin(Idx()), range(10)[Idx()])
class Rev:
    def __reversed__(self): return iter([3,2,1])
print(list(reversed(Rev())))
class Len:
    def __len__(self): return 0
print(bool(Len()))
import sys
print(sys.getsizeof(1) > 0)
