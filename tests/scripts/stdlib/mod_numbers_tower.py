import numbers
from numbers import Number, Complex, Real, Rational, Integral

print(numbers.__all__)
for value in (3, True, 2.5, 10 ** 30):
    print(repr(value), [cls.__name__ for cls in (Number, Complex, Real, Rational, Integral)
                        if isinstance(value, cls)])
print(isinstance("3", Number), isinstance(None, Number), isinstance([1], Number))
print(issubclass(int, Integral), issubclass(float, Integral), issubclass(bool, Number))
print(issubclass(Integral, Rational), issubclass(Rational, Real), issubclass(Real, Complex))
print(Integral.__mro__[1:3] == (Rational, Real))
print(sorted(Rational.__abstractmethods__))
print(sorted(Integral.__abstractmethods__ - Rational.__abstractmethods__))
print(Number.__hash__)


class Money(Real):
    """A minimal Real: amounts in cents."""

    def __init__(self, cents):
        self.cents = cents

    def __float__(self):
        return self.cents / 100

    def __trunc__(self):
        return int(self.cents / 100)

    def __floor__(self):
        return self.cents // 100

    def __ceil__(self):
        return -(-self.cents // 100)

    def __round__(self, ndigits=None):
        return round(self.cents / 100, ndigits)

    def __floordiv__(self, other):
        return Money(self.cents // (other.cents if isinstance(other, Money) else other * 100) * 100)

    def __rfloordiv__(self, other):
        return NotImplemented

    def __mod__(self, other):
        return Money(self.cents % other.cents)

    def __rmod__(self, other):
        return NotImplemented

    def __lt__(self, other):
        return self.cents < other.cents

    def __le__(self, other):
        return self.cents <= other.cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __radd__(self, other):
        if other == 0:
            return self
        return NotImplemented

    def __neg__(self):
        return Money(-self.cents)

    def __pos__(self):
        return Money(self.cents)

    def __mul__(self, other):
        return Money(self.cents * other)

    def __rmul__(self, other):
        return Money(self.cents * other)

    def __truediv__(self, other):
        return Money(self.cents // other)

    def __rtruediv__(self, other):
        return NotImplemented

    def __pow__(self, exponent):
        return NotImplemented

    def __rpow__(self, base):
        return NotImplemented

    def __abs__(self):
        return Money(abs(self.cents))

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    __hash__ = None

    def __repr__(self):
        return f"Money({self.cents})"


a, b = Money(1050), Money(300)
print(a + b, a - b, -a, abs(Money(-5)), a * 2, float(a), a.real, a.imag, a.conjugate())
print(divmod(a, b), a < b, a <= a, bool(Money(0)), bool(a), round(a), round(a, 1))
print(isinstance(a, Real), isinstance(a, Complex), isinstance(a, Rational))


class Incomplete(Integral):
    def __int__(self):
        return 0


try:
    Incomplete()
except TypeError as e:
    print(str(e)[:60])


class Third:
    numerator = 1
    denominator = 3


print(Rational.__float__(Third()), Integral.__float__(7), Integral.numerator.__get__(5), Integral.denominator.__get__(5))


@Integral.register
class Bits:
    pass


print(isinstance(Bits(), Number), issubclass(Bits, Rational))
