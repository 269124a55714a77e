import copy
import io
import os
import pickle
import struct
import warnings
import zoneinfo
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

zoneinfo.reset_tzpath()
UTC_ZONE = ZoneInfo('UTC')
PARIS = ZoneInfo('Europe/Paris')
NY = ZoneInfo('America/New_York')
LORD_HOWE = ZoneInfo('Australia/Lord_Howe')
KOLKATA = ZoneInfo('Asia/Kolkata')


def show(dt):
    return '%s fold=%d %s %s %s' % (dt.isoformat(), dt.fold, dt.utcoffset(),
                                    dt.dst(), dt.tzname())


def attempt(func, *args, **kwargs):
    try:
        print(' ', repr(func(*args, **kwargs)))
    except Exception as e:
        print(' ', type(e).__name__, e)


print(zoneinfo.__all__)
print(zoneinfo.TZPATH)
print(ZoneInfo.__mro__)
print(zoneinfo.ZoneInfoNotFoundError.__mro__)
print(zoneinfo.InvalidTZPathWarning.__mro__)

print('keys, reprs, the cache')
print(repr(PARIS), str(PARIS), PARIS.key, PARIS is ZoneInfo('Europe/Paris'))
fresh = ZoneInfo.no_cache('Europe/Paris')
print(repr(fresh), fresh is PARIS, fresh == PARIS)
with open(os.path.join(zoneinfo.TZPATH[0], 'UTC'), 'rb') as f:
    from_file = ZoneInfo.from_file(f, key='Custom/Name')
print(repr(from_file), str(from_file), from_file.key)
data = open(os.path.join(zoneinfo.TZPATH[0], 'Asia/Kolkata'), 'rb').read()
anonymous = ZoneInfo.from_file(io.BytesIO(data))
print(anonymous.key, repr(anonymous).startswith('zoneinfo.ZoneInfo.from_file(<_io.BytesIO'))
print(anonymous.utcoffset(datetime(2020, 1, 1)), anonymous.tzname(datetime(2020, 1, 1)))
berlin = ZoneInfo('Europe/Berlin')
ZoneInfo.clear_cache(only_keys=['Europe/Berlin'])
print(ZoneInfo('Europe/Berlin') is berlin, ZoneInfo('Europe/Paris') is PARIS)
ZoneInfo.clear_cache()
print(ZoneInfo('Europe/Paris') is PARIS)
PARIS = ZoneInfo('Europe/Paris')
attempt(ZoneInfo.clear_cache, ['x'])


class MyZone(ZoneInfo):
    pass


mine = MyZone('Europe/Paris')
print(repr(mine), mine is MyZone('Europe/Paris'), mine is PARIS, isinstance(mine, ZoneInfo))

print('errors')
attempt(ZoneInfo, 'Nowhere/Land')
attempt(ZoneInfo, '/etc/localtime')
attempt(ZoneInfo, '../zoneinfo/UTC')
attempt(ZoneInfo, 'Europe/../UTC')
attempt(ZoneInfo, 'Europe')
attempt(ZoneInfo, '')
attempt(ZoneInfo.from_file, io.BytesIO(b'XXXX' + bytes(60)))
try:
    ZoneInfo('No/Such_Zone')
except KeyError as e:
    print(' ', type(e).__name__, e, e.args)
attempt(pickle.dumps, from_file)
attempt(PARIS.fromutc, 5)
attempt(PARIS.fromutc, datetime(2020, 1, 1))
attempt(PARIS.fromutc, datetime(2020, 1, 1, tzinfo=timezone.utc))
attempt(setattr, PARIS, 'key', 'x')

print('search path')
attempt(zoneinfo.reset_tzpath, '/usr/share/zoneinfo')
attempt(zoneinfo.reset_tzpath, ['/a', 'rel', 'rel2'])
zoneinfo.reset_tzpath(['/nonexistent/zones'])
print(zoneinfo.TZPATH)
attempt(ZoneInfo.no_cache, 'Europe/Paris')
print(ZoneInfo('Europe/Paris') is PARIS)
print(sorted(zoneinfo.available_timezones()))
os.environ['PYTHONTZPATH'] = os.pathsep.join(['/nonexistent/a', 'relative', '/nonexistent/b'])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    zoneinfo.reset_tzpath()
print([(w.category.__name__, str(w.message)) for w in caught])
print(zoneinfo.TZPATH)
os.environ['PYTHONTZPATH'] = ''
zoneinfo.reset_tzpath()
print(zoneinfo.TZPATH)
del os.environ['PYTHONTZPATH']
zoneinfo.reset_tzpath()
zones = zoneinfo.available_timezones()
print(type(zones).__name__, 'Europe/Paris' in zones, 'UTC' in zones, 'posixrules' in zones,
      'right/UTC' in zones, 'posix/UTC' in zones, 'zone.tab' in zones)

