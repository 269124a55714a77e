"""reprs of asyncio objects as CPython shows them: locks, events,
semaphores, barriers, queues, futures and tasks (with the coroutine's
file and line, the callbacks and the awaited future)."""
import asyncio
import functools
import re

HERE = __file__


def clean(obj):
    text = repr(obj) if not isinstance(obj, str) else obj
    text = text.replace(HERE, 'FILE')
    text = re.sub(r'0x[0-9a-f]+', '0x?', text)
    # the loop's own callback lives in asyncio's source
    text = re.sub(r'(_run_until_complete_cb\(\)) at [^\]]*', r'\1 at ...', text)
    return text


def plain(fut):
    pass


def show(fut):
    print('done callback:', clean(fut))


async def sleeper():
    await asyncio.sleep(0.01)


async def main():
    lock = asyncio.Lock()
    print(clean(lock))
    await lock.acquire()
    print(clean(lock))
    waiter = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print(clean(lock))
    lock.release()
    await waiter
    lock.release()

    ev = asyncio.Event()
    print(clean(ev))
    ev.set()
    print(clean(ev))
    sem = asyncio.Semaphore()
    print(clean(sem))
    async with sem:
        print(clean(sem))
    print(clean(asyncio.BoundedSemaphore(3)))
    print(clean(asyncio.Condition()))
    print(clean(asyncio.Barrier(2)))

    q = asyncio.Queue(2)
    print(clean(q), str(q))
    await q.put('a')
    print(clean(q), str(q))
    q.get_nowait()
    q.task_done()
    print(clean(asyncio.LifoQueue()), clean(asyncio.PriorityQueue(5)))

    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(clean(f))
    f.add_done_callback(plain)
    print(clean(f))
    f.add_done_callback(functools.partial(plain))
    f.add_done_callback(print)
    print(clean(f))
    f.set_result('x' * 50)
    print(clean(f))
    f2 = loop.create_future()
    f2.set_exception(ValueError('bad'))
    print(clean(f2))
    f2.exception()
    f3 = loop.create_future()
    f3.cancel()
    print(clean(f3))

    print(clean(asyncio.current_task()))
    t = asyncio.create_task(sleeper(), name='sleeper')
    print(clean(t))
    await asyncio.sleep(0)
    print(clean(t))
    t.add_done_callback(show)
    print(clean(t))
    await t
    print(clean(t))

    t2 = asyncio.create_task(sleeper())
    t2.cancel()
    print(clean(t2))
    try:
        await t2
    except asyncio.CancelledError:
        pass
    print(clean(t2))

    async def fails():
        raise KeyError('k')
    t3 = asyncio.create_task(fails())
    await asyncio.sleep(0)
    print(clean(t3))
    t3.exception()

    async with asyncio.TaskGroup() as tg:
        print(clean(tg))
        t4 = tg.create_task(sleeper(), name='in-group')
        print(clean(t4))
    print(clean(tg))


asyncio.run(main())
