import sys
from contextlib import (contextmanager, suppress, nullcontext, closing, ExitStack,
                        redirect_stdout, redirect_stderr, ContextDecorator,
                        AbstractContextManager)

log = []


@contextmanager
def tag(name):
    log.append("<%s>" % name)
    try:
        yield name.upper()
    finally:
        log.append("</%s>" % name)


with tag("a") as value:
    log.append(value)
with tag("b"):
    with tag("c"):
        log.append("inner")
print(log)


@contextmanager
def catching(kind):
    try:
        yield
    except kind as e:
        print("caught", type(e).__name__, e)


with catching(ValueError):
    raise ValueError("boom")
print("after caught")
try:
    with catching(KeyError):
        raise ValueError("not caught")
except ValueError as e:
    print("propagated", e)


@contextmanager
def reraiser():
    try:
        yield
    except ZeroDivisionError:
        raise RuntimeError("converted")


try:
    with reraiser():
        1 / 0
except RuntimeError as e:
    print("RuntimeError", e, type(e.__context__).__name__)


@contextmanager
def no_yield():
    if False:
        yield


try:
    with no_yield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def two_yields():
    yield 1
    yield 2


try:
    with two_yields():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def swallow_and_yield():
    try:
        yield
    except Exception:
        yield


try:
    with swallow_and_yield():
        raise KeyError("k")
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def stop_iter():
    yield


try:
    with stop_iter():
        raise StopIteration("inner stop")
except StopIteration as e:
    print("StopIteration propagated:", e)


@contextmanager
def counter_cm(store):
    store.append("enter")
    yield
    store.append("exit")


events = []


@counter_cm(events)
def decorated(x):
    events.append("body %d" % x)
    return x * 2


print(decorated(1), decorated(2), events, decorated.__name__)

with suppress(KeyError, IndexError):
    {}["missing"]
print("suppressed")
with suppress(KeyError):
    pass
try:
    with suppress(KeyError):
        [][1]
except IndexError:
    print("IndexError not suppressed")
with suppress():
    print("empty suppress")
with nullcontext() as n:
    print("null", n)
with nullcontext(42) as n:
    print("null", n)


class Resource:
    def __init__(self, name):
        self.name = name
        self.closed = False

    def close(self):
        self.closed = True
        print("closing", self.name)


with closing(Resource("r1")) as r:
    print("using", r.name, r.closed)
print(r.closed)


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


w = Writer()
with redirect_stdout(w) as target:
    print("captured", 1, 2)
    print("more")
print("back", target is w, repr(''.join(w.parts)))
w2 = Writer()
with redirect_stderr(w2):
    sys.stderr.write("to stderr\n")
print(repr(''.join(w2.parts)))


class CM:
    def __init__(self, name, suppress_exc=False):
        self.name = name
        self.suppress_exc = suppress_exc

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None)
        return self.suppress_exc


with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "xyz"]
    stack.callback(print, "callback", 1, sep="-")
    print("names", names)

with ExitStack() as stack:
    stack.enter_context(CM("outer", suppress_exc=True))
    stack.enter_context(CM("inner"))
    raise ValueError("in stack")
print("stack suppressed")

with ExitStack() as stack:
    stack.enter_context(CM("kept"))
    moved = stack.pop_all()
print("popped")
moved.close()


def failing_exit(*exc):
    raise KeyError("from exit")


try:
    with ExitStack() as stack:
        stack.push(failing_exit)
        stack.enter_context(CM("first"))
except KeyError as e:
    print("KeyError from exit", e)


@stack.push
def exit_fn(exc_type, exc, tb):
    print("pushed exit", exc_type)


stack.close()
try:
    ExitStack().enter_context(object())
except TypeError as e:
    print("TypeError:", e)


class Mine(ContextDecorator):
    def __enter__(self):
        print("Mine enter")
        return self

    def __exit__(self, *exc):
        print("Mine exit")
        return False


@Mine()
def work():
    print("working")


work()


class Simple(AbstractContextManager):
    def __exit__(self, *exc):
        return None


with Simple() as s:
    print(type(s).__name__)
