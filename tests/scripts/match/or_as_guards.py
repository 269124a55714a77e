# OR and AS patterns, guards, binding rules, nesting, and match inside loops,
# generators, closures and class bodies.
def o(v):
    match v:
        case [a, b, c] | [c, b, a, _] | (a, (b, c)):
            return f"a={a} b={b} c={c}"
        case {"x": x, "y": y} | {"pos": (x, y)} | [{"y": y, "x": x}]:
            return f"x={x} y={y}"
        case 1 | 2 | 3:
            return "small"
        case str() | bytes():
            return "text"
        case _:
            return "other"
for v in [[1, 2, 3], [1, 2, 3, 4], (1, (2, 3)), {"x": 1, "y": 2}, {"pos": (3, 4)}, [{"x": 5, "y": 6}], 2, "s", b"b", 4.5]:
    print(o(v))
# failed cases bind nothing; names bound before a failing guard stay
match [1, 2]:
    case [p, 3]:
        pass
    case _:
        pass
print("p" in dir())
match [1, 2]:
    case [q, r] if False:
        pass
    case _:
        pass
print(q, r)
match 5:
    case (1 | 2) as z:
        pass
    case _:
        pass
print("z" in dir())
# subject evaluated once
calls = []
def subj():
    calls.append(1)
    return 3
match subj():
    case 1: pass
    case 2: pass
    case 3: print("three, calls", len(calls))
# value patterns use ==
class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ with", other)
        return True
class Consts:
    e = Eq()
match Eq():
    case 1:
        print("subject __eq__ used first")
match 7:
    case Consts.e:
        print("value __eq__ used")
# None/True/False are compared with is
match 1:
    case True:
        print("no")
    case 1:
        print("1 is not True")
match 0.0:
    case False:
        print("no")
    case 0:
        print("0.0 == 0")
# nested match
def nest(a, b):
    match a:
        case int():
            match b:
                case int():
                    return "int int"
                case _:
                    return "int other"
        case _:
            return "other"
print(nest(1, 2), nest(1, "x"), nest("x", 1))
# break/continue/return inside cases in loops
for i in range(6):
    match i:
        case 0:
            continue
        case 4:
            break
        case n if n % 2:
            print("odd", n)
        case n:
            print("even", n)
def gen():
    for v in [1, [2, 3], {"k": 4}]:
        match v:
            case int(n):
                yield n
            case [a, b]:
                yield a + b
            case {"k": k}:
                yield from range(k)
print(list(gen()))
# closures and nonlocal/global capture targets
g = None
def outer():
    x = None
    def inner(v):
        nonlocal x
        global g
        match v:
            case [x, g]:
                pass
    inner([1, 2])
    return x
print(outer(), g)
def closure(v):
    match v:
        case [a, b]:
            return lambda: a * b
print(closure([3, 4])())
class C:
    match 1:
        case n:
            attr = n * 10
print(C.attr, C.n)
print([(lambda v: (lambda: v))(i)() for i in range(2)])
match 3:
    case x if x > 2 if True else False:
        print("conditional guard")
match (1, 2):
    case (1, y) if (w := y * 2):
        print("walrus guard", w)

# Patterns nested in patterns, captures reordered between alternatives.
def c(v):
    match v:
        case [1, ([a, b] | (b, a, _)) as pair, {"k": (1 | 9) as kk, **rest}, *tail] if tail or rest:
            return ("A", a, b, pair, kk, rest, tail)
        case [x, [y, [z, *w] | {"z": z, "w": w} as inner] as mid] | [[x, y, z], w, inner, mid]:
            return ("B", x, y, z, w, inner, mid)
        case {"a": [p, q] | (q, p, 0), "b": {"c": r} | [r]} | [p, q, r]:
            return ("C", p, q, r)
        case _:
            return None
tests = [
    [1, [2, 3], {"k": 9, "x": 1}, 5],
    [1, (3, 2, 7), {"k": 1}, 8, 9],
    [1, [2, 3], {"k": 9}],
    [0, [1, [2, 3, 4]]],
    [0, [1, {"z": 2, "w": 3}]],
    [[1, 2, 3], 4, 5, 6],
    {"a": [1, 2], "b": {"c": 3}},
    {"a": (2, 1, 0), "b": [3]},
    [7, 8, 9],
    [0, [1, 5]],
]
for t in tests:
    print(c(t))

# Through exec: module-level names in a namespace.
ns = {}
exec("match [1, 2]:\n    case [a, b]:\n        total = a + b\n", ns)
print(ns["total"], ns["a"], ns["b"])
