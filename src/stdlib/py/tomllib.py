"""Reading TOML 1.0 documents, as CPython 3.11's `tomllib`.

`loads(s)` parses a str and `load(fp)` a binary file into nested dicts and
lists of str, int, float, bool and the `datetime` module's datetime, date
and time objects (offsets as `datetime.timezone`).  A malformed document
raises `TOMLDecodeError` with CPython's message and position.

How it differs inside: a hand-written scanner over the text, with regular
expressions for the long runs (strings, comments, keys, numbers), and the
rules about which tables may be defined again are kept per table object
(sets of ids) rather than per key path.  A document with non-ASCII text is
scanned in a copy where each non-ASCII character is replaced by one ASCII
stand-in (such characters are only allowed in strings and comments, and
elsewhere every one of them is an error with the same message), the
originals being put back into the strings taken out of it: indexing and
slicing an ASCII str is much cheaper than doing so in a str of any
characters.
"""

import datetime as _datetime
import re as _re

__all__ = ("loads", "load", "TOMLDecodeError")


class TOMLDecodeError(ValueError):
    """The document is not valid TOML; the message says where."""


def load(fp, /, *, parse_float=float):
    """Read a TOML document from a file opened in binary mode."""
    data = fp.read()
    try:
        text = data.decode()
    except AttributeError:
        raise TypeError(
            "File must be opened in binary mode, "
            "e.g. use `open('foo.toml', 'rb')`"
        ) from None
    return loads(text, parse_float=parse_float)


def loads(s, /, *, parse_float=float):
    """Parse a TOML document given as a str; return it as a dict."""
    # TOML lets a CRLF line ending count as LF everywhere, strings included.
    src = s.replace("\r\n", "\n")
    return _Parser(src, _checked_parse_float(parse_float)).document()


def _checked_parse_float(parse_float):
    # A float parser must not smuggle in containers: the rules about
    # redefining tables and arrays would see them as inline values.
    if parse_float is float:
        return float

    def checked(text):
        value = parse_float(text)
        if isinstance(value, (dict, list)):
            raise ValueError("parse_float must not return dicts or lists")
        return value

    return checked


# -- lexical pieces ---------------------------------------------------------

_BARE_KEY_CHARS = frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
)
_KEY_START_CHARS = _BARE_KEY_CHARS | frozenset("\"'")
_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")
_DIGITS = frozenset("0123456789")
# What may follow the digits of a number that is not a plain decimal int.
_NOT_PLAIN_INT_END = frozenset("_.eE:-xob")

_BARE_KEY = _re.compile(r"[A-Za-z0-9_-]+")
# The usual statement start, `key = `, in one match.
_SIMPLE_KEY_EQ = _re.compile(r"([A-Za-z0-9_-]+)[ \t]*=[ \t]*")

# Control characters but tab are not allowed in strings or comments;
# multi-line strings also allow the newline.
_CTRL = r"\x00-\x08\x0a-\x1f\x7f"
_CTRL_BUT_NL = r"\x00-\x08\x0b-\x1f\x7f"
_COMMENT_BODY = _re.compile("[^" + _CTRL + "]*")
_BASIC_RUN = _re.compile('[^"\\\\' + _CTRL + "]*")
_ML_BASIC_RUN = _re.compile('[^"\\\\' + _CTRL_BUT_NL + "]*")
_LITERAL_RUN = _re.compile("[^'" + _CTRL + "]*")
_ML_LITERAL_RUN = _re.compile("[^'" + _CTRL_BUT_NL + "]*")
_SPACE_OR_NL = frozenset(" \t\n")
_ESCAPED_NL_SPACE = _re.compile(r"[ \t\n]*")

_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    '"': '"',
    "\\": "\\",
}

