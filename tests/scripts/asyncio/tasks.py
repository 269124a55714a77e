# Tasks, gather, wait, wait_for, timeouts, cancellation, queues, locks,
# threads: the common asyncio calls.
import asyncio

async def work(i, d):
    await asyncio.sleep(d)
    return i * 10

async def fail():
    await asyncio.sleep(0.01)
    raise ValueError("boom")

async def main():
    print(await work(1, 0.01))
    r = await asyncio.gather(work(1, 0.03), work(2, 0.01), work(3, 0.02))
    print(r)
    r = await asyncio.gather(work(1, 0.01), fail(), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(work(1, 0.01), fail())
    except ValueError as e:
        print("gather raised", e)
    t = asyncio.create_task(work(5, 0.01), name="five")
    print(t.get_name(), t.done())
    print(await t, t.done(), t.result())
    try:
        await asyncio.wait_for(work(1, 1), 0.02)
    except asyncio.TimeoutError:
        print("timeout")
    t = asyncio.create_task(work(1, 1))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled", t.cancelled())
    try:
        async with asyncio.timeout(0.02):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout ctx")
    tasks = [asyncio.create_task(work(i, 0.01 * (3 - i))) for i in range(3)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for c in asyncio.as_completed(tasks):
        print("as_completed", await c)
    q = asyncio.Queue()
    async def prod():
        for i in range(5):
            await q.put(i)
        await q.put(None)
    async def cons():
        out = []
        while (x := await q.get()) is not None:
            out.append(x)
        return out
    print(await asyncio.gather(prod(), cons()))
    lock = asyncio.Lock()
    order = []
    async def locked(n):
        async with lock:
            order.append(n)
            await asyncio.sleep(0.001)
            order.append(-n)
    await asyncio.gather(*(locked(i) for i in range(1, 4)))
    print(order)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "woke"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await t)
    print(await asyncio.to_thread(sum, [1, 2, 3]))
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    import threading
    threading.Thread(target=lambda: loop.call_soon_threadsafe(fut.set_result, 42)).start()
    print(await fut)
    print(asyncio.current_task().get_name())

asyncio.run(main())
