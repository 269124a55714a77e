"""Dates, times and time intervals: date, time, datetime, timedelta, and
the time zone classes tzinfo and timezone.

Dates use the proleptic Gregorian calendar from year 1 to 9999; a date is
also a day number, its ordinal (1 for 0001-01-01).  Times are exact to the
microsecond.
"""

import time as _time
import math as _math

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999

_SECONDS_PER_DAY = 24 * 3600
_US_PER_SECOND = 10 ** 6
_US_PER_DAY = _SECONDS_PER_DAY * _US_PER_SECOND

_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_FULL = ("January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
             "Saturday", "Sunday")


# -- the calendar ---------------------------------------------------------------

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _MONTH_DAYS[month - 1]


def _year_length(year):
    return 366 if _is_leap(year) else 365


def _day_of_year(year, month, day):
    """1 for the first of January."""
    n = day
    for m in range(1, month):
        n += _days_in_month(year, m)
    return n


def _ordinal_of_jan1(year):
    """The ordinal of the first of January of year."""
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + 1


def _ordinal(year, month, day):
    return _ordinal_of_jan1(year) + _day_of_year(year, month, day) - 1


_MAX_ORDINAL = _ordinal(MAXYEAR, 12, 31)


def _from_ordinal(n):
    """(year, month, day) of ordinal n."""
    # 400 Gregorian years are 146097 days: a first guess of the year, then
    # step to the year that holds n.
    year = (n - 1) * 400 // 146097 + 1
    while _ordinal_of_jan1(year) > n:
        year -= 1
    while _ordinal_of_jan1(year + 1) <= n:
        year += 1
    left = n - _ordinal_of_jan1(year) + 1
    month = 1
    while left > _days_in_month(year, month):
        left -= _days_in_month(year, month)
        month += 1
    return year, month, left


def _weekday_of_ordinal(n):
    """0 for Monday (0001-01-01 was a Monday) ... 6 for Sunday."""
    return (n - 1) % 7


def _iso_week1_monday(year):
    """The ordinal of the Monday starting ISO week 1 of year, the week that
    holds the year's first Thursday."""
    jan1 = _ordinal_of_jan1(year)
    monday = jan1 - _weekday_of_ordinal(jan1)
    if _weekday_of_ordinal(jan1) > 3:
        monday += 7
    return monday


def _iso_calendar(year, month, day):
    """(ISO year, ISO week, ISO weekday) of a date."""
    n = _ordinal(year, month, day)
    iso_year = year
    if n < _iso_week1_monday(year):
        iso_year = year - 1
    elif n >= _iso_week1_monday(year + 1):
        iso_year = year + 1
    week = (n - _iso_week1_monday(iso_year)) // 7 + 1
    return iso_year, week, _weekday_of_ordinal(n) + 1


def _iso_to_ymd(iso_year, week, weekday):
    """(year, month, day) of an ISO calendar date; raises ValueError naming
    the bad week or weekday."""
    if not 1 <= week <= 52:
        first = _weekday_of_ordinal(_ordinal_of_jan1(iso_year))
        # Only years that start on a Thursday, or leap years that start on
        # a Wednesday, have a week 53.
        if not (week == 53 and (first == 3 or first == 2 and _is_leap(iso_year))):
            raise ValueError(f"Invalid week: {week}")
    if not 1 <= weekday <= 7:
        raise ValueError(f"Invalid day: {weekday} (range is [1, 7])")
    return _from_ordinal(_iso_week1_monday(iso_year) + (week - 1) * 7 + weekday - 1)


# -- argument checks ----------------------------------------------------------

class _Missing:
    """A required argument not given."""


_MISSING = _Missing()


def _index(value):
    """value as an int, for the integer fields of dates and times."""
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), "__index__", None)
    if index is None:
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    result = index(value)
    if not isinstance(result, int):
        raise TypeError("__index__ returned non-int (type %s)" % type(result).__name__)
    return result


def _state_bytes(state, size, month_at):
    """The bytes of a pickled date, time or datetime state (CPython's
    format; a str holds them as latin-1 characters), or None if `state` is
    not one."""
    if isinstance(state, str):
        try:
            state = state.encode("latin1")
        except UnicodeEncodeError:
            return None
    if not isinstance(state, bytes) or len(state) != size:
        return None
    if month_at is not None and not 1 <= state[month_at] & 0x7F <= 12:
        return None
    return state


def _time_state(hour, minute, second, us, fold):
    return bytes([hour + 128 * fold, minute, second,
                  us >> 16, (us >> 8) & 0xFF, us & 0xFF])


def _time_fields(b):
    """(hour, minute, second, microsecond, fold) of a time state's bytes."""
    return (b[0] & 0x7F, b[1], b[2], (b[3] << 16) | (b[4] << 8) | b[5],
            b[0] >> 7)


def _require(value, name, position):
    if value is _MISSING:
        raise TypeError("function missing required argument '%s' (pos %d)" % (name, position))


def _check_date(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError("year %d is out of range" % year)
    if not 1 <= month <= 12:
        raise ValueError("month must be in 1..12")
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError("day is out of range for month")
    return year, month, day


def _check_time(hour, minute, second, microsecond, fold):
    hour, minute = _index(hour), _index(minute)
    second, microsecond = _index(second), _index(microsecond)
    for value, name, top in ((hour, "hour", 23), (minute, "minute", 59),
                             (second, "second", 59), (microsecond, "microsecond", 999999)):
        if not 0 <= value <= top:
            raise ValueError("%s must be in 0..%d" % (name, top))
    if fold not in (0, 1):
        raise ValueError("fold must be either 0 or 1")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                        "not type '%s'" % type(tz).__name__)


def _checked_offset(method, offset):
    """offset as returned by tzinfo.utcoffset() or dst(): None or a
    timedelta strictly within a day."""
    if offset is None:
        return None
    if not isinstance(offset, timedelta):
        raise TypeError("tzinfo.%s() must return None or timedelta, not '%s'"
                        % (method, type(offset).__name__))
    if not -_ONE_DAY < offset < _ONE_DAY:
        raise ValueError("offset must be a timedelta strictly between "
                         "-timedelta(hours=24) and timedelta(hours=24).")
    return offset


def _checked_name(name):
    if name is not None and not isinstance(name, str):
        raise TypeError("tzinfo.tzname() must return None or a string, not '%s'"
                        % type(name).__name__)
    return name


def _check_tz_arg(method, dt):
    if dt is not None and not isinstance(dt, datetime):
        raise TypeError("%s(dt) argument must be a datetime instance or None, not %s"
                        % (method, type(dt).__name__))


def _type_name(obj):
    """The name CPython gives the type of obj in messages ('datetime.date'
    for this module's classes)."""
    cls = type(obj)
    for own in (date, datetime, time, timedelta, timezone, tzinfo):
        if cls is own:
            return "datetime." + cls.__name__
    return cls.__name__


# -- text -----------------------------------------------------------------------

_TIMESPECS = ("auto", "hours", "minutes", "seconds", "milliseconds", "microseconds")


