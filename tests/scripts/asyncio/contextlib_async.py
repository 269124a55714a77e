"""contextlib's asynchronous helpers: asynccontextmanager, AsyncExitStack,
aclosing, AsyncContextDecorator, AbstractAsyncContextManager, nullcontext
with async with, and chdir."""
import asyncio
import contextlib
import os
import tempfile

log = []


@contextlib.asynccontextmanager
async def resource(name, suppress=False):
    log.append(f'open {name}')
    try:
        yield name.upper()
    except ValueError as e:
        log.append(f'{name} saw {e!r}')
        if not suppress:
            raise
    finally:
        await asyncio.sleep(0)
        log.append(f'close {name}')


@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield


@contextlib.asynccontextmanager
async def two_yields():
    yield 1
    yield 2


@contextlib.asynccontextmanager
async def swallow_all():
    try:
        yield
    except BaseException as e:
        log.append(f'swallowed {type(e).__name__}')


class Async(contextlib.AbstractAsyncContextManager):
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aexit__(self, et, ev, tb):
        log.append(f'aexit {self.name} {et.__name__ if et else None}')
        return self.suppress


class Sync:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        log.append(f'enter {self.name}')
        return self.name

    def __exit__(self, et, ev, tb):
        log.append(f'exit {self.name} {et.__name__ if et else None}')


def flush(title):
    print(title, log)
    log.clear()


async def main():
    async with resource('a') as r:
        log.append(f'body {r}')
    flush('plain:')

    try:
        async with resource('b') as r:
            raise ValueError('bad')
    except ValueError as e:
        log.append(f'outside {e!r}')
    flush('reraised:')

    async with resource('c', suppress=True):
        raise ValueError('quiet')
    flush('suppressed:')

    try:
        async with resource('d'):
            raise KeyError('other')
    except KeyError as e:
        log.append(f'outside {e!r}')
    flush('other error:')

    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print('no yield:', e)
    try:
        async with two_yields():
            pass
    except RuntimeError as e:
        print('two yields:', e)

    async with swallow_all():
        raise asyncio.CancelledError()
    flush('swallow:')

    # as a decorator (recreated on each call)
    @resource('deco')
    async def decorated(x):
        log.append(f'inside {x}')
        return x * 2
    print('decorated:', await decorated(1), await decorated(2))
    flush('decorator:')
    print('wrapped name:', resource.__name__, resource.__doc__ is None)

    # AsyncExitStack
    async with contextlib.AsyncExitStack() as stack:
        v1 = await stack.enter_async_context(resource('s1'))
        v2 = stack.enter_context(Sync('s2'))
        stack.callback(log.append, 'sync callback')

        async def acb(msg):
            await asyncio.sleep(0)
            log.append(msg)
        stack.push_async_callback(acb, 'async callback')
        stack.push_async_exit(Async('pushed'))
        log.append(f'values {v1} {v2}')
    flush('stack:')

    async with contextlib.AsyncExitStack() as stack:
        stack.push_async_exit(Async('suppressor', suppress=True))
        await stack.enter_async_context(resource('inner'))
        raise ValueError('suppressed by stack')
    flush('stack suppress:')

    try:
        async with contextlib.AsyncExitStack() as stack:
            async def failing(*exc):
                raise KeyError('from callback')
            stack.push_async_exit(failing)
            stack.enter_context(Sync('before'))
            raise ValueError('original')
    except KeyError as e:
        print('replaced:', repr(e), repr(e.__context__))
    flush('stack error:')

    stack = contextlib.AsyncExitStack()
    await stack.enter_async_context(resource('late'))
    moved = stack.pop_all()
    await stack.aclose()
    log.append('first closed')
    await moved.aclose()
    flush('pop_all:')

    try:
        await contextlib.AsyncExitStack().enter_async_context(Sync('x'))
    except TypeError as e:
        print('TypeError:', e)

    # aclosing
    async def agen():
        try:
            for i in range(10):
                yield i
        finally:
            log.append('agen closed')
    async with contextlib.aclosing(agen()) as g:
        async for i in g:
            if i == 2:
                break
    flush('aclosing:')

    # nullcontext
    async with contextlib.nullcontext(42) as n:
        print('nullcontext:', n)
    with contextlib.nullcontext('sync') as n:
        print('nullcontext sync:', n)

    # AbstractAsyncContextManager default __aenter__
    cm = Async('abstract')
    async with cm as got:
        print('aenter returns self:', got is cm)
    flush('abstract:')

    # AsyncContextDecorator
    class Timed(contextlib.AsyncContextDecorator):
        async def __aenter__(self):
            log.append('start')
            return self

        async def __aexit__(self, *exc):
            log.append('stop')
            return False

    @Timed()
    async def job():
        log.append('job')
        return 'result'
    print('AsyncContextDecorator:', await job())
    flush('decorator class:')


asyncio.run(main())

# chdir
start = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    with contextlib.chdir(d):
        print('in tmp:', os.path.realpath(os.getcwd()) == os.path.realpath(d))
        with contextlib.chdir('/'):
            print('nested:', os.getcwd())
        print('back to tmp:', os.path.realpath(os.getcwd()) == os.path.realpath(d))
print('restored:', os.getcwd() == start)
print(sorted(n for n in contextlib.__all__ if 'sync' in n or n in ('aclosing', 'chdir')))
