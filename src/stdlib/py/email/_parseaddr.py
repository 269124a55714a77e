"""Parsing of RFC 2822 addresses and dates (the classic, lenient parser)."""

__all__ = [
    'mktime_tz', 'parsedate', 'parsedate_tz', 'quote',
]

import time
import calendar

SPACE = ' '
EMPTYSTRING = ''
COMMASPACE = ', '

_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun',
           'jul', 'aug', 'sep', 'oct', 'nov', 'dec',
           'january', 'february', 'march', 'april', 'may', 'june', 'july',
           'august', 'september', 'october', 'november', 'december']

_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']

# Offsets (in hours and minutes, as HHMM) of the zone names RFC 822 knows.
_TIMEZONES = {'UT': 0, 'UTC': 0, 'GMT': 0, 'Z': 0,
              'AST': -400, 'ADT': -300,
              'EST': -500, 'EDT': -400,
              'CST': -600, 'CDT': -500,
              'MST': -700, 'MDT': -600,
              'PST': -800, 'PDT': -700}


def parsedate_tz(data):
    """A 10-tuple (the 9 of time.struct_time and the UTC offset) or None."""
    res = _parsedate_tz(data)
    if not res:
        return
    if res[9] is None:
        res[9] = 0
    return tuple(res)


def _parsedate_tz(data):
    if not data:
        return None
    words = data.split()
    if not words:
        return None
    # a leading day name (with or without its comma) is dropped
    if words[0].endswith(',') or words[0].lower() in _DAYS:
        del words[0]
    else:
        i = words[0].rfind(',')
        if i >= 0:
            words[0] = words[0][i + 1:]
    if len(words) == 3:
        # RFC 850: dd-mon-yy
        stuff = words[0].split('-')
        if len(stuff) == 3:
            words = stuff + words[1:]
    if len(words) == 4:
        s = words[3]
        i = s.find('+')
        if i == -1:
            i = s.find('-')
        if i > 0:
            words[3:] = [s[:i], s[i:]]
        else:
            words.append('')
    if len(words) < 5:
        return None
    words = words[:5]
    dd, mm, yy, tm, tz = words
    if not (dd and mm and yy):
        return None
    mm = mm.lower()
    if mm not in _MONTHS:
        dd, mm = mm, dd.lower()
        if mm not in _MONTHS:
            return None
    mm = _MONTHS.index(mm) + 1
    if mm > 12:
        mm -= 12
    if dd[-1] == ',':
        dd = dd[:-1]
    i = yy.find(':')
    if i > 0:
        yy, tm = tm, yy
    if yy[-1] == ',':
        yy = yy[:-1]
        if not yy:
            return None
    if not yy[0].isdigit():
        yy, tz = tz, yy
    if tm[-1] == ',':
        tm = tm[:-1]
    tm = tm.split(':')
    if len(tm) == 2:
        thh, tmm = tm
        tss = '0'
    elif len(tm) == 3:
        thh, tmm, tss = tm
    elif len(tm) == 1 and '.' in tm[0]:
        tm = tm[0].split('.')
        if len(tm) == 2:
            thh, tmm = tm
            tss = 0
        elif len(tm) == 3:
            thh, tmm, tss = tm
        else:
            return None
    else:
        return None
    try:
        yy = int(yy)
        dd = int(dd)
        thh = int(thh)
        tmm = int(tmm)
        tss = int(tss)
    except ValueError:
        return None
    # two-digit years: 00-68 are 2000s, 69-99 are 1900s
    if yy < 100:
        if yy > 68:
            yy += 1900
        else:
            yy += 2000
    tzoffset = None
    tz = tz.upper()
    if tz in _TIMEZONES:
        tzoffset = _TIMEZONES[tz]
    else:
        try:
            tzoffset = int(tz)
        except ValueError:
            pass
        if tzoffset == 0 and tz.startswith('-'):
            tzoffset = None
    if tzoffset:
        if tzoffset < 0:
            sign = -1
            tzoffset = -tzoffset
        else:
            sign = 1
        tzoffset = sign * ((tzoffset // 100) * 3600 + (tzoffset % 100) * 60)
    return [yy, mm, dd, thh, tmm, tss, 0, 1, -1, tzoffset]


def parsedate(data):
    """Like parsedate_tz(), without the offset."""
    t = parsedate_tz(data)
    if isinstance(t, tuple):
        return t[:9]
    else:
        return t


def mktime_tz(data):
    """Seconds since the epoch of a parsedate_tz() 10-tuple."""
    if data[9] is None:
        return time.mktime(data[:8] + (-1,))
    else:
        t = calendar.timegm(data)
        return t - data[9]


def quote(str):
    """Escape backslashes and double quotes for a quoted string."""
    return str.replace('\\', '\\\\').replace('"', '\\"')


class AddrlistClass:
    """A lenient parser of RFC 2822 address lists.

    getaddrlist() gives a list of (display name, address) pairs.
    """

    def __init__(self, field):
        self.specials = '()<>@,:;.\"[]'
        self.pos = 0
        self.LWS = ' \t'
        self.CR = '\r\n'
        self.FWS = self.LWS + self.CR
        self.atomends = self.specials + self.LWS + self.CR
        self.phraseends = self.atomends.replace('.', '')
        self.field = field
        self.commentlist = []

    def _peek(self):
        if self.pos < len(self.field):
            return self.field[self.pos]
        return ''

    def gotonext(self):
        """Skip white space and comments; the skipped blanks are returned."""
        blanks = []
        while self.pos < len(self.field):
            ch = self.field[self.pos]
            if ch in ' \t\r\n':
                if ch in ' \t':
                    blanks.append(ch)
                self.pos += 1
            elif ch == '(':
                self.commentlist.append(self.getcomment())
            else:
                break
        return ''.join(blanks)

    def getaddrlist(self):
        """All the addresses of the field."""
        found = []
        while self.pos < len(self.field):
            one = self.getaddress()
            if one:
                found.extend(one)
            else:
                found.append(('', ''))
        return found

    def getaddress(self):
        """The next address (a list: a group gives several)."""
        self.commentlist = []
        self.gotonext()
        start = self.pos
        comments_before = self.commentlist
        phrase = self.getphraselist()
        self.gotonext()
        got = []
        ch = self._peek()
        if not ch:
            if phrase:
                got = [(SPACE.join(self.commentlist), phrase[0])]
        elif ch in '.@':
            # a bare addr-spec: read it again as one
            self.pos = start
            self.commentlist = comments_before
            spec = self.getaddrspec()
            got = [(SPACE.join(self.commentlist), spec)]
        elif ch == ':':
            self.pos += 1
            while self.pos < len(self.field):
                self.gotonext()
                if self._peek() == ';':
                    self.pos += 1
                    break
                got = got + self.getaddress()
        elif ch == '<':
            route = self.getrouteaddr()
            name = SPACE.join(phrase)
            if self.commentlist:
                name = name + ' (' + ' '.join(self.commentlist) + ')'
            got = [(name, route)]
        else:
            if phrase:
                got = [(SPACE.join(self.commentlist), phrase[0])]
            elif ch in self.specials:
                self.pos += 1
        self.gotonext()
        if self._peek() == ',':
            self.pos += 1
        return got

    def getrouteaddr(self):
        """An address in angle brackets (a source route is skipped)."""
        if self._peek() != '<':
            return
        in_route = False
        self.pos += 1
        self.gotonext()
        spec = ''
        while self.pos < len(self.field):
            ch = self.field[self.pos]
            if in_route:
                self.getdomain()
                in_route = False
            elif ch == '>':
                self.pos += 1
                break
            elif ch == '@':
                self.pos += 1
                in_route = True
            elif ch == ':':
                self.pos += 1
            else:
                spec = self.getaddrspec()
                self.pos += 1
                break
            self.gotonext()
        return spec

    def getaddrspec(self):
        """local-part@domain."""
        pieces = []
        self.gotonext()
        while self.pos < len(self.field):
            keep_blanks = True
            ch = self.field[self.pos]
            if ch == '.':
                if pieces and not pieces[-1].strip():
                    pieces.pop()
                pieces.append('.')
                self.pos += 1
                keep_blanks = False
            elif ch == '"':
                pieces.append('"%s"' % quote(self.getquote()))
            elif ch in self.atomends:
                if pieces and not pieces[-1].strip():
                    pieces.pop()
                break
            else:
                pieces.append(self.getatom())
            blanks = self.gotonext()
            if keep_blanks and blanks:
                pieces.append(blanks)
        if self._peek() != '@':
            return ''.join(pieces)
        pieces.append('@')
        self.pos += 1
        self.gotonext()
        domain = self.getdomain()
        if not domain:
            return ''
        return ''.join(pieces) + domain

    def getdomain(self):
        """A domain (dotted atoms and literals)."""
        parts = []
        while self.pos < len(self.field):
            ch = self.field[self.pos]
            if ch in self.LWS:
                self.pos += 1
            elif ch == '(':
                self.commentlist.append(self.getcomment())
            elif ch == '[':
                parts.append(self.getdomainliteral())
            elif ch == '.':
                self.pos += 1
                parts.append('.')
            elif ch == '@':
                return ''
            elif ch in self.atomends:
                break
            else:
                parts.append(self.getatom())
        return ''.join(parts)

    def getdelimited(self, beginchar, endchars, allowcomments=True):
        """Text from beginchar to one of endchars, backslashes undone."""
        if self._peek() != beginchar:
            return ''
        out = ['']
        escaped = False
        self.pos += 1
        while self.pos < len(self.field):
            ch = self.field[self.pos]
            if escaped:
                out.append(ch)
                escaped = False
            elif ch in endchars:
                self.pos += 1
                break
            elif allowcomments and ch == '(':
                out.append(self.getcomment())
                continue
            elif ch == '\\':
                escaped = True
            else:
                out.append(ch)
            self.pos += 1
        return ''.join(out)

    def getquote(self):
        """A quoted string, without its quotes."""
        return self.getdelimited('"', '"\r', False)

    def getcomment(self):
        """A parenthesized comment, without its parentheses."""
        return self.getdelimited('(', ')\r', True)

    def getdomainliteral(self):
        """A [domain literal]."""
        return '[%s]' % self.getdelimited('[', ']\r', False)

    def getatom(self, atomends=None):
        """An atom: characters up to one of atomends."""
        if atomends is None:
            atomends = self.atomends
        start = self.pos
        while self.pos < len(self.field) and self.field[self.pos] not in atomends:
            self.pos += 1
        return self.field[start:self.pos]

    def getphraselist(self):
        """The words (atoms and quoted strings) of a phrase."""
        words = []
        while self.pos < len(self.field):
            ch = self.field[self.pos]
            if ch in self.FWS:
                self.pos += 1
            elif ch == '"':
                words.append(self.getquote())
            elif ch == '(':
                self.commentlist.append(self.getcomment())
            elif ch in self.phraseends:
                break
            else:
                words.append(self.getatom(self.phraseends))
        return words


class AddressList(AddrlistClass):
    """An address list with set operations."""

    def __init__(self, field):
        AddrlistClass.__init__(self, field)
        if field:
            self.addresslist = self.getaddrlist()
        else:
            self.addresslist = []

    def __len__(self):
        return len(self.addresslist)

    def __add__(self, other):
        new = AddressList(None)
        new.addresslist = self.addresslist[:]
        for x in other.addresslist:
            if x not in self.addresslist:
                new.addresslist.append(x)
        return new

    def __iadd__(self, other):
        for x in other.addresslist:
            if x not in self.addresslist:
                self.addresslist.append(x)
        return self

    def __sub__(self, other):
        new = AddressList(None)
        for x in self.addresslist:
            if x not in other.addresslist:
                new.addresslist.append(x)
        return new

    def __isub__(self, other):
        for x in other.addresslist:
            if x in self.addresslist:
                self.addresslist.remove(x)
        return self

    def __getitem__(self, index):
        return self.addresslist[index]
