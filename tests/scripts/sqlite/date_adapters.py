"""sqlite3's default adapters and converters of dates and timestamps, as
CPython 3.11 registers them (datetime imported after sqlite3)."""
import sqlite3
import datetime

con = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES)
con.execute("CREATE TABLE t(d date, ts timestamp, plain text)")
rows = [
    (datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4, 5, 678), "x"),
    (datetime.date(1999, 12, 31), datetime.datetime(2000, 1, 1, 0, 0, 0), "y"),
]
con.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
for row in con.execute("SELECT d, ts, plain FROM t ORDER BY d"):
    print(row)
print(con.execute("SELECT typeof(d), typeof(ts), d, ts FROM t ORDER BY d").fetchall())
con2 = sqlite3.connect(":memory:")
con2.execute("CREATE TABLE t(d date)")
con2.execute("INSERT INTO t VALUES (?)", (datetime.date(2024, 5, 6),))
print(con2.execute("SELECT d FROM t").fetchone())
con3 = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_COLNAMES)
print(con3.execute('SELECT ? AS "d [date]", ? AS "t [timestamp]"',
                   ("2021-03-04", "2021-03-04 05:06:07.5")).fetchone())
