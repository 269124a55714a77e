"""Decimal fixed and floating point arithmetic: the General Decimal Arithmetic
Specification as CPython 3.11's `decimal` (its C implementation, libmpdec)
shows it: same values, flags, traps, reprs and error messages.

A finite Decimal is (sign, coefficient, exponent) with the coefficient a
Python int, so the arithmetic is integer arithmetic. sqrt, exp, ln and
log10 are correctly rounded (round-half-even, as the specification asks);
non-integer powers are exp(y * ln(x)), correctly rounded in the context's
rounding. Each thread has its own current context (`threading.local`).
Differences: the `n` format type ignores the locale (it formats as `g`);
where libmpdec's powers take shortcuts (results far below Etiny or within
10**-(prec+24) of 1) the boundary between its shortcut and the computed
result is estimated; messages the interpreter writes name the class
`Decimal` where CPython writes `decimal.Decimal`."""

import math as _math
import sys as _sys
import threading as _threading
import numbers as _numbers
from collections import namedtuple as _namedtuple
import collections.abc as _abc

__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow',
    'Underflow', 'FloatOperation', 'DivisionImpossible', 'InvalidContext',
    'ConversionSyntax', 'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP',
    'ROUND_HALF_EVEN', 'ROUND_CEILING', 'ROUND_FLOOR', 'ROUND_UP',
    'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY',
    'HAVE_THREADS', 'HAVE_CONTEXTVAR',
]

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'
_ROUNDINGS = (ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,
              ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)
_ROUNDSET = frozenset(_ROUNDINGS)

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


# Conditions are bits, in libmpdec's order (which is the order of the
# signal names in a Context's repr).
_CLAMPED = 1
_CONVERSION = 2
_DIVBYZERO = 4
_DIVIMPOSSIBLE = 8
_DIVUNDEFINED = 16
_INEXACT = 64
_INVCONTEXT = 128
_INVALID = 256
_FLOATOP = 1024
_OVERFLOW = 2048
_ROUNDED = 4096
_SUBNORMAL = 8192
_UNDERFLOW = 16384
_INVALID_ALL = _CONVERSION | _DIVIMPOSSIBLE | _DIVUNDEFINED | _INVCONTEXT | _INVALID | 512

# The signals as the flags/traps dicts list them, with their bits.
_SIGNALS = [
    (InvalidOperation, _INVALID_ALL), (FloatOperation, _FLOATOP),
    (DivisionByZero, _DIVBYZERO), (Overflow, _OVERFLOW),
    (Underflow, _UNDERFLOW), (Subnormal, _SUBNORMAL), (Inexact, _INEXACT),
    (Rounded, _ROUNDED), (Clamped, _CLAMPED),
]
_SIGNAL_BITS = {}
for _s, _b in _SIGNALS:
    _SIGNAL_BITS[_s] = _b
# The conditions an exception's message lists.
_CONDITIONS = [
    (InvalidOperation, _INVALID), (ConversionSyntax, _CONVERSION),
    (DivisionImpossible, _DIVIMPOSSIBLE), (DivisionUndefined, _DIVUNDEFINED),
    (InvalidContext, _INVCONTEXT),
] + _SIGNALS[1:]
# The order of a Context's repr.
_REPR_ORDER = [
    ('Clamped', _CLAMPED), ('InvalidOperation', _INVALID_ALL),
    ('DivisionByZero', _DIVBYZERO), ('Inexact', _INEXACT),
    ('FloatOperation', _FLOATOP), ('Overflow', _OVERFLOW),
    ('Rounded', _ROUNDED), ('Subnormal', _SUBNORMAL),
    ('Underflow', _UNDERFLOW),
]


_SIGNALS_MSG = ("valid values for signals are:\n"
                "  [InvalidOperation, FloatOperation, DivisionByZero,\n"
                "   Overflow, Underflow, Subnormal, Inexact, Rounded,\n"
                "   Clamped]")


def _bits_of(signals, what):
    bits = 0
    if isinstance(signals, dict) or isinstance(signals, SignalDictMixin):
        if len(signals) != len(_SIGNALS):
            raise KeyError("invalid signal dict")
        for k in signals:
            b = _SIGNAL_BITS.get(k)
            if b is None:
                raise KeyError("invalid signal dict")
            if signals[k]:
                bits |= b
        return bits
    for k in signals:
        b = _SIGNAL_BITS.get(k)
        if b is None:
            raise KeyError(_SIGNALS_MSG)
        bits |= b
    return bits


class SignalDictMixin(_abc.MutableMapping):
    """A Context's flags or traps: signals mapped to booleans."""

    def __init__(self, ctx, attr):
        object.__setattr__(self, '_ctx', ctx)
        object.__setattr__(self, '_attr', attr)

    def _bit(self, key):
        b = _SIGNAL_BITS.get(key)
        if b is None:
            raise KeyError(_SIGNALS_MSG)
        return b

    def __getitem__(self, key):
        return bool(getattr(self._ctx, self._attr) & self._bit(key))

    def __setitem__(self, key, value):
        b = self._bit(key)
        cur = getattr(self._ctx, self._attr)
        object.__setattr__(self._ctx, self._attr, cur | b if value else cur & ~b)

    def __delitem__(self, key):
        raise ValueError("signal keys cannot be deleted")

    def __iter__(self):
        return iter([s for s, b in _SIGNALS])

    def __len__(self):
        return len(_SIGNALS)

    def copy(self):
        d = {}
        for s, b in _SIGNALS:
            d[s] = bool(getattr(self._ctx, self._attr) & b)
        return d

    def __repr__(self):
        v = getattr(self._ctx, self._attr)
        parts = []
        for s, b in _SIGNALS:
            parts.append("%r:%s" % (s, bool(v & b)))
        return '{' + ', '.join(parts) + '}'


class SignalDict(SignalDictMixin):
    pass


SignalDict.__module__ = 'abc'


# ------------------------------------------------------------- int helpers

_P10 = [10 ** _i for _i in range(64)]
_BIGSTR = 10 ** 4000


_P10_BIG = {}


def _pow10(n):
    if n < 64:
        return _P10[n]
    p = _P10_BIG.get(n)
    if p is None:
        p = 10 ** n
        if len(_P10_BIG) > 4000:
            _P10_BIG.clear()
        _P10_BIG[n] = p
    return p


def _nd(c):
    """Number of decimal digits of c >= 0 (1 for 0)."""
    if c < 1000000000000000000:
        return len(str(c))
    # from the bit length (slightly under log10(2) per bit), then exactly
    est = ((c.bit_length() - 1) * 30102999566) // 100000000000
    while c >= _pow10(est + 1):
        est += 1
    return est + 1


def _istr(c):
    """str of an int of any size (no conversion-length limit)."""
    if c < _BIGSTR:
        return str(c)
    n = _nd(c)
    half = n // 2
    hi, lo = divmod(c, 10 ** half)
    s = _istr(lo)
    return _istr(hi) + '0' * (half - len(s)) + s


def _sint(s):
    """int of a digit string of any length."""
    if len(s) <= 4000:
        return int(s)
    half = len(s) // 2
    return _sint(s[:-half]) * 10 ** half + _sint(s[-half:])


def _strip(c, maxn):
    """Remove up to maxn trailing zeros from c > 0: (c, count)."""
    n = 0
    while maxn - n >= 16 and c % 10000000000000000 == 0:
        c //= 10000000000000000
        n += 16
    while n < maxn and c % 10 == 0:
        c //= 10
        n += 1
    return c, n


def _round_coef(c, d, sign, rounding):
    """Drop d > 0 digits from c, rounding: (new coefficient, inexact)."""
    if d < 64:
        p = _P10[d]
    elif c.bit_length() < (d - 1) * 3:
        # c < 10**(d-1): everything goes, no half way case
        if c == 0:
            return 0, False
        if rounding == ROUND_UP or rounding == ROUND_05UP or \
                (rounding == ROUND_CEILING and not sign) or \
                (rounding == ROUND_FLOOR and sign):
            return 1, True
        return 0, True
    else:
        p = _pow10(d)
    q, r = divmod(c, p)
    if r == 0:
        return q, False
    if rounding == ROUND_HALF_EVEN:
        h = r * 2
        if h > p or (h == p and q & 1):
            q += 1
    elif rounding == ROUND_DOWN:
        pass
    elif rounding == ROUND_HALF_UP:
        if r * 2 >= p:
            q += 1
    elif rounding == ROUND_UP:
        q += 1
    elif rounding == ROUND_HALF_DOWN:
        if r * 2 > p:
            q += 1
    elif rounding == ROUND_CEILING:
        if not sign:
            q += 1
    elif rounding == ROUND_FLOOR:
        if sign:
            q += 1
    elif rounding == ROUND_05UP:
        if q % 5 == 0:
            q += 1
    return q, True


def _overflow_to_inf(sign, rounding):
    if rounding in (ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_UP):
        return True
    if rounding == ROUND_CEILING:
        return not sign
    if rounding == ROUND_FLOOR:
        return bool(sign)
    return False


# ------------------------------------------------------------ the number

_new = object.__new__


def _dec(sign, coef, exp):
    d = _new(Decimal)
    d._sign = sign
    d._int = coef
    d._exp = exp
    d._is_special = False
    return d


def _special(sign, kind, payload=0):
    d = _new(Decimal)
    d._sign = sign
    d._int = payload
    d._exp = kind
    d._is_special = True
    return d


def _finish(sign, c, e, ctx, st=0, rounding=None):
    """Fit (sign, c, e) to ctx: round to prec, check the exponent limits,
    record the conditions st plus those found here."""
    if c < ctx._plim:
        if ctx._Emin <= e and e <= ctx._etop:
            if st:
                ctx._signal(st)
            d = _new(Decimal)
            d._sign = sign
            d._int = c
            d._exp = e
            d._is_special = False
            return d
    prec = ctx._prec
    if rounding is None:
        rounding = ctx._rounding
    emin = ctx._Emin
    emax = ctx._Emax
    etiny = emin - prec + 1
    etop = emax - prec + 1
    if c == 0:
        top = etop if ctx._clamp else emax
        if e > top:
            e = top
            st |= _CLAMPED
        elif e < etiny:
            e = etiny
            st |= _CLAMPED
        if st:
            ctx._signal(st)
        return _dec(sign, 0, e)
    nd = _nd(c)
    adj = e + nd - 1
    t = e + nd - prec if nd > prec else e
    sub = adj < emin
    if sub and t < etiny:
        t = etiny
    if t > e:
        c, inexact = _round_coef(c, t - e, sign, rounding)
        st |= _ROUNDED
        if inexact:
            st |= _INEXACT
        if c == 0:
            if inexact:
                st |= _CLAMPED
        elif not sub and _nd(c) > prec:
            c //= 10
            t += 1
        e = t
        if sub:
            st |= _SUBNORMAL
            if inexact:
                st |= _UNDERFLOW
    elif sub:
        st |= _SUBNORMAL
    if c and e + _nd(c) - 1 > emax:
        st |= _OVERFLOW | _INEXACT | _ROUNDED
        ctx._signal(st)
        if _overflow_to_inf(sign, rounding):
            return _special(sign, 'F')
        return _dec(sign, (_P10[prec] if prec < 64 else 10 ** prec) - 1, etop)
    if ctx._clamp and e > etop:
        c *= _pow10(e - etop)
        e = etop
        st |= _CLAMPED
    if st:
        ctx._signal(st)
    return _dec(sign, c, e)


