"""Helpers for text that carries undecodable bytes ('surrogateescape').

CPython keeps such bytes as lone surrogates U+DC80..U+DCFF; an
implementation that cannot hold lone surrogates may use another range.
The range is found once, by decoding a byte, and these helpers encode and
detect those characters whatever range is used.
"""

import re

_BASE = ord(b'\x80'.decode('ascii', 'surrogateescape')) - 0x80
_escre = re.compile('[' + chr(_BASE + 0x80) + '-' + chr(_BASE + 0xff) + ']')


def has_escapes(s):
    """True if the str s holds escaped bytes."""
    return _escre.search(s) is not None


def encode(s, encoding='ascii', errors='strict'):
    """s.encode(encoding, 'surrogateescape'), escaped bytes given back."""
    if _escre.search(s) is None:
        return s.encode(encoding, errors)
    out = []
    pos = 0
    for mo in _escre.finditer(s):
        out.append(s[pos:mo.start()].encode(encoding, errors))
        out.append(bytes([ord(mo.group(0)) - _BASE]))
        pos = mo.end()
    out.append(s[pos:].encode(encoding, errors))
    return b''.join(out)


def decode(b, encoding='ascii'):
    """b.decode(encoding, 'surrogateescape')."""
    return bytes(b).decode(encoding, 'surrogateescape')


def replace(s, char='\ufffd'):
    """s with each escaped byte replaced by char."""
    return _escre.sub(char, s)
