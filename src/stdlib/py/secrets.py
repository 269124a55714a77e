"""Random numbers for secrets (tokens, passwords, keys), drawn from the
operating system's source (os.urandom)."""

import base64
import os

__all__ = ['choice', 'randbelow', 'randbits', 'SystemRandom',
           'token_bytes', 'token_hex', 'token_urlsafe',
           'compare_digest']

DEFAULT_ENTROPY = 32


def randbits(k):
    """An int with `k` random bits."""
    if k < 0:
        raise ValueError('number of bits must be non-negative')
    if k == 0:
        return 0
    n = (k + 7) // 8
    x = int.from_bytes(os.urandom(n), 'big')
    return x >> (n * 8 - k)


def randbelow(exclusive_upper_bound):
    """A random int in the range [0, n)."""
    if exclusive_upper_bound <= 0:
        raise ValueError("Upper bound must be positive.")
    k = exclusive_upper_bound.bit_length()
    r = randbits(k)
    while r >= exclusive_upper_bound:
        r = randbits(k)
    return r


def choice(seq):
    """A random element of the non-empty sequence `seq`."""
    if not seq:
        raise IndexError('Cannot choose from an empty sequence')
    return seq[randbelow(len(seq))]


class SystemRandom:
    """The few Random methods secrets code uses, on os.urandom."""

    def random(self):
        return randbits(53) / 9007199254740992.0

    def getrandbits(self, k):
        return randbits(k)

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            start, stop = 0, start
        n = len(range(start, stop, step))
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        return choice(seq)

    def shuffle(self, x):
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        if not 0 <= k <= len(pool):
            raise ValueError("Sample larger than population or is negative")
        self.shuffle(pool)
        return pool[:k]


def token_bytes(nbytes=None):
    """`nbytes` random bytes (DEFAULT_ENTROPY when None)."""
    if nbytes is None:
        nbytes = DEFAULT_ENTROPY
    return os.urandom(nbytes)


def token_hex(nbytes=None):
    """A random text string in hexadecimal: two digits per byte."""
    return token_bytes(nbytes).hex()


def token_urlsafe(nbytes=None):
    """A random URL-safe text string, Base64 without padding."""
    tok = token_bytes(nbytes)
    return base64.urlsafe_b64encode(tok).rstrip(b'=').decode('ascii')


def compare_digest(a, b):
    """Whether a == b, in time that depends on the length only."""
    if isinstance(a, str) and isinstance(b, str):
        try:
            a = a.encode('ascii')
            b = b.encode('ascii')
        except UnicodeEncodeError:
            raise TypeError("comparing strings with non-ASCII characters is not supported")
    elif isinstance(a, str) or isinstance(b, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    a = bytes(a)
    b = bytes(b)
    result = len(a) ^ len(b)
    if len(a) != len(b):
        b = a
    for x, y in zip(a, b):
        result |= x ^ y
    return result == 0
