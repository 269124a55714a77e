"""Codec registry, base classes and the standard codecs, as CPython's
`codecs` (with its `_codecs` and the `encodings` package folded in).

Text codecs: utf-8, utf-8-sig, ascii, latin-1 (iso8859-1), utf-16 and
utf-32 (with a BOM, -le and -be), and the bytes-to-bytes codecs hex, base64,
zlib and rot-13 (str to str). utf-8, ascii and latin-1 use the interpreter's
own `str.encode`/`bytes.decode` for the error handlers it knows (strict,
ignore, replace, backslashreplace, surrogateescape); other handlers, including
those added with `register_error`, and the utf-16/utf-32 codecs are written
here. `str.encode()` itself knows only utf-8, ascii and latin-1: the other
codecs are reached through this module (`codecs.encode`, `lookup`, `open`).

Differences: strings cannot hold lone surrogates, so surrogateescape and
surrogatepass cannot round-trip undecodable bytes; `namereplace` needs the
Unicode name database (absent) and raises NotImplementedError; no utf-7,
unicode_escape or charmap codecs.
"""

import builtins
import sys

__all__ = ["register", "lookup", "open", "EncodedFile", "BOM", "BOM_BE",
           "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
           "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE",
           "BOM_UTF32", "BOM_UTF32_LE", "BOM_UTF32_BE",
           "CodecInfo", "Codec", "IncrementalEncoder", "IncrementalDecoder",
           "StreamReader", "StreamWriter",
           "StreamReaderWriter", "StreamRecoder",
           "getencoder", "getdecoder", "getincrementalencoder",
           "getincrementaldecoder", "getreader", "getwriter",
           "encode", "decode", "iterencode", "iterdecode",
           "strict_errors", "ignore_errors", "replace_errors",
           "xmlcharrefreplace_errors",
           "backslashreplace_errors", "namereplace_errors",
           "register_error", "lookup_error"]

# Byte order marks.
BOM_UTF8 = b'\xef\xbb\xbf'
BOM_LE = BOM_UTF16_LE = b'\xff\xfe'
BOM_BE = BOM_UTF16_BE = b'\xfe\xff'
BOM_UTF32_LE = b'\xff\xfe\x00\x00'
BOM_UTF32_BE = b'\x00\x00\xfe\xff'
if sys.byteorder == 'little':
    BOM = BOM_UTF16 = BOM_UTF16_LE
    BOM_UTF32 = BOM_UTF32_LE
else:
    BOM = BOM_UTF16 = BOM_UTF16_BE
    BOM_UTF32 = BOM_UTF32_BE
# Old names.
BOM32_LE = BOM_UTF16_LE
BOM32_BE = BOM_UTF16_BE
BOM64_LE = BOM_UTF32_LE
BOM64_BE = BOM_UTF32_BE


_TranslateError = getattr(builtins, 'UnicodeTranslateError', None)
_UNICODE_ERRORS = (UnicodeEncodeError, UnicodeDecodeError)
if _TranslateError is not None:
    _UNICODE_ERRORS = _UNICODE_ERRORS + (_TranslateError,)


def _unicode_errors_complete():
    # Whether the interpreter's UnicodeDecodeError keeps its fields and
    # formats its message; if not, the codecs here raise the subclasses
    # below, which do.
    try:
        e = UnicodeDecodeError('x', b'a', 0, 1, 'r')
        return (e.start == 0 and
                str(e) == "'x' codec can't decode byte 0x61 in position 0: r")
    except Exception:
        return False


if _unicode_errors_complete():
    _DecodeError = UnicodeDecodeError
    _EncodeError = UnicodeEncodeError
else:
    class _DecodeError(UnicodeDecodeError):
        __module__ = 'builtins'
        __qualname__ = 'UnicodeDecodeError'

        def __init__(self, encoding, object, start, end, reason):
            self.encoding = encoding
            self.object = object
            self.start = start
            self.end = end
            self.reason = reason

        def __str__(self):
            if self.end == self.start + 1:
                return ("'%s' codec can't decode byte 0x%02x in position "
                        "%d: %s" % (self.encoding, self.object[self.start],
                                    self.start, self.reason))
            return ("'%s' codec can't decode bytes in position %d-%d: %s"
                    % (self.encoding, self.start, self.end - 1, self.reason))

    class _EncodeError(UnicodeEncodeError):
        __module__ = 'builtins'
        __qualname__ = 'UnicodeEncodeError'

        def __init__(self, encoding, object, start, end, reason):
            self.encoding = encoding
            self.object = object
            self.start = start
            self.end = end
            self.reason = reason

        def __str__(self):
            if self.end == self.start + 1:
                return ("'%s' codec can't encode character '%s' in position "
                        "%d: %s" % (self.encoding,
                                    _escape_char(self.object[self.start]),
                                    self.start, self.reason))
            return ("'%s' codec can't encode characters in position %d-%d: "
                    "%s" % (self.encoding, self.start, self.end - 1,
                            self.reason))

    _DecodeError.__name__ = 'UnicodeDecodeError'
    _EncodeError.__name__ = 'UnicodeEncodeError'


def _decode_error_fields(e):
    # (start, end, reason) of a Unicode error raised by bytes.decode or
    # str.encode; read back from its message when it carries only that.
    try:
        return e.start, e.end, e.reason
    except AttributeError:
        pass
    if len(e.args) == 5:
        return e.args[2], e.args[3], e.args[4]
    msg = str(e)
    head, sep, reason = msg.partition(': ')
    where = head.rsplit(' ', 1)[1]
    if '-' in where:
        a, b = where.split('-')
        return int(a), int(b) + 1, reason
    return int(where), int(where) + 1, reason


class CodecInfo(tuple):
    """What lookup() returns: the codec's functions and classes (a 4-tuple
    of encode, decode, stream reader and writer, with more as attributes)."""

    _is_text_encoding = True

    def __new__(cls, encode, decode, streamreader=None, streamwriter=None,
                incrementalencoder=None, incrementaldecoder=None, name=None,
                *, _is_text_encoding=None):
        self = tuple.__new__(cls, (encode, decode, streamreader, streamwriter))
        self.name = name
        self.encode = encode
        self.decode = decode
        self.incrementalencoder = incrementalencoder
        self.incrementaldecoder = incrementaldecoder
        self.streamwriter = streamwriter
        self.streamreader = streamreader
        if _is_text_encoding is not None:
            self._is_text_encoding = _is_text_encoding
        return self

    def __repr__(self):
        return "<%s.%s object for encoding %s at %#x>" % (
            self.__class__.__module__, self.__class__.__qualname__,
            self.name, id(self))


# Error handlers.

def _exc_fields(exc):
    # start, end and object of a Unicode error; from args when the
    # attributes are missing.
    try:
        return exc.object, exc.start, exc.end
    except AttributeError:
        return exc.args[1], exc.args[2], exc.args[3]


def _cannot_handle(exc):
    if not isinstance(exc, BaseException):
        raise TypeError("don't know how to handle %s in error callback"
                        % type(exc).__name__)
    raise TypeError("don't know how to handle %s in error callback"
                    % type(exc).__name__)


def strict_errors(exc):
    """The 'strict' error handler: raises the exception it is given."""
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError("codec must pass exception instance")


def ignore_errors(exc):
    """The 'ignore' error handler: drops what cannot be coded."""
    if isinstance(exc, _UNICODE_ERRORS):
        return ('', _exc_fields(exc)[2])
    _cannot_handle(exc)


