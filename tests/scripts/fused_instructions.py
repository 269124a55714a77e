# Instruction pairs and triples that the VM fuses when it loads code
# (subscripts of locals, a, b = b, a, compare-and-branch, slices) must behave
# exactly as the instructions they stand for, errors included.


def subscripts(xs, i):
    d = {"a": 1, 0: "zero"}
    t = (1, 2, 3)
    s = "hello"
    print(xs[0], xs[-1], xs[i], t[i], t[-1], s[1], s[i], d["a"], d[0])
    try:
        print(xs[10])
    except IndexError as e:
        print("IndexError", e)
    try:
        print(t[i + 10])
    except IndexError as e:
        print("IndexError", e)

    class C:
        def __getitem__(self, k):
            return ("C", k)

    c = C()
    print(c[0], c[i])
    if i > 100:
        z = 1
    try:
        print(z[0])
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
    try:
        print(xs[z])
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


def swaps():
    a, b, c = 1, 2, 3
    a, b, c = c, a, b
    print(a, b, c)
    a, b = b, a
    print(a, b)


def slices(xs, i):
    t = tuple(xs)
    print(xs[1:], xs[::-1], xs[i:], xs[:-1], xs[5:1], t[1:], t[::2], "hello"[1:3])

    class Index:
        def __index__(self):
            xs.append(99)
            return 1

    print(xs[Index():])
    for bad in (lambda: xs["a":], lambda: t[:1.5], lambda: "abc"[None:"x"]):
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)


def branches(n):
    out = []
    i = 0
    while i < n:
        if i % 3 == 0:
            out.append(i)
        i += 1
    x = 1.5
    if x > 1:
        out.append("float")
    if "a" < "b":
        out.append("str")
    try:
        if 1 < "a":
            pass
    except TypeError as e:
        out.append(str(e))
    return out


def attrs():
    class P:
        def __init__(self):
            self.x = 1

        @property
        def y(self):
            return self.x + 1

    p = P()
    print(p.x, p.y)
    try:
        print(p.missing)
    except AttributeError as e:
        print("AttributeError", e)


subscripts([1, 2, 3], 1)
swaps()
slices([1, 2, 3, 4], 2)
print(branches(10))
attrs()
