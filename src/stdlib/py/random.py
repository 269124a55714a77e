"""Random variable generators.

gilpy's `random`, written in plain Python.  The core generator is the
Mersenne Twister MT19937 exactly as in CPython's Modules/_randommodule.c, and
the methods above it follow CPython 3.11's Lib/random.py, so that for the same
seed every function returns the same values as CPython's.

Seeding as CPython: an int seeds with the 32-bit chunks of its absolute value,
a str (or bytes) with its UTF-8 bytes followed by their SHA-512 digest (version
2, SHA-512 written out below), a float (or any other hashable) with its hash,
None with the clock (CPython uses os.urandom; gilpy has no entropy source).
"""

from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import floor as _floor, isfinite as _isfinite
import time as _time

__all__ = [
    "Random",
    "SystemRandom",
    "betavariate",
    "choice",
    "choices",
    "expovariate",
    "gammavariate",
    "gauss",
    "getrandbits",
    "getstate",
    "lognormvariate",
    "normalvariate",
    "paretovariate",
    "randbytes",
    "randint",
    "random",
    "randrange",
    "sample",
    "seed",
    "setstate",
    "shuffle",
    "triangular",
    "uniform",
    "vonmisesvariate",
    "weibullvariate",
]

TWOPI = 2.0 * _pi
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53        # Number of bits in a float
RECIP_BPF = 2.0 ** -BPF
_ONE = 1

try:
    _BYTES_TYPES = (bytes, bytearray)
except NameError:           # gilpy has no bytes
    _BYTES_TYPES = ()


# ---------------------------------------------------------------------------
# The Mersenne Twister (Modules/_randommodule.c)

_N = 624
_M = 397
_MATRIX_A = 0x9908b0df
_UPPER_MASK = 0x80000000
_LOWER_MASK = 0x7fffffff
_MASK32 = 0xffffffff


def _init_genrand(s):
    mt = [0] * _N
    mt[0] = s & _MASK32
    prev = mt[0]
    for i in range(1, _N):
        prev = (1812433253 * (prev ^ (prev >> 30)) + i) & _MASK32
        mt[i] = prev
    return mt


def _init_by_array(key):
    mt = _init_genrand(19650218)
    key_length = len(key)
    i = 1
    j = 0
    k = _N if _N > key_length else key_length
    while k:
        p = mt[i - 1]
        mt[i] = ((mt[i] ^ ((p ^ (p >> 30)) * 1664525)) + key[j] + j) & _MASK32
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= key_length:
            j = 0
        k -= 1
    k = _N - 1
    while k:
        p = mt[i - 1]
        # "- i" in uint32 arithmetic: add 2**32 first to stay non-negative
        mt[i] = ((mt[i] ^ ((p ^ (p >> 30)) * 1566083941)) + 0x100000000 - i) & _MASK32
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        k -= 1
    mt[0] = 0x80000000
    return mt


def _twist(mt):
    """Generate the next N words of the state in place."""
    kk = 0
    while kk < _N - _M:
        y = (mt[kk] & _UPPER_MASK) | (mt[kk + 1] & _LOWER_MASK)
        if y & 1:
            mt[kk] = mt[kk + _M] ^ (y >> 1) ^ _MATRIX_A
        else:
            mt[kk] = mt[kk + _M] ^ (y >> 1)
        kk += 1
    while kk < _N - 1:
        y = (mt[kk] & _UPPER_MASK) | (mt[kk + 1] & _LOWER_MASK)
        if y & 1:
            mt[kk] = mt[kk + (_M - _N)] ^ (y >> 1) ^ _MATRIX_A
        else:
            mt[kk] = mt[kk + (_M - _N)] ^ (y >> 1)
        kk += 1
    y = (mt[_N - 1] & _UPPER_MASK) | (mt[0] & _LOWER_MASK)
    if y & 1:
        mt[_N - 1] = mt[_M - 1] ^ (y >> 1) ^ _MATRIX_A
    else:
        mt[_N - 1] = mt[_M - 1] ^ (y >> 1)


# ---------------------------------------------------------------------------
# SHA-512 (FIPS 180-4), used to seed from a str as CPython's version 2 does.

_SHA512_K = [
    0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
    0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
    0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
    0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
    0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
    0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
    0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
    0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
    0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
    0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
    0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
    0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
    0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
    0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
    0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
    0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
    0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
    0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
    0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
    0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
]

_M64 = 0xffffffffffffffff


def _rotr64(x, n):
    return ((x >> n) | (x << (64 - n))) & _M64


