import codecs
import io
import os
import tempfile


def attempt(f, *args):
    try:
        print("ok", repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


text = "héllo wörld € 𝄞!"
print([n for n in codecs.__all__])
for name in ("BOM", "BOM_BE", "BOM_LE", "BOM32_BE", "BOM32_LE", "BOM64_BE", "BOM64_LE",
             "BOM_UTF8", "BOM_UTF16", "BOM_UTF16_LE", "BOM_UTF16_BE", "BOM_UTF32",
             "BOM_UTF32_LE", "BOM_UTF32_BE"):
    print(name, getattr(codecs, name))

for enc in ("utf-8", "UTF8", "u8", "utf_8", "latin-1", "Latin 1", "l1", "iso-8859-1", "ascii",
            "US-ASCII", "646", "utf-16", "utf16", "UTF-16LE", "utf_16_be", "utf-32", "utf-32-le",
            "utf_32_be", "utf-8-sig", "utf_8_sig", "hex", "base64", "base_64", "rot13", "rot_13",
            "zlib", "hex_codec"):
    info = codecs.lookup(enc)
    print(repr(enc), info.name, isinstance(info, tuple), len(info), info[0] is info.encode,
          info.incrementaldecoder.__name__, info.streamreader.__module__)
attempt(codecs.lookup, "no-such-codec")
attempt(codecs.lookup, 5)

for enc in ("utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be",
            "utf-8-sig"):
    data = codecs.encode(text, enc)
    print(enc, data)
    print(" ", codecs.decode(data, enc) == text, codecs.getencoder(enc)(text)[1],
          codecs.getdecoder(enc)(data))
print(codecs.encode("abc", "latin-1"), codecs.decode(b"\xe9t\xe9", "latin-1"))
print(codecs.encode(text, "ascii", "replace"), codecs.encode(text, "ascii", "ignore"))
print(codecs.encode(text, "ascii", "backslashreplace"))
print(codecs.encode(text, "ascii", "xmlcharrefreplace"), codecs.encode(text, "latin-1", "xmlcharrefreplace"))
print(codecs.decode(b"a\xffb\xc3", "utf-8", "replace"), codecs.decode(b"a\xffb", "utf-8", "ignore"),
      codecs.decode(b"a\xffb\xfe", "utf-8", "backslashreplace"), codecs.decode(b"a\x80", "ascii", "replace"))
print(codecs.decode(b"\x00\xd8a\x00b\x00", "utf-16-le", "replace"),
      codecs.decode(b"a\x00\x00\x00\x00\x00\x11\x00", "utf-32-le", "backslashreplace"))
attempt(codecs.encode, "aé€b", "ascii")
attempt(codecs.encode, "aé€b", "latin-1")
attempt(codecs.decode, b"ab\xff", "utf-8")
attempt(codecs.decode, b"ab\xe2\x82", "utf-8")
attempt(codecs.decode, b"a\x00b", "utf-16-le")
attempt(codecs.decode, b"\xff\xfe\x00\xdc", "utf-16")
attempt(codecs.decode, b"\x00\x00\xfe\xff\x00\x11\x00\x00", "utf-32")
attempt(codecs.encode, "abc", "hex")
attempt(codecs.encode, b"abc", "utf-8")
attempt(codecs.decode, "abc", "utf-8")
attempt(codecs.decode, b"abc", "hex")
attempt(codecs.encode, "x", "ascii", "no-such-handler")
attempt(codecs.encode, "é", "ascii", "no-such-handler")

# bytes-to-bytes codecs
print(codecs.encode(b"\x00\xffhi", "hex"), codecs.decode(b"00ff6869", "hex"), codecs.decode("00ff", "hex"))
print(codecs.encode(b"gilpy codecs", "base64"), codecs.decode(b"Z2lscHkgY29kZWNz\n", "base64"))
print(codecs.decode(codecs.encode(b"x" * 100, "zlib"), "zlib") == b"x" * 100)
print(codecs.encode("Hello, World!", "rot13"), codecs.decode("Uryyb", "rot_13"))

# the codec functions
print(codecs.utf_8_decode(b"ab\xe2\x82"), codecs.utf_8_decode(b"ab\xe2\x82", "strict", False),
      codecs.utf_8_decode(b"\xf0\x9d\x84", None, False), codecs.utf_8_decode(b"ab\xc3"))
attempt(codecs.utf_8_decode, b"ab\xe2\x82", "strict", True)
print(codecs.utf_16_le_decode(b"a\x00b", "strict", False), codecs.utf_16_decode(b"\xfe"),
      codecs.utf_16_decode(b"\xfe\xff\x00a"), codecs.utf_16_ex_decode(b"\xfe\xff\x00a"))
print(codecs.utf_16_encode("a", "strict", 1), codecs.utf_16_encode("a", "strict", -1),
      codecs.utf_32_encode("a"), codecs.ascii_encode("ab"), codecs.latin_1_decode(b"\xff"))
print(codecs.utf_16_le_encode("𝄞"), codecs.utf_16_be_decode(b"\xd8\x34\xdd\x1e"))

# incremental coders
dec = codecs.getincrementaldecoder("utf-8")()
data = text.encode("utf-8")
parts = [dec.decode(data[i:i + 1]) for i in range(len(data))]
print(parts, dec.decode(b"", final=True))
dec = codecs.getincrementaldecoder("utf-8")(errors="replace")
print(repr(dec.decode(b"a\xe2\x82")), dec.getstate(), repr(dec.decode(b"", True)))
dec.reset()
print(dec.getstate())
dec = codecs.getincrementaldecoder("utf-8")()
dec.decode(b"\xe2")
attempt(dec.decode, b"x", True)
enc = codecs.getincrementalencoder("utf-8")()
print(enc.encode("é"), enc.encode("€", final=True), enc.getstate())
enc16 = codecs.getincrementalencoder("utf-16")()
print(enc16.encode("a"), enc16.encode("b"), enc16.getstate())
enc16.reset()
print(enc16.encode("c"))
dec16 = codecs.getincrementaldecoder("utf-16")()
chunks = codecs.encode("ab𝄞c", "utf-16-be")
chunks = codecs.BOM_UTF16_BE + chunks
print([dec16.decode(chunks[i:i + 3]) for i in range(0, len(chunks), 3)])
sig = codecs.getincrementaldecoder("utf-8-sig")()
print([sig.decode(b) for b in (b"\xef", b"\xbb", b"\xbfa", b"\xef\xbb\xbfb")])
sigenc = codecs.getincrementalencoder("utf-8-sig")()
print(sigenc.encode("a"), sigenc.encode("b"))
print(list(codecs.iterencode(["a", "é", "", "𝄞"], "utf-16-le")))
print(list(codecs.iterdecode([b"a", b"\xc3", b"\xa9", b"", b"z"], "utf-8")))
attempt(codecs.getincrementalencoder, "nope")

# stream readers and writers
buf = io.BytesIO()
w = codecs.getwriter("utf-8")(buf)
w.write("line one é\n")
w.writelines(["line two\r\n", "three\u2028four\n", "last"])
print(buf.getvalue())
buf.seek(0)
r = codecs.getreader("utf-8")(buf)
print(r.readline(), r.readline(keepends=False), r.readline(), r.read())
buf.seek(0)
r = codecs.getreader("utf-8")(buf)
print(list(r))
buf.seek(0)
print(codecs.getreader("utf-8")(buf).readlines(keepends=False))
buf.seek(0)
r = codecs.getreader("utf-8")(buf)
print(repr(r.read(3)), repr(r.read(chars=4)), repr(r.read()), r.getvalue()[:4])

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "f.txt")
    with codecs.open(path, "w", encoding="utf-16") as f:
        print(type(f).__name__, f.encoding)
        f.write("first ☃\n")
        f.write("second\n")
    with open(path, "rb") as raw:
        print(raw.read())
    with codecs.open(path, "r", "utf-16") as f:
        print(f.readline(), f.read())
    with codecs.open(path, "rb") as f:
        print(type(f).__name__, f.read(2))
    with codecs.open(path, encoding="utf-16") as f:
        print([line for line in f])