def replace_errors(exc):
    """The 'replace' error handler: '?' when encoding, U+FFFD when decoding."""
    if isinstance(exc, UnicodeEncodeError):
        obj, start, end = _exc_fields(exc)
        return ('?' * (end - start), end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', _exc_fields(exc)[2])
    if _TranslateError is not None and isinstance(exc, _TranslateError):
        obj, start, end = _exc_fields(exc)
        return ('\ufffd' * (end - start), end)
    _cannot_handle(exc)


def _escape_char(c):
    n = ord(c)
    if n < 0x100:
        return '\\x%02x' % n
    if n < 0x10000:
        return '\\u%04x' % n
    return '\\U%08x' % n


def backslashreplace_errors(exc):
    """The 'backslashreplace' error handler: backslash escapes."""
    if isinstance(exc, UnicodeDecodeError):
        obj, start, end = _exc_fields(exc)
        return (''.join('\\x%02x' % b for b in obj[start:end]), end)
    if isinstance(exc, _UNICODE_ERRORS):
        obj, start, end = _exc_fields(exc)
        return (''.join(_escape_char(c) for c in obj[start:end]), end)
    _cannot_handle(exc)


def xmlcharrefreplace_errors(exc):
    """The 'xmlcharrefreplace' error handler (encoding only): &#NNN;."""
    if isinstance(exc, UnicodeEncodeError):
        obj, start, end = _exc_fields(exc)
        return (''.join('&#%d;' % ord(c) for c in obj[start:end]), end)
    _cannot_handle(exc)


def namereplace_errors(exc):
    """The 'namereplace' error handler (encoding only): \\N{NAME}."""
    if isinstance(exc, UnicodeEncodeError):
        raise NotImplementedError(
            "the 'namereplace' error handler needs the Unicode name database")
    _cannot_handle(exc)


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'backslashreplace': backslashreplace_errors,
    'namereplace': namereplace_errors,
}


def register_error(name, handler):
    """Make handler the error handler called `name`."""
    if not isinstance(name, str):
        raise TypeError("register_error() argument 1 must be str, not %s"
                        % type(name).__name__)
    if not callable(handler):
        raise TypeError("handler must be callable")
    _error_handlers[name] = handler


def lookup_error(name):
    """The error handler called `name`; LookupError if there is none."""
    if not isinstance(name, str):
        raise TypeError("lookup_error() argument must be str, not %s"
                        % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        pass
    raise LookupError("unknown error handler name '%s'" % name)


# The handlers the interpreter's str.encode/bytes.decode apply themselves.
_NATIVE_ERRORS = ('strict', 'ignore', 'replace', 'backslashreplace',
                  'surrogateescape')


def _errors_name(errors):
    if errors is None:
        return 'strict'
    if not isinstance(errors, str):
        raise TypeError("encode() argument 'errors' must be str, not %s"
                        % type(errors).__name__)
    return errors


def _handle(errors, exc, length, text_out):
    # Call the handler for one error; return (replacement, new position).
    handler = lookup_error(errors)
    res = handler(exc)
    if (not isinstance(res, tuple) or len(res) != 2
            or not isinstance(res[1], int)
            or not isinstance(res[0], (str, bytes) if not text_out else str)):
        if text_out:
            raise TypeError("decoding error handler must return "
                            "(str, int) tuple")
        raise TypeError("encoding error handler must return "
                        "(str/bytes, int) tuple")
    rep, pos = res
    if pos < 0:
        pos += length
    if pos < 0 or pos > length:
        raise IndexError("position %d from error handler out of bounds"
                         % res[1])
    return rep, pos


def _check_str(s, fname):
    if not isinstance(s, str):
        raise TypeError("%s() argument 1 must be str, not %s"
                        % (fname, type(s).__name__))


def _check_bytes(data):
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if isinstance(data, memoryview):
        return data.tobytes()
    raise TypeError("a bytes-like object is required, not '%s'"
                    % type(data).__name__)


# ascii and latin-1: every character below the limit is one byte.

def _charset_encode(name, limit, s, errors):
    errors = _errors_name(errors)
    if errors in _NATIVE_ERRORS:
        try:
            return s.encode(name, errors)
        except UnicodeEncodeError as e:
            if _EncodeError is UnicodeEncodeError:
                raise
            fields = _decode_error_fields(e)
        raise _EncodeError(name, s, fields[0], fields[1], fields[2])
    out = []
    pos = 0
    n = len(s)
    reason = "ordinal not in range(%d)" % limit
    while pos < n:
        i = pos
        while i < n and ord(s[i]) < limit:
            i += 1
        out.append(s[pos:i].encode(name))
        if i >= n:
            break
        j = i + 1
        while j < n and ord(s[j]) >= limit:
            j += 1
        exc = _EncodeError(name, s, i, j, reason)
        rep, pos = _handle(errors, exc, n, False)
        if isinstance(rep, str):
            for c in rep:
                if ord(c) >= limit:
                    raise exc
            rep = rep.encode(name)
        out.append(rep)
    return b''.join(out)


def _native_decode(name, data, errors):
    # bytes.decode, the errors not known to it handled here.
    errors = _errors_name(errors)
    if errors in _NATIVE_ERRORS:
        try:
            return data.decode(name, errors)
        except UnicodeDecodeError as e:
            if _DecodeError is UnicodeDecodeError:
                raise
            fields = _decode_error_fields(e)
        raise _DecodeError(name, data, fields[0], fields[1], fields[2])
    out = []
    pos = 0
    n = len(data)
    while pos < n:
        try:
            out.append(data[pos:].decode(name))
            break
        except UnicodeDecodeError as e:
            start, end, reason = _decode_error_fields(e)
        out.append(data[pos:pos + start].decode(name))
        exc = _DecodeError(name, data, pos + start, pos + end, reason)
        rep, pos = _handle(errors, exc, n, True)
        out.append(rep)
    return ''.join(out)


def ascii_encode(s, errors=None):
    _check_str(s, 'ascii_encode')
    return (_charset_encode('ascii', 128, s, errors), len(s))


def ascii_decode(data, errors=None):
    data = _check_bytes(data)
    return (_native_decode('ascii', data, errors), len(data))


def latin_1_encode(s, errors=None):
    _check_str(s, 'latin_1_encode')
    return (_charset_encode('latin-1', 256, s, errors), len(s))


def latin_1_decode(data, errors=None):
    data = _check_bytes(data)
    _errors_name(errors)
    return (data.decode('latin-1'), len(data))


# utf-8

def _utf8_incomplete_tail(data):
    # The length of an unfinished but so far valid sequence at the end.
    n = len(data)
    for back in (1, 2, 3):
        if back > n:
            return 0
        b = data[n - back]
        if 0x80 <= b < 0xc0:
            continue
        if 0xc2 <= b <= 0xdf:
            need = 2
        elif 0xe0 <= b <= 0xef:
            need = 3
        elif 0xf0 <= b <= 0xf4:
            need = 4
        else:
            return 0
        if back >= need:
            return 0
        if back >= 2:
            second = data[n - back + 1]
            lo, hi = 0x80, 0xbf
            if b == 0xe0:
                lo = 0xa0
            elif b == 0xed:
                hi = 0x9f
            elif b == 0xf0:
                lo = 0x90
            elif b == 0xf4:
                hi = 0x8f
            if not lo <= second <= hi:
                return 0
        return back
    return 0


def utf_8_encode(s, errors=None):
    _check_str(s, 'utf_8_encode')
    _errors_name(errors)
    return (s.encode('utf-8'), len(s))


def utf_8_decode(data, errors=None, final=False):
    data = _check_bytes(data)
    end = len(data)
    if not final:
        end -= _utf8_incomplete_tail(data)
        data = data[:end]
    return (_native_decode('utf-8', data, errors), end)


# utf-16 and utf-32, both byte orders.

def _utf16_units(s, little):
    out = bytearray()
    for c in s:
        n = ord(c)
        if n >= 0x10000:
            n -= 0x10000
            units = (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))
        else:
            units = (n,)
        for u in units:
            if little:
                out.append(u & 0xff)
                out.append(u >> 8)
            else:
                out.append(u >> 8)
                out.append(u & 0xff)
    return bytes(out)


