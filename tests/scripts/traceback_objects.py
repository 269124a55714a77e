# Traceback objects: walking, cutting and replacing an exception's traceback.
import sys
import traceback

MARK = "here"


def inner():
    raise ValueError("deep")


def middle():
    inner()


def outer():
    middle()


def chain(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    outer()
except ValueError as e:
    err = e

tb = err.__traceback__
print(chain(tb))
print(tb.tb_frame.f_globals["MARK"], "__name__" in tb.tb_frame.f_globals)

# Cutting the chain after the first level, as unittest does.
second = tb.tb_next
second.tb_next = None
print(chain(tb))
print([name for name, _ in chain(err.__traceback__)])

# Giving the exception the cut chain.
err.__traceback__ = tb
print(chain(err.__traceback__))
print("".join(traceback.format_exception(type(err), err, err.__traceback__)).replace(__file__, "FILE"))

# with_traceback returns the exception itself.
print(err.with_traceback(None) is err, err.__traceback__)
try:
    raise err
except ValueError as e2:
    print(chain(e2.__traceback__))

try:
    outer()
except ValueError as e:
    t = e.__traceback__
    try:
        t.tb_next = t
    except ValueError as v:
        print("ValueError:", v)
    try:
        t.tb_next = 5
    except TypeError as v:
        print("TypeError:", v)
    try:
        e.__traceback__ = "x"
    except TypeError as v:
        print("TypeError:", v)
    try:
        e.with_traceback(1, 2)
    except TypeError as v:
        print("TypeError:", v)

try:
    try:
        outer()
    except ValueError as e:
        raise KeyError("k").with_traceback(e.__traceback__)
except KeyError as k:
    print([name for name, _ in chain(k.__traceback__)])
