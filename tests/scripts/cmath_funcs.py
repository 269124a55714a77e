# cmath: every function on a grid of arguments with signed zeros,
# infinities and nans (C99 Annex G special values, CPython's branch cuts
# and errors), on ordinary values, and the module's constants.
import cmath
import math

inf = float('inf')
nan = float('nan')


def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ':' + str(e)


names = ['sqrt', 'exp', 'log', 'log10', 'acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh',
         'cos', 'cosh', 'sin', 'sinh', 'tan', 'tanh', 'phase', 'polar']
parts = [-inf, -2.3, -1.0, -0.0, 0.0, 0.5, 1.0, 2.3, inf, nan]
for name in names:
    f = getattr(cmath, name)
    print('==', name)
    for a in parts:
        print(' '.join(r(lambda: f(complex(a, b))) for b in parts))

print('== rect')
for a in parts:
    print(' '.join(r(lambda: cmath.rect(a, b)) for b in parts))

# Huge, tiny and subnormal arguments take the scaled paths.
special = [1e308, -1.7e308, 1e-308, 5e-324, -5e-324, 1e-170, 1e154, 710.0, -710.0, 0.71, 1.73,
           1.0000000000000002]
print('== scaled')
for a in special:
    for b in special[::4] + [0.0, -0.0, 1.0]:
        z = complex(a, b)
        print(' '.join(r(lambda: getattr(cmath, n)(z)) for n in names))

print('== ordinary')
for z in [1, -1, 2.5, -3, 1j, -1j, 1 + 1j, -2 - 3j, 0.5 - 0.25j, 3 + 4j, 1e-5j, 100 + 100j, True]:
    print(r(lambda: z), ' '.join(r(lambda: getattr(cmath, n)(z)) for n in names))

print('== log with base')
for z, b in [(8, 2), (100, 10), (-1, 1j), (0, 10), (10, 1), (10, 0), (1, 1), (1j, 1j), (2 + 3j, -4),
             (inf, 2), (10, inf), (complex(0, nan), 3)]:
    print(z, b, r(lambda: cmath.log(z, b)))

print('== isclose and predicates')
for a, b, kw in [(1, 1 + 1e-10, {}), (1j, 1j + 1e-8, {}), (1j, 1j + 1e-8, {'rel_tol': 1e-7}),
                 (0, 1e-10, {'abs_tol': 1e-9}), (complex(inf, 1), complex(inf, 1), {}),
                 (complex(inf, 1), complex(inf, 2), {}), (complex(nan, 0), complex(nan, 0), {}),
                 (1, 2, {'rel_tol': -1}), (1, 2, {'abs_tol': -1}), (1 + 1j, 1 - 1j, {'rel_tol': 2})]:
    print(a, b, kw, r(lambda: cmath.isclose(a, b, **kw)))
for z in [1, 1j, complex(inf, 0), complex(0, -inf), complex(nan, 1), complex(1, nan), complex(inf, nan)]:
    print(z, cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z))

print('== constants')
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.pi == math.pi, type(cmath.infj).__name__, cmath.infj.real, cmath.nanj.imag)

print('== arguments')


class Z:
    def __complex__(self):
        return 3 + 4j


class Bad:
    def __complex__(self):
        return 2.0


class Fl:
    def __float__(self):
        return 0.25


class Ix:
    def __index__(self):
        return 4


for a in ['cmath.sqrt(Z())', 'cmath.sqrt(Fl())', 'cmath.sqrt(Ix())', 'cmath.exp(True)',
          'cmath.sqrt(Bad())', 'cmath.sqrt("a")', 'cmath.sqrt(None)', 'cmath.sqrt()',
          'cmath.sqrt(1, 2)', 'cmath.sqrt(z=1)', 'cmath.log(10, base=2)', 'cmath.log()',
          'cmath.log(1, 2, 3)', 'cmath.rect(1)', 'cmath.rect(1j, 2)', 'cmath.polar(Z())',
          'cmath.phase(-1)', 'cmath.phase(complex(-1, -0.0))', 'cmath.sqrt(2**2000)',
          'cmath.exp(1000)', 'cmath.exp(complex(710, 1e-300))', 'cmath.cosh(1000)',
          'cmath.sinh(complex(1000, 0))', 'cmath.tanh(1000)', 'cmath.atanh(1)', 'cmath.atanh(-1)',
          'cmath.log(0)', 'cmath.log10(0)', 'cmath.polar(complex(1e308, 1e308))',
          'cmath.polar(complex(1.7e308, 1.7e308))', 'cmath.rect(1, inf)', 'cmath.rect(0, inf)',
          'cmath.acos(2)', 'cmath.sqrt(-1)', 'cmath.log(1e-320)', 'cmath.isclose(1)',
          'cmath.isclose(1, 2, 3)', 'cmath.isclose(a=1, b=1)', 'cmath.isclose(1, b=1, c=2)']:
    print(a, r(lambda: eval(a)))
