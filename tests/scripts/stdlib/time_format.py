# strftime, asctime, ctime and mktime on fixed tuples, with CPython's checks.
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


t = (2024, 2, 29, 13, 5, 7, 3, 60, 0)
full = "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %p %I %y %C %e %D %T %R %u %G %V %g %h %n %t %%"
print(repr(time.strftime(full, t)))
print(time.strftime("%c | %x | %X", t))
print(time.strftime("%Y", (1, 1, 1, 0, 0, 0, 0, 1, 0)), time.strftime("%Y", (12345, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.strftime("%z %Z", time.gmtime(0)))
print(time.strftime("%z %Z", time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 0, "ABC", 5400))))
print(time.strftime("%z %Z", time.struct_time((2024, 1, 1, 0, 0, 0, 0, 1, 1, "XDT", -25200))))
print(time.strftime("%H:%M", time.gmtime(1700000000)))
print(repr(time.strftime("", t)), repr(time.strftime("%", t)), repr(time.strftime("%Q %4Y %E", t)))
print(repr(time.strftime("ä €%Y", t)), repr(time.strftime("x" * 300, t))[:20])
print(time.strftime("%Y-%m-%d %j", (2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.strftime("%a %S", (2024, 1, 1, 0, 0, 61, 9, 1, 5)))
print(time.strftime("%a", (2024, 1, 1, 0, 0, 0, -1, 1, -5)))

bad_tuples = [
    (2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, -1, 1, 0, 0, 0, 0, 1, 0),
    (2024, 1, 32, 0, 0, 0, 0, 1, 0), (2024, 1, -1, 0, 0, 0, 0, 1, 0),
    (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, -1, 0, 0, 0, 1, 0),
    (2024, 1, 1, 0, 60, 0, 0, 1, 0), (2024, 1, 1, 0, 0, 62, 0, 1, 0),
    (2024, 1, 1, 0, 0, 0, -2, 1, 0), (2024, 1, 1, 0, 0, 0, 0, 367, 0),
    (2024, 1, 1, 0, 0, 0, 0, -1, 0), (2024, 1, 1, 0, 0, 0, 0, 1),
    (2024.0, 1, 1, 0, 0, 0, 0, 1, 0), ("2024", 1, 1, 0, 0, 0, 0, 1, 0),
    (2**63, 1, 1, 0, 0, 0, 0, 1, 0), (2**31, 1, 1, 0, 0, 0, 0, 1, 0),
    (-2**31 - 1, 1, 1, 0, 0, 0, 0, 1, 0), [2024, 1, 1, 0, 0, 0, 0, 1, 0], 5,
]
for bad in bad_tuples:
    show(lambda: time.strftime("%Y", bad))
    show(lambda: time.asctime(bad))
show(lambda: time.strftime(5))
show(lambda: time.strftime(b"%Y", t))
show(lambda: time.strftime("a\x00b", t))
show(lambda: time.strftime())

print(time.asctime(t), time.asctime(time.gmtime(0)), time.asctime((2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime((12345, 1, 1, 0, 0, 0, 9, 1, 0)), time.asctime((-5, 12, 25, 23, 59, 59, 6, 360, 0)))
print(isinstance(time.asctime(), str), isinstance(time.ctime(), str), len(time.ctime(0)))
show(lambda: time.ctime("x"))
show(lambda: time.ctime(1e30))
show(lambda: time.ctime(float("nan")))

# mktime undoes localtime whatever the machine's zone is
for secs in (0, 86399, 10**9, 1700000000, 1720000000, -86400 * 365 * 70, 2**31 + 5):
    lt = time.localtime(secs)
    print(secs, time.mktime(lt) == secs, time.mktime(tuple(lt)) == secs,
          type(time.mktime(lt)).__name__)
print(time.mktime(time.localtime(1700000000.9)))
for bad in [(2024, 1, 1, 0, 0, 0, 0, 0), 5, [2024, 1, 1, 0, 0, 0, 0, 0, 0],
            (2024, 1, 1, 0, 0, 0, 0, 0, "a"), (2024, 1, 1, 0, 0, 0, 0, 0, 0, 0),
            (2**40, 1, 1, 0, 0, 0, 0, 0, 0), (1e3, 1, 1, 0, 0, 0, 0, 0, 0)]:
    show(lambda: time.mktime(bad))
