"""Miscellaneous email utilities: addresses, dates, RFC 2231 parameters."""

__all__ = [
    'collapse_rfc2231_value', 'decode_params', 'decode_rfc2231',
    'encode_rfc2231', 'formataddr', 'formatdate', 'format_datetime',
    'getaddresses', 'make_msgid', 'mktime_tz', 'parseaddr', 'parsedate',
    'parsedate_tz', 'parsedate_to_datetime', 'unquote', 'localtime',
]

import os
import re
import time
import random
import datetime
import urllib.parse

from email._parseaddr import quote
from email._parseaddr import AddressList as _AddressList
from email._parseaddr import mktime_tz
from email._parseaddr import parsedate, parsedate_tz, _parsedate_tz
from email.charset import Charset
from email import _escapes

COMMASPACE = ', '
EMPTYSTRING = ''
UEMPTYSTRING = ''
CRLF = '\r\n'
TICK = "'"

specialsre = re.compile(r'[][\\()<>@,:;".]')
escapesre = re.compile(r'[\\"]')


def _has_surrogates(s):
    """True if the str s carries undecodable bytes."""
    return _escapes.has_escapes(s)


def _sanitize(string):
    # undecodable bytes become the replacement character
    original_bytes = _escapes.encode(string, 'utf-8')
    return original_bytes.decode('utf-8', 'replace')


def formataddr(pair, charset='utf-8'):
    """'Name <address>' from a (name, address) pair."""
    name, address = pair
    address.encode('ascii')
    if name:
        try:
            name.encode('ascii')
        except UnicodeEncodeError:
            if isinstance(charset, str):
                charset = Charset(charset)
            encoded_name = charset.header_encode(name)
            return "%s <%s>" % (encoded_name, address)
        else:
            quotes = ''
            if specialsre.search(name):
                quotes = '"'
            name = escapesre.sub(r'\\\g<0>', name)
            return '%s%s%s <%s>' % (quotes, name, quotes, address)
    return address


def getaddresses(fieldvalues):
    """(name, address) pairs of all the addresses in fieldvalues."""
    all = COMMASPACE.join(str(v) for v in fieldvalues)
    a = _AddressList(all)
    return a.addresslist


def parseaddr(addr):
    """The (name, address) pair of addr; ('', '') if it cannot be parsed."""
    addrs = _AddressList(addr).addresslist
    if not addrs:
        return '', ''
    return addrs[0]


_DAYNAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
_MONTHNAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun',
               'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']


def _format_timetuple_and_zone(timetuple, zone):
    return '%s, %02d %s %04d %02d:%02d:%02d %s' % (
        _DAYNAMES[timetuple[6]], timetuple[2],
        _MONTHNAMES[timetuple[1] - 1],
        timetuple[0], timetuple[3], timetuple[4], timetuple[5],
        zone)


def formatdate(timeval=None, localtime=False, usegmt=False):
    """An RFC 2822 date, e.g. 'Fri, 09 Nov 2001 01:08:47 -0000'."""
    if timeval is None:
        timeval = time.time()
    if localtime or usegmt:
        dt = datetime.datetime.fromtimestamp(timeval, datetime.timezone.utc)
    else:
        dt = datetime.datetime.utcfromtimestamp(timeval)
    if localtime:
        dt = dt.astimezone()
        usegmt = False
    return format_datetime(dt, usegmt)


def format_datetime(dt, usegmt=False):
    """An RFC 2822 date of a datetime ('-0000' zone if it is naive)."""
    now = dt.timetuple()
    if usegmt:
        if dt.tzinfo is None or dt.tzinfo != datetime.timezone.utc:
            raise ValueError("usegmt option requires a UTC datetime")
        zone = 'GMT'
    elif dt.tzinfo is None:
        zone = '-0000'
    else:
        zone = dt.strftime("%z")
    return _format_timetuple_and_zone(now, zone)


def make_msgid(idstring=None, domain=None):
    """A unique Message-ID: '<time.pid.random[.idstring]@domain>'."""
    timeval = int(time.time() * 100)
    pid = os.getpid()
    randint = random.getrandbits(64)
    if idstring is None:
        idstring = ''
    else:
        idstring = '.' + idstring
    if domain is None:
        import socket
        domain = socket.getfqdn()
    return '<%d.%d.%d%s@%s>' % (timeval, pid, randint, idstring, domain)


