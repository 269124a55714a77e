import datetime
from datetime import date, time, datetime as dt, timedelta, timezone

# timedelta
d = timedelta(days=1, hours=2, minutes=3, seconds=4, microseconds=5)
print(repr(d), str(d), d.days, d.seconds, d.microseconds, d.total_seconds())
print(timedelta(hours=-1), repr(timedelta(hours=-1)), timedelta(0), repr(timedelta(0)))
print(timedelta(weeks=2, milliseconds=1500), timedelta(days=1.5, seconds=0.25, microseconds=0.7))
print(timedelta(minutes=90) + timedelta(seconds=30), timedelta(hours=1) - timedelta(hours=3), -timedelta(seconds=1))
print(timedelta(hours=1) * 3, 2.5 * timedelta(minutes=2), timedelta(hours=1) / 7, timedelta(hours=1) // 7)
print(timedelta(hours=1) / timedelta(minutes=7), timedelta(hours=1) // timedelta(minutes=7),
      timedelta(hours=1) % timedelta(minutes=7), divmod(timedelta(hours=1), timedelta(minutes=7)))
print(abs(timedelta(days=-3)), timedelta(seconds=59) < timedelta(minutes=1), bool(timedelta(0)), bool(timedelta(microseconds=1)))
print(timedelta.max, timedelta.min, timedelta.resolution, sorted([timedelta(3), timedelta(-1), timedelta(seconds=5)]))
for bad in (lambda: timedelta(days=10 ** 9), lambda: timedelta("1"), lambda: timedelta(1) / 0):
    try:
        bad()
    except (OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

# date
today_like = date(2024, 2, 29)
print(repr(today_like), today_like, today_like.year, today_like.month, today_like.day)
print(today_like.weekday(), today_like.isoweekday(), today_like.isocalendar(), today_like.toordinal())
print(today_like.ctime(), today_like.isoformat(), today_like.replace(year=2023, day=28))
print(today_like + timedelta(days=1), today_like - timedelta(weeks=9), date(2024, 12, 25) - today_like)
print(date.fromordinal(738000), date.fromisoformat("2021-07-04"), date.fromisoformat("20210704"),
      date.fromisoformat("2021-W26-7"), date.fromisocalendar(2020, 53, 5))
print(date.min, date.max, date.resolution, date(2020, 1, 1) < date(2020, 1, 2), date(2020, 1, 1) == date(2020, 1, 1))
print(sorted([date(2021, 5, 1), date(2020, 12, 31), date(2021, 1, 1)]), len({date(2020, 1, 1), date(2020, 1, 1)}))
print(f"{today_like:%A %d %B %Y}", format(today_like, "%j/%U/%W/%V"), today_like.strftime("%y%m%d %a %b"))
for args in ((2023, 2, 29), (0, 1, 1), (2020, 13, 1), (2020, 1, 32)):
    try:
        date(*args)
    except ValueError as e:
        print("ValueError:", e)
try:
    date(2020.5, 1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    date.fromisoformat("2021-7-4")
except ValueError as e:
    print("ValueError:", e)
try:
    date.max + timedelta(days=1)
except OverflowError as e:
    print("OverflowError:", e)

# time
t = time(13, 5, 9, 250)
print(repr(t), t, t.isoformat("minutes"), t.isoformat("milliseconds"), t.strftime("%I:%M %p"))
print(repr(time()), repr(time(1)), repr(time(0, 0, 0, 1)), time.min, time.max, repr(time(1, fold=1)))
print(time.fromisoformat("04:23:01.000384"), time.fromisoformat("T0423"), repr(time.fromisoformat("12:00Z")))
print(time(1) < time(2), time(12, tzinfo=timezone(timedelta(hours=2))) == time(10, tzinfo=timezone.utc))
print(t.replace(hour=1, microsecond=0), t.utcoffset(), t.tzname(), bool(time(0)))
try:
    time(24)
except ValueError as e:
    print("ValueError:", e)
try:
    time(1) < time(2, tzinfo=timezone.utc)
except TypeError as e:
    print("TypeError:", e)

# datetime
moment = dt(2021, 3, 14, 15, 9, 26, 535897)
print(repr(moment), moment, moment.isoformat(), moment.isoformat(" ", "seconds"))
print(moment.date(), moment.time(), moment.timetz(), moment.ctime(), repr(dt(2021, 3, 14)))
print(moment.strftime("%Y-%m-%d %H:%M:%S.%f"), f"{moment:%a %d %b %Y %H:%M}", moment.strftime("%c | %x | %X"))
print(moment + timedelta(hours=12), moment - timedelta(days=365), dt(2022, 1, 1) - moment)
print(moment.replace(year=2020, month=2, day=29), moment.weekday(), moment.toordinal(), moment.isocalendar())
print(dt.combine(date(2020, 5, 1), time(8, 30)), dt.fromisoformat("2011-11-04T00:05:23"),
      dt.fromisoformat("2011-11-04 00:05:23.283"), repr(dt.fromisoformat("20111104T000523Z")))
print(repr(dt.fromisoformat("2011-11-04T00:05:23+04:00")), dt.fromisoformat("2011-W01-2T00:05:23.283"))
print(dt.strptime("21/11/06 16:30", "%d/%m/%y %H:%M"), dt.strptime("Mar 5 2020 9:07PM", "%b %d %Y %I:%M%p"))
print(dt.strptime("2020-06-01T12:00:00+0530", "%Y-%m-%dT%H:%M:%S%z"), dt.strptime("Monday, July 04, 1999", "%A, %B %d, %Y"))
print(dt.strptime("2020 100", "%Y %j"), dt.strptime("2021 10 5", "%G %V %u"), dt.strptime("1.5", "%S.%f"))
for text, fmt in (("2020-02-30", "%Y-%m-%d"), ("2020-01-01 extra", "%Y-%m-%d"), ("x2020", "%Y"), ("2020", "%Q")):
    try:
        dt.strptime(text, fmt)
    except ValueError as e:
        print("ValueError:", e)
try:
    dt.fromisoformat("2011-11-04T25:00")
except ValueError as e:
    print("ValueError:", e)
try:
    dt.fromisoformat("not a date")
except ValueError as e:
    print("ValueError:", e)

# time zones
utc = timezone.utc
cet = timezone(timedelta(hours=1), "CET")
ist = timezone(timedelta(hours=5, minutes=30))
print(repr(utc), utc, repr(cet), cet, repr(ist), ist, repr(datetime.UTC), timezone.min, timezone.max)
aware = dt(2021, 6, 1, 12, 0, tzinfo=utc)
print(repr(aware), aware, aware.utcoffset(), aware.tzname(), aware.dst(), aware.timestamp())
print(aware.astimezone(cet), aware.astimezone(ist), aware.astimezone(ist).tzname(), aware.astimezone(cet) == aware)
print(hash(aware.astimezone(cet)) == hash(aware), aware - dt(2021, 6, 1, 12, 0, tzinfo=ist))
print(dt.fromtimestamp(0, utc), dt.fromtimestamp(1234567890.5, cet), dt.utcfromtimestamp(86400 * 366))
print(aware.strftime("%Y-%m-%d %H:%M %z %Z"), dt(2021, 1, 1, tzinfo=timezone(-timedelta(hours=3, minutes=30))).strftime("%z"))
print(timezone(timedelta(0)) is utc, timezone(timedelta(hours=2)) == timezone(timedelta(hours=2), "X"))
try:
    dt(2021, 1, 1) < aware
except TypeError as e:
    print("TypeError:", e)
try:
    aware - dt(2021, 1, 1)
except TypeError as e:
    print("TypeError:", e)
print(dt(2021, 1, 1) == aware, date(2021, 6, 1) == aware)
try:
    timezone(timedelta(hours=24))
except ValueError as e:
    print("ValueError:", e)


class Fixed(datetime.tzinfo):
    """A tzinfo subclass of the documentation's kind."""

    def __init__(self, minutes, name):
        self._offset = timedelta(minutes=minutes)
        self._name = name

    def utcoffset(self, moment):
        return self._offset

    def tzname(self, moment):
        return self._name

    def dst(self, moment):
        return timedelta(0)


est = Fixed(-300, "EST")
local = dt(2021, 12, 25, 8, 0, tzinfo=est)
print(local, local.tzname(), local.utcoffset(), local.astimezone(utc), local.isoformat())
print(utc.fromutc(dt(2021, 1, 1, tzinfo=utc)), local.replace(tzinfo=None), local.timetz())
print(datetime.MINYEAR, datetime.MAXYEAR, dt.min, dt.max, sorted(datetime.__all__))
