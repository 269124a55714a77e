import unicodedata as u
for ch in "aA1 \n\xe9\u0301\u20ac\u00bd\u0663\U0001D7D9\u3000\u200b-([!+":
    print(repr(ch), u.category(ch), u.name(ch, "?"), u.decimal(ch, None), u.digit(ch, None), u.combining(ch))
print(u.lookup("LATIN SMALL LETTER E WITH ACUTE"), u.name("\u00e9"))
s = "e\u0301 \ufb01 \u2460"
for f in ["NFC", "NFD", "NFKC", "NFKD"]:
    print(f, ascii(u.normalize(f, s)), u.is_normalized(f, s))
for bad in [lambda: u.name("\x00"), lambda: u.lookup("NOPE NOPE"), lambda: u.decimal("x"), lambda: u.normalize("X", "a"), lambda: u.category("ab"), lambda: u.numeric("x")]:
    try: bad()
    except (ValueError, KeyError, TypeError) as e: print(type(e).__name__, e)
print(u.numeric("7"), u.unidata_version)
