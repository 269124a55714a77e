# A long SQLite query runs with the GIL released: another thread keeps
# running Python code meanwhile.
import sqlite3
import threading

done = threading.Event()
started = threading.Event()
ticks = [0]


def spinner():
    started.set()
    while not done.is_set():
        ticks[0] += 1


t = threading.Thread(target=spinner)
t.start()
started.wait()
con = sqlite3.connect(":memory:")
before = ticks[0]
n = con.execute("""
    with recursive c(i) as (select 1 union all select i + 1 from c where i < 3000000)
    select count(*), sum(i) from c
""").fetchone()
during = ticks[0] - before
done.set()
t.join()
print(n)
print("other thread ran during the query:", during > 0)
