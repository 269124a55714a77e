# Decimal arithmetic, rounding, comparisons, hashing and conversions.
from decimal import (Decimal as D, getcontext, localcontext, ROUND_HALF_EVEN, ROUND_HALF_UP,
                     ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_05UP,
                     InvalidOperation, DivisionByZero)
import math
from fractions import Fraction

a, b = D('1.30'), D('1.20')
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, -a, +a, abs(D('-3.5')))
print(D(1) / D(3), D(2) / D(3), D(1) / D(8), D(10) / D(4), D('1.00') / D('0.5'), D(100) / D(10))
print(D('7') // D('2'), D('-7') // D('2'), D('7') % D('-2'), D('-7') % D('2'), divmod(D(-7), D(2)))
print(D('0.1') + D('0.2'), D('0.1') * 3, 3 - D('0.5'), 2 / D(8), 7 // D(2), 7 % D(3), 2 ** D(10))
print(D(0) * D(-1), D(0) / D(-3), D(-0) + D(0), D('-0') - D('0'), D('1e-3') + D('1e5'))
print(D('1E+1000') + 1, D('9' * 30) + 1, D('123456789012345678901234567890') * 1)
print(D(2) ** -2, D('0.5') ** -2, D('1.0') ** -1, D('2.50') ** 2, D(3) ** 40, D(-2) ** 3)
print(D(10) ** -3, D(2) ** D('0.5'), D(4) ** D('0.5'), D('1.21') ** D('0.5'), D(10) ** D('2.5'))
print(D(0) ** 5, D('-0') ** 3, D('Infinity') ** -1, D(2) ** D('Infinity'), D('0.5') ** D('-Infinity'))
print(getcontext().power(3, 4, 5), getcontext().power(D(-7), 3, 10))
for op in ['1/0', '0/0', 'D(1) % 0', 'D(0) ** 0', 'D(0) ** -1', 'D(-4) ** D("0.5")', 'D(1) // 0', 'divmod(D(1), 0)']:
    try:
        print(op, eval(op.replace('1/0', 'D(1)/0').replace('0/0', 'D(0)/0')))
    except (InvalidOperation, DivisionByZero) as e:
        print(op, type(e).__name__, e, isinstance(e, ZeroDivisionError))

for r in [ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR,
          ROUND_HALF_DOWN, ROUND_05UP]:
    vals = [D(s).quantize(D('1'), rounding=r) for s in
            ['2.5', '3.5', '-2.5', '2.51', '-2.49', '0.5', '1.05', '-1.5', '5.01', '0.01', '-0.01']]
    print(r, ' '.join(str(v) for v in vals))
    with localcontext(rounding=r, prec=3):
        print('  ', D(1) / 3, D(2) / 3, D(-2) / 3, D('1.005') + 0, D('-1.005') + 0, D('1.015') * 1, D('1.055') * 1)

with localcontext(prec=50):
    print(D(1) / D(7))
    print(D(2).sqrt())
with localcontext() as c:
    c.prec = 6
    print(D('123.4567') + D('0.00001'), D('999999') + 1, D('1.234567') * 10)

# comparisons
print(D('1.0') == D(1), D('1.0') == 1, D('0.5') == 0.5, D('0.1') == 0.1, D(2) < 3, D(2) > 1.5, D(-1) <= -1)
print(D('NaN') == D('NaN'), D('NaN') != 1, D('1') == Fraction(1), D('0.25') == Fraction(1, 4), D('0.3') < Fraction(1, 3))
print(sorted([D('3'), D('-1.5'), D('2.25'), D(0), D('-Infinity'), D('1E2')]))
print(max(D(1), D('1.0')), min(D(2), D('0.5')), D('2.0').max(D(2)), D(1).min(D('1.00')))
try:
    D('NaN') < 1
except InvalidOperation as e:
    print('InvalidOperation', e)
for expr in ['D(1) + 1.5', '1.5 * D(2)', 'D(1) < "a"', 'D(1) + "a"', '"a" + D(1)', 'D(1) - None']:
    try:
        eval(expr)
    except TypeError as e:
        print('TypeError', e)

# hashes agree with equal ints, floats and fractions
for v in ['1', '1.0', '-1', '0.5', '2.5', '1E+3', '123456789012345678901234567890', '0.1', '-0', 'Infinity', '-Infinity']:
    d = D(v)
    print(v, hash(d) == hash(float(d)), hash(d) == hash(Fraction(d)) if d.is_finite() else '')
print(hash(D(5)) == hash(5), hash(D('5.000')) == hash(5), len({D(1), D('1.0'), 1, 1.0}))
try:
    hash(D('sNaN'))
except TypeError as e:
    print('TypeError', e)

# conversions
for v in ['1.9', '-1.9', '2.5', '-2.5', '3.5', '0', '1E+3', '-0.4']:
    d = D(v)
    print(v, int(d), float(d), round(d), math.floor(d), math.ceil(d), math.trunc(d), round(d, 1), bool(d))
print(round(D('2.675'), 2), round(D('12345'), -2), round(D('-0.5')), round(D('1.23456'), 3))
print(float(D('NaN')), float(D('-Infinity')), float(D('1e400')), complex(D('1.5')))
for v in ['NaN', 'Infinity', '-Infinity', 'sNaN']:
    for f in [int, round, float]:
        try:
            f(D(v))
        except (ValueError, OverflowError) as e:
            print(v, f.__name__, type(e).__name__, e)
print(sum([D('0.1')] * 10), sum(D(i) / 10 for i in range(5)))
print(D('12.34').real, D('12.34').imag, D('3').conjugate())
