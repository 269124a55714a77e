"""Tokenization of Python source, as CPython 3.11's pure-Python tokenizer.

`generate_tokens(readline)` reads str lines and yields `TokenInfo` tuples
(type, string, start, end, line); `tokenize(readline)` reads bytes lines,
finds their encoding (`detect_encoding`: a UTF-8 BOM or a PEP 263 coding
cookie in the first two lines) and starts with an ENCODING token.  Besides
the grammar's tokens the stream has COMMENT, NL (a line break that does not
end a logical line) and ERRORTOKEN (a character that starts no token).  As in
3.11, an f-string is one STRING token.  `untokenize` turns tokens back into
source: the exact text from full 5-tuples, an equivalent one from
(type, string) pairs.

The token patterns are regular expressions matched line by line, so the
stream is CPython's token for token, with its positions, its NL/NEWLINE
choices and its TokenError messages.  The C tokenizer's private entry point
(`_generate_tokens_from_c_tokenizer`) is not provided.
"""

import re
import sys
import functools
import itertools as _itertools
import collections
from builtins import open as _builtin_open
from codecs import lookup, BOM_UTF8
from io import TextIOWrapper

import token
from token import *
from token import EXACT_TOKEN_TYPES

__author__ = 'Ka-Ping Yee <ping@lfw.org>'
__credits__ = ('GvR, ESR, Tim Peters, Thomas Wouters, Fred Drake, '
               'Skip Montanaro, Raymond Hettinger, Trent Nelson, '
               'Michael Foord')

__all__ = token.__all__ + ["tokenize", "generate_tokens", "detect_encoding",
                           "untokenize", "TokenInfo"]

cookie_re = re.compile(r'^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)', re.ASCII)
blank_re = re.compile(br'^[ \t\f]*(?:[#\r\n]|$)', re.ASCII)

tabsize = 8


class TokenInfo(collections.namedtuple('TokenInfo',
                                       'type string start end line')):
    def __repr__(self):
        kind = '%d (%s)' % (self.type, tok_name[self.type])
        return ('TokenInfo(type=%s, string=%r, start=%r, end=%r, line=%r)'
                % (kind, self.string, self.start, self.end, self.line))

    @property
    def exact_type(self):
        if self.type == OP and self.string in EXACT_TOKEN_TYPES:
            return EXACT_TOKEN_TYPES[self.string]
        return self.type


# -- the token patterns --------------------------------------------------------

def group(*choices):
    return '(' + '|'.join(choices) + ')'


def any(*choices):
    return group(*choices) + '*'


def maybe(*choices):
    return group(*choices) + '?'


Whitespace = r'[ \f\t]*'
Comment = r'#[^\r\n]*'
Ignore = Whitespace + any(r'\\\r?\n' + Whitespace) + maybe(Comment)
Name = r'\w+'

Hexnumber = r'0[xX](?:_?[0-9a-fA-F])+'
Binnumber = r'0[bB](?:_?[01])+'
Octnumber = r'0[oO](?:_?[0-7])+'
Decnumber = r'(?:0(?:_?0)*|[1-9](?:_?[0-9])*)'
Intnumber = group(Hexnumber, Binnumber, Octnumber, Decnumber)
Exponent = r'[eE][-+]?[0-9](?:_?[0-9])*'
Pointfloat = group(r'[0-9](?:_?[0-9])*\.(?:[0-9](?:_?[0-9])*)?',
                   r'\.[0-9](?:_?[0-9])*') + maybe(Exponent)
Expfloat = r'[0-9](?:_?[0-9])*' + Exponent
Floatnumber = group(Pointfloat, Expfloat)
Imagnumber = group(r'[0-9](?:_?[0-9])*[jJ]', Floatnumber + r'[jJ]')
Number = group(Imagnumber, Floatnumber, Intnumber)


