# format() of Decimals: the mini-language as CPython's decimal reads it.
from decimal import Decimal as D, localcontext, ROUND_DOWN

values = ['0', '-0', '1', '-1.5', '12.5', '13.5', '1234567.891', '0.000012345', '123456789',
          '1E+2', '0E+2', '1.23E-10', '0.25', '100', '-0.0', 'NaN', '-Infinity', 'Infinity', 'sNaN2']
specs = ['', 'f', '.2f', '.0f', 'e', '.3e', 'E', 'g', '.3g', 'G', '%', '.1%', ',', ',.2f', '012,.2f',
         '>12', '<12', '^12', '=+12.2f', '+', ' ', '_^14.3f', '*<10.1e', '.10e', 'z.2f', '.5g', '.0e', 'n', '.2', '15,.3f']
for v in values:
    row = []
    for s in specs:
        try:
            row.append(format(D(v), s))
        except ValueError as e:
            row.append('!' + str(e))
    print(v, '|', ' | '.join(row))
print('{:,.2f} and {:>10.3} and {:e}'.format(D('9876543.21'), D('3.14159'), D('0.00042')))
print(f"{D('1.005'):.2f} {D('2.5'):.0f} {D('-1234.5678'):,.1f} {D('1234'):010,}")
with localcontext(rounding=ROUND_DOWN) as c:
    print(format(D('1.999'), '.2f'), format(D('2.5'), '.0f'))
    c.capitals = 0
    print(format(D('1E+10'), ''), str(D('1E+10')), D('1E+10').to_eng_string())
for bad in ['#f', '_', 'x', '.f', '10.2q', ',_']:
    try:
        format(D('1'), bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
print(str(D('123.45') * 100), repr(D('1E+2') * 10), '%s %r' % (D('2.50'), D('2.50')))