def _clock_text(hour, minute, second, microsecond, timespec):
    """HH[:MM[:SS[.fff[fff]]]] as isoformat() writes it."""
    if timespec not in _TIMESPECS:
        raise ValueError("Unknown timespec value")
    if timespec == "auto":
        timespec = "microseconds" if microsecond else "seconds"
    text = "%02d" % hour
    if timespec == "hours":
        return text
    text += ":%02d" % minute
    if timespec == "minutes":
        return text
    text += ":%02d" % second
    if timespec == "milliseconds":
        text += ".%03d" % (microsecond // 1000)
    elif timespec == "microseconds":
        text += ".%06d" % microsecond
    return text


def _offset_parts(offset):
    """(sign, hours, minutes, seconds, microseconds) of a timedelta."""
    sign = "+"
    if offset < _ZERO:
        sign = "-"
        offset = -offset
    us = offset._total_us()
    seconds, us = divmod(us, _US_PER_SECOND)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return sign, hours, minutes, seconds, us


def _offset_text(offset, colons=True):
    """+HH:MM[:SS[.ffffff]] (or +HHMM[SS[.ffffff]]) of a UTC offset, '' for
    None."""
    if offset is None:
        return ""
    sign, hh, mm, ss, us = _offset_parts(offset)
    sep = ":" if colons else ""
    text = "%s%02d%s%02d" % (sign, hh, sep, mm)
    if ss or us:
        text += "%s%02d" % (sep, ss)
        if us:
            text += ".%06d" % us
    return text

# -- strftime -------------------------------------------------------------------
# What the C library's strftime does in the C locale (glibc's flags and
# field widths included), after %f, %z and %Z have been replaced as Python
# does it.

def _strftime(obj, fmt, fields):
    """fmt formatted for obj (a date, time or datetime); fields is (year,
    month, day, hour, minute, second) of the calendar date and clock time
    to show."""
    if not isinstance(fmt, str):
        raise TypeError("strftime() argument 1 must be str, not %s" % type(fmt).__name__)
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%" or i >= n:
            out.append(ch)
            continue
        ch = fmt[i]
        i += 1
        if ch == "f":
            out.append("%06d" % getattr(obj, "microsecond", 0))
        elif ch == "z":
            offset = obj.utcoffset() if hasattr(obj, "utcoffset") else None
            out.append(_offset_text(offset, colons=False).replace("%", "%%"))
        elif ch == "Z":
            name = obj.tzname() if hasattr(obj, "tzname") else None
            out.append((name or "").replace("%", "%%"))
        else:
            out.append("%" + ch)
    return _c_strftime("".join(out), fields)


def _c_strftime(fmt, fields):
    year, month, day, hour, minute, second = fields
    ordinal = _ordinal(year, month, day)
    info = (year, month, day, hour, minute, second,
            _weekday_of_ordinal(ordinal), _day_of_year(year, month, day))
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        i += 1
        if ch != "%":
            out.append(ch)
            continue
        start = i - 1
        # Flags, a field width, E and O modifiers, then the conversion.
        flag = None
        while i < n and fmt[i] in "_-0^#":
            flag = fmt[i]
            i += 1
        width = ""
        while i < n and fmt[i].isdigit():
            width += fmt[i]
            i += 1
        while i < n and fmt[i] in "EO":
            i += 1
        if i >= n:
            out.append(fmt[start:])
            break
        conv = fmt[i]
        i += 1
        item = _conversion(conv, info, fields)
        if item is None:
            # unknown: copied as written
            out.append(fmt[start:i])
            continue
        value, natural_width = item
        if isinstance(value, int):
            digits = str(abs(value))
            sign = "-" if value < 0 else ""
            w = int(width) if width else natural_width
            if flag == "-":
                text = sign + digits
            elif flag == "_":
                text = (sign + digits).rjust(w)
            else:
                text = sign + digits.rjust(w - len(sign), "0")
        else:
            text = value
            if flag == "^":
                text = text.upper()
            elif flag == "#":
                text = text.lower() if text.isupper() else text.swapcase()
            if width:
                text = text.rjust(int(width), "0" if flag == "0" else " ")
        out.append(text)
    return "".join(out)


def _conversion(conv, info, fields):
    """(value, default width) of one conversion: an int to pad, or a str;
    None for an unknown conversion."""
    year, month, day, hour, minute, second, wday, yday = info
    if conv == "a":
        return _DAY_ABBR[wday], 0
    if conv == "A":
        return _DAY_FULL[wday], 0
    if conv in "bh":
        return _MONTH_ABBR[month - 1], 0
    if conv == "B":
        return _MONTH_FULL[month - 1], 0
    if conv == "C":
        return year // 100, 1
    if conv == "d":
        return day, 2
    if conv == "e":
        return "%2d" % day, 0
    if conv in "gGV":
        iso_year, iso_week, _ = _iso_calendar(year, month, day)
        if conv == "g":
            return iso_year % 100, 2
        if conv == "G":
            return iso_year, 1
        return iso_week, 2
    if conv == "H":
        return hour, 2
    if conv == "I":
        return hour % 12 or 12, 2
    if conv == "j":
        return yday, 3
    if conv == "k":
        return "%2d" % hour, 0
    if conv == "l":
        return "%2d" % (hour % 12 or 12), 0
    if conv == "m":
        return month, 2
    if conv == "M":
        return minute, 2
    if conv == "n":
        return "\n", 0
    if conv == "p":
        return ("AM" if hour < 12 else "PM"), 0
    if conv == "P":
        return ("am" if hour < 12 else "pm"), 0
    if conv == "s":
        local = (year, month, day, hour, minute, second, wday, yday, -1)
        return int(_time.mktime(local)), 1
    if conv == "S":
        return second, 2
    if conv == "t":
        return "\t", 0
    if conv == "u":
        return wday + 1, 1
    if conv == "U":
        # weeks starting on Sunday; days before the first Sunday are week 0
        return (yday + 6 - (wday + 1) % 7) // 7, 2
    if conv == "w":
        return (wday + 1) % 7, 1
    if conv == "W":
        return (yday + 6 - wday) // 7, 2
    if conv == "y":
        return year % 100, 2
    if conv == "Y":
        return year, 1
    if conv == "z":
        return "+0000", 0
    if conv == "Z":
        return "", 0
    if conv == "%":
        return "%", 0
    composite = _COMPOSITE_CONVERSIONS.get(conv)
    if composite is not None:
        return _c_strftime(composite, fields), 0
    return None


# The conversions made of others, in the C locale.
_COMPOSITE_CONVERSIONS = {
    "c": "%a %b %e %H:%M:%S %Y",
    "D": "%m/%d/%y",
    "F": "%Y-%m-%d",
    "r": "%I:%M:%S %p",
    "R": "%H:%M",
    "T": "%H:%M:%S",
    "x": "%m/%d/%y",
    "X": "%H:%M:%S",
}

# -- fromisoformat ----------------------------------------------------------------
# The parser works as CPython's C parser does on the UTF-8 bytes of the
# string: here each byte of a non-ASCII character is shown as '\x80', and
# reading past the end gives '\0'.

class _IsoText:
    def __init__(self, text):
        chars = []
        for c in text:
            code = ord(c)
            if code < 0x80:
                chars.append(c)
            elif 0xD800 <= code <= 0xDFFF:
                # not encodable: the whole string is invalid
                raise ValueError("surrogate")
            else:
                chars.append("\x80" * (2 if code < 0x800 else 3 if code < 0x10000 else 4))
        self.s = "".join(chars)
        self.n = len(self.s)

    def at(self, i):
        return self.s[i] if 0 <= i < self.n else "\0"

    def digits(self, i, count):
        """(value, next index) of exactly count ASCII digits at i, or None."""
        value = 0
        for k in range(i, i + count):
            c = self.at(k)
            if not "0" <= c <= "9":
                return None
            value = value * 10 + ord(c) - 48
        return value, i + count


def _iso_separator_index(t):
    """Where a date's ISO text ends in a datetime string: the index of the
    separator (or -1 for a string no date can start)."""
    if t.n == 7:
        return 7
    if t.at(4) == "-":
        if t.at(5) != "W":
            return 10                  # YYYY-MM-DD
        if t.n < 8:
            return -1
        if t.n > 8 and t.at(8) == "-":
            if t.n == 9:
                return -1
            # YYYY-Www-D, unless a digit at 10 makes the hyphen the separator
            if t.n > 10 and "0" <= t.at(10) <= "9":
                return 8
            return 10
        return 8                       # YYYY-Www
    if t.at(4) == "W":
        # YYYYWww or YYYYWwwD: decided by how many digits follow
        end = 7
        while end < t.n and "0" <= t.at(end) <= "9":
            end += 1
        if end < 9:
            return end
        return 7 if end % 2 == 0 else 8
    return 8                           # YYYYMMDD


def _iso_parse_date(t, length):
    """(year, month, day) of the date at the start of t, at most length
    characters (only checked for the weekday of week dates); None if
    malformed.  Text after a complete date is ignored."""
    got = t.digits(0, 4)
    if got is None:
        return None
    year, i = got
    dashed = t.at(i) == "-"
    if dashed:
        i += 1
    if t.at(i) == "W":
        got = t.digits(i + 1, 2)
        if got is None:
            return None
        week, i = got
        weekday = 1
        if i < length:
            if dashed:
                if t.at(i) != "-":
                    return None
                i += 1
            got = t.digits(i, 1)
            if got is None:
                return None
            weekday = got[0]
        try:
            return _iso_to_ymd(year, week, weekday)
        except ValueError:
            return None
    got = t.digits(i, 2)
    if got is None:
        return None
    month, i = got
    if dashed:
        if t.at(i) != "-":
            return None
        i += 1
    got = t.digits(i, 2)
    if got is None:
        return None
    return year, month, got[0]


def _iso_parse_clock(t, start, end):
    """(status, [hour, minute, second, microsecond]) of HH[:MM[:SS]][.f]
    (or without colons) in t[start:end]; status 0 at the end of the text,
    1 if more follows, None if malformed."""
    values = [0, 0, 0, 0]
    i = start
    colons = True
    for k in range(3):
        got = t.digits(i, 2)
        if got is None:
            return None, values
        values[k], i = got
        c = t.at(i)
        i += 1
        if k == 0:
            colons = c == ":"
        if i >= end:
            return (1 if c != "\0" else 0), values
        if colons and c == ":":
            continue
        if c in ".,":
            break
        if not colons:
            i -= 1
        else:
            return None, values
    # The fraction: up to 6 digits count, more are skipped.
    count = min(end - i, 6)
    got = t.digits(i, count)
    if got is None:
        return None, values
    values[3], i = got
    if count < 6:
        values[3] *= 10 ** (6 - count)
    while "0" <= t.at(i) <= "9":
        i += 1
    return (1 if t.at(i) != "\0" else 0), values


def _iso_parse_time(t, start):
    """[hour, minute, second, microsecond, tzinfo] of the time (with an
    optional UTC offset) from start to the end of t; None if malformed."""
    end = t.n
    tz_at = start
    while True:
        if t.at(tz_at) in "Z+-":
            break
        tz_at += 1
        if tz_at >= end:
            break
    status, values = _iso_parse_clock(t, start, tz_at)
    if status is None:
        return None
    if tz_at == end:
        return None if status == 1 else values + [None]
    if t.at(tz_at) == "Z":
        if t.at(tz_at + 1) != "\0":
            return None
        return values + [timezone.utc]
    sign = -1 if t.at(tz_at) == "-" else 1
    status, tz_values = _iso_parse_clock(t, tz_at + 1, end)
    if status != 0:
        return None
    seconds = sign * (tz_values[0] * 3600 + tz_values[1] * 60 + tz_values[2])
    if seconds == 0:
        # a zero offset is UTC, whatever fraction of a second it has
        return values + [timezone.utc]
    return values + [("offset", seconds, sign * tz_values[3])]


def _iso_tzinfo(value):
    if isinstance(value, tuple):
        return timezone(timedelta(0, value[1], value[2]))
    return value


def _invalid_iso(text):
    return ValueError("Invalid isoformat string: %r" % (text,))

# -- timedelta --------------------------------------------------------------------

# Microseconds per unit, in the order the constructor adds them up.
_UNITS = (("microseconds", 1), ("milliseconds", 1000), ("seconds", _US_PER_SECOND),
          ("minutes", 60 * _US_PER_SECOND), ("hours", 3600 * _US_PER_SECOND),
          ("days", _US_PER_DAY), ("weeks", 7 * _US_PER_DAY))


def _c_round(x):
    """C's round(): to the nearest integer, halves away from zero."""
    return _math.copysign(_math.floor(abs(x) + 0.5), x)


def _round_div(a, b):
    """a / b for ints, rounded to the nearest int, halves to even."""
    q, r = divmod(a, b)
    twice = 2 * r
    if (twice > b if b > 0 else twice < b) or (twice == b and q % 2 == 1):
        q += 1
    return q


class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999),
    the days carrying the sign.

    timedelta(days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
              hours=0, weeks=0): any mix of ints and floats, positive or
    negative; the total is rounded to the microsecond, halves to even."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0,
                minutes=0, hours=0, weeks=0):
        given = {"days": days, "seconds": seconds, "microseconds": microseconds,
                 "milliseconds": milliseconds, "minutes": minutes,
                 "hours": hours, "weeks": weeks}
        # Whole microseconds add up exactly; the fractions of microseconds
        # that floats leave add up as a float, rounded once at the end.
        total = 0
        fraction = 0.0
        for unit, us in _UNITS:
            value = given[unit]
            if isinstance(value, int):
                total += int(value) * us
            elif isinstance(value, float):
                part, whole = _math.modf(value)
                total += int(whole) * us
                if part:
                    part, whole = _math.modf(us * part)
                    total += int(whole)
                    fraction += part
            else:
                raise TypeError("unsupported type for timedelta %s component: %s"
                                % (unit, type(value).__name__))
        if fraction:
            rounded = _c_round(fraction)
            if abs(rounded - fraction) == 0.5:
                # a tie: the even neighbour of the whole total
                odd = total & 1
                rounded = 2.0 * _c_round((fraction + odd) * 0.5) - odd
            total += int(rounded)
        return cls._make(total)

    @classmethod
    def _make(cls, total_us):
        seconds, us = divmod(total_us, _US_PER_SECOND)
        days, seconds = divmod(seconds, _SECONDS_PER_DAY)
        if not -2 ** 31 <= days < 2 ** 31:
            raise OverflowError("Python int too large to convert to C int")
        if abs(days) > 999999999:
            raise OverflowError("days=%d; must have magnitude <= 999999999" % days)
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    @property
    def days(self):
        """Number of days."""
        return self._days

    @property
    def seconds(self):
        """Number of seconds (>= 0 and less than 1 day)."""
        return self._seconds

    @property
    def microseconds(self):
        """Number of microseconds (>= 0 and less than 1 second)."""
        return self._microseconds

    def _total_us(self):
        return (self._days * _SECONDS_PER_DAY + self._seconds) * _US_PER_SECOND + self._microseconds

    def total_seconds(self):
        """The whole duration in seconds, as a float."""
        return self._total_us() / _US_PER_SECOND

    def __repr__(self):
        parts = ["%s=%d" % (name, value) for name, value in
                 (("days", self._days), ("seconds", self._seconds),
                  ("microseconds", self._microseconds)) if value]
        return "%s.%s(%s)" % (type(self).__module__, type(self).__qualname__,
                              ", ".join(parts) or "0")

    def __str__(self):
        minutes, seconds = divmod(self._seconds, 60)
        hours, minutes = divmod(minutes, 60)
        text = "%d:%02d:%02d" % (hours, minutes, seconds)
        if self._microseconds:
            text += ".%06d" % self._microseconds
        if self._days:
            text = "%d day%s, %s" % (self._days, "" if abs(self._days) == 1 else "s", text)
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._total_us() + other._total_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._total_us() - other._total_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(other._total_us() - self._total_us())
        return NotImplemented

    def __neg__(self):
        return timedelta._make(-self._total_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._make(self._total_us() * other)
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._make(_round_div(self._total_us() * num, den))
        return NotImplemented

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() / other._total_us()
        if isinstance(other, int):
            return timedelta._make(_round_div(self._total_us(), other))
        if isinstance(other, float):
            num, den = other.as_integer_ratio()
            return timedelta._make(_round_div(self._total_us() * den, num))
        return NotImplemented

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._total_us() // other._total_us()
        if isinstance(other, int):
            return timedelta._make(self._total_us() // other)
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._make(self._total_us() % other._total_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._total_us(), other._total_us())
            return q, timedelta._make(r)
        return NotImplemented

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return self._key() != (0, 0, 0)

    def __reduce__(self):
        return (type(self), self._key())


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, seconds=_SECONDS_PER_DAY - 1,
                          microseconds=_US_PER_SECOND - 1)
timedelta.resolution = timedelta(microseconds=1)
_ZERO = timedelta(0)
_ONE_DAY = timedelta(1)


# -- date ---------------------------------------------------------------------------

class _IsoCalendarDate(tuple):
    """(year, week, weekday) of the ISO calendar, with named fields."""

    def __new__(cls, year, week, weekday, /):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __repr__(self):
        return "%s.IsoCalendarDate(year=%d, week=%d, weekday=%d)" % (
            __name__, self[0], self[1], self[2])

    def __reduce__(self):
        return (tuple, (tuple(self),))


class date:
    """A calendar date: date(year, month, day)."""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year, month=_MISSING, day=_MISSING):
        if month is _MISSING:
            b = _state_bytes(year, 4, 2)
            if b is not None:
                self = object.__new__(cls)
                self._year, self._month, self._day = b[0] * 256 + b[1], b[2], b[3]
                self._hashcode = -1
                return self
        _require(month, "month", 2)
        _require(day, "day", 3)
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date(year, month, day)
        self._hashcode = -1
        return self

    # -- other constructors

    @classmethod
    def today(cls):
        """The local date now."""
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        """The local date at POSIX timestamp t."""
        fields = _time.localtime(t)
        return cls(fields[0], fields[1], fields[2])

    @classmethod
    def fromordinal(cls, n):
        """The date of ordinal n (1 is 0001-01-01)."""
        n = _index(n)
        if n < 1:
            raise ValueError("ordinal must be >= 1")
        if n > _MAX_ORDINAL:
            raise ValueError("year %d is out of range" % _from_ordinal(n)[0])
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, date_string):
        """The date of an ISO 8601 text: YYYY-MM-DD, YYYYMMDD, YYYY-Www-D,
        YYYYWwwD, YYYY-Www or YYYYWww."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            t = _IsoText(date_string)
        except ValueError:
            raise _invalid_iso(date_string) from None
        fields = _iso_parse_date(t, t.n) if t.n in (7, 8, 10) else None
        if fields is None:
            raise _invalid_iso(date_string)
        return cls(*fields)

    @classmethod
    def fromisocalendar(cls, year, week, day):
        """The date of an ISO calendar year, week and weekday."""
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f"Year is out of range: {year}")
        return cls(*_iso_to_ymd(year, week, day))

    # -- fields

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    # -- text

    def __repr__(self):
        return "%s.%s(%d, %d, %d)" % (type(self).__module__, type(self).__qualname__,
                                      self._year, self._month, self._day)

    def isoformat(self):
        """YYYY-MM-DD"""
        return "%04d-%02d-%02d" % (self._year, self._month, self._day)

    __str__ = isoformat

    def ctime(self):
        """Like time.ctime(): 'Wed Jan  1 00:00:00 2020'."""
        return "%s %s %2d 00:00:00 %04d" % (
            _DAY_ABBR[self.weekday()], _MONTH_ABBR[self._month - 1], self._day, self._year)

    def strftime(self, format):
        """The date formatted like time.strftime() (the time is midnight)."""
        return _strftime(self, format, (self._year, self._month, self._day, 0, 0, 0))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    # -- conversions

    def timetuple(self):
        """The date as a time.struct_time (midnight, DST unknown)."""
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def toordinal(self):
        """The day number: 1 for 0001-01-01."""
        return _ordinal(self._year, self._month, self._day)

    def weekday(self):
        """0 for Monday ... 6 for Sunday."""
        return _weekday_of_ordinal(self.toordinal())

    def isoweekday(self):
        """1 for Monday ... 7 for Sunday."""
        return self.weekday() + 1

    def isocalendar(self):
        """(ISO year, ISO week number, ISO weekday) as a named tuple."""
        return _IsoCalendarDate(*_iso_calendar(self._year, self._month, self._day))

    def replace(self, year=None, month=None, day=None):
        """A date with the given fields changed."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    # -- comparisons (a datetime is never equal to a date)

    def _key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if self._comparable(other):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if self._comparable(other):
            return self._key() < other._key()
        return NotImplemented

    def __le__(self, other):
        if self._comparable(other):
            return self._key() <= other._key()
        return NotImplemented

    def __gt__(self, other):
        if self._comparable(other):
            return self._key() > other._key()
        return NotImplemented

    def __ge__(self, other):
        if self._comparable(other):
            return self._key() >= other._key()
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    # -- arithmetic

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAX_ORDINAL:
                return type(self)(*_from_ordinal(n))
            raise OverflowError("date value out of range")
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        y = self._year
        return (type(self), (bytes([y // 256, y % 256, self._month, self._day]),))


date.min = date(MINYEAR, 1, 1)
date.max = date(MAXYEAR, 12, 31)
date.resolution = timedelta(days=1)


def _struct_time(year, month, day, hour, minute, second, dst):
    ordinal = _ordinal(year, month, day)
    return _time.struct_time((year, month, day, hour, minute, second,
                              _weekday_of_ordinal(ordinal),
                              _day_of_year(year, month, day), dst))


# -- tzinfo ---------------------------------------------------------------------------

class tzinfo:
    """Base class of time zones: subclasses define utcoffset(), dst() and
    tzname() for the datetimes they are attached to."""

    __slots__ = ()

    def tzname(self, dt):
        """The name of the zone at datetime dt."""
        raise NotImplementedError("a tzinfo subclass must implement tzname()")

    def utcoffset(self, dt):
        """The offset from UTC at dt, a timedelta (positive east of UTC)."""
        raise NotImplementedError("a tzinfo subclass must implement utcoffset()")

    def dst(self, dt):
        """The daylight saving part of utcoffset(dt) (timedelta(0) if none)."""
        raise NotImplementedError("a tzinfo subclass must implement dst()")

    def fromutc(self, dt):
        """The local time in this zone of dt, a time in UTC whose tzinfo is
        self."""
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError("fromutc: non-None utcoffset() result required")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc: non-None dst() result required")
        # Standard time first (the offset without DST), then the DST in
        # effect at that local time.
        standard = offset - dst
        if standard:
            dt += standard
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc: tz.dst() gave inconsistent results; cannot convert")
        return dt + dst

    def __reduce__(self):
        initargs = getattr(self, "__getinitargs__", None)
        args = initargs() if initargs else ()
        return (type(self), args, getattr(self, "__dict__", None) or None)


# -- time ---------------------------------------------------------------------------

class time:
    """A time of day: time(hour=0, minute=0, second=0, microsecond=0,
    tzinfo=None, *, fold=0)."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo",
                 "_hashcode", "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        b = _state_bytes(hour, 6, None)
        if b is not None and b[0] & 0x7F < 24:
            # time(state[, tzinfo]): unpickling.
            tzinfo = None if minute == 0 else minute
            _check_tzinfo(tzinfo)
            self = object.__new__(cls)
            (self._hour, self._minute, self._second, self._microsecond,
             self._fold) = _time_fields(b)
            self._tzinfo = tzinfo
            self._hashcode = -1
            return self
        self = object.__new__(cls)
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    @classmethod
    def fromisoformat(cls, time_string):
        """The time of an ISO 8601 text: HH[:MM[:SS[.fff[fff]]]] with an
        optional UTC offset, an optional leading 'T'."""
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        try:
            t = _IsoText(time_string)
        except ValueError:
            raise _invalid_iso(time_string) from None
        start = 1 if t.at(0) == "T" else 0
        fields = _iso_parse_time(t, start)
        if fields is None:
            raise _invalid_iso(time_string)
        fields[4] = _iso_tzinfo(fields[4])
        return cls(*fields)

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    def __repr__(self):
        fields = [self._hour, self._minute]
        if self._second or self._microsecond:
            fields.append(self._second)
        if self._microsecond:
            fields.append(self._microsecond)
        text = "%s.%s(%s" % (type(self).__module__, type(self).__qualname__,
                             ", ".join(str(f) for f in fields))
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        if self._fold:
            text += ", fold=1"
        return text + ")"

    def isoformat(self, timespec="auto"):
        """HH:MM:SS[.ffffff][+HH:MM]; timespec is auto, hours, minutes,
        seconds, milliseconds or microseconds."""
        return (_clock_text(self._hour, self._minute, self._second,
                            self._microsecond, timespec)
                + _offset_text(self.utcoffset()))

    __str__ = isoformat

    def strftime(self, format):
        """The time formatted like time.strftime() (the date is 1900-01-01)."""
        return _strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second))

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError("format() argument 2 must be str, not %s" % type(fmt).__name__)
        return self.strftime(fmt) if fmt else str(self)

    def utcoffset(self):
        """The tzinfo's offset from UTC (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_offset("utcoffset", self._tzinfo.utcoffset(None))

    def dst(self):
        """The tzinfo's daylight saving offset (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_offset("dst", self._tzinfo.dst(None))

    def tzname(self):
        """The tzinfo's name of the zone (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_name(self._tzinfo.tzname(None))

    def replace(self, hour=None, minute=None, second=None, microsecond=None,
                tzinfo=True, *, fold=None):
        """A time with the given fields changed."""
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    # -- comparisons: naive with naive, aware with aware (through UTC)

    def _us_of_day(self):
        return ((self._hour * 60 + self._minute) * 60 + self._second) * _US_PER_SECOND + self._microsecond

    def _compare(self, other, equality):
        """-1, 0 or 1; None for a naive and an aware time compared for
        equality (they are unequal)."""
        mine = theirs = None
        if self._tzinfo is not other._tzinfo:
            mine = self.utcoffset()
            theirs = other.utcoffset()
        a = self._us_of_day()
        b = other._us_of_day()
        if mine != theirs:
            if mine is None or theirs is None:
                if equality:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware times")
            a -= mine._total_us()
            b -= theirs._total_us()
        return (a > b) - (a < b)

    def __eq__(self, other):
        if isinstance(other, time):
            return self._compare(other, True) == 0
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) < 0
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) <= 0
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) > 0
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, time):
            return self._compare(other, False) >= 0
        return NotImplemented

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.replace(fold=0).utcoffset() if self._fold else self.utcoffset()
            us = self._us_of_day()
            if offset:
                us -= offset._total_us()
            self._hashcode = hash(us)
        return self._hashcode

    def __reduce_ex__(self, protocol):
        # CPython's state: the fields as bytes, fold in the hour's top bit
        # (protocol 4 and later).
        state = _time_state(self._hour, self._minute, self._second,
                            self._microsecond, self._fold if protocol > 3 else 0)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)

