"""Quoted-printable content transfer encoding per RFCs 2045-2047."""

__all__ = [
    'body_decode', 'body_encode', 'body_length', 'decode', 'decodestring',
    'header_decode', 'header_encode', 'header_length', 'quote', 'unquote',
]

import re
from string import ascii_letters, digits, hexdigits

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''

# How each octet is written in a header ('q' encoding) and in a body.
_QUOPRI_HEADER_MAP = ['=%02X' % c for c in range(256)]
_QUOPRI_BODY_MAP = _QUOPRI_HEADER_MAP[:]

for _c in b'-!*+/' + ascii_letters.encode('ascii') + digits.encode('ascii'):
    _QUOPRI_HEADER_MAP[_c] = chr(_c)
_QUOPRI_HEADER_MAP[ord(' ')] = '_'

for _c in range(33, 127):
    if _c != ord('='):
        _QUOPRI_BODY_MAP[_c] = chr(_c)
_QUOPRI_BODY_MAP[ord(' ')] = ' '
_QUOPRI_BODY_MAP[ord('\t')] = '\t'
del _c


def header_check(octet):
    """True if octet must be quoted in a header."""
    return chr(octet) != _QUOPRI_HEADER_MAP[octet]


def body_check(octet):
    """True if octet must be quoted in a body."""
    return chr(octet) != _QUOPRI_BODY_MAP[octet]


def header_length(bytearray):
    """Length of bytearray once 'q' encoded (no chrome)."""
    return sum(len(_QUOPRI_HEADER_MAP[octet]) for octet in bytearray)


def body_length(bytearray):
    """Length of bytearray once quoted-printable encoded as a body."""
    return sum(len(_QUOPRI_BODY_MAP[octet]) for octet in bytearray)


def _max_append(L, s, maxlen, extra=''):
    if not isinstance(s, str):
        s = chr(s)
    if not L:
        L.append(s.lstrip())
    elif len(L[-1]) + len(s) <= maxlen:
        L[-1] += extra + s
    else:
        L.append(s.lstrip())


def unquote(s):
    """The character of a '=XX' escape."""
    return chr(int(s[1:3], 16))


def quote(c):
    """The '=XX' escape of a character."""
    return '=%02X' % ord(c)


def header_encode(header_bytes, charset='iso-8859-1'):
    """An RFC 2047 'q' encoded word of header_bytes."""
    if not header_bytes:
        return ''
    encoded = ''.join(_QUOPRI_HEADER_MAP[b] for b in header_bytes)
    return '=?%s?q?%s?=' % (charset, encoded)


def _encode_chars(text):
    # Quote what a body may not hold; line breaks are kept as they are.
    out = []
    for ch in text:
        o = ord(ch)
        if ch == '\r' or ch == '\n':
            out.append(ch)
        elif o < 256:
            out.append(_QUOPRI_BODY_MAP[o])
        else:
            out.append(ch)
    return ''.join(out)


def _split_lines(text):
    # str.splitlines on the line breaks a body knows.
    return re.split('\r\n|\r|\n', text)


def body_encode(body, maxlinelen=76, eol=NL):
    """Quoted-printable encode the str body (code points below 256)."""
    if maxlinelen < 4:
        raise ValueError("maxlinelen must be at least 4")
    if not body:
        return body
    body = _encode_chars(body)
    soft_break = '=' + eol
    width = maxlinelen - 1
    out = []
    lines = _split_lines(body)
    if body[-1] in '\r\n':
        lines.pop()
    for line in lines:
        start = 0
        last = len(line) - 1 - maxlinelen
        while start <= last:
            stop = start + width
            # never cut an escape in two
            if line[stop - 2] == '=':
                out.append(line[start:stop - 1])
                start = stop - 2
            elif line[stop - 1] == '=':
                out.append(line[start:stop])
                start = stop - 1
            else:
                out.append(line[start:stop] + '=')
                start = stop
        if line and line[-1] in ' \t':
            room = start - last
            if room >= 3:
                tail = quote(line[-1])
            elif room == 2:
                tail = line[-1] + soft_break
            else:
                tail = soft_break + quote(line[-1])
            out.append(line[start:-1] + tail)
        else:
            out.append(line[start:])
    if body[-1] in '\r\n':
        out.append('')
    return eol.join(out)


