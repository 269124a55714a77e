def show(f):
    try:
        f()
    except UnicodeError as e:
        print(type(e).__name__, "|", e, "|", e.args, "|", e.start, e.end, e.reason, repr(e.object)[:30], getattr(e, "encoding", None))
show(lambda: b"\xff".decode())
show(lambda: b"ab\xe4\xb8x".decode("utf-8"))
show(lambda: b"ab\xe4\xb8".decode("utf-8"))
show(lambda: b"a\x80".decode("ascii"))
show(lambda: "h\xe9llo".encode("ascii"))
show(lambda: "h\xe9\xe8llo".encode("ascii"))
show(lambda: "h\u20ac".encode("latin-1"))
e = UnicodeDecodeError("utf-8", b"ab", 0, 1, "bad")
print(str(e), e.start, e.object, repr(e))
e = UnicodeDecodeError("utf-8", b"ab", 0, 2, "bad")
print(str(e))
e = UnicodeEncodeError("ascii", "x\U0001F600", 1, 2, "nope")
print(str(e))
e = UnicodeTranslateError("abc", 0, 1, "why")
print(str(e), e.args)
for bad in [lambda: UnicodeDecodeError("utf-8"), lambda: UnicodeDecodeError(1, b"", 0, 1, "x"), lambda: UnicodeEncodeError("a", b"x", 0, 1, "r")]:
    try: bad()
    except TypeError as t: print("TypeError:", t)
e.start = 2
print(e.start)
print(issubclass(UnicodeTranslateError, UnicodeError))
