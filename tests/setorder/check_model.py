# Random operations on real sets and on model.S side by side; the iteration
# orders must agree after every step. Usage: python3 check_model.py [cases]
import random
import sys

from model import S

DEEP = '--deep' in sys.argv
if DEEP:
    sys.argv.remove('--deep')
    from introspect import state


def key(r):
    c = r.random()
    if c < 0.45:
        return r.randrange(-5, 60)
    if c < 0.6:
        return r.randrange(-(10**6), 10**6)
    if c < 0.7:
        return r.choice([1, -1]) * r.randrange(2**62, 2**70)
    if c < 0.82:
        return r.choice([0.5, 1.5, -2.25, 3.0, 1e10, 1e-5, 2.0**70, 0.1 * r.randrange(100)])
    if c < 0.95:
        return (r.randrange(10), r.randrange(-3, 3))
    return r.choice([None, True, False, (), (1, (2, 3))])


def items(r):
    return [key(r) for _ in range(r.choice([0, 1, 2, 3, 5, 8, 13, 30, 100]))]


def run(seed):
    r = random.Random(seed)
    pool = []

    def fresh():
        it = items(r)
        kind = r.random()
        if kind < 0.5:
            real = set(it)
            m = S()
            m.update(it)
        elif kind < 0.75:
            real = frozenset(it)
            m = S(True)
            m.update(it)
        else:
            real = set()
            m = S()
            for x in it:
                real.add(x)
                m.add(x)
        return real, m

    for _ in range(3):
        pool.append(fresh())
    for step in range(40):
        i = r.randrange(len(pool))
        real, m = pool[i]
        op = r.randrange(20)
        j = r.randrange(len(pool))
        oreal, om = pool[j]
        lst = items(r)
        res = None
        if op == 0 and not real.__class__ is frozenset:
            k = key(r) if r.random() < 0.5 or not real else r.choice(list(real))
            real.add(k)
            m.add(k)
        elif op == 1 and type(real) is set and real:
            k = r.choice(list(real)) if r.random() < 0.8 else key(r)
            real.discard(k)
            m.discard(k)
        elif op == 2 and type(real) is set and real:
            a = real.pop()
            b = m.pop()
            assert a == b, (a, b)
        elif op == 3 and type(real) is set:
            if r.random() < 0.5:
                real.update(oreal)
                m.update(om)
            elif r.random() < 0.5:
                d = dict.fromkeys(lst)
                real.update(d)
                m.update(d)
            else:
                real.update(lst)
                m.update(lst)
        elif op == 4:
            res = (real | oreal, m.union(om))
        elif op == 5:
            res = (real.union(lst), m.union(lst))
        elif op == 6:
            res = (real & oreal, m.intersection(om))
        elif op == 7:
            res = (real.intersection(lst), m.intersection(lst))
        elif op == 8:
            res = (real - oreal, m.difference(om))
        elif op == 9:
            res = (real.difference(lst), m.difference(lst))
        elif op == 10:
            res = (real ^ oreal, m.symmetric_difference(om))
        elif op == 11:
            res = (real.symmetric_difference(lst), m.symmetric_difference(lst))
        elif op == 12:
            res = (real.copy(), m.copy() if type(real) is set else m)
        elif op == 13 and type(real) is set:
            real &= oreal
            m.intersection_update(om)
        elif op == 14 and type(real) is set:
            if r.random() < 0.5:
                real -= oreal
                m.difference_update(om)
            else:
                real.difference_update(lst)
                m.difference_update(lst)
        elif op == 15 and type(real) is set:
            if r.random() < 0.5:
                real ^= oreal
                m.symmetric_difference_update(om)
            else:
                real.symmetric_difference_update(lst)
                m.symmetric_difference_update(lst)
        elif op == 16:
            res = (set(real), m.copy())
            res[1].frozen = False
        elif op == 17 and type(real) is set and r.random() < 0.3:
            real.clear()
            m.clear()
        elif op == 18:
            pool.append(fresh())
        elif op == 19:
            res = (real.difference(oreal, lst), m.difference(om, lst))
        if res is not None:
            pool.append(res)
            real, m = res
        if DEEP:
            for a, b in [(real, m)] + ([res] if res else []):
                sa, sb = state(a), (b.fill, b.used, b.mask, b.finger, b.t)
                if sa[:3] != sb[:3] or sa[4] != sb[4] or (type(a) is set and sa[3] != sb[3]):
                    print("seed", seed, "step", step, "op", op, "table differs", sa[:4], sb[:4])
                    return False
        if list(real) != list(m):
            print("seed", seed, "step", step, "op", op)
            print(" real ", list(real))
            print(" model", list(m))
            return False
    return True


n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
bad = 0
for seed in range(n):
    if not run(seed):
        bad += 1
        if bad > 5:
            break
print("cases", n, "failed", bad)
