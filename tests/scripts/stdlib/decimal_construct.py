# Decimal construction and str/repr, as CPython's decimal shows them.
from decimal import Decimal, InvalidOperation, getcontext, localcontext, FloatOperation
import decimal

for s in ['0', '-0', '1', '-1.50', '1E+2', '1e2', '123.456e-10', '0.000001', '0.0000001',
          '1E-7', '12345678901234567890123456789012345', '  42  ', '1_000_000.5',
          '.5', '5.', '+7', '-0.00', '0E+5', '0e-8', 'NaN', '-nan', 'nan123', 'sNaN',
          '-sNaN45', 'Infinity', '-inf', '+INF', 'infinity', '\u0661\u0662\u0663',
          '1.23E+20', '-9.99E-100', '100E-2', '1000000E6', '\t\n3.14\n']:
    d = Decimal(s)
    print(repr(s), '->', repr(d), str(d), d.as_tuple())

for bad in ['', 'abc', '1e', '.', '1.2.3', 'e5', '1 2', '--1', 'nan1.2', 'infx']:
    try:
        Decimal(bad)
    except InvalidOperation as e:
        print(repr(bad), type(e).__name__, e)

for v in [0, 1, -1, 10**30, -12345678901234567890, True]:
    print(repr(Decimal(v)))

for f in [0.1, 0.5, -2.75, 1e300, 5e-324, 0.0, -0.0, float('inf'), float('-inf'), 1.0 / 3]:
    print(repr(Decimal(f)))
print(repr(Decimal(float('nan'))))
print(repr(Decimal.from_float(0.1)), repr(Decimal.from_float(7)))
print(getcontext().flags[FloatOperation])

for t in [(0, (1, 2, 3), -2), (1, (0,), 0), (1, (4, 5), 3), (0, (), 'F'), (1, (1, 2), 'n'),
          (0, (3,), 'N'), [0, [9, 9], -1], (0, (0, 0, 1), 0)]:
    print(t, repr(Decimal(t)))
for t in [(2, (1,), 0), (0, (1, 10), 0), (0, (1,), 'x'), (0, (1,)), (0, 'abc', 0)]:
    try:
        Decimal(t)
    except ValueError as e:
        print('ValueError', e)
for v in [object(), 1j, b'1', None]:
    try:
        Decimal(v)
    except TypeError as e:
        print('TypeError', e)
try:
    Decimal.from_float('1.5')
except TypeError as e:
    print('TypeError', e)

d = Decimal('3.14')
print(Decimal(d) == d, Decimal(d) is d)


class MyDecimal(Decimal):
    pass


m = MyDecimal('1.5')
print(type(m).__name__, repr(m), m + 1, type(m + 1).__name__)
print(type(MyDecimal.from_float(0.25)).__name__)

with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal('1.23456789'), +Decimal('1.23456789'))
    print(ctx.create_decimal('1.23456789'), ctx.create_decimal(1234567), ctx.create_decimal(0.1))
    print(ctx.create_decimal_from_float(0.1))
    try:
        ctx.create_decimal('nan123456')
    except InvalidOperation as e:
        print('InvalidOperation', e)
    print(repr(ctx.create_decimal('nan12345')))
    ctx.traps[InvalidOperation] = False
    print(repr(Decimal('garbage')), repr(ctx.create_decimal('bad')))

# str for exponents around the scientific notation limits
for e in range(-9, 4):
    print(e, Decimal((0, (1, 2, 3), e)), Decimal((1, (0,), e)), Decimal((0, (5,), e)))
print(Decimal('1.000').to_eng_string(), Decimal('123456E3').to_eng_string())
for s in ['5', '1e5', '0e5', '0e4', '0e-7', '123e-9', '-1.2e-7', '1E+1', '1E+2', '1E+3', '0E+1', '0E-1', '0E-2', '12E-8', 'NaN', '-Infinity']:
    print(s, Decimal(s).to_eng_string())
print(decimal.DecimalTuple(0, (1,), 2), Decimal('-12.5').as_tuple().digits)
print(Decimal('12.500').as_integer_ratio(), Decimal('-0.75').as_integer_ratio(), Decimal('1E3').as_integer_ratio(), Decimal(0).as_integer_ratio())
