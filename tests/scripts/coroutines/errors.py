# The compile-time errors of async code, and the run-time ones.
sources = [
    "await x",
    "def f():\n    await x",
    "[await x for x in y]",
    "def f():\n    async for x in y: pass",
    "async for x in y: pass",
    "async with x: pass",
    "def f():\n  async with x: pass",
    "async def f():\n    yield from x",
    "async def f():\n    yield 1\n    return 2",
    "lambda: await x",
    "[x async for x in y]",
    "def f():\n    return [x async for x in y]",
    "async def f():\n    def g():\n        await x",
    "class C:\n    await x",
    "async def f():\n    class C:\n        await x",
]
for src in sources:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print(repr(src), "->", e.msg, e.lineno)
    else:
        print(repr(src), "-> ok")

ok = [
    "def f():\n    return (x async for x in y)",
    "async def f(): return (await x for x in y)",
    "async def f():\n    async with a as b, c:\n        async for i in b:\n            await i",
    "async def f():\n    return [await z for z in y if await z]",
]
for src in ok:
    compile(src, "<src>", "exec")
    print("compiles:", repr(src))


async def aw_int():
    await 1


async def aw_bad_iter():
    class A:
        def __await__(self):
            return 5
    await A()


async def no_aiter():
    async for x in [1, 2]:
        pass


async def no_actx():
    async with object():
        pass


async def agen():
    yield 1


async def anext_twice():
    g = agen()
    a = g.__anext__()
    try:
        a.send(None)
    except StopIteration as e:
        print("first", e.value)
    a.send(None)


for f in [aw_int, aw_bad_iter, no_aiter, no_actx, anext_twice]:
    c = f()
    try:
        c.send(None)
    except (TypeError, RuntimeError) as e:
        print(f.__name__, type(e).__name__, e)


async def reuse():
    return 1

c = reuse()
try:
    c.send(None)
except StopIteration:
    pass
try:
    c.send(None)
except RuntimeError as e:
    print(e)

async def ignore_exit():
    try:
        yield 1
    finally:
        yield 2


async def drive():
    g = ignore_exit()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print(e)

try:
    drive().send(None)
except StopIteration:
    pass
