# time.struct_time and gmtime: a 9-tuple with named fields, tm_zone and
# tm_gmtoff as attributes only; all on fixed timestamps (UTC).
import pickle
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


s = time.gmtime(0)
print(s)
print(s.tm_zone, s.tm_gmtoff, len(s), s[:3], s[-1], list(s))
print(s == tuple(s), hash(s) == hash(tuple(s)), s < time.gmtime(1))
print(s.n_fields, s.n_sequence_fields, s.n_unnamed_fields)
print(type(s).__module__, type(s).__name__, type(s).__qualname__)
print(time.struct_time.__mro__, s.__match_args__)
print(s.__reduce__())
y, m, d, *rest = s
print(y, m, d, rest)
print(isinstance(s, tuple), isinstance(s, time.struct_time))

for secs in (0, 86399, 951782400, 10**9, 1700000000.75, -1, -1.5, -86400 * 365 * 70,
             2**31, 10**12, True):
    g = time.gmtime(secs)
    print(secs, g, g.tm_yday, g.tm_wday)

# constructed from 9, 10 or 11 items, or with a dict for the extras
a = time.struct_time((2024, 2, 29, 13, 5, 7, 3, 60, 0))
print(a, a.tm_zone, a.tm_gmtoff)
b = time.struct_time([2024, 2, 29, 13, 5, 7, 3, 60, 0, "XYZ"])
print(b, b.tm_zone, b.tm_gmtoff)
c = time.struct_time(range(11))
print(c, c.tm_zone, c.tm_gmtoff)
e = time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9), {"tm_zone": "ABC", "tm_gmtoff": -3600})
print(e, e.tm_zone, e.tm_gmtoff)
print(a == tuple(a), a == b, {a: 1}[tuple(a)])

for bad in (lambda: time.struct_time((1, 2, 3)),
            lambda: time.struct_time(tuple(range(12))),
            lambda: time.struct_time(5),
            lambda: time.struct_time(range(9), 5),
            lambda: time.struct_time()):
    show(bad)

for value in (s, a, b, e):
    back = pickle.loads(pickle.dumps(value))
    print(back, back == value, back.tm_zone, back.tm_gmtoff, type(back) is time.struct_time)

for bad in ("x", float("nan"), 1e30, 2**70, -1e30, 1e17, [1]):
    show(lambda: time.gmtime(bad))

print(time.gmtime(None) >= time.gmtime(0), time.gmtime().tm_zone)
local = time.localtime(0)
print(type(local).__name__, isinstance(local.tm_zone, str), isinstance(local.tm_gmtoff, int))

# the fields are read-only, and there is no room for others
for f in (lambda: setattr(s, "tm_year", 3), lambda: setattr(s, "tm_zone", "X"),
          lambda: setattr(s, "foo", 3), lambda: delattr(s, "tm_mon"),
          lambda: delattr(s, "foo")):
    show(f)
print(s)
