"""Header objects of the modern API (a reduced implementation).

Headers are str subclasses carrying the decoded value, with parsed
attributes (addresses, datetime, params...) and a fold() method.
"""

import re
import sys

from email import utils
from email import errors
from email import _escapes
import email.quoprimime
import email.base64mime

_SPECIALS = set('()<>@,:;.\"[]')
_DOT_ATOM_ENDS = set('()<>@,:;\"[]') | set(' \t')


def _quote_string(value):
    return '"' + str(value).replace('\\', '\\\\').replace('"', r'\"') + '"'


class Address:
    """An email address: display name, user name and domain."""

    def __init__(self, display_name='', username='', domain='', addr_spec=None):
        inputs = ''.join(filter(None, (display_name, username, domain, addr_spec)))
        if '\r' in inputs or '\n' in inputs:
            raise ValueError("invalid arguments; address parts cannot contain CR or LF")
        if addr_spec is not None:
            if username or domain:
                raise TypeError("addrspec specified when username and/or "
                                "domain also specified")
            name, spec = utils.parseaddr(addr_spec)
            if not spec or spec != addr_spec.strip():
                raise errors.HeaderParseError(
                    "Invalid addr_spec; only '{}' could be parsed from "
                    "'{}'".format(spec, addr_spec))
            username, sep, domain = spec.rpartition('@')
            if not sep:
                username, domain = domain, ''
        self._display_name = display_name
        self._username = username
        self._domain = domain

    @property
    def display_name(self):
        return self._display_name

    @property
    def username(self):
        return self._username

    @property
    def domain(self):
        return self._domain

    @property
    def addr_spec(self):
        """username@domain, the user name quoted if it must be."""
        lp = self.username
        if not _DOT_ATOM_ENDS.isdisjoint(lp):
            lp = _quote_string(lp)
        if self.domain:
            return lp + '@' + self.domain
        if not lp:
            return '<>'
        return lp

    def __repr__(self):
        return "{}(display_name={!r}, username={!r}, domain={!r})".format(
            self.__class__.__name__,
            self.display_name, self.username, self.domain)

    def __str__(self):
        disp = self.display_name
        if not _SPECIALS.isdisjoint(disp):
            disp = _quote_string(disp)
        if disp:
            addr_spec = '' if self.addr_spec == '<>' else self.addr_spec
            return "{} <{}>".format(disp, addr_spec)
        return self.addr_spec

    def __eq__(self, other):
        if not isinstance(other, Address):
            return NotImplemented
        return (self.display_name == other.display_name and
                self.username == other.username and
                self.domain == other.domain)

    def __hash__(self):
        return hash((self.display_name, self.username, self.domain))


class Group:
    """A named group of addresses."""

    def __init__(self, display_name=None, addresses=None):
        self._display_name = display_name
        self._addresses = tuple(addresses) if addresses else tuple()

    @property
    def display_name(self):
        return self._display_name

    @property
    def addresses(self):
        return self._addresses

    def __repr__(self):
        return "{}(display_name={!r}, addresses={!r}".format(
            self.__class__.__name__,
            self.display_name, self.addresses)

    def __str__(self):
        if self.display_name is None and len(self.addresses) == 1:
            return str(self.addresses[0])
        disp = self.display_name
        if disp is not None and not _SPECIALS.isdisjoint(disp):
            disp = _quote_string(disp)
        adrstr = ", ".join(str(x) for x in self.addresses)
        adrstr = ' ' + adrstr if adrstr else adrstr
        return "{}:{};".format(disp, adrstr)

    def __eq__(self, other):
        if not isinstance(other, Group):
            return NotImplemented
        return (self.display_name == other.display_name and
                self.addresses == other.addresses)


# Folding ------------------------------------------------------------------

_CHROME = len('=?utf-8?q??=')


def _ew(text):
    # One utf-8 encoded word, 'q' unless 'b' is clearly shorter.
    raw = text.encode('utf-8')
    qlen = email.quoprimime.header_length(raw)
    blen = (len(raw) + 2) // 3 * 4
    if qlen - blen < 5:
        return email.quoprimime.header_encode(raw, 'utf-8')
    return email.base64mime.header_encode(raw, 'utf-8')


def _is_ascii(s):
    try:
        s.encode('ascii')
    except UnicodeError:
        return False
    return True


