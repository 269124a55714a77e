"""IANA time zones: `ZoneInfo(key)` is a `datetime.tzinfo` for a zone of
the system's time zone database, read from the TZif files under `TZPATH`.

A TZif file (RFC 8536, versions 1 to 4) lists the zone's transitions in UTC
and its local time types; from version 2 on, a POSIX TZ string at its end
gives the rule for times after the last transition.  Local times in a gap
or a fold are resolved by their `fold` attribute (PEP 495): `fold=0` gives
the offset in force before the transition, `fold=1` the one after it, and
`fromutc` sets `fold=1` on the second of two equal local times.

`ZoneInfo(key)` returns the same object for the same key while one is alive
(the eight most recent are kept alive); `ZoneInfo.no_cache(key)` makes a new
one and `ZoneInfo.clear_cache()` forgets them.  Objects pickle by key.  The
search path is `TZPATH`: PYTHONTZPATH (paths separated by ':') if set, else
the usual system folders; `reset_tzpath()` changes it.

This follows CPython's C implementation (`_zoneinfo`), which is the one
CPython 3.11 uses, in its results and messages.  The `tzdata` package is not
consulted: a key not found under TZPATH raises ZoneInfoNotFoundError.
"""

import os as _os
import struct as _struct
import bisect as _bisect
import weakref as _weakref
from collections import OrderedDict as _OrderedDict
from datetime import tzinfo as _tzinfo, timedelta as _timedelta, \
    datetime as _datetime

__all__ = [
    "ZoneInfo",
    "reset_tzpath",
    "available_timezones",
    "TZPATH",
    "ZoneInfoNotFoundError",
    "InvalidTZPathWarning",
]


class ZoneInfoNotFoundError(KeyError):
    """No time zone file was found for the key."""


class InvalidTZPathWarning(RuntimeWarning):
    """A path of PYTHONTZPATH is not absolute, and was left out."""


# -- the search path ---------------------------------------------------------------

_DEFAULT_TZPATH = ("/usr/share/zoneinfo:/usr/lib/zoneinfo:"
                   "/usr/share/lib/zoneinfo:/etc/zoneinfo")
_TZPATH = ()


def _relative_paths_message(paths):
    relative = [p for p in paths if not _os.path.isabs(p)]
    return ("Paths should be absolute but found the following relative "
            "paths:" + "".join("\n    " + p for p in relative))


def _paths_from_string(value):
    if not value:
        return ()
    parts = value.split(_os.pathsep)
    kept = tuple(p for p in parts if _os.path.isabs(p))
    if len(kept) != len(parts):
        import warnings
        warnings.warn("Invalid paths specified in PYTHONTZPATH environment "
                      "variable. " + _relative_paths_message(parts),
                      InvalidTZPathWarning)
    return kept


def reset_tzpath(to=None):
    """Set the search path to `to` (a sequence of absolute paths), or with
    no argument back to its default (PYTHONTZPATH or the system's)."""
    global _TZPATH
    if to is not None:
        if isinstance(to, (str, bytes)):
            raise TypeError(f"tzpaths must be a list or tuple, "
                            f"not {type(to)}: {to!r}")
        if not all(_os.path.isabs(p) for p in to):
            raise ValueError(_relative_paths_message(to))
        paths = to
    else:
        env = _os.environ.get("PYTHONTZPATH")
        paths = _paths_from_string(env if env is not None
                                   else _DEFAULT_TZPATH)
    _TZPATH = tuple(paths)


def __getattr__(name):
    if name == "TZPATH":
        return _TZPATH
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    names = [n for n in globals()
             if not n.startswith("_") or n.startswith("__")
             or n in ("_common", "_tzpath")]
    return sorted(names + ["TZPATH"])


_BASE = _os.path.normpath(_os.path.join("_", "_"))[:-1]


def _check_key(key):
    if _os.path.isabs(key):
        raise ValueError(
            f"ZoneInfo keys may not be absolute paths, got: {key}")
    normal = _os.path.normpath(key)
    if len(normal) != len(key):
        raise ValueError(
            f"ZoneInfo keys must be normalized relative paths, got: {key}")
    inside = _os.path.normpath(_os.path.join(_BASE, normal))
    if not inside.startswith(_BASE):
        raise ValueError(
            f"ZoneInfo keys must refer to subdirectories of TZPATH, got: {key}")


