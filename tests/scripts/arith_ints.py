# Integer arithmetic: small ints promote to big ints and back.
a = 2 ** 62
print(a * 4, a * 4 // 8, (a * 4) >> 3)
print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, divmod(-7, 3), divmod(7, -3))
print(2 ** 100 % 1000007, pow(3, 200, 1000), pow(2, -1), pow(3, -1, 7))
print(abs(-2 ** 70), -(2 ** 63), -(2 ** 63) - 1, 9223372036854775807 + 1)
print(1 << 70, (1 << 70) >> 69, ~5, ~(2 ** 70), 5 & 3, 5 | 3, 5 ^ 3, -1 & 0xFF)
print(int("  -42  "), int("0x1f", 16), int("ff", 16), int("0b101", 0), int("1_000"))
print(hex(255), oct(8), bin(-5), hex(2 ** 70))
print(round(2.5), round(3.5), round(-0.5), round(1234, -2), round(1250, -2))
print(10 / 4, 10 // 4, 2 ** -2, 7 / 7, (2 ** 80) / 2 ** 79)
x = 1
for i in range(1, 30):
    x *= i
print(x, x // (2 ** 20), str(x)[:10], len(str(x)))
print(True + True, True * 3, False - 1, int(True))
print(sum(range(101)), sum([2 ** 64, 1]), max(3, 2 ** 65, -1), min([5, 2, 8]))
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("12x")
except ValueError as e:
    print(e)
