# Floats: repr, arithmetic, formatting, conversions.
print(0.1, 0.1 + 0.2, 1e16, 1e-5, 1.5e300 * 10, -0.0, 2.0, 1/3)
print(float("inf"), float("-inf"), float("nan"), float(" 3.25 "), float(7))
print(3.7 // 1, -3.7 // 1, 7.5 % 2, -7.5 % 2, divmod(7.5, -2))
print(round(2.675, 2), round(0.125, 2), round(1.5), round(-2.5), round(3.14159, 3))
print(int(3.99), int(-3.99), float(2 ** 53 + 1), 1e22, 123456789012.0)
print(f"{3.14159:.2f} {1234567.891:,.2f} {0.5:%} {1e-7:g} {12345.6789:e} {42:08.3f}")
print("%.3f %5.1f %-6.2f| %e %g %g" % (2.0 / 3, 3.14159, 2.5, 1234.5, 0.0001, 1e20))
print(3 == 3.0, 1 < 1.5, 2 ** 60 == float(2 ** 60), 0.1 * 3 == 0.3, hash(2.0) == hash(2))
print(max(1.5, 2), min(-1, -1.5), abs(-2.5), (2.5).is_integer(), (3.0).is_integer())
import math
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.pi, math.isclose(0.1 + 0.2, 0.3))
print(math.gcd(12, 18), math.factorial(20), math.log(math.e), math.hypot(3, 4), math.inf > 1e308)