def _find_tzfile(key):
    _check_key(key)
    for folder in _TZPATH:
        path = _os.path.join(folder, key)
        try:
            if _os.path.isfile(path):
                return path
        except ValueError:
            # An embedded NUL: no such file.
            pass
    return None


def available_timezones():
    """The set of keys of the zones found under TZPATH."""
    found = set()
    for root in _TZPATH:
        if not _os.path.exists(root):
            continue
        for folder, subfolders, files in _os.walk(root):
            if folder == root:
                # right/ (leap seconds) and posix/ copy the zones.
                for special in ("right", "posix"):
                    if special in subfolders:
                        subfolders.remove(special)
            for name in files:
                path = _os.path.join(folder, name)
                key = _os.path.relpath(path, start=root)
                if _os.sep != "/":
                    key = key.replace(_os.sep, "/")
                if not key or key in found:
                    continue
                try:
                    with open(path, "rb") as f:
                        if f.read(4) == b"TZif":
                            found.add(key)
                except Exception:
                    pass
    found.discard("posixrules")
    return found


# -- local time types ------------------------------------------------------------

_EPOCH_ORDINAL = 719163          # date(1970, 1, 1).toordinal()

_delta_cache = {}


def _delta(seconds):
    d = _delta_cache.get(seconds)
    if d is None:
        d = _delta_cache[seconds] = _timedelta(seconds=seconds)
    return d


class _ttinfo:
    __slots__ = ("utcoff", "dstoff", "tzname", "utcoff_seconds")

    def __init__(self, utcoff_seconds, dstoff_seconds, tzname):
        self.utcoff_seconds = utcoff_seconds
        if utcoff_seconds is None:
            self.utcoff = self.dstoff = None
        else:
            self.utcoff = _delta(utcoff_seconds)
            self.dstoff = _delta(dstoff_seconds)
        self.tzname = tzname

    def __eq__(self, other):
        if not isinstance(other, _ttinfo):
            return NotImplemented
        return (self.utcoff == other.utcoff and self.dstoff == other.dstoff
                and self.tzname == other.tzname)

    __hash__ = None

    def __repr__(self):
        return (f"_ttinfo({self.utcoff!r}, {self.dstoff!r}, "
                f"{self.tzname!r})")


_NO_TTINFO = _ttinfo(None, None, None)


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _ordinal(year, month, day):
    # Days since 0001-01-01 counted from 1, as date.toordinal().
    y = year - 1
    days = y * 365 + y // 4 - y // 100 + y // 400
    days += _DAYS_BEFORE_MONTH[month]
    if month > 2 and _is_leap(year):
        days += 1
    return days + day


# -- POSIX TZ strings (the rule after the last transition) ------------------------

class _MonthRule:
    """Mm.w.d: day d (0 = Sunday) of week w (5 = the last) of month m."""
    __slots__ = ("month", "week", "day", "seconds")

    def __init__(self, month, week, day, seconds):
        self.month = month
        self.week = week
        self.day = day
        self.seconds = seconds

    def local_seconds(self, year):
        first = _ordinal(year, self.month, 1)
        # toordinal() % 7: 0 is a Sunday, as in POSIX.
        mday = 1 + (self.day - first % 7) % 7 + (self.week - 1) * 7
        length = _DAYS_IN_MONTH[self.month]
        if self.month == 2 and _is_leap(year):
            length += 1
        if mday > length:
            mday -= 7
        days = first + mday - 1 - _EPOCH_ORDINAL
        return days * 86400 + self.seconds


class _DayRule:
    """Jn (1 to 365, February 29 never counted) or n (0 to 365)."""
    __slots__ = ("julian", "day", "seconds")

    def __init__(self, julian, day, seconds):
        self.julian = julian
        self.day = day
        self.seconds = seconds

    def local_seconds(self, year):
        # Day 1 is January 1 in both forms: CPython counts the zero-based
        # form from 1 too (n=0 falls on December 31 of the year before).
        day = self.day - 1
        if self.julian and day >= 59 and _is_leap(year):
            day += 1
        days = _ordinal(year, 1, 1) - _EPOCH_ORDINAL + day
        return days * 86400 + self.seconds