# -- datetime ---------------------------------------------------------------------

_EPOCH_ORDINAL = _ordinal(1970, 1, 1)


def _utc_fields(seconds):
    """(year, month, day, hour, minute, second) of a whole POSIX timestamp
    in UTC."""
    if not -2 ** 63 <= seconds < 2 ** 63:
        raise OverflowError("timestamp out of range for platform time_t")
    days, rest = divmod(seconds, _SECONDS_PER_DAY)
    n = _EPOCH_ORDINAL + days
    if not 1 <= n <= _MAX_ORDINAL:
        year = _from_ordinal(n)[0]
        if not -2 ** 31 + 1900 <= year < 2 ** 31 + 1900:
            # beyond the C library's struct tm
            raise OSError(75, "Value too large for defined data type")
        raise ValueError("year %d is out of range" % year)
    hour, rest = divmod(rest, 3600)
    minute, second = divmod(rest, 60)
    return _from_ordinal(n) + (hour, minute, second)


def _local_fields(seconds):
    """(year, month, day, hour, minute, second) of a whole POSIX timestamp
    in local time."""
    fields = _time.localtime(seconds)
    return tuple(fields[:6])


def _split_timestamp(t):
    """(whole seconds, microseconds) of a timestamp, rounded to the
    microsecond, halves to even."""
    if isinstance(t, int):
        return t, 0
    frac, whole = _math.modf(t)
    us = round(frac * 1e6)
    whole = int(whole)
    if us >= _US_PER_SECOND:
        whole += 1
        us -= _US_PER_SECOND
    elif us < 0:
        whole -= 1
        us += _US_PER_SECOND
    return whole, us


