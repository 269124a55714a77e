# Contexts: getcontext/setcontext/localcontext, flags, traps and signals.
import decimal
from decimal import *
import threading

print(getcontext())
print(DefaultContext)
print(BasicContext)
print(ExtendedContext)
print(MAX_PREC, MAX_EMAX, MIN_EMIN, MIN_ETINY)
print([ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN, ROUND_UP, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_DOWN, ROUND_05UP])

for cls in [DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
            DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
            Subnormal, Overflow, Underflow, FloatOperation]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:-2]])

c = getcontext()
c.clear_flags()
print(Decimal(1) / Decimal(3))
print(c.flags[Inexact], c.flags[Rounded], c.flags[DivisionByZero])
print(c)
print(c.flags)
c.clear_flags()
print(c.traps)

# traps raise, with the conditions listed
tests = [
    ('Decimal("abc")', None),
    ('Decimal(1) / 0', None),
    ('Decimal(0) / 0', None),
    ('Decimal("9e999999") * 10', None),
    ('Decimal("1.23456").quantize(Decimal("1e-40"))', None),
    ('Decimal(-1).sqrt()', None),
    ('Decimal(1) / 3', Inexact),
    ('Decimal("1.5") + 0', Rounded),
    ('Decimal("1e-999999") / 1000', Subnormal),
    ('Decimal("1e-999999") / 3', Underflow),
    ('Decimal(0.5)', FloatOperation),
    ('Decimal(2) < 2.5', FloatOperation),
    ('Decimal(2) == 2.5', FloatOperation),
    ('Decimal(10) // Decimal("0.0000000000000000000000000001")', None),
]
for expr, trap in tests:
    with localcontext() as ctx:
        if trap is not None:
            ctx.traps[trap] = True
        try:
            r = eval(expr)
            print(expr, '->', repr(r))
        except DecimalException as e:
            print(expr, '!!', type(e).__name__, e.args)
        print('   ', ctx)

# untrapped: results and flags
ctx = Context(prec=5, traps=[])
for f in [lambda: ctx.divide(1, 0), lambda: ctx.divide(0, 0), lambda: ctx.multiply(Decimal('9e999999'), 10),
          lambda: ctx.create_decimal('xyz'), lambda: ctx.sqrt(-4), lambda: ctx.divide(Decimal('1e-999999'), 7),
          lambda: ctx.add(Decimal('1e-1000003'), 0), lambda: ctx.divide_int(Decimal('1e10'), 1)]:
    ctx.clear_flags()
    print(repr(f()), ctx.flags[InvalidOperation], sorted(k.__name__ for k, v in ctx.flags.items() if v))

c = Context(prec=12, rounding=ROUND_UP, Emin=-99, Emax=99, capitals=0, clamp=1,
            flags=[Inexact], traps=[DivisionByZero, Overflow])
print(c)
print(c.Etiny(), c.Etop(), c.prec, c.rounding, c.Emin, c.Emax, c.capitals, c.clamp)
print(c.create_decimal('1.234567890123456e50'), c.to_sci_string(Decimal('1e5')), c.create_decimal('1e99'))
c2 = c.copy()
c2.prec = 3
print(c.prec, c2.prec, c2.flags[Inexact])
try:
    Context(flags={Inexact: True, Rounded: False})
except KeyError as e:
    print('KeyError', e)
full = dict.fromkeys(c.flags, False)
full[Overflow] = True
print(Context(flags=full, traps=c.traps))
c2.traps = full
print(c2)
for attr, val in [('prec', 0), ('prec', 'x'), ('Emin', 5), ('Emax', -1), ('capitals', 2),
                  ('clamp', -1), ('rounding', 'ROUND_SIDEWAYS'), ('rounding', 3)]:
    try:
        setattr(c, attr, val)
    except (ValueError, TypeError) as e:
        print(attr, type(e).__name__, e)
for kw in [{'foo': 1}, {'prec': -1}]:
    try:
        Context(**kw)
    except (ValueError, TypeError) as e:
        print(kw, type(e).__name__, e)
try:
    c.traps[int] = True
except KeyError as e:
    print('KeyError', e)

# localcontext with keywords, nesting and restoring
print(getcontext().prec)
with localcontext(prec=5, rounding=ROUND_DOWN) as lc:
    print(lc.prec, getcontext() is lc, Decimal(2) / 3)
    with localcontext(Context(prec=3)):
        print(getcontext().prec, Decimal(2) / 3)
    print(getcontext().prec)
print(getcontext().prec, Decimal(2) / 3)
try:
    localcontext(bogus=1)
except TypeError as e:
    print('TypeError', e)
try:
    with localcontext(prec=0):
        pass
except ValueError as e:
    print('ValueError', e)
saved = getcontext()
setcontext(ExtendedContext)
print(getcontext() is ExtendedContext, getcontext().prec, Decimal(1) / 0, Decimal(0) / 0)
setcontext(saved)
print(getcontext() is saved)
try:
    setcontext(5)
except TypeError as e:
    print('TypeError', e)

# each thread has its own context
results = {}


def work(n):
    getcontext().prec = n
    results[n] = (getcontext().prec, str(Decimal(1) / Decimal(7)))


threads = [threading.Thread(target=work, args=(n,)) for n in (4, 8, 12)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()), getcontext().prec)
print(decimal.HAVE_THREADS, repr(Decimal(1).quantize(Decimal('0.01'), rounding=ROUND_UP)))
