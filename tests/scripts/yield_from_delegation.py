def inner():
    try:
        x = yield 1
        print("got", x)
        yield 2
    except ValueError as e:
        print("caught", e)
        yield 3
    finally:
        print("inner closed")
def outer():
    r = yield from inner()
    return r
g = outer(); print(next(g)); print(g.send("s")); print(g.throw(ValueError("v"))); g.close()
def gen2():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("gen2 exit")
        raise
def outer2():
    yield from gen2()
g = outer2(); next(g); g.close(); print("closed")
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration(99)
        return self.n
def o3():
    r = yield from It()
    print("result", r)
print(list(o3()))
def o4():
    r = yield from [1, 2]
    return r
print(list(o4()))
def thrower():
    yield 1
def o5():
    try:
        yield from thrower()
    except KeyError as e:
        print("outer caught", e)
        yield "after"
g = o5(); next(g); print(g.throw(KeyError("k")))