def _utf32_units(s, little):
    out = bytearray()
    for c in s:
        out += ord(c).to_bytes(4, 'little' if little else 'big')
    return bytes(out)


def _utf16_decode(name, data, errors, final, little, pos=0):
    # Decodes data[pos:]; returns (text, position reached).
    out = []
    n = len(data)
    if little:
        def unit(i):
            return data[i] | (data[i + 1] << 8)
    else:
        def unit(i):
            return (data[i] << 8) | data[i + 1]
    while pos < n:
        if n - pos < 2:
            if not final:
                break
            exc = _DecodeError(name, data, pos, n, "truncated data")
        else:
            u = unit(pos)
            if u < 0xd800 or u > 0xdfff:
                out.append(chr(u))
                pos += 2
                continue
            if u >= 0xdc00:
                exc = _DecodeError(name, data, pos, pos + 2,
                                         "illegal encoding")
            elif n - pos < 4:
                if not final:
                    break
                exc = _DecodeError(name, data, pos, n,
                                         "unexpected end of data")
            else:
                u2 = unit(pos + 2)
                if 0xdc00 <= u2 <= 0xdfff:
                    out.append(chr(0x10000 + ((u - 0xd800) << 10)
                                   + (u2 - 0xdc00)))
                    pos += 4
                    continue
                exc = _DecodeError(name, data, pos, pos + 2,
                                         "illegal UTF-16 surrogate")
        rep, pos = _handle(_errors_name(errors), exc, n, True)
        out.append(rep)
    return ''.join(out), pos


def _utf32_decode(name, data, errors, final, little, pos=0):
    out = []
    n = len(data)
    order = 'little' if little else 'big'
    while pos < n:
        if n - pos < 4:
            if not final:
                break
            exc = _DecodeError(name, data, pos, n, "truncated data")
        else:
            cp = int.from_bytes(data[pos:pos + 4], order)
            if cp >= 0x110000:
                exc = _DecodeError(name, data, pos, pos + 4,
                                         "code point not in range(0x110000)")
            elif 0xd800 <= cp < 0xe000:
                exc = _DecodeError(
                    name, data, pos, pos + 4,
                    "code point in surrogate code point range(0xd800, 0xe000)")
            else:
                out.append(chr(cp))
                pos += 4
                continue
        rep, pos = _handle(_errors_name(errors), exc, n, True)
        out.append(rep)
    return ''.join(out), pos


_NATIVE_LITTLE = sys.byteorder == 'little'


def utf_16_le_encode(s, errors=None):
    _check_str(s, 'utf_16_le_encode')
    return (_utf16_units(s, True), len(s))


def utf_16_be_encode(s, errors=None):
    _check_str(s, 'utf_16_be_encode')
    return (_utf16_units(s, False), len(s))


def utf_16_encode(s, errors=None, byteorder=0):
    _check_str(s, 'utf_16_encode')
    if byteorder == 0:
        bom = BOM_UTF16
        little = _NATIVE_LITTLE
    else:
        bom = b''
        little = byteorder < 0
    return (bom + _utf16_units(s, little), len(s))


def utf_16_le_decode(data, errors=None, final=False):
    return _utf16_decode('utf-16-le', _check_bytes(data), errors, final, True)


def utf_16_be_decode(data, errors=None, final=False):
    return _utf16_decode('utf-16-be', _check_bytes(data), errors, final,
                         False)


def _ex_decode(data, errors, byteorder, final, width, decode):
    # Returns (text, consumed, byte order found: -1 little, 1 big, 0 none);
    # `width` is 2 (UTF-16) or 4 (UTF-32).
    data = _check_bytes(data)
    le, be = ((BOM_UTF16_LE, BOM_UTF16_BE) if width == 2
              else (BOM_UTF32_LE, BOM_UTF32_BE))
    skip = 0
    if byteorder == 0:
        if data[:width] == le:
            byteorder = -1
            skip = width
        elif data[:width] == be:
            byteorder = 1
            skip = width
        elif len(data) < width and not final:
            return ('', 0, 0)
    little = _NATIVE_LITTLE if byteorder == 0 else byteorder < 0
    name = 'utf-%d-%s' % (width * 8, 'le' if little else 'be')
    text, used = decode(name, data, errors, final, little, skip)
    return (text, used, byteorder)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    return _ex_decode(data, errors, byteorder, final, 2, _utf16_decode)


def utf_16_decode(data, errors=None, final=False):
    text, used, order = utf_16_ex_decode(data, errors, 0, final)
    return (text, used)


def utf_32_le_encode(s, errors=None):
    _check_str(s, 'utf_32_le_encode')
    return (_utf32_units(s, True), len(s))


def utf_32_be_encode(s, errors=None):
    _check_str(s, 'utf_32_be_encode')
    return (_utf32_units(s, False), len(s))


def utf_32_encode(s, errors=None, byteorder=0):
    _check_str(s, 'utf_32_encode')
    if byteorder == 0:
        bom = BOM_UTF32
        little = _NATIVE_LITTLE
    else:
        bom = b''
        little = byteorder < 0
    return (bom + _utf32_units(s, little), len(s))


def utf_32_le_decode(data, errors=None, final=False):
    return _utf32_decode('utf-32-le', _check_bytes(data), errors, final, True)


def utf_32_be_decode(data, errors=None, final=False):
    return _utf32_decode('utf-32-be', _check_bytes(data), errors, final,
                         False)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    return _ex_decode(data, errors, byteorder, final, 4, _utf32_decode)


def utf_32_decode(data, errors=None, final=False):
    text, used, order = utf_32_ex_decode(data, errors, 0, final)
    return (text, used)


# The base classes.

class Codec:
    """Base of stateless codecs: encode() and decode() return (output,
    length consumed)."""

    def encode(self, input, errors='strict'):
        raise NotImplementedError

    def decode(self, input, errors='strict'):
        raise NotImplementedError


class IncrementalEncoder(object):
    """Base of encoders fed their input piece by piece."""

    def __init__(self, errors='strict'):
        self.errors = errors
        self.buffer = ""

    def encode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return 0

    def setstate(self, state):
        pass


class BufferedIncrementalEncoder(IncrementalEncoder):
    """An IncrementalEncoder keeping the input it cannot encode yet."""

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.buffer = ""

    def _buffer_encode(self, input, errors, final):
        raise NotImplementedError

    def encode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_encode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalEncoder.reset(self)
        self.buffer = ""

    def getstate(self):
        return self.buffer or 0

    def setstate(self, state):
        self.buffer = state or ""


