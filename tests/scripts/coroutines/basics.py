
async def f(x):
    return x * 2
async def g():
    a = await f(3)
    b = await f(a)
    return a + b
c = g()
print(type(c).__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

class Aw:
    def __await__(self):
        x = yield "hello"
        return x + 1
async def h():
    v = await Aw()
    return v
c = h()
print(c.send(None))
try:
    c.send(41)
except StopIteration as e:
    print("got", e.value)

async def bad():
    await 1
try:
    bad().send(None)
except TypeError as e:
    print("TypeError:", e)

async def agen(n):
    for i in range(n):
        x = yield i
        if x: print("sent", x)
    print("agen done")

async def use():
    out = []
    async for v in agen(3):
        out.append(v)
    print(out)
    print([v async for v in agen(2)])
    print({v: v*v async for v in agen(2)})
    ag = agen(5)
    print(await ag.__anext__(), await ag.asend("hi"))
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("StopAsyncIteration")
    class CM:
        async def __aenter__(self):
            print("enter"); return self
        async def __aexit__(self, *a):
            print("exit", a[0]); return True
    async with CM() as cm:
        raise ValueError("x")
    print("after")
    for i in range(3):
        async with CM():
            if i == 1: break
    ge = (v * 10 async for v in agen(3))
    print(type(ge).__name__, [x async for x in ge])
    try:
        async for x in 5: pass
    except TypeError as e:
        print(e)
    return "ok"
c = use()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)

import types
print(types.CoroutineType.__name__, types.AsyncGeneratorType.__name__)
print(repr(c).startswith("<coroutine object use at 0x"))

async def inner():
    return 5

w = inner().__await__()
try:
    next(w)
except StopIteration as e:
    print("wrapper", e.value)

co = inner()
co.close()
try:
    co.send(None)
except RuntimeError as e:
    print(e)

async def thrower():
    try:
        await Aw()
    except KeyError as e:
        return "caught " + repr(e)

co = thrower()
print(co.send(None))
try:
    co.throw(KeyError("k"))
except StopIteration as e:
    print(e.value)
print(inner.__code__.co_flags & 0x80 != 0, agen.__code__.co_flags & 0x200 != 0)
