# Row factories and text factories: sqlite3.Row, a custom factory, bytes
# and callables for text.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table people(id integer primary key, Name text, age)")
con.executemany("insert into people(Name, age) values (?, ?)",
                [("ann", 31), ("bob", 42), ("cid", None)])

con.row_factory = sqlite3.Row
print(con.row_factory is sqlite3.Row)
cur = con.execute("select id, Name, age from people order by id")
print(cur.row_factory is sqlite3.Row)
row = cur.fetchone()
print(type(row).__name__, isinstance(row, sqlite3.Row), len(row))
print(row[0], row[1], row[-1], row["id"], row["name"], row["NAME"], row["Age"])
print(row[0:2], row[::-1], row[1:], tuple(row), list(row), row.keys())
print([x for x in row], 31 in row, "zz" in row)
for key in ["missing", 5, -4, 1.5, None, b"id"]:
    try:
        row[key]
    except IndexError as e:
        print(repr(key), "IndexError:", e)

rows = con.execute("select id, Name, age from people order by id").fetchall()
again = con.execute("select id, Name, age from people order by id").fetchall()
print(rows[0] == again[0], rows[0] != again[0], rows[0] == rows[1], rows[0] != rows[1])
print(rows[0] == tuple(rows[0]), hash(rows[0]) == hash(again[0]))
print(len({rows[0], again[0], rows[1]}))
other = con.execute("select id, Name as who, age from people order by id").fetchone()
print("different names:", other == rows[0], other.keys())
try:
    rows[0] < rows[1]
except TypeError:
    print("rows do not order")

# Row() by hand.
c = con.cursor()
c.execute("select 1 as a, 2 as b")
made = sqlite3.Row(c, (10, 20))
print(made["a"], made["B"], made.keys(), list(made))
for bad in [(1, (1,)), (c, [1])]:
    try:
        sqlite3.Row(*bad)
    except TypeError as e:
        print("TypeError:", e)

# A cursor's own row_factory, set after it is made.
con.row_factory = None
cur = con.cursor()
print(cur.row_factory)
cur.row_factory = lambda cursor, r: {d[0]: v for d, v in zip(cursor.description, r)}
print(cur.execute("select id, Name from people where id < 3 order by id").fetchall())
cur.row_factory = None
print(cur.execute("select id from people order by id").fetchall())


def first_only(cursor, r):
    return r[0]


con.row_factory = first_only
print(con.execute("select Name, age from people order by id").fetchall())
print(con.cursor().row_factory is first_only)
con.row_factory = None

# text_factory: str (default), bytes, any callable.
print(con.text_factory is str)
con.text_factory = bytes
print(con.execute("select Name, 'héllo', x'00', 1 from people where id = 1").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print(con.execute("select Name, 'héllo', 2.5 from people where id = 2").fetchone())
con.text_factory = str
try:
    con.execute("select cast(x'41ff42' as text) as broken").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.text_factory = bytes
print(con.execute("select cast(x'41ff42' as text)").fetchone())
con.text_factory = str

# description with odd column names.
print(con.execute("select 1 as 'a b', 2 as a, 3 as a, count(*) from people").description)
print(con.execute("select * from people where 0").description)
con.close()
