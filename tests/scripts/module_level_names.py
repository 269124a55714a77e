# Names at module level and in exec'd code: rebinding, deleting, shadowing
# a builtin, and one code object run in several namespaces.
x = 1
for i in range(3):
    x = x + i
print(x)
del x
try:
    x
except NameError as e:
    print(e)
x = "back"
print(x)
globals()["x"] = "through globals()"
print(x)
globals().pop("x")
globals()["len"] = lambda s: -1
print(len("abc"))
del globals()["len"]
print(len("abc"))

code = compile("n = len('abcd')\nfor k in range(2):\n    n = n + 1\n", "<ns>", "exec")
plain = {}
shadowed = {"len": lambda s: 100}
for ns in (plain, shadowed, plain, {}, shadowed):
    exec(code, ns)
    print(ns["n"])

counter = compile("total = total + 1\n", "<count>", "exec")
a = {"total": 0}
b = {"total": 10, "pad": 1}
for _ in range(3):
    exec(counter, a)
    exec(counter, b)
print(a["total"], b["total"])


def f():
    global g
    g = 1
    for _ in range(4):
        g += 1
    return g


print(f(), g)