def _all_string_prefixes():
    # Every spelling of every valid prefix: each letter in either case and
    # the two-letter prefixes in either order, plus the empty prefix.
    bases = ('b', 'r', 'u', 'f', 'br', 'fr')
    found = {''}
    for base in bases:
        orders = {base, base[::-1]}
        for word in orders:
            spellings = ['']
            for ch in word:
                spellings = [s + c for s in spellings
                             for c in (ch.lower(), ch.upper())]
            found.update(spellings)
    return found


@functools.lru_cache
def _compile(expr):
    return re.compile(expr, re.UNICODE)


StringPrefix = group(*_all_string_prefixes())

# The rest of a string once its opening quote has been read.
Single = r"[^'\\]*(?:\\.[^'\\]*)*'"
Double = r'[^"\\]*(?:\\.[^"\\]*)*"'
Single3 = r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''"
Double3 = r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""'
Triple = group(StringPrefix + "'''", StringPrefix + '"""')
String = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*'",
               StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*"')

# Longest operators first, so that '**=' is tried before '**' and '*'.
Special = group(*map(re.escape, sorted(EXACT_TOKEN_TYPES, reverse=True)))
Funny = group(r'\r?\n', Special)

PlainToken = group(Number, Funny, String, Name)
Token = Ignore + PlainToken

# A single-quoted string up to its end, or up to a backslash-newline.
ContStr = group(StringPrefix + r"'[^\n'\\]*(?:\\.[^\n'\\]*)*" +
                group("'", r'\\\r?\n'),
                StringPrefix + r'"[^\n"\\]*(?:\\.[^\n"\\]*)*' +
                group('"', r'\\\r?\n'))
PseudoExtras = group(r'\\\r?\n|\Z', Comment, Triple)
PseudoToken = Whitespace + group(PseudoExtras, Number, Funny, ContStr, Name)

endpats = {}
single_quoted = set()
triple_quoted = set()
for _prefix in _all_string_prefixes():
    endpats[_prefix + "'"] = Single
    endpats[_prefix + '"'] = Double
    endpats[_prefix + "'''"] = Single3
    endpats[_prefix + '"""'] = Double3
    single_quoted.add(_prefix + "'")
    single_quoted.add(_prefix + '"')
    triple_quoted.add(_prefix + "'''")
    triple_quoted.add(_prefix + '"""')
del _prefix


class TokenError(Exception):
    pass


class StopTokenizing(Exception):
    pass


# -- untokenize ----------------------------------------------------------------

class Untokenizer:

    def __init__(self):
        self.tokens = []
        self.prev_row = 1
        self.prev_col = 0
        self.encoding = None

    def add_whitespace(self, start):
        row, col = start
        if (row, col) < (self.prev_row, self.prev_col):
            raise ValueError("start ({},{}) precedes previous end ({},{})"
                             .format(row, col, self.prev_row, self.prev_col))
        if row > self.prev_row:
            self.tokens.append("\\\n" * (row - self.prev_row))
            self.prev_col = 0
        if col > self.prev_col:
            self.tokens.append(" " * (col - self.prev_col))

    def untokenize(self, iterable):
        it = iter(iterable)
        indents = []
        at_line_start = False
        for tok in it:
            if len(tok) == 2:
                self.compat(tok, it)
                break
            kind, text, start, end, line = tok
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind == ENDMARKER:
                break
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                self.prev_row, self.prev_col = end
                continue
            if kind == NEWLINE or kind == NL:
                at_line_start = True
            elif at_line_start and indents:
                indent = indents[-1]
                if start[1] >= len(indent):
                    self.tokens.append(indent)
                    self.prev_col = len(indent)
                at_line_start = False
            self.add_whitespace(start)
            self.tokens.append(text)
            self.prev_row, self.prev_col = end
            if kind == NEWLINE or kind == NL:
                self.prev_row += 1
                self.prev_col = 0
        return "".join(self.tokens)

    def compat(self, first, iterable):
        # Only (type, string) is known: spaces are put where they are needed.
        indents = []
        out = self.tokens
        at_line_start = first[0] in (NEWLINE, NL)
        after_string = False
        for tok in _itertools.chain([first], iterable):
            kind, text = tok[:2]
            if kind == ENCODING:
                self.encoding = text
                continue
            if kind == NAME or kind == NUMBER:
                text += ' '
            if kind == STRING:
                if after_string:
                    text = ' ' + text
                after_string = True
            else:
                after_string = False
            if kind == INDENT:
                indents.append(text)
                continue
            if kind == DEDENT:
                indents.pop()
                continue
            if kind == NEWLINE or kind == NL:
                at_line_start = True
            elif at_line_start and indents:
                out.append(indents[-1])
                at_line_start = False
            out.append(text)


