"""Tracebacks mark the failing part of a line as CPython 3.11 does: ~~^~~
under binary operations and subscripts, ^^^^ under calls and attributes."""
import os, sys, traceback


def show(text):
    print(text.replace(__file__, os.path.basename(__file__)), end="")


def print_exc():
    show(traceback.format_exc())
def f(x):
    return 1 / x
def g(d):
    return d["k"] + 1
def h(a):
    y = a.upper()
    return y
cases = [lambda: f(0), lambda: g({}), lambda: h(5), lambda: [1][5],
         lambda: len(5) + 2, lambda: (1 +
        None)]
for c in cases:
    try:
        c()
    except Exception:
        print_exc()
        show(traceback.format_exc() + '\n')
try:
    a, b = [1, 2, 3]
except ValueError:
    print_exc()
try:
    x = {"a": {}}
    x["a"]["b"]["c"]
except KeyError as e:
    show(repr(traceback.format_exception(e)) + '\n')
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.lineno, fs.end_lineno, fs.colno, fs.end_colno)