class _TZRule:
    """Standard time all year, or standard and daylight saving time with
    the rules of their starts."""
    __slots__ = ("std", "dst", "start", "end", "dst_diff", "std_only")

    def __init__(self, std, dst=None, start=None, end=None):
        self.std = std
        self.dst = dst
        self.start = start
        self.end = end
        self.std_only = dst is None
        self.dst_diff = 0 if dst is None else (dst.utcoff_seconds
                                               - std.utcoff_seconds)

    def find(self, ts, year, fold):
        """The type at local time ts (seconds, as if UTC) of `year`."""
        if self.std_only:
            return self.std
        start = self.start.local_seconds(year)
        end = self.end.local_seconds(year)
        # In local time, the smaller offset's period begins after the gap
        # and ends after the fold with fold=0, and begins at the gap and
        # ends at the fold with fold=1.
        if fold == (self.dst_diff >= 0):
            end -= self.dst_diff
        else:
            start += self.dst_diff
        if start < end:
            isdst = start <= ts < end
        else:
            isdst = ts < end or ts >= start
        return self.dst if isdst else self.std

    def find_utc(self, ts, year):
        """(type, fold) at UTC time ts of `year`."""
        if self.std_only:
            return self.std, 0
        start = self.start.local_seconds(year) - self.std.utcoff_seconds
        end = self.end.local_seconds(year) - self.dst.utcoff_seconds
        if start < end:
            isdst = start <= ts < end
        else:
            isdst = ts < end or ts >= start
        if self.dst_diff > 0:
            ambiguous = end <= ts < end + self.dst_diff
        else:
            ambiguous = start <= ts < start - self.dst_diff
        return (self.dst if isdst else self.std), int(ambiguous)


class _TZStringParser:
    """Reads a POSIX TZ string (bytes) from left to right, with the
    messages of CPython's C parser for what it refuses."""

    def __init__(self, text):
        self.text = text
        self.pos = 0

    def fail(self, message):
        raise ValueError(message % (self.text,))

    def peek(self):
        return self.text[self.pos:self.pos + 1]

    def digits(self, most):
        start = self.pos
        while (self.pos - start < most and self.pos < len(self.text)
               and 0x30 <= self.text[self.pos] <= 0x39):
            self.pos += 1
        return self.text[start:self.pos]

    def abbr(self):
        text = self.text
        if self.peek() == b"<":
            start = self.pos + 1
            end = start
            while end < len(text) and (text[end:end + 1].isalnum()
                                       or text[end:end + 1] in (b"+", b"-")):
                end += 1
            if text[end:end + 1] != b">":
                return None
            self.pos = end + 1
            return text[start:end].decode()
        start = self.pos
        while self.pos < len(text) and text[self.pos:self.pos + 1].isalpha():
            self.pos += 1
        if self.pos == start:
            return None
        return text[start:self.pos].decode()

    def hms(self, most_hours):
        """[+|-]h[h[h]][:mm[:ss]] in seconds, or None."""
        sign = 1
        if self.peek() in (b"+", b"-"):
            if self.peek() == b"-":
                sign = -1
            self.pos += 1
        hours = self.digits(3)
        if not hours or int(hours) > most_hours:
            return None
        seconds = int(hours) * 3600
        for unit in (60, 1):
            if self.peek() != b":":
                break
            self.pos += 1
            part = self.digits(2)
            if len(part) != 2:
                return None
            seconds += int(part) * unit
        return sign * seconds

    def rule(self):
        """Mm.w.d, Jn or n, with an optional /time; None if malformed."""
        if self.peek() == b"M":
            self.pos += 1
            fields = []
            for most, sep in ((2, b"."), (1, b"."), (1, b"")):
                value = self.digits(most)
                if not value:
                    return None
                fields.append(int(value))
                if sep:
                    if self.peek() != sep:
                        return None
                    self.pos += 1
            month, week, day = fields
            if not (1 <= month <= 12 and 1 <= week <= 5 and 0 <= day <= 6):
                return None
            rule = _MonthRule(month, week, day, 7200)
        else:
            julian = self.peek() == b"J"
            if julian:
                self.pos += 1
            value = self.digits(3)
            if not value:
                return None
            day = int(value)
            if not (1 if julian else 0) <= day <= 365:
                return None
            rule = _DayRule(julian, day, 7200)
        if self.peek() == b"/":
            self.pos += 1
            seconds = self.hms(167)
            if seconds is None:
                return None
            rule.seconds = seconds
        return rule