def untokenize(iterable):
    """Source text for the tokens (bytes if an ENCODING token was seen)."""
    ut = Untokenizer()
    text = ut.untokenize(iterable)
    if ut.encoding is not None:
        text = text.encode(ut.encoding)
    return text


# -- encodings -----------------------------------------------------------------

def _get_normal_name(orig_enc):
    enc = orig_enc[:12].lower().replace("_", "-")
    if enc == "utf-8" or enc.startswith("utf-8-"):
        return "utf-8"
    for latin in ("latin-1", "iso-8859-1", "iso-latin-1"):
        if enc == latin or enc.startswith(latin + "-"):
            return "iso-8859-1"
    return orig_enc


def detect_encoding(readline):
    """Read at most two lines through `readline` to find the source's
    encoding; return it with the lines read (as bytes)."""
    try:
        filename = readline.__self__.name
    except AttributeError:
        filename = None
    state = {'bom': False}

    def next_line():
        try:
            return readline()
        except StopIteration:
            return b''

    def cookie_of(line):
        try:
            text = line.decode('utf-8')
        except UnicodeDecodeError:
            msg = "invalid or missing encoding declaration"
            if filename is not None:
                msg = '{} for {!r}'.format(msg, filename)
            raise SyntaxError(msg)
        m = cookie_re.match(text)
        if m is None:
            return None
        enc = _get_normal_name(m.group(1))
        try:
            lookup(enc)
        except LookupError:
            if filename is None:
                msg = "unknown encoding: " + enc
            else:
                msg = "unknown encoding for {!r}: {}".format(filename, enc)
            raise SyntaxError(msg)
        if state['bom']:
            if enc != 'utf-8':
                if filename is None:
                    msg = 'encoding problem: utf-8'
                else:
                    msg = 'encoding problem for {!r}: utf-8'.format(filename)
                raise SyntaxError(msg)
            enc += '-sig'
        return enc

    default = 'utf-8'
    first = next_line()
    if first.startswith(BOM_UTF8):
        state['bom'] = True
        first = first[3:]
        default = 'utf-8-sig'
    if not first:
        return default, []
    enc = cookie_of(first)
    if enc:
        return enc, [first]
    if not blank_re.match(first):
        return default, [first]
    second = next_line()
    if not second:
        return default, [first]
    enc = cookie_of(second)
    if enc:
        return enc, [first, second]
    return default, [first, second]


class _ReadModeText(TextIOWrapper):
    mode = 'r'


def open(filename):
    """Open a Python source file as text, in the encoding that
    detect_encoding() finds for it."""
    buffer = _builtin_open(filename, 'rb')
    try:
        encoding, _lines = detect_encoding(buffer.readline)
        buffer.seek(0)
        text = TextIOWrapper(buffer, encoding, line_buffering=True)
        try:
            text.mode = 'r'
        except AttributeError:
            # A TextIOWrapper without an instance dict: a subclass whose
            # class attribute hides the inherited `mode`.
            text.detach()
            text = _ReadModeText(buffer, encoding, line_buffering=True)
        return text
    except BaseException:
        buffer.close()
        raise


# -- the tokenizer -------------------------------------------------------------

