"""Abstract base classes for numbers (PEP 3141).

The tower is Number > Complex > Real > Rational > Integral.  Each level names
the operations a type must provide to be registered at that level; some
operations are given in terms of others.  complex, float and int are
registered at their levels.
"""

from abc import ABCMeta, abstractmethod

__all__ = ["Number", "Complex", "Real", "Rational", "Integral"]


class Number(metaclass=ABCMeta):
    """Root of the numeric tower.  isinstance(x, Number) tells whether x is a
    number, of whatever kind."""

    __slots__ = ()

    # Numbers are not hashable by default; concrete types define __hash__.
    __hash__ = None


class Complex(Number):
    """Complex numbers: the operations of the built-in complex type.

    Subclasses provide the abstract operations; __complex__, real, imag,
    __add__ ... __eq__.  __sub__ and __rsub__ are given here in terms of
    addition and negation, and bool() is the comparison with zero."""

    __slots__ = ()

    @abstractmethod
    def __complex__(self):
        """complex(self)"""

    def __bool__(self):
        """bool(self): whether self is not zero."""
        return self != 0

    @property
    @abstractmethod
    def real(self):
        """The real part."""
        raise NotImplementedError

    @property
    @abstractmethod
    def imag(self):
        """The imaginary part."""
        raise NotImplementedError

    @abstractmethod
    def __add__(self, other):
        """self + other"""
        raise NotImplementedError

    @abstractmethod
    def __radd__(self, other):
        """other + self"""
        raise NotImplementedError

    @abstractmethod
    def __neg__(self):
        """-self"""
        raise NotImplementedError

    @abstractmethod
    def __pos__(self):
        """+self"""
        raise NotImplementedError

    def __sub__(self, other):
        """self - other, as self + -other"""
        return self + -other

    def __rsub__(self, other):
        """other - self, as -self + other"""
        return -self + other

    @abstractmethod
    def __mul__(self, other):
        """self * other"""
        raise NotImplementedError

    @abstractmethod
    def __rmul__(self, other):
        """other * self"""
        raise NotImplementedError

    @abstractmethod
    def __truediv__(self, other):
        """self / other (a float or complex result where needed)"""
        raise NotImplementedError

    @abstractmethod
    def __rtruediv__(self, other):
        """other / self"""
        raise NotImplementedError

    @abstractmethod
    def __pow__(self, exponent):
        """self ** exponent (a float or complex result where needed)"""
        raise NotImplementedError

    @abstractmethod
    def __rpow__(self, base):
        """base ** self"""
        raise NotImplementedError

    @abstractmethod
    def __abs__(self):
        """abs(self): the distance from zero, a Real."""
        raise NotImplementedError

    @abstractmethod
    def conjugate(self):
        """The complex conjugate: the sign of the imaginary part flipped."""
        raise NotImplementedError

    @abstractmethod
    def __eq__(self, other):
        """self == other"""
        raise NotImplementedError


# The built-in complex type exists in every CPython; register it when the
# interpreter has it.
import builtins as _builtins
if hasattr(_builtins, "complex"):
    Complex.register(_builtins.complex)
del _builtins


