import getopt
for f in (getopt.getopt, getopt.gnu_getopt):
    print(f("-a -b -cfoo -d bar a1 a2".split(), "abc:d:"))
    print(f("-a1 --condition=foo --testing --output-file abc.def -x a1 a2".split(), "a:x", ["condition=", "output-file=", "testing"]))
    print(f(["a", "-a", "--", "-b"], "ab"))
    print(f(["--al", "x"], "", ["alpha", "beta="]))
    print(f(["--be", "x"], "", "beta="))
    for bad in (["-z"], ["-c"], ["--nope"], ["--alpha=1"], ["--beta"], ["--a"]):
        try: f(bad, "c:", ["alpha", "beta=", "alpine"])
        except getopt.GetoptError as e: print(repr(e), str(e), e.msg, e.opt, e.args)
print(getopt.error is getopt.GetoptError, getopt.gnu_getopt(["x", "-a"], "+a"))
import timeit
t = timeit.Timer("x = y + 1", "y = 2")
print(type(t.timeit(100)).__name__, len(t.repeat(3, 10)))
print(t.src)
n = [0]
def f(): n[0] += 1
print(timeit.timeit(f, number=7) >= 0, n)
print(timeit.timeit("z.append(1)", "z = []", number=5, globals={}) >= 0)
g = {"acc": []}
timeit.timeit("acc.append(k)", setup="k=3", number=4, globals=g); print(g["acc"])
for bad in [(1,), ("pass", 2)]:
    try: timeit.Timer(*bad)
    except ValueError as e: print(e)
try: timeit.Timer("return 1")
except SyntaxError as e: print("SyntaxError", e.msg)
try: timeit.Timer("x = (")
except SyntaxError as e: print("SyntaxError", e.filename)
num, tt = timeit.Timer("pass", timer=lambda c=[0, 0.01]: c.__setitem__(0, c[0]+c[1]) or c.__setitem__(1, c[1]*2) or c[0]).autorange(lambda a,b: print("cb", a, round(b, 2)))
print(num, round(tt, 2))
print(timeit.default_timer is __import__('time').perf_counter)
import io, sys
t = timeit.Timer("1/0")
try: t.timeit(1)
except ZeroDivisionError:
    buf = io.StringIO(); t.print_exc(buf); print(buf.getvalue().splitlines()[-1])
import contextlib
with contextlib.redirect_stderr(io.StringIO()) as err: print(timeit.main(["-n", "1", "-r", "1", "-u", "parsec"]))
print(err.getvalue(), end="")
print(timeit.main(["--bogus"]))
ticks = iter(range(100))
print(timeit.main(["-n", "3", "-r", "2", "-s", "a=1", "a+1"], _wrap_timer=lambda t: (lambda: next(ticks) * 0.5)))
print(timeit.main(["-n", "3", "-r", "2", "-v", "-u", "msec", "pass"], _wrap_timer=lambda t: (lambda: next(ticks) * 0.5)))
# The command line, through -m.
import re, subprocess
r = subprocess.run([sys.executable, "-m", "timeit", "-n", "2", "-r", "3", "-u", "usec", "pass"], capture_output=True, text=True)
print(r.returncode, re.sub(r"[0-9.]+ usec", "N usec", r.stdout))
r = subprocess.run([sys.executable, "-m", "timeit", "-x"], capture_output=True, text=True)
print(r.returncode, r.stdout)
r = subprocess.run([sys.executable, "-m", "getopt", "-a", "1", "--beta", "x"], capture_output=True, text=True)
print(r.returncode, r.stdout)
r = subprocess.run([sys.executable, "-m", "getopt", "--bogus"], capture_output=True, text=True)
print(r.returncode, r.stderr.splitlines()[-1])
