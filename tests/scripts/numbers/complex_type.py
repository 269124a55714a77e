# The complex type: literals, constructor, string parsing, attributes,
# operators, comparisons, hashing, repr and format.

inf = float('inf')
nan = float('nan')


def t(expr):
    try:
        r = eval(expr)
        print(expr, '->', repr(r))
    except Exception as e:
        print(expr, '!!', type(e).__name__, e)


print(1j, 2.5J, 1e3j, 0j, 1_000j, .5j, 1.j, 0e0j, 10J)
print(type(1j), type(1j).__name__, complex)
print(repr(-1j), repr(-0j), repr(1 + 2j), repr(1.5 - 0.5j))

for e in [
    # repr and str
    "complex(0, -0.0)", "complex(-0.0, -1)", "complex(-0.0, 0)", "complex(-0.0, -0.0)",
    "complex(1e300, 1e300)", "complex(nan, inf)", "complex(-inf, -nan)", "complex(0, nan)",
    "-0j", "-(0j)", "str(1+2j)", "repr(1e16j)", "repr(1e-5j)", "repr(complex(1.5, 1e16))",
    "repr(123456789012345678j)", "repr(0.1+0.2j)", "str(complex(2**53, -2**-60))",
    # constructor
    "complex()", "complex(2)", "complex(2.5)", "complex(True)", "complex(1, 2)",
    "complex(1j, 1j)", "complex(1j, -0.0)", "complex(1.0, -0.0)", "complex(real=1, imag=2)",
    "complex(imag=2)", "complex(real=3j)", "complex(x=2)", "complex(1, real=2)", "complex(1,2,3)",
    "complex(2**2000)", "complex(1, 2**2000)", "complex([1])", "complex(1, [2])",
    "complex(None)", "complex(b'1')", "complex('1+2j', 1)", "complex(1, '2')",
    # strings
    "complex('1+2j')", "complex('-nanj')", "complex('1_000j')", "complex('1__0j')",
    "complex('_1j')", "complex('1_')", "complex('')", "complex('  ')", "complex(' ( 1+2j ) ')",
    "complex('(1+2j')", "complex('1+2j)')", "complex('1 + 2j')", "complex('j')", "complex('-j')",
    "complex('+J')", "complex('1-j')", "complex('1+J')", "complex('infj')", "complex('-infinityj')",
    "complex('nan+nanj')", "complex('1e500j')", "complex('-1e500')", "complex('1e')",
    "complex('1ej')", "complex('1e+')", "complex('1.e5-.5e-3j')", "complex('\uff11\uff12j')",
    "complex('1\\x00')", "complex('()')", "complex('(j)')", "complex('\\u3000 1j \\u3000')",
    "complex('jj')", "complex('1jj')", "complex('1+2')", "complex('1+2j+3')", "complex('+-1j')",
    "complex('1e5_0j')", "complex('1_e5')", "complex('INF')", "complex('-Nan-InFj')", "complex('.j')",
    "complex('1.5')", "complex(' 3 ')", "complex('(1)')", "complex('0x1j')", "complex('1e-400j')",
    # attributes
    "(1+2j).real", "(1+2j).imag", "(1+2j).conjugate()", "(1j).imag.__class__",
    "(3).conjugate()", "(2.5).conjugate()", "(3).real", "(3).imag", "(2.5).imag",
    "(1+2j).__complex__()", "(1+2j).__getnewargs__()",
    # conversions
    "int(1j)", "float(1j)", "round(1j)", "abs(3+4j)", "abs(-2j)", "abs(complex(1e308, 1e308))",
    "abs(complex(inf, nan))", "abs(complex(nan, inf))", "abs(complex(nan, 1))",
    "abs(complex(1.7e308, 1.7e308))", "bool(0j)", "bool(-0j)", "bool(1j)", "bool(complex(nan, 0))",
    # unary
    "+(1+2j)", "-(1+2j)", "-complex(0, 0)", "~1j", "not 0j",
    # arithmetic
    "1j * 1j", "1j ** 2", "(1+1j) ** 0.5", "0j ** 0", "0j ** -1", "0j ** 1j", "0j ** (1+0j)",
    "0j ** -1.5", "(1+2j) ** 200", "(1e200+1e200j) ** 2", "complex(inf, 0) ** 2",
    "(2+0j) ** 1024", "(2+0j) ** 1023.0", "(1+1j) ** 101", "(1+1j) ** -101", "(1+1j) ** -3",
    "2 ** (1+1j)", "pow(1j, 2)", "(1+2j) / 0", "(1+2j) / 0j", "1 / 0j", "1.0 / 0j",
    "(1+2j) / (3+4j)", "(1+2j) / complex(inf, 1)", "(1+2j) / complex(nan, 1)", "1j / 1e-320",
    "1j * inf", "complex(inf, inf) * 2", "1j // 1", "1j % 2", "1j + 'a'", "'a' + 1j",
    "[1] * 1j", "1j + None", "1j + 2**2000", "2**2000 * 1j", "1j * True", "True + 1j",
    "(-8) ** (1/3)", "(-8) ** 0.5", "(-2.0) ** 0.5", "(-1) ** 0.5", "(-1.5) ** -0.5",
    "(-1e300) ** 0.5", "(-1e-300) ** 1.5", "complex(-1, 0) ** 1e308",
    # comparisons
    "(1+2j) == (1+2j)", "(1+0j) == 1", "(1+0j) == 1.0", "1j == 1", "(1+0j) != 1",
    "1j == 'a'", "1j != None", "complex(nan, 0) == nan", "(2**53+1) == complex(2**53+1, 0)",
    "2**53 == complex(2**53, 0)", "10**400 == complex(inf, 0)", "True == (1+0j)",
    "1j < 1j", "1j < 1", "1 > 1j", "1j <= 2.0", "1j >= 'a'", "[1j] == [1j]", "(1j,) < (2j,)",
    "1j in [1j]", "1 in [1+0j]", "{1: 'a'}[1+0j]", "{1+0j: 'a'}[1.0]", "{0: 'z'}.get(-0j)",
    "{1j, 1j, complex(0, 1)}", "sorted([3, 1], key=lambda x: x * 1j if False else x)",
    # hash
    "hash(1+0j) == hash(1)", "hash(2.5+0j) == hash(2.5)", "hash(1j)", "hash(2.5-3j)",
    "hash(complex(-1, 0))", "hash(complex(0, -1))", "hash(complex(1e300, -1e300))",
    "hash(complex(inf, -inf))", "hash(0j) == hash(-0j)",
    # methods as attributes
    "1j.__add__(1)", "1j.__radd__(1)", "1j.__add__('a')", "(1j).__mul__(2)", "1j.__rsub__(1)",
    "1j.__truediv__(2)", "1j.__rtruediv__(2)", "1j.__pow__(2)", "1j.__rpow__(2)",
    "1j.__pow__(2, 3)", "1j.__eq__(1j)", "1j.__ne__(1)", "1j.__eq__('a')", "1j.__lt__(1j)",
    "1j.__abs__()", "1j.__neg__()", "1j.__pos__()", "1j.__bool__()", "1j.__format__('>6')",
    "complex.__new__(complex, 1)", "complex.conjugate(2j)",
    # format
    "format(1+2j)", "format(1+2j, '')", "format(1+2j, '10')", "format(1+2j, '<20')",
    "format(1+2j, '^20')", "format(1+2j, '*>20')", "format(1+2j, '.2f')",
    "format(1+2j, '+.3e')", "format(1+2j, 'g')", "format(1.5j, 'g')", "format(-0j, '')",
    "format(1j, '.2')", "format(1+1j, '.3')", "format(complex(1e20, 1e-20), '')",
    "format(complex(1e20, 1e-20), '.5')", "format(1+2j, '010')", "format(1+2j, '0<10')",
    "format(1+2j, '=10')", "format(1+2j, 'd')", "format(1+2j, '%')", "format(1+2j, 'n')",
    "format(1+2j, '#')", "format(1+2j, '#.0f')", "format(1+2j, ' ')", "format(1+2j, '-')",
    "format(complex(inf, nan), 'F')", "format(1+2j, ',.2f')",
    "format(complex(1234.5, -6789.25), ',')", "format(complex(1234567, 7654321.5), '_')",
    "format(complex(-0.0, -0.0), 'z.1f')", "format(1+2j, 'z')", "format(1j, '+')",
    "format(-0j, 'z')", "format(complex(nan, -0.0), '+')", "format(1e300j, 'G')",
    "format(1.5-2.25j, 'x<16.3f')", "format(1.5-2.25j, '^16')", "format(1.5-2.25j, '#.3g')",
    "format(1.5-2.25j, '.0e')", "format(1.5-2.25j, 'E')", "format(1.5-2.25j, ',n')",
    "'%s' % 1j", "'%r' % (1j,)", "'{}'.format(1j)", "f'{1j:>8}'", "f'{1j!r:>8}'",
    "f'{2-3j:.1f}'", "str([1j, -1j])",
]:
    t(e)


class C(complex):
    def extra(self):
        return 'extra'


c = C(1, 2)
print(type(c).__name__, c, c.real, c.imag, c.extra(), c + 1, type(c + 1).__name__)
print(c == 1 + 2j, abs(C(3, 4)), -c, c.conjugate(), hash(c) == hash(1 + 2j))
print(complex(c), type(complex(c)).__name__, format(c, '.1f'), repr(C('1-1j')))


class WithComplex:
    def __complex__(self):
        return 3 - 4j


class BadComplex:
    def __complex__(self):
        return 1.5


class WithFloat:
    def __float__(self):
        return 2.5


class WithIndex:
    def __index__(self):
        return 7


print(complex(WithComplex()), complex(WithFloat()), complex(WithIndex()))
print(complex(WithFloat(), WithIndex()), complex(1j, WithFloat()))
for bad in [lambda: complex(BadComplex()), lambda: complex(WithComplex(), 'x')]:
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)

z = 1 + 1j
z += 1
z *= 2j
z /= 1 - 1j
z **= 2
z -= 3
print(z)
print(sum([1j, 2, 3.5]), [x * 1j for x in range(3)], max([1, 2], key=lambda v: abs(v * 1j)))