class IncrementalDecoder(object):
    """Base of decoders fed their input piece by piece."""

    def __init__(self, errors='strict'):
        self.errors = errors

    def decode(self, input, final=False):
        raise NotImplementedError

    def reset(self):
        pass

    def getstate(self):
        return (b"", 0)

    def setstate(self, state):
        pass


class BufferedIncrementalDecoder(IncrementalDecoder):
    """An IncrementalDecoder keeping the bytes that do not make a whole
    character yet."""

    def __init__(self, errors='strict'):
        IncrementalDecoder.__init__(self, errors)
        self.buffer = b""

    def _buffer_decode(self, input, errors, final):
        raise NotImplementedError

    def decode(self, input, final=False):
        data = self.buffer + input
        (result, consumed) = self._buffer_decode(data, self.errors, final)
        self.buffer = data[consumed:]
        return result

    def reset(self):
        IncrementalDecoder.reset(self)
        self.buffer = b""

    def getstate(self):
        return (self.buffer, 0)

    def setstate(self, state):
        self.buffer = state[0]


class StreamWriter(Codec):

    def __init__(self, stream, errors='strict'):
        """A writer encoding to `stream`."""
        self.stream = stream
        self.errors = errors

    def write(self, object):
        """Encode the text and write it to the stream."""
        data, consumed = self.encode(object, self.errors)
        self.stream.write(data)

    def writelines(self, list):
        """Write the strings joined."""
        self.write(''.join(list))

    def reset(self):
        """Forget any buffered state."""
        pass

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        if whence == 0 and offset == 0:
            self.reset()

    def __getattr__(self, name):
        """Anything else is the stream's."""
        if name == 'stream' or name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReader(Codec):

    charbuffertype = str

    def __init__(self, stream, errors='strict'):
        """A reader decoding from `stream`."""
        self.stream = stream
        self.errors = errors
        self.bytebuffer = b""
        self._empty_charbuffer = self.charbuffertype()
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def decode(self, input, errors='strict'):
        raise NotImplementedError

    def read(self, size=-1, chars=-1, firstline=False):
        """Read and decode: at most `chars` characters when given, `size`
        is a hint of the bytes to read; everything by default."""
        if self.linebuffer:
            self.charbuffer = self._empty_charbuffer.join(self.linebuffer)
            self.linebuffer = None
        if chars < 0:
            # size is a hint of how many bytes to read.
            chars = size
        while True:
            if chars >= 0 and len(self.charbuffer) >= chars:
                break
            if size < 0:
                newdata = self.stream.read()
            else:
                newdata = self.stream.read(size)
            data = self.bytebuffer + newdata
            if not data:
                break
            try:
                newchars, decodedbytes = self.decode(data, self.errors)
            except UnicodeDecodeError as exc:
                if firstline:
                    newchars, decodedbytes = self.decode(
                        data[:exc.args[2]], self.errors)
                    lines = newchars.splitlines(keepends=True)
                    if len(lines) <= 1:
                        raise
                else:
                    raise
            self.bytebuffer = data[decodedbytes:]
            self.charbuffer += newchars
            if not newdata:
                break
        if chars < 0:
            result = self.charbuffer
            self.charbuffer = self._empty_charbuffer
        else:
            result = self.charbuffer[:chars]
            self.charbuffer = self.charbuffer[chars:]
        return result

    def readline(self, size=None, keepends=True):
        """Decode one line (lines end as for str.splitlines())."""
        if self.linebuffer:
            line = self.linebuffer[0]
            del self.linebuffer[0]
            if len(self.linebuffer) == 1:
                # The last one may be incomplete: back to charbuffer.
                self.charbuffer = self.linebuffer[0]
                self.linebuffer = None
            if not keepends:
                line = line.splitlines(keepends=False)[0]
            return line

        readsize = size or 72
        line = self._empty_charbuffer
        while True:
            data = self.read(readsize, firstline=True)
            if data:
                # A "\r" at the end may be the start of "\r\n".
                if data.endswith("\r"):
                    data += self.read(size=1, chars=1)
            line += data
            lines = line.splitlines(keepends=True)
            if lines:
                if len(lines) > 1:
                    line = lines[0]
                    del lines[0]
                    if len(lines) > 1:
                        lines[-1] += self.charbuffer
                        self.linebuffer = lines
                        self.charbuffer = None
                    else:
                        self.charbuffer = lines[0] + self.charbuffer
                    if not keepends:
                        line = line.splitlines(keepends=False)[0]
                    break
                line0withend = lines[0]
                line0withoutend = lines[0].splitlines(keepends=False)[0]
                if line0withend != line0withoutend:
                    # The line ended: keep the rest for the next call.
                    self.charbuffer = (
                        self._empty_charbuffer.join(lines[1:]) +
                        self.charbuffer)
                    if keepends:
                        line = line0withend
                    else:
                        line = line0withoutend
                    break
            if not data or size is not None:
                if line and not keepends:
                    line = line.splitlines(keepends=False)[0]
                break
            if readsize < 8000:
                readsize *= 2
        return line

    def readlines(self, sizehint=None, keepends=True):
        """Decode the rest of the stream as a list of lines."""
        data = self.read()
        return data.splitlines(keepends)

    def reset(self):
        """Forget any buffered state."""
        self.bytebuffer = b""
        self.charbuffer = self._empty_charbuffer
        self.linebuffer = None

    def seek(self, offset, whence=0):
        """Move the stream and forget buffered data."""
        self.stream.seek(offset, whence)
        self.reset()

    def __next__(self):
        """The next line; StopIteration at the end."""
        line = self.readline()
        if line:
            return line
        raise StopIteration

    def __iter__(self):
        return self

    def __getattr__(self, name):
        """Anything else is the stream's."""
        if name == 'stream' or name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamReaderWriter:
    """A StreamReader and a StreamWriter on one stream, for files opened for
    both."""

    encoding = 'unknown'

    def __init__(self, stream, Reader, Writer, errors='strict'):
        self.stream = stream
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        return self.reader.read(size)

    def readline(self, size=None):
        return self.reader.readline(size)

    def readlines(self, sizehint=None):
        return self.reader.readlines(sizehint)

    def __next__(self):
        """The next line; StopIteration at the end."""
        return next(self.reader)

    def __iter__(self):
        return self

    def write(self, data):
        return self.writer.write(data)

    def writelines(self, list):
        return self.writer.writelines(list)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        self.stream.seek(offset, whence)
        self.reader.reset()
        if whence == 0 and offset == 0:
            self.writer.reset()

    def __getattr__(self, name):
        """Anything else is the stream's."""
        if name in ('stream', 'reader', 'writer') or name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


class StreamRecoder:
    """Recodes between two encodings: the stream holds bytes in the file
    encoding, read() returns and write() takes bytes in the data encoding
    (`encode`/`decode` are the data encoding's functions)."""

    data_encoding = 'unknown'
    file_encoding = 'unknown'

    def __init__(self, stream, encode, decode, Reader, Writer,
                 errors='strict'):
        self.stream = stream
        self.encode = encode
        self.decode = decode
        self.reader = Reader(stream, errors)
        self.writer = Writer(stream, errors)
        self.errors = errors

    def read(self, size=-1):
        data = self.reader.read(size)
        return self.encode(data, self.errors)[0]

    def readline(self, size=None):
        if size is None:
            data = self.reader.readline()
        else:
            data = self.reader.readline(size)
        return self.encode(data, self.errors)[0]

    def readlines(self, sizehint=None):
        data = self.reader.read()
        return self.encode(data, self.errors)[0].splitlines(keepends=True)

    def __next__(self):
        """The next line; StopIteration at the end."""
        data = next(self.reader)
        return self.encode(data, self.errors)[0]

    def __iter__(self):
        return self

    def write(self, data):
        data = self.decode(data, self.errors)[0]
        return self.writer.write(data)

    def writelines(self, list):
        data = self.decode(b''.join(list), self.errors)[0]
        return self.writer.write(data)

    def reset(self):
        self.reader.reset()
        self.writer.reset()

    def seek(self, offset, whence=0):
        # Both sides are reset: a seek may land anywhere.
        self.stream.seek(offset, whence)
        self.reset()

    def __getattr__(self, name):
        """Anything else is the stream's."""
        if name in ('stream', 'reader', 'writer') or name.startswith('__'):
            raise AttributeError(name)
        return getattr(self.stream, name)

    def __enter__(self):
        return self

    def __exit__(self, type, value, tb):
        self.stream.close()


