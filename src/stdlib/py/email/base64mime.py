"""Base64 content transfer encoding per RFCs 2045-2047."""

__all__ = [
    'body_decode', 'body_encode', 'decode', 'decodestring',
    'header_encode', 'header_length',
]

from base64 import b64encode
from binascii import b2a_base64, a2b_base64

CRLF = '\r\n'
NL = '\n'
EMPTYSTRING = ''

MISC_LEN = 7


def header_length(bytearray):
    """Length of the base64 encoding of bytearray."""
    groups, leftover = divmod(len(bytearray), 3)
    n = groups * 4
    if leftover:
        n += 4
    return n


def header_encode(header_bytes, charset='iso-8859-1'):
    """An RFC 2047 'b' encoded word of header_bytes."""
    if not header_bytes:
        return ""
    if isinstance(header_bytes, str):
        header_bytes = header_bytes.encode(charset)
    encoded = b64encode(header_bytes).decode("ascii")
    return '=?%s?b?%s?=' % (charset, encoded)


def body_encode(s, maxlinelen=76, eol=NL):
    """Base64-encode the bytes s in lines of at most maxlinelen characters."""
    if not s:
        return ""
    chunk = maxlinelen * 3 // 4
    pieces = []
    for i in range(0, len(s), chunk):
        enc = b2a_base64(s[i:i + chunk]).decode("ascii")
        if enc.endswith(NL) and eol != NL:
            enc = enc[:-1] + eol
        pieces.append(enc)
    return EMPTYSTRING.join(pieces)


def decode(string):
    """Decode base64 text (str or bytes) into bytes."""
    if not string:
        return bytes()
    if isinstance(string, str):
        return a2b_base64(string.encode('raw-unicode-escape'))
    return a2b_base64(string)


body_decode = decode
decodestring = decode