class Real(Complex):
    """Real numbers: the operations of float beyond Complex's.

    Real adds the operations that work on real numbers (conversion to float,
    truncation, rounding, ordering, floor division, modulo) and defines
    complex(), real, imag and conjugate() from them."""

    __slots__ = ()

    @abstractmethod
    def __float__(self):
        """float(self)"""
        raise NotImplementedError

    @abstractmethod
    def __trunc__(self):
        """math.trunc(self): the Integral toward zero."""
        raise NotImplementedError

    @abstractmethod
    def __floor__(self):
        """math.floor(self): the largest Integral not above self."""
        raise NotImplementedError

    @abstractmethod
    def __ceil__(self):
        """math.ceil(self): the smallest Integral not below self."""
        raise NotImplementedError

    @abstractmethod
    def __round__(self, ndigits=None):
        """round(self, ndigits): an Integral without ndigits, else a Real;
        ties go to the even neighbour."""
        raise NotImplementedError

    def __divmod__(self, other):
        """divmod(self, other), from // and %."""
        return (self // other, self % other)

    def __rdivmod__(self, other):
        """divmod(other, self), from // and %."""
        return (other // self, other % self)

    @abstractmethod
    def __floordiv__(self, other):
        """self // other: floor of the quotient."""
        raise NotImplementedError

    @abstractmethod
    def __rfloordiv__(self, other):
        """other // self: floor of the quotient."""
        raise NotImplementedError

    @abstractmethod
    def __mod__(self, other):
        """self % other"""
        raise NotImplementedError

    @abstractmethod
    def __rmod__(self, other):
        """other % self"""
        raise NotImplementedError

    @abstractmethod
    def __lt__(self, other):
        """self < other (a total order, NaN aside)"""
        raise NotImplementedError

    @abstractmethod
    def __le__(self, other):
        """self <= other"""
        raise NotImplementedError

    def __complex__(self):
        """complex(self): the number with a zero imaginary part."""
        return complex(float(self))

    @property
    def real(self):
        """A real number is its own real part."""
        return +self

    @property
    def imag(self):
        """A real number's imaginary part is 0."""
        return 0

    def conjugate(self):
        """A real number is its own conjugate."""
        return +self


Real.register(float)


class Rational(Real):
    """Rational numbers: a numerator and a denominator, in lowest terms
    with a positive denominator."""

    __slots__ = ()

    @property
    @abstractmethod
    def numerator(self):
        raise NotImplementedError

    @property
    @abstractmethod
    def denominator(self):
        raise NotImplementedError

    def __float__(self):
        """float(self): the integer division numerator / denominator, which
        rounds correctly."""
        return int(self.numerator) / int(self.denominator)


class Integral(Rational):
    """Integers: int's operations beyond Rational's, the bitwise ones among
    them.  numerator is the number itself and denominator is 1."""

    __slots__ = ()

    @abstractmethod
    def __int__(self):
        """int(self)"""
        raise NotImplementedError

    def __index__(self):
        """operator.index(self): int(self)."""
        return int(self)

    @abstractmethod
    def __pow__(self, exponent, modulus=None):
        """pow(self, exponent[, modulus]); the three-argument form needs
        Integral arguments and a non-negative exponent."""
        raise NotImplementedError

    @abstractmethod
    def __lshift__(self, other):
        """self << other"""
        raise NotImplementedError

    @abstractmethod
    def __rlshift__(self, other):
        """other << self"""
        raise NotImplementedError

    @abstractmethod
    def __rshift__(self, other):
        """self >> other"""
        raise NotImplementedError

    @abstractmethod
    def __rrshift__(self, other):
        """other >> self"""
        raise NotImplementedError

    @abstractmethod
    def __and__(self, other):
        """self & other"""
        raise NotImplementedError

    @abstractmethod
    def __rand__(self, other):
        """other & self"""
        raise NotImplementedError

    @abstractmethod
    def __xor__(self, other):
        """self ^ other"""
        raise NotImplementedError

    @abstractmethod
    def __rxor__(self, other):
        """other ^ self"""
        raise NotImplementedError

    @abstractmethod
    def __or__(self, other):
        """self | other"""
        raise NotImplementedError

    @abstractmethod
    def __ror__(self, other):
        """other | self"""
        raise NotImplementedError

    @abstractmethod
    def __invert__(self):
        """~self"""
        raise NotImplementedError

    def __float__(self):
        """float(self), through int(self)."""
        return float(int(self))

    @property
    def numerator(self):
        """An integer is its own numerator."""
        return +self

    @property
    def denominator(self):
        """An integer's denominator is 1."""
        return 1


Integral.register(int)
