# Sizes that could never be allocated fail before any allocation.
cases = [
    "[0] * 10**12",
    "(0,) * 10**12",
    "'x' * 10**12",
    "b'x' * 10**12",
    "bytearray(10**12)",
    "bytes(10**12)",
    "list(range(10**20))",
    "[1, 2] * 10**18",
    "list(range(10**12))",
    "tuple(range(10**12))",
    "[*range(10**12)]",
    "sorted(range(10**12))",
    "'x'.ljust(10**12)",
    "'x'.rjust(10**12, '-')",
    "'x'.center(10**12)",
    "'7'.zfill(10**12)",
    "b'x'.ljust(10**12)",
    "'{:>1000000000000}'.format(1)",
    "format('s', '<1000000000000')",
    "format(2.5, '1000000000000')",
    "f'{1:>{10**12}}'",
    "'%1000000000000d' % 1",
    "'%*s' % (10**12, 'x')",
]
for src in cases:
    try:
        eval(src)
        print(src, "-> no error")
    except (MemoryError, OverflowError) as e:
        print(src, "->", type(e).__name__)
# Empty sequences repeated any number of times stay empty, at once.
print([] * 10**15, "" * 10**15, b"" * 10**15, () * 10**15)
# In-place repetition checks the size first too, and leaves the list whole.
xs = [1, 2]
try:
    xs *= 10**12
except MemoryError:
    print("xs *= 10**12 -> MemoryError", xs)
ys = []
ys *= 10**15
print(ys)
