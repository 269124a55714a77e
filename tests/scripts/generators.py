# Generators: yield, send, return values, yield from, generator expressions.
def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"

print(list(countdown(5)), sum(countdown(4)), max(countdown(3)))
g = countdown(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)

def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)

e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send(None)
except StopIteration as stop:
    print("returned", stop.value)

def inner():
    yield 1
    yield 2
    return "inner done"

def outer():
    r = yield from inner()
    yield r
    yield from [10, 20]
    yield from (x * x for x in range(3))

print(list(outer()))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

out = []
for v in fib():
    if v > 100:
        break
    out.append(v)
print(out)

squares = (x * x for x in range(10) if x % 2)
print(next(squares), list(squares), list(squares))
print(sum(x for x in range(1000)), sorted((y for y in "gilpy"), reverse=True))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("generator cleaned up")
c = closing()
print(next(c))
c.close()

def thrower():
    try:
        yield 1
    except ValueError as err:
        yield "caught " + str(err)
t = thrower()
next(t)
print(t.throw(ValueError("boom")))

def pipeline(data):
    evens = (d for d in data if d % 2 == 0)
    doubled = (d * 2 for d in evens)
    return list(doubled)
print(pipeline(range(10)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "default"))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)), [x for x in Countdown(2)], list(zip(Countdown(3), "ab")))
