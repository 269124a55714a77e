"""Regular expressions with CPython's syntax and semantics.

The engine is native (`_sre`); this module gives it CPython's interface:
the module functions, `Pattern` and `Match` objects, the flags and
`re.error`. Compiled patterns are cached."""

import _sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"

_MAXSIZE = 9223372036854775807
_mappingproxy = type(type.__dict__)

# Flags in the order RegexFlag defines them (its repr lists them so).
_FLAG_ORDER = (
    ("ASCII", 256), ("IGNORECASE", 2), ("LOCALE", 4), ("UNICODE", 32),
    ("MULTILINE", 8), ("DOTALL", 16), ("VERBOSE", 64), ("TEMPLATE", 1),
    ("DEBUG", 128),
)
_FLAG_MASK = 511


class RegexFlag(int):
    """The flags of `re`: an int whose repr names them."""

    __slots__ = ()

    def __new__(cls, value=0):
        return int.__new__(cls, value)

    def _names(self):
        v = int(self)
        if v == 0:
            return "NOFLAG"
        parts = []
        rest = v
        for name, bit in _FLAG_ORDER:
            if v & bit:
                parts.append(name)
                rest &= ~bit
        if not parts:
            return None
        if rest:
            parts.append(hex(rest))
        return parts

    @property
    def name(self):
        n = self._names()
        if isinstance(n, list):
            return "|".join(p for p in n if not p.startswith("0x")) or None
        return n

    @property
    def value(self):
        return int(self)

    def __repr__(self):
        n = self._names()
        if n is None:
            return "re.RegexFlag(%d)" % int(self)
        if isinstance(n, str):
            return "re." + n
        return "|".join(p if p.startswith("0x") else "re." + p for p in n)

    __str__ = __repr__

    def __or__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) | int(other))

    __ror__ = __or__

    def __and__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) & int(other))

    __rand__ = __and__

    def __xor__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return RegexFlag(int(self) ^ int(other))

    __rxor__ = __xor__

    def __invert__(self):
        v = int(self)
        if v & ~_FLAG_MASK:
            return RegexFlag(~v)
        return RegexFlag(~v & _FLAG_MASK)

    def __reduce__(self):
        return (RegexFlag, (int(self),))

    def __iter__(self):
        v = int(self)
        for name, bit in sorted(_FLAG_ORDER, key=lambda nb: nb[1]):
            if v & bit:
                yield RegexFlag(bit)

    def __contains__(self, other):
        return int(other) & int(self) == int(other)


NOFLAG = RegexFlag(0)
ASCII = A = RegexFlag(256)
IGNORECASE = I = RegexFlag(2)
LOCALE = L = RegexFlag(4)
UNICODE = U = RegexFlag(32)
MULTILINE = M = RegexFlag(8)
DOTALL = S = RegexFlag(16)
VERBOSE = X = RegexFlag(64)
TEMPLATE = T = RegexFlag(1)
DEBUG = RegexFlag(128)

for _name, _bit in _FLAG_ORDER:
    setattr(RegexFlag, _name, RegexFlag(_bit))
RegexFlag.NOFLAG = NOFLAG
del _name, _bit


