# A coroutine dropped before it ran is reported on stderr.
async def f():
    pass


f()
print("after")
