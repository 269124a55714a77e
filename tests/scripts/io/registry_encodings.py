# Text files in encodings of the codec registry: single-byte code pages,
# UTF-16 and UTF-32 with their byte order mark, error handlers other than
# the common ones.
import io
import os
import tempfile

folder = tempfile.mkdtemp()
path = os.path.join(folder, "t.txt")

for enc in ("cp1252", "iso-8859-15", "cp850", "koi8_r", "mac-roman",
            "utf-16", "utf-16-le", "utf-16-be", "utf-32"):
    text = "caf\u00e9 na\u00efve \u00c5ngstr\u00f6m\nsecond line\r\nthird\n"
    if enc == "koi8_r":
        text = "\u043f\u0440\u0438\u0432\u0435\u0442 \u043c\u0438\u0440\nsecond line\r\nthird\n"
    with open(path, "w", encoding=enc, newline="") as f:
        n = f.write(text)
        f.write("more\n")
    with open(path, "rb") as f:
        raw = f.read()
    with open(path, encoding=enc, newline="") as f:
        lines = list(f)
    with open(path, encoding=enc) as f:
        first = f.read(4)
        rest = f.readline()
        tail = f.read()
    print(enc, n, len(raw), raw[:8], lines == text.splitlines(True) + ["more\n"])
    print("  ", repr(first), repr(rest), repr(tail))

# Appending to a UTF-16 file adds no second byte order mark.
with open(path, "w", encoding="utf-16") as f:
    f.write("one\n")
with open(path, "a", encoding="utf-16") as f:
    f.write("two\n")
with open(path, "rb") as f:
    print(f.read())
with open(path, encoding="utf-16") as f:
    print(f.readlines())

# Reading back after a seek to the start.
with open(path, "w+", encoding="utf-16-le") as f:
    f.write("abc\ndef\n")
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))

# Error handlers.
with open(path, "w", encoding="cp1252", errors="replace") as f:
    f.write("snow \u2603 man\n")
with open(path, "w", encoding="ascii", errors="xmlcharrefreplace") as f:
    f.write("snow \u2603 man\n")
with open(path, encoding="ascii") as f:
    print(f.read(), end="")
with open(path, "w", encoding="cp1252") as f:
    try:
        f.write("snow \u2603 man\n")
    except UnicodeEncodeError as e:
        print(type(e).__name__, e)
with open(path, "wb") as f:
    f.write(b"ok \x81 bad\n")
with open(path, encoding="cp1252") as f:
    try:
        f.read()
    except UnicodeDecodeError as e:
        print(type(e).__name__, e)
with open(path, encoding="cp1252", errors="replace") as f:
    print(repr(f.read()))

# Unknown and non-text encodings.
for enc in ("no-such-codec", "hex", "rot13"):
    try:
        open(path, encoding=enc)
    except LookupError as e:
        print("LookupError:", e)

# TextIOWrapper over memory, and reconfigure().
buf = io.BytesIO("h\u00e9\nllo\n".encode("utf-16"))
w = io.TextIOWrapper(buf, encoding="utf-16")
print(w.encoding, w.readlines())
w = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
w.reconfigure(encoding="cp1252")
w.write("\u00e9\u20ac")
w.flush()
print(w.encoding, w.buffer.getvalue())