def parsedate_to_datetime(data):
    """A datetime from an RFC 2822 date (naive for a '-0000' zone)."""
    parsed = _parsedate_tz(data)
    if parsed is None:
        raise ValueError('Invalid date value or format "%s"' % str(data))
    dtuple = parsed[:9]
    tz = parsed[9]
    if tz is None:
        return datetime.datetime(*dtuple[:6])
    return datetime.datetime(
        *dtuple[:6],
        tzinfo=datetime.timezone(datetime.timedelta(seconds=tz)))


def unquote(str):
    """Remove the quotes (or angle brackets) around a string."""
    if len(str) > 1:
        if str.startswith('"') and str.endswith('"'):
            return str[1:-1].replace('\\\\', '\\').replace('\\"', '"')
        if str.startswith('<') and str.endswith('>'):
            return str[1:-1]
    return str


def decode_rfc2231(s):
    """Split an RFC 2231 value into (charset, language, text)."""
    parts = s.split(TICK, 2)
    if len(parts) <= 2:
        return None, None, s
    return parts


def encode_rfc2231(s, charset=None, language=None):
    """The RFC 2231 form of s: charset'language'percent-encoded."""
    s = urllib.parse.quote(s, safe='', encoding=charset or 'ascii')
    if charset is None and language is None:
        return s
    if language is None:
        language = ''
    return "%s'%s'%s" % (charset, language, s)


rfc2231_continuation = re.compile(r'^(?P<name>\w+)\*((?P<num>[0-9]+)\*?)?$',
                                  re.ASCII)


def decode_params(params):
    """Join RFC 2231 continuations of a list of (name, value) parameters."""
    new_params = [params[0]]
    pieces_of = {}
    order = []
    for name, value in params[1:]:
        encoded = name.endswith('*')
        value = unquote(value)
        mo = rfc2231_continuation.match(name)
        if mo:
            name, num = mo.group('name', 'num')
            if num is not None:
                num = int(num)
            if name not in pieces_of:
                pieces_of[name] = []
                order.append(name)
            pieces_of[name].append((num, value, encoded))
        else:
            new_params.append((name, '"%s"' % quote(value)))
    for name in order:
        continuations = pieces_of[name]
        continuations.sort(key=lambda c: (c[0] is not None, c[0] or 0))
        value = []
        extended = False
        for num, s, encoded in continuations:
            if encoded:
                s = urllib.parse.unquote(s, encoding="latin-1")
                extended = True
            value.append(s)
        value = quote(EMPTYSTRING.join(value))
        if extended:
            charset, language, value = decode_rfc2231(value)
            new_params.append((name, (charset, language, '"%s"' % value)))
        else:
            new_params.append((name, '"%s"' % value))
    return new_params


def collapse_rfc2231_value(value, errors='replace',
                           fallback_charset='us-ascii'):
    """A str from a parameter value that may be an RFC 2231 triple."""
    if not isinstance(value, tuple) or len(value) != 3:
        return unquote(value)
    charset, language, text = value
    if charset is None:
        charset = fallback_charset
    rawbytes = bytes(text, 'raw-unicode-escape')
    try:
        return str(rawbytes, charset, errors)
    except LookupError:
        return unquote(text)


def localtime(dt=None, isdst=-1):
    """dt (now if None) as an aware datetime in the local time zone."""
    if dt is None:
        return datetime.datetime.now(datetime.timezone.utc).astimezone()
    if dt.tzinfo is not None:
        return dt.astimezone()
    tm = dt.timetuple()[:-1] + (isdst,)
    seconds = time.mktime(tm)
    localtm = time.localtime(seconds)
    try:
        delta = datetime.timedelta(seconds=localtm.tm_gmtoff)
        tz = datetime.timezone(delta, localtm.tm_zone)
    except AttributeError:
        delta = dt - datetime.datetime(*time.gmtime(seconds)[:6])
        dst = time.daylight and localtm.tm_isdst > 0
        gmtoff = -(time.altzone if dst else time.timezone)
        if delta == datetime.timedelta(seconds=gmtoff):
            tz = datetime.timezone(delta, time.tzname[dst])
        else:
            tz = datetime.timezone(delta)
    return dt.replace(tzinfo=tz)