def _encode_words(value):
    # [(leading white space, token, needs_encoding)], the run from the
    # first to the last non-ASCII word made one token to encode.
    pieces = re.findall(r'([ \t]*)([^ \t]+|$)', value)
    words = [(ws, w) for ws, w in pieces if w or ws]
    if words and not words[-1][1]:
        trailing = words.pop()[0]
    else:
        trailing = ''
    idx = [i for i, (ws, w) in enumerate(words) if not _is_ascii(w)]
    if not idx:
        return [(ws, w, False) for ws, w in words]
    first, last = idx[0], idx[-1]
    out = [(ws, w, False) for ws, w in words[:first]]
    run = words[first][1]
    for ws, w in words[first + 1:last + 1]:
        run += ws + w
    out.append((words[first][0], run, True))
    out.extend((ws, w, False) for ws, w in words[last + 1:])
    return out


def _layout(name, tokens, policy, splitafter=None):
    # Lay tokens out in lines of at most max_line_length.
    maxlen = policy.max_line_length or sys.maxsize
    lines = [name + ':']
    for ws, tok, encode in tokens:
        if encode and not policy.utf8:
            if not ws and lines[-1] != name + ':':
                ws = ' '
            lines[-1] += ws if ws else ' '
            rest = tok
            while rest:
                room = maxlen - len(lines[-1])
                space = room - _CHROME
                if space <= 0:
                    lines.append(' ')
                    continue
                piece = rest[:space]
                word = _ew(piece)
                while len(word) > room and len(piece) > 1:
                    piece = piece[:-1]
                    word = _ew(piece)
                lines[-1] += word
                rest = rest[len(piece):]
                if rest:
                    lines.append(' ')
            continue
        if not ws:
            ws = ' ' if lines[-1] == name + ':' else ''
        if (len(lines[-1]) + len(ws) + len(tok) > maxlen and
                lines[-1].strip() and lines[-1] != name + ':'):
            lines.append(' ' + tok)
        else:
            lines[-1] += ws + tok
    return policy.linesep.join(lines) + policy.linesep


class BaseHeader(str):
    """A header: its decoded value as a str, with name and defects."""

    max_count = None

    def __new__(cls, name, value):
        kwds = {'defects': []}
        cls.parse(value, kwds)
        if utils._has_surrogates(kwds['decoded']):
            kwds['decoded'] = utils._sanitize(kwds['decoded'])
        self = str.__new__(cls, kwds['decoded'])
        del kwds['decoded']
        self.init(name, **kwds)
        return self

    def init(self, name, *, parse_tree=None, defects):
        self._name = name
        self._parse_tree = parse_tree
        self._defects = defects

    @property
    def name(self):
        return self._name

    @property
    def defects(self):
        return tuple(self._defects)

    def __reduce__(self):
        return (_reconstruct_header,
                (self.__class__.__name__, self.__class__.__bases__, str(self)),
                self.__dict__)

    @classmethod
    def _reconstruct(cls, value):
        return str.__new__(cls, value)

    @classmethod
    def parse(cls, value, kwds):
        kwds['decoded'] = str(value)

    def fold(self, *, policy):
        """The header as name: value lines, encoded for transport."""
        return _layout(self.name, _encode_words(str(self)), policy)


def _reconstruct_header(cls_name, bases, value):
    return type(cls_name, bases, {})._reconstruct(value)


def _decode_ew_text(value):
    from email.header import decode_header
    try:
        parts = decode_header(value)
    except errors.HeaderParseError:
        return value
    out = []
    for text, charset in parts:
        if isinstance(text, str):
            out.append(text)
        else:
            try:
                out.append(text.decode(charset or 'ascii', 'replace'))
            except LookupError:
                out.append(text.decode('ascii', 'replace'))
    return ''.join(out)


class UnstructuredHeader(BaseHeader):
    """Free text (encoded words decoded)."""

    @classmethod
    def parse(cls, value, kwds):
        kwds['decoded'] = _decode_ew_text(str(value))


class UniqueUnstructuredHeader(UnstructuredHeader):
    max_count = 1


class DateHeader(BaseHeader):
    """A date; .datetime is the parsed value (None if unparsable)."""

    @classmethod
    def parse(cls, value, kwds):
        if not value:
            kwds['defects'].append(errors.HeaderMissingRequiredValue())
            kwds['datetime'] = None
            kwds['decoded'] = ''
            return
        if isinstance(value, str):
            kwds['decoded'] = value
            try:
                value = utils.parsedate_to_datetime(value)
            except ValueError:
                kwds['defects'].append(errors.InvalidDateDefect('Invalid date value or format'))
                kwds['datetime'] = None
                return
        kwds['datetime'] = value
        kwds['decoded'] = utils.format_datetime(kwds['datetime'])

    def init(self, *args, **kw):
        self._datetime = kw.pop('datetime')
        super().init(*args, **kw)

    @property
    def datetime(self):
        return self._datetime


