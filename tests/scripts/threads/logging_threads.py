# 8 threads log 300 records each through one handler: every write() is one
# whole line; formats, levels, the logger hierarchy, exceptions, lastResort.
import logging
import sys
import threading


class LineStream:
    """Records each write() call; a call must be exactly one line."""

    def __init__(self):
        self.writes = []

    def write(self, s):
        self.writes.append(s)

    def flush(self):
        pass


stream = LineStream()
handler = logging.StreamHandler(stream)
handler.setFormatter(logging.Formatter("%(threadName)s|%(levelname)s|%(name)s|%(message)s"))
log = logging.getLogger("stress")
log.addHandler(handler)
log.setLevel(logging.DEBUG)
log.propagate = False
THREADS = 8
PER = 300


def worker(n):
    for i in range(PER):
        log.info("thread %d record %d %s", n, i, "x" * (i % 7))


ts = [threading.Thread(target=worker, args=(n,), name="w%d" % n) for n in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
whole = all(w.endswith("\n") and w.count("\n") == 1 for w in stream.writes)
per_thread = {}
bad = 0
for w in stream.writes:
    tname, level, name, msg = w.rstrip("\n").split("|")
    parts = msg.split()
    if tname != "w" + parts[1] or level != "INFO" or name != "stress":
        bad += 1
    per_thread.setdefault(tname, []).append(int(parts[3]))
print("writes:", len(stream.writes), "whole lines:", whole, "bad:", bad)
print("each thread in order:", all(v == list(range(PER)) for v in per_thread.values()), len(per_thread))

# Formats and record fields
out = LineStream()
h2 = logging.StreamHandler(out)
h2.setFormatter(logging.Formatter(
    "[%(name)-8s] %(levelno)3d %(levelname)-8s %(message)s %(processName)s"))
fmt_log = logging.getLogger("fmt")
fmt_log.addHandler(h2)
fmt_log.propagate = False
fmt_log.warning("plain")
fmt_log.error("dict %(a)s %(b)d", {"a": "A", "b": 2})
fmt_log.critical("pct %d%% done", 50)
fmt_log.log(25, "custom level")
logging.addLevelName(25, "NOTICE")
fmt_log.log(25, "named custom level")
print("".join(out.writes), end="")
rec = logging.LogRecord("n", logging.INFO, "/a/b/c.py", 7, "m %s", ("x",), None)
print(rec.getMessage(), rec.filename, rec.module, rec.levelname, rec.lineno,
      rec.threadName, isinstance(rec.thread, int), isinstance(rec.created, float),
      0 <= rec.msecs < 1000, rec.relativeCreated >= 0)
print(repr(rec))
f = logging.Formatter("%(asctime)s %(message)s")
record = logging.makeLogRecord({"msg": "hello", "created": 0.5, "msecs": 500.0})
text = f.format(record)
print("asctime shape:", len(text.split(" ")[0]) == 10, text.split(",")[-1])
print(logging.Formatter("%(message)s", datefmt="%Y").formatTime(record, "%Y") in ("1970", "1969"))
print(logging.Formatter("{levelname}:{message}", style="{").format(
    logging.makeLogRecord({"msg": "brace", "levelname": "INFO"})))
print(logging.Formatter("$levelname/${message}", style="$").format(
    logging.makeLogRecord({"msg": "dollar", "levelname": "INFO"})))
for bad_fmt, style in [("no fields", "%"), ("none", "{"), ("none", "$")]:
    try:
        logging.Formatter(bad_fmt, style=style)
    except ValueError as e:
        print("ValueError:", e)
try:
    logging.Formatter("x", style="?")
except ValueError as e:
    print("ValueError:", e)

# Levels
print(logging.getLevelName(10), logging.getLevelName("ERROR"), logging.getLevelName(33),
      logging.getLevelName("NOTICE"), logging.WARN, logging.FATAL)
print(logging.getLogger() is logging.getLogger("root"), logging.getLogger().name)
a = logging.getLogger("a.b.c")
print(a.parent.name, a.getEffectiveLevel())
ab = logging.getLogger("a.b")
print(a.parent is ab, ab.parent is logging.root, logging.getLogger("a.b") is ab)
ab.setLevel("ERROR")
print(a.getEffectiveLevel(), a.isEnabledFor(logging.WARNING), a.isEnabledFor(logging.ERROR))
print(logging.getLogger("a").getChild("b") is ab, repr(a))
try:
    ab.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)

# Propagation to the parent's handler, filters, hasHandlers
coll = LineStream()
ph = logging.StreamHandler(coll)
ph.setFormatter(logging.Formatter("%(name)s:%(message)s"))
ab.addHandler(ph)
a.error("from child")
a.warning("below parent level? no: child has no level, effective ERROR")
a.propagate = False
a.error("not propagated")
print(coll.writes, a.hasHandlers(), ab.hasHandlers())
a.propagate = True
ph.addFilter(logging.Filter("a.b.c"))
ab.error("filtered out")
a.error("passes filter")
ph.addFilter(lambda r: "secret" not in r.getMessage())
a.error("secret")
print(coll.writes[1:])
ab.removeHandler(ph)
print(ab.handlers, repr(ph))

# exception() appends the traceback
exc_out = LineStream()
eh = logging.StreamHandler(exc_out)
el = logging.getLogger("exc")
el.addHandler(eh)
el.propagate = False
try:
    {}["missing"]
except KeyError:
    el.exception("lookup failed")
lines = "".join(exc_out.writes).splitlines()
print(lines[0], lines[1], lines[-1], len(exc_out.writes))
el.error("with exc_info instance", exc_info=ValueError("v"))
print("".join(exc_out.writes[1:]).splitlines())

# No handler anywhere: lastResort prints warnings (message only) to sys.stderr.
saved = sys.stderr
sys.stderr = LineStream()
try:
    lonely = logging.getLogger("lonely")
    lonely.info("info is dropped")
    lonely.warning("warning via lastResort")
    got = sys.stderr.writes
finally:
    sys.stderr = saved
print(got)

# disable() and basicConfig(force=True); module-level functions
logging.disable(logging.WARNING)
logging.getLogger("d").warning("disabled")
logging.disable(logging.NOTSET)
logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s", stream=sys.stdout)
logging.info("root info %s", 1)
logging.basicConfig(level=logging.DEBUG, format="ignored %(message)s", stream=sys.stdout)
logging.debug("not shown: basicConfig ran once")
logging.basicConfig(level=logging.DEBUG, format="forced %(message)s", stream=sys.stdout, force=True)
logging.debug("debug after force")
logging.warn("warn alias")
logging.log(logging.ERROR, "log()")
cap = LineStream()
logging.basicConfig(format="%(levelname)s:%(message)s", stream=cap, force=True)
try:
    1 / 0
except ZeroDivisionError:
    logging.exception("boom")
lines = "".join(cap.writes).splitlines()
print(len(cap.writes), lines[0], lines[1], lines[-1])
try:
    logging.basicConfig(force=True, bogus=1)
except ValueError as e:
    print("ValueError:", e)
logging.shutdown()
print("done")
