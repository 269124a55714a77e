"""Reading and writing CSV (comma-separated values) files.

reader() turns lines into lists of fields, writer() turns rows into
lines; both follow a dialect (excel by default) whose parameters can be
overridden by keyword arguments: delimiter, quotechar, escapechar,
doublequote, skipinitialspace, lineterminator, quoting and strict.
DictReader and DictWriter use dicts keyed by the field names; Sniffer
guesses the dialect of a sample of CSV text.
"""

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "Error", "Dialect", "__doc__", "excel", "excel_tab",
           "field_size_limit", "reader", "writer",
           "register_dialect", "get_dialect", "list_dialects",
           "unregister_dialect", "__version__", "DictReader", "DictWriter",
           "unix_dialect", "Sniffer"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = range(4)

_dialects = {}
_field_limit = 128 * 1024


class Error(Exception):
    pass


def _char_setting(name, value, default, none_allowed):
    """A one-character parameter: the character, or None if unset."""
    if value is _MISSING:
        return default
    if value is None and none_allowed:
        return None
    if not isinstance(value, str):
        if none_allowed:
            raise TypeError('"%s" must be string or None, not %s' % (name, type(value).__name__))
        raise TypeError('"%s" must be string, not %s' % (name, type(value).__name__))
    if len(value) != 1:
        raise TypeError('"%s" must be a 1-character string' % name)
    return value


class _Missing:
    pass


_MISSING = _Missing()

_PARAMETERS = ("delimiter", "doublequote", "escapechar", "lineterminator",
               "quotechar", "quoting", "skipinitialspace", "strict")


class _Dialect:
    """The checked parameters of a reader or writer (read-only)."""

    __slots__ = ("_delimiter", "_doublequote", "_escapechar", "_lineterminator",
                 "_quotechar", "_quoting", "_skipinitialspace", "_strict")

    def __init__(self, dialect=None, **kwargs):
        for name in kwargs:
            if name not in _PARAMETERS:
                raise TypeError("%r is an invalid keyword argument for this function" % name)
        if isinstance(dialect, _Dialect) and not kwargs:
            for slot in self.__slots__:
                object.__setattr__(self, slot, getattr(dialect, slot))
            return
        given = {}
        for name in _PARAMETERS:
            if name in kwargs:
                given[name] = kwargs[name]
            elif dialect is not None:
                given[name] = getattr(dialect, name, _MISSING)
            else:
                given[name] = _MISSING

        delimiter = _char_setting("delimiter", given["delimiter"], ",", False)
        doublequote = True if given["doublequote"] is _MISSING else bool(given["doublequote"])
        escapechar = _char_setting("escapechar", given["escapechar"], None, True)
        lineterminator = given["lineterminator"]
        if lineterminator is _MISSING:
            lineterminator = "\r\n"
        elif lineterminator is not None and not isinstance(lineterminator, str):
            raise TypeError('"lineterminator" must be a string')
        quotechar = _char_setting("quotechar", given["quotechar"], '"', True)
        quoting = given["quoting"]
        quoting_given = quoting is not _MISSING
        if not quoting_given:
            quoting = QUOTE_MINIMAL
        elif type(quoting) is not int:
            raise TypeError('"quoting" must be an integer')
        skipinitialspace = (False if given["skipinitialspace"] is _MISSING
                            else bool(given["skipinitialspace"]))
        strict = False if given["strict"] is _MISSING else bool(given["strict"])

        if quoting not in (QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE):
            raise TypeError('bad "quoting" value')
        if given["quotechar"] is None and not quoting_given:
            quoting = QUOTE_NONE
        if quoting != QUOTE_NONE and quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        if lineterminator is None:
            raise TypeError("lineterminator must be set")

        for slot, value in (("_delimiter", delimiter), ("_doublequote", doublequote),
                            ("_escapechar", escapechar), ("_lineterminator", lineterminator),
                            ("_quotechar", quotechar), ("_quoting", quoting),
                            ("_skipinitialspace", skipinitialspace), ("_strict", strict)):
            object.__setattr__(self, slot, value)

    def __setattr__(self, name, value):
        raise AttributeError("attribute '%s' of '_csv.Dialect' objects is not writable" % name)

    @property
    def delimiter(self):
        return self._delimiter

    @property
    def doublequote(self):
        return self._doublequote

    @property
    def escapechar(self):
        return self._escapechar

    @property
    def lineterminator(self):
        return self._lineterminator

    @property
    def quotechar(self):
        return self._quotechar

    @property
    def quoting(self):
        return self._quoting

    @property
    def skipinitialspace(self):
        return self._skipinitialspace

    @property
    def strict(self):
        return self._strict