def EncodedFile(file, data_encoding, file_encoding=None, errors='strict'):
    """Wrap a binary file holding file_encoding text so that it reads and
    writes bytes in data_encoding (a StreamRecoder)."""
    if file_encoding is None:
        file_encoding = data_encoding
    data_info = lookup(data_encoding)
    file_info = lookup(file_encoding)
    sr = StreamRecoder(file, data_info.encode, data_info.decode,
                       file_info.streamreader, file_info.streamwriter, errors)
    # Where the data comes from and goes to.
    sr.data_encoding = data_encoding
    sr.file_encoding = file_encoding
    return sr


# The codecs: each is (encode, decode taking final) and its name.

def _make_text_codec(name, enc, dec):
    # dec(data, errors, final) -> (text, consumed)

    class _Codec(Codec):
        def encode(self, input, errors='strict'):
            return enc(input, errors)

        def decode(self, input, errors='strict'):
            return dec(input, errors, True)

    class _IncrementalEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return enc(input, self.errors)[0]

    class _IncrementalDecoder(BufferedIncrementalDecoder):
        def _buffer_decode(self, input, errors, final):
            return dec(input, errors, final)

    class _StreamWriter(StreamWriter):
        def encode(self, input, errors='strict'):
            return enc(input, errors)

    class _StreamReader(StreamReader):
        def decode(self, input, errors='strict'):
            return dec(input, errors, False)

    def _stateless_decode(input, errors='strict'):
        return dec(input, errors, True)

    _stateless_decode.__name__ = 'decode'
    _stateless_decode.__qualname__ = 'decode'
    return CodecInfo(
        name=name, encode=enc, decode=_stateless_decode,
        incrementalencoder=_named(name, _IncrementalEncoder,
                                  'IncrementalEncoder'),
        incrementaldecoder=_named(name, _IncrementalDecoder,
                                  'IncrementalDecoder'),
        streamwriter=_named(name, _StreamWriter, 'StreamWriter'),
        streamreader=_named(name, _StreamReader, 'StreamReader'))


def _final_only(f):
    # A decode function without the final flag.
    def dec(data, errors, final):
        return f(data, errors)
    return dec


class _Utf16Decoder(BufferedIncrementalDecoder):
    # The byte order is taken from the BOM at the start of the stream.

    def __init__(self, errors='strict'):
        BufferedIncrementalDecoder.__init__(self, errors)
        self.order = 0

    def _buffer_decode(self, input, errors, final):
        text, used, order = self._ex(input, errors, self.order, final)
        if self.order == 0 and (order != 0 or used):
            self.order = order if order else (-1 if _NATIVE_LITTLE else 1)
        return text, used

    def reset(self):
        BufferedIncrementalDecoder.reset(self)
        self.order = 0


class _Utf16Encoder(IncrementalEncoder):
    # The BOM goes before the first output only.

    def __init__(self, errors='strict'):
        IncrementalEncoder.__init__(self, errors)
        self.first = True

    def encode(self, input, final=False):
        if self.first:
            self.first = False
            return self._enc(input, self.errors)[0]
        return self._enc(input, self.errors, -1 if _NATIVE_LITTLE else 1)[0]

    def reset(self):
        self.first = True

    def getstate(self):
        return 2 if self.first else 0

    def setstate(self, state):
        self.first = bool(state)


def _bom_codec(name, enc, ex_dec):
    info = _make_text_codec(name, enc, _final_dec(ex_dec))
    base_writer = info.streamwriter
    base_reader = info.streamreader

    class _Encoder(_Utf16Encoder):
        _enc = staticmethod(enc)

    class _Decoder(_Utf16Decoder):
        _ex = staticmethod(ex_dec)

    class _Writer(base_writer):
        def __init__(self, stream, errors='strict'):
            base_writer.__init__(self, stream, errors)
            self.encoder = None

        def encode(self, input, errors='strict'):
            if self.encoder is None:
                result = enc(input, errors)
                self.encoder = -1 if _NATIVE_LITTLE else 1
                return result
            return enc(input, errors, self.encoder)

        def reset(self):
            self.encoder = None

    class _Reader(base_reader):
        def __init__(self, stream, errors='strict'):
            base_reader.__init__(self, stream, errors)
            self.order = 0

        def decode(self, input, errors='strict'):
            text, used, order = ex_dec(input, errors, self.order, False)
            if self.order == 0 and (order != 0 or used):
                self.order = order if order else (-1 if _NATIVE_LITTLE else 1)
            return text, used

        def reset(self):
            base_reader.reset(self)
            self.order = 0

    return CodecInfo(info.encode, info.decode,
                     _named(name, _Reader, 'StreamReader'),
                     _named(name, _Writer, 'StreamWriter'),
                     _named(name, _Encoder, 'IncrementalEncoder'),
                     _named(name, _Decoder, 'IncrementalDecoder'), name)


def _named(name, cls, cname):
    # The class under the name and module CPython's codec classes have.
    if name == 'iso8859-1':
        name = 'latin_1'
    module = 'encodings.' + name.replace('-', '_')
    return type(cname, (cls,), {'__module__': module, '__qualname__': cname})


def _final_dec(ex_dec):
    def dec(data, errors, final):
        text, used, order = ex_dec(data, errors, 0, final)
        return text, used
    return dec


def _utf8_sig_encode(s, errors='strict'):
    return (BOM_UTF8 + utf_8_encode(s, errors)[0], len(s))


def _utf8_sig_decode(data, errors='strict', final=False):
    data = _check_bytes(data)
    prefix = 0
    if data[:3] == BOM_UTF8:
        prefix = 3
    elif not final and len(data) < 3 and BOM_UTF8.startswith(data):
        return ('', 0)
    text, used = utf_8_decode(data[prefix:], errors, final)
    return (text, used + prefix)


def _utf8_sig_codec():
    info = _make_text_codec('utf-8-sig', _utf8_sig_encode, _utf8_sig_decode)

    class _Encoder(IncrementalEncoder):
        def __init__(self, errors='strict'):
            IncrementalEncoder.__init__(self, errors)
            self.first = 1

        def encode(self, input, final=False):
            if self.first:
                self.first = 0
                return _utf8_sig_encode(input, self.errors)[0]
            return utf_8_encode(input, self.errors)[0]

        def reset(self):
            self.first = 1

        def getstate(self):
            return self.first

        def setstate(self, state):
            self.first = state

    class _Decoder(BufferedIncrementalDecoder):
        def __init__(self, errors='strict'):
            BufferedIncrementalDecoder.__init__(self, errors)
            self.first = 1

        def _buffer_decode(self, input, errors, final):
            if self.first:
                if len(input) < 3 and not final and \
                        BOM_UTF8.startswith(input):
                    return ('', 0)
                self.first = 0
                return _utf8_sig_decode(input, errors, final)
            return utf_8_decode(input, errors, final)

        def reset(self):
            BufferedIncrementalDecoder.reset(self)
            self.first = 1

    return CodecInfo(info.encode, info.decode, info.streamreader,
                     info.streamwriter,
                     _named('utf-8-sig', _Encoder, 'IncrementalEncoder'),
                     _named('utf-8-sig', _Decoder, 'IncrementalDecoder'),
                     'utf-8-sig')


