import sys
x = 10
print(eval("x + 1"), eval("x * 2", {"x": 3}), eval("y", {}, {"y": 5}))
g = {}
exec("a = 1\nb = a + 1", g)
print(sorted(k for k in g if k != "__builtins__"), g["b"], "__builtins__" in g)
def f(p):
    q = p + 1
    l = locals()
    print(sorted(l.items()), eval("p + q"))
    exec("z = p * 2")
f(1)
code = compile("1 + 2", "<expr>", "eval")
print(type(code).__name__, eval(code), code.co_filename, code.co_name)
code = compile("for i in range(3): print(i, end=' ')\nprint()", "<ex>", "exec")
exec(code)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
try:
    exec("x = (")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
    print(e)
ns = {"__name__": "mymod"}
exec("def g():\n    return __name__\nclass C: pass", ns)
print(ns["g"](), ns["C"].__module__)
print(sorted(globals().keys())[:5])
class K:
    v = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
def outer():
    def inner():
        fr = sys._getframe(1)
        return fr.f_code.co_name, fr.f_lineno, sys._getframe().f_code.co_name
    return inner()
print(outer())
print(dir()[:3], "f" in dir())
try:
    1 / 0
except ZeroDivisionError as e:
    tb = e.__traceback__
    print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_next)
print(eval("  3"), eval(b"4"), vars().get("x"))
print(sys.version_info.major, sys.version_info[:2], sys.float_info.epsilon)
print(repr(sys.version_info)[:30], sys.flags.optimize, sys.int_info.bits_per_digit)
single = compile("1+1", "<s>", "single")
exec(single)
print(_)
