import functools
from functools import (reduce, partial, wraps, update_wrapper, lru_cache, cache,
                       cmp_to_key, total_ordering, cached_property)

# reduce
print(reduce(lambda x, y: x + y, [1, 2, 3, 4, 5]))
print(reduce(lambda x, y: x * y, range(1, 10), 1))
print(reduce(lambda x, y: x + y, [], 42))
try:
    reduce(lambda x, y: x + y, [])
except TypeError as e:
    print("TypeError:", e)

# partial
def power(base, exponent, *, mod=None):
    if mod is None:
        return base ** exponent
    return pow(base, exponent, mod)

square = partial(power, exponent=2)
print(square(7), square.args, square.keywords, square.func is power)
two_to = partial(power, 2)
print(two_to(10), two_to(10, mod=1000))
nested = partial(two_to, mod=7)
print(nested(5), nested.func is power, nested.args, nested.keywords)
p = partial(max, 1, 2, key=abs)
print(repr(p).replace(repr(max), "<max>"))
print(p(-3))
try:
    partial(5)
except TypeError as e:
    print("TypeError:", e)

# wraps / update_wrapper
def deco(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        "wrapper doc"
        return func(*args, **kwargs) * 10
    return wrapper

@deco
def compute(x):
    "Compute things."
    return x + 1

print(compute(4), compute.__name__, compute.__doc__, compute.__wrapped__(4))
print(compute.__qualname__, compute.__module__)

def plain():
    pass

def other():
    "other doc"
update_wrapper(plain, other)
print(plain.__name__, plain.__doc__, plain.__wrapped__ is other)

# lru_cache
calls = []

@lru_cache(maxsize=None)
def fib(n):
    calls.append(n)
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(30), len(calls))
print(fib.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))
fib.cache_clear()
print(fib.cache_info())

@lru_cache
def square_of(x):
    return x * x

print([square_of(i % 5) for i in range(20)])
print(square_of.cache_info(), square_of.cache_parameters())

@lru_cache(maxsize=3)
def ident(x):
    calls.append(x)
    return x

del calls[:]
for v in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    ident(v)
print(calls, ident.cache_info())

@lru_cache()
def kw(a, b=2):
    return a + b

print(kw(1), kw(1), kw(1, b=2), kw(a=1), kw.cache_info())

@lru_cache(maxsize=0)
def nocache(x):
    return x

nocache(1)
nocache(1)
print(nocache.cache_info())

@lru_cache(typed=True)
def typed(x):
    return type(x).__name__

print(typed(1), typed(1.0), typed(1), typed.cache_info())
print(lru_cache(maxsize=-5)(lambda: 1).cache_info())
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError:", e)

@cache
def fact(n):
    return n * fact(n - 1) if n else 1

print(fact(20), fact.cache_info())

class Calc:
    @lru_cache(maxsize=16)
    def double(self, x):
        return 2 * x

c = Calc()
print(c.double(4), c.double(4), Calc.double.cache_info())

# cmp_to_key
def compare(a, b):
    return (a % 10) - (b % 10) or a - b

print(sorted([31, 12, 5, 21, 40, 15, 2], key=cmp_to_key(compare)))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda a, b: len(b) - len(a))))
K = cmp_to_key(compare)
print(K(3) < K(14), K(14) < K(3), K(3) == K(3))

# total_ordering
@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return "Version(%d, %d)" % (self.major, self.minor)

a, b = Version(1, 2), Version(1, 3)
print(a < b, a > b, a <= b, a >= b, a <= a, a >= a, b > a)
print(sorted([Version(2, 0), Version(1, 5), Version(1, 0)]))
print(max(Version(0, 1), Version(3, 0), Version(2, 9)))

@total_ordering
class Score:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __gt__(self, other):
        return self.v > other.v

print(Score(1) < Score(2), Score(1) >= Score(2), Score(3) <= Score(3))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)

# cached_property
class Circle:
    computed = 0

    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        Circle.computed += 1
        return 3 * self.r * self.r

circle = Circle(2)
print(circle.area, circle.area, Circle.computed)
circle.r = 10
print(circle.area, Circle.computed)
del circle.area
print(circle.area, Circle.computed)
print(type(Circle.area).__name__)

# singledispatch
@functools.singledispatch
def describe(arg):
    return "object"

@describe.register(int)
def _(arg):
    return "int %d" % arg

@describe.register(list)
def _(arg):
    return "list of %d" % len(arg)

print(describe(5), describe([1, 2]), describe("s"), describe(True))

# bounded caches under recursion and mixed access patterns
for size in [1, 2, 3, 8, 128]:
    @lru_cache(maxsize=size)
    def fibb(n):
        return n if n < 2 else fibb(n - 1) + fibb(n - 2)
    print(size, fibb(20), fibb.cache_info())
    for v in [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]:
        fibb(v)
    print(size, fibb.cache_info())
