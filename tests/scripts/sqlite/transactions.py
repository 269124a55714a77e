# Transactions as CPython 3.11 handles them: an implicit BEGIN before
# INSERT/UPDATE/DELETE/REPLACE, commit and rollback, isolation_level
# (None: autocommit), the connection as a context manager.
import sqlite3

con = sqlite3.connect(":memory:")
print(repr(con.isolation_level), con.in_transaction)
con.execute("create table t(x)")
print("after create:", con.in_transaction)
con.execute("select * from t").fetchall()
print("after select:", con.in_transaction)
con.execute("insert into t values (1)")
print("after insert:", con.in_transaction, con.total_changes)
con.rollback()
print("rolled back:", con.in_transaction, con.execute("select count(*) from t").fetchone())
con.execute("insert into t values (2)")
con.execute("update t set x = x + 1")
con.commit()
print("committed:", con.in_transaction, con.execute("select * from t").fetchall())
con.commit()
con.rollback()
print("commit/rollback outside a transaction: fine")

# Comments before DML still open a transaction.
con.execute("-- note\ninsert into t values (10)")
print("comment first:", con.in_transaction)
con.rollback()

# Another connection does not see uncommitted rows of a shared-cache-free
# in-memory database (each is its own); a second cursor does.
cur1, cur2 = con.cursor(), con.cursor()
cur1.execute("insert into t values (3)")
print("second cursor sees:", cur2.execute("select count(*) from t").fetchone())
con.rollback()

# isolation_level values.
for level in ["DEFERRED", "immediate", "Exclusive", ""]:
    con.isolation_level = level
    con.execute("insert into t values (4)")
    print(repr(level), "->", repr(con.isolation_level), con.in_transaction)
    con.rollback()

con.isolation_level = None
print("autocommit:", repr(con.isolation_level))
con.execute("insert into t values (5)")
print("in transaction:", con.in_transaction)
con.execute("begin")
con.execute("insert into t values (6)")
print("explicit begin:", con.in_transaction)
try:
    con.execute("begin")
except sqlite3.OperationalError as e:
    print("OperationalError:", e)
con.rollback()
print(con.execute("select x from t order by x").fetchall())

# Setting isolation_level to None commits what is pending.
con.isolation_level = "DEFERRED"
con.execute("insert into t values (7)")
con.isolation_level = None
print("after switching to autocommit:", con.in_transaction)
con.isolation_level = ""
print(con.execute("select x from t order by x").fetchall())

c2 = sqlite3.connect(":memory:", isolation_level=None)
print("connect(isolation_level=None):", repr(c2.isolation_level))
c2.execute("create table a(x)")
c2.execute("insert into a values (1)")
print(c2.in_transaction)
c3 = sqlite3.connect(":memory:", isolation_level="exclusive")
print(repr(c3.isolation_level))

# The connection as a context manager: commit on success, rollback on an
# exception (which goes on), and the connection stays open.
with con:
    con.execute("insert into t values (8)")
print("with, success:", con.in_transaction, con.execute("select count(*) from t where x = 8").fetchone())
try:
    with con as entered:
        print("entered is con:", entered is con)
        con.execute("insert into t values (9)")
        raise ValueError("boom")
except ValueError as e:
    print("with, failure:", e, con.in_transaction)
print(con.execute("select count(*) from t where x = 9").fetchone())
print(con.__exit__(None, None, None))

# executescript commits a pending transaction first.
con.execute("insert into t values (11)")
print("before script:", con.in_transaction)
con.executescript("insert into t values (12);")
print("after script:", con.in_transaction)
con.rollback()
print(con.execute("select x from t where x > 10 order by x").fetchall())

# Rows pending in a cursor do not stop a commit.
con.execute("insert into t values (13)")
pending = con.execute("select x from t order by x")
print(pending.fetchone())
con.commit()
print(pending.fetchall())

# Savepoints work inside a transaction.
con.execute("insert into t values (14)")
con.execute("savepoint sp")
con.execute("insert into t values (15)")
con.execute("rollback to sp")
con.commit()
print(con.execute("select x from t where x >= 14").fetchall())
con.close()
try:
    with con:
        pass
except sqlite3.ProgrammingError as e:
    print("ProgrammingError:", e)
