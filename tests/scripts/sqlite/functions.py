# Python callables in SQL: functions, aggregates, collations; adapters and
# converters; iterdump and backup.
import sqlite3

con = sqlite3.connect(":memory:")


def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


con.create_function("double", 1, lambda x: x * 2)
print(con.execute("select double(21), double(1.25), double('ab'), double(x'01')").fetchone())
con.create_function("kinds", 1, lambda x: type(x).__name__)
print(con.execute("select kinds(1), kinds(1.5), kinds('s'), kinds(x'00'), kinds(null)").fetchone())
con.create_function("count_args", -1, lambda *a: len(a))
print(con.execute("select count_args(), count_args(1, 2, 3)").fetchone())
con.create_function("nil", 0, lambda: None)
con.create_function("flag", 0, lambda: True)
con.create_function("blob", 0, lambda: bytearray(b"\x01\x02"))
con.create_function("pure", 1, lambda x: -x, deterministic=True)
print(con.execute("select nil(), flag(), blob(), pure(5)").fetchone())
con.create_function("boom", 0, lambda: 1 / 0)
attempt("raises", lambda: con.execute("select boom()").fetchone())
con.create_function("bad", 0, lambda: [1])
attempt("bad result", lambda: con.execute("select bad()").fetchone())
con.create_function("huge", 0, lambda: 2**80)
attempt("huge result", lambda: con.execute("select huge()").fetchone())
attempt("wrong arg count", lambda: con.execute("select double(1, 2)").fetchone())
attempt("bad narg", lambda: con.create_function("f", -5, len))
attempt("name type", lambda: con.create_function(5, 1, len))
con.create_function("double", 1, lambda x: x * 3)
print("replaced:", con.execute("select double(2)").fetchone())

# A function that runs SQL on the same connection.
con.execute("create table t(v)")
con.executemany("insert into t values (?)", [(i,) for i in range(1, 6)])
con.create_function("total", 0, lambda: con.execute("select sum(v) from t").fetchone()[0])
print("nested:", con.execute("select total(), total() + 1").fetchone())


class Sum:
    def __init__(self):
        self.n = 0

    def step(self, v):
        self.n += v

    def finalize(self):
        return self.n


class Collect:
    def __init__(self):
        self.items = []

    def step(self, *values):
        self.items.append("/".join(str(v) for v in values))

    def finalize(self):
        return ",".join(self.items)


con.create_aggregate("mysum", 1, Sum)
con.create_aggregate("collect", -1, Collect)
print(con.execute("select mysum(v), collect(v, v * v) from t").fetchone())
print(con.execute("select mysum(v) from t where v > 100").fetchone())
print(con.execute("select v % 2, mysum(v) from t group by v % 2 order by 1").fetchall())


class BadStep:
    def step(self, v):
        raise ValueError("no")

    def finalize(self):
        return 0


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        raise ValueError("no")


class BadInit:
    def __init__(self):
        raise ValueError("no")


class NoStep:
    def finalize(self):
        return 0


for name, cls in [("badstep", BadStep), ("badfinal", BadFinal),
                  ("badinit", BadInit), ("nostep", NoStep)]:
    con.create_aggregate(name, 1, cls)
    attempt(name, lambda: con.execute("select %s(v) from t" % name).fetchone())


def reverse(a, b):
    return (a < b) - (a > b)


con.execute("create table w(s)")
con.executemany("insert into w values (?)", [("b",), ("a",), ("c",)])
con.create_collation("reverse", reverse)
print(con.execute("select s from w order by s collate reverse").fetchall())
con.create_collation("reverse", None)
attempt("removed collation", lambda: con.execute("select s from w order by s collate reverse").fetchall())
attempt("not callable", lambda: con.create_collation("x", 5))

# Adapters and converters.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def adapt_point(p):
    return "%s;%s" % (p.x, p.y)


def convert_point(b):
    x, y = b.decode("ascii").split(";")
    return Point(float(x), float(y))


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print(sqlite3.adapt(Point(1, 2)), "POINT" in sqlite3.converters)
attempt("adapt unknown", lambda: sqlite3.adapt(object()))
print(sqlite3.adapt(object, sqlite3.PrepareProtocol, "alt"))

typed = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
typed.execute("create table p(a point, b Point(2), c text, d integer)")
typed.execute("insert into p values (?, ?, ?, ?)", (Point(1, 2), Point(3.5, -1), "5;6", 7))
print(typed.execute("select * from p").fetchone())
cur = typed.execute('select c as "c [point]", c as "plain", a as "x [nothing]", d from p')
print(cur.fetchone(), [d[0] for d in cur.description])
print(typed.execute("select null as 'n [point]'").fetchone())
plain = con.execute("select ?", (Point(7, 8),)).fetchone()
print("no detect_types:", plain)


class Conforming:
    def __conform__(self, protocol):
        if protocol is sqlite3.PrepareProtocol:
            return "conformed"


print(con.execute("select ?", (Conforming(),)).fetchone())

# iterdump and backup.
src = sqlite3.connect(":memory:")
src.executescript("""
    create table a(id integer primary key, name text, data blob);
    insert into a(name, data) values ('it''s', x'0102');
    insert into a(name, data) values (null, null);
    create index a_name on a(name);
    create view v as select name from a;
""")
for line in src.iterdump():
    print(line)
dst = sqlite3.connect(":memory:")
progress = []
src.backup(dst, progress=lambda status, remaining, total: progress.append(remaining))
print(dst.execute("select * from a").fetchall(), progress[-1:])
attempt("backup to itself", lambda: src.backup(src))
attempt("backup target type", lambda: src.backup(5))
