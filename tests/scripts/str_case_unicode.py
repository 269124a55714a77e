"""str.casefold, title, capitalize and istitle on the special cases of
Unicode (full folding, titlecase letters, final sigma, uncased letters)."""
tests = ["Straße", "ﬁx", "ß", "ΣΑΣ", "ǅ", "ǆx", "日本abc", "they're bill's friends", "hello world", "HELLO wORLD", "İstanbul", "ΑΣ ΒΣ", "ΣΑΣ1", "ŉ", "Ǳ", "12abc", "a1b2", "ǈǉ"]
for t in tests:
    print(repr(t), repr(t.casefold()), repr(t.title()), repr(t.capitalize()), repr(t.lower()), repr(t.upper()), t.istitle())
