"""Base16, Base32, Base64 and Base85 data encodings (RFC 4648), on top of
binascii: the same results and errors as CPython's base64 module."""

import binascii

__all__ = [
    'encode', 'decode', 'encodebytes', 'decodebytes',
    'b64encode', 'b64decode', 'b32encode', 'b32decode',
    'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
    'b85encode', 'b85decode',
    'standard_b64encode', 'standard_b64decode',
    'urlsafe_b64encode', 'urlsafe_b64decode',
]

bytes_types = (bytes, bytearray)

# Lines of encodebytes: 57 bytes of input make 76 characters.
MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def _bytes_from_decode_data(s):
    if isinstance(s, str):
        try:
            return s.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters')
    if isinstance(s, bytes_types):
        return bytes(s)
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII '
                        'string, not %r' % s.__class__.__name__) from None


def _as_bytes(s):
    if isinstance(s, bytes_types):
        return bytes(s)
    return memoryview(s).tobytes()


# ---- Base64 ----

def b64encode(s, altchars=None):
    """Encode the bytes-like object s with Base64; altchars (two bytes)
    replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is not None:
        assert len(altchars) == 2, repr(altchars)
        return encoded.translate(bytes.maketrans(b'+/', altchars))
    return encoded


def b64decode(s, altchars=None, validate=False):
    """Decode the Base64 encoded bytes-like object or ASCII string s.
    Without validate, characters outside the alphabet are discarded;
    with it, they are an error (binascii's strict mode)."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    return b64encode(s)


def standard_b64decode(s):
    return b64decode(s)


_urlsafe_encode_translation = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode_translation = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Base64 with '-' and '_' in place of '+' and '/'."""
    return b64encode(s).translate(_urlsafe_encode_translation)


def urlsafe_b64decode(s):
    s = _bytes_from_decode_data(s)
    s = s.translate(_urlsafe_decode_translation)
    return b64decode(s)


# ---- Base32 ----

_B32_ALPHABET = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_B32_HEX_ALPHABET = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Padding characters for 1, 2, 3 and 4 bytes left over.
_B32_PADDING = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}


def _b32encode(alphabet, s):
    s = _as_bytes(s)
    out = bytearray()
    for i in range(0, len(s), 5):
        group = s[i:i + 5]
        n = int.from_bytes(group + bytes(5 - len(group)), 'big')
        for shift in range(35, -1, -5):
            out.append(alphabet[(n >> shift) & 31])
    pad = _B32_PADDING[len(s) % 5]
    if pad:
        out[-pad:] = b'=' * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    total = len(s)
    s = s.rstrip(b'=')
    padchars = total - len(s)
    values = {c: i for i, c in enumerate(alphabet)}
    out = bytearray()
    for i in range(0, len(s), 8):
        group = s[i:i + 8]
        n = 0
        for c in group:
            v = values.get(c)
            if v is None:
                raise binascii.Error('Non-base32 digit found')
            n = (n << 5) | v
        # A short last group reads as if its padding were zeros.
        n <<= 5 * (8 - len(group))
        out += n.to_bytes(5, 'big')
    if padchars not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if padchars and out:
        del out[len(out) - 5 + (43 - 5 * padchars) // 8:]
    return bytes(out)


def b32encode(s):
    """Encode the bytes-like object s with Base32."""
    return _b32encode(_B32_ALPHABET, s)


def b32decode(s, casefold=False, map01=None):
    """Decode the Base32 encoded bytes-like object or ASCII string s;
    casefold accepts lowercase, map01 maps '0' to 'O' and '1' to map01."""
    return _b32decode(_B32_ALPHABET, s, casefold, map01)


def b32hexencode(s):
    """Encode with the Extended Hex Alphabet of RFC 4648."""
    return _b32encode(_B32_HEX_ALPHABET, s)


def b32hexdecode(s, casefold=False):
    return _b32decode(_B32_HEX_ALPHABET, s, casefold)


# ---- Base16 ----

def b16encode(s):
    """Encode the bytes-like object s with Base16 (uppercase hex)."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    for c in s:
        if not (48 <= c <= 57 or 65 <= c <= 70):
            raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---- Base85 (as git and Mercurial use it) ----

_B85_ALPHABET = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                 b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_b85_values = None


def b85encode(b, pad=False):
    """Encode the bytes-like object b with base85; pad keeps the padding of
    the last group."""
    b = _as_bytes(b)
    padding = (-len(b)) % 4
    data = b + bytes(padding)
    out = bytearray()
    for i in range(0, len(data), 4):
        n = int.from_bytes(data[i:i + 4], 'big')
        chunk = bytearray(5)
        for k in range(4, -1, -1):
            n, r = divmod(n, 85)
            chunk[k] = _B85_ALPHABET[r]
        out += chunk
    if padding and not pad:
        del out[-padding:]
    return bytes(out)


def b85decode(b):
    """Decode the base85 encoded bytes-like object or ASCII string b."""
    global _b85_values
    if _b85_values is None:
        _b85_values = {c: i for i, c in enumerate(_B85_ALPHABET)}
    b = _bytes_from_decode_data(b)
    padding = (-len(b)) % 5
    b = b + b'~' * padding
    out = bytearray()
    for i in range(0, len(b), 5):
        n = 0
        for j, c in enumerate(b[i:i + 5]):
            v = _b85_values.get(c)
            if v is None:
                raise ValueError('bad base85 character at position %d' % (i + j))
            n = n * 85 + v
        if n > 0xffffffff:
            raise ValueError('base85 overflow in hunk starting at byte %d' % i)
        out += n.to_bytes(4, 'big')
    if padding:
        del out[-padding:]
    return bytes(out)


# ---- MIME base64: lines of 76 characters ----

def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError('expected bytes-like object, not %s' % s.__class__.__name__) from err
    if m.format not in ('c', 'b', 'B'):
        raise TypeError('expected single byte elements, not %r from %s'
                        % (m.format, s.__class__.__name__))
    if m.ndim != 1:
        raise TypeError('expected 1-D data, not %d-D data from %s'
                        % (m.ndim, s.__class__.__name__))


def encodebytes(s):
    """Encode s into lines of base64, each ending with a newline."""
    _input_type_check(s)
    pieces = []
    for i in range(0, len(s), MAXBINSIZE):
        pieces.append(binascii.b2a_base64(s[i:i + MAXBINSIZE]))
    return b''.join(pieces)


def decodebytes(s):
    """Decode lines of base64."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def encode(input, output):
    """Encode the binary file input into base64 lines written to output."""
    while True:
        s = input.read(MAXBINSIZE)
        if not s:
            break
        while len(s) < MAXBINSIZE:
            more = input.read(MAXBINSIZE - len(s))
            if not more:
                break
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the base64 lines of the binary file input into output."""
    while True:
        line = input.readline()
        if not line:
            break
        output.write(binascii.a2b_base64(line))