def _sha512(data):
    """SHA-512 digest of a list of byte values, as a list of 64 byte values."""
    h = [0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b,
         0xa54ff53a5f1d36f1, 0x510e527fade682d1, 0x9b05688c2b3e6c1f,
         0x1f83d9abfb41bd6b, 0x5be0cd19137e2179]
    msg = list(data)
    bitlen = len(msg) * 8
    msg.append(0x80)
    while len(msg) % 128 != 112:
        msg.append(0)
    for i in range(15, -1, -1):
        msg.append((bitlen >> (8 * i)) & 0xff)
    K = _SHA512_K
    for off in range(0, len(msg), 128):
        w = []
        for t in range(16):
            v = 0
            for b in range(8):
                v = (v << 8) | msg[off + 8 * t + b]
            w.append(v)
        for t in range(16, 80):
            x = w[t - 15]
            s0 = _rotr64(x, 1) ^ _rotr64(x, 8) ^ (x >> 7)
            x = w[t - 2]
            s1 = _rotr64(x, 19) ^ _rotr64(x, 61) ^ (x >> 6)
            w.append((w[t - 16] + s0 + w[t - 7] + s1) & _M64)
        a, b, c, d, e, f, g, hh = h
        for t in range(80):
            S1 = _rotr64(e, 14) ^ _rotr64(e, 18) ^ _rotr64(e, 41)
            ch = (e & f) ^ ((e ^ _M64) & g)
            temp1 = (hh + S1 + ch + K[t] + w[t]) & _M64
            S0 = _rotr64(a, 28) ^ _rotr64(a, 34) ^ _rotr64(a, 39)
            maj = (a & b) ^ (a & c) ^ (b & c)
            temp2 = (S0 + maj) & _M64
            hh = g
            g = f
            f = e
            e = (d + temp1) & _M64
            d = c
            c = b
            b = a
            a = (temp1 + temp2) & _M64
        h = [(h[0] + a) & _M64, (h[1] + b) & _M64, (h[2] + c) & _M64,
             (h[3] + d) & _M64, (h[4] + e) & _M64, (h[5] + f) & _M64,
             (h[6] + g) & _M64, (h[7] + hh) & _M64]
    out = []
    for v in h:
        for i in range(7, -1, -1):
            out.append((v >> (8 * i)) & 0xff)
    return out


def _utf8(s):
    """The UTF-8 encoding of str s, as a list of byte values."""
    out = []
    for ch in s:
        c = ord(ch)
        if c < 0x80:
            out.append(c)
        elif c < 0x800:
            out.append(0xc0 | (c >> 6))
            out.append(0x80 | (c & 0x3f))
        elif c < 0x10000:
            out.append(0xe0 | (c >> 12))
            out.append(0x80 | ((c >> 6) & 0x3f))
            out.append(0x80 | (c & 0x3f))
        else:
            out.append(0xf0 | (c >> 18))
            out.append(0x80 | ((c >> 12) & 0x3f))
            out.append(0x80 | ((c >> 6) & 0x3f))
            out.append(0x80 | (c & 0x3f))
    return out


def _int_from_bytes_big(values):
    n = 0
    for v in values:
        n = (n << 8) | v
    return n


# ---------------------------------------------------------------------------