# Bytes-to-bytes codecs (and rot-13, str to str).

def hex_encode(data, errors='strict'):
    import binascii
    return (binascii.b2a_hex(data), len(data))


def hex_decode(data, errors='strict'):
    import binascii
    return (binascii.a2b_hex(data), len(data))


def base64_encode(data, errors='strict'):
    import base64
    return (base64.encodebytes(data), len(data))


def base64_decode(data, errors='strict'):
    import base64
    return (base64.decodebytes(data), len(data))


def zlib_encode(data, errors='strict'):
    import zlib
    return (zlib.compress(data), len(data))


def zlib_decode(data, errors='strict'):
    import zlib
    return (zlib.decompress(data), len(data))


def _rot13_map():
    m = {}
    for first in ('a', 'A'):
        base = ord(first)
        for i in range(26):
            m[base + i] = base + (i + 13) % 26
    return m


_ROT13 = _rot13_map()


def rot13(text, errors='strict'):
    return (str.translate(text, _ROT13), len(text))


def _binary_codec(name, enc, dec, module):
    class _IncrementalEncoder(IncrementalEncoder):
        def encode(self, input, final=False):
            return enc(input, self.errors)[0]

    class _IncrementalDecoder(IncrementalDecoder):
        def decode(self, input, final=False):
            return dec(input, self.errors)[0]

    class _StreamWriter(StreamWriter):
        def encode(self, input, errors='strict'):
            return enc(input, errors)

    class _StreamReader(StreamReader):
        charbuffertype = bytes if name != 'rot-13' else str

        def decode(self, input, errors='strict'):
            return dec(input, errors)

    return CodecInfo(
        name=name, encode=enc, decode=dec,
        incrementalencoder=_named(module, _IncrementalEncoder,
                                  'IncrementalEncoder'),
        incrementaldecoder=_named(module, _IncrementalDecoder,
                                  'IncrementalDecoder'),
        streamwriter=_named(module, _StreamWriter, 'StreamWriter'),
        streamreader=_named(module, _StreamReader, 'StreamReader'),
        _is_text_encoding=False)


# Single-byte code pages (cp1252, iso8859-15, koi8-r, ...): each byte is one
# character of a 256-entry table (_charmaps.py); U+FFFE marks a byte that
# maps to nothing.

def charmap_build(decoding_table):
    """The encoding map of a 256-character decoding table."""
    return {ord(c): i for i, c in enumerate(decoding_table) if c != '\ufffe'}


def charmap_decode(data, errors=None, mapping=None):
    data = _check_bytes(data)
    errors = _errors_name(errors)
    if mapping is None:
        return latin_1_decode(data, errors)
    text = data.decode('latin-1')
    if isinstance(mapping, str):
        table = mapping
        out = text.translate({i: c for i, c in enumerate(table)})
        if '\ufffe' not in out and len(out) == len(data):
            return (out, len(data))
        lookup_char = lambda b: table[b] if b < len(table) else '\ufffe'
    else:
        def lookup_char(b):
            c = mapping.get(b, '\ufffe')
            if c is None:
                return '\ufffe'
            return chr(c) if isinstance(c, int) else c
    out = []
    n = len(data)
    pos = 0
    while pos < n:
        c = lookup_char(data[pos])
        if c != '\ufffe':
            out.append(c)
            pos += 1
            continue
        exc = _DecodeError('charmap', data, pos, pos + 1,
                           'character maps to <undefined>')
        if errors == 'strict':
            raise exc
        rep, pos = _handle(errors, exc, n, True)
        out.append(rep)
    return (''.join(out), len(data))


def charmap_encode(s, errors=None, mapping=None):
    _check_str(s, 'charmap_encode')
    errors = _errors_name(errors)
    if mapping is None:
        return latin_1_encode(s, errors)
    out = bytearray()
    n = len(s)
    pos = 0
    while pos < n:
        b = mapping.get(ord(s[pos]))
        if b is not None:
            out.append(b)
            pos += 1
            continue
        end = pos + 1
        while end < n and mapping.get(ord(s[end])) is None:
            end += 1
        exc = _EncodeError('charmap', s, pos, end,
                           'character maps to <undefined>')
        if errors == 'strict':
            raise exc
        rep, pos = _handle(errors, exc, n, False)
        if isinstance(rep, str):
            for c in rep:
                b = mapping.get(ord(c))
                if b is None:
                    raise exc
                out.append(b)
        else:
            out += rep
    return (bytes(out), len(s))


def _charmap_codec(key):
    import _charmaps
    key = _charmaps.ALIASES.get(key, key)
    table = _charmaps.TABLES.get(key)
    if table is None:
        return None
    encoding_map = charmap_build(table)

    def encode(s, errors='strict'):
        return charmap_encode(s, errors, encoding_map)

    def decode(data, errors='strict', final=False):
        return charmap_decode(data, errors, table)

    return _make_text_codec(_charmaps.NAMES[key], encode, decode)


# unicode_escape and raw_unicode_escape: text as Python's escapes.

def _escape_code(c, raw):
    n = ord(c)
    if raw:
        if n < 0x100:
            return c
    elif c == '\\':
        return '\\\\'
    elif c == '\t':
        return '\\t'
    elif c == '\n':
        return '\\n'
    elif c == '\r':
        return '\\r'
    elif 0x20 <= n < 0x7f:
        return c
    elif n < 0x100:
        return '\\x%02x' % n
    if n < 0x10000:
        return '\\u%04x' % n
    return '\\U%08x' % n


def unicode_escape_encode(s, errors=None):
    _check_str(s, 'unicode_escape_encode')
    text = ''.join([_escape_code(c, False) for c in s])
    return (text.encode('latin-1'), len(s))


def raw_unicode_escape_encode(s, errors=None):
    _check_str(s, 'raw_unicode_escape_encode')
    text = ''.join([_escape_code(c, True) for c in s])
    return (text.encode('latin-1'), len(s))


_SIMPLE_ESCAPES = {'\n': '', '\\': '\\', "'": "'", '"': '"', 'a': '\a',
                   'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
                   'v': '\v'}


