# sqlite3 basics: connecting, the type mapping, cursors' attributes and
# the ways of fetching, executemany with several kinds of parameter sets.
import sqlite3

print(sqlite3.apilevel, sqlite3.threadsafety, sqlite3.paramstyle)
print(sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES, sqlite3.SQLITE_OK, sqlite3.SQLITE_CONSTRAINT)
print(type(sqlite3.sqlite_version).__name__, type(sqlite3.sqlite_version_info).__name__,
      len(sqlite3.sqlite_version_info), sqlite3.sqlite_version_info >= (3, 7))
print(sqlite3.version, sqlite3.version_info)
print(sqlite3.Connection, sqlite3.Cursor, sqlite3.Row, sqlite3.PrepareProtocol)
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 'a;"))

con = sqlite3.connect(":memory:")
print(type(con).__name__, isinstance(con, sqlite3.Connection))
cur = con.cursor()
print(type(cur).__name__, cur.connection is con, cur.arraysize, cur.rowcount,
      cur.lastrowid, cur.description, cur.row_factory)

cur.execute("create table t(id integer primary key, name text, score real, data blob)")
print("create:", cur.rowcount, cur.lastrowid, cur.description)
cur.execute("insert into t(name, score, data) values (?, ?, ?)", ("ann", 1.5, b"\x00\x01"))
print("insert:", cur.rowcount, cur.lastrowid, cur.description)
cur.execute("insert into t(name, score, data) values (:n, :s, :d)",
            {"n": "bob", "s": 2, "d": bytearray(b"xyz")})
print("insert named:", cur.rowcount, cur.lastrowid)
print(cur.execute("insert into t(name) values (?)", ["cid"]) is cur, cur.lastrowid)

# The type mapping, both ways.
values = [None, 0, -1, 2**63 - 1, -2**63, 3.25, -0.0, 1e300, "", "héllo ✓",
          "a\x00b", b"", b"\xff\x00", bytearray(b"ba"), memoryview(b"mv"), True, False]
for v in values:
    got = con.execute("select ?, typeof(?)", (v, v)).fetchone()
    print(repr(v) if not isinstance(v, memoryview) else "memoryview", "->", got)

print(con.execute("select 1, 1.0, 'x', x'41', null, 7/2, 7.0/2").fetchone())

cur.execute("select * from t order by id")
print(cur.rowcount, cur.description)
print(cur.fetchone())
print(cur.fetchmany())
cur.arraysize = 5
print(cur.fetchmany())
print(cur.fetchone(), cur.fetchall(), cur.fetchmany(2))

cur.execute("select id from t order by id")
print(cur.fetchall())
cur.execute("select id from t order by id")
print(cur.fetchmany(2), cur.fetchmany(size=5))
cur.execute("select id from t order by id")
print(cur.fetchmany(0), cur.fetchall())
print([row for row in con.execute("select id, name from t order by id")])
print(iter(cur) is cur)
print(next(cur.execute("select 42")))
try:
    next(cur)
except StopIteration:
    print("StopIteration")

# executemany: list, tuple, generator, iterator; rowcount sums the changes.
cur.execute("create table m(a, b)")
cur.executemany("insert into m values (?, ?)", [(1, "one"), (2, "two")])
print("list:", cur.rowcount, cur.lastrowid, cur.description)
cur.executemany("insert into m values (?, ?)", ((i, str(i)) for i in range(3, 8)))
print("generator:", cur.rowcount)
cur.executemany("insert into m values (:a, :b)", iter([{"a": 8, "b": "x"}, {"a": 9, "b": "y"}]))
print("iterator of dicts:", cur.rowcount)
cur.executemany("insert into m values (?, ?)", [])
print("empty:", cur.rowcount)
cur.executemany("update m set b = ? where a > ?", [("big", 5), ("huge", 7)])
print("update:", cur.rowcount)
cur.execute("delete from m where a > 100")
print("delete none:", cur.rowcount)
cur.execute("delete from m where a < 3")
print("delete two:", cur.rowcount)
print(con.execute("select count(*), sum(a), group_concat(b) from m").fetchone())

# Parameters: numbered, named styles, any sequence, dict subclasses.
print(con.execute("select ?1, ?2, ?1", (1, 2)).fetchone())
print(con.execute("select $x, @y, :z", {"x": 1, "y": 2, "z": 3}).fetchone())
print(con.execute("select ?", "a").fetchone(), con.execute("select ?, ?", range(2)).fetchone())


class Missing(dict):
    def __missing__(self, key):
        return key.upper()


print(con.execute("select :abc, :d", Missing(d=4)).fetchone())

# executescript runs several statements; the cursor has no result after.
cur.executescript("""
    create table s(x);
    insert into s values (1);
    insert into s values (2);  -- a comment
    /* another */ insert into s values (3);
""")
print(cur.description, cur.rowcount, con.execute("select sum(x) from s").fetchone())
print(con.executescript("select 1") is not None)

# Blank statements run nothing.
print(cur.execute("").description, cur.execute("  -- only a comment").fetchall())
print(con.total_changes)
cur.close()
con.close()
print("closed")

# executescript leaves the cursor's pending rows alone.
con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("select 1 as a union all select 2")
print(cur.fetchone(), cur.description)
cur.executescript("create table z(x); insert into z values (5);")
print(cur.description, cur.fetchall(), cur.rowcount)
