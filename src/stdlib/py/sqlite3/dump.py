"""`Connection.iterdump()`: the SQL text that recreates a database.

The dump is one transaction: the tables (each `CREATE TABLE` followed by
an `INSERT` per row, values quoted by SQLite's own `quote()`), then the
indexes, triggers and views.
"""


def _ident(name):
    """A name quoted as an SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _iterdump(connection):
    cursor = connection.cursor()
    yield "BEGIN TRANSACTION;"
    tables = cursor.execute(
        'SELECT "name", "type", "sql" FROM "sqlite_master" '
        "WHERE \"sql\" NOT NULL AND \"type\" == 'table' ORDER BY \"name\""
    ).fetchall()
    for name, _kind, sql in tables:
        if name == "sqlite_sequence":
            yield 'DELETE FROM "sqlite_sequence";'
        elif name == "sqlite_stat1":
            yield 'ANALYZE "sqlite_master";'
        elif name.startswith("sqlite_"):
            continue
        else:
            yield sql + ";"
        table = _ident(name)
        columns = [str(info[1]) for info in
                   cursor.execute("PRAGMA table_info(" + table + ")").fetchall()]
        quoted = ",".join(["'||quote(" + _ident(c) + ")||'" for c in columns])
        select = ("SELECT 'INSERT INTO " + table.replace("'", "''")
                  + " VALUES(" + quoted + ")' FROM " + table)
        for row in cursor.execute(select).fetchall():
            yield row[0] + ";"
    others = cursor.execute(
        'SELECT "name", "type", "sql" FROM "sqlite_master" '
        "WHERE \"sql\" NOT NULL AND \"type\" IN ('index', 'trigger', 'view')"
    ).fetchall()
    for _name, _kind, sql in others:
        yield sql + ";"
    yield "COMMIT;"
