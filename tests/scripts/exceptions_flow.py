# Exceptions: matching, else/finally, chaining, custom classes, with.
class AppError(Exception):
    def __init__(self, msg, code=1):
        super().__init__(msg)
        self.code = code

class NotFound(AppError):
    pass

def risky(n):
    if n == 0:
        raise NotFound("nothing here", code=404)
    if n == 1:
        raise ValueError("bad value")
    if n == 2:
        return 1 / 0
    return n

for n in range(4):
    try:
        r = risky(n)
    except AppError as e:
        print("app", e, e.code, e.args, type(e).__name__)
    except (ValueError, ZeroDivisionError) as e:
        print("builtin", type(e).__name__, e)
    else:
        print("ok", r)
    finally:
        print("finally", n)

def order():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(i)
        finally:
            log.append("f%d" % i)
    return log
print(order())

def ret_finally():
    try:
        return "try"
    finally:
        print("cleanup runs")
print(ret_finally())

def override():
    try:
        return 1
    finally:
        return 2
print(override())

try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(e, type(e.__context__).__name__)

class Resource:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow

with Resource("a") as a, Resource("b") as b:
    print("body", a.name, b.name)
with Resource("c", swallow=True):
    raise ValueError("swallowed")
try:
    with Resource("d"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)

def gen_with():
    for i in range(3):
        with Resource("loop%d" % i):
            if i == 1:
                break
gen_with()

try:
    raise Exception("a", 2, [3])
except Exception as e:
    print(e.args, str(e), repr(e))

try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)

def reraiser():
    try:
        {}["x"]
    except KeyError:
        print("logging and re-raising")
        raise
try:
    reraiser()
except LookupError as e:
    print("outer caught", repr(e))

print(issubclass(NotFound, Exception), isinstance(NotFound("x"), AppError), NotFound.__mro__[2].__name__)
class Plain(Exception):
    pass
try:
    raise Plain
except Plain as e:
    print("class raised:", repr(e), e.args)
