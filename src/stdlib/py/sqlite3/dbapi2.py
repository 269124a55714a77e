"""The DB-API 2.0 names of sqlite3, on the native `_sqlite3` module."""

from _sqlite3 import *

paramstyle = "qmark"
apilevel = "2.0"

Binary = memoryview


def _version_tuple(text):
    return tuple([int(part) for part in text.split(".")])


version_info = _version_tuple(version)
sqlite_version_info = _version_tuple(sqlite_version)