def _parse_tz_str(tz_str):
    """The rule of a TZ string (bytes) such as b'CET-1CEST,M3.5.0,M10.5.0/3'."""
    p = _TZStringParser(tz_str)
    std_abbr = p.abbr()
    if std_abbr is None:
        p.fail("Invalid STD format in %r")
    std_off = p.hms(24)
    if std_off is None:
        p.fail("Invalid STD offset in %r")
    # POSIX offsets are west of Greenwich: "EST5" is five hours behind UTC.
    std = _ttinfo(-std_off, 0, std_abbr)
    if p.pos == len(tz_str):
        return _TZRule(std)
    dst_abbr = p.abbr()
    if dst_abbr is None:
        p.fail("Invalid DST format in %r")
    if p.peek() == b",":
        dst_off = -std_off + 3600
    else:
        dst_off = p.hms(24)
        if dst_off is None:
            p.fail("Invalid DST offset in %r")
        dst_off = -dst_off
    rules = []
    for _ in range(2):
        if p.peek() != b",":
            p.fail("Missing transition rules in TZ string: %r")
        p.pos += 1
        rule = p.rule()
        if rule is None:
            p.fail("Malformed transition rule in TZ string: %r")
        rules.append(rule)
    if p.pos != len(tz_str):
        p.fail("Extraneous characters at end of TZ string: %r")
    dst = _ttinfo(dst_off, dst_off - std.utcoff_seconds, dst_abbr)
    return _TZRule(std, dst, rules[0], rules[1])


# -- TZif files --------------------------------------------------------------------

def _read_header(fobj):
    if fobj.read(4) != b"TZif":
        raise ValueError("Invalid TZif file: magic not found")
    version = fobj.read(1)
    version = 1 if version == b"\x00" else int(version)
    fobj.read(15)
    # isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
    return version, _struct.unpack(">6l", fobj.read(24))


def _load_tzif(fobj):
    """(transition type indices, transitions in UTC, offsets, isdst flags,
    abbreviations, TZ string or None) of a TZif file."""
    version, counts = _read_header(fobj)
    if version >= 2:
        # Skip the 32-bit data: the 64-bit copy follows it.
        isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts
        fobj.read(timecnt * 5 + typecnt * 6 + charcnt + leapcnt * 8
                  + isstdcnt + isutcnt)
        _version, counts = _read_header(fobj)
        time_size, time_code = 8, "q"
    else:
        time_size, time_code = 4, "l"
    isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt = counts

    if timecnt:
        trans_utc = list(_struct.unpack(">%d%s" % (timecnt, time_code),
                                        fobj.read(timecnt * time_size)))
        trans_idx = list(_struct.unpack(">%dB" % timecnt, fobj.read(timecnt)))
    else:
        trans_utc = []
        trans_idx = []
    utcoffs = []
    isdsts = []
    abbrind = []
    for _ in range(typecnt):
        off, dst, ind = _struct.unpack(">lbb", fobj.read(6))
        utcoffs.append(off)
        isdsts.append(dst)
        abbrind.append(ind)
    chars = fobj.read(charcnt)
    names = {}
    abbrs = []
    for ind in abbrind:
        if ind not in names:
            names[ind] = chars[ind:chars.find(b"\x00", ind)].decode()
        abbrs.append(names[ind])

    tz_str = None
    if version >= 2:
        fobj.read(isutcnt + isstdcnt + leapcnt * 12)
        c = fobj.read(1)
        if c != b"\n":
            raise ValueError("Invalid TZif file: no TZ string")
        tz_str = b""
        while True:
            c = fobj.read(1)
            if c == b"\n" or not c:
                break
            tz_str += c
    return trans_idx, trans_utc, utcoffs, isdsts, abbrs, tz_str


def _dst_offsets(trans_idx, utcoffs, isdsts):
    """The DST part of each type's offset: the difference with the
    standard-time type next to it in the transitions (one hour when none
    tells)."""
    count = len(isdsts)
    dstoffs = [0] * count
    for i in range(1, len(trans_idx)):
        idx = trans_idx[i]
        if not isdsts[idx] or dstoffs[idx] != 0:
            continue
        utcoff = utcoffs[idx]
        dstoff = 0
        prev = trans_idx[i - 1]
        if not isdsts[prev]:
            dstoff = utcoff - utcoffs[prev]
        if not dstoff and idx < count - 1:
            if i + 1 >= len(trans_idx):
                continue
            following = trans_idx[i + 1]
            if isdsts[following]:
                continue
            dstoff = utcoff - utcoffs[following]
        if dstoff:
            dstoffs[idx] = dstoff
    for idx in range(count):
        if isdsts[idx] and not dstoffs[idx]:
            dstoffs[idx] = 3600
    return dstoffs


