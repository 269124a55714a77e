# unicodedata: east_asian_width, bidirectional, mirrored and decomposition
# as the Unicode 14.0.0 database of CPython 3.11 gives them.
import unicodedata as u
import zlib
# every fifth code point, summarized
for f in (u.east_asian_width, u.bidirectional, u.mirrored, u.decomposition):
    h = 0
    for cp in range(0, 0x110000, 5):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        h = zlib.crc32(str(f(chr(cp))).encode(), h)
    print(f.__name__, h)
for ch in "aA1 ,中ｱ€→(\u0301\u05d0\u0627é\ufb01\u00bd\u2460":
    print(repr(ch), u.east_asian_width(ch), u.bidirectional(ch), u.mirrored(ch), repr(u.decomposition(ch)))
for f in (u.east_asian_width, u.bidirectional, u.mirrored, u.decomposition):
    for a in (1, 'ab', ''):
        try: f(a)
        except TypeError as e: print(e)