class datetime(date):
    """A date with a time of day: datetime(year, month, day, hour=0,
    minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0)."""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year, month=_MISSING, day=_MISSING, hour=0, minute=0, second=0,
                microsecond=0, tzinfo=None, *, fold=0):
        b = _state_bytes(year, 10, 2) if day is _MISSING else None
        if b is not None:
            # datetime(state[, tzinfo]): unpickling.
            tzinfo = None if month is _MISSING else month
            _check_tzinfo(tzinfo)
            self = object.__new__(cls)
            self._year, self._month, self._day = b[0] * 256 + b[1], b[2] & 0x7F, b[3]
            (self._hour, self._minute, self._second, self._microsecond,
             _) = _time_fields(b[4:])
            self._fold = b[2] >> 7
            self._tzinfo = tzinfo
            self._hashcode = -1
            return self
        _require(month, "month", 2)
        _require(day, "day", 3)
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date(year, month, day)
        (self._hour, self._minute, self._second, self._microsecond,
         self._fold) = _check_time(hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    # -- fields

    @property
    def hour(self):
        return self._hour

    @property
    def minute(self):
        return self._minute

    @property
    def second(self):
        return self._second

    @property
    def microsecond(self):
        return self._microsecond

    @property
    def tzinfo(self):
        return self._tzinfo

    @property
    def fold(self):
        return self._fold

    # -- other constructors

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        """The local time at POSIX timestamp t, or its time in zone tz."""
        _check_tzinfo(tz)
        seconds, us = _split_timestamp(t)
        if tz is not None:
            return tz.fromutc(cls(*_utc_fields(seconds), us, tz))
        result = cls(*_local_fields(seconds), us)
        # A local time that occurs twice (clocks set back) is its second
        # occurrence, fold=1, when the same local time was shown earlier.
        probe = seconds - _SECONDS_PER_DAY
        shift = (result - cls(*_local_fields(probe), us)) - _ONE_DAY
        if shift < _ZERO:
            earlier = seconds + shift // timedelta(seconds=1)
            if cls(*_local_fields(earlier), us) == result:
                result._fold = 1
        return result

    @classmethod
    def utcfromtimestamp(cls, t):
        """The UTC time at POSIX timestamp t, naive."""
        seconds, us = _split_timestamp(t)
        return cls(*_utc_fields(seconds), us)

    @classmethod
    def now(cls, tz=None):
        """The current local time, or the current time in zone tz."""
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        """The current UTC time, naive."""
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        """The datetime of a date and a time (with time's tzinfo unless one
        is given)."""
        if not isinstance(date, _date_class):
            raise TypeError("combine() argument 1 must be datetime.date, not %s"
                            % type(date).__name__)
        if not isinstance(time, _time_class):
            raise TypeError("combine() argument 2 must be datetime.time, not %s"
                            % type(time).__name__)
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute,
                   time.second, time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        """The datetime of an ISO 8601 text: a date as date.fromisoformat()
        reads it, then optionally any one character and a time as
        time.fromisoformat() reads it."""
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) < 7:
            raise _invalid_iso(date_string)
        text = date_string
        # A non-ASCII separator at one of the places a date can end is read
        # as 'T'.
        for at in (7, 8, 10):
            if at > len(text):
                break
            if at < len(text) and ord(text[at]) >= 0x80:
                text = text[:at] + "T" + text[at + 1:]
                break
        try:
            t = _IsoText(text)
        except ValueError:
            raise _invalid_iso(date_string) from None
        sep = _iso_separator_index(t)
        date_fields = _iso_parse_date(t, sep if sep >= 0 else t.n + 1)
        if date_fields is None:
            raise _invalid_iso(date_string)
        time_fields = [0, 0, 0, 0, None]
        if t.n > sep:
            time_fields = _iso_parse_time(t, sep + 1)
            if time_fields is None:
                raise _invalid_iso(date_string)
            time_fields[4] = _iso_tzinfo(time_fields[4])
        return cls(*date_fields, *time_fields)

    @classmethod
    def strptime(cls, date_string, format):
        """The datetime read from date_string as format describes it (the
        directives of strftime)."""
        return _strptime_datetime(cls, date_string, format)

    # -- text

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            fields.append(self._second)
        if self._microsecond:
            fields.append(self._microsecond)
        text = "%s.%s(%s" % (type(self).__module__, type(self).__qualname__,
                             ", ".join(str(f) for f in fields))
        if self._fold:
            text += ", fold=1"
        if self._tzinfo is not None:
            text += ", tzinfo=%r" % (self._tzinfo,)
        return text + ")"

    def isoformat(self, sep="T", timespec="auto"):
        """YYYY-MM-DDTHH:MM:SS[.ffffff][+HH:MM], the T being sep."""
        if not isinstance(sep, str) or len(sep) != 1:
            raise TypeError("isoformat() argument 1 must be a unicode character, not %s"
                            % type(sep).__name__)
        return ("%04d-%02d-%02d%s" % (self._year, self._month, self._day, sep)
                + _clock_text(self._hour, self._minute, self._second,
                              self._microsecond, timespec)
                + _offset_text(self.utcoffset()))

    def __str__(self):
        return self.isoformat(sep=" ")

    def ctime(self):
        """Like time.ctime(): 'Wed Jan  1 13:05:00 2020'."""
        return "%s %s %2d %02d:%02d:%02d %04d" % (
            _DAY_ABBR[self.weekday()], _MONTH_ABBR[self._month - 1], self._day,
            self._hour, self._minute, self._second, self._year)

    def strftime(self, format):
        """The datetime formatted like time.strftime()."""
        return _strftime(self, format, (self._year, self._month, self._day,
                                        self._hour, self._minute, self._second))

    # -- parts and conversions

    def date(self):
        """The date part."""
        return date(self._year, self._month, self._day)

    def time(self):
        """The time part, without tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        """The time part, with the same tzinfo."""
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None,
                second=None, microsecond=None, tzinfo=True, *, fold=None):
        """A datetime with the given fields changed."""
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    def timetuple(self):
        """The datetime as a time.struct_time (DST flag from dst())."""
        dst = self.dst()
        flag = -1 if dst is None else 1 if dst else 0
        return _struct_time(self._year, self._month, self._day,
                            self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        """The UTC time as a time.struct_time (naive: taken as UTC)."""
        offset = self.utcoffset()
        moment = self - offset if offset else self
        return _struct_time(moment._year, moment._month, moment._day,
                            moment._hour, moment._minute, moment._second, 0)

    def _seconds_since_epoch(self):
        """Whole seconds from 1970-01-01 00:00 to this datetime's fields, as
        if they were UTC."""
        days = self.toordinal() - _EPOCH_ORDINAL
        return days * _SECONDS_PER_DAY + self._hour * 3600 + self._minute * 60 + self._second

    def _local_to_timestamp(self):
        """The POSIX timestamp (whole seconds) of this naive local time."""
        wanted = self._seconds_since_epoch()

        def as_local(u):
            return datetime(*_local_fields(u))._seconds_since_epoch()

        # Solve as_local(u) == wanted: u is wanted minus the local offset,
        # which may differ on either side of a transition.
        first_offset = as_local(wanted) - wanted
        u1 = wanted - first_offset
        if as_local(u1) == wanted:
            # Maybe the other occurrence of an ambiguous time is wanted.
            u2 = u1 + (_SECONDS_PER_DAY if self._fold else -_SECONDS_PER_DAY)
            second_offset = as_local(u2) - u2
            if second_offset == first_offset:
                return u1
        else:
            second_offset = as_local(u1) - u1
        u2 = wanted - second_offset
        if as_local(u2) == wanted:
            return u2
        if as_local(u1) == wanted:
            return u1
        # In a gap (clocks set forward): the fold picks a side.
        return max(u1, u2) if self._fold == 0 else min(u1, u2)

    def timestamp(self):
        """The POSIX timestamp of this datetime (naive: local time)."""
        if self._tzinfo is None:
            return self._local_to_timestamp() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def _local_timezone(self):
        if self._tzinfo is None:
            seconds = self._local_to_timestamp()
        else:
            seconds = (self - _EPOCH) // timedelta(seconds=1)
        local = _time.localtime(seconds)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def astimezone(self, tz=None):
        """The same moment in zone tz (by default the local zone)."""
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be None or of a tzinfo subclass, "
                            "not type '%s'" % type(tz).__name__)
        mine = self._tzinfo
        offset = None
        if mine is not None:
            offset = mine.utcoffset(self)
        if offset is None:
            mine = self.replace(tzinfo=None)._local_timezone()
            offset = mine.utcoffset(self)
        if tz is mine:
            return self
        return tz.fromutc((self - offset).replace(tzinfo=tz))

    def utcoffset(self):
        """The tzinfo's offset from UTC (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_offset("utcoffset", self._tzinfo.utcoffset(self))

    def dst(self):
        """The tzinfo's daylight saving offset (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_offset("dst", self._tzinfo.dst(self))

    def tzname(self):
        """The tzinfo's name of the zone (None if naive)."""
        if self._tzinfo is None:
            return None
        return _checked_name(self._tzinfo.tzname(self))

    # -- comparisons: naive with naive, aware with aware (through UTC)

    def _us(self):
        return self._seconds_since_epoch() * _US_PER_SECOND + self._microsecond

    def _compare(self, other, equality):
        """-1, 0 or 1; None when unequal without an order (naive against
        aware, or an ambiguous time, compared for equality)."""
        mine = theirs = None
        if self._tzinfo is not other._tzinfo:
            mine = self.utcoffset()
            theirs = other.utcoffset()
            if equality:
                # A time whose offset depends on its fold equals nothing in
                # another zone.
                if mine != self.replace(fold=not self._fold).utcoffset():
                    return None
                if theirs != other.replace(fold=not other._fold).utcoffset():
                    return None
        a = self._us()
        b = other._us()
        if mine != theirs:
            if mine is None or theirs is None:
                if equality:
                    return None
                raise TypeError("can't compare offset-naive and offset-aware datetimes")
            a -= mine._total_us()
            b -= theirs._total_us()
        return (a > b) - (a < b)

    def _order(self, other):
        if isinstance(other, datetime):
            return self._compare(other, False)
        if isinstance(other, date):
            raise TypeError("can't compare %s to %s" % (_type_name(self), _type_name(other)))
        return None

    def __eq__(self, other):
        if isinstance(other, datetime):
            return self._compare(other, True) == 0
        if isinstance(other, date):
            return False
        return NotImplemented

    def __lt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._order(other)
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.replace(fold=0).utcoffset() if self._fold else self.utcoffset()
            us = self._us()
            if offset is not None:
                us -= offset._total_us()
            self._hashcode = hash(us)
        return self._hashcode

    # -- arithmetic

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = (self.toordinal() * _US_PER_DAY
                 + (self._hour * 3600 + self._minute * 60 + self._second) * _US_PER_SECOND
                 + self._microsecond + other._total_us())
        days, us = divmod(total, _US_PER_DAY)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError("date value out of range")
        seconds, us = divmod(us, _US_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        hour, minute = divmod(minutes, 60)
        return type(self).combine(_from_ordinal_date(days),
                                  time(hour, minute, second, us, self._tzinfo))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        delta = timedelta._make(self._us() - other._us())
        if self._tzinfo is other._tzinfo:
            return delta
        mine = self.utcoffset()
        theirs = other.utcoffset()
        if mine == theirs:
            return delta
        if mine is None or theirs is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return delta + theirs - mine

    def __reduce_ex__(self, protocol):
        # CPython's state: the fields as bytes, fold in the month's top bit
        # (protocol 4 and later).
        y = self._year
        fold = self._fold if protocol > 3 else 0
        state = bytes([y // 256, y % 256, self._month + 128 * fold, self._day])
        state += _time_state(self._hour, self._minute, self._second,
                             self._microsecond, 0)
        if self._tzinfo is None:
            return (type(self), (state,))
        return (type(self), (state, self._tzinfo))

    def __reduce__(self):
        return self.__reduce_ex__(2)


def _from_ordinal_date(n):
    return date(*_from_ordinal(n))


_date_class = date
_time_class = time

datetime.min = datetime(MINYEAR, 1, 1)
datetime.max = datetime(MAXYEAR, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)


# -- timezone -----------------------------------------------------------------------

class timezone(tzinfo):
    """A fixed offset from UTC: timezone(offset, name=None)."""

    __slots__ = ("_offset", "_name")

    _UNNAMED = object()

    def __new__(cls, offset, name=_UNNAMED):
        if not isinstance(offset, timedelta):
            raise TypeError("timezone() argument 1 must be datetime.timedelta, not %s"
                            % type(offset).__name__)
        if name is cls._UNNAMED:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError("timezone() argument 2 must be str, not %s" % type(name).__name__)
        if not -_ONE_DAY < offset < _ONE_DAY:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), not %r." % (offset,))
        return cls._make(offset, name)

    @classmethod
    def _make(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        if self._name is None:
            return (self._offset,)
        return (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is timezone.utc:
            return "datetime.timezone.utc"
        args = repr(self._offset)
        if self._name is not None:
            args += ", %r" % (self._name,)
        return "%s.%s(%s)" % (type(self).__module__, type(self).__qualname__, args)

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        _check_tz_arg("utcoffset", dt)
        return self._offset

    def tzname(self, dt):
        _check_tz_arg("tzname", dt)
        if self._name is not None:
            return self._name
        if not self._offset:
            return "UTC"
        return "UTC" + _offset_text(self._offset)

    def dst(self, dt):
        _check_tz_arg("dst", dt)
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc: argument must be a datetime")
        if dt.tzinfo is not self:
            raise ValueError("fromutc: dt.tzinfo is not self")
        return dt + self._offset


timezone.utc = timezone._make(timedelta(0))
UTC = timezone.utc
# The extreme whole-minute offsets.
timezone.min = timezone._make(-timedelta(hours=23, minutes=59))
timezone.max = timezone._make(timedelta(hours=23, minutes=59))
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


# -- strptime ---------------------------------------------------------------------
# A format is read as CPython reads it, through a regular expression made
# from it; here the expression is a list of items matched in order, each
# directive trying its alternatives in the expression's order and
# backtracking as a regular expression engine would.  Letters match
# regardless of case; a run of whitespace in the format matches one or
# more whitespace characters.

def _is_digit(c):
    return c.isdecimal()


def _is_ascii_digit(c):
    return "0" <= c <= "9"


def _one_of(chars):
    return lambda c: c in chars


def _alternatives(*patterns):
    """A directive made of fixed-length alternatives, tried in order; each
    pattern is a tuple of character tests."""
    def match(s, i):
        for pattern in patterns:
            j = i
            for test in pattern:
                if j < len(s) and test(s[j]):
                    j += 1
                else:
                    break
            else:
                yield j
    return match


def _repeat(test, least, most):
    """test matched least to most times, the most first (greedy)."""
    def match(s, i):
        j = i
        while j < len(s) and j - i < most and test(s[j]):
            j += 1
        while j - i >= least:
            yield j
            j -= 1
    return match


def _names(names):
    """One of names, the longest first, in any case."""
    ordered = sorted(set(n.lower() for n in names if n), key=len, reverse=True)

    def match(s, i):
        for name in ordered:
            if s[i:i + len(name)].lower() == name:
                yield i + len(name)
    return match


def _offset_directive(s, i):
    # [+-]HH[:]MM[[:]SS[.f{1,6}]] or Z (in capitals only)
    if s[i:i + 1] == "Z":
        yield i + 1
    if s[i:i + 1] not in ("+", "-"):
        return
    j = i + 1
    if not (j + 1 < len(s) and _is_digit(s[j]) and _is_digit(s[j + 1])):
        return
    j += 2
    starts = [j + 1, j] if s[j:j + 1] == ":" else [j]
    for k in starts:
        if not (k + 1 < len(s) and s[k] in "012345" and _is_digit(s[k + 1])):
            continue
        k += 2
        seconds_starts = [k + 1, k] if s[k:k + 1] == ":" else [k]
        for m in seconds_starts:
            if not (m + 1 < len(s) and s[m] in "012345" and _is_digit(s[m + 1])):
                continue
            m += 2
            if s[m:m + 1] == "." and m + 1 < len(s) and _is_digit(s[m + 1]):
                end = m + 1
                while end < len(s) and end - m - 1 < 6 and _is_digit(s[end]):
                    end += 1
                while end > m + 1:
                    yield end
                    end -= 1
            yield m
        yield k


_D = _is_digit


def _c(chars):
    return _one_of(chars)


_DIRECTIVES = {
    "d": _alternatives((_c("3"), _c("01")), (_c("12"), _D), (_c("0"), _c("123456789")),
                       (_c("123456789"),), (_c(" "), _c("123456789"))),
    "f": _repeat(_is_ascii_digit, 1, 6),
    "H": _alternatives((_c("2"), _c("0123")), (_c("01"), _D), (_D,)),
    "I": _alternatives((_c("1"), _c("012")), (_c("0"), _c("123456789")), (_c("123456789"),)),
    "G": _repeat(_D, 4, 4),
    "j": _alternatives((_c("3"), _c("6"), _c("0123456")), (_c("3"), _c("012345"), _D),
                       (_c("12"), _D, _D), (_c("0"), _c("123456789"), _D),
                       (_c("0"), _c("0"), _c("123456789")), (_c("123456789"), _D),
                       (_c("0"), _c("123456789")), (_c("123456789"),)),
    "m": _alternatives((_c("1"), _c("012")), (_c("0"), _c("123456789")), (_c("123456789"),)),
    "M": _alternatives((_c("012345"), _D), (_D,)),
    "S": _alternatives((_c("6"), _c("01")), (_c("012345"), _D), (_D,)),
    "U": _alternatives((_c("5"), _c("0123")), (_c("01234"), _D), (_D,)),
    "W": _alternatives((_c("5"), _c("0123")), (_c("01234"), _D), (_D,)),
    "w": _alternatives((_c("0123456"),)),
    "u": _alternatives((_c("1234567"),)),
    "V": _alternatives((_c("5"), _c("0123")), (_c("0"), _c("123456789")), (_c("1234"), _D), (_D,)),
    "y": _repeat(_D, 2, 2),
    "Y": _repeat(_D, 4, 4),
    "z": _offset_directive,
    "a": _names(_DAY_ABBR),
    "A": _names(_DAY_FULL),
    "b": _names(_MONTH_ABBR),
    "B": _names(_MONTH_FULL),
    "p": _names(("AM", "PM")),
}

# Formats the C locale gives %c, %x and %X.
_LOCALE_FORMATS = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _zone_names():
    names = {"utc", "gmt"}
    for name in getattr(_time, "tzname", ()):
        if name:
            names.add(name.lower())
    return names


def _zone_isdst(zone):
    """The DST flag strptime gives a %Z name: 0 for UTC and the standard
    name, 1 for the summer one, -1 when unknown or ambiguous."""
    std, summer = (name.lower() for name in _time.tzname)
    if zone in ("utc", "gmt"):
        return 0
    if std == summer and _time.daylight:
        return -1
    if zone == std:
        return 0
    if _time.daylight and zone == summer:
        return 1
    return -1


def _strptime_items(format, whole=None):
    """The items of format: ('text', char), ('space',) or ('dir', letter)."""
    whole = format if whole is None else whole
    items = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch.isspace():
            while i < n and format[i].isspace():
                i += 1
            items.append(("space",))
            continue
        i += 1
        if ch != "%":
            items.append(("text", ch.lower()))
            continue
        if i >= n:
            raise ValueError("stray %% in format '%s'" % whole)
        letter = format[i]
        i += 1
        if letter == "%":
            items.append(("text", "%"))
        elif letter in _LOCALE_FORMATS:
            items.extend(_strptime_items(_LOCALE_FORMATS[letter], whole))
        elif letter in _DIRECTIVES or letter == "Z":
            items.append(("dir", letter))
        else:
            raise ValueError("'%s' is a bad directive in format '%s'" % (letter, whole))
    return items


def _strptime_fields(items, s):
    """(directive -> matched text, end) of the first way items match the
    start of s, or None."""
    found = {}
    zones = _names(_zone_names())

    def walk(k, i):
        if k == len(items):
            yield i
            return
        item = items[k]
        if item[0] == "text":
            if i < len(s) and s[i].lower() == item[1]:
                yield from walk(k + 1, i + 1)
        elif item[0] == "space":
            j = i
            while j < len(s) and s[j].isspace():
                j += 1
            while j > i:
                yield from walk(k + 1, j)
                j -= 1
        else:
            letter = item[1]
            matcher = zones if letter == "Z" else _DIRECTIVES[letter]
            for j in matcher(s, i):
                found[letter] = s[i:j]
                yield from walk(k + 1, j)
            found.pop(letter, None)

    for end in walk(0, 0):
        return dict(found), end
    return None


def _strptime(data_string, format):
    """(fields, microseconds, offset microseconds) of data_string read with
    format; fields are (year, month, day, hour, minute, second, weekday,
    day of year, isdst, zone name, UTC offset in seconds or None)."""
    items = _strptime_items(format)
    result = _strptime_fields(items, data_string)
    if result is None:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    found, end = result
    if end != len(data_string):
        raise ValueError("unconverted data remains: %s" % data_string[end:])

    year = iso_year = None
    month = day = 1
    hour = minute = second = fraction = 0
    isdst = -1
    offset = None
    offset_fraction = 0
    iso_week = week = week_start = None
    weekday = yday = None
    for letter, text in found.items():
        if letter == "y":
            # two-digit years: 69-99 are 1969-1999, 00-68 are 2000-2068
            year = int(text)
            year += 2000 if year <= 68 else 1900
        elif letter == "Y":
            year = int(text)
        elif letter == "G":
            iso_year = int(text)
        elif letter == "m":
            month = int(text)
        elif letter == "B":
            month = [m.lower() for m in _MONTH_FULL].index(text.lower()) + 1
        elif letter == "b":
            month = [m.lower() for m in _MONTH_ABBR].index(text.lower()) + 1
        elif letter == "d":
            day = int(text)
        elif letter == "H":
            hour = int(text)
        elif letter == "I":
            hour = int(text)
            half = found.get("p", "").lower()
            if half in ("", "am"):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif letter == "M":
            minute = int(text)
        elif letter == "S":
            second = int(text)
        elif letter == "f":
            fraction = int(text.ljust(6, "0"))
        elif letter == "A":
            weekday = [d.lower() for d in _DAY_FULL].index(text.lower())
        elif letter == "a":
            weekday = [d.lower() for d in _DAY_ABBR].index(text.lower())
        elif letter == "w":
            weekday = (int(text) - 1) % 7
        elif letter == "u":
            weekday = int(text) - 1
        elif letter == "j":
            yday = int(text)
        elif letter in "UW":
            week = int(text)
            week_start = 6 if letter == "U" else 0
        elif letter == "V":
            iso_week = int(text)
        elif letter == "z":
            offset, offset_fraction = _parse_strptime_offset(text)
        elif letter == "Z":
            isdst = _zone_isdst(text.lower())

    if year is None and iso_year is not None:
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        if yday is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with "
                             "ISO year directive '%G'. Use '%Y' instead.")
    elif week is None and iso_week is not None:
        if weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', "
                             "'%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year "
                         "directive '%Y'. Use the ISO year '%G' instead.")

    # Without a year, the 29th of February is looked up in a leap year, and
    # the year reported is still 1900.
    no_year_feb29 = year is None and month == 2 and day == 29
    if year is None:
        year = 1904 if no_year_feb29 else 1900

    if yday is None and weekday is not None:
        if week is not None:
            yday = _yday_of_week(year, week, weekday, week_start)
        elif iso_year is not None and iso_week is not None:
            year, yday = _yday_of_iso_week(iso_year, iso_week, weekday + 1)
        if yday is not None and yday <= 0:
            year -= 1
            yday += _year_length(year)
    if yday is None:
        yday = _day_of_year(year, month, _check_date(year, month, day)[2])
    else:
        year, month, day = _from_ordinal(_ordinal_of_jan1(year) + yday - 1)
    if weekday is None:
        weekday = _weekday_of_ordinal(_ordinal(year, month, _check_date(year, month, day)[2]))
    if no_year_feb29:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, yday, isdst,
             found.get("Z"), offset), fraction, offset_fraction)