def _escape_decode(codec, data, errors, raw):
    # data as latin-1 text; escapes replaced. Errors name `codec`
    # ('unicodeescape', 'rawunicodeescape').
    errors = _errors_name(errors)
    text = data.decode('latin-1')
    n = len(text)
    out = []
    pos = 0
    while pos < n:
        i = text.find('\\', pos)
        if i < 0:
            out.append(text[pos:])
            break
        out.append(text[pos:i])
        if raw:
            # Only \u and \U, after an odd run of backslashes.
            j = i
            while j < n and text[j] == '\\':
                j += 1
            run = j - i
            if run % 2 == 0 or j >= n or text[j] not in 'uU':
                out.append(text[i:j])
                pos = j
                continue
            out.append('\\' * (run - 1))
            i = j - 1
        if i + 1 >= n:
            exc = _DecodeError(codec, data, i, n, '\\ at end of string')
            if errors == 'strict':
                raise exc
            rep, pos = _handle(errors, exc, n, True)
            out.append(rep)
            continue
        c = text[i + 1]
        if not raw and c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
            pos = i + 2
            continue
        if not raw and c in '01234567':
            j = i + 1
            while j < n and j < i + 4 and text[j] in '01234567':
                j += 1
            out.append(chr(int(text[i + 1:j], 8)))
            pos = j
            continue
        digits = {'x': 2, 'u': 4, 'U': 8}.get(c)
        if digits is not None and (not raw or c != 'x'):
            j = i + 2
            while j < n and j < i + 2 + digits and \
                    text[j] in '0123456789abcdefABCDEF':
                j += 1
            if j - (i + 2) < digits:
                names = {'x': '\\xXX', 'u': '\\uXXXX', 'U': '\\UXXXXXXXX'}
                exc = _DecodeError(codec, data, i, j,
                                   'truncated %s escape' % names[c])
            else:
                code = int(text[i + 2:j], 16)
                if code <= 0x10ffff:
                    out.append(chr(code))
                    pos = j
                    continue
                exc = _DecodeError(codec, data, i, j,
                                   '\\Uxxxxxxxx out of range' if raw
                                   else 'illegal Unicode character')
            if errors == 'strict':
                raise exc
            rep, pos = _handle(errors, exc, n, True)
            out.append(rep)
            continue
        if not raw and c == 'N':
            end = text.find('}', i + 2)
            if i + 2 < n and text[i + 2] == '{' and end > i + 3:
                try:
                    import unicodedata
                    out.append(unicodedata.lookup(text[i + 3:end]))
                    pos = end + 1
                    continue
                except KeyError:
                    pass
            exc = _DecodeError(codec, data, i,
                               end + 1 if end > i else n,
                               'malformed \\N character escape')
            if errors == 'strict':
                raise exc
            rep, pos = _handle(errors, exc, n, True)
            out.append(rep)
            continue
        # Not an escape: kept as it is, with a warning.
        _warn_invalid_escape(c)
        out.append('\\')
        pos = i + 1
    return ''.join(out)


def _warn_invalid_escape(c):
    # Reported at the first frame outside this module, as CPython reports
    # it at the code that called decode().
    import sys
    import warnings
    level = 2
    frame = sys._getframe(1)
    while frame is not None and frame.f_globals.get('__name__') == __name__:
        frame = frame.f_back
        level += 1
    warnings.warn("invalid escape sequence '\\%s'" % c, DeprecationWarning,
                  stacklevel=level)


def unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('latin-1', 'backslashreplace')
    data = _check_bytes(data)
    return (_escape_decode('unicodeescape', data, errors, False), len(data))


def raw_unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('latin-1', 'backslashreplace')
    data = _check_bytes(data)
    return (_escape_decode('rawunicodeescape', data, errors, True), len(data))


# str.encode and bytes.decode, for the codecs and error handlers gilpy does
# not run natively.

def _text_codec(data, encoding, errors, decoding):
    info = lookup(encoding)
    verb, noun, kind = (('decode', 'decoder', str) if decoding
                        else ('encode', 'encoder', bytes))
    if not info._is_text_encoding:
        raise LookupError("'%s' is not a text encoding; use codecs.%s() "
                          "to handle arbitrary codecs" % (encoding, verb))
    r = (info.decode if decoding else info.encode)(data, errors)
    r = r[0] if isinstance(r, tuple) and len(r) == 2 else r
    if isinstance(r, bytearray) and not decoding:
        r = bytes(r)
    if not isinstance(r, kind):
        raise TypeError("'%s' %s returned '%s' instead of '%s'; use "
                        "codecs.%s() to %s to arbitrary types"
                        % (encoding, noun, type(r).__name__, kind.__name__,
                           verb, verb))
    return r


def _text_encode(s, encoding, errors):
    return _text_codec(s, encoding, errors, False)


def _text_decode(data, encoding, errors):
    return _text_codec(data, encoding, errors, True)


def _builtin_codec(key):
    # The codec for a normalized encoding name, made on first use.
    if key == 'utf_8':
        return _make_text_codec('utf-8', utf_8_encode, utf_8_decode)
    if key == 'ascii':
        return _make_text_codec('ascii', ascii_encode,
                                _final_only(ascii_decode))
    if key == 'latin_1':
        return _make_text_codec('iso8859-1', latin_1_encode,
                                _final_only(latin_1_decode))
    if key == 'utf_8_sig':
        return _utf8_sig_codec()
    if key == 'utf_16':
        return _bom_codec('utf-16', utf_16_encode, utf_16_ex_decode)
    if key == 'utf_32':
        return _bom_codec('utf-32', utf_32_encode, utf_32_ex_decode)
    if key == 'utf_16_le':
        return _make_text_codec('utf-16-le', utf_16_le_encode,
                                utf_16_le_decode)
    if key == 'utf_16_be':
        return _make_text_codec('utf-16-be', utf_16_be_encode,
                                utf_16_be_decode)
    if key == 'utf_32_le':
        return _make_text_codec('utf-32-le', utf_32_le_encode,
                                utf_32_le_decode)
    if key == 'utf_32_be':
        return _make_text_codec('utf-32-be', utf_32_be_encode,
                                utf_32_be_decode)
    if key == 'hex_codec':
        return _binary_codec('hex', hex_encode, hex_decode, 'hex_codec')
    if key == 'base64_codec':
        return _binary_codec('base64', base64_encode, base64_decode,
                             'base64_codec')
    if key == 'zlib_codec':
        return _binary_codec('zlib', zlib_encode, zlib_decode,
                             'zlib_codec')
    if key == 'rot_13':
        return _binary_codec('rot-13', rot13, rot13,
                             'rot_13')
    if key == 'unicode_escape':
        return _make_text_codec('unicode-escape', unicode_escape_encode,
                                unicode_escape_decode)
    if key == 'raw_unicode_escape':
        return _make_text_codec('raw-unicode-escape',
                                raw_unicode_escape_encode,
                                raw_unicode_escape_decode)
    return _charmap_codec(key)


# Other spellings of the encodings above (as the encodings package's).
_aliases = {
    'u8': 'utf_8', 'utf': 'utf_8', 'utf8': 'utf_8', 'utf8_ucs2': 'utf_8',
    'utf8_ucs4': 'utf_8', 'cp65001': 'utf_8',
    'utf_8_sig': 'utf_8_sig',
    '646': 'ascii', 'ansi_x3.4_1968': 'ascii', 'ansi_x3_4_1968': 'ascii',
    'ansi_x3.4_1986': 'ascii', 'cp367': 'ascii', 'csascii': 'ascii',
    'ibm367': 'ascii', 'iso646_us': 'ascii', 'iso_646.irv_1991': 'ascii',
    'iso_ir_6': 'ascii', 'us': 'ascii', 'us_ascii': 'ascii',
    '8859': 'latin_1', 'cp819': 'latin_1', 'csisolatin1': 'latin_1',
    'ibm819': 'latin_1', 'iso8859': 'latin_1', 'iso8859_1': 'latin_1',
    'iso_8859_1': 'latin_1', 'iso_8859_1_1987': 'latin_1',
    'iso_ir_100': 'latin_1', 'l1': 'latin_1', 'latin': 'latin_1',
    'latin1': 'latin_1',
    'u16': 'utf_16', 'utf16': 'utf_16',
    'unicodebigunmarked': 'utf_16_be', 'utf_16be': 'utf_16_be',
    'unicodelittleunmarked': 'utf_16_le', 'utf_16le': 'utf_16_le',
    'u32': 'utf_32', 'utf32': 'utf_32',
    'utf_32be': 'utf_32_be', 'utf_32le': 'utf_32_le',
    'base64': 'base64_codec', 'base_64': 'base64_codec',
    'hex': 'hex_codec',
    'rot13': 'rot_13',
    'zip': 'zlib_codec', 'zlib': 'zlib_codec',
}