def _nan_result(a, b, ctx):
    """The result when a or b is a NaN (sNaN signals), else None."""
    if a._is_special and a._exp == 'N':
        ctx._signal(_INVALID)
        return _fix_nan(a, ctx)
    if b is not None and b._is_special and b._exp == 'N':
        ctx._signal(_INVALID)
        return _fix_nan(b, ctx)
    if a._is_special and a._exp == 'n':
        return _fix_nan(a, ctx)
    if b is not None and b._is_special and b._exp == 'n':
        return _fix_nan(b, ctx)
    return None


def _fix_nan(a, ctx):
    payload = a._int
    maxp = ctx._prec - ctx._clamp
    if payload and _nd(payload) > maxp:
        payload = payload % _pow10(maxp) if maxp > 0 else 0
    return _special(a._sign, 'n', payload)


def _invalid(ctx, cond=_INVALID):
    ctx._signal(cond)
    return _special(0, 'n')


_WS = ' \t\n\r\x0b\x0c'


def _parse(s):
    """(sign, coef, exp) with exp 'n'/'N'/'F' for specials, or None."""
    s = s.strip()
    if '_' in s:
        s = s.replace('_', '')
    if not s:
        return None
    sign = 0
    i = 0
    if s[0] == '-':
        sign = 1
        i = 1
    elif s[0] == '+':
        i = 1
    body = s[i:]
    if not body.isascii():
        out = []
        for ch in body:
            if ch.isdecimal():
                out.append(str(int(ch)))
            elif ch.isspace():
                return None
            else:
                out.append(ch)
        body = ''.join(out)
    low = body.lower()
    if low[:1].isalpha():
        if low == 'inf' or low == 'infinity':
            return sign, 0, 'F'
        kind = None
        if low.startswith('nan'):
            kind = 'n'
            rest = low[3:]
        elif low.startswith('snan'):
            kind = 'N'
            rest = low[4:]
        else:
            return None
        if rest == '':
            return sign, 0, kind
        if not rest.isdigit() or not rest.isascii():
            return None
        return sign, _sint(rest), kind
    epos = low.find('e')
    exp = 0
    if epos >= 0:
        es = low[epos + 1:]
        low = low[:epos]
        if not es:
            return None
        j = 0
        if es[0] in '+-':
            j = 1
        if not es[j:].isdigit() or not es.isascii():
            return None
        exp = _sint(es[j:])
        if es[0] == '-':
            exp = -exp
    dot = low.find('.')
    if dot >= 0:
        ip = low[:dot]
        fp = low[dot + 1:]
    else:
        ip = low
        fp = ''
    digits = ip + fp
    if not digits or not digits.isdigit() or not digits.isascii():
        return None
    return sign, _sint(digits), exp - len(fp)


def _from_float(f):
    if f != f:
        return _special(1 if _math.copysign(1.0, f) < 0 else 0, 'n')
    if f in (_INF_F, -_INF_F):
        return _special(1 if f < 0 else 0, 'F')
    sign = 1 if _math.copysign(1.0, f) < 0 else 0
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    # n / 2**k == n * 5**k / 10**k
    return _dec(sign, n * 5 ** k, -k)


_INF_F = float('inf')
_HASH_MOD = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf
_HASH_10INV = pow(10, _HASH_MOD - 2, _HASH_MOD)


def _tname(x):
    t = type(x)
    if t is Decimal:
        return 'decimal.Decimal'
    return t.__name__


def _binop_error(a, b, sym, reflected_name):
    """A binary operator found no Decimal meaning for its operand: let the
    other operand try, or fail with CPython's message."""
    if reflected_name is not None and type(b).__module__ != 'builtins' \
            and hasattr(type(b), reflected_name):
        return NotImplemented
    if reflected_name is None and type(a) in (str, list, tuple, bytes, bytearray):
        if sym == '+':
            raise TypeError('can only concatenate %s (not "%s") to %s'
                            % (type(a).__name__, _tname(b), type(a).__name__))
        if sym == '*':
            raise TypeError("can't multiply sequence by non-int of type '%s'" % _tname(b))
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                    % (sym, _tname(a), _tname(b)))


def _convert(x):
    """x as a Decimal for arithmetic: Decimal and int only."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        if x >= 0:
            return _dec(0, x, 0)
        return _dec(1, -x, 0)
    return None


def _convert_ctx(x, ctx):
    """x as a Decimal for a Context method (TypeError otherwise)."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        if x >= 0:
            return _dec(0, x, 0)
        return _dec(1, -x, 0)
    raise TypeError("conversion from %s to Decimal is not supported"
                    % type(x).__name__)


