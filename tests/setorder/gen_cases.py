# Writes a straight-line Python program of random set operations that
# prints list(s) after every step; run it with python3 and with gilpy and
# compare. Usage: python3 gen_cases.py SEED CASES > prog.py
import random
import sys


def key(r):
    c = r.random()
    if c < 0.45:
        return repr(r.randrange(-5, 60))
    if c < 0.6:
        return repr(r.randrange(-(10**6), 10**6))
    if c < 0.7:
        return repr(r.choice([1, -1]) * r.randrange(2**62, 2**70))
    if c < 0.82:
        return repr(r.choice([0.5, 1.5, -2.25, 3.0, 1e10, 1e-5, 2.0**70, 0.1 * r.randrange(100)]))
    if c < 0.95:
        return repr((r.randrange(10), r.randrange(-3, 3)))
    return r.choice(["True", "False", "()", "(1, (2, 3))", "-1", "-2"])


def items(r):
    return "[" + ", ".join(key(r) for _ in range(r.choice([0, 1, 2, 3, 5, 8, 13, 30, 100]))) + "]"


def case(r, out):
    names = []
    kinds = {}

    def fresh():
        n = "s%d" % len(names)
        k = r.random()
        if k < 0.4:
            out.append("%s = set(%s)" % (n, items(r)))
            kinds[n] = "set"
        elif k < 0.6:
            out.append("%s = frozenset(%s)" % (n, items(r)))
            kinds[n] = "frozenset"
        elif k < 0.8:
            out.append("%s = set()\nfor x in %s:\n    %s.add(x)" % (n, items(r), n))
            kinds[n] = "set"
        else:
            out.append("%s = {%s}" % (n, items(r)[1:-1] or "*()"))
            kinds[n] = "set"
        names.append(n)
        return n

    for _ in range(3):
        fresh()
    for _ in range(30):
        a = r.choice(names)
        b = r.choice(names)
        lst = items(r)
        mut = kinds[a] == "set"
        op = r.randrange(22)
        new = None
        if op == 0 and mut:
            out.append("%s.add(%s)" % (a, key(r)))
        elif op == 1 and mut:
            out.append("%s.discard(%s)" % (a, key(r)))
            out.append("if %s: %s.discard(list(%s)[len(%s) // 2])" % (a, a, a, a))
        elif op == 2 and mut:
            out.append("if %s: print('pop', %s.pop())" % (a, a))
        elif op == 3 and mut:
            out.append(r.choice(["%s.update(%s)" % (a, b), "%s.update(dict.fromkeys(%s))" % (a, lst),
                                 "%s.update(%s)" % (a, lst), "%s |= %s" % (a, b),
                                 "%s.update(%s, %s)" % (a, lst, b)]))
        elif op == 4:
            new = "%s | %s" % (a, b)
        elif op == 5:
            new = "%s.union(%s, %s)" % (a, lst, b)
        elif op == 6:
            new = "%s & %s" % (a, b)
        elif op == 7:
            new = "%s.intersection(%s)" % (a, lst)
        elif op == 8:
            new = "%s - %s" % (a, b)
        elif op == 9:
            new = "%s.difference(%s)" % (a, lst)
        elif op == 10:
            new = "%s ^ %s" % (a, b)
        elif op == 11:
            new = "%s.symmetric_difference(%s)" % (a, lst)
        elif op == 12:
            new = "%s.copy()" % a
        elif op == 13 and mut:
            out.append(r.choice(["%s &= %s" % (a, b), "%s.intersection_update(%s)" % (a, lst),
                                 "%s.intersection_update(%s, %s)" % (a, b, lst)]))
        elif op == 14 and mut:
            out.append(r.choice(["%s -= %s" % (a, b), "%s.difference_update(%s)" % (a, lst),
                                 "%s.difference_update(%s, %s)" % (a, lst, b)]))
        elif op == 15 and mut:
            out.append(r.choice(["%s ^= %s" % (a, b), "%s.symmetric_difference_update(%s)" % (a, lst),
                                 "%s.symmetric_difference_update(dict.fromkeys(%s))" % (a, lst)]))
        elif op == 16:
            new = "set(%s)" % a
        elif op == 17 and mut and r.random() < 0.3:
            out.append("%s.clear()" % a)
        elif op == 18:
            a = fresh()
        elif op == 19:
            new = "%s.difference(%s, %s)" % (a, b, lst)
        elif op == 20:
            new = "frozenset(%s)" % a
        elif op == 21:
            new = "%s.intersection(%s, %s)" % (a, b, lst)
        if new is not None:
            n = "s%d" % len(names)
            out.append("%s = %s" % (n, new))
            names.append(n)
            kinds[n] = "frozenset" if new.startswith("frozenset") or (
                kinds[a] == "frozenset" and not new.startswith("set(")) else "set"
            a = n
        out.append("print(%d, list(%s))" % (len(out), a))


seed = int(sys.argv[1])
n = int(sys.argv[2])
r = random.Random(seed)
for c in range(n):
    out = ["print('case %d')" % c]
    case(r, out)
    print("def case%d():" % c)
    for line in out:
        for part in line.split("\n"):
            print("    " + part)
    print("case%d()" % c)
