"""asyncio.TaskGroup and asyncio.Barrier (Python 3.11 semantics)."""
import asyncio
import re


def mask(text):
    return re.sub(r'0x[0-9a-f]+', '0x?', str(text))


async def work(name, delay, log, fail=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        log.append(f'{name} cancelled')
        raise
    if fail is not None:
        log.append(f'{name} fails')
        raise fail
    log.append(f'{name} done')
    return name


async def tg_basic():
    log = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(work('a', 0.02, log))
        t2 = tg.create_task(work('b', 0.01, log), name='bee')
        print('inside:', t2.get_name(), 'entered' in repr(tg))
    print('results:', t1.result(), t2.result(), log)
    print('repr after:', repr(tg))


async def tg_failure():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('slow', 1, log))
            tg.create_task(work('bad', 0.01, log, ValueError('boom')))
            tg.create_task(work('slow2', 1, log))
            await asyncio.sleep(2)
            log.append('body not reached')
    except ExceptionGroup as eg:
        print('group:', type(eg).__name__, eg.message, repr(eg.exceptions))
    print('log:', sorted(log))
    print('cancelling after:', asyncio.current_task().cancelling())


async def tg_two_failures():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('x', 0.01, log, KeyError('k')))
            tg.create_task(work('y', 0.01, log, TypeError('t')))
    except* KeyError as eg:
        print('except* KeyError:', repr(eg.exceptions))
    except* TypeError as eg:
        print('except* TypeError:', repr(eg.exceptions))


async def tg_body_error():
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('t', 1, log))
            await asyncio.sleep(0)
            raise RuntimeError('in body')
    except ExceptionGroup as eg:
        print('body error group:', repr(eg.exceptions), log)


async def tg_base_group():
    async def raise_base():
        raise GeneratorExit('g')   # a BaseException, not an Exception
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_base())
    except BaseExceptionGroup as eg:
        print('base group:', type(eg).__name__, repr(eg.exceptions))


async def tg_outer_cancel():
    log = []

    async def runner():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('inner', 1, log))
            await asyncio.sleep(1)

    t = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('outer cancel propagates:', t.cancelled(), log)


async def tg_errors():
    tg = asyncio.TaskGroup()
    coro = work('never', 0, [])
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('not entered:', mask(e))
    coro.close()
    async with tg:
        pass
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print('entered twice:', mask(e))
    coro = work('never', 0, [])
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('finished:', mask(e))
    coro.close()


async def tg_nested_results():
    async def square(x):
        await asyncio.sleep(0.001 * (5 - x))
        return x * x
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(i)) for i in range(5)]
    print('squares:', [t.result() for t in tasks])


async def barrier_basic():
    barrier = asyncio.Barrier(3)
    print('barrier repr:', mask(repr(barrier)))
    order = []

    async def party(i):
        await asyncio.sleep(0.001 * i)
        order.append(f'arrive {i}')
        idx = await barrier.wait()
        order.append(f'leave {i}')
        return idx

    results = await asyncio.gather(*(party(i) for i in range(3)))
    print('indices:', sorted(results))
    print('order:', order)
    print('after:', barrier.parties, barrier.n_waiting, barrier.broken)

    # reuse, with async with
    async def party2(i):
        async with barrier as pos:
            return pos
    print('second round:', sorted(await asyncio.gather(*(party2(i) for i in range(3)))))

    # waiting count
    t = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    print('n_waiting:', barrier.n_waiting, mask(repr(barrier)))
    await barrier.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print('abort wakes waiter:', type(e).__name__, e)
    print('broken:', barrier.broken, mask(repr(barrier)))
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print('wait on broken barrier raises')
    await barrier.reset()
    print('after reset:', barrier.broken, mask(repr(barrier)))

    # reset while tasks wait
    w1 = asyncio.create_task(barrier.wait())
    w2 = asyncio.create_task(barrier.wait())
    await asyncio.sleep(0)
    await barrier.reset()
    res = await asyncio.gather(w1, w2, return_exceptions=True)
    print('reset while waiting:', [type(r).__name__ for r in res])
    print('state:', mask(repr(barrier)))
    print('usable again:', sorted(await asyncio.gather(*(barrier.wait() for _ in range(3)))))

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print('ValueError:', e)
    print(issubclass(asyncio.BrokenBarrierError, RuntimeError))


async def main():
    await tg_basic()
    await tg_failure()
    await tg_two_failures()
    await tg_body_error()

    await tg_base_group()
    await tg_outer_cancel()
    await tg_errors()
    await tg_nested_results()
    await barrier_basic()

asyncio.run(main())