class error(Exception):
    """A pattern or template that is not valid: `msg`, the `pattern`, the
    `pos` in it, and `lineno`/`colno` of that position."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            newline = "\n" if isinstance(pattern, str) else b"\n"
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        Exception.__init__(self, msg)


def _raise(err, pattern):
    kind, msg, pos = err
    if kind == "error":
        if pos is None:
            raise error(msg)
        raise error(msg, pattern, pos)
    cls = {"ValueError": ValueError, "OverflowError": OverflowError,
           "IndexError": IndexError, "RecursionError": RecursionError}[kind]
    raise cls(msg)


# Pattern.__repr__ names flags in this order.
_REPR_ORDER = (
    ("re.TEMPLATE", 1), ("re.IGNORECASE", 2), ("re.LOCALE", 4),
    ("re.MULTILINE", 8), ("re.DOTALL", 16), ("re.UNICODE", 32),
    ("re.VERBOSE", 64), ("re.DEBUG", 128), ("re.ASCII", 256),
)


def _clamp(pos, endpos, n):
    pos = pos.__index__()
    endpos = endpos.__index__()
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


def _length(string):
    try:
        return len(string)
    except TypeError:
        raise TypeError("expected string or bytes-like object, got '%s'"
                        % type(string).__name__) from None


class Pattern:
    """A compiled regular expression (`re.compile`)."""

    __slots__ = ("_re", "pattern", "flags", "groups", "_groupindex",
                 "_templates", "__weakref__")

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    @property
    def groupindex(self):
        return _mappingproxy(dict(self._groupindex))

    def match(self, string, pos=0, endpos=_MAXSIZE):
        spans = self._re.exec(string, pos, endpos, 0)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=_MAXSIZE):
        spans = self._re.exec(string, pos, endpos, 1)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def search(self, string, pos=0, endpos=_MAXSIZE):
        spans = self._re.exec(string, pos, endpos, 2)
        if spans is None:
            return None
        return Match(self, string, spans, pos, endpos)

    def findall(self, string, pos=0, endpos=_MAXSIZE):
        pos, endpos = _clamp(pos, endpos, _length(string))
        return self._re.findall(string, pos, endpos)

    def finditer(self, string, pos=0, endpos=_MAXSIZE):
        pos, endpos = _clamp(pos, endpos, _length(string))
        scan = self._re.scanner(string, pos, endpos)
        return _Iter(self, string, scan, pos, endpos)

    def scanner(self, string, pos=0, endpos=_MAXSIZE):
        pos, endpos = _clamp(pos, endpos, _length(string))
        return SREScanner(self, string, pos, endpos)

    def split(self, string, maxsplit=0):
        return self._re.split(string, maxsplit)

    def _template(self, repl):
        t = self._templates.get(repl)
        if t is None:
            t = self._re.template(repl)
            if type(t) is tuple:
                _raise(t, repl)
            if len(self._templates) > 64:
                self._templates.clear()
            self._templates[repl] = t
        return t

    def subn(self, repl, string, count=0):
        if isinstance(repl, (str, bytes)):
            return self._re.sub(self._template(repl), string, count)
        if not callable(repl):
            try:
                repl = bytes(memoryview(repl))
            except TypeError:
                raise TypeError("expected str or bytes-like object, got '%s'"
                                % type(repl).__name__) from None
            return self._re.sub(self._template(repl), string, count)
        n = _length(string)
        scan = self._re.scanner(string, 0, n)
        out = []
        last = 0
        done = 0
        while count <= 0 or done < count:
            spans = scan.search()
            if spans is None:
                break
            s, e = spans[1], spans[2]
            if s > last:
                out.append(scan.slice(last, s))
            r = repl(Match(self, string, spans, 0, n))
            if r:
                out.append(r)
            last = e
            done += 1
        if last < n:
            out.append(scan.slice(last, n))
        empty = "" if isinstance(self.pattern, str) else b""
        return empty.join(out), done

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and flags & (4 | 32 | 256) == 32:
            flags &= ~32
        names = []
        for name, bit in _REPR_ORDER:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        text = repr(self.pattern)[:200]
        if names:
            return "re.compile(%s, %s)" % (text, "|".join(names))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.flags == other.flags and
                type(self.pattern) is type(other.pattern) and
                self.pattern == other.pattern)

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        return (_compile, (self.pattern, self.flags))


Pattern.__module__ = "re"


class _Iter:
    """The iterator `finditer` returns."""

    __slots__ = ("_p", "_s", "_scan", "_pos", "_endpos")

    def __init__(self, p, s, scan, pos, endpos):
        self._p = p
        self._s = s
        self._scan = scan
        self._pos = pos
        self._endpos = endpos

    def __iter__(self):
        return self

    def __next__(self):
        spans = self._scan.search()
        if spans is None:
            raise StopIteration
        return Match(self._p, self._s, spans, self._pos, self._endpos)


_Iter.__name__ = _Iter.__qualname__ = "callable_iterator"


class SREScanner:
    """`Pattern.scanner(string)`: successive matches on demand."""

    def __init__(self, p, s, pos, endpos):
        self.pattern = p
        self._s = s
        self._pos = pos
        self._endpos = endpos
        self._scan = p._re.scanner(s, pos, endpos)

    def search(self):
        spans = self._scan.search()
        if spans is None:
            return None
        return Match(self.pattern, self._s, spans, self._pos, self._endpos)

    def match(self):
        m = self.pattern.match(self._s, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > self._pos else self._pos + 1
        return m


class Match:
    """The result of a successful match."""

    __slots__ = ("re", "string", "_spans", "_pos", "_endpos")

    def __init__(self, p, string, spans, pos, endpos):
        self.re = p
        self.string = string
        self._spans = spans
        self._pos = pos
        self._endpos = endpos

    @property
    def pos(self):
        return _clamp(self._pos, self._endpos, len(self.string))[0]

    @property
    def endpos(self):
        return _clamp(self._pos, self._endpos, len(self.string))[1]

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)

    def _index(self, g):
        if type(g) is int and 0 <= g <= self.re.groups:
            return g
        if isinstance(g, int):
            if 0 <= g <= self.re.groups:
                return int(g)
        elif isinstance(g, str):
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        else:
            try:
                i = g.__index__()
            except (AttributeError, TypeError):
                pass
            else:
                if 0 <= i <= self.re.groups:
                    return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s = self._spans[2 * i + 1]
        if s < 0:
            return default
        string = self.string
        if type(string) is str or type(string) is bytes:
            return string[s:self._spans[2 * i + 2]]
        if isinstance(string, str):
            return str(string)[s:self._spans[2 * i + 2]]
        return bytes(string[s:self._spans[2 * i + 2]])

    def group(self, *args):
        if not args:
            i = 0
        elif len(args) == 1:
            i = args[0]
            if type(i) is not int or not 0 <= i <= self.re.groups:
                i = self._index(i)
        else:
            return tuple(self._get(self._index(g)) for g in args)
        # The common case, a str or bytes subject, inline.
        spans = self._spans
        s = spans[2 * i + 1]
        if s < 0:
            return None
        string = self.string
        if type(string) is str or type(string) is bytes:
            return string[s:spans[2 * i + 2]]
        return self._get(i)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        spans = self._spans
        string = self.string
        if type(string) is not str and type(string) is not bytes:
            return tuple(self._get(i, default)
                         for i in range(1, self.re.groups + 1))
        out = []
        for i in range(3, 2 * self.re.groups + 2, 2):
            s = spans[i]
            out.append(default if s < 0 else string[s:spans[i + 1]])
        return tuple(out)

    def groupdict(self, default=None):
        return {name: self._get(i, default)
                for name, i in self.re._groupindex.items()}

    def start(self, group=0):
        if group == 0 and type(group) is int:
            return self._spans[1]
        return self._spans[2 * self._index(group) + 1]

    def end(self, group=0):
        if group == 0 and type(group) is int:
            return self._spans[2]
        return self._spans[2 * self._index(group) + 2]

    def span(self, group=0):
        i = self._index(group)
        return (self._spans[2 * i + 1], self._spans[2 * i + 2])

    @property
    def regs(self):
        return tuple((self._spans[2 * i + 1], self._spans[2 * i + 2])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        i = self._spans[0]
        return None if i < 0 else i

    @property
    def lastgroup(self):
        i = self._spans[0]
        if i < 0:
            return None
        for name, g in self.re._groupindex.items():
            if g == i:
                return name
        return None

    def expand(self, template):
        t = self.re._template(template)
        empty = "" if isinstance(self.re.pattern, str) else b""
        out = []
        for piece in t.pieces():
            if isinstance(piece, int):
                out.append(self._get(piece, empty))
            else:
                out.append(piece)
        return empty.join(out)

    def __repr__(self):
        text = repr(self.group(0))[:50]
        return "<re.Match object; span=(%d, %d), match=%s>" % (
            self._spans[1], self._spans[2], text)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


Match.__module__ = "re"


def _GenericAlias(cls, item):
    return type(list[int])(cls, item)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    if not isinstance(flags, int):
        raise TypeError("unsupported operand type(s) for &: '%s' and 'int'"
                        % type(flags).__name__)
    native = _sre.compile(pattern, flags)
    if type(native) is tuple:
        _raise(native, pattern)
    p = object.__new__(Pattern)
    info = native.info()
    p._re = native
    p.pattern = pattern
    p.flags = info[0]
    p.groups = info[1]
    p._groupindex = dict(info[2])
    p._templates = {}
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string, returning
    a Match object, or None if no match was found."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string, returning
    a Match object, or None if no match was found."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern, returning
    a Match object, or None if no match was found."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string obtained by replacing the leftmost
    non-overlapping occurrences of the pattern in string by the
    replacement repl."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Return a 2-tuple containing (new_string, number)."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the source string by the occurrences of the pattern,
    returning a list containing the resulting substrings."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the
    string.  For each match, the iterator returns a Match object."""
    try:
        p = _cache[type(pattern), pattern, flags]
    except KeyError:
        p = _compile(pattern, flags)
    return p.finditer(string)


def template(pattern, flags=0):
    "Compile a template pattern, returning a Pattern object."
    return _compile(pattern, flags | TEMPLATE)


def purge():
    "Clear the regular expression caches"
    _cache.clear()


_special_chars_map = {chr(i): "\\" + chr(i) for i in b"()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    get = _special_chars_map.get
    if isinstance(pattern, str):
        return "".join([get(c, c) for c in pattern])
    pattern = bytes(pattern).decode("latin1")
    return "".join([get(c, c) for c in pattern]).encode("latin1")