class Decimal(object):
    """Floating point class for decimal arithmetic."""

    __slots__ = ('_sign', '_int', '_exp', '_is_special')

    def __new__(cls, value="0", context=None):
        t = type(value)
        if t is Decimal and cls is Decimal:
            return value
        self = _new(cls)
        if t is int:
            if value >= 0:
                self._sign = 0
                self._int = value
            else:
                self._sign = 1
                self._int = -value
            self._exp = 0
            self._is_special = False
            return self
        if t is str:
            # plain digits with an optional sign and point: no _parse
            body = value
            sign = 0
            if body[:1] == '-':
                sign = 1
                body = body[1:]
            dot = body.find('.')
            if dot >= 0:
                digits = body[:dot] + body[dot + 1:]
                exp = dot + 1 - len(body)
            else:
                digits = body
                exp = 0
            if digits.isdigit() and digits.isascii() and len(digits) < 4000:
                self._sign = sign
                self._int = int(digits)
                self._exp = exp
                self._is_special = False
                return self
        if t is str or isinstance(value, str):
            r = _parse(value)
            if r is None:
                if context is None:
                    context = getcontext()
                context._signal(_CONVERSION)
                r = (0, 0, 'n')
            self._sign, self._int, self._exp = r
            self._is_special = type(r[2]) is str
            return self
        if isinstance(value, Decimal):
            self._sign = value._sign
            self._int = value._int
            self._exp = value._exp
            self._is_special = value._is_special
            return self
        if isinstance(value, int):
            return cls.__new__(cls, int(value))
        if isinstance(value, float):
            if context is None:
                context = getcontext()
            context._signal(_FLOATOP)
            d = _from_float(value)
        elif isinstance(value, (tuple, list)):
            d = _from_tuple(value)
        else:
            raise TypeError("conversion from %s to Decimal is not supported"
                            % type(value).__name__)
        self._sign = d._sign
        self._int = d._int
        self._exp = d._exp
        self._is_special = d._is_special
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            d = _dec(1 if f < 0 else 0, abs(f), 0)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError("argument must be int or float")
        if cls is Decimal:
            return d
        return cls(d)

    # ------------------------------------------------------ predicates

    def is_nan(self):
        return self._is_special and self._exp != 'F'

    def is_snan(self):
        return self._is_special and self._exp == 'N'

    def is_qnan(self):
        return self._is_special and self._exp == 'n'

    def is_infinite(self):
        return self._is_special and self._exp == 'F'

    def is_finite(self):
        return not self._is_special

    def is_zero(self):
        return not self._is_special and self._int == 0

    def is_signed(self):
        return self._sign == 1

    def is_canonical(self):
        return True

    def is_normal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() >= context._Emin

    def is_subnormal(self, context=None):
        if self._is_special or self._int == 0:
            return False
        if context is None:
            context = getcontext()
        return self.adjusted() < context._Emin

    def adjusted(self):
        if self._is_special:
            return 0
        return self._exp + _nd(self._int) - 1

    def canonical(self):
        return self

    def radix(self):
        return Decimal(10)

    def number_class(self, context=None):
        if self._is_special:
            if self._exp == 'n':
                return 'NaN'
            if self._exp == 'N':
                return 'sNaN'
            return '-Infinity' if self._sign else '+Infinity'
        s = '-' if self._sign else '+'
        if self._int == 0:
            return s + 'Zero'
        if context is None:
            context = getcontext()
        if self.adjusted() < context._Emin:
            return s + 'Subnormal'
        return s + 'Normal'

    def as_tuple(self):
        if self._is_special:
            digits = tuple(int(ch) for ch in _istr(self._int)) if self._int else ()
            if self._exp == 'F':
                digits = (0,)
            return DecimalTuple(self._sign, digits, self._exp)
        return DecimalTuple(self._sign, tuple(int(ch) for ch in _istr(self._int)),
                            self._exp)

    def as_integer_ratio(self):
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError("cannot convert Infinity to integer ratio")
            raise ValueError("cannot convert NaN to integer ratio")
        c = self._int
        if c == 0:
            return 0, 1
        e = self._exp
        if e >= 0:
            n, d = c * _pow10(e), 1
        else:
            d5 = 5 ** -e
            d2 = -e
            # cancel common factors of 2 and 5
            while d2 and c & 1 == 0:
                c >>= 1
                d2 -= 1
            while d5 > 1 and c % 5 == 0:
                c //= 5
                d5 //= 5
            n, d = c, d5 << d2
        return (-n if self._sign else n), d

    # -------------------------------------------------- conversions

    def __str__(self):
        e = self._exp
        if not self._is_special and e <= 0 and self._int < _BIGSTR:
            s = str(self._int)
            if e == 0:
                return '-' + s if self._sign else s
            lead = e + len(s)
            if lead > 0:
                s = s[:lead] + '.' + s[lead:]
            elif lead > -6:
                s = '0.' + '0' * -lead + s
            else:
                return self._to_str(False, None)
            return '-' + s if self._sign else s
        return self._to_str(False, None)

    def __repr__(self):
        return "Decimal('%s')" % self._to_str(False, None)

    def to_eng_string(self, context=None):
        return self._to_str(True, context)

    def _to_str(self, eng, context):
        sign = '-' if self._sign else ''
        if self._is_special:
            k = self._exp
            if k == 'F':
                return sign + 'Infinity'
            p = _istr(self._int) if self._int else ''
            return sign + ('NaN' if k == 'n' else 'sNaN') + p
        s = _istr(self._int)
        e = self._exp
        if e == 0:
            return sign + s
        lead = e + len(s)
        if e <= 0 and lead > -6:
            dot = lead
        elif not eng:
            dot = 1
        elif self._int == 0:
            dot = (lead + 1) % 3 - 1
        else:
            dot = (lead - 1) % 3 + 1
        if dot <= 0:
            ip = '0'
            fp = '.' + '0' * -dot + s
        elif dot >= len(s):
            ip = s + '0' * (dot - len(s))
            fp = ''
        else:
            ip = s[:dot]
            fp = '.' + s[dot:]
        if lead == dot:
            return sign + ip + fp
        if context is None:
            context = getcontext()
        return sign + ip + fp + ('E' if context._capitals else 'e') + '%+d' % (lead - dot)

    def __bool__(self):
        return self._is_special or self._int != 0

    def __int__(self):
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        e = self._exp
        if e >= 0:
            n = self._int * _pow10(e)
        elif -e > _nd(self._int):
            n = 0
        else:
            n = self._int // _pow10(-e)
        return -n if self._sign else n

    __trunc__ = __int__

    def _to_int(self, rounding):
        if self._is_special:
            if self._exp == 'F':
                raise OverflowError("cannot convert Infinity to integer")
            raise ValueError("cannot convert NaN to integer")
        e = self._exp
        if e >= 0:
            n = self._int * _pow10(e)
        else:
            n = _round_coef(self._int, -e, self._sign, rounding)[0]
        return -n if self._sign else n

    def __floor__(self):
        return self._to_int(ROUND_FLOOR)

    def __ceil__(self):
        return self._to_int(ROUND_CEILING)

    def __round__(self, n=None):
        if n is None:
            return self._to_int(ROUND_HALF_EVEN)
        if not isinstance(n, int):
            raise TypeError("optional arg must be an integer")
        return self.quantize(_dec(0, 1, -n))

    def __float__(self):
        if self._is_special:
            if self._exp == 'N':
                raise ValueError("cannot convert signaling NaN to float")
            if self._exp == 'n':
                return float('-nan') if self._sign else float('nan')
        return float(self._to_str(False, None))

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return self

    @property
    def imag(self):
        return Decimal(0)

    def conjugate(self):
        return self

    def __hash__(self):
        if self._is_special:
            if self._exp == 'N':
                raise TypeError("Cannot hash a signaling NaN value")
            if self._exp == 'n':
                return object.__hash__(self)
            return -_HASH_INF if self._sign else _HASH_INF
        e = self._exp
        if e >= 0:
            m = pow(10, e, _HASH_MOD)
        else:
            m = pow(_HASH_10INV, -e, _HASH_MOD)
        h = self._int * m % _HASH_MOD
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) is Decimal:
            return self
        return self.__class__(self)

    def __deepcopy__(self, memo):
        if type(self) is Decimal:
            return self
        return self.__class__(self)

    def __format__(self, spec, context=None):
        return _format(self, spec, context)

    # ---------------------------------------------------- comparisons

    def _cmp(self, other):
        """-1, 0, 1 for finite or infinite self and other (no NaNs)."""
        if self._is_special or other._is_special:
            a = 0 if not self._is_special else (-1 if self._sign else 1)
            b = 0 if not other._is_special else (-1 if other._sign else 1)
            if a or b:
                if a == b:
                    return 0
                if a and b:
                    return -1 if a < b else 1
                if a:
                    return a
                return -b
        sa = self._sign
        za = self._int == 0
        zb = other._int == 0
        if za or zb:
            if za and zb:
                return 0
            if za:
                return 1 if other._sign else -1
            return -1 if sa else 1
        if sa != other._sign:
            return -1 if sa else 1
        ea = self._exp
        eb = other._exp
        if ea == eb:
            ca = self._int
            cb = other._int
        else:
            adja = ea + _nd(self._int)
            adjb = eb + _nd(other._int)
            if adja != adjb:
                r = 1 if adja > adjb else -1
                return -r if sa else r
            if ea > eb:
                ca = self._int * _pow10(ea - eb)
                cb = other._int
            else:
                ca = self._int
                cb = other._int * _pow10(eb - ea)
        if ca == cb:
            return 0
        r = 1 if ca > cb else -1
        return -r if sa else r

    def _cmp_other(self, other, ordering):
        """other as a Decimal for a comparison, or a (num, den) pair for
        rationals, or None for unsupported types."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _dec(1 if other < 0 else 0, abs(other), 0)
        if isinstance(other, float):
            ctx = getcontext()
            if ordering:
                ctx._signal(_FLOATOP)
            else:
                ctx._flags |= _FLOATOP
            return _from_float(other)
        if isinstance(other, complex) and not ordering and other.imag == 0:
            return self._cmp_other(other.real, ordering)
        if isinstance(other, _numbers.Rational):
            return (other.numerator, other.denominator)
        return None

    def _compare_op(self, other, op):
        o = self._cmp_other(other, True)
        if o is None:
            if type(other).__module__ == 'builtins':
                raise TypeError("'%s' not supported between instances of '%s' and '%s'"
                                % (op, _tname(self), _tname(other)))
            return NotImplemented
        if type(o) is tuple:
            if self._is_special and self._exp != 'F':
                getcontext()._signal(_INVALID)
                return False
            return _ratio_cmp(self, o)
        if (self._is_special and self._exp != 'F') or (o._is_special and o._exp != 'F'):
            getcontext()._signal(_INVALID)
            return False
        return self._cmp(o)

    def __eq__(self, other):
        o = self._cmp_other(other, False)
        if o is None:
            return NotImplemented
        if type(o) is tuple:
            if self._is_special and self._exp != 'F':
                if self._exp == 'N':
                    getcontext()._signal(_INVALID)
                return False
            return _ratio_cmp(self, o) == 0
        if self._is_special or o._is_special:
            if self._exp == 'N' or o._exp == 'N':
                getcontext()._signal(_INVALID)
                return False
            if self._exp == 'n' or o._exp == 'n':
                return False
        return self._cmp(o) == 0

    def __ne__(self, other):
        r = self.__eq__(other)
        if r is NotImplemented:
            return r
        return not r

    def __lt__(self, other):
        r = self._compare_op(other, '<')
        if r is NotImplemented or r is False:
            return r
        return r < 0

    def __le__(self, other):
        r = self._compare_op(other, '<=')
        if r is NotImplemented or r is False:
            return r
        return r <= 0

    def __gt__(self, other):
        r = self._compare_op(other, '>')
        if r is NotImplemented or r is False:
            return r
        return r > 0

    def __ge__(self, other):
        r = self._compare_op(other, '>=')
        if r is NotImplemented or r is False:
            return r
        return r >= 0

    def compare(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        n = _nan_result(self, other, context)
        if n is not None:
            return n
        return _dec(1, 1, 0) if self._cmp(other) < 0 else _dec(0, self._cmp(other), 0)

    def compare_signal(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        if self.is_nan() or other.is_nan():
            context._signal(_INVALID)
            return _nan_result(self, other, context) or _special(0, 'n')
        return self.compare(other, context)

    def compare_total(self, other, context=None):
        other = _convert_ctx(other, None)
        r = _total_cmp(self, other)
        return _dec(1, 1, 0) if r < 0 else _dec(0, r, 0)

    def compare_total_mag(self, other, context=None):
        other = _convert_ctx(other, None)
        r = _total_cmp_abs(self, other)
        return _dec(1, 1, 0) if r < 0 else _dec(0, r, 0)

    def max(self, other, context=None):
        return _minmax(self, other, context, 1, False)

    def min(self, other, context=None):
        return _minmax(self, other, context, -1, False)

    def max_mag(self, other, context=None):
        return _minmax(self, other, context, 1, True)

    def min_mag(self, other, context=None):
        return _minmax(self, other, context, -1, True)

    # ---------------------------------------------------- arithmetic

    def __add__(self, other, context=None):
        if type(other) is not Decimal:
            o = _convert(other)
            if o is None:
                return _binop_error(self, other, '+', '__radd__')
            other = o
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            return _add(self, other, context, 0)
        # finite operands with close exponents: inline
        ea = self._exp
        eb = other._exp
        if ea == eb:
            ca = self._int
            cb = other._int
        elif ea > eb and ea - eb < 20:
            ca = self._int * _P10[ea - eb]
            cb = other._int
            ea = eb
        elif eb > ea and eb - ea < 20:
            ca = self._int
            cb = other._int * _P10[eb - ea]
        else:
            return _add(self, other, context, 0)
        sign = self._sign
        if sign == other._sign:
            c = ca + cb
        else:
            c = ca - cb
            if c < 0:
                c = -c
                sign = 1 - sign
            elif c == 0:
                return _add(self, other, context, 0)
        if c < context._plim and context._Emin <= ea and ea <= context._etop:
            d = _new(Decimal)
            d._sign = sign
            d._int = c
            d._exp = ea
            d._is_special = False
            return d
        return _finish(sign, c, ea, context)

    def __radd__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '+', None)
        return o.__add__(self, context)

    def __sub__(self, other, context=None):
        if type(other) is not Decimal:
            o = _convert(other)
            if o is None:
                return _binop_error(self, other, '-', '__rsub__')
            other = o
        if context is None:
            context = getcontext()
        return _add(self, other, context, 1)

    def __rsub__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '-', None)
        return o.__sub__(self, context)

    def __mul__(self, other, context=None):
        if type(other) is not Decimal:
            o = _convert(other)
            if o is None:
                return _binop_error(self, other, '*', '__rmul__')
            other = o
        if context is None:
            context = getcontext()
        if self._is_special or other._is_special:
            return _mul_special(self, other, context)
        c = self._int * other._int
        e = self._exp + other._exp
        if c < context._plim and context._Emin <= e and e <= context._etop:
            d = _new(Decimal)
            d._sign = self._sign ^ other._sign
            d._int = c
            d._exp = e
            d._is_special = False
            return d
        return _finish(self._sign ^ other._sign, c, e, context)

    def __rmul__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '*', None)
        return o.__mul__(self, context)

    def __truediv__(self, other, context=None):
        if type(other) is not Decimal:
            o = _convert(other)
            if o is None:
                return _binop_error(self, other, '/', '__rtruediv__')
            other = o
        if context is None:
            context = getcontext()
        return _div(self, other, context)

    def __rtruediv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '/', None)
        return o.__truediv__(self, context)

    def __floordiv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(self, other, '//', '__rfloordiv__')
        if context is None:
            context = getcontext()
        return _divmod(self, o, context, 1)

    def __rfloordiv__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '//', None)
        return o.__floordiv__(self, context)

    def __mod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(self, other, '%', '__rmod__')
        if context is None:
            context = getcontext()
        return _divmod(self, o, context, 2)

    def __rmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '%', None)
        return o.__mod__(self, context)

    def __divmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(self, other, 'divmod()', '__rdivmod__')
        if context is None:
            context = getcontext()
        return _divmod(self, o, context, 3)

    def __rdivmod__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, 'divmod()', None)
        return o.__divmod__(self, context)

    def __pow__(self, other, modulo=None, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(self, other, '** or pow()', '__rpow__')
        if context is None:
            context = getcontext()
        if modulo is not None:
            m = _convert(modulo)
            if m is None:
                return NotImplemented
            return _powmod(self, o, m, context)
        return _pow(self, o, context)

    def __rpow__(self, other, context=None):
        o = _convert(other)
        if o is None:
            return _binop_error(other, self, '** or pow()', None)
        return o.__pow__(self, None, context)

    def __neg__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            n = _nan_result(self, None, context)
            if n is not None:
                return n
            return _special(1 - self._sign, 'F')
        if self._int == 0:
            sign = 1 if (self._sign == 0 and context._rounding == ROUND_FLOOR) else 0
        else:
            sign = 1 - self._sign
        return _finish(sign, self._int, self._exp, context)

    def __pos__(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            n = _nan_result(self, None, context)
            if n is not None:
                return n
            return self
        sign = self._sign
        if self._int == 0 and context._rounding != ROUND_FLOOR:
            sign = 0
        return _finish(sign, self._int, self._exp, context)

    def __abs__(self, round=True, context=None):
        if not round:
            return self.copy_abs()
        if context is None:
            context = getcontext()
        if self._is_special:
            n = _nan_result(self, None, context)
            if n is not None:
                return n
            return _special(0, 'F')
        return _finish(0, self._int, self._exp, context)

    def copy_abs(self):
        if self._is_special:
            return _special(0, self._exp, self._int)
        return _dec(0, self._int, self._exp)

    def copy_negate(self):
        if self._is_special:
            return _special(1 - self._sign, self._exp, self._int)
        return _dec(1 - self._sign, self._int, self._exp)

    def copy_sign(self, other, context=None):
        other = _convert_ctx(other, None)
        if self._is_special:
            return _special(other._sign, self._exp, self._int)
        return _dec(other._sign, self._int, self._exp)

    def fma(self, other, third, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        third = _convert_ctx(third, context)
        if self._is_special or other._is_special:
            if self._exp == 'N' or other._exp == 'N' or third._is_special and third._exp == 'N':
                n = _nan_result(self, other, context)
                if n is None:
                    n = _nan_result(third, None, context)
                return n
            if self.is_nan() or other.is_nan():
                return _nan_result(self, other, context)
            product = _mul_special(self, other, context)
            if product.is_nan():
                return product
        else:
            product = _dec(self._sign ^ other._sign, self._int * other._int,
                           self._exp + other._exp)
        return _add(product, third, context, 0)

    def sqrt(self, context=None):
        if context is None:
            context = getcontext()
        return _sqrt(self, context)

    def exp(self, context=None):
        if context is None:
            context = getcontext()
        return _exp(self, context)

    def ln(self, context=None):
        if context is None:
            context = getcontext()
        return _ln(self, context, False)

    def log10(self, context=None):
        if context is None:
            context = getcontext()
        return _ln(self, context, True)

    def logb(self, context=None):
        if context is None:
            context = getcontext()
        n = _nan_result(self, None, context)
        if n is not None:
            return n
        if self._is_special:
            return _special(0, 'F')
        if self._int == 0:
            context._signal(_DIVBYZERO)
            return _special(1, 'F')
        return _finish(*_split_int(self.adjusted()), ctx=context)

    def scaleb(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        n = _nan_result(self, other, context)
        if n is not None:
            return n
        if other._is_special or other._exp != 0:
            return _invalid(context)
        k = -other._int if other._sign else other._int
        lim = 2 * (context._Emax + context._prec)
        if k > lim or k < -lim:
            return _invalid(context)
        if self._is_special:
            return self
        return _finish(self._sign, self._int, self._exp + k, context)

    def normalize(self, context=None):
        if context is None:
            context = getcontext()
        if self._is_special:
            n = _nan_result(self, None, context)
            return self if n is None else n
        d = _finish(self._sign, self._int, self._exp, context)
        if d._is_special or d._int == 0:
            if not d._is_special:
                return _dec(d._sign, 0, 0)
            return d
        c, k = _strip(d._int, _nd(d._int))
        e = d._exp + k
        top = context._Emax - context._prec + 1 if context._clamp else context._Emax
        if e > top:
            c *= _pow10(e - top)
            e = top
        return _dec(d._sign, c, e)

    def quantize(self, exp, rounding=None, context=None):
        if type(exp) is not Decimal:
            exp = _convert_ctx(exp, None)
        if context is None:
            context = getcontext()
        if rounding is None:
            rounding = context._rounding
        elif rounding not in _ROUNDSET:
            raise TypeError(_ROUNDING_MSG)
        if not (self._is_special or exp._is_special):
            # the common case: fewer digits, no limits reached
            te = exp._exp
            e = self._exp
            c = self._int
            if te > e and te - e < 20 and te <= context._etop and te >= context._Emin:
                p = _P10[te - e]
                q, r = divmod(c, p)
                if r == 0:
                    st = _ROUNDED
                else:
                    if rounding == ROUND_HALF_EVEN:
                        h = r + r
                        if h > p or (h == p and q & 1):
                            q += 1
                    elif rounding != ROUND_DOWN:
                        q = _round_coef(c, te - e, self._sign, rounding)[0]
                    st = _ROUNDED | _INEXACT
                if c == 0 or q >= context._plim:
                    return _quantize(self, exp, rounding, context)
                context._flags |= st
                if st & context._traps:
                    context._signal(st)
                d = _new(Decimal)
                d._sign = self._sign
                d._int = q
                d._exp = te
                d._is_special = False
                return d
        return _quantize(self, exp, rounding, context)

    def same_quantum(self, other, context=None):
        other = _convert_ctx(other, None)
        if self._is_special or other._is_special:
            return (self.is_nan() and other.is_nan()) or \
                (self.is_infinite() and other.is_infinite())
        return self._exp == other._exp

    def to_integral_value(self, rounding=None, context=None):
        return _to_integral(self, rounding, context, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return _to_integral(self, rounding, context, True)

    def remainder_near(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        n = _nan_result(self, other, context)
        if n is not None:
            return n
        if self._is_special or (other._int == 0 and not other._is_special):
            return _invalid(context, _DIVUNDEFINED if self.is_zero() else _INVALID)
        if other._is_special:
            return _finish(self._sign, self._int, self._exp, context)
        if self._int and self.adjusted() - other.adjusted() > context._prec:
            return _invalid(context, _DIVIMPOSSIBLE)
        e = min(self._exp, other._exp)
        if self._int == 0 or self.adjusted() < other.adjusted() - 1:
            return _finish(self._sign, self._int * _pow10(self._exp - e), e, context)
        a = self._int * _pow10(self._exp - e)
        b = other._int * _pow10(other._exp - e)
        q, r = divmod(a, b)
        if 2 * r > b or (2 * r == b and q & 1):
            r -= b
            q += 1
        if _nd(q) > context._prec:
            return _invalid(context, _DIVIMPOSSIBLE)
        sign = self._sign
        if r < 0:
            sign = 1 - sign
            r = -r
        return _finish(sign, r, e, context)

    def next_plus(self, context=None):
        if context is None:
            context = getcontext()
        return _next(self, context, 1)

    def next_minus(self, context=None):
        if context is None:
            context = getcontext()
        return _next(self, context, -1)

    def next_toward(self, other, context=None):
        if context is None:
            context = getcontext()
        other = _convert_ctx(other, context)
        n = _nan_result(self, other, context)
        if n is not None:
            return n
        c = self._cmp(other)
        if c == 0:
            return self.copy_sign(other)
        r = _next(self, context, -1 if c > 0 else 1)
        if r.is_infinite():
            context._signal(_OVERFLOW | _INEXACT | _ROUNDED)
        elif not r._is_special and r.adjusted() < context._Emin:
            st = _SUBNORMAL | _UNDERFLOW | _INEXACT | _ROUNDED
            if r._int == 0:
                st |= _CLAMPED
            context._signal(st)
        return r

    def _isinteger(self):
        if self._is_special:
            return False
        if self._exp >= 0 or self._int == 0:
            return True
        return self._int % _pow10(-self._exp) == 0 if -self._exp <= _nd(self._int) else False


DecimalTuple = _namedtuple('DecimalTuple', 'sign digits exponent')
DecimalTuple.__module__ = 'decimal'


def _split_int(n):
    return (1 if n < 0 else 0), abs(n), 0


def _from_tuple(v):
    if len(v) != 3:
        raise ValueError("argument must be a sequence of length 3")
    sign, digits, exp = v
    if not (isinstance(sign, int) and sign in (0, 1)):
        raise ValueError("sign must be an integer with the value 0 or 1")
    if isinstance(exp, str):
        if exp not in ('F', 'n', 'N'):
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
    elif not isinstance(exp, int):
        raise ValueError("exponent must be an integer")
    if not isinstance(digits, (tuple, list)):
        raise ValueError("coefficient must be a tuple of digits")
    s = []
    for dg in digits:
        if not isinstance(dg, int) or not 0 <= dg <= 9:
            raise ValueError("coefficient must be a tuple of digits")
        s.append(chr(48 + dg))
    c = _sint(''.join(s)) if s else 0
    if exp == 'F':
        return _special(sign, 'F')
    if isinstance(exp, str):
        return _special(sign, exp, c)
    return _dec(sign, c, exp)


def _ratio_cmp(a, pair):
    """Compare a (finite or infinite) with the rational num/den."""
    num, den = pair
    if a._is_special:
        return -1 if a._sign else 1
    n, d = a.as_integer_ratio()
    x = n * den
    y = num * d
    return (x > y) - (x < y)


def _total_cmp(a, b):
    """-1, 0, 1 in the total order of compare_total."""
    if a._sign != b._sign:
        return -1 if a._sign else 1
    r = _total_cmp_abs(a, b)
    return -r if a._sign else r


_RANK = {'F': 1, 'N': 2, 'n': 3}


def _total_cmp_abs(a, b):
    ra = _RANK[a._exp] if a._is_special else 0
    rb = _RANK[b._exp] if b._is_special else 0
    if ra != rb:
        return -1 if ra < rb else 1
    if ra >= 2:
        return (a._int > b._int) - (a._int < b._int)
    if ra == 1:
        return 0
    c = _dec(0, a._int, a._exp)._cmp(_dec(0, b._int, b._exp))
    if c:
        return c
    return (a._exp > b._exp) - (a._exp < b._exp)


def _minmax(a, b, context, want, mag):
    if context is None:
        context = getcontext()
    b = _convert_ctx(b, context)
    if a.is_nan() or b.is_nan():
        if a._exp == 'N' or b._exp == 'N':
            return _nan_result(a, b, context)
        if a.is_nan() and b.is_nan():
            return _nan_result(a, b, context)
        return _finish_any(b if a.is_nan() else a, context)
    x = a.copy_abs() if mag else a
    y = b.copy_abs() if mag else b
    c = x._cmp(y)
    if c == 0 and mag:
        c = a._cmp(b)
    if c == 0:
        # equal values: order by sign, then exponent
        if a._sign != b._sign:
            c = -1 if a._sign else 1
        elif not a._is_special:
            c = 1 if a._exp > b._exp else -1 if a._exp < b._exp else 0
            if a._sign:
                c = -c
    r = a if (c >= 0) == (want > 0) else b
    if c == 0:
        r = a
    return _finish_any(r, context)


def _finish_any(a, ctx):
    if a._is_special:
        return a
    return _finish(a._sign, a._int, a._exp, ctx)


def _mul_special(a, b, ctx):
    n = _nan_result(a, b, ctx)
    if n is not None:
        return n
    sign = a._sign ^ b._sign
    if (a._is_special and not b._is_special and b._int == 0) or \
            (b._is_special and not a._is_special and a._int == 0):
        return _invalid(ctx)
    return _special(sign, 'F')


def _add(a, b, ctx, negate_b):
    bsign = b._sign ^ negate_b
    if a._is_special or b._is_special:
        n = _nan_result(a, b, ctx)
        if n is not None:
            return n
        if a._is_special:
            if b._is_special and a._sign != bsign:
                return _invalid(ctx)
            return _special(a._sign, 'F')
        return _special(bsign, 'F')
    ea = a._exp
    eb = b._exp
    ca = a._int
    cb = b._int
    if ea != eb:
        if ca == 0 or cb == 0:
            # x + 0: x padded with zeros, as far as they can show
            lim = ctx._prec + 2
            if ca:
                if eb > ea:
                    eb = ea
                elif ea - eb > lim:
                    eb = ea - lim
            elif cb:
                if ea > eb:
                    ea = eb
                elif eb - ea > lim:
                    ea = eb - lim
            else:
                if ea > eb:
                    ea = eb
                else:
                    eb = ea
        elif ea - eb > ctx._prec + 2 or eb - ea > ctx._prec + 2:
            # A much smaller operand only matters as a sticky digit.
            prec = ctx._prec
            if ea > eb:
                adja = ea + _nd(ca)
                lim = min(ea, adja - prec - 1) - 2
                if eb + _nd(cb) - 1 <= lim:
                    cb = 1
                    eb = lim
            else:
                adjb = eb + _nd(cb)
                lim = min(eb, adjb - prec - 1) - 2
                if ea + _nd(ca) - 1 <= lim:
                    ca = 1
                    ea = lim
        if ea > eb:
            ca *= _pow10(ea - eb)
            e = eb
        else:
            cb *= _pow10(eb - ea)
            e = ea
    else:
        e = ea
    if a._sign == bsign:
        return _finish(bsign, ca + cb, e, ctx)
    if a._sign:
        ca = -ca
    else:
        cb = -cb
    s = ca + cb
    if s > 0:
        return _finish(0, s, e, ctx)
    if s < 0:
        return _finish(1, -s, e, ctx)
    return _finish(1 if ctx._rounding == ROUND_FLOOR else 0, 0, e, ctx)


def _div(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        n = _nan_result(a, b, ctx)
        if n is not None:
            return n
        if a._is_special and b._is_special:
            return _invalid(ctx)
        if a._is_special:
            return _special(sign, 'F')
        return _finish(sign, 0, ctx._Emin - ctx._prec + 1, ctx, _CLAMPED)
    cb = b._int
    if cb == 0:
        if a._int == 0:
            return _invalid(ctx, _DIVUNDEFINED)
        ctx._signal(_DIVBYZERO)
        return _special(sign, 'F')
    ca = a._int
    ideal = a._exp - b._exp
    if ca == 0:
        return _finish(sign, 0, ideal, ctx)
    prec = ctx._prec
    shift = prec + _nd(cb) - _nd(ca) + 1
    if shift >= 0:
        q, r = divmod(ca * _pow10(shift), cb)
    else:
        q, r = divmod(ca, cb * _pow10(-shift))
    e = ideal - shift
    if r:
        return _finish(sign, q * 10 + 1, e - 1, ctx)
    if e < ideal:
        q, k = _strip(q, ideal - e)
        e += k
    return _finish(sign, q, e, ctx)


def _divmod(a, b, ctx, which):
    """which: 1 integer quotient, 2 remainder, 3 both."""
    sign = a._sign ^ b._sign
    if a._is_special or b._is_special:
        n = _nan_result(a, b, ctx)
        if n is not None:
            return (n, n) if which == 3 else n
        if a._is_special:
            if b._is_special:
                n = _invalid(ctx)
                return (n, n) if which == 3 else n
            q = _special(sign, 'F')
            if which == 1:
                return q
            n = _invalid(ctx)
            return (q, n) if which == 3 else n
        q = _dec(sign, 0, 0)
        if which == 1:
            return q
        r = _finish(a._sign, a._int, a._exp, ctx)
        return (q, r) if which == 3 else r
    if b._int == 0:
        if a._int == 0:
            n = _invalid(ctx, _DIVUNDEFINED)
            return (n, n) if which == 3 else n
        if which == 1:
            ctx._signal(_DIVBYZERO)
            return _special(sign, 'F')
        if which == 2:
            return _invalid(ctx)
        ctx._signal(_INVALID | _DIVBYZERO)
        return (_special(sign, 'F'), _special(0, 'n'))
    ea = a._exp
    eb = b._exp
    e = ea if ea < eb else eb
    prec = ctx._prec
    if a._int == 0 or a.adjusted() < b.adjusted():
        q = 0
        r = a._int * _pow10(ea - e)
        re = e
    else:
        if a.adjusted() - b.adjusted() > prec:
            n = _invalid(ctx, _DIVIMPOSSIBLE)
            return (n, n) if which == 3 else n
        x = a._int * _pow10(ea - e)
        y = b._int * _pow10(eb - e)
        q, r = divmod(x, y)
        re = e
        if _nd(q) > prec:
            n = _invalid(ctx, _DIVIMPOSSIBLE)
            return (n, n) if which == 3 else n
    if which == 1:
        return _finish(sign, q, 0, ctx)
    rd = _finish(a._sign, r, re, ctx)
    if which == 2:
        return rd
    return (_finish(sign, q, 0, ctx), rd)


def _powmod(a, b, m, ctx):
    for x in (a, b, m):
        if x._is_special or not x._isinteger():
            if x.is_nan():
                return _nan_result(a, b, ctx) or _nan_result(m, None, ctx)
            return _invalid(ctx)
    if b._sign or m._int == 0:
        return _invalid(ctx)
    if a._int == 0 and b._int == 0:
        return _invalid(ctx)
    mm = int(m)
    if _nd(abs(mm)) > ctx._prec:
        return _invalid(ctx)
    r = pow(abs(int(a)), int(b), abs(mm))
    sign = a._sign if int(b) & 1 else 0
    return _dec(sign, r, 0)


def _quantize(a, q, rounding, ctx):
    if a._is_special or q._is_special:
        n = _nan_result(a, q, ctx)
        if n is not None:
            return n
        if a._is_special and q._is_special:
            return a
        return _invalid(ctx)
    te = q._exp
    prec = ctx._prec
    if te > ctx._Emax or te < ctx._Emin - prec + 1:
        return _invalid(ctx)
    c = a._int
    e = a._exp
    st = 0
    if c == 0:
        return _clamp_q(a._sign, 0, te, ctx, st)
    if te > e:
        c, inexact = _round_coef(c, te - e, a._sign, rounding)
        st = _ROUNDED | (_INEXACT if inexact else 0)
    elif te < e:
        if e - te + _nd(c) > prec:
            return _invalid(ctx)
        c *= _pow10(e - te)
    if c and (_nd(c) > prec or te + _nd(c) - 1 > ctx._Emax):
        return _invalid(ctx)
    if c and te + _nd(c) - 1 < ctx._Emin:
        st |= _SUBNORMAL
    return _clamp_q(a._sign, c, te, ctx, st)


def _clamp_q(sign, c, e, ctx, st):
    if ctx._clamp:
        top = ctx._Emax - ctx._prec + 1
        if e > top:
            c *= _pow10(e - top)
            e = top
            st |= _CLAMPED
    if st:
        ctx._signal(st)
    return _dec(sign, c, e)


def _to_integral(a, rounding, context, exact):
    if context is None:
        context = getcontext()
    if rounding is None:
        rounding = context._rounding
    elif rounding not in _ROUNDINGS:
        raise TypeError(_ROUNDING_MSG)
    if a._is_special:
        n = _nan_result(a, None, context)
        return a if n is None else n
    if a._exp >= 0:
        return a
    if a._int == 0:
        return _dec(a._sign, 0, 0)
    c, inexact = _round_coef(a._int, -a._exp, a._sign, rounding)
    if exact:
        context._signal(_ROUNDED | (_INEXACT if inexact else 0))
    return _dec(a._sign, c, 0)


def _next(a, ctx, direction):
    n = _nan_result(a, None, ctx)
    if n is not None:
        return n
    prec = ctx._prec
    etiny = ctx._Emin - prec + 1
    if a._is_special:
        if (a._sign == 0) == (direction > 0):
            return a
        return _dec(a._sign, _pow10(prec) - 1, ctx._Emax - prec + 1)
    # Add or subtract a tiny amount and round towards it.
    tiny = _dec(0 if direction > 0 else 1, 1, min(etiny, a._exp) - 2)
    sub = Context(prec=prec, rounding=ROUND_CEILING if direction > 0 else ROUND_FLOOR,
                  Emin=ctx._Emin, Emax=ctx._Emax, clamp=ctx._clamp, traps=[])
    r = _add(a, tiny, sub, 0)
    return r


# ------------------------------------------------- sqrt, exp, ln, pow

def _sqrt(a, ctx):
    if a._is_special:
        n = _nan_result(a, None, ctx)
        if n is not None:
            return n
        if a._sign:
            return _invalid(ctx)
        return a
    if a._int == 0:
        return _finish(a._sign, 0, a._exp // 2, ctx)
    if a._sign:
        return _invalid(ctx)
    prec = ctx._prec
    c = a._int
    e = a._exp
    ideal = e // 2
    if e & 1:
        c *= 10
        e -= 1
    nd = _nd(c)
    k = prec + 1 - (nd + 1) // 2
    if k >= 0:
        x = c * _pow10(2 * k)
        rem = 0
    else:
        x, rem = divmod(c, _pow10(-2 * k))
    r = _math.isqrt(x)
    re = e // 2 - k
    if r * r == x and rem == 0:
        if re < ideal:
            r, n = _strip(r, ideal - re)
            re += n
        return _finish(0, r, re, ctx, 0, ROUND_HALF_EVEN)
    return _finish(0, r * 10 + 1, re - 1, ctx, 0, ROUND_HALF_EVEN)


_LN10_CACHE = [0, 0]


def _atanh_inv(n, S):
    """atanh(1/n) * S for an integer n > 1."""
    term = S // n
    n2 = n * n
    total = 0
    k = 1
    while term:
        total += term // k
        term //= n2
        k += 2
    return total


def _ln10(W):
    """ln(10) * 10**W, with an error below 1."""
    if _LN10_CACHE[0] >= W:
        return _LN10_CACHE[1] // _pow10(_LN10_CACHE[0] - W)
    g = W + 10
    S = _pow10(g)
    v = 6 * _atanh_inv(3, S) + 2 * _atanh_inv(9, S)
    _LN10_CACHE[0] = g
    _LN10_CACHE[1] = v
    return v // _pow10(10)


def _ln_fixed(c, e, W):
    """ln(c * 10**e) * 10**W for c > 0, with an error below 2."""
    nd = _nd(c)
    adj = e + nd - 1
    k = int(W ** 0.5 / 2) + 2
    G = W + 8 + _nd(abs(adj)) + (k * 31) // 100
    S = _pow10(G)
    if G >= nd - 1:
        y = c * _pow10(G - nd + 1)
    else:
        y = c // _pow10(nd - 1 - G)
    for _ in range(k):
        y = _math.isqrt(y * S)
    z = (y - S) * S // (y + S)
    z2 = z * z // S
    total = 0
    term = z
    n = 1
    while term:
        total += term // n
        term = term * z2 // S
        n += 2
    v = (total << (k + 1)) + adj * _ln10(G)
    return v // _pow10(G - W)


def _exp_fixed(c, e, sign, W):
    """exp(+-c * 10**e) as (M, n): M * 10**(n - W), M having about W + 1
    digits, with an error below 10**10 units of M. |x| must be moderate."""
    nd = _nd(c)
    adj = e + nd - 1
    G = W + 12 + (adj if adj > 0 else 0)
    S = _pow10(G)
    if e + G >= 0:
        X = c * _pow10(e + G)
    else:
        X = c // _pow10(-e - G)
    if sign:
        X = -X
    L = _ln10(G)
    n = (2 * X + L) // (2 * L)
    r = X - n * L
    k = int(G ** 0.5 / 2) + 2
    G2 = G + (k * 31) // 100 + 4
    S2 = _pow10(G2)
    r = (r * _pow10(G2 - G)) >> k
    total = S2
    term = S2
    i = 1
    while term:
        term = term * r // (S2 * i)
        total += term
        i += 1
    for _ in range(k):
        total = total * total // S2
    return total // _pow10(G2 - W), n


def _correct(sign, lo, hi, exp, ctx, digits, st=_INEXACT | _ROUNDED):
    """The true value lies strictly between lo and hi (positive ints, times
    10**exp) and is not exactly representable. If they agree on their
    first digits, round and return the result, else None."""
    if lo <= 0:
        return None
    nlo = _nd(lo)
    if nlo < digits + 3 or _nd(hi) != nlo:
        return None
    drop = nlo - digits - 3
    tl = lo // _pow10(drop)
    if tl != hi // _pow10(drop):
        return None
    return _finish(sign, tl * 10 + 1, exp + drop - 1, ctx, 0, ROUND_HALF_EVEN if st else None) \
        if st == _INEXACT | _ROUNDED else None


def _exp(a, ctx):
    if a._is_special:
        n = _nan_result(a, None, ctx)
        if n is not None:
            return n
        return _dec(0, 0, 0) if a._sign else a
    if a._int == 0:
        return _dec(0, 1, 0)
    prec = ctx._prec
    adj = a.adjusted()
    if adj < -(prec + 3):
        # exp(x) is 1 + x: a sticky digit on either side of 1
        if a._sign:
            return _finish(0, _pow10(prec + 5) - 1, -(prec + 5), ctx,
                           _INEXACT | _ROUNDED, ROUND_HALF_EVEN)
        return _finish(0, _pow10(prec + 4) + 1, -(prec + 4), ctx,
                       _INEXACT | _ROUNDED, ROUND_HALF_EVEN)
    limit = 3 * (max(ctx._Emax, -ctx._Emin) + prec + 2)
    if adj > 20 or (a._int * _pow10(a._exp) if a._exp >= 0 else a._int // _pow10(-a._exp)) > limit:
        if a._sign:
            return _finish(0, 1, ctx._Emin - prec - 5, ctx, _INEXACT | _ROUNDED, ROUND_HALF_EVEN)
        return _finish(0, 1, ctx._Emax + 5, ctx, _INEXACT | _ROUNDED, ROUND_HALF_EVEN)
    W = prec + 14
    while True:
        M, n = _exp_fixed(a._int, a._exp, a._sign, W)
        r = _correct(0, M - 10 ** 10, M + 10 ** 10, n - W, ctx, prec)
        if r is not None:
            return r
        W += W // 2 + 10


def _ln(a, ctx, base10):
    if a._is_special:
        n = _nan_result(a, None, ctx)
        if n is not None:
            return n
        if a._sign:
            return _invalid(ctx)
        return a
    if a._int == 0:
        return _special(1, 'F')
    if a._sign:
        return _invalid(ctx)
    c = a._int
    e = a._exp
    prec = ctx._prec
    if base10:
        cs, k = _strip(c, _nd(c))
        if cs == 1:
            return _finish(*_split_int(e + k), ctx=ctx)
    elif c == _pow10(-e) if e <= 0 else False:
        return _dec(0, 0, 0)
    W = prec + 12
    # digits lost when x is near 1
    if e < 0 and -1 <= e + _nd(c) - 1 <= 0:
        diff = abs(c - _pow10(-e))
        if diff:
            near = -(e + _nd(diff) - 1)
            if near > 0:
                W += near
    while True:
        L = _ln_fixed(c, e, W + 3)
        if base10:
            L10 = _ln10(W + 3)
            L = L * _pow10(W + 3) // L10
        sign = 1 if L < 0 else 0
        m = -L if sign else L
        r = _correct(sign, m - 4, m + 4, -(W + 3), ctx, prec)
        if r is not None:
            return r
        W += W // 2 + 10


def _pow_underflow(sign, ctx):
    """x**-n far below Etiny: libmpdec's repeated squaring of 1/x reaches
    zero, whatever the rounding."""
    ctx._signal(_CLAMPED | _INEXACT | _ROUNDED | _SUBNORMAL | _UNDERFLOW)
    return _dec(sign, 0, ctx._Emin - ctx._prec + 1)


def _pow(a, b, ctx):
    if a._is_special or b._is_special:
        n = _nan_result(a, b, ctx)
        if n is not None:
            return n
    bint = b._isinteger()
    if b._is_special:
        # b is +-Infinity
        if a._is_special:
            return _dec(0, 0, 0) if b._sign else _special(0, 'F')
        if a._sign and a._int:
            return _invalid(ctx)
        c = a.copy_abs()._cmp(_dec(0, 1, 0))
        if a._int == 0:
            return _special(0, 'F') if b._sign else _dec(0, 0, 0)
        if c == 0:
            return _finish(0, _pow10(ctx._prec - 1), 1 - ctx._prec, ctx, _INEXACT | _ROUNDED)
        if (c > 0) != bool(b._sign):
            return _special(0, 'F')
        return _dec(0, 0, 0)
    if b._int == 0:
        if not a._is_special and a._int == 0:
            return _invalid(ctx)
        return _dec(0, 1, 0)
    odd = False
    huge = False
    if bint:
        if b.adjusted() > 25:
            # |y| > 10**25: only its parity is needed
            huge = True
            n = None
            if b._exp == 0:
                odd = bool(b._int & 1)
            elif b._exp < 0:
                odd = bool((b._int // _pow10(-b._exp)) & 1)
        else:
            n = int(b)
            odd = bool(n & 1)
    sign = a._sign if odd else 0
    if huge and not a._is_special and a._int:
        mag = _dec(0, a._int, a._exp)._cmp(_dec(0, 1, 0))
        if mag == 0:
            if a._exp == 0:
                return _dec(sign, 1, 0)
            return _finish(sign, _pow10(ctx._prec - 1), 1 - ctx._prec, ctx, _ROUNDED)
        if (mag > 0) != bool(b._sign):
            return _finish(sign, 1, ctx._Emax + 10, ctx, _INEXACT | _ROUNDED)
        return _finish(sign, 1, ctx._Emin - ctx._prec - 10, ctx, _INEXACT | _ROUNDED)
    if a._sign and not bint and (a._is_special or a._int):
        return _invalid(ctx)
    if a._is_special:
        if b._sign:
            return _dec(sign, 0, 0)
        return _special(sign, 'F')
    if a._int == 0:
        if b._sign:
            return _special(sign, 'F')
        return _dec(sign, 0, 0)
    prec = ctx._prec
    if bint:
        c = a._int
        e = a._exp
        an = -n if n < 0 else n
        if c == 1 or c.bit_length() * an <= max(14 * prec, 40000) or \
                _strip(c, _nd(c))[0] == 1:
            cs, k = _strip(c, _nd(c))
            if cs == 1:
                C = _pow10(k * an) if k * an < max(10000, prec + 2) else None
                if C is None:
                    # 10**(k*n): only its exponent matters
                    if n > 0:
                        # the exact power has k*n + 1 digits
                        return _finish(sign, _pow10(prec - 1), e * n + k * an - prec + 1,
                                       ctx, _ROUNDED)
                    return _finish(sign, 1, -(e + k) * an, ctx)
            else:
                C = c ** an
            if n > 0:
                return _finish(sign, C, e * n, ctx)
            if -(e * an + _nd(C) - 1) < ctx._Emin - prec:
                return _pow_underflow(sign, ctx)
            return _div(_dec(0, 1, 0), _dec(sign, C, e * an), ctx)
    # x**y = exp(y * ln x), with ln at enough digits for y's size
    if a._int == _pow10(-a._exp) if a._exp <= 0 else False:
        return _finish(0, _pow10(prec - 1), 1 - prec, ctx, _INEXACT | _ROUNDED)
    if bint and b._sign:
        # the reciprocal of a power too large for the context
        lx = _math.log10(a._int) + a._exp
        if lx > 0 and n * lx < ctx._Emin - prec - 2:
            tl = -n * lx * 2.302585
            if int(_math.log10(tl)) >= 9:
                # far out of range: a tiny value rounded, as libmpdec's bounds check
                return _finish(sign, 1, ctx._Emin - prec - 5, ctx, _INEXACT | _ROUNDED)
            return _pow_underflow(sign, ctx)
    W = prec + 14 + max(0, b.adjusted())
    tries = 0
    while True:
        L = _ln_fixed(a._int, a._exp, W)
        # y * ln(x) as a decimal: (L * cy) * 10**(ey - W)
        prod = L * b._int
        psign = b._sign ^ (1 if prod < 0 else 0)
        prod = -prod if prod < 0 else prod
        if prod == 0:
            return _finish(sign, _pow10(prec + 4) + 1, -(prec + 4), ctx,
                           _INEXACT | _ROUNDED)
        # error of prod: 2 * cy units; bound the exponent's range first
        pe = b._exp - W
        padj = pe + _nd(prod) - 1
        if padj <= -(prec + 24):
            # libmpdec gives 1 (to full precision) in any rounding here
            return _finish(sign, _pow10(prec - 1), 1 - prec, ctx, _INEXACT | _ROUNDED)
        if padj < -(prec + 5):
            if psign:
                return _finish(sign, _pow10(prec + 5) - 1, -(prec + 5), ctx,
                               _INEXACT | _ROUNDED)
            return _finish(sign, _pow10(prec + 4) + 1, -(prec + 4), ctx,
                           _INEXACT | _ROUNDED)
        if padj > _nd(3 * (max(ctx._Emax, -ctx._Emin) + prec + 2)):
            if psign:
                return _finish(sign, 1, ctx._Emin - prec - 5, ctx, _INEXACT | _ROUNDED)
            return _finish(sign, 1, ctx._Emax + 5, ctx, _INEXACT | _ROUNDED)
        err = 2 * b._int
        lo_p = prod - err
        hi_p = prod + err
        M1, n1 = _exp_fixed(hi_p if psign else lo_p, pe, psign, W)
        M2, n2 = _exp_fixed(lo_p if psign else hi_p, pe, psign, W)
        if n1 == n2:
            r = _correct(sign, M1 - 10 ** 10, M2 + 10 ** 10, n1 - W, ctx, prec)
            if r is not None:
                # _correct rounds half-even; redo in the context's rounding
                lo = M1 - 10 ** 10
                nlo = _nd(lo)
                drop = nlo - prec - 3
                tl = lo // _pow10(drop)
                return _finish(sign, tl * 10 + 1, n1 - W + drop - 1, ctx,
                               _INEXACT | _ROUNDED)
        tries += 1
        if tries > 4:
            # an exact or nearly exact result: take the upper estimate
            nlo = _nd(M2)
            drop = nlo - prec - 3
            tl = (M2 + 10 ** 10) // _pow10(drop)
            return _finish(sign, tl, n2 - W + drop, ctx, _INEXACT | _ROUNDED)
        W += W // 2 + 10


# -------------------------------------------------------------- format

def _parse_spec(spec):
    """[[fill]align][sign][z][0][width][,][.precision][type]"""
    i = 0
    n = len(spec)
    fill = ' '
    align = None
    if n >= 2 and spec[1] in '<>=^':
        fill = spec[0]
        align = spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    nonneg0 = False
    if i < n and spec[i] == 'z':
        nonneg0 = True
        i += 1
    zero = False
    if i < n and spec[i] == '0':
        zero = True
        i += 1
    j = i
    if i < n and spec[i] == '0':
        raise ValueError("invalid format string")
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[j:i]) if i > j else 0
    comma = False
    if i < n and spec[i] == ',':
        comma = True
        i += 1
    prec = None
    if i < n and spec[i] == '.':
        i += 1
        j = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == j:
            raise ValueError("invalid format string")
        prec = int(spec[j:i])
    typ = None
    if i < n:
        typ = spec[i]
        i += 1
        if typ not in 'eEfFgGn%':
            raise ValueError("invalid format string")
    if i != n or (zero and align is not None) or (comma and typ == 'n'):
        raise ValueError("invalid format string")
    zpad = False
    if zero and align is None:
        fill = '0'
        align = '='
        zpad = True
    if align is None:
        align = '>'
    return fill, align, sign, nonneg0, width, comma, prec, typ, zpad


def _group(digits, minw):
    def grouped(d):
        parts = []
        while len(d) > 3:
            parts.append(d[-3:])
            d = d[:-3]
        parts.append(d)
        parts.reverse()
        return ','.join(parts)
    g = grouped(digits)
    while len(g) < minw:
        digits = '0' + digits
        g = grouped(digits)
    return g


def _format(d, spec, context):
    if context is None:
        context = getcontext()
    fill, align, sgn, nonneg0, width, comma, prec, typ, zpad = _parse_spec(spec)
    if typ is None:
        typ = 'G' if context._capitals else 'g'
    elif typ == 'n':
        typ = 'g'
    rounding = context._rounding
    neg = d._sign == 1
    if d._is_special:
        body = d._to_str(False, context).lstrip('-')
        if zpad:
            # no zero padding for specials
            fill = ' '
            align = '>'
        if typ == '%':
            body += '%'
    else:
        if typ == '%':
            d = _dec(d._sign, d._int, d._exp + 2)
        if prec is not None:
            if typ in 'eE':
                d = _round_digits(d, prec + 1, rounding)
                n = _nd(d._int)
                if d._int and n < prec + 1:
                    d = _dec(d._sign, d._int * _pow10(prec + 1 - n), d._exp - (prec + 1 - n))
            elif typ in 'fF%':
                d = _rescale(d, -prec, rounding)
            elif typ in 'gG':
                p = prec if prec else 1
                if _nd(d._int) > p:
                    d = _round_digits(d, p, rounding)
        if d._int == 0 and d._exp > 0 and typ in 'fF%':
            d = _dec(d._sign, 0, 0)
        if nonneg0 and d._int == 0:
            neg = False
        s = _istr(d._int)
        lead = d._exp + len(s)
        if typ in 'eE':
            if d._int == 0 and prec is not None:
                dot = 1 - prec
            else:
                dot = 1
        elif typ in 'fF%':
            dot = lead
        else:
            if d._exp <= 0 and lead > -6:
                dot = lead
            else:
                dot = 1
        if dot < 0:
            ip = '0'
            fp = '0' * -dot + s
        elif dot == 0:
            ip = '0'
            fp = s
        elif dot >= len(s):
            ip = s + '0' * (dot - len(s))
            fp = ''
        else:
            ip = s[:dot]
            fp = s[dot:]
        if lead == dot and typ not in 'eE':
            ex = ''
        else:
            ex = ('E' if typ in 'EFG' else 'e') + '%+d' % (lead - dot)
        if typ == '%':
            ex = '%'
        if typ in 'gG' and prec is not None and False:
            pass
        tail = ('.' + fp if fp else '') + ex
        if comma:
            sl = 1 if (neg or sgn in '+ ') else 0
            minw = width - sl - len(tail) if zpad else 0
            ip = _group(ip, minw)
        body = ip + tail
    if neg:
        sign_s = '-'
    elif sgn == '+':
        sign_s = '+'
    elif sgn == ' ':
        sign_s = ' '
    else:
        sign_s = ''
    pad = width - len(sign_s) - len(body)
    if pad <= 0:
        return sign_s + body
    if align == '<':
        return sign_s + body + fill * pad
    if align == '>':
        return fill * pad + sign_s + body
    if align == '=':
        return sign_s + fill * pad + body
    left = pad // 2
    return fill * left + sign_s + body + fill * (pad - left)


def _round_digits(d, p, rounding):
    """d rounded to p significant digits (no context)."""
    n = _nd(d._int)
    if n <= p:
        return d
    c, inexact = _round_coef(d._int, n - p, d._sign, rounding)
    e = d._exp + n - p
    if _nd(c) > p:
        c //= 10
        e += 1
    return _dec(d._sign, c, e)


def _rescale(d, exp, rounding):
    if d._exp >= exp:
        return _dec(d._sign, d._int * _pow10(d._exp - exp), exp)
    c, inexact = _round_coef(d._int, exp - d._exp, d._sign, rounding)
    return _dec(d._sign, c, exp)


# ------------------------------------------------------------- context

_ROUNDING_MSG = ("valid values for rounding are:\n"
                 "  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n"
                 "   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n"
                 "   ROUND_05UP]")

_INT_ATTRS = {
    'prec': (1, MAX_PREC, "valid range for prec is [1, MAX_PREC]"),
    'Emin': (MIN_EMIN, 0, "valid range for Emin is [MIN_EMIN, 0]"),
    'Emax': (0, MAX_EMAX, "valid range for Emax is [0, MAX_EMAX]"),
    'capitals': (0, 1, "valid values for capitals are 0 or 1"),
    'clamp': (0, 1, "valid values for clamp are 0 or 1"),
}


class Context(object):
    """The arithmetic's settings: precision, rounding, exponent limits,
    flags and traps."""

    __slots__ = ('_prec', '_rounding', '_Emin', '_Emax', '_capitals', '_clamp',
                 '_flags', '_traps', '_plim', '_etop', '_fdict', '_tdict')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None,
                 capitals=None, clamp=None, flags=None, traps=None, **kwargs):
        for k in kwargs:
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        dc = _DEFAULT
        self._fdict = None
        self._tdict = None
        self._flags = 0
        self._traps = 0
        self._Emax = dc[3]
        self.prec = dc[0] if prec is None else prec
        self.rounding = dc[1] if rounding is None else rounding
        self.Emin = dc[2] if Emin is None else Emin
        self.Emax = dc[3] if Emax is None else Emax
        self.capitals = dc[4] if capitals is None else capitals
        self.clamp = dc[5] if clamp is None else clamp
        self._traps = dc[6] if traps is None else _bits_of(traps, 'traps')
        self._flags = 0 if flags is None else _bits_of(flags, 'flags')

    def _check(self, name, value):
        if not isinstance(value, int):
            raise TypeError("an integer is required")
        lo, hi, msg = _INT_ATTRS[name]
        if not lo <= value <= hi:
            raise ValueError(msg)
        return int(value)

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        self._prec = self._check('prec', value)
        # for the fast path of _finish: 10**prec and Etop
        self._plim = 10 ** self._prec
        self._etop = self._Emax - self._prec + 1

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        self._Emax = self._check('Emax', value)
        self._etop = self._Emax - self._prec + 1

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        self._Emin = self._check('Emin', value)

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        self._capitals = self._check('capitals', value)

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        self._clamp = self._check('clamp', value)

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if not isinstance(value, str) or value not in _ROUNDSET:
            raise TypeError(_ROUNDING_MSG)
        self._rounding = str(value)

    def __delattr__(self, name):
        raise AttributeError("context attributes cannot be deleted")

    @property
    def flags(self):
        d = self._fdict
        if d is None:
            d = self._fdict = SignalDict(self, '_flags')
        return d

    @flags.setter
    def flags(self, value):
        self._flags = _bits_of(value, 'flags')

    @property
    def traps(self):
        d = self._tdict
        if d is None:
            d = self._tdict = SignalDict(self, '_traps')
        return d

    @traps.setter
    def traps(self, value):
        self._traps = _bits_of(value, 'traps')

    def _signal(self, st):
        self._flags |= st
        t = st & self._traps
        if t:
            cls = None
            for s, b in _SIGNALS:
                if t & b:
                    cls = s
                    break
            lst = [c for c, b in _CONDITIONS if t & b]
            raise cls(lst)

    def __repr__(self):
        def names(bits):
            return ', '.join([n for n, b in _REPR_ORDER if bits & b])
        return ("Context(prec=%d, rounding=%s, Emin=%d, Emax=%d, capitals=%d, "
                "clamp=%d, flags=[%s], traps=[%s])"
                % (self._prec, self._rounding, self._Emin, self._Emax,
                   self._capitals, self._clamp, names(self._flags),
                   names(self._traps)))

    def __reduce__(self):
        return (self.__class__, (self._prec, self._rounding, self._Emin, self._Emax,
                                 self._capitals, self._clamp,
                                 [s for s, b in _SIGNALS if self._flags & b],
                                 [s for s, b in _SIGNALS if self._traps & b]))

    def copy(self):
        c = Context()
        c._prec = self._prec
        c._rounding = self._rounding
        c._Emin = self._Emin
        c._Emax = self._Emax
        c._capitals = self._capitals
        c._clamp = self._clamp
        c._plim = self._plim
        c._etop = self._etop
        c._flags = self._flags
        c._traps = self._traps
        return c

    __copy__ = copy

    def clear_flags(self):
        self._flags = 0

    def clear_traps(self):
        self._traps = 0

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def radix(self):
        return Decimal(10)

    def create_decimal(self, num="0"):
        if isinstance(num, str):
            r = _parse(num)
            if r is None:
                self._signal(_CONVERSION)
                return _special(0, 'n')
            sign, c, e = r
            if type(e) is str:
                if e == 'F':
                    return _special(sign, 'F')
                if c and _nd(c) > self._prec - self._clamp:
                    self._signal(_CONVERSION)
                    return _special(0, 'n')
                return _special(sign, e, c)
            return _finish(sign, c, e, self)
        if isinstance(num, float):
            self._signal(_FLOATOP)
        d = Decimal(num, self)
        if d._is_special:
            if d.is_nan():
                return _fix_nan(d, self)
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def create_decimal_from_float(self, f):
        d = Decimal.from_float(f)
        if d._is_special:
            return d
        return _finish(d._sign, d._int, d._exp, self)

    def abs(self, a):
        return _convert_ctx(a, self).__abs__(context=self)

    def add(self, a, b):
        return _add(_convert_ctx(a, self), _convert_ctx(b, self), self, 0)

    def subtract(self, a, b):
        return _add(_convert_ctx(a, self), _convert_ctx(b, self), self, 1)

    def multiply(self, a, b):
        return _convert_ctx(a, self).__mul__(_convert_ctx(b, self), self)

    def divide(self, a, b):
        return _div(_convert_ctx(a, self), _convert_ctx(b, self), self)

    def divide_int(self, a, b):
        return _divmod(_convert_ctx(a, self), _convert_ctx(b, self), self, 1)

    def remainder(self, a, b):
        return _divmod(_convert_ctx(a, self), _convert_ctx(b, self), self, 2)

    def divmod(self, a, b):
        return _divmod(_convert_ctx(a, self), _convert_ctx(b, self), self, 3)

    def remainder_near(self, a, b):
        return _convert_ctx(a, self).remainder_near(b, self)

    def power(self, a, b, modulo=None):
        a = _convert_ctx(a, self)
        b = _convert_ctx(b, self)
        if modulo is not None:
            return _powmod(a, b, _convert_ctx(modulo, self), self)
        return _pow(a, b, self)

    def plus(self, a):
        return _convert_ctx(a, self).__pos__(self)

    def minus(self, a):
        return _convert_ctx(a, self).__neg__(self)

    def sqrt(self, a):
        return _sqrt(_convert_ctx(a, self), self)

    def exp(self, a):
        return _exp(_convert_ctx(a, self), self)

    def ln(self, a):
        return _ln(_convert_ctx(a, self), self, False)

    def log10(self, a):
        return _ln(_convert_ctx(a, self), self, True)

    def logb(self, a):
        return _convert_ctx(a, self).logb(self)

    def scaleb(self, a, b):
        return _convert_ctx(a, self).scaleb(b, self)

    def quantize(self, a, b):
        return _quantize(_convert_ctx(a, self), _convert_ctx(b, self), self._rounding, self)

    def fma(self, a, b, c):
        return _convert_ctx(a, self).fma(b, c, self)

    def normalize(self, a):
        return _convert_ctx(a, self).normalize(self)

    def compare(self, a, b):
        return _convert_ctx(a, self).compare(b, self)

    def compare_signal(self, a, b):
        return _convert_ctx(a, self).compare_signal(b, self)

    def compare_total(self, a, b):
        return _convert_ctx(a, self).compare_total(b)

    def compare_total_mag(self, a, b):
        return _convert_ctx(a, self).compare_total_mag(b)

    def max(self, a, b):
        return _minmax(_convert_ctx(a, self), b, self, 1, False)

    def min(self, a, b):
        return _minmax(_convert_ctx(a, self), b, self, -1, False)

    def max_mag(self, a, b):
        return _minmax(_convert_ctx(a, self), b, self, 1, True)

    def min_mag(self, a, b):
        return _minmax(_convert_ctx(a, self), b, self, -1, True)

    def next_plus(self, a):
        return _next(_convert_ctx(a, self), self, 1)

    def next_minus(self, a):
        return _next(_convert_ctx(a, self), self, -1)

    def next_toward(self, a, b):
        return _convert_ctx(a, self).next_toward(b, self)

    def to_integral_value(self, a):
        return _to_integral(_convert_ctx(a, self), None, self, False)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _to_integral(_convert_ctx(a, self), None, self, True)

    def to_sci_string(self, a):
        return _convert_ctx(a, self)._to_str(False, self)

    def to_eng_string(self, a):
        return _convert_ctx(a, self)._to_str(True, self)

    def number_class(self, a):
        return _convert_ctx(a, self).number_class(self)

    def same_quantum(self, a, b):
        return _convert_ctx(a, self).same_quantum(b)

    def copy_abs(self, a):
        return _convert_ctx(a, self).copy_abs()

    def copy_negate(self, a):
        return _convert_ctx(a, self).copy_negate()

    def copy_sign(self, a, b):
        return _convert_ctx(a, self).copy_sign(b)

    def copy_decimal(self, a):
        return Decimal(_convert_ctx(a, self))

    def canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return a

    def is_canonical(self, a):
        if not isinstance(a, Decimal):
            raise TypeError("argument must be a Decimal")
        return True

    def is_finite(self, a):
        return _convert_ctx(a, self).is_finite()

    def is_infinite(self, a):
        return _convert_ctx(a, self).is_infinite()

    def is_nan(self, a):
        return _convert_ctx(a, self).is_nan()

    def is_qnan(self, a):
        return _convert_ctx(a, self).is_qnan()

    def is_snan(self, a):
        return _convert_ctx(a, self).is_snan()

    def is_signed(self, a):
        return _convert_ctx(a, self).is_signed()

    def is_zero(self, a):
        return _convert_ctx(a, self).is_zero()

    def is_normal(self, a):
        return _convert_ctx(a, self).is_normal(self)

    def is_subnormal(self, a):
        return _convert_ctx(a, self).is_subnormal(self)


# prec, rounding, Emin, Emax, capitals, clamp, traps of DefaultContext
_DEFAULT = [28, ROUND_HALF_EVEN, -999999, 999999, 1, 0,
            _INVALID_ALL | _DIVBYZERO | _OVERFLOW]

DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[Clamped, InvalidOperation, DivisionByZero,
                              Overflow, Underflow])
ExtendedContext = Context(prec=9, traps=[])

_local = _threading.local()


try:
    # threading.local keeps each thread's attributes in a dict by thread
    # ident (dropped when the thread ends): read it directly, it is faster.
    _local_dicts = _local._local__impl.dicts
    from _thread import get_ident as _get_ident
except Exception:
    _local_dicts = None


def getcontext():
    """The current thread's context (a copy of DefaultContext at first)."""
    if _local_dicts is not None:
        d = _local_dicts.get(_get_ident())
        if d is not None:
            c = d.get('ctx')
            if c is not None:
                return c
    try:
        return _local.ctx
    except AttributeError:
        c = DefaultContext.copy()
        c._flags = 0
        _local.ctx = c
        return c


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError("argument must be a context")
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context._flags = 0
    _local.ctx = context


_LOCAL_KEYS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp',
               'flags', 'traps')


class _ContextManager(object):

    def __init__(self, new_context):
        self.new_context = new_context.copy()

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, t, v, tb):
        setcontext(self.saved_context)


def localcontext(ctx=None, **kwargs):
    """A context manager making a copy of ctx (or the current context),
    with kwargs applied, current in its with block."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError("optional argument must be a context")
    m = _ContextManager(ctx)
    for k in kwargs:
        if k not in _LOCAL_KEYS:
            raise TypeError("'%s' is an invalid keyword argument for this function" % k)
        setattr(m.new_context, k, kwargs[k])
    return m


_numbers.Number.register(Decimal)