print('pickling and copying')
print(pickle.loads(pickle.dumps(PARIS)) is PARIS)
print(pickle.loads(pickle.dumps(fresh)) is fresh, pickle.loads(pickle.dumps(fresh)) is PARIS)
print(PARIS.__reduce__()[1], fresh.__reduce__()[1])
print(copy.copy(PARIS) is PARIS, copy.deepcopy(PARIS) is PARIS)
when = datetime(2021, 7, 14, 15, 30, tzinfo=PARIS)
again = pickle.loads(pickle.dumps(when))
print(again == when, again.tzinfo is PARIS, repr(again))

print('fixed zones and time objects')
print(UTC_ZONE.utcoffset(None), UTC_ZONE.dst(None), UTC_ZONE.tzname(None))
print(PARIS.utcoffset(None), PARIS.dst(None), PARIS.tzname(None))
gmt5 = ZoneInfo('Etc/GMT+5')
print(gmt5.utcoffset(None), gmt5.tzname(None), time(12, tzinfo=gmt5).utcoffset())
print(time(12, tzinfo=UTC_ZONE).utcoffset(), time(12, tzinfo=PARIS).utcoffset(),
      time(12, tzinfo=PARIS).tzname(), repr(time(12, tzinfo=PARIS)))

print('gaps and folds (PEP 495)')
for fold in (0, 1):
    print(show(datetime(2021, 3, 28, 2, 30, fold=fold, tzinfo=PARIS)))
    print(show(datetime(2021, 10, 31, 2, 30, fold=fold, tzinfo=PARIS)))
    print(show(datetime(2021, 3, 14, 2, 30, fold=fold, tzinfo=NY)))
    print(show(datetime(2021, 11, 7, 1, 30, fold=fold, tzinfo=NY)))
    print(show(datetime(2022, 4, 3, 1, 45, fold=fold, tzinfo=LORD_HOWE)))
    print(show(datetime(2022, 10, 2, 2, 15, fold=fold, tzinfo=LORD_HOWE)))

print('UTC to local')
start = datetime(2021, 10, 31, 0, 0, tzinfo=timezone.utc)
for i in range(7):
    local = (start + timedelta(minutes=30 * i)).astimezone(PARIS)
    print(show(local), local.astimezone(timezone.utc).isoformat())
start = datetime(2022, 11, 6, 4, 0, tzinfo=timezone.utc)
for i in range(7):
    local = (start + timedelta(minutes=30 * i)).astimezone(NY)
    print(show(local), local.timestamp())
start = datetime(2022, 4, 2, 14, 0, tzinfo=timezone.utc)
for i in range(0, 180, 15):
    print(show((start + timedelta(minutes=i)).astimezone(LORD_HOWE)))
start = datetime(2022, 10, 1, 15, 0, tzinfo=timezone.utc)
for i in range(0, 90, 15):
    print(show((start + timedelta(minutes=i)).astimezone(LORD_HOWE)))
print(NY.fromutc(datetime(2021, 11, 7, 6, 30, tzinfo=NY)))

print('history')
for zone in (PARIS, NY, LORD_HOWE, KOLKATA):
    for when in (datetime(1850, 1, 1), datetime(1900, 6, 1), datetime(1942, 6, 1),
                 datetime(1945, 9, 1), datetime(1970, 1, 1), datetime(1985, 7, 1),
                 datetime(2000, 1, 1)):
        print(zone.key, show(when.replace(tzinfo=zone)))

print('after 2037: the TZ string rule')
for year in (2037, 2038, 2050, 2100, 2400, 9999):
    for month in (1, 3, 4, 7, 10, 11):
        print(year, month, show(datetime(year, month, 15, 12, tzinfo=PARIS)),
              show(datetime(year, month, 15, 12, tzinfo=NY)),
              show(datetime(year, month, 15, 12, tzinfo=LORD_HOWE)),
              show(datetime(year, month, 15, 12, tzinfo=KOLKATA)))
