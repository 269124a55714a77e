"""Time access and conversions: clocks, sleep, broken-down times
(struct_time), formatting and parsing. The clocks and the C library calls
are native (_time); struct_time and strptime are here."""

import _time
from _time import (
    CLOCK_BOOTTIME, CLOCK_MONOTONIC, CLOCK_MONOTONIC_RAW, CLOCK_PROCESS_CPUTIME_ID,
    CLOCK_REALTIME, CLOCK_TAI, CLOCK_THREAD_CPUTIME_ID, asctime, clock_getres,
    clock_gettime, clock_gettime_ns, clock_settime, clock_settime_ns, ctime, gmtime,
    localtime, mktime, monotonic, monotonic_ns, perf_counter, perf_counter_ns,
    process_time, process_time_ns, sleep, strftime, thread_time, thread_time_ns, time,
    time_ns)

_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")
_EXTRA = ("tm_zone", "tm_gmtoff")
_MISSING = object()


class struct_time(tuple):
    """The time value as returned by gmtime(), localtime(), and strptime(),
    and accepted by asctime(), mktime() and strftime(): a 9-tuple whose
    items are also attributes, with tm_zone and tm_gmtoff as attributes only."""

    __slots__ = ("_extra",)
    n_sequence_fields = 9
    n_fields = 11
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence=_MISSING, dict=None):
        if sequence is _MISSING:
            raise TypeError("structseq() missing required argument 'sequence' (pos 1)")
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        n = len(seq)
        if n < 9:
            raise TypeError("time.struct_time() takes an at least 9-sequence "
                            "(%d-sequence given)" % n)
        if n > 11:
            raise TypeError("time.struct_time() takes an at most 11-sequence "
                            "(%d-sequence given)" % n)
        if dict is not None and not isinstance(dict, _dict):
            raise TypeError("time.struct_time() takes a dict as second arg, if any")
        self = tuple.__new__(cls, seq[:9])
        extra = list(seq[9:]) + [None] * (11 - n)
        if dict:
            for i, name in enumerate(_EXTRA):
                if 9 + i >= n:
                    extra[i] = dict.get(name)
        object.__setattr__(self, "_extra", tuple(extra))
        return self

    def __setattr__(self, name, value):
        _no_attribute(name)

    def __delattr__(self, name):
        _no_attribute(name)

    tm_year = property(lambda self: self[0])
    tm_mon = property(lambda self: self[1])
    tm_mday = property(lambda self: self[2])
    tm_hour = property(lambda self: self[3])
    tm_min = property(lambda self: self[4])
    tm_sec = property(lambda self: self[5])
    tm_wday = property(lambda self: self[6])
    tm_yday = property(lambda self: self[7])
    tm_isdst = property(lambda self: self[8])
    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        inner = ", ".join("%s=%r" % pair for pair in zip(_FIELDS, self))
        return "time.struct_time(" + inner + ")"

    def __reduce__(self):
        return (struct_time, (tuple(self), _dict(zip(_EXTRA, self._extra))))


def _no_attribute(name):
    if name in _FIELDS or name in _EXTRA:
        raise AttributeError("readonly attribute")
    raise AttributeError("'time.struct_time' object has no attribute '%s'" % name)


_dict = dict
struct_time.__module__ = "time"
_time.struct_time = struct_time


def _zone_globals():
    global timezone, altzone, daylight, tzname
    timezone, altzone, daylight, tzname = _time._zone_info()


_zone_globals()


def tzset():
    """Re-read the TZ environment variable: sets timezone, altzone,
    daylight and tzname."""
    _zone_globals()


def strptime(data_string=_MISSING, format="%a %b %d %H:%M:%S %Y"):
    """Parse a string to a struct_time according to a format."""
    if data_string is _MISSING:
        raise TypeError("_strptime_time() missing 1 required positional argument: "
                        "'data_string'")
    for position, arg in ((0, data_string), (1, format)):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s"
                            % (position, type(arg)))
    import datetime
    fields = datetime._strptime(data_string, format)[0]
    return struct_time(fields)




_CLOCKS = {
    "time": ("clock_gettime(CLOCK_REALTIME)", False, True, CLOCK_REALTIME),
    "monotonic": ("clock_gettime(CLOCK_MONOTONIC)", True, False, CLOCK_MONOTONIC),
    "perf_counter": ("clock_gettime(CLOCK_MONOTONIC)", True, False, CLOCK_MONOTONIC),
    "process_time": ("clock_gettime(CLOCK_PROCESS_CPUTIME_ID)", True, False,
                     CLOCK_PROCESS_CPUTIME_ID),
    "thread_time": ("clock_gettime(CLOCK_THREAD_CPUTIME_ID)", True, False,
                    CLOCK_THREAD_CPUTIME_ID),
}


def get_clock_info(name, /):
    """Information of the named clock, as a namespace with implementation,
    monotonic, adjustable and resolution."""
    if not isinstance(name, str):
        raise TypeError("get_clock_info() argument 1 must be str, not %s"
                        % type(name).__name__)
    if name not in _CLOCKS:
        raise ValueError("unknown clock")
    implementation, mono, adjustable, clock = _CLOCKS[name]
    from types import SimpleNamespace
    return SimpleNamespace(implementation=implementation, monotonic=mono,
                           adjustable=adjustable, resolution=clock_getres(clock))


