"""The DB-API 2.0 names of sqlite3, on the native `_sqlite3` module."""

from _sqlite3 import *

paramstyle = "qmark"
apilevel = "2.0"

Binary = memoryview


def _version_tuple(text):
    return tuple([int(part) for part in text.split(".")])


version_info = _version_tuple(version)
sqlite_version_info = _version_tuple(sqlite_version)


# The default adapters and converters of dates and timestamps (ISO 8601
# text, "YYYY-MM-DD" and "YYYY-MM-DD HH:MM:SS[.ffffff]"), as CPython 3.11
# registers them. The converters import datetime when first used; the
# adapters are registered once both modules are loaded (whichever comes
# second registers them), so importing sqlite3 does not load datetime.

def _convert_date(text):
    import datetime

    year, month, day = (int(part) for part in text.split(b"-"))
    return datetime.date(year, month, day)


def _convert_timestamp(text):
    import datetime

    day_part, _, time_part = text.partition(b" ")
    year, month, day = (int(part) for part in day_part.split(b"-"))
    clock, _, fraction = time_part.partition(b".")
    hours, minutes, seconds = (int(part) for part in clock.split(b":"))
    micro = int(fraction.decode()[:6].ljust(6, "0")) if fraction else 0
    return datetime.datetime(year, month, day, hours, minutes, seconds, micro)


def _register_date_adapters(datetime):
    if _registered:
        return
    _registered.append(True)
    register_adapter(datetime.date, lambda value: value.isoformat())
    register_adapter(datetime.datetime, lambda value: value.isoformat(" "))


_registered = []
register_converter("date", _convert_date)
register_converter("timestamp", _convert_timestamp)


def _datetime_loaded():
    import sys

    module = sys.modules.get("datetime")
    if module is not None and hasattr(module, "datetime"):
        _register_date_adapters(module)


_datetime_loaded()