def decode(encoded, eol=NL):
    """Decode a quoted-printable str, lines joined with eol."""
    if not encoded:
        return encoded
    decoded = []
    for line in encoded.splitlines():
        line = line.rstrip()
        if not line:
            decoded.append(eol)
            continue
        i = 0
        n = len(line)
        while i < n:
            c = line[i]
            if c != '=':
                decoded.append(c)
                i += 1
            elif i + 1 == n:
                i += 1
                continue
            elif (i + 2 < n and line[i + 1] in hexdigits
                  and line[i + 2] in hexdigits):
                decoded.append(unquote(line[i:i + 3]))
                i += 3
            else:
                decoded.append(c)
                i += 1
            if i == n:
                decoded.append(eol)
    result = ''.join(decoded)
    if encoded[-1] not in '\r\n' and result.endswith(eol):
        result = result[:-1]
    return result


body_decode = decode
decodestring = decode


def _unquote_match(match):
    return unquote(match.group(0))


def header_decode(s):
    """Decode the text of a 'q' encoded word."""
    s = s.replace('_', ' ')
    return re.sub(r'=[a-fA-F0-9]{2}', _unquote_match, s, flags=re.ASCII)


# Quoted-printable on bytes (what binascii.a2b_qp/b2a_qp do).

_HEX = b'0123456789abcdefABCDEF'


def _decode_bytes(data, header=False):
    """Decode quoted-printable bytes into bytes."""
    data = bytes(data)
    out = bytearray()
    i = 0
    n = len(data)
    while i < n:
        c = data[i]
        if c == 0x3d:  # '='
            i += 1
            if i >= n:
                break
            if data[i] == 0x0a or data[i] == 0x0d:
                if data[i] != 0x0a:
                    while i < n and data[i] != 0x0a:
                        i += 1
                if i < n:
                    i += 1
            elif data[i] == 0x3d:
                out.append(0x3d)
                i += 1
            elif (i + 1 < n and data[i] in _HEX and data[i + 1] in _HEX):
                out.append(int(data[i:i + 2].decode('ascii'), 16))
                i += 2
            else:
                out.append(0x3d)
        elif header and c == 0x5f:
            out.append(0x20)
            i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


def _encode_bytes(data, quotetabs=False, istext=True, header=False):
    """Quoted-printable encode bytes, lines of at most 76 characters."""
    data = bytes(data)
    lines = []
    line = []
    linelen = 0
    n = len(data)
    i = 0

    def flush(soft):
        nonlocal line, linelen
        lines.append(''.join(line) + ('=' if soft else ''))
        line = []
        linelen = 0

    while i < n:
        c = data[i]
        if istext and c == 0x0a:
            if line and line[-1] in (' ', '\t'):
                line[-1] = '=%02X' % ord(line[-1])
            lines.append(''.join(line))
            line = []
            linelen = 0
            i += 1
            continue
        if istext and c == 0x0d and i + 1 < n and data[i + 1] == 0x0a:
            i += 1
            continue
        if (c == 0x3d or c > 126 or (c < 32 and c not in (9,)) or
                (c in (9, 32) and (quotetabs or i + 1 == n)) or
                (c == 0x2e and linelen == 0 and False)):
            piece = '=%02X' % c
        elif header and c == 0x20:
            piece = '_'
        else:
            piece = chr(c)
        if linelen + len(piece) > 75:
            flush(True)
        line.append(piece)
        linelen += len(piece)
        i += 1
    if line:
        lines.append(''.join(line))
        tail = ''
    else:
        tail = ''
    result = '\n'.join(lines)
    if n and data[-1] == 0x0a and istext:
        result += '\n'
    return (result + tail).encode('ascii')