def _local_transitions(trans_idx, trans_utc, utcoffs):
    """The transitions in local time: [the later, the earlier] of the two
    wall clock readings at each (fold=0 and fold=1 look-ups)."""
    if not trans_utc:
        return [[], []]
    late = []
    early = []
    before = utcoffs[0]
    for i, ts in enumerate(trans_utc):
        after = utcoffs[trans_idx[i]]
        hi, lo = (after, before) if after > before else (before, after)
        late.append(ts + hi)
        early.append(ts + lo)
        before = after
    return [late, early]


# -- ZoneInfo ----------------------------------------------------------------------

class ZoneInfo(_tzinfo):
    """The time zone of an IANA key such as 'Europe/Paris'."""

    __slots__ = ("_key", "_from_cache", "_file_repr", "_trans_utc",
                 "_trans_local", "_ttinfos", "_tti_before", "_tz_after",
                 "_fixed_offset", "__weakref__")

    _strong_cache_size = 8
    _weak_cache = _weakref.WeakValueDictionary()
    _strong_cache = _OrderedDict()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._weak_cache = _weakref.WeakValueDictionary()
        cls._strong_cache = _OrderedDict()

    def __new__(cls, key):
        instance = cls._weak_cache.get(key)
        if instance is None:
            instance = cls._weak_cache.setdefault(key, cls._new_instance(key))
            instance._from_cache = True
        # The most recently used few stay alive.
        strong = cls._strong_cache
        strong[key] = strong.pop(key, instance)
        if len(strong) > cls._strong_cache_size:
            strong.popitem(last=False)
        return instance

    @classmethod
    def no_cache(cls, key):
        """A new ZoneInfo for the key, outside the cache."""
        obj = cls._new_instance(key)
        obj._from_cache = False
        return obj

    @classmethod
    def _new_instance(cls, key):
        obj = super().__new__(cls)
        obj._key = key
        obj._file_repr = None
        path = _find_tzfile(key)
        if path is None:
            raise ZoneInfoNotFoundError(f"No time zone found with key {key}")
        with open(path, "rb") as f:
            obj._load_file(f)
        return obj

    @classmethod
    def from_file(cls, fobj, /, key=None):
        """A ZoneInfo read from a binary file object (not cached, not
        picklable)."""
        obj = super().__new__(cls)
        obj._key = key
        obj._from_cache = False
        obj._load_file(fobj)
        obj._file_repr = repr(fobj)
        return obj

    @classmethod
    def clear_cache(cls, *args, only_keys=None):
        """Forget the cached zones (only those of `only_keys` if given)."""
        if args:
            raise TypeError("function takes no positional arguments")
        if only_keys is None:
            cls._weak_cache.clear()
            cls._strong_cache.clear()
        else:
            for key in only_keys:
                cls._weak_cache.pop(key, None)
                cls._strong_cache.pop(key, None)

    @property
    def key(self):
        return self._key

    def __setattr__(self, name, value):
        if name == "key":
            raise AttributeError("readonly attribute")
        if ((name in ZoneInfo.__slots__ and name != "__weakref__")
                or type(self) is not ZoneInfo):
            object.__setattr__(self, name, value)
        else:
            raise AttributeError(f"'{self._type_name()}' object has no "
                                 f"attribute '{name}'")

    # -- loading --

    def _load_file(self, fobj):
        trans_idx, trans_utc, utcoffs, isdsts, abbrs, tz_str = _load_tzif(fobj)
        dstoffs = _dst_offsets(trans_idx, utcoffs, isdsts)
        types = [_ttinfo(u, d, a) for u, d, a in zip(utcoffs, dstoffs, abbrs)]
        self._trans_utc = trans_utc
        self._trans_local = _local_transitions(trans_idx, trans_utc, utcoffs)
        self._ttinfos = [types[i] for i in trans_idx]

        # Before the first transition: the first standard-time type.
        before = None
        for i, dst in enumerate(isdsts):
            if not dst:
                before = types[i]
                break
        else:
            if self._ttinfos:
                before = self._ttinfos[0]
            elif types:
                before = types[0]
        self._tti_before = before

        # After the last one: the TZ string's rule, or the last type.
        if tz_str:
            self._tz_after = _parse_tz_str(tz_str)
        else:
            if not types:
                raise ValueError("No time zone information found.")
            if self._ttinfos:
                last = self._ttinfos[-1]
            else:
                last = types[-1]
            self._tz_after = _TZRule(last)

        # Whether every datetime (and so datetime.time) has the same offset.
        after = self._tz_after
        if len(types) > 1 or not after.std_only:
            self._fixed_offset = False
        elif not types:
            self._fixed_offset = True
        else:
            self._fixed_offset = types[0] == after.std

    # -- the tzinfo interface --

    def _find_trans(self, dt):
        if dt is None:
            if self._fixed_offset:
                return self._tz_after.std
            return _NO_TTINFO
        ts = ((dt.toordinal() - _EPOCH_ORDINAL) * 86400
              + dt.hour * 3600 + dt.minute * 60 + dt.second)
        fold = dt.fold
        local = self._trans_local[1 if fold else 0]
        if local and ts < local[0]:
            return self._tti_before
        if not local or ts > local[-1]:
            return self._tz_after.find(ts, dt.year, fold)
        return self._ttinfos[_bisect.bisect_right(local, ts) - 1]

    def utcoffset(self, dt):
        return self._find_trans(dt).utcoff

    def dst(self, dt):
        return self._find_trans(dt).dstoff

    def tzname(self, dt):
        return self._find_trans(dt).tzname

    def fromutc(self, dt):
        """The local time in this zone of dt, a UTC time with tzinfo self;
        fold=1 on the second of two equal local times."""
        if not isinstance(dt, _datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        ts = ((dt.toordinal() - _EPOCH_ORDINAL) * 86400
              + dt.hour * 3600 + dt.minute * 60 + dt.second)
        trans = self._trans_utc
        count = len(trans)
        fold = 0
        if count and ts < trans[0]:
            tti = self._tti_before
        elif not count or ts > trans[-1]:
            tti, fold = self._tz_after.find_utc(ts, dt.year)
            if count:
                # Just after the last listed transition the fold is the
                # one between the types that transition separates.
                if count == 1:
                    prev = self._tti_before
                else:
                    prev = self._ttinfos[count - 2]
                diff = prev.utcoff_seconds - tti.utcoff_seconds
                if diff > 0 and ts < trans[-1] + diff:
                    fold = 1
        else:
            idx = _bisect.bisect_right(trans, ts)
            if idx >= 2:
                prev = self._ttinfos[idx - 2]
                tti = self._ttinfos[idx - 1]
            else:
                prev = self._tti_before
                tti = self._ttinfos[0]
            if prev.utcoff_seconds - tti.utcoff_seconds > ts - trans[idx - 1]:
                fold = 1
        dt = dt + tti.utcoff
        if fold:
            return dt.replace(fold=1)
        return dt

    # -- names and pickling --

    def _type_name(self):
        cls = type(self)
        if cls is ZoneInfo:
            return "zoneinfo.ZoneInfo"
        return cls.__name__

    def __str__(self):
        if self._key is not None:
            return str(self._key)
        return repr(self)

    def __repr__(self):
        if self._key is not None:
            return f"{self._type_name()}(key={self._key!r})"
        return f"{self._type_name()}.from_file({self._file_repr})"

    def __reduce__(self):
        if self._file_repr is not None:
            import pickle
            raise pickle.PicklingError(
                "Cannot pickle a ZoneInfo file from a file stream.")
        return (self.__class__._unpickle, (self._key, int(self._from_cache)))

    @classmethod
    def _unpickle(cls, key, from_cache, /):
        if from_cache:
            return cls(key)
        return cls.no_cache(key)


ZoneInfo.__module__ = "zoneinfo"


def _submodule(name, **members):
    # CPython defines the exceptions in zoneinfo._common and
    # zoneinfo._tzpath: the same names here, for reprs and pickles.
    import sys
    module = type(sys)("zoneinfo." + name)
    for attr, value in members.items():
        value.__module__ = module.__name__
        setattr(module, attr, value)
    sys.modules[module.__name__] = module
    return module


_common = _submodule("_common", ZoneInfoNotFoundError=ZoneInfoNotFoundError)
_tzpath = _submodule("_tzpath", InvalidTZPathWarning=InvalidTZPathWarning)

reset_tzpath()
