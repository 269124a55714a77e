"""Rational numbers: Fraction(numerator, denominator), exact and always in
lowest terms with a positive denominator."""

import math
import numbers
import operator
import sys

__all__ = ["Fraction"]

# Hashes of rationals follow the scheme of numeric hashes: n/d hashes as
# n * (inverse of d) modulo this prime, so that equal numbers of any type
# hash alike.
_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf

# complex, where the interpreter has it.
import builtins as _builtins
_COMPLEX_TYPES = (_builtins.complex,) if hasattr(_builtins, "complex") else ()
del _builtins


def _is_rational(x):
    return isinstance(x, (int, Fraction)) or isinstance(x, numbers.Rational)


def _is_real(x):
    return isinstance(x, float) or isinstance(x, numbers.Real)


def _is_complex(x):
    return isinstance(x, _COMPLEX_TYPES) or isinstance(x, numbers.Complex)


def _is_decimal(x):
    decimal = sys.modules.get("decimal")
    return decimal is not None and isinstance(x, decimal.Decimal)


# -- reading a fraction from text -----------------------------------------------
# [sign] digits [/ digits]   or   [sign] digits [. digits] [e [sign] digits],
# with surrounding whitespace, digits possibly grouped with single
# underscores.

def _digit_run(s, i):
    """End of the digits starting at i (i if none)."""
    while i < len(s) and s[i].isdecimal():
        i += 1
    return i


def _grouped_digits(s, i):
    """End of digits at i grouped by single underscores (d+(_d+)*), or
    None."""
    j = _digit_run(s, i)
    if j == i:
        return None
    while j < len(s) and s[j] == "_" and j + 1 < len(s) and s[j + 1].isdecimal():
        j = _digit_run(s, j + 1)
    return j


def _parse_fraction(s):
    """(numerator, denominator) of a Fraction literal, or None."""
    n = len(s)
    i = 0
    while i < n and s[i].isspace():
        i += 1
    negative = False
    if i < n and s[i] in "+-":
        negative = s[i] == "-"
        i += 1
    # A digit, or a point then a digit, must come next.
    if not (i < n and s[i].isdecimal()
            or i + 1 < n and s[i] == "." and s[i + 1].isdecimal()):
        return None
    end = _grouped_digits(s, i)
    if end is None:
        end = i
    whole = s[i:end]
    denominator = decimals = exponent = None
    i = end
    if i < n and s[i] == "/":
        end = _grouped_digits(s, i + 1)
        if end is None:
            return None
        denominator = s[i + 1:end]
        i = end
    else:
        if i < n and s[i] == ".":
            i += 1
            # The decimals; a run of the letter d is taken too, to fail in
            # int() below as CPython's pattern lets it.
            end = _grouped_digits(s, i)
            if end is None:
                end = i
                while end < n and s[end] in "dD":
                    end += 1
            decimals = s[i:end].replace("_", "")
            i = end
        if i < n and s[i] in "eE":
            j = i + 1
            if j < n and s[j] in "+-":
                j += 1
            end = _grouped_digits(s, j)
            if end is None:
                return None
            exponent = s[i + 1:end]
            i = end
    while i < n and s[i].isspace():
        i += 1
    if i != n:
        return None
    numerator = int(whole or "0")
    denominator = int(denominator) if denominator else 1
    if decimals:
        numerator = numerator * 10 ** len(decimals) + int(decimals)
        denominator *= 10 ** len(decimals)
    if exponent:
        power = int(exponent)
        if power >= 0:
            numerator *= 10 ** power
        else:
            denominator *= 10 ** -power
    if negative:
        numerator = -numerator
    return numerator, denominator


