import math
from fractions import Fraction
from numbers import Rational

print(Fraction(3, 4), repr(Fraction(3, 4)), Fraction(6, -8), Fraction(0, 5), Fraction(7), Fraction())
print(Fraction("3/7"), Fraction(" -1.25 "), Fraction("1e-3"), Fraction("2.5E2"), Fraction("1_000/3"), Fraction(".5"))
print(Fraction(0.1), Fraction(1.5), Fraction(Fraction(2, 3)), Fraction(Fraction(1, 2), Fraction(1, 3)))
print(Fraction(0.1).limit_denominator(), Fraction(math.pi).limit_denominator(1000), Fraction(355, 113).limit_denominator(10))
print(Fraction.from_float(0.25), Fraction(5, 10).as_integer_ratio(), Fraction(-7, 3).numerator, Fraction(-7, 3).denominator)

a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(Fraction(7, 2), Fraction(2, 3)), -a, +a, abs(-a))
print(a + 1, 2 - a, a * 3, 1 / a, a + 0.5, a * 2.0, a ** 2, a ** -2, Fraction(4, 9) ** Fraction(1, 2), 2 ** Fraction(3, 1))
print(Fraction(-2, 3) ** 3, Fraction(-2, 3) ** -3, Fraction(2) ** Fraction(-1))
print(a == Fraction(2, 6), a == 1 / 3, Fraction(1, 2) == 0.5, Fraction(2) == 2, a < b, a > 0.3, a <= Fraction(1, 3), a != b)
print(sorted([Fraction(1, 2), Fraction(1, 3), 0.4, 1, Fraction(-1, 7)]), max(Fraction(5, 4), 1.2), min(Fraction(1, 10), 0))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(12345, 1000), 2), round(Fraction(12345, 10), -2))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(-7, 2)), int(Fraction(7, 2)), float(Fraction(1, 8)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(3)) == hash(3), hash(Fraction(1, 3)), len({Fraction(1, 2), 0.5, Fraction(2, 4)}))
print(bool(Fraction(0)), bool(Fraction(1, 100)), isinstance(Fraction(1, 2), Rational), Fraction(1, 2).real, Fraction(1, 2).imag)
print(sum([Fraction(1, n) for n in range(1, 8)]), math.prod([Fraction(n, n + 1) for n in range(1, 6)]))

for bad in ("1/0", "abc", "1 / 2", "1.2.3", ""):
    try:
        Fraction(bad)
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
for thunk in (lambda: Fraction(1, 0), lambda: Fraction(3, 4) / 0, lambda: Fraction("1", 2), lambda: Fraction([1]),
              lambda: Fraction(1, 3).limit_denominator(0), lambda: Fraction.from_float("x"), lambda: Fraction(float("nan"))):
    try:
        thunk()
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)


def harmonic(n):
    total = Fraction(0)
    for k in range(1, n + 1):
        total += Fraction(1, k)
    return total


h = harmonic(30)
print(h.numerator, h.denominator, float(h))
