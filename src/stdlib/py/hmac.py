"""HMAC (Keyed-Hashing for Message Authentication), RFC 2104, on hashlib.

new(key, msg=None, digestmod) makes an HMAC object; digest(key, msg,
digest) computes one at once; compare_digest(a, b) compares two digests
in time independent of where they differ.
"""

import hashlib as _hashlib

__all__ = ["new", "digest", "compare_digest", "HMAC"]

trans_5C = bytes((x ^ 0x5C) for x in range(256))
trans_36 = bytes((x ^ 0x36) for x in range(256))

# The size of the digests this module makes, unknown until a hash is
# chosen (as in CPython).
digest_size = None

_BUFFERS = (bytes, bytearray, memoryview)


def compare_digest(a, b):
    """Return 'a == b', taking as long whatever their contents.

    Both must be str (ASCII only) or both bytes-like.
    """
    if isinstance(a, str) and isinstance(b, str):
        for s in (a, b):
            for ch in s:
                if ord(ch) > 127:
                    raise TypeError("comparing strings with non-ASCII "
                                    "characters is not supported")
        x = a.encode("ascii")
        y = b.encode("ascii")
    else:
        if not isinstance(a, _BUFFERS) and not isinstance(b, _BUFFERS):
            raise TypeError("unsupported operand types(s) or combination of "
                            "types: '%s' and '%s'"
                            % (type(a).__name__, type(b).__name__))
        for v in (a, b):
            if not isinstance(v, _BUFFERS):
                raise TypeError("a bytes-like object is required, not '%s'"
                                % type(v).__name__)
        x = bytes(a)
        y = bytes(b)
    # Every byte of y is looked at whatever the lengths and contents.
    result = 0 if len(x) == len(y) else 1
    if len(x) != len(y):
        x = y
    for i in range(len(y)):
        result |= x[i] ^ y[i]
    return result == 0


def _constructor(digestmod):
    # A name, a hashlib constructor, or a module with new().
    if callable(digestmod):
        return digestmod
    if isinstance(digestmod, str):
        return lambda d=b"": _hashlib.new(digestmod, d)
    return lambda d=b"": digestmod.new(d)


class HMAC:
    """RFC 2104 HMAC class.  Also complies with RFC 4231."""

    blocksize = 64

    def __init__(self, key, msg=None, digestmod=""):
        if not isinstance(key, (bytes, bytearray)):
            raise TypeError("key: expected bytes or bytearray, but got %r"
                            % type(key).__name__)
        if not digestmod:
            raise TypeError("Missing required parameter 'digestmod'.")
        make = _constructor(digestmod)
        self._outer = make()
        self._inner = make()
        self.digest_size = self._inner.digest_size
        blocksize = getattr(self._inner, "block_size", None)
        if blocksize is None or blocksize < 16:
            blocksize = self.blocksize
        # A key longer than a block is hashed first.
        if len(key) > blocksize:
            key = make(key).digest()
        key = bytes(key) + b"\x00" * (blocksize - len(key))
        self._outer.update(key.translate(trans_5C))
        self._inner.update(key.translate(trans_36))
        self.block_size = blocksize
        if msg is not None:
            self.update(msg)

    @property
    def name(self):
        return "hmac-" + self._inner.name

    def update(self, msg):
        """Feed data from msg into this hashing object."""
        self._inner.update(msg)

    def copy(self):
        """Return a separate copy of this hashing object."""
        other = self.__class__.__new__(self.__class__)
        other.digest_size = self.digest_size
        other.block_size = self.block_size
        other._inner = self._inner.copy()
        other._outer = self._outer.copy()
        return other

    def _current(self):
        h = self._outer.copy()
        h.update(self._inner.digest())
        return h

    def digest(self):
        """Return the hash value of this hashing object (bytes); the object
        can still be updated."""
        return self._current().digest()

    def hexdigest(self):
        """Like digest(), but as a string of hexadecimal digits."""
        return self._current().hexdigest()


def new(key, msg=None, digestmod=""):
    """Create a new hashing object and return it.

    key: bytes or bytearray, the starting key for the hash.
    msg: if given, passed to update() at once.
    digestmod: a hash name for hashlib.new(), a hashlib constructor, or a
    module with new(); required.
    """
    return HMAC(key, msg, digestmod)


def digest(key, msg, digest):
    """The HMAC of msg under key with the hash named or given by digest."""
    return new(key, msg, digest).digest()
