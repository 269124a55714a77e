# Exceptions in cycles: the exception itself, its namespace, its args, and
# the traceback and frame objects of the levels it passed, counted as CPython
# counts them; an exception kept in an exec'd namespace, whose traceback
# holds that namespace, is freed with it.
import gc
import weakref

gc.collect()


def self_cycle():
    try:
        1 / 0
    except ZeroDivisionError as e:
        e.me = e


self_cycle()
print("exception naming itself:", gc.collect())


def traceback_asked():
    try:
        1 / 0
    except ZeroDivisionError as e:
        e.me = e
        e.__traceback__.tb_frame


traceback_asked()
print("with its traceback object:", gc.collect())


def no_traceback():
    e = ValueError()
    e.args = (e,)


no_traceback()
print("args holding it:", gc.collect())


try:
    raise OSError(2, "missing")
except OSError as x:
    x.me = x
print("at module level:", gc.collect())


class Marker:
    pass


refs = []
for source in (
    "try:\n    1/0\nexcept Exception as e:\n    err = e\n",
    "try:\n    1/0\nexcept Exception as e:\n    err = e\ntb = err.__traceback__\n",
):
    for i in range(20):
        ns = {}
        exec(source, ns)
        ns["m"] = Marker()
        refs.append(weakref.ref(ns["m"]))
        del ns
gc.collect()
print("exec'd namespaces freed:", sum(r() is None for r in refs), "of", len(refs))