class UniqueDateHeader(DateHeader):
    max_count = 1


def _split_groups(value):
    # [(group name or None, text of the addresses)]
    out = []
    i = 0
    n = len(value)
    start = 0
    group = None
    angle = 0
    while i < n:
        ch = value[i]
        if ch == '"':
            i += 1
            while i < n and value[i] != '"':
                if value[i] == '\\':
                    i += 1
                i += 1
        elif ch == '(':
            depth = 1
            i += 1
            while i < n and depth:
                if value[i] == '\\':
                    i += 1
                elif value[i] == '(':
                    depth += 1
                elif value[i] == ')':
                    depth -= 1
                i += 1
            continue
        elif ch == '<':
            angle += 1
        elif ch == '>':
            angle = max(0, angle - 1)
        elif angle == 0 and ch == ':' and group is None:
            group = utils.unquote(value[start:i].strip())
            start = i + 1
        elif angle == 0 and ch == ';' and group is not None:
            out.append((group, value[start:i]))
            group = None
            start = i + 1
            j = start
            while j < n and value[j] in ' \t':
                j += 1
            if j < n and value[j] == ',':
                start = j + 1
                i = j
        elif angle == 0 and ch == ',' and group is None:
            if value[start:i].strip():
                out.append((None, value[start:i]))
            start = i + 1
        i += 1
    if group is not None:
        out.append((group, value[start:]))
    elif value[start:].strip():
        out.append((None, value[start:]))
    return out


class AddressHeader(BaseHeader):
    """Addresses; .addresses and .groups give them parsed."""

    @classmethod
    def parse(cls, value, kwds):
        if isinstance(value, str):
            groups = []
            for gname, text in _split_groups(value):
                addrs = []
                pairs = []
                for _, seg in _split_groups(text):
                    for name, spec in utils.getaddresses([seg]):
                        if '<' not in seg:
                            name = ''
                        pairs.append((name, spec))
                for name, spec in pairs:
                    if not name and not spec:
                        continue
                    name = _decode_ew_text(name)
                    username, sep, domain = spec.rpartition('@')
                    if not sep:
                        username, domain = domain, ''
                    addrs.append(Address(name, username, domain))
                if gname is None:
                    groups.extend(Group(None, [a]) for a in addrs)
                else:
                    groups.append(Group(gname, addrs))
        else:
            if not hasattr(value, '__iter__'):
                value = [value]
            groups = [Group(None, [item]) if not hasattr(item, 'addresses')
                      else item for item in value]
        kwds['groups'] = groups
        kwds['decoded'] = ', '.join([str(item) for item in groups])

    def init(self, *args, **kw):
        self._groups = tuple(kw.pop('groups'))
        self._addresses = None
        super().init(*args, **kw)

    @property
    def groups(self):
        return self._groups

    @property
    def addresses(self):
        if self._addresses is None:
            self._addresses = tuple(address for group in self._groups
                                    for address in group.addresses)
        return self._addresses

    def fold(self, *, policy):
        tokens = []
        ngroups = len(self._groups)
        for gi, group in enumerate(self._groups):
            gsep = ',' if gi < ngroups - 1 else ''
            ws = ' ' if gi else ''
            addrs = list(group.addresses)
            named = not (group.display_name is None and len(addrs) == 1)
            if named:
                disp = group.display_name
                if disp is not None and not _SPECIALS.isdisjoint(disp):
                    disp = _quote_string(disp)
                if not addrs:
                    tokens.append((ws, '{}:;'.format(disp) + gsep, False))
                    continue
                tokens.append((ws, '{}:'.format(disp), False))
                ws = ' '
            for i, addr in enumerate(addrs):
                if i < len(addrs) - 1:
                    end = ','
                else:
                    end = (';' if named else '') + gsep
                if i:
                    ws = ' '
                disp = addr.display_name
                if disp and not _is_ascii(disp) and not policy.utf8:
                    words = _encode_words(disp)
                    for j, (wws, word, enc) in enumerate(words):
                        tokens.append((ws if j == 0 else wws, word, enc))
                    tokens.append((' ', '<' + addr.addr_spec + '>' + end, False))
                else:
                    tokens.append((ws, str(addr) + end, False))
        return _layout(self.name, tokens, policy)


class UniqueAddressHeader(AddressHeader):
    max_count = 1