# Dates and times first (a date also starts with digits), then numbers and
# the special floats; the first alternative that matches is the one taken,
# and value() tells which it was from the text.
_TIME = r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?"
_SCALAR = _re.compile(
    # date, with maybe a time and maybe an offset
    r"[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
    r"(?:[Tt ]" + _TIME + r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?"
    # local time
    r"|" + _TIME +
    # hexadecimal, binary, octal
    r"|0(?:x[0-9A-Fa-f](?:_?[0-9A-Fa-f])*|b[01](?:_?[01])*|o[0-7](?:_?[0-7])*)"
    # decimal, maybe with a fraction and an exponent
    r"|[+-]?(?:0|[1-9](?:_?[0-9])*)"
    r"(?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?"
    # special floats
    r"|[+-]?(?:inf|nan)"
)

# Stand-in for non-ASCII characters in the scanned copy (see the docstring).
_STAND_IN = "`"
_NON_ASCII_RUN = _re.compile(r"([^\x00-\x7f]+)")

# Marks a key not in a table (a parse_float may give None as a value).
_MISSING = object()

_timezones = {}


def _timezone(text):
    # "+hh:mm" or "-hh:mm"; an offset of zero gives timezone.utc.
    tz = _timezones.get(text)
    if tz is None:
        minutes = int(text[1:3]) * 60 + int(text[4:6])
        if text[0] == "-":
            minutes = -minutes
        tz = _datetime.timezone(_datetime.timedelta(minutes=minutes))
        _timezones[text] = tz
    return tz


def _split_time(text):
    # "hh:mm:ss" with an optional fraction, of which only microseconds are
    # kept (truncated, not rounded).
    micro = 0
    if len(text) > 8:
        micro = int(text[9:15].ljust(6, "0"))
    return int(text[0:2]), int(text[3:5]), int(text[6:8]), micro


def _error(src, pos, msg):
    if pos >= len(src):
        where = "end of document"
    else:
        line = src.count("\n", 0, pos) + 1
        if line == 1:
            column = pos + 1
        else:
            column = pos - src.rindex("\n", 0, pos)
        where = "line %d, column %d" % (line, column)
    return TOMLDecodeError("%s (at %s)" % (msg, where))


