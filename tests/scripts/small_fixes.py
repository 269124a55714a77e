"""Fixes of small differences from CPython: subclass concatenation, empty
str/tuple identity and hashes, math.gamma/lgamma errors, empty-substring
searches past the end, Python whitespace, %-format type checks, bare
object() attributes, __call__, open(Path).name, aiter/anext."""
import math, asyncio, pathlib, tempfile, os, threading
from collections import namedtuple

class T(tuple): pass
print(T((1,)) + T((2,)), (1,) + T((2,)), T((1,)) + (2,))
class L(list): pass
print(L([1]) + L([2]), [0] + L([3]))
P = namedtuple("P", "x y")
print(P(1, 2) + P(3, 4))
empty = ()
print(hash(""), hash(b""), empty is tuple(), tuple([]) is tuple())
for v in (1, 2, 5, 10, 200):
    for f in (math.gamma,):
        try: print(f.__name__, v, f(v))
        except (ValueError, OverflowError) as e: print(f.__name__, v, type(e).__name__, e)
for v in (0, -1, -2.0, float("inf"), float("-inf")):
    for f in (math.gamma, math.lgamma):
        try: print(f.__name__, v, f(v))
        except (ValueError, OverflowError) as e: print(f.__name__, v, type(e).__name__, e)
print("abc".find("", 5), "abc".startswith("", 5), "abc".count("", 5), "abc".find("", 3), "abc".rfind("", 4), "abc".endswith("", 4))
print("a\x1cb c".split(), "\x1c".isspace(), repr("\x1f ab \x1e".strip()))
for fmt, v in (("%x", 1.5), ("%o", 0.0), ("%X", 2.0), ("%d", 1.5), ("%c", -1), ("%c", 0x110000), ("%c", 65), ("%x", 255)):
    try: print(repr(fmt % v))
    except Exception as e: print(type(e).__name__, e)
for v in (-1, 2**70):
    try: format(v, "c")
    except Exception as e: print(type(e).__name__, e)
o = object()
try:
    o.x = 1
except AttributeError as e: print(e)
print(hasattr(object(), "__dict__"), hasattr(len, "__call__"), hasattr(print, "__call__"))
def f(a): return a * 2
print(f.__call__(4), len.__call__([1, 2]))
d = tempfile.mkdtemp()
p = pathlib.Path(d) / "m.txt"
with open(p, "w") as fh:
    print(type(fh.name).__name__, fh.name == str(p))
try:
    open(pathlib.Path(d) / "nope")
except OSError as e:
    print(type(e.filename).__name__, str(e).replace(d, "D"))
try:
    threading.Lock().acquire(timeout=-2)
except ValueError as e: print(e)
async def agen():
    for i in range(3): yield i
async def main():
    it = aiter(agen())
    print(await anext(it), await anext(it), await anext(it), await anext(it, "done"))
    try: await anext(it)
    except StopAsyncIteration: print("stop")
    try: aiter(5)
    except TypeError as e: print(e)
    try: anext(5)
    except TypeError as e: print(e)
asyncio.run(main())

# str methods with a start position on long strings, format spec errors
s = "a" * 200000
print(sum(s.startswith('a', i) for i in range(0, 200000, 50)), s.find('a', 199999), s.rfind('a', 5, 9))
print("é€x".find("x", 1), "é€xé".count("é", 1), "ab".startswith("b", 1), "é€xé".index("é", 1))
for v in ('abc', 5, 2.5):
    try:
        format(v, 'xs')
    except ValueError as e:
        print(e)

# a module's __dir__ (PEP 562)
import types
m = types.ModuleType('m')
exec("def __dir__(): return ['b', 'a']", m.__dict__)
print(dir(m))

# ord of bytes, imports blocked by None in sys.modules
import sys
print(ord(b"a"), ord(bytearray(b"z")))
for v in (b"ab", bytearray()):
    try:
        ord(v)
    except TypeError as e:
        print(e)
sys.modules["blocked_mod"] = None
for stmt in ("import blocked_mod", "from blocked_mod import x", "import blocked_mod.sub"):
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, e)
for enc in ("ascii", "utf-8", "latin-1"):
    for data in (b"caf\xe9", b"a\xff\xfeb", b"plain"):
        try:
            s = data.decode("ascii" if enc == "latin-1" else enc, "surrogateescape")
            print(enc, len(s), s.encode(enc, "surrogateescape") == data or s.encode(enc, "surrogateescape"))
        except Exception as e:
            print(enc, type(e).__name__, e)
import os
print(os.fsencode(os.fsdecode(b"x\xffy")))
