"""Escaping and unescaping of HTML text.

escape() turns &, <, > (and with quote, both quote marks) into character
references; unescape() replaces every named and numeric character reference
by its text, following the HTML standard's rules for references without
';', invalid code points and the Windows-1252 numbers 0x80-0x9f.
"""

import re as _re
from html.entities import html5 as _html5

__all__ = ["escape", "unescape"]


def escape(s, quote=True):
    """Replace &, < and > in s by HTML-safe sequences; with quote (the
    default) also " and '.
    """
    s = s.replace("&", "&amp;")
    s = s.replace("<", "&lt;")
    s = s.replace(">", "&gt;")
    if quote:
        s = s.replace('"', "&quot;")
        s = s.replace("'", "&#x27;")
    return s


# Numbers whose reference the standard maps to another character: NUL, CR
# and the C1 range read as Windows-1252 (unassigned bytes stay themselves).
_replaced = {0x00: "\ufffd", 0x0d: "\r"}
_cp1252 = ("\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021"
           "\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f"
           "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014"
           "\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178")
for _i in range(32):
    _replaced[0x80 + _i] = _cp1252[_i]
del _i

# Code points a reference may not produce: they give nothing.
_dropped = set()
for _lo, _hi in ((0x1, 0x8), (0xe, 0x1f), (0x7f, 0x9f), (0xfdd0, 0xfdef)):
    _dropped.update(range(_lo, _hi + 1))
_dropped.add(0xb)
for _plane in range(17):
    _dropped.add(_plane * 0x10000 + 0xfffe)
    _dropped.add(_plane * 0x10000 + 0xffff)
del _lo, _hi, _plane


def _replace_ref(m):
    ref = m.group(1)
    if ref[0] == "#":
        if ref[1] in "xX":
            num = int(ref[2:].rstrip(";"), 16)
        else:
            num = int(ref[1:].rstrip(";"))
        if num in _replaced:
            return _replaced[num]
        if 0xD800 <= num <= 0xDFFF or num > 0x10FFFF:
            return "\ufffd"
        if num in _dropped:
            return ""
        return chr(num)
    if ref in _html5:
        return _html5[ref]
    # The longest known name the reference starts with (legacy names such
    # as "&ampx" work without ';').
    for n in range(len(ref) - 1, 1, -1):
        if ref[:n] in _html5:
            return _html5[ref[:n]] + ref[n:]
    return "&" + ref


_ref_re = _re.compile(r"&(#[0-9]+;?"
                      r"|#[xX][0-9a-fA-F]+;?"
                      r"|[^\t\n\f <&#;]{1,32};?)")


def unescape(s):
    """Replace the named and numeric character references in s (&gt;,
    &#62;, &#x3e;...) by the Unicode characters they stand for.
    """
    if "&" not in s:
        return s
    return _ref_re.sub(_replace_ref, s)
