# Cancellation details, shield, conditions, semaphores, priority and LIFO
# queues, run_coroutine_threadsafe, Runner, loop callbacks.
import asyncio
import threading


async def main():
    loop = asyncio.get_running_loop()
    events = []
    loop.call_soon(events.append, "soon")
    loop.call_later(0.02, events.append, "later")
    loop.call_at(loop.time() + 0.01, events.append, "at")
    h = loop.call_later(0.01, events.append, "cancelled")
    h.cancel()
    await asyncio.sleep(0.05)
    print(events)

    async def slow():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("slow saw cancel")
            raise
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel("again"))
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled:", t.cancelled(), t.done())
    print(t.cancel())

    inner = asyncio.create_task(asyncio.sleep(0.02, result="inner done"))
    outer = asyncio.shield(inner)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled")
    print(await inner)

    cond = asyncio.Condition()
    items = []
    async def consumer(n):
        async with cond:
            await cond.wait_for(lambda: items)
            print("consumer", n, "got", items.pop())
    cs = [asyncio.create_task(consumer(i)) for i in range(2)]
    await asyncio.sleep(0)
    for v in ("a", "b"):
        async with cond:
            items.append(v)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)

    sem = asyncio.Semaphore(2)
    active = 0
    peak = 0
    async def limited():
        nonlocal active, peak
        async with sem:
            active += 1
            peak = max(peak, active)
            await asyncio.sleep(0.01)
            active -= 1
    await asyncio.gather(*(limited() for _ in range(6)))
    print("peak", peak)
    b = asyncio.BoundedSemaphore(1)
    try:
        b.release()
    except ValueError as e:
        print(e)

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in [5, 1, 3]:
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])
    q = asyncio.Queue(maxsize=1)
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("full")
    q.get_nowait()
    q.task_done()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    async def worker():
        while True:
            item = await q.get()
            items.append(item)
            q.task_done()
    w = asyncio.create_task(worker())
    for i in range(3):
        await q.put(i)
    await q.join()
    w.cancel()
    print("joined", items)

    def from_thread():
        fut = asyncio.run_coroutine_threadsafe(asyncio.sleep(0.01, result=7), loop)
        print("threadsafe result", fut.result())
    th = threading.Thread(target=from_thread)
    th.start()
    await asyncio.to_thread(th.join)

    done = []
    def cb(f):
        done.append(f.result())
    f = loop.create_future()
    f.add_done_callback(cb)
    f.set_result("cb")
    await asyncio.sleep(0)
    print(done)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError:
        print("invalid state")
    try:
        asyncio.get_running_loop().create_future().result()
    except asyncio.InvalidStateError as e:
        print(e)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0)
    except TimeoutError:
        print("timeout zero")
    print(await asyncio.wait_for(asyncio.sleep(0, "quick"), 1))
    print(len(asyncio.all_tasks()))

with asyncio.Runner() as runner:
    runner.run(main())
    print(runner.run(asyncio.sleep(0, "second run")))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