def _normalize_encoding(encoding):
    # Runs of anything but ASCII letters, digits and dots become one
    # underscore; none at either end.
    chars = []
    pending = False
    for c in encoding:
        if (c.isalnum() and c.isascii()) or c == '.':
            if pending and chars:
                chars.append('_')
            chars.append(c)
            pending = False
        else:
            pending = True
    return ''.join(chars)


def _search_builtin(key):
    key = _aliases.get(key, key)
    key = _aliases.get(key.replace('.', '_'), key.replace('.', '_'))
    info = _builtin_cache.get(key)
    if info is None:
        info = _builtin_codec(key)
        if info is not None:
            _builtin_cache[key] = info
    return info


_builtin_cache = {}
_search_functions = [_search_builtin]
_lookup_cache = {}


def register(search_function):
    """Add a codec search function (called with a normalized name)."""
    if not callable(search_function):
        raise TypeError("argument must be callable")
    _search_functions.append(search_function)


def unregister(search_function):
    """Remove a codec search function; the lookup cache is emptied."""
    try:
        _search_functions.remove(search_function)
    except ValueError:
        pass
    _lookup_cache.clear()


def lookup(encoding):
    """The CodecInfo of an encoding, from the search functions (cached);
    LookupError if none knows it."""
    if not isinstance(encoding, str):
        raise TypeError("lookup() argument must be str, not %s"
                        % type(encoding).__name__)
    key = _normalize_encoding(encoding).lower()
    info = _lookup_cache.get(key)
    if info is not None:
        return info
    for search in _search_functions:
        info = search(key)
        if info is None:
            continue
        if not isinstance(info, tuple) or len(info) != 4:
            raise TypeError("codec search functions must return 4-tuples")
        _lookup_cache[key] = info
        return info
    raise LookupError("unknown encoding: %s" % encoding)


def _wrappable(exc):
    # Whether an exception from a codec can be re-raised with the codec's
    # name in its message (same type, message only).
    if isinstance(exc, (UnicodeError, OSError, SyntaxError, ImportError,
                        StopIteration)):
        return False
    if not isinstance(exc, Exception) or len(exc.args) > 1:
        return False
    for klass in type(exc).__mro__:
        if klass.__module__ in ('builtins', 'binascii', 'zlib'):
            break
        if '__init__' in klass.__dict__ or '__new__' in klass.__dict__:
            return False
    try:
        if exc.__dict__:
            return False
    except AttributeError:
        pass
    return True


def _run_codec(func, obj, errors, what, encoding):
    try:
        result = func(obj, errors)
    except Exception as e:
        if not _wrappable(e):
            raise
        wrapped = type(e)("%s with '%s' codec failed (%s: %s)"
                          % (what, encoding, type(e).__name__, e))
        raise wrapped from e
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError("%s must return a tuple (object, integer)"
                        % ("encoder" if what == "encoding" else "decoder"))
    return result[0]


def encode(obj, encoding='utf-8', errors='strict'):
    """Encode obj with the codec of `encoding`."""
    if not isinstance(encoding, str):
        raise TypeError("encode() argument 'encoding' must be str, not %s"
                        % type(encoding).__name__)
    if not isinstance(errors, str):
        raise TypeError("encode() argument 'errors' must be str, not %s"
                        % type(errors).__name__)
    return _run_codec(lookup(encoding).encode, obj, errors, "encoding",
                      encoding)


def decode(obj, encoding='utf-8', errors='strict'):
    """Decode obj with the codec of `encoding`."""
    if not isinstance(encoding, str):
        raise TypeError("decode() argument 'encoding' must be str, not %s"
                        % type(encoding).__name__)
    if not isinstance(errors, str):
        raise TypeError("decode() argument 'errors' must be str, not %s"
                        % type(errors).__name__)
    return _run_codec(lookup(encoding).decode, obj, errors, "decoding",
                      encoding)


def getencoder(encoding):
    """The encode function of the encoding's codec."""
    return lookup(encoding).encode


def getdecoder(encoding):
    """The decode function of the encoding's codec."""
    return lookup(encoding).decode


def getincrementalencoder(encoding):
    """The incremental encoder class of the encoding's codec."""
    encoder = lookup(encoding).incrementalencoder
    if encoder is None:
        raise LookupError(encoding)
    return encoder


def getincrementaldecoder(encoding):
    """The incremental decoder class of the encoding's codec."""
    decoder = lookup(encoding).incrementaldecoder
    if decoder is None:
        raise LookupError(encoding)
    return decoder


def getreader(encoding):
    """The stream reader class of the encoding's codec."""
    return lookup(encoding).streamreader


def getwriter(encoding):
    """The stream writer class of the encoding's codec."""
    return lookup(encoding).streamwriter


def iterencode(iterator, encoding, errors='strict', **kwargs):
    """Yield the encoded output of each string from iterator."""
    encoder = getincrementalencoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = encoder.encode(input)
        if output:
            yield output
    output = encoder.encode("", True)
    if output:
        yield output


def iterdecode(iterator, encoding, errors='strict', **kwargs):
    """Yield the decoded text of each bytes object from iterator."""
    decoder = getincrementaldecoder(encoding)(errors, **kwargs)
    for input in iterator:
        output = decoder.decode(input)
        if output:
            yield output
    output = decoder.decode(b"", True)
    if output:
        yield output


def open(filename, mode='r', encoding=None, errors='strict', buffering=-1):
    """Open a file through the encoding's stream reader and writer (the
    file itself is opened in binary mode); without an encoding, a plain
    open()."""
    if encoding is not None and 'b' not in mode:
        # Always open in binary mode.
        mode = mode + 'b'
    file = builtins.open(filename, mode, buffering)
    if encoding is None:
        return file
    try:
        info = lookup(encoding)
        srw = StreamReaderWriter(file, info.streamreader, info.streamwriter,
                                 errors)
        srw.encoding = encoding
        return srw
    except:
        file.close()
        raise


def make_identity_dict(rng):
    """A dict mapping each element of rng to itself."""
    return {i: i for i in rng}


def make_encoding_map(decoding_map):
    """Creates an encoding map from a decoding map (targets mapping to
    None when several keys share them)."""
    m = {}
    for k, v in decoding_map.items():
        if v not in m:
            m[v] = k
        else:
            m[v] = None
    return m


def _text_stream_codec(encoding, errors):
    # The incremental decoder and encoder a text stream (open(),
    # io.TextIOWrapper) uses for an encoding it does not handle natively.
    info = lookup(encoding)
    if not info._is_text_encoding:
        raise LookupError("'%s' is not a text encoding; use codecs.open() "
                          "to handle arbitrary codecs" % encoding)
    return info.incrementaldecoder(errors), info.incrementalencoder(errors)
