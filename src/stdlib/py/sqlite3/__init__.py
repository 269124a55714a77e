"""sqlite3: the DB-API 2.0 interface to SQLite databases (PEP 249).

gilpy's sqlite3 runs on the real SQLite library, bundled with the
interpreter: connections, cursors and rows are native (the `_sqlite3`
module) and release the GIL around every SQLite call that can take time,
as CPython's do. This package re-exports them (`sqlite3.dbapi2`) and adds
`iterdump` (`sqlite3.dump`).

Differences from CPython 3.11: no `datetime` adapters and converters (gilpy
has no `datetime`), so `Date`, `Time`, `Timestamp` and the `*FromTicks`
constructors are missing; no `Blob`, window functions, authorizer,
progress or trace callbacks, `serialize`/`deserialize`.
"""

from sqlite3.dbapi2 import *
