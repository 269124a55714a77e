"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

gilpy's `string`: the constants and capwords() as CPython 3.11's, and a
Template whose placeholders are parsed by hand (no `re`): a subclass may
change `delimiter`, not `idpattern`, `braceidpattern`, `flags` or `pattern`.
Formatter is str.format's engine written out in Python (the format strings
are parsed here, as CPython's _string module does).
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


# Functions which aren't available as string methods.

# Capitalize the words in a string, e.g. " aBc  dEf " -> "Abc Def".
def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.
    """
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


####################################################################

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits


def _scan_identifier(template, i):
    """End of the identifier starting at template[i] (i if there is none)."""
    n = len(template)
    if i >= n or template[i] not in _ID_START:
        return i
    j = i + 1
    while j < n and template[j] in _ID_CHARS:
        j += 1
    return j


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _tokens(self):
        """Yields (kind, text, start) with kind one of 'text', 'escaped',
        'named', 'braced', 'invalid'; start is the delimiter's index."""
        template = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(template)
        i = 0
        text_start = 0
        while i < n:
            if template.startswith(delim, i):
                if text_start < i:
                    yield ('text', template[text_start:i], text_start)
                start = i
                j = i + dlen
                if template.startswith(delim, j):
                    yield ('escaped', delim, start)
                    i = j + dlen
                elif j < n and template[j] == '{':
                    end = _scan_identifier(template, j + 1)
                    if end > j + 1 and end < n and template[end] == '}':
                        yield ('braced', template[j + 1:end], start)
                        i = end + 1
                    else:
                        yield ('invalid', delim, start)
                        i = j
                else:
                    end = _scan_identifier(template, j)
                    if end > j:
                        yield ('named', template[j:end], start)
                        i = end
                    else:
                        yield ('invalid', delim, start)
                        i = j
                text_start = i
            else:
                i += 1
        if text_start < n:
            yield ('text', template[text_start:], text_start)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _mapping(self, args, kws):
        if len(args) > 1:
            raise TypeError('Too many positional arguments')
        if not args:
            return kws
        if kws:
            merged = {}
            for key in args[0].keys():
                merged[key] = args[0][key]
            merged.update(kws)
            # keywords take precedence, as ChainMap(kws, mapping)
            return merged
        return args[0]

    def substitute(self, *args, **kws):
        mapping = self._mapping(args, kws)
        out = []
        for kind, text, start in self._tokens():
            if kind == 'text':
                out.append(text)
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'named' or kind == 'braced':
                out.append('%s' % (mapping[text],))
            else:
                self._invalid(start + len(self.delimiter))
        return ''.join(out)

    def safe_substitute(self, *args, **kws):
        mapping = self._mapping(args, kws)
        out = []
        for kind, text, start in self._tokens():
            if kind == 'text':
                out.append(text)
            elif kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'named':
                try:
                    out.append('%s' % (mapping[text],))
                except KeyError:
                    out.append(self.delimiter + text)
            elif kind == 'braced':
                try:
                    out.append('%s' % (mapping[text],))
                except KeyError:
                    out.append(self.delimiter + '{' + text + '}')
            else:
                out.append(self.delimiter)
        return ''.join(out)

    def is_valid(self):
        for kind, text, start in self._tokens():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, text, start in self._tokens():
            if kind == 'named' or kind == 'braced':
                if text not in ids:
                    ids.append(text)
        return ids


####################################################################
# Formatter: str.format's machinery, with each step a method that
# subclasses can override.

def _parse_format(s):
    """Yield (literal_text, field_name, format_spec, conversion) for the
    replacement fields of s, as Formatter.parse describes."""
    n = len(s)
    i = 0
    while i < n:
        # literal text, up to a replacement field or a doubled brace
        start = i
        while i < n and s[i] != '{' and s[i] != '}':
            i += 1
        literal = s[start:i]
        if i >= n:
            yield (literal, None, None, None)
            return
        brace = s[i]
        if i + 1 < n and s[i + 1] == brace:
            yield (literal + brace, None, None, None)
            i += 2
            continue
        if brace == '}':
            raise ValueError("Single '}' encountered in format string")
        i += 1
        if i >= n:
            raise ValueError("Single '{' encountered in format string")
        # the field name ends at '}', ':' or '!' ('[...]' is skipped whole)
        start = i
        stop = None
        while i < n:
            c = s[i]
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while i < n and s[i] != ']':
                    i += 1
                if i < n:
                    i += 1
                continue
            if c == '}' or c == ':' or c == '!':
                stop = c
                break
            i += 1
        if stop is None:
            raise ValueError("expected '}' before end of string")
        field_name = s[start:i]
        conversion = None
        if stop == '!':
            i += 1
            if i >= n:
                raise ValueError("end of string while looking for conversion "
                                 "specifier")
            conversion = s[i]
            i += 1
            if i >= n:
                raise ValueError("unmatched '{' in format spec")
            stop = s[i]
            if stop != ':' and stop != '}':
                raise ValueError("expected ':' after conversion specifier")
        format_spec = ''
        if stop == ':':
            i += 1
            start = i
            depth = 1
            while i < n:
                c = s[i]
                if c == '{':
                    depth += 1
                elif c == '}':
                    depth -= 1
                    if depth == 0:
                        break
                i += 1
            if i >= n:
                raise ValueError("unmatched '{' in format spec")
            format_spec = s[start:i]
        # s[i] is the closing '}'
        i += 1
        yield (literal, field_name, format_spec, conversion)


def _split_field_name(name):
    """The first part of a field name (an int when it is all digits) and
    the list of (is_attribute, key) accessors after it."""
    n = len(name)
    i = 0
    while i < n and name[i] != '.' and name[i] != '[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] != '.' and name[i] != '[':
                i += 1
            if i == start:
                raise ValueError("Empty attribute in format string")
            rest.append((True, name[start:i]))
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            if key == '':
                raise ValueError("Empty attribute in format string")
            if key.isdigit():
                key = int(key)
            rest.append((False, key))
            i += 1
            if i < n and name[i] != '.' and name[i] != '[':
                raise ValueError("Only '.' or '[' may follow ']' in format "
                                 "field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format "
                             "field specifier")
    return first, rest


class Formatter:
    """The formatting engine of str.format, open to customisation:
    vformat() parses the string with parse(), looks each field up with
    get_field()/get_value(), applies convert_field() and format_field(),
    and finally calls check_unused_args()."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field_name, format_spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field_name is None:
                continue
            # '' numbers the fields automatically; a number names one; the
            # two styles cannot be mixed.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    # (CPython words this case the same way as the other)
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            # the format spec may itself contain replacement fields
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier %s" % (conversion,))

    def parse(self, format_string):
        """An iterable of (literal_text, field_name, format_spec,
        conversion) tuples; the last three are None after literal text
        that no field follows."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """The object field_name refers to, and the key (first part) it
        was looked up with."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