for fold in (0, 1):
    print(show(datetime(2050, 3, 27, 2, 30, fold=fold, tzinfo=PARIS)),
          show(datetime(2050, 10, 30, 2, 30, fold=fold, tzinfo=PARIS)),
          show(datetime(2050, 11, 6, 1, 30, fold=fold, tzinfo=NY)),
          show(datetime(2050, 4, 3, 1, 45, fold=fold, tzinfo=LORD_HOWE)))
for hour in range(6):
    print(show(datetime(2050, 10, 29, 22 + hour, tzinfo=timezone.utc) if hour < 2 else
               datetime(2050, 10, 30, hour - 2, tzinfo=timezone.utc)),
          show((datetime(2050, 10, 29, 22, tzinfo=timezone.utc) + timedelta(hours=hour)).astimezone(PARIS)))

print('arithmetic and comparisons')
day_before = datetime(2021, 3, 27, 12, tzinfo=PARIS)
print(show(day_before + timedelta(days=1)), (day_before + timedelta(days=1)) - day_before)
print(datetime(2021, 3, 28, 12, tzinfo=PARIS) - datetime(2021, 3, 28, 0, tzinfo=PARIS))
print(datetime(2021, 3, 28, 12, tzinfo=PARIS) - datetime(2021, 3, 28, 0, tzinfo=NY))
print(datetime(2021, 3, 28, 12, tzinfo=PARIS).astimezone(NY) - datetime(2021, 3, 28, 0, tzinfo=PARIS))
first = datetime(2021, 10, 31, 2, 30, fold=0, tzinfo=PARIS)
second = datetime(2021, 10, 31, 2, 30, fold=1, tzinfo=PARIS)
print(first == second, first < second, first.astimezone(UTC_ZONE) < second.astimezone(UTC_ZONE))
print(first == first.astimezone(UTC_ZONE), second == second.astimezone(UTC_ZONE))
print(hash(first) == hash(second.replace(fold=0)))
print(datetime(2021, 7, 1, 12, tzinfo=PARIS) == datetime(2021, 7, 1, 6, tzinfo=NY))
print(sorted([datetime(2021, 11, 7, 1, 30, fold=f, tzinfo=NY) for f in (1, 0)]))
print(datetime.fromisoformat('2021-11-07T01:30:00-05:00').astimezone(NY).fold)
for ts in (0, 1e9, 1616893200, 1635641999, 1635642000, 1635645600, 2 ** 31, 4102444800):
    local = datetime.fromtimestamp(ts, tz=PARIS)
    print(ts, show(local), local.timestamp())
    local = datetime.fromtimestamp(ts, tz=LORD_HOWE)
    print(ts, show(local), local.timestamp())

print('formatting')
summer = datetime(2021, 7, 14, 15, 30, tzinfo=PARIS)
print(summer.strftime('%Y-%m-%d %H:%M:%S %Z %z'), summer.ctime(), str(summer))
print(format(summer, '%Z'), summer.utctimetuple()[:6], summer.timetuple()[:9])
print(show(summer.astimezone(NY)), show(summer.astimezone(LORD_HOWE)),
      show(summer.astimezone(KOLKATA)), show(summer.replace(tzinfo=NY)))
print(show(datetime.combine(date(2021, 11, 7), time(1, 30, fold=1), tzinfo=NY)))


print('a TZif file without a TZ string (version 1)')


def tzif_v1(transitions, indices, types, abbrs):
    header = b'TZif' + bytes(16) + struct.pack('>6l', 0, 0, 0, len(transitions),
                                               len(types), len(abbrs))
    body = b''.join(struct.pack('>l', t) for t in transitions) + bytes(indices)
    body += b''.join(struct.pack('>lbB', *t) for t in types) + abbrs
    return header + body


v1 = ZoneInfo.from_file(io.BytesIO(tzif_v1(
    [0, 15000000, 30000000], [1, 0, 1],
    [(-18000, 0, 0), (-14400, 1, 4)], b'EST\x00EDT\x00')), key='Test/V1')
for when in (datetime(1969, 6, 1), datetime(1970, 1, 1, 2), datetime(1970, 3, 1),
             datetime(1970, 8, 1), datetime(1971, 1, 1), datetime(2030, 1, 1)):
    print(show(when.replace(tzinfo=v1)))