class Random:
    """Random number generator base class used by bound module functions.

    Used to instantiate instances of Random to get generators that don't
    share state.
    """

    VERSION = 3     # used by getstate/setstate

    def __init__(self, x=None):
        """Initialize an instance.

        Optional argument x controls seeding, as for Random.seed().
        """
        self._mt = None
        self._mti = _N
        self.seed(x)
        self.gauss_next = None

    def __init_subclass__(cls, **kwargs):
        """Control how subclasses generate random integers (as CPython)."""
        try:
            mro = cls.__mro__
        except AttributeError:
            return
        for c in mro:
            try:
                d = c.__dict__
            except AttributeError:
                return
            if '_randbelow' in d:
                break
            if 'getrandbits' in d:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in d:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    # -- the core generator ----------------------------------------------

    def _seed_core(self, a):
        if a is None:
            t = _time.time_ns()
            try:
                import _thread
                t ^= _thread.get_ident() << 16
            except ImportError:
                pass
            try:
                t ^= int(_time.perf_counter() * 1e9) << 64
            except Exception:
                pass
            n = t if t >= 0 else -t
        elif isinstance(a, int):
            n = int(a)
            if n < 0:
                n = -n
        else:
            h = hash(a)
            n = h if h >= 0 else h + (1 << 64)
        key = []
        while n:
            key.append(n & _MASK32)
            n >>= 32
        if not key:
            key = [0]
        self._mt = _init_by_array(key)
        self._mti = _N

    def _genrand_uint32(self):
        mt = self._mt
        mti = self._mti
        if mti >= _N:
            _twist(mt)
            mti = 0
        y = mt[mti]
        self._mti = mti + 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        return y

    def random(self):
        """random() -> x in the interval [0, 1)."""
        mt = self._mt
        mti = self._mti
        if mti >= _N:
            _twist(mt)
            mti = 0
        y = mt[mti]
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        a = y >> 5
        mti += 1
        if mti >= _N:
            _twist(mt)
            mti = 0
        y = mt[mti]
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c5680
        y ^= (y << 15) & 0xefc60000
        y ^= y >> 18
        b = y >> 6
        self._mti = mti + 1
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)

    def getrandbits(self, k):
        """getrandbits(k) -> x.  Generates an int with k random bits."""
        if not isinstance(k, int):
            raise TypeError("'%s' object cannot be interpreted as an integer"
                            % type(k).__name__)
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k == 0:
            return 0
        if k <= 32:
            return self._genrand_uint32() >> (32 - k)
        result = 0
        shift = 0
        while k > 0:
            r = self._genrand_uint32()
            if k < 32:
                r >>= 32 - k
            result |= r << shift
            shift += 32
            k -= 32
        return result

    # -- seeding and state -------------------------------------------------

    def seed(self, a=None, version=2):
        """Initialize internal state from a seed.

        The only supported seed types are None, int, float,
        str, bytes, and bytearray.
        """
        if version == 1 and (isinstance(a, str) or isinstance(a, _BYTES_TYPES)):
            if not isinstance(a, str):
                a = a.decode('latin-1')
            x = ord(a[0]) << 7 if a else 0
            for ch in a:
                x = ((1000003 * x) ^ ord(ch)) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and (isinstance(a, str) or isinstance(a, _BYTES_TYPES)):
            if isinstance(a, str):
                data = _utf8(a)
            else:
                data = list(a)
            a = _int_from_bytes_big(data + _sha512(data))
        elif not (a is None or isinstance(a, (int, float, str)) or isinstance(a, _BYTES_TYPES)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self._seed_core(a)
        self.gauss_next = None

    def getstate(self):
        """Return internal state; can be passed to setstate() later."""
        return self.VERSION, tuple(self._mt) + (self._mti,), self.gauss_next

    def setstate(self, state):
        """Restore internal state from object returned by getstate()."""
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            self._set_core_state(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            internalstate = tuple([x % (2 ** 32) for x in internalstate])
            self._set_core_state(internalstate)
        else:
            raise ValueError("state with version %s passed to "
                             "Random.setstate() of version %s" %
                             (version, self.VERSION))

    def _set_core_state(self, state):
        if not isinstance(state, tuple):
            raise TypeError("state vector must be a tuple")
        if len(state) != _N + 1:
            raise ValueError("state vector is the wrong size")
        mt = []
        for i in range(_N):
            v = state[i]
            if not isinstance(v, int) or v < 0 or v > _MASK32:
                raise OverflowError("Python int too large to convert to C unsigned long")
            mt.append(v)
        index = state[_N]
        if index < 0 or index > _N:
            raise ValueError("invalid state")
        self._mt = mt
        self._mti = index

    def __getstate__(self):  # for pickle
        return self.getstate()

    def __setstate__(self, state):  # for pickle
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    # -- integers ------------------------------------------------------------

    def _randbelow_with_getrandbits(self, n):
        "Return a random int in the range [0,n).  Defined for n > 0."
        getrandbits = self.getrandbits
        k = n.bit_length()  # don't use (n-1) here because n can be 1
        r = getrandbits(k)  # 0 <= r < 2**k
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1 << BPF):
        """Return a random int in the range [0,n).  Defined for n > 0.

        The implementation does not use getrandbits, but only random.
        """
        random = self.random
        if n >= maxsize:
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize   # int(limit * maxsize) % n == 0
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    _randbelow = _randbelow_with_getrandbits

    def randbytes(self, n):
        """Generate n random bytes."""
        v = self.getrandbits(n * 8)
        values = [(v >> (8 * i)) & 0xff for i in range(n)]
        try:
            return bytes(values)
        except NameError:
            return values

    def randrange(self, start, stop=None, step=_ONE):
        """Choose a random item from range(stop) or range(start, stop[, step]).
        """
        istart = _index_arg(start, "non-integer arg 1 for randrange()")
        if stop is None:
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")

        istop = _index_arg(stop, "non-integer stop for randrange()")
        width = istop - istart
        istep = _index_arg(step, "non-integer step for randrange()")
        # Fast path.
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))

        # Non-unit step argument supplied.
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        """Return random integer in range [a, b], including both end points.
        """
        return self.randrange(a, b + 1)

    # -- sequences -----------------------------------------------------------

    def choice(self, seq):
        """Choose a random element from a non-empty sequence."""
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        """Shuffle list x in place, and return None."""
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            # pick an element in x[:i+1] with which to exchange x[i]
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        """Chooses k unique random elements from a population sequence.

        Returns a new list containing elements from the population while
        leaving the original population unchanged.
        """
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = _accumulate_list(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect_right(cum_counts, s, 0, len(cum_counts))]
                    for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21        # size of a small set minus size of an empty list
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))  # table size for big sets
        if n <= setsize:
            # An n-length list is smaller than a k-length set.
            # Invariant:  non-selected at pool[0 : n-i]
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]  # move non-selected item into vacancy
        else:
            selected = set()
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        """Return a k sized list of population elements chosen with replacement.

        If the relative weights or cumulative weights are not specified,
        the selections are made with equal probability.
        """
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n += 0.0    # convert to float for a small speed improvement
                return [population[_floor(random() * n)] for i in range(k)]
            try:
                cum_weights = _accumulate_list(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(
                    'The number of choices must be a keyword argument: k=%r' % (k,))
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0   # convert to float
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        hi = n - 1
        return [population[_bisect_right(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    # -- real-valued distributions -------------------------------------------

    def uniform(self, a, b):
        "Get a random number in the range [a, b) or [a, b] depending on rounding."
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        """Triangular distribution."""
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        """Normal distribution (Kinderman and Monahan method)."""
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        """Gaussian distribution (slightly faster than normalvariate)."""
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        """Log normal distribution."""
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        """Exponential distribution; lambd is 1.0 divided by the desired mean."""
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        """Circular data distribution."""
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()

        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)

        while True:
            u1 = random()
            z = _cos(_pi * u1)

            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break

        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI

        return theta

    def gammavariate(self, alpha, beta):
        """Gamma distribution.  Not the gamma function!"""
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')

        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv

            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta

        elif alpha == 1.0:
            # expovariate(1/beta)
            return -_log(1.0 - random()) * beta

        else:
            # alpha is between 0 and 1 (exclusive)
            # Uses ALGORITHM GS of Statistical Computing - Kennedy & Gentle
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        """Beta distribution."""
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        """Pareto distribution.  alpha is the shape parameter."""
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        """Weibull distribution."""
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)


class SystemRandom(Random):
    """gilpy has no operating-system entropy source: this generator is an
    ordinary Random seeded from the clock, whose seed() does nothing."""

    def __init__(self, x=None):
        Random.__init__(self, None)

    def seed(self, *args, **kwds):
        "Stub method.  Not used for a system random number generator."
        if self._mt is None:
            Random.seed(self, None)
        return None

    def _notimplemented(self, *args, **kwds):
        "Method should not be called for a system random number generator."
        raise NotImplementedError('System entropy source does not have state.')

    getstate = _notimplemented
    setstate = _notimplemented


# ---------------------------------------------------------------------------
# helpers (operator.index, itertools.accumulate, bisect.bisect written out)

def _index_arg(value, message):
    if isinstance(value, int):
        return int(value)
    try:
        index = type(value).__index__
    except AttributeError:
        index = None
    if index is not None:
        return index(value)
    try:
        ivalue = int(value)
    except (TypeError, ValueError):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    if ivalue != value:
        raise ValueError(message)
    return ivalue


def _accumulate_list(iterable):
    result = []
    total = None
    first = True
    for x in iterable:
        if first:
            total = x
            first = False
        else:
            total = total + x
        result.append(total)
    return result


def _bisect_right(a, x, lo, hi):
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _is_sequence(population):
    if isinstance(population, (list, tuple, str, range)):
        return True
    if isinstance(population, (set, frozenset, dict)):
        return False
    return hasattr(population, '__getitem__') and hasattr(population, '__len__')


# ---------------------------------------------------------------------------
# One hidden instance, seeded from the clock, whose methods are the module's
# functions.

_inst = Random()
seed = _inst.seed
random = _inst.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst.getrandbits
randbytes = _inst.randbytes