class Fraction(numbers.Rational):
    """A rational number.

    Fraction(numerator=0, denominator=1): from two rational numbers (ints,
    Fractions...), or from one rational number, float, Decimal or string
    such as '3/7', '-1.25', '1e-3' or ' 5 '.  Floats and Decimals convert
    exactly."""

    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = super(Fraction, cls).__new__(cls)

        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or _is_decimal(numerator):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse_fraction(numerator)
                if parsed is None:
                    raise ValueError("Invalid literal for Fraction: %r" % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError("both arguments should be Rational instances")

        if denominator == 0:
            raise ZeroDivisionError("Fraction(%s, 0)" % numerator)
        if _normalize:
            g = math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        """The exact value of the float f as a Fraction."""
        if isinstance(f, int) or isinstance(f, numbers.Integral):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)"
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        """The exact value of the decimal.Decimal dec as a Fraction."""
        from decimal import Decimal
        if isinstance(dec, int) or isinstance(dec, numbers.Integral):
            dec = Decimal(int(dec))
        elif not isinstance(dec, Decimal):
            raise TypeError("%s.from_decimal() only takes Decimals, not %r (%s)"
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    def as_integer_ratio(self):
        """(numerator, denominator)"""
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The Fraction closest to self whose denominator is at most
        max_denominator."""
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Convergents of the continued fraction of self, until the next
        # one's denominator would be too large.
        p_prev, q_prev, p, q = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q_next = q_prev + a * q
            if q_next > max_denominator:
                break
            p_prev, q_prev, p, q = p, q, p_prev + a * p, q_next
            n, d = d, n - a * d
        # The best semiconvergent, against the last convergent p/q: the one
        # nearer to self wins, p/q on a tie.
        k = (max_denominator - q_prev) // q
        if 2 * d * (q_prev + k * q) <= self._denominator:
            return Fraction(p, q, _normalize=False)
        return Fraction(p_prev + k * p, q_prev + k * q, _normalize=False)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return "%s(%s, %s)" % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return "%s/%s" % (self._numerator, self._denominator)

    # -- arithmetic
    # Each operation is defined on two Fractions; the operator methods
    # accept ints too, and fall back to float or complex arithmetic for
    # floats and complex numbers.

    def _operator_fallbacks(monomorphic_operator, fallback_operator):
        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            if isinstance(b, int):
                return monomorphic_operator(a, Fraction(b))
            if isinstance(b, float):
                return fallback_operator(float(a), b)
            if isinstance(b, _COMPLEX_TYPES):
                return fallback_operator(complex(a), b)
            return NotImplemented

        forward.__name__ = "__" + fallback_operator.__name__ + "__"
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if _is_rational(a):
                return monomorphic_operator(Fraction(a), b)
            if _is_real(a):
                return fallback_operator(float(a), float(b))
            if _is_complex(a):
                return fallback_operator(complex(a), complex(b))
            return NotImplemented

        reverse.__name__ = "__r" + fallback_operator.__name__ + "__"
        reverse.__doc__ = monomorphic_operator.__doc__
        return forward, reverse

    def _add(a, b):
        """a + b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = math.gcd(da, db)
        if g == 1:
            return Fraction(na * db + da * nb, da * db, _normalize=False)
        # Over the least common denominator, then whatever still cancels.
        s = da // g
        t = na * (db // g) + nb * s
        g2 = math.gcd(t, g)
        if g2 == 1:
            return Fraction(t, s * db, _normalize=False)
        return Fraction(t // g2, s * (db // g2), _normalize=False)

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        return Fraction._add(a, Fraction(-b._numerator, b._denominator, _normalize=False))

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        # Cancel across before multiplying.
        g1 = math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction(na * nb, db * da, _normalize=False)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction(n, d, _normalize=False)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a._denominator, b._denominator
        quotient, rest = divmod(a._numerator * db, da * b._numerator)
        return quotient, Fraction(rest, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod)

    def _mod(a, b):
        """a % b"""
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod)

    def __pow__(a, b):
        """a ** b

        An integral power gives a Fraction; other powers give floats or
        complex numbers."""
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction(a._numerator ** power, a._denominator ** power,
                                    _normalize=False)
                if a._numerator >= 0:
                    return Fraction(a._denominator ** -power, a._numerator ** -power,
                                    _normalize=False)
                return Fraction((-a._denominator) ** -power, (-a._numerator) ** -power,
                                _normalize=False)
            # irrational in general
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # an int stays an int
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: a as a Fraction"""
        return Fraction(a._numerator, a._denominator, _normalize=False)

    def __neg__(a):
        """-a"""
        return Fraction(-a._numerator, a._denominator, _normalize=False)

    def __abs__(a):
        """abs(a)"""
        return Fraction(abs(a._numerator), a._denominator, _normalize=False)

    def __int__(a, _index=operator.index):
        """int(a)"""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits): an int without ndigits, else a Fraction;
        halves round to even."""
        if ndigits is None:
            whole, rest = divmod(self._numerator, self._denominator)
            twice = rest * 2
            if twice < self._denominator:
                return whole
            if twice > self._denominator:
                return whole + 1
            return whole if whole % 2 == 0 else whole + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """hash(self): equal to the hash of an equal int or float"""
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            # the denominator is a multiple of the modulus: no inverse
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if _is_complex(b) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                # only a comparison with 0.0 gives the right answer here
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """op(self, other) for an ordering op, other rational or float."""
        if _is_rational(other):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