def _make_dialect(dialect, fmtparams):
    if dialect is _MISSING:
        # no dialect: the default parameters (those of excel)
        dialect = None
    elif isinstance(dialect, str):
        dialect = get_dialect(dialect)
    return _Dialect(dialect, **fmtparams)


# -- reading ----------------------------------------------------------------------------

# The states of the reader.
(START_RECORD, START_FIELD, ESCAPED_CHAR, IN_FIELD, IN_QUOTED_FIELD,
 ESCAPE_IN_QUOTED_FIELD, QUOTE_IN_QUOTED_FIELD, EAT_CRNL, AFTER_ESCAPED_CRNL) = range(9)

# Stands for the end of a line given to the reader.
_EOL = object()


class reader:
    """Iterates over the rows of CSV text read from an iterable of strings
    (usually a file opened with newline=''); each row is a list of
    strings (floats for unquoted fields with QUOTE_NONNUMERIC)."""

    def __init__(self, csvfile, dialect=_MISSING, **fmtparams):
        self._lines = iter(csvfile)
        self.dialect = _make_dialect(dialect, fmtparams)
        self.line_num = 0

    def __iter__(self):
        return self

    def _reset(self):
        self._fields = []
        self._field = []
        self._state = START_RECORD
        self._numeric = False

    def _save_field(self):
        text = "".join(self._field)
        self._field = []
        if self._numeric:
            self._numeric = False
            text = float(text)
        self._fields.append(text)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error("field larger than field limit (%d)" % _field_limit)
        self._field.append(c)

    def __next__(self):
        self._reset()
        while True:
            try:
                line = next(self._lines)
            except StopIteration:
                # the input ends inside a record
                if self._field or self._state == IN_QUOTED_FIELD:
                    if self.dialect.strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error("iterator should return strings, not %.200s "
                            "(the file should be opened in text mode)" % type(line).__name__)
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == START_RECORD:
                break
        fields = self._fields
        self._fields = []
        return fields

    def _process(self, c):
        d = self.dialect
        state = self._state
        if state == START_RECORD:
            if c is _EOL:
                # an empty line: an empty row
                return
            if c == "\n" or c == "\r":
                self._state = EAT_CRNL
                return
            state = self._state = START_FIELD
        if state == START_FIELD:
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                self._state = IN_QUOTED_FIELD
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == " " and d.skipinitialspace:
                pass
            elif c == d.delimiter:
                self._save_field()
            else:
                if d.quoting == QUOTE_NONNUMERIC:
                    self._numeric = True
                self._add_char(c)
                self._state = IN_FIELD
        elif state == ESCAPED_CHAR:
            if c == "\n" or c == "\r":
                self._add_char(c)
                self._state = AFTER_ESCAPED_CRNL
                return
            if c is _EOL:
                c = "\n"
            self._add_char(c)
            self._state = IN_FIELD
        elif state == AFTER_ESCAPED_CRNL or state == IN_FIELD:
            if state == AFTER_ESCAPED_CRNL and c is _EOL:
                return
            if c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif c == d.escapechar:
                self._state = ESCAPED_CHAR
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            else:
                # (after an escaped newline the state stays: a line end
                # does not end the record)
                self._add_char(c)
        elif state == IN_QUOTED_FIELD:
            if c is _EOL:
                pass
            elif c == d.escapechar:
                self._state = ESCAPE_IN_QUOTED_FIELD
            elif c == d.quotechar and d.quoting != QUOTE_NONE:
                if d.doublequote:
                    # maybe the first of a doubled quote
                    self._state = QUOTE_IN_QUOTED_FIELD
                else:
                    self._state = IN_FIELD
            else:
                self._add_char(c)
        elif state == ESCAPE_IN_QUOTED_FIELD:
            if c is _EOL:
                c = "\n"
            self._add_char(c)
            self._state = IN_QUOTED_FIELD
        elif state == QUOTE_IN_QUOTED_FIELD:
            if d.quoting != QUOTE_NONE and c == d.quotechar:
                # a doubled quote stands for one
                self._add_char(c)
                self._state = IN_QUOTED_FIELD
            elif c == d.delimiter:
                self._save_field()
                self._state = START_FIELD
            elif c is _EOL or c == "\n" or c == "\r":
                self._save_field()
                self._state = START_RECORD if c is _EOL else EAT_CRNL
            elif not d.strict:
                self._add_char(c)
                self._state = IN_FIELD
            else:
                raise Error("'%c' expected after '%c'" % (d.delimiter, d.quotechar))
        elif state == EAT_CRNL:
            if c is _EOL:
                self._state = START_RECORD
            elif c == "\n" or c == "\r":
                pass
            else:
                raise Error("new-line character seen in unquoted field - do you need "
                            "to open the file in universal-newline mode?")


