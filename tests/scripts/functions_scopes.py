# Functions: defaults, *args, **kwargs, keyword-only, closures, scopes.
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3), f(1, 5, 6, 7, c=8, z=9, y=0), f(*[1, 2, 3], **{"c": 0, "e": 1}))

def pos_only(x, /, y):
    return x - y

print(pos_only(5, y=3), pos_only(5, 3))

def counter():
    n = 0
    def inc(step=1):
        nonlocal n
        n += step
        return n
    return inc

c1, c2 = counter(), counter()
print(c1(), c1(), c1(10), c2())

total = 0
def add(x):
    global total
    total += x
add(5); add(7)
print(total)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([g(10) for g in make_adders()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    return middle()
print(outer())

def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    wrapper.__name__ = fn.__name__
    return wrapper

def repeat(n):
    def d(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return d

@deco
@repeat(2)
def greet(name):
    return "hi " + name
print(greet("bo"), greet.__name__)

def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print(fib(90))

square = lambda v: v * v
print(square(12), (lambda *a, **k: (a, k))(1, x=2), sorted([3, -4, 1], key=abs))

def kwonly(*, flag=False):
    return flag
print(kwonly(), kwonly(flag=True))
for bad in [lambda: f(), lambda: f(1, 2), lambda: pos_only(x=1, y=2), lambda: kwonly(1), lambda: f(1, c=1, a=2)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)

def shadow():
    try:
        print(undefined_local)
        undefined_local = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
shadow()
try:
    print(nowhere)
except NameError as e:
    print("NameError:", e)
