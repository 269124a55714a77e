# Generator and coroutine frames (gi_frame, cr_frame, ag_frame) and the
# inspect functions that read them.
import inspect
def g():
    x = 1
    yield x
    yield 2
it = g()
print(it.gi_frame is not None, it.gi_running, it.gi_code.co_name)
next(it)
f = it.gi_frame
print(f.f_lineno, f.f_code.co_name, sorted(f.f_locals))
list(it)
print(it.gi_frame)
import inspect
print(inspect.getgeneratorstate(it))
async def c(): pass
co = c()
print(co.cr_frame is not None, co.cr_code.co_name)
co.close()
print(co.cr_frame)
def g2():
    a = 5
    yield inspect.getgeneratorstate(gen2)
    b = 6
    yield 1
gen2 = g2()
print(inspect.getgeneratorstate(gen2), inspect.getgeneratorlocals(gen2))
print(next(gen2), inspect.getgeneratorlocals(gen2))
next(gen2)
print(inspect.getgeneratorstate(gen2), inspect.getgeneratorlocals(gen2))
gen2.close()
print(inspect.getgeneratorstate(gen2), inspect.getgeneratorlocals(gen2))
async def c2():
    return 1
co = c2()
print(inspect.getcoroutinestate(co))
try:
    co.send(None)
except StopIteration as e:
    print("returned", e.value)
print(inspect.getcoroutinestate(co))
print(inspect.isframe(it.gi_frame), inspect.iscode(it.gi_code), inspect.isawaitable(co), inspect.isasyncgenfunction(c2))
async def ag():
    yield 1
print(inspect.isasyncgenfunction(ag), inspect.isasyncgen(ag()), ag().ag_frame is not None)
