# Async generators: asend/athrow/aclose, finally blocks, async iteration
# protocol of classes.


class Counter:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


class Tick:
    def __await__(self):
        v = yield "tick"
        return v


async def gen():
    try:
        x = yield 1
        print("got", x)
        t = await Tick()
        print("tick result", t)
        y = yield 2
        print("got", y)
    except ValueError as e:
        print("caught", e)
        yield 99
    finally:
        print("cleanup")


def run(coro):
    value = None
    while True:
        try:
            y = coro.send(value)
        except StopIteration as e:
            return e.value
        print("loop saw", y)
        value = "T"


async def main():
    print([i async for i in Counter(3)])
    async for i in Counter(2):
        print("item", i)
    else:
        print("else branch")
    g = gen()
    print(await g.asend(None))
    print(await g.asend("a"))
    print(await g.athrow(ValueError("bad")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted")
    g = gen()
    print(await g.__anext__())
    await g.aclose()
    print("closed")
    await g.aclose()
    g = gen()
    async for v in g:
        print("v", v)
        if v == 2:
            break
    await g.aclose()
    print(type(g).__name__, g.__name__)
    gexp = (i * i async for i in Counter(4) if i % 2 == 0)
    print([x async for x in gexp])
    print({i async for i in Counter(3)}, {i: -i async for i in Counter(2)})
    return "done"

print(run(main()))