# -- writing ----------------------------------------------------------------------------

def _is_number(value):
    # what the C API calls a number: something int() or float() accepts
    cls = type(value)
    return (hasattr(cls, "__index__") or hasattr(cls, "__int__")
            or hasattr(cls, "__float__") or isinstance(value, _COMPLEX_TYPES))


import builtins as _builtins
_COMPLEX_TYPES = (_builtins.complex,) if hasattr(_builtins, "complex") else ()
del _builtins


class writer:
    """Writes rows (iterables of values) as lines of CSV text to a file-like
    object (anything with a write() method)."""

    def __init__(self, csvfile, dialect=_MISSING, **fmtparams):
        write = getattr(csvfile, "write", None)
        if write is None or not callable(write):
            raise TypeError('argument 1 must have a "write" method')
        self._write = write
        self.dialect = _make_dialect(dialect, fmtparams)

    def _field_text(self, value, quoted):
        """The text of one field, quoted or escaped as the dialect says."""
        d = self.dialect
        if value is None:
            text = ""
        elif isinstance(value, str):
            text = value
        else:
            text = str(value)
        out = []
        for c in text:
            if (c == d.delimiter or c == d.escapechar or c == d.quotechar
                    or c in d.lineterminator):
                want_escape = False
                if d.quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d.quotechar:
                        if d.doublequote:
                            out.append(d.quotechar)
                        else:
                            want_escape = True
                    elif c == d.escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d.escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d.escapechar)
            out.append(c)
        body = "".join(out)
        if quoted:
            return d.quotechar + body + d.quotechar
        return body

    def writerow(self, row):
        """Write one row; returns what the file's write() returned."""
        d = self.dialect
        try:
            values = iter(row)
        except TypeError:
            raise Error("iterable expected, not %.200s" % type(row).__name__) from None
        fields = []
        for value in values:
            if d.quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(value)
            else:
                quoted = d.quoting == QUOTE_ALL
            fields.append(self._field_text(value, quoted))
        if len(fields) == 1 and fields[0] == "":
            # a single empty field is written as "" to mean a row
            if d.quoting == QUOTE_NONE:
                raise Error("single empty field record must be quoted")
            fields[0] = d.quotechar * 2
        return self._write(d.delimiter.join(fields) + d.lineterminator)

    def writerows(self, rows):
        """Write each row of rows."""
        for row in rows:
            self.writerow(row)


# -- dialects ------------------------------------------------------------------------------

def register_dialect(name, dialect=None, **fmtparams):
    """Register a dialect under name: a Dialect (class or instance) and/or
    the parameters given as keyword arguments."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Forget the dialect registered under name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """The dialect registered under name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect")


def list_dialects():
    """The names of the registered dialects."""
    return list(_dialects)


def field_size_limit(*args):
    """field_size_limit([limit]): the maximum field size the reader
    accepts; a new limit is set if given (the old one is returned)."""
    global _field_limit
    if len(args) > 1:
        raise TypeError("field_size_limit() takes at most 1 argument (%d given)" % len(args))
    old = _field_limit
    if args:
        if type(args[0]) is not int:
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


