# Decimal methods: quantize, sqrt, exp, ln, log10, normalize, predicates...
from decimal import *

D = Decimal
print(D('7.325').quantize(D('.01'), rounding=ROUND_DOWN), D('7.325').quantize(D('1.'), rounding=ROUND_UP))
print(D('1.41421356').quantize(D('1.000')), D('1.5').quantize(D('1E+1')), D('123').quantize(D('0.001')), D('-0').quantize(D('1e-3')))
print(D('Infinity').quantize(D('Infinity')), D('NaN').quantize(D(1)))
for args in [(D('1e30'), D('1e-10')), (D('Infinity'), D(1)), (D('1.5'), D('1e1000000'))]:
    try:
        args[0].quantize(args[1])
    except InvalidOperation as e:
        print('InvalidOperation', e)
try:
    D(1).quantize(D(1), rounding='nope')
except TypeError as e:
    print('TypeError', e.args[0].splitlines()[0])

for v in ['2', '16', '1.00', '0.0100', '100', '1E+2', '1E+3', '0', '-0', '0.5', '1E-7', '123456789', 'Infinity']:
    print('sqrt', v, D(v).sqrt())
for v in ['0', '1', '-1', '2.5', '10', '-10', '100', '0.001', '1E-30', '-1E-30', 'Infinity', '-Infinity', '709.78']:
    print('exp', v, D(v).exp())
for v in ['1', '2', '10', '0.5', '100', '1.0000000001', '1E+100', '1E-100', '2.718281828459045235360287471', 'Infinity', '0']:
    print('ln', v, D(v).ln(), D(v).log10())
for v in ['-1', 'NaN']:
    try:
        print(D(v).ln())
    except InvalidOperation as e:
        print('ln', v, 'InvalidOperation', e)

with localcontext(prec=60):
    print(D(2).sqrt())
    print(D(1).exp())
    print(D(2).ln())
    print(D(3).log10())
    print(D(2) ** D('0.5'))
    print(D('1.0001') ** 10000)
with localcontext(prec=5):
    for x in ['1.23', '0.5', '5000']:
        print(x, D(x).exp(), D(x).ln(), D(x).sqrt(), D(x) ** D('1.5'), D(x) ** D('-0.3'))

# pi and e to many digits
def pi_digits(prec):
    with localcontext(prec=prec + 2):
        three = Decimal(3)
        lasts, t, s, n, na, d, da = 0, three, 3, 1, 0, 0, 24
        while s != lasts:
            lasts = s
            n, na = n + na, na + 8
            d, da = d + da, da + 32
            t = (t * n) / d
            s += t
    with localcontext(prec=prec):
        return +s


def e_digits(prec):
    with localcontext(prec=prec + 2):
        i, lasts, s, fact, num = 0, 0, 1, 1, 1
        while s != lasts:
            lasts = s
            i += 1
            fact *= i
            s += num / fact
    with localcontext(prec=prec):
        return +s


print(pi_digits(100))
print(e_digits(100))
with localcontext(prec=100):
    print(D(1).exp() == e_digits(100))

print(D('1.2000').normalize(), D('-120E+3').normalize(), D('0.00').normalize(), D('1E+2').normalize(), D('Infinity').normalize())
print(D('2.5').to_integral_value(), D('3.5').to_integral_value(), D('-2.7').to_integral_exact(rounding=ROUND_DOWN), D('1E+3').to_integral())
print(D('1.23').adjusted(), D('123E+5').adjusted(), D('0.001').adjusted(), D(0).adjusted())
print(D('-3.5').copy_abs(), D('3.5').copy_negate(), D('3.5').copy_sign(D('-0')), D('-0').copy_negate())
print([D(v).is_nan() for v in ['NaN', 'sNaN', '1', 'Inf']], [D(v).is_snan() for v in ['NaN', 'sNaN']], [D(v).is_qnan() for v in ['NaN', 'sNaN']])
print([D(v).is_infinite() for v in ['-Inf', '1']], [D(v).is_finite() for v in ['-Inf', '1', 'NaN']], [D(v).is_zero() for v in ['0', '-0.00', '1']])
print([D(v).is_signed() for v in ['-0', '0', '-1', '-Inf', '-NaN']], [D(v).is_normal() for v in ['1', '0', '1E-999999', '1E-1000000', 'Inf']])
print([D(v).is_subnormal() for v in ['1E-1000000', '1']], D(1).is_canonical(), D(1).canonical(), D(1).radix())
print([D(v).number_class() for v in ['Inf', '-Inf', '1', '-1', '0', '-0', '1E-1000000', '-1E-1000000', 'NaN', 'sNaN']])
print(D(1).compare(D(2)), D(2).compare(D(1)), D(1).compare(D('1.0')), D('NaN').compare(D(1)), D(-1).compare_total(D(1)), D('1.0').compare_total(D(1)))
print(D(1).max(D('NaN')), D('1.0').max(D(1)), D(-3).max_mag(D(2)), D(-3).min_mag(D(2)), D(1).min(D(-5)))
print(D(2).fma(3, 4), D('1.5').fma(D(2), D('-3')), D(1).scaleb(5), D('1.5').scaleb(-3), D(1000).logb(), D('0.05').logb())
print(D('1.00').same_quantum(D('2.00')), D(1).same_quantum(D('1.0')), D('Inf').same_quantum(D('-Inf')))
print(D(10).remainder_near(3), D(11).remainder_near(3), D(-10).remainder_near(6))
print(D(1).next_plus(), D(1).next_minus(), D(1).next_toward(D(0)), D('-0').next_plus())
print(D('3.14159').as_tuple(), D('-Inf').as_tuple(), D('NaN12').as_tuple())
print(getcontext().divmod(D(17), D(5)), getcontext().divide_int(17, 5), getcontext().remainder(D(17), 5))
print(getcontext().power(D(2), D(100)), getcontext().abs(-5), getcontext().plus(D('1.0')), getcontext().minus(D('1.0')))
print(getcontext().compare(1, 2), getcontext().max(1, 2), getcontext().is_zero(0), getcontext().copy_sign(D(1), D(-2)))
