# sqlite3's exceptions: the DB-API hierarchy and CPython's messages.
import sqlite3
import threading

for name in ["Warning", "Error", "InterfaceError", "DatabaseError", "DataError",
             "OperationalError", "IntegrityError", "InternalError",
             "ProgrammingError", "NotSupportedError"]:
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [c.__name__ for c in cls.__mro__])


def attempt(label, f):
    try:
        r = f()
        print(label, "->", "ok", r if not isinstance(r, sqlite3.Cursor) else "cursor")
    except Exception as e:
        print(label, "->", type(e).__module__ + "." + type(e).__name__ + ":", e)
        code = getattr(e, "sqlite_errorcode", None)
        if code is not None:
            print("   ", code, e.sqlite_errorname)


con = sqlite3.connect(":memory:")
print(con.Error is sqlite3.Error, con.OperationalError is sqlite3.OperationalError)
cur = con.cursor()
cur.execute("create table t(id integer primary key, name text unique not null, v check (v > 0))")
cur.execute("insert into t values (1, 'a', 1)")

attempt("no table", lambda: cur.execute("select * from missing"))
attempt("no column", lambda: cur.execute("select nope from t"))
attempt("syntax", lambda: cur.execute("SELEC 1"))
attempt("primary key", lambda: cur.execute("insert into t values (1, 'b', 1)"))
attempt("unique", lambda: cur.execute("insert into t values (2, 'a', 1)"))
attempt("not null", lambda: cur.execute("insert into t values (3, null, 1)"))
attempt("check", lambda: cur.execute("insert into t values (4, 'd', -1)"))
attempt("too few", lambda: cur.execute("insert into t values (?, ?, ?)", (5, "e")))
attempt("too many", lambda: cur.execute("insert into t values (?, ?, ?)", (5, "e", 1, 2)))
attempt("none given", lambda: cur.execute("select ?"))
attempt("list param", lambda: cur.execute("select ?, ?", (1, [2])))
attempt("dict param", lambda: cur.execute("select ?", ({},)))
attempt("object param", lambda: cur.execute("select ?", (object(),)))
attempt("big int", lambda: cur.execute("select ?", (2**63,)))
attempt("small int", lambda: cur.execute("select ?", (-2**63 - 1,)))
attempt("two statements", lambda: cur.execute("select 1; select 2"))
attempt("trailing semicolon", lambda: cur.execute("select 1;  -- fine"))
attempt("missing name", lambda: cur.execute("select :a, :b", {"a": 1}))
attempt("dict for qmark", lambda: cur.execute("select ?", {"a": 1}))
attempt("int params", lambda: cur.execute("select ?", 1))
attempt("set params", lambda: cur.execute("select ?", {1}))
attempt("sql not str", lambda: cur.execute(1))
attempt("null char", lambda: cur.execute("select 1\x00"))
attempt("many select", lambda: cur.executemany("select ?", [(1,)]))
attempt("many not iterable", lambda: cur.executemany("insert into t(name) values (?)", 5))
attempt("many bad set", lambda: cur.executemany("insert into t(name) values (?)", [5]))
attempt("script not str", lambda: cur.executescript(5))
attempt("script error", lambda: cur.executescript("create table s(x); selec 1;"))
attempt("script kept first", lambda: con.execute("select count(*) from s").fetchone())
attempt("error in generator", lambda: cur.executemany(
    "insert into t(name, v) values (?, 1)", (("g%d" % (1 / (2 - i)),) for i in range(3))))
attempt("rows before error", lambda: con.execute("select count(*) from t").fetchone())
attempt("rowcount after error", lambda: cur.rowcount)
attempt("isolation value", lambda: setattr(con, "isolation_level", "SOMETIMES"))
attempt("isolation type", lambda: setattr(con, "isolation_level", 1))
attempt("connect isolation", lambda: sqlite3.connect(":memory:", isolation_level="x"))
attempt("connect bad kw", lambda: sqlite3.connect(":memory:", colour=1))
attempt("connect no db", lambda: sqlite3.connect())
attempt("connect db type", lambda: sqlite3.connect(5))
attempt("connect timeout", lambda: sqlite3.connect(":memory:", timeout="x"))
attempt("connect bad path", lambda: sqlite3.connect("/nonexistent-dir/sub/x.db"))
attempt("cursor factory", lambda: con.cursor(lambda c: 5))
attempt("Cursor()", lambda: sqlite3.Cursor(5))
attempt("fetch nothing", lambda: con.cursor().fetchone())
try:
    con.total_changes = 1
except AttributeError:
    print("total_changes is read-only")

other = sqlite3.connect(":memory:")
c2 = other.cursor()
c2.close()
attempt("closed cursor execute", lambda: c2.execute("select 1"))
attempt("closed cursor fetch", lambda: c2.fetchall())
other.close()
attempt("closed db execute", lambda: other.execute("select 1"))
attempt("closed db cursor", lambda: other.cursor())
attempt("closed db commit", lambda: other.commit())
attempt("closed db total_changes", lambda: other.total_changes)
attempt("closed db isolation", lambda: other.isolation_level)
attempt("close twice", lambda: other.close())
attempt("closed db row_factory", lambda: other.row_factory)


def in_thread():
    for label, f in [("other thread execute", lambda: con.execute("select 1")),
                     ("other thread close", lambda: con.close())]:
        try:
            f()
            print(label, "ok")
        except sqlite3.ProgrammingError as e:
            text = str(e)
            print(label, "->", text.split(" The object")[0])
            print("   ids given:", "created in thread id" in text and "this is thread id" in text)


t = threading.Thread(target=in_thread)
t.start()
t.join()
print(con.execute("select 1").fetchone())