class Dialect:
    """The parameters of a CSV format, as class attributes of subclasses
    (excel, excel_tab, unix_dialect ...); checked when instantiated."""

    _name = ""
    _valid = False
    # the parameters, set by subclasses
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            # invalid parameters are reported as csv.Error
            raise Error(str(e))


class excel(Dialect):
    """The usual properties of an Excel-generated CSV file."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """The usual properties of an Excel-generated TAB-delimited file."""
    delimiter = "\t"


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """The usual properties of a CSV file made on UNIX systems: '\\n' line
    ends, every field quoted."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


# -- rows as dicts -----------------------------------------------------------------------------

class DictReader:
    """Reads rows as dicts keyed by fieldnames (by default the first row);
    extra values go in a list under restkey, missing ones are restval."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None,
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            # reads the header row if needed
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num

        # empty rows are skipped (they would give dicts of restval)
        while row == []:
            row = next(self.reader)
        d = dict(zip(self.fieldnames, row))
        lf = len(self.fieldnames)
        lr = len(row)
        if lf < lr:
            d[self.restkey] = row[lf:]
        elif lf > lr:
            for key in self.fieldnames[lr:]:
                d[key] = self.restval
        return d


class DictWriter:
    """Writes dicts as rows, the values in the order of fieldnames (restval
    for missing keys); keys not in fieldnames raise ValueError, or are
    ignored with extrasaction='ignore'."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise",
                 dialect="excel", *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        extrasaction = extrasaction.lower()
        if extrasaction not in ("raise", "ignore"):
            raise ValueError("extrasaction (%s) must be 'raise' or 'ignore'" % extrasaction)
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        """Write the row of the field names."""
        header = dict(zip(self.fieldnames, self.fieldnames))
        return self.writerow(header)

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong_fields = [k for k in rowdict if k not in self.fieldnames]
            if wrong_fields:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join([repr(x) for x in wrong_fields]))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))


# -- guessing the dialect ----------------------------------------------------------------

def _parses_as_number(text):
    """Whether complex() accepts text (what has_header calls numeric)."""
    try:
        complex(text)
    except (ValueError, OverflowError):
        return False
    return True


