import codecs
import io

raw = io.BytesIO(codecs.encode("première ligne\nzweite Zeile €\n", "utf-16"))
f = codecs.EncodedFile(raw, "utf-8", "utf-16")
print(f.data_encoding, f.file_encoding, type(f).__name__)
print(f.readline())
print(f.read())
f.seek(0)
print(f.readlines())
out = io.BytesIO()
w = codecs.EncodedFile(out, "latin-1", "utf-8")
w.write("café\n".encode("latin-1"))
w.writelines([b"na\xefve\n", b"end"])
print(out.getvalue())
same = codecs.EncodedFile(io.BytesIO(b"plain\nlines\n"), "ascii")
print(list(same), same.file_encoding)
with codecs.StreamRecoder(io.BytesIO(codecs.encode("x\n", "utf-32")), codecs.getencoder("utf-8"),
                          codecs.getdecoder("utf-8"), codecs.getreader("utf-32"),
                          codecs.getwriter("utf-32")) as r:
    print(r.read(), r.data_encoding, r.closed)
print(r.closed)