def tokenize(readline):
    """Tokenize a bytes stream: `readline` returns one line of bytes per
    call.  The first token is ENCODING, the source's encoding."""
    encoding, consumed = detect_encoding(readline)
    rest = iter(readline, b"")
    lines = _itertools.chain(consumed, rest, _itertools.repeat(b""))
    return _tokenize(lines.__next__, encoding)


def generate_tokens(readline):
    """Tokenize a str stream: `readline` returns one line of text per call
    (or raises StopIteration at the end)."""
    return _tokenize(readline, None)


def _tokenize(readline, encoding):
    lnum = 0
    depth = 0                 # open brackets
    continued = False         # the line before ended in a backslash
    indents = [0]
    # A string that goes on over several lines:
    pending = ''              # its text so far
    pending_line = None       # the lines it spans
    pending_start = None
    pending_needs_bs = False  # single-quoted: each line must end in '\'
    endprog = None
    digits = '0123456789'

    if encoding is not None:
        if encoding == "utf-8-sig":
            encoding = "utf-8"
        yield TokenInfo(ENCODING, encoding, (0, 0), (0, 0), '')

    prev_line = b''
    line = b''
    while True:
        prev_line = line
        try:
            line = readline()
        except StopIteration:
            line = b''
        if encoding is not None:
            line = line.decode(encoding)
        lnum += 1
        pos = 0
        end_of_line = len(line)

        if pending:
            if not line:
                raise TokenError("EOF in multi-line string", pending_start)
            m = endprog.match(line)
            if m:
                pos = m.end(0)
                yield TokenInfo(STRING, pending + line[:pos], pending_start,
                                (lnum, pos), pending_line + line)
                pending = ''
                pending_needs_bs = False
                pending_line = None
            elif (pending_needs_bs and line[-2:] != '\\\n'
                  and line[-3:] != '\\\r\n'):
                yield TokenInfo(ERRORTOKEN, pending + line, pending_start,
                                (lnum, len(line)), pending_line)
                pending = ''
                pending_line = None
                continue
            else:
                pending = pending + line
                pending_line = pending_line + line
                continue

        elif depth == 0 and not continued:
            # A new logical line: its indentation.
            if not line:
                break
            column = 0
            while pos < end_of_line:
                ch = line[pos]
                if ch == ' ':
                    column += 1
                elif ch == '\t':
                    column = (column // tabsize + 1) * tabsize
                elif ch == '\f':
                    column = 0
                else:
                    break
                pos += 1
            if pos == end_of_line:
                break

            ch = line[pos]
            if ch in '#\r\n':
                # Comments and blank lines do not count for indentation.
                if ch == '#':
                    text = line[pos:].rstrip('\r\n')
                    yield TokenInfo(COMMENT, text, (lnum, pos),
                                    (lnum, pos + len(text)), line)
                    pos += len(text)
                yield TokenInfo(NL, line[pos:], (lnum, pos),
                                (lnum, len(line)), line)
                continue

            if column > indents[-1]:
                indents.append(column)
                yield TokenInfo(INDENT, line[:pos], (lnum, 0), (lnum, pos),
                                line)
            while column < indents[-1]:
                if column not in indents:
                    raise IndentationError(
                        "unindent does not match any outer indentation level",
                        ("<tokenize>", lnum, pos, line))
                del indents[-1]
                yield TokenInfo(DEDENT, '', (lnum, pos), (lnum, pos), line)

        else:
            # The logical line goes on: inside brackets or after a '\'.
            if not line:
                raise TokenError("EOF in multi-line statement", (lnum, 0))
            continued = False

        pseudo = _compile(PseudoToken)
        while pos < end_of_line:
            m = pseudo.match(line, pos)
            if m is None:
                yield TokenInfo(ERRORTOKEN, line[pos], (lnum, pos),
                                (lnum, pos + 1), line)
                pos += 1
                continue
            start, end = m.span(1)
            spos = (lnum, start)
            epos = (lnum, end)
            pos = end
            if start == end:
                continue
            text = line[start:end]
            first = line[start]

            if first in digits or (first == '.' and text != '.'
                                   and text != '...'):
                yield TokenInfo(NUMBER, text, spos, epos, line)
            elif first in '\r\n':
                kind = NL if depth > 0 else NEWLINE
                yield TokenInfo(kind, text, spos, epos, line)
            elif first == '#':
                yield TokenInfo(COMMENT, text, spos, epos, line)
            elif text in triple_quoted:
                endprog = _compile(endpats[text])
                m = endprog.match(line, pos)
                if m:
                    pos = m.end(0)
                    yield TokenInfo(STRING, line[start:pos], spos, (lnum, pos),
                                    line)
                else:
                    pending_start = (lnum, start)
                    pending = line[start:]
                    pending_line = line
                    break
            elif (first in single_quoted or text[:2] in single_quoted
                  or text[:3] in single_quoted):
                if text[-1] == '\n':
                    # Ends in backslash-newline: the string goes on.
                    pending_start = (lnum, start)
                    quote = first
                    if quote not in '\'"':
                        quote = text[1] if text[1] in '\'"' else text[2]
                    endprog = _compile(endpats[quote])
                    pending = line[start:]
                    pending_needs_bs = True
                    pending_line = line
                    break
                yield TokenInfo(STRING, text, spos, epos, line)
            elif first.isidentifier():
                yield TokenInfo(NAME, text, spos, epos, line)
            elif first == '\\':
                continued = True
            else:
                if first in '([{':
                    depth += 1
                elif first in ')]}':
                    depth -= 1
                yield TokenInfo(OP, text, spos, epos, line)

    # A last line without a line break still ends its logical line.
    if (prev_line and prev_line[-1] not in '\r\n'
            and not prev_line.strip().startswith("#")):
        yield TokenInfo(NEWLINE, '', (lnum - 1, len(prev_line)),
                        (lnum - 1, len(prev_line) + 1), '')
    for _level in indents[1:]:
        yield TokenInfo(DEDENT, '', (lnum, 0), (lnum, 0), '')
    yield TokenInfo(ENDMARKER, '', (lnum, 0), (lnum, 0), '')


# -- python -m tokenize ----------------------------------------------------------

def main():
    import argparse

    def perror(message):
        sys.stderr.write(message)
        sys.stderr.write('\n')

    def error(message, filename=None, location=None):
        if location:
            perror("%s:%d:%d: error: %s" % ((filename,) + location + (message,)))
        elif filename:
            perror("%s: error: %s" % (filename, message))
        else:
            perror("error: %s" % message)
        sys.exit(1)

    parser = argparse.ArgumentParser(prog='python -m tokenize')
    parser.add_argument(dest='filename', nargs='?',
                        metavar='filename.py',
                        help='the file to tokenize; defaults to stdin')
    parser.add_argument('-e', '--exact', dest='exact', action='store_true',
                        help='display token names using the exact type')
    args = parser.parse_args()

    try:
        if args.filename:
            filename = args.filename
            with _builtin_open(filename, 'rb') as f:
                tokens = list(tokenize(f.readline))
        else:
            filename = "<stdin>"
            tokens = _tokenize(sys.stdin.readline, None)

        for tok in tokens:
            kind = tok.exact_type if args.exact else tok.type
            where = "%d,%d-%d,%d:" % (tok.start + tok.end)
            print("%-20s%-15s%-15r" % (where, tok_name[kind], tok.string))
    except IndentationError as err:
        line, column = err.args[1][1:3]
        error(err.args[0], filename, (line, column))
    except TokenError as err:
        line, column = err.args[1]
        error(err.args[0], filename, (line, column))
    except SyntaxError as err:
        error(err, filename)
    except OSError as err:
        error(err)
    except KeyboardInterrupt:
        print("interrupted\n")
    except Exception as err:
        perror("unexpected error: %s" % err)
        raise


if __name__ == "__main__":
    main()