def _parse_strptime_offset(text):
    """(seconds, microseconds) of a %z match."""
    if text == "Z":
        return 0, 0
    z = text
    if z[3] == ":":
        z = z[:3] + z[4:]
        if len(z) > 5:
            if z[5] != ":":
                raise ValueError(f"Inconsistent use of : in {text}")
            z = z[:5] + z[6:]
    seconds = int(z[1:3]) * 3600 + int(z[3:5]) * 60 + int(z[5:7] or 0)
    micro = int(z[8:].ljust(6, "0"))
    if z[0] == "-":
        return -seconds, -micro
    return seconds, micro


def _yday_of_week(year, week, weekday, week_start):
    """The day of the year (maybe <= 0) of weekday (Monday 0) in week number
    week, weeks starting on Monday (week_start 0, %W) or Sunday (6, %U);
    week 0 is the days before the first such day."""
    first = _weekday_of_ordinal(_ordinal_of_jan1(year))
    if week_start == 6:
        # count from Sunday
        first = (first + 1) % 7
        weekday = (weekday + 1) % 7
    if week == 0:
        return 1 + weekday - first
    return 1 + (7 - first) % 7 + 7 * (week - 1) + weekday


def _yday_of_iso_week(iso_year, iso_week, iso_weekday):
    """(year, day of the year) of an ISO week date (not validated)."""
    n = _iso_week1_monday(iso_year) + (iso_week - 1) * 7 + iso_weekday - 1
    year = iso_year
    if n < _ordinal_of_jan1(year):
        year -= 1
    return year, n - _ordinal_of_jan1(year) + 1


def _strptime_datetime(cls, data_string, format):
    for position, arg in ((1, data_string), (2, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (position, type(arg).__name__))
    fields, fraction, offset_fraction = _strptime(data_string, format)
    name, offset = fields[-2:]
    args = fields[:6] + (fraction,)
    if offset is not None:
        delta = timedelta(seconds=offset, microseconds=offset_fraction)
        args += (timezone(delta, name) if name else timezone(delta),)
    return cls(*args)


# sqlite3 adapts dates by default; it registers that once datetime exists.
import sys as _sys

if "sqlite3.dbapi2" in _sys.modules:
    _sys.modules["sqlite3.dbapi2"]._datetime_loaded()
