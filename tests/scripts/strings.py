# Strings: methods, slicing, unicode, formatting.
s = "Hello, World"
print(s.upper(), s.lower(), s.title(), s.swapcase(), s[::-1], s[1:5], s[-3:], s[::2])
print(s.find("o"), s.rfind("o"), s.count("l"), s.index("W"), s.startswith("He"), s.endswith(("x", "ld")))
print("  pad  ".strip() + "|", "xxhixx".strip("x"), "a,b,,c".split(","), " a  b c ".split(), "a b c".split(None, 1))
print("-".join(["x", "y", "z"]), "abc".replace("b", "BB"), "a-b-c".rsplit("-", 1), "line1\nline2\r\nline3".splitlines())
print("42".zfill(5), "-42".zfill(5), "ab".center(7, "*"), "ab".ljust(5) + "|", "ab".rjust(5), "abc".partition("b"))
print("héllo wörld", len("héllo"), "héllo"[1], "héllo"[::-1], "日本語"[1:], ord("é"), chr(233), chr(0x65e5))
print("abc" < "abd", "Z" < "a", "abc" * 3, "x" in "xyz", "q" not in "xyz", "3".isdigit(), "a1".isalnum())
print(repr("it's"), repr('say "hi"'), repr("tab\there"), repr("nl\n"), repr("both ' and \""), ascii("é"))
name, n = "gilpy", 3
print(f"{name!r} has {n} threads, {n * 2:>4}|{name:^9}|{name:<7}|{n:03d}|{n!s}|{{braces}}")
print(f"{'nested'} {f'{n + 1}'} {[1, 2][0]} {dict(a=1)['a']} {n=} {3.5=}")
print("{} and {}".format("a", "b"), "{1}{0}".format("x", "y"), "{name}-{0}".format(7, name="k"), "{:>6.2f}".format(3.14159))
print("%s is %d years, %5.2f%%, %r, %x, %o, %c" % ("Ann", 30, 99.5, "q", 255, 8, 65))
print("%(a)s/%(b)03d" % {"a": "x", "b": 7}, "%-5s|" % "ab", "%+d" % 5)
print(str(123), str(1.5), str(None), str([1, "a"]), str((1,)), str({}), str(set()), str(True))
print("a\tb".expandtabs(4), "Hello".casefold(), "abc".isupper(), "ABC".isupper(), "Title Case".istitle())
print(", ".join(str(i) for i in range(5)), "x".join("abc"), "".join(reversed("stressed")))
