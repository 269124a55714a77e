# Complex arithmetic on a grid of values with signed zeros, tiny and huge
# numbers, infinities and nans: every result must equal CPython's bit for
# bit (signs of zeros and infinities included), errors too.

inf = float('inf')
nan = float('nan')
vals = [0.0, -0.0, 1.0, -2.5, 1e-320, 1e300, inf, -inf, nan]
cs = [complex(a, b) for a in vals for b in vals]
others = [0, -2, 0.5, -0.0, 1e308, inf, nan, 2**60]


def r(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__ + ':' + str(e)


for z in cs:
    print(repr(z), r(lambda: -z), r(lambda: abs(z)), r(lambda: hash(z) if z == z else 0),
          r(lambda: bool(z)), r(lambda: z.conjugate()))
    for w in cs[::10] + others:
        print(r(lambda: z + w), r(lambda: z - w), r(lambda: w - z), r(lambda: z * w),
              r(lambda: z / w), r(lambda: w / z), r(lambda: z == w))

for z in cs[::4]:
    for n in [0, 1, 2, 3, -1, -2, 5, 0.5, -0.5, 1j, 2+1j, 101, -101, 100, 1e10, -0.0,
              complex(0, -0.0), 2.0, nan]:
        print(r(lambda: z ** n), r(lambda: n ** z if not isinstance(n, int) or n >= 0 else 0))
