# CPython 3.11 limits int <-> decimal str conversions to 4300 digits
# (sys.set_int_max_str_digits); power-of-two bases are free.
import sys
print(sys.get_int_max_str_digits())
for text in ["1" * 4300, "1" * 4301, "-" + "2" * 5000, "0x" + "f" * 5000, "1_" * 4300 + "1"]:
    try:
        n = int(text, 0) if text.startswith("0x") else int(text)
        print("ok", n.bit_length())
    except ValueError as e:
        print("ValueError", e)
x = 10 ** 4299
print(len(str(x)))
try:
    str(x * 10)
except ValueError as e:
    print("ValueError", e)
for f in (lambda: repr(x * 10), lambda: f"{x * 10}", lambda: format(x * 10, "d"), lambda: "%d" % (x * 10)):
    try:
        f()
        print("no error")
    except ValueError as e:
        print("ValueError", str(e)[:40])
print(len(hex(x * 10)) > 0, len(format(x * 10, "x")) > 0)
sys.set_int_max_str_digits(0)
print(len(str(x * 10)))
sys.set_int_max_str_digits(5000)
print(len(str(x * 10)), sys.get_int_max_str_digits())
for bad in (1, 639, -1):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError", e)
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
