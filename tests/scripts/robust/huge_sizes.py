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
]
for src in cases:
    try:
        eval(src)
        print(src, "-> no error")
    except (MemoryError, OverflowError) as e:
        print(src, "->", type(e).__name__)
# Empty sequences repeated any number of times stay empty, at once.
print([] * 10**15, "" * 10**15, b"" * 10**15, () * 10**15)
