# time.strptime on fixed strings, and datetime's use of struct_time.
import datetime
import time


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


cases = [
    ("2024", "%Y"),
    ("2024-02-29 13:05:07", "%Y-%m-%d %H:%M:%S"),
    ("29/02/24", "%d/%m/%y"),
    ("01/01/69", "%m/%d/%y"),
    ("12/31/68", "%m/%d/%y"),
    ("2024   3 \t 5", "%Y %m %d"),
    ("Thu Feb 29 13:05:07 2024", "%a %b %d %H:%M:%S %Y"),
    ("Thursday February 29 2024", "%A %B %d %Y"),
    ("thursday FEBRUARY 29 2024", "%A %B %d %Y"),
    ("2024 060", "%Y %j"),
    ("2024 366", "%Y %j"),
    ("12:30:45.123 PM", "%I:%M:%S.%f %p"),
    ("12 AM", "%I %p"),
    ("1 pm", "%I %p"),
    ("2024 10 1", "%Y %U %w"),
    ("2024 10 1", "%Y %W %w"),
    ("2024 0 3", "%Y %U %w"),
    ("2024-02-29T13:05:07+0530", "%Y-%m-%dT%H:%M:%S%z"),
    ("2024-02-29T13:05:07-07:30", "%Y-%m-%dT%H:%M:%S%z"),
    ("2024-02-29 Z", "%Y-%m-%d %z"),
    ("2024 UTC", "%Y %Z"),
    ("2024 gmt", "%Y %Z"),
    ("10%", "%d%%"), ("100%", "%j%%"),
    ("02/29", "%m/%d"),
    ("Thu Feb 29 13:05:07 2024", "%c"),
    ("02/29/24", "%x"),
    ("13:05:07", "%X"),
]
for text, fmt in cases:
    r = time.strptime(text, fmt)
    print(repr(text), repr(fmt), r, r.tm_zone, r.tm_gmtoff)

print(time.strptime("Thu Feb 29 13:05:07 2024"))

for text, fmt in [("2024x", "%Y"), ("x", "%Y"), ("2024", "%a %b"),
                  ("2024-13-01", "%Y-%m-%d"), ("2023-02-29", "%Y-%m-%d"),
                  ("25:00", "%H:%M"), ("2024", "%Q"), ("2024", "%Y%"),
                  ("2024 XYZ", "%Y %Z"), ("2024-02-29 ", "%Y-%m-%d"),
                  ("", "%Y"), ("2024", ""), ("  2024", "%Y")]:
    show(lambda: time.strptime(text, fmt))
show(lambda: time.strptime(2024, "%Y"))
show(lambda: time.strptime("2024", 5))
show(lambda: time.strptime())
show(lambda: time.strptime("2024"))

# datetime gives and takes struct_time
d = datetime.datetime(2024, 2, 29, 13, 5, 7, 250000)
print(d.timetuple(), type(d.timetuple()).__name__)
print(d.utctimetuple())
print(datetime.date(2020, 1, 1).timetuple())
aware = datetime.datetime(2024, 2, 29, 13, 5, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
print(aware.timetuple(), aware.utctimetuple())
print(time.strftime("%Y-%m-%d %H:%M:%S %a %j", d.timetuple()))
print(time.asctime(d.timetuple()), d.ctime())
print(datetime.datetime.strptime("2024-03-01 10:20", "%Y-%m-%d %H:%M"))
print(datetime.datetime.strptime("2024-03-01 10:20 +0100", "%Y-%m-%d %H:%M %z"))
print(datetime.datetime(*time.strptime("2024-03-01", "%Y-%m-%d")[:6]))
print(datetime.datetime.fromtimestamp(time.mktime(d.timetuple())) == d.replace(microsecond=0))
