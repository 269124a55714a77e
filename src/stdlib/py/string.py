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
There is no Formatter.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Template"]

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