class Sniffer:
    """Guesses the format of CSV text: sniff() returns a Dialect subclass,
    has_header() tells whether the first row looks like column names."""

    # The regular expressions that find quoted fields, from the most telling
    # (a delimiter on both sides) to the least (a quoted field alone on its
    # line).
    _QUOTED_FIELD_PATTERNS = (
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    )

    def __init__(self):
        # delimiters to choose first when several fit equally well
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        """A Dialect subclass describing sample; delimiters (a string of
        characters) limits the delimiters considered."""
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample,
                                                                delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = "\r\n"
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    def _guess_quote_and_delimiter(self, data, delimiters):
        """From the quoted fields of data: (quotechar, doublequote,
        delimiter, skipinitialspace), or ('', False, None, 0) if none is
        quoted."""
        import re
        matches = []
        regexp = None
        for pattern in self._QUOTED_FIELD_PATTERNS:
            regexp = re.compile(pattern, re.DOTALL | re.MULTILINE)
            matches = regexp.findall(data)
            if matches:
                break
        if not matches:
            return ("", False, None, 0)

        groups = regexp.groupindex
        quote_at = groups["quote"] - 1
        delim_at = groups.get("delim")
        space_at = groups.get("space")
        quotes = {}
        delims = {}
        spaces = 0
        for m in matches:
            key = m[quote_at]
            if key:
                quotes[key] = quotes.get(key, 0) + 1
            if delim_at is None:
                continue
            key = m[delim_at - 1]
            if key and (delimiters is None or key in delimiters):
                delims[key] = delims.get(key, 0) + 1
            if space_at is None:
                continue
            if m[space_at - 1]:
                spaces += 1

        quotechar = max(quotes, key=quotes.get)
        if delims:
            delim = max(delims, key=delims.get)
            skipinitialspace = delims[delim] == spaces
            if delim == "\n":
                delim = ""
        else:
            delim = ""
            skipinitialspace = 0

        # doubled quotes: a field holding two more quote characters
        dq_regexp = re.compile(
            r"((%(delim)s)|^)\W*%(quote)s[^%(delim)s\n]*%(quote)s[^%(delim)s\n]*%(quote)s\W*((%(delim)s)|$)"
            % {"delim": re.escape(delim), "quote": quotechar}, re.MULTILINE)
        doublequote = bool(dq_regexp.search(data))
        return (quotechar, doublequote, delim, skipinitialspace)

    def _guess_delimiter(self, data, delimiters):
        """The character whose count per line is the most consistent over
        chunks of ten lines: (delimiter, skipinitialspace), or ('', 0)."""
        lines = [line for line in data.split("\n") if line]
        ascii = [chr(c) for c in range(127)]
        chunk = min(10, len(lines))
        iteration = 0
        frequencies = {}   # char -> {count per line: number of lines}
        modes = {}         # char -> (most frequent count, its weight)
        delims = {}
        start, end = 0, chunk
        while start < len(lines):
            iteration += 1
            for line in lines[start:end]:
                for char in ascii:
                    table = frequencies.get(char, {})
                    freq = line.count(char)
                    table[freq] = table.get(freq, 0) + 1
                    frequencies[char] = table

            for char in frequencies.keys():
                items = list(frequencies[char].items())
                if len(items) == 1 and items[0][0] == 0:
                    continue
                if len(items) > 1:
                    best = max(items, key=lambda x: x[1])
                    items.remove(best)
                    modes[char] = (best[0],
                                   best[1] - sum(item[1] for item in items))
                else:
                    modes[char] = items[0]

            total = float(min(chunk * iteration, len(lines)))
            consistency = 1.0
            threshold = 0.9
            while len(delims) == 0 and consistency >= threshold:
                for k, v in modes.items():
                    if v[0] > 0 and v[1] > 0:
                        if (v[1] / total >= consistency and
                                (delimiters is None or k in delimiters)):
                            delims[k] = v
                consistency -= 0.01

            if len(delims) == 1:
                delim = list(delims.keys())[0]
                skipinitialspace = (lines[0].count(delim) ==
                                    lines[0].count("%c " % delim))
                return (delim, skipinitialspace)

            start = end
            end += chunk

        if not delims:
            return ("", 0)

        if len(delims) > 1:
            for d in self.preferred:
                if d in delims.keys():
                    skipinitialspace = (lines[0].count(d) ==
                                        lines[0].count("%c " % d))
                    return (d, skipinitialspace)

        items = sorted((v, k) for (k, v) in delims.items())
        delim = items[-1][1]
        skipinitialspace = (lines[0].count(delim) ==
                            lines[0].count("%c " % delim))
        return (delim, skipinitialspace)

    def has_header(self, sample):
        """Whether the first row of sample looks like a header: its cells
        differ (in length, or in being numeric) from the columns below."""
        from io import StringIO
        rdr = reader(StringIO(sample), self.sniff(sample))
        header = next(rdr)
        columns = len(header)
        # per column: the length of its values, or complex if numeric;
        # columns without one type are dropped
        column_types = {}
        for i in range(columns):
            column_types[i] = None

        checked = 0
        for row in rdr:
            if checked > 20:
                break
            checked += 1
            if len(row) != columns:
                continue
            for col in list(column_types.keys()):
                if _parses_as_number(row[col]):
                    this_type = complex
                else:
                    this_type = len(row[col])
                if this_type != column_types[col]:
                    if column_types[col] is None:
                        column_types[col] = this_type
                    else:
                        del column_types[col]

        votes = 0
        for col, col_type in column_types.items():
            if type(col_type) == type(0):
                if len(header[col]) != col_type:
                    votes += 1
                else:
                    votes -= 1
            else:
                try:
                    col_type(header[col])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0


# The types as CPython's C module names them.
for _cls in (Error, reader, writer):
    _cls.__module__ = "_csv"
_Dialect.__name__ = _Dialect.__qualname__ = "Dialect"
_Dialect.__module__ = "_csv"
del _cls
