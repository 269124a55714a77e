# A database file shared by threads: each thread opens its own connection
# (writers wait for each other through the busy timeout), and one
# connection shared with check_same_thread=False.
import os
import sqlite3
import threading

try:
    import tempfile
    _folder = tempfile.mkdtemp()
    PATH = os.path.join(_folder, "shared.db")
except ImportError:
    _folder = None
    PATH = "_threads_file.db"


def remove_files():
    remove = getattr(os, "remove", None)
    if remove is None:
        # An os without remove(): the file stays (git ignores it) and the
        # next run starts by dropping the tables.
        return
    for name in (PATH, PATH + "-journal"):
        try:
            remove(name)
        except FileNotFoundError:
            pass
    if _folder is not None:
        os.rmdir(_folder)


setup = sqlite3.connect(PATH)
setup.executescript("""
    drop table if exists log;
    drop table if exists totals;
    create table log(thread integer, i integer, note text);
    create table totals(thread integer primary key, n integer);
""")
setup.close()

THREADS = 4
ROWS = 60
errors = []


def writer(k):
    try:
        con = sqlite3.connect(PATH, timeout=30)
        for i in range(ROWS):
            con.execute("insert into log values (?, ?, ?)", (k, i, "t%d-%d" % (k, i)))
            if i % 10 == 9:
                con.commit()
        with con:
            n = con.execute("select count(*) from log where thread = ?", (k,)).fetchone()[0]
            con.execute("insert into totals values (?, ?)", (k, n))
        con.close()
    except Exception as e:
        errors.append(repr(e))


threads = [threading.Thread(target=writer, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("errors:", errors)

con = sqlite3.connect(PATH)
print(con.execute("select count(*), count(distinct thread), sum(i) from log").fetchone())
print(con.execute("select thread, n from totals order by thread").fetchall())
print(con.execute("select note from log where thread = 2 and i = 7").fetchone())
con.close()

# One connection, used by several threads (check_same_thread=False):
# each thread with its own cursor and table; statements of different
# threads interleave in SQLite, never corrupting one another.
shared = sqlite3.connect(PATH, check_same_thread=False, isolation_level=None)
for k in range(THREADS):
    shared.execute("drop table if exists own%d" % k)
    shared.execute("create table own%d(v)" % k)
results = {}


def user(k):
    try:
        cur = shared.cursor()
        for i in range(40):
            cur.execute("insert into own%d values (?)" % k, (i * k,))
        rows = cur.execute("select v from own%d order by rowid" % k).fetchall()
        total = 0
        for (v,) in shared.execute("select v from own%d" % k):
            total += v
        results[k] = (len(rows), rows[-1][0], total)
    except Exception as e:
        results[k] = repr(e)


threads = [threading.Thread(target=user, args=(k,)) for k in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))

# A lock serialises whole transactions on the shared connection.
lock = threading.Lock()
shared.isolation_level = ""
shared.execute("drop table if exists counter")
shared.execute("create table counter(n)")
shared.execute("insert into counter values (0)")
shared.commit()


def bump():
    for _ in range(25):
        with lock:
            with shared:
                n = shared.execute("select n from counter").fetchone()[0]
                shared.execute("update counter set n = ?", (n + 1,))


threads = [threading.Thread(target=bump) for _ in range(THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("counter:", shared.execute("select n from counter").fetchone()[0])
shared.close()
remove_files()
