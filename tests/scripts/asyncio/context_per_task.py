"""contextvars and asyncio: each task runs in a copy of its creator's
context; call_soon/call_later/call_at honour context=; to_thread copies the
caller's context; done callbacks run in the context they were added in."""
import asyncio
import contextvars

var = contextvars.ContextVar('var', default='default')
log = []


async def child(name, value):
    before = var.get()
    var.set(value)
    await asyncio.sleep(0)
    after = var.get()
    return name, before, after


def report(tag):
    log.append((tag, var.get()))


async def setter():
    var.set('set-in-task')
    return var.get()


async def main():
    print('main start:', var.get())
    var.set('main')
    results = await asyncio.gather(child('a', 'A'), child('b', 'B'))
    print('children:', results)
    print('main after children:', var.get())

    # A value set inside a task does not leak into its creator.
    t = asyncio.create_task(setter())
    print('task result:', await t)
    print('main after task:', var.get())

    # create_task(context=...)
    ctx = contextvars.copy_context()
    ctx.run(var.set, 'explicit')
    t2 = asyncio.create_task(child('c', 'C'), context=ctx)
    print('explicit ctx child:', await t2)
    print('ctx after task:', ctx[var], '| main:', var.get())

    loop = asyncio.get_running_loop()
    # Callbacks capture the context current when scheduled.
    var.set('at-schedule')
    loop.call_soon(report, 'call_soon')
    var.set('later-value')
    other = contextvars.Context()
    other.run(var.set, 'other')
    loop.call_soon(report, 'call_soon ctx', context=other)
    loop.call_later(0.001, report, 'call_later ctx', context=other)
    loop.call_at(loop.time() + 0.002, report, 'call_at ctx', context=other)
    loop.call_later(0.003, report, 'call_later')
    await asyncio.sleep(0.05)
    for entry in log:
        print('callback', entry)

    # A callback setting a variable does not change the task's value.
    def cb_set():
        var.set('cb')
        log.append(('cb_set', var.get()))
    loop.call_soon(cb_set)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print('after cb_set:', var.get(), log[-1])

    # to_thread runs in a copy of the caller's context.
    var.set('thread-visible')

    def in_thread(x):
        seen = var.get()
        var.set('changed-in-thread')
        return seen, x, var.get()
    print('to_thread:', await asyncio.to_thread(in_thread, 5))
    print('after to_thread:', var.get())

    # run_in_executor does not copy the context (thread's own empty one).
    print('run_in_executor:', await loop.run_in_executor(None, var.get))

    # Done callbacks run in the context current at add_done_callback.
    fut = loop.create_future()
    var.set('when-added')
    fut.add_done_callback(lambda f: log.append(('done cb', var.get())))
    var.set('when-resolved')
    fut.set_result(None)
    await asyncio.sleep(0)
    print('done callback:', log[-1])
    fut2 = loop.create_future()
    fut2.add_done_callback(lambda f: log.append(('done cb ctx', var.get())),
                           context=other)
    fut2.set_result(None)
    await asyncio.sleep(0)
    print('done callback ctx:', log[-1])

    # Tasks started from a task inherit a copy of the current value.
    async def nested(depth):
        var.set(f'depth{depth}')
        if depth < 3:
            await asyncio.create_task(nested(depth + 1))
        return var.get()
    print('nested:', await nested(0), var.get())

    # A context already entered cannot run a task step.
    cur = contextvars.copy_context()
    async def noop():
        return 'ok'
    print('runner-context task:', await asyncio.create_task(noop(), context=cur))


print('before run:', var.get())
asyncio.run(main())
print('after run:', var.get())

# Runner.run(context=)
ctx = contextvars.Context()
ctx.run(var.set, 'runner')


async def read():
    value = var.get()
    var.set('written by runner task')
    return value
with asyncio.Runner() as runner:
    print('Runner.run context:', runner.run(read(), context=ctx))
print('ctx after Runner.run:', ctx[var], '| top:', var.get())