class SingleAddressHeader(AddressHeader):

    @property
    def address(self):
        if len(self.addresses) != 1:
            raise ValueError(("value of single address header {} is not "
                              "a single address").format(self.name))
        return self.addresses[0]


class UniqueSingleAddressHeader(SingleAddressHeader):
    max_count = 1


class MIMEVersionHeader(BaseHeader):
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        value = str(value)
        kwds['decoded'] = value
        mo = re.match(r'\s*(\d+)\s*\.\s*(\d+)', value)
        if mo:
            kwds['major'] = int(mo.group(1))
            kwds['minor'] = int(mo.group(2))
            kwds['version'] = '{}.{}'.format(kwds['major'], kwds['minor'])
        else:
            kwds['major'] = kwds['minor'] = kwds['version'] = None

    def init(self, *args, **kw):
        self._version = kw.pop('version')
        self._major = kw.pop('major')
        self._minor = kw.pop('minor')
        super().init(*args, **kw)

    @property
    def major(self):
        return self._major

    @property
    def minor(self):
        return self._minor

    @property
    def version(self):
        return self._version


class ParameterizedMIMEHeader(BaseHeader):
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        from email.message import _parseparam
        value = str(value)
        kwds['decoded'] = value
        plist = _parseparam(value)
        head = plist[0] if plist else ''
        params = []
        for p in plist[1:]:
            name, sep, val = p.partition('=')
            params.append((name.strip(), val.strip()))
        params = utils.decode_params([(head, '')] + params)[1:]
        result = {}
        for name, val in params:
            result[name.lower()] = utils.collapse_rfc2231_value(val)
        kwds['params'] = result
        kwds['head'] = head

    def init(self, *args, **kw):
        self._params = kw.pop('params')
        self._head = kw.pop('head')
        super().init(*args, **kw)

    @property
    def params(self):
        return dict(self._params)


class ContentTypeHeader(ParameterizedMIMEHeader):

    def init(self, *args, **kw):
        super().init(*args, **kw)
        ctype = self._head.strip().lower()
        if ctype.count('/') == 1:
            self._maintype, self._subtype = [
                x.strip() for x in ctype.split('/')]
        else:
            self._maintype, self._subtype = 'text', 'plain'

    @property
    def maintype(self):
        return self._maintype

    @property
    def subtype(self):
        return self._subtype

    @property
    def content_type(self):
        return self.maintype + '/' + self.subtype


class ContentDispositionHeader(ParameterizedMIMEHeader):

    def init(self, *args, **kw):
        super().init(*args, **kw)
        cd = self._head.strip().lower()
        self._content_disposition = cd or None

    @property
    def content_disposition(self):
        return self._content_disposition


class ContentTransferEncodingHeader(BaseHeader):
    max_count = 1

    @classmethod
    def parse(cls, value, kwds):
        kwds['decoded'] = str(value)

    def init(self, *args, **kw):
        super().init(*args, **kw)
        self._cte = str(self).strip().lower()

    @property
    def cte(self):
        return self._cte


class MessageIDHeader(BaseHeader):
    max_count = 1


_default_header_map = {
    'subject': UniqueUnstructuredHeader,
    'date': UniqueDateHeader,
    'resent-date': DateHeader,
    'orig-date': UniqueDateHeader,
    'sender': UniqueSingleAddressHeader,
    'resent-sender': SingleAddressHeader,
    'to': UniqueAddressHeader,
    'resent-to': AddressHeader,
    'cc': UniqueAddressHeader,
    'resent-cc': AddressHeader,
    'bcc': UniqueAddressHeader,
    'resent-bcc': AddressHeader,
    'from': UniqueAddressHeader,
    'resent-from': AddressHeader,
    'reply-to': UniqueAddressHeader,
    'mime-version': MIMEVersionHeader,
    'content-type': ContentTypeHeader,
    'content-disposition': ContentDispositionHeader,
    'content-transfer-encoding': ContentTransferEncodingHeader,
    'message-id': MessageIDHeader,
}


class HeaderRegistry:
    """Maps header names to header classes; calling it makes a header."""

    def __init__(self, base_class=BaseHeader, default_class=UnstructuredHeader,
                 use_default_map=True):
        self.registry = {}
        self.base_class = base_class
        self.default_class = default_class
        if use_default_map:
            self.registry.update(_default_header_map)

    def map_to_type(self, name, cls):
        """Use cls for headers called name."""
        self.registry[name.lower()] = cls

    def __getitem__(self, name):
        return self.registry.get(name.lower(), self.default_class)

    def __call__(self, name, value):
        """A header object for name and value."""
        return self[name](name, value)
