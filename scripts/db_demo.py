"""A SQLite query per thread.

Builds a small database file, then runs the same aggregate query from 1,
2, 4 and 8 threads, each with its own connection. sqlite3 releases the
GIL while SQLite steps through a statement, so the queries run in
parallel (up to the number of cores) even with the GIL on; the Python
code around them is tiny.
"""
import os
import sqlite3
import sys
import tempfile
import threading
import time

ROWS = 100_000
QUERIES = 8

QUERY = ("SELECT grp, COUNT(*), SUM(value), AVG(LENGTH(name)) FROM items "
         "WHERE value % 7 != 3 GROUP BY grp ORDER BY grp")


def make_db(path):
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, grp INTEGER, "
                "value INTEGER, name TEXT)")
    con.executemany("INSERT INTO items (grp, value, name) VALUES (?, ?, ?)",
                    ((i % 10, (i * 7919) % 100_003, f"item-{i}")
                     for i in range(ROWS)))
    con.commit()
    con.close()


def worker(path, count, results):
    con = sqlite3.connect(path)
    for _ in range(count):
        results.append(con.execute(QUERY).fetchall())
    con.close()


def run(path, threads):
    results = []
    share = QUERIES // threads
    ts = [threading.Thread(target=worker, args=(path, share, results))
          for _ in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    assert len(results) == QUERIES and all(r == results[0] for r in results)
    return elapsed


def gil_state():
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    return "on" if enabled else "off"


def main():
    print(f"{sys.version.split()[0]} {sys.version[sys.version.find('('):]}  GIL {gil_state()}")
    print(f"{QUERIES} aggregate queries over {ROWS} rows, split over the threads")
    print()
    print(f"{'threads':>8}{'elapsed (s)':>14}{'speed-up':>10}")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "demo.db")
        make_db(path)
        base = None
        for n in (1, 2, 4, 8):
            elapsed = run(path, n)
            base = base or elapsed
            print(f"{n:>8}{elapsed:>14.3f}{base / elapsed:>9.2f}x")


if __name__ == "__main__":
    main()