class _Parser:
    def __init__(self, src, parse_float):
        self.parse_float = parse_float
        # Where the scanned copy has stand-ins: start of each run of
        # non-ASCII characters and the run itself.
        self.run_starts = None
        self.runs = None
        if not src.isascii():
            # split() alternates ASCII text and non-ASCII runs.
            starts = []
            runs = []
            pieces = []
            at = 0
            for i, piece in enumerate(_NON_ASCII_RUN.split(src)):
                if i % 2:
                    starts.append(at)
                    runs.append(piece)
                    pieces.append(_STAND_IN * len(piece))
                else:
                    pieces.append(piece)
                at += len(piece)
            self.run_starts = starts
            self.runs = runs
            src = "".join(pieces)
        self.src = src
        self.end = len(src)
        self.root = {}
        # ids of the tables and arrays of tables that a header has defined
        # (or that dotted keys defined in an earlier section): no header or
        # dotted key may define them again.
        self.defined = set()
        # Tables made or crossed by dotted keys in the current section; they
        # join `defined` at the next header.
        self.pending = []
        # ids of inline tables and arrays (values): nothing may be added to
        # them or anything inside them.
        self.frozen = set()

    def error(self, pos, msg):
        return _error(self.src, pos, msg)

    def text(self, start, stop):
        """The original text of src[start:stop] (strings' contents)."""
        piece = self.src[start:stop]
        starts = self.run_starts
        if starts is None or _STAND_IN not in piece:
            return piece
        # First run ending after start, by bisection.
        lo = 0
        hi = len(starts)
        while lo < hi:
            mid = (lo + hi) // 2
            if starts[mid] + len(self.runs[mid]) <= start:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(starts) or starts[lo] >= stop:
            return piece
        out = []
        at = start
        i = lo
        while i < len(starts) and starts[i] < stop:
            run_start = max(starts[i], at)
            run = self.runs[i]
            run_stop = min(starts[i] + len(run), stop)
            out.append(self.src[at:run_start])
            out.append(run[run_start - starts[i]:run_stop - starts[i]])
            at = run_stop
            i += 1
        out.append(self.src[at:stop])
        return "".join(out)

    def skip_space(self, pos):
        src = self.src
        c = src[pos:pos + 1]
        while c == " " or c == "\t":
            pos += 1
            c = src[pos:pos + 1]
        return pos

    def skip_comment(self, pos):
        # pos is at "#"; returns the position of the end of the line.
        m = _COMMENT_BODY.match(self.src, pos + 1)
        stop = m.end()
        if stop < self.end and self.src[stop] != "\n":
            c = self.src[stop]
            raise self.error(stop, "Found invalid character %r" % c)
        return stop

    # -- the document ------------------------------------------------------

    def document(self):
        src = self.src
        end = self.end
        pos = 0
        # The table that key/value pairs go into, and its key.
        table = self.root
        header = ()
        while True:
            pos = self.skip_space(pos)
            if pos >= end:
                break
            c = src[pos]
            if c == "\n":
                pos += 1
                continue
            if c in _KEY_START_CHARS:
                pos = self.key_value(pos, table, header)
                pos = self.skip_space(pos)
            elif c == "[":
                # Dotted keys of the section just ended now count as defined.
                if self.pending:
                    for t in self.pending:
                        self.defined.add(id(t))
                    self.pending = []
                if src[pos + 1:pos + 2] == "[":
                    pos, header, table = self.array_table_header(pos)
                else:
                    pos, header, table = self.table_header(pos)
                pos = self.skip_space(pos)
            elif c != "#":
                raise self.error(pos, "Invalid statement")
            if src[pos:pos + 1] == "#":
                pos = self.skip_comment(pos)
            if pos >= end:
                break
            if src[pos] != "\n":
                raise self.error(
                    pos, "Expected newline or end of document after a statement"
                )
            pos += 1
        return self.root

    def key_value(self, pos, table, header):
        """A key/value statement in the section of `table`."""
        pos, key, value = self.key_value_pair(pos)
        parents = key[:-1]
        # A dotted key may not reach into a table defined before, and
        # nothing may be added inside an inline table or array.
        cont = table
        for i, k in enumerate(parents):
            obj = cont.get(k, _MISSING)
            if obj is _MISSING:
                break
            if id(obj) in self.defined:
                raise self.error(
                    pos, "Cannot redefine namespace %s" % (header + key[:i + 1],)
                )
            if type(obj) is list:
                if not obj:
                    break
                obj = obj[-1]
            if type(obj) is not dict:
                break
            cont = obj
        cont = table
        for k in parents:
            obj = cont.get(k, _MISSING)
            if obj is _MISSING:
                break
            if id(obj) in self.frozen:
                raise self.error(
                    pos, "Cannot mutate immutable namespace %s" % (header + parents,)
                )
            if type(obj) is list:
                obj = obj[-1]
            if type(obj) is not dict:
                break
            cont = obj
        # Make the missing tables on the way.
        cont = table
        for k in parents:
            obj = cont.get(k, _MISSING)
            if obj is _MISSING:
                obj = cont[k] = {}
            elif type(obj) is list:
                obj = obj[-1]
            if type(obj) is not dict:
                raise self.error(pos, "Cannot overwrite a value")
            self.pending.append(obj)
            cont = obj
        stem = key[-1]
        if stem in cont:
            raise self.error(pos, "Cannot overwrite a value")
        if type(value) is dict or type(value) is list:
            self.frozen.add(id(value))
        cont[stem] = value
        return pos

    def lookup(self, key):
        """(defined, frozen) for the table at `key` from the root."""
        cont = self.root
        obj = None
        for k in key:
            if type(cont) is not dict:
                return False, False
            obj = cont.get(k, _MISSING)
            if obj is _MISSING:
                return False, False
            if id(obj) in self.frozen:
                return False, True
            if type(obj) is list:
                cont = obj[-1]
            else:
                cont = obj
        return id(obj) in self.defined, False

    def nest(self, key, pos):
        """The table at `key`, made if missing (arrays: their last table)."""
        cont = self.root
        for k in key:
            obj = cont.get(k, _MISSING)
            if obj is _MISSING:
                obj = cont[k] = {}
            elif type(obj) is list:
                obj = obj[-1]
            if type(obj) is not dict:
                raise self.error(pos, "Cannot overwrite a value")
            cont = obj
        return cont

    def table_header(self, pos):
        pos = self.skip_space(pos + 1)
        pos, key = self.key(pos)
        defined, frozen = self.lookup(key)
        if defined or frozen:
            raise self.error(pos, "Cannot declare %s twice" % (key,))
        table = self.nest(key, pos)
        self.defined.add(id(table))
        if self.src[pos:pos + 1] != "]":
            raise self.error(pos, "Expected ']' at the end of a table declaration")
        return pos + 1, key, table

    def array_table_header(self, pos):
        pos = self.skip_space(pos + 2)
        pos, key = self.key(pos)
        if self.lookup(key)[1]:
            raise self.error(pos, "Cannot mutate immutable namespace %s" % (key,))
        parent = self.nest(key[:-1], pos)
        stem = key[-1]
        table = {}
        array = parent.get(stem, _MISSING)
        if array is _MISSING:
            array = parent[stem] = [table]
            self.defined.add(id(array))
        elif type(array) is list:
            array.append(table)
        else:
            raise self.error(pos, "Cannot overwrite a value")
        if self.src[pos:pos + 2] != "]]":
            raise self.error(
                pos, "Expected ']]' at the end of an array declaration"
            )
        return pos + 2, key, table

    # -- keys --------------------------------------------------------------

    def key_value_pair(self, pos):
        src = self.src
        m = _SIMPLE_KEY_EQ.match(src, pos)
        if m is not None:
            key = (src[pos:m.end(1)],)
            pos = m.end()
        else:
            pos, key = self.key(pos)
            if src[pos:pos + 1] != "=":
                raise self.error(pos, "Expected '=' after a key in a key/value pair")
            pos = self.skip_space(pos + 1)
        pos, value = self.value(pos)
        return pos, key, value

    def key(self, pos):
        """A dotted key: (position after it and the spaces, tuple of parts)."""
        parts = []
        src = self.src
        while True:
            m = _BARE_KEY.match(src, pos)
            if m is not None:
                stop = m.end()
                parts.append(src[pos:stop])
                pos = stop
            else:
                c = src[pos:pos + 1]
                if c == '"':
                    pos, part = self.basic_string(pos + 1)
                elif c == "'":
                    pos, part = self.literal_string(pos + 1)
                else:
                    raise self.error(pos, "Invalid initial character for a key part")
                parts.append(part)
            pos = self.skip_space(pos)
            if src[pos:pos + 1] != ".":
                return pos, tuple(parts)
            pos = self.skip_space(pos + 1)

    # -- values ------------------------------------------------------------

    def value(self, pos):
        src = self.src
        c = src[pos:pos + 1]
        if c == '"':
            if src[pos:pos + 3] == '"""':
                return self.ml_basic_string(pos + 3)
            return self.basic_string(pos + 1)
        if c == "'":
            if src[pos:pos + 3] == "'''":
                return self.ml_literal_string(pos + 3)
            return self.literal_string(pos + 1)
        if c == "t":
            if src[pos:pos + 4] == "true":
                return pos + 4, True
        elif c == "f":
            if src[pos:pos + 5] == "false":
                return pos + 5, False
        elif c == "[":
            return self.array(pos + 1)
        elif c == "{":
            return self.inline_table(pos + 1)
        elif c in _DIGITS:
            # Fast path: a plain decimal integer.  Anything that could make
            # it a date, time, float, prefixed or underscored number goes to
            # the regular expression.
            stop = pos + 1
            c = src[stop:stop + 1]
            while c in _DIGITS:
                stop += 1
                c = src[stop:stop + 1]
            if c not in _NOT_PLAIN_INT_END and (stop == pos + 1 or src[pos] != "0"):
                return stop, int(src[pos:stop])
        m = _SCALAR.match(src, pos)
        if m is None:
            raise self.error(pos, "Invalid value")
        # The kind is told from the text: one Match.end() is much cheaper
        # than several group() calls.
        stop = m.end()
        text = src[pos:stop]
        if text[4:5] == "-" and text[:4].isdigit():
            return stop, self.date_time(text, pos)
        if text[2:3] == ":":
            h, mi, s, micro = _split_time(text)
            return stop, _datetime.time(h, mi, s, micro)
        if text[1:2] in ("x", "o", "b"):
            return stop, int(text, 0)
        if text[-1] in "0123456789" and "." not in text and "e" not in text and "E" not in text:
            return stop, int(text, 0)
        # A fraction or an exponent, or inf/nan.
        return stop, self.parse_float(text)

    def date_time(self, text, pos):
        # "YYYY-MM-DD", then maybe "Thh:mm:ss[.frac]" and "Z" or "+hh:mm".
        year = int(text[0:4])
        month = int(text[5:7])
        day = int(text[8:10])
        try:
            if len(text) == 10:
                return _datetime.date(year, month, day)
            time = text[11:]
            tz = None
            if time[-1] in "Zz":
                time = time[:-1]
                tz = _datetime.timezone.utc
            elif time[-6] in "+-":
                tz = _timezone(time[-6:])
                time = time[:-6]
            h, mi, s, micro = _split_time(time)
            return _datetime.datetime(year, month, day, h, mi, s, micro, tzinfo=tz)
        except ValueError as e:
            # Days past the end of the month, year 0.
            raise self.error(pos, "Invalid date or datetime") from e

    def skip_array_space(self, pos):
        # Spaces, newlines and comments, as many as there are.
        src = self.src
        while True:
            c = src[pos:pos + 1]
            while c in _SPACE_OR_NL:
                pos += 1
                c = src[pos:pos + 1]
            if c != "#":
                return pos
            pos = self.skip_comment(pos)

    def array(self, pos):
        # pos is past "[".
        src = self.src
        items = []
        pos = self.skip_array_space(pos)
        if src[pos:pos + 1] == "]":
            return pos + 1, items
        while True:
            pos, item = self.value(pos)
            items.append(item)
            pos = self.skip_array_space(pos)
            c = src[pos:pos + 1]
            if c == "]":
                return pos + 1, items
            if c != ",":
                raise self.error(pos, "Unclosed array")
            pos = self.skip_array_space(pos + 1)
            if src[pos:pos + 1] == "]":
                return pos + 1, items

    def inline_table(self, pos):
        # pos is past "{".  All on one line, no trailing comma.
        src = self.src
        table = {}
        # Values of this table that are inline tables or arrays.
        inner = set()
        pos = self.skip_space(pos)
        if src[pos:pos + 1] == "}":
            return pos + 1, table
        while True:
            pos, key, value = self.key_value_pair(pos)
            cont = table
            for k in key:
                obj = cont.get(k, _MISSING)
                if obj is _MISSING:
                    break
                if id(obj) in inner:
                    raise self.error(
                        pos, "Cannot mutate immutable namespace %s" % (key,)
                    )
                if type(obj) is not dict:
                    break
                cont = obj
            cont = table
            for k in key[:-1]:
                obj = cont.get(k, _MISSING)
                if obj is _MISSING:
                    obj = cont[k] = {}
                if type(obj) is not dict:
                    raise self.error(pos, "Cannot overwrite a value")
                cont = obj
            stem = key[-1]
            if stem in cont:
                raise self.error(pos, "Duplicate inline table key %r" % (stem,))
            cont[stem] = value
            if type(value) is dict or type(value) is list:
                inner.add(id(value))
            pos = self.skip_space(pos)
            c = src[pos:pos + 1]
            if c == "}":
                return pos + 1, table
            if c != ",":
                raise self.error(pos, "Unclosed inline table")
            pos = self.skip_space(pos + 1)

    # -- strings -----------------------------------------------------------

    def basic_string(self, pos):
        # pos is past the opening quote.
        src = self.src
        parts = []
        start = pos
        while True:
            pos = _BASIC_RUN.match(src, pos).end()
            c = src[pos:pos + 1]
            if c == '"':
                parts.append(self.text(start, pos))
                return pos + 1, "".join(parts)
            if c == "\\":
                parts.append(self.text(start, pos))
                pos, piece = self.escape(pos, False)
                parts.append(piece)
                start = pos
            elif c == "":
                raise self.error(pos, "Unterminated string")
            else:
                raise self.error(pos, "Illegal character %r" % c)

    def ml_basic_string(self, pos):
        # pos is past the opening quotes; a newline right after them is not
        # part of the string.
        src = self.src
        if src[pos:pos + 1] == "\n":
            pos += 1
        parts = []
        start = pos
        while True:
            pos = _ML_BASIC_RUN.match(src, pos).end()
            c = src[pos:pos + 1]
            if c == '"':
                if src[pos:pos + 3] == '"""':
                    parts.append(self.text(start, pos))
                    return self.closing_quotes(pos + 3, '"', "".join(parts))
                pos += 1
            elif c == "\\":
                parts.append(self.text(start, pos))
                pos, piece = self.escape(pos, True)
                parts.append(piece)
                start = pos
            elif c == "":
                raise self.error(pos, "Unterminated string")
            else:
                raise self.error(pos, "Illegal character %r" % c)

    def closing_quotes(self, pos, quote, value):
        # A string may end with one or two of its quotes right before the
        # closing three.
        src = self.src
        if src[pos:pos + 1] != quote:
            return pos, value
        if src[pos + 1:pos + 2] != quote:
            return pos + 1, value + quote
        return pos + 2, value + quote + quote

    def escape(self, pos, multiline):
        # pos is at the backslash.
        src = self.src
        code = src[pos + 1:pos + 2]
        pos += 2
        if multiline and (code == " " or code == "\t" or code == "\n"):
            # A backslash ending a line drops the line break and the blank
            # space after it; only spaces may follow it on its line.
            if code != "\n":
                pos = self.skip_space(pos)
                c = src[pos:pos + 1]
                if c == "":
                    return pos, ""
                if c != "\n":
                    raise self.error(pos, "Unescaped '\\' in a string")
                pos += 1
            return _ESCAPED_NL_SPACE.match(src, pos).end(), ""
        if code == "u":
            return self.hex_char(pos, 4)
        if code == "U":
            return self.hex_char(pos, 8)
        c = _ESCAPES.get(code)
        if c is None:
            raise self.error(pos, "Unescaped '\\' in a string")
        return pos, c

    def hex_char(self, pos, size):
        digits = self.src[pos:pos + size]
        if len(digits) != size or not _HEX_DIGITS.issuperset(digits):
            raise self.error(pos, "Invalid hex value")
        pos += size
        code = int(digits, 16)
        if not (0 <= code <= 0xD7FF or 0xE000 <= code <= 0x10FFFF):
            raise self.error(pos, "Escaped character is not a Unicode scalar value")
        return pos, chr(code)

    def literal_string(self, pos):
        # pos is past the opening apostrophe.
        src = self.src
        stop = _LITERAL_RUN.match(src, pos).end()
        if src[stop:stop + 1] == "'":
            return stop + 1, self.text(pos, stop)
        # No closing apostrophe at all is reported first, else the first
        # character that is not allowed.
        if stop >= self.end or src.find("'", stop) < 0:
            raise self.error(self.end, "Expected \"'\"")
        raise self.error(stop, "Found invalid character %r" % src[stop])

    def ml_literal_string(self, pos):
        src = self.src
        if src[pos:pos + 1] == "\n":
            pos += 1
        stop = pos
        while True:
            stop = _ML_LITERAL_RUN.match(src, stop).end()
            if src[stop:stop + 1] != "'":
                break
            if src[stop:stop + 3] == "'''":
                return self.closing_quotes(stop + 3, "'", self.text(pos, stop))
            stop += 1
        if stop >= self.end or src.find("'''", stop) < 0:
            raise self.error(self.end, "Expected \"'''\"")
        raise self.error(stop, "Found invalid character %r" % src[stop])