# error handlers
print(codecs.lookup_error("strict") is codecs.strict_errors,
      codecs.lookup_error("replace") is codecs.replace_errors,
      codecs.lookup_error("backslashreplace") is codecs.backslashreplace_errors)
attempt(codecs.lookup_error, "nope")
e = UnicodeEncodeError("ascii", "aé€𝄞z", 1, 4, "ordinal not in range(128)")
print(codecs.replace_errors(e), codecs.ignore_errors(e), codecs.backslashreplace_errors(e),
      codecs.xmlcharrefreplace_errors(e))
d = UnicodeDecodeError("utf-8", b"a\xff\xfez", 1, 3, "invalid start byte")
print(codecs.replace_errors(d), codecs.ignore_errors(d), codecs.backslashreplace_errors(d))
attempt(codecs.xmlcharrefreplace_errors, d)
attempt(codecs.strict_errors, ValueError("raised as is"))
attempt(codecs.strict_errors, 1)
attempt(codecs.replace_errors, ValueError("x"))


def dashes(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ("-" * (exc.end - exc.start), exc.end)
    return ("<%d-%d>" % (exc.start, exc.end), exc.end)


codecs.register_error("dashes", dashes)
print(codecs.lookup_error("dashes") is dashes)
print(codecs.encode("aéb€€c", "ascii", "dashes"), codecs.encode("aé€c", "latin-1", "dashes"))
print(codecs.decode(b"a\xffb\xc3(", "utf-8", "dashes"), codecs.decode(b"a\x80\x81b", "ascii", "dashes"))
print(codecs.decode(b"a\x00\x00\xdcb\x00", "utf-16-le", "dashes"))
codecs.register_error("skip2", lambda exc: ("", exc.end + 1))
print(codecs.decode(b"a\xffxyz", "utf-8", "skip2"))
codecs.register_error("bad", lambda exc: "nope")
attempt(codecs.encode, "é", "ascii", "bad")
attempt(codecs.decode, b"\xff", "utf-8", "bad")
attempt(codecs.register_error, "x", 5)


# search functions
def search(name):
    print("search for", repr(name))
    if name == "my_codec":
        return codecs.CodecInfo(lambda s, errors="strict": (s.upper().encode(), len(s)),
                                lambda b, errors="strict": (bytes(b).decode().lower(), len(b)),
                                name="my-codec")
    return None


codecs.register(search)
info = codecs.lookup("My-Codec")
print(info.name, codecs.encode("abc", "my codec"), codecs.decode(b"XYZ", "MY_CODEC"))
attempt(codecs.lookup, "Other  Thing!")
attempt(codecs.register, 5)
ci = codecs.CodecInfo(None, None)
print(ci.name, ci.incrementalencoder, len(ci), ci._is_text_encoding)
print(codecs.lookup("hex")._is_text_encoding, codecs.lookup("utf-8")._is_text_encoding)
print(issubclass(codecs.StreamReader, codecs.Codec), codecs.IncrementalDecoder().getstate(),
      codecs.BufferedIncrementalDecoder().getstate())
