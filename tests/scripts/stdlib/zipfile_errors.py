import io
import warnings
import zipfile


def attempt(fn, *args, **kwargs):
    try:
        result = fn(*args, **kwargs)
    except Exception as e:
        print("  %s: %s" % (type(e).__name__, e))
    else:
        print("  ok:", repr(result))


print(zipfile.BadZipfile is zipfile.BadZipFile is zipfile.error)
print(issubclass(zipfile.LargeZipFile, Exception))
for data in [b"", b"not a zip at all", b"PK\x05\x06" + b"\0" * 18,
             b"PK\x05\x06" + b"\0" * 6 + b"\x10\0\0\0\x50\0\0\0\0\0"]:
    attempt(lambda: zipfile.ZipFile(io.BytesIO(data)).namelist())
attempt(zipfile.ZipFile, io.BytesIO(), "q")
attempt(zipfile.ZipFile, io.BytesIO(), "w", compression=99)
attempt(zipfile.ZipFile, io.BytesIO(), "w", metadata_encoding="cp437")
attempt(zipfile.ZipInfo, "old", (1979, 12, 31, 0, 0, 0))
print(repr(zipfile.ZipInfo("nul\0junk")), zipfile.ZipInfo().filename)
print(repr(zipfile.ZipInfo("dir/")))

buf = io.BytesIO()
zf = zipfile.ZipFile(buf, "w")
zf.writestr(zipfile.ZipInfo("x", (2001, 1, 1, 0, 0, 0)), b"1")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    zf.writestr(zipfile.ZipInfo("x", (2001, 1, 1, 0, 0, 0)), b"2")
print([str(w.message) for w in caught])
zf.comment = b"the comment"
attempt(setattr, zf, "comment", "not bytes")
attempt(zf.read, "x")
w = zf.open(zipfile.ZipInfo("open", (2001, 1, 1, 0, 0, 0)), "w")
attempt(zf.writestr, "y", b"")
attempt(zf.open, "z", "w")
attempt(zf.close)
w.write(b"written")
w.close()
attempt(zf.mkdir, zipfile.ZipInfo("notadir"))
attempt(zf.mkdir, 42)
attempt(zf.open, "x", "w", pwd=b"pw")
zf.close()
zf.close()
attempt(zf.writestr, "y", b"")
attempt(zf.open, "x")
attempt(zf.write, "somefile")

zf = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
print(zf.comment, zf.namelist(), zf.read("x"), zf.read("open"))
attempt(zf.getinfo, "nope")
attempt(zf.read, "nope")
attempt(zf.writestr, "z", b"")
attempt(zf.open, "x", "a")
attempt(zf.setpassword, "text")
with zf.open("open") as f:
    pass
attempt(f.read)
attempt(f.seek, 0)
with zf.open("open") as f:
    attempt(f.seek, 0, 5)
    print(f.seek(-100, 1), f.seek(100), f.read())

raw = bytearray(buf.getvalue())
raw[raw.index(b"2", 40)] = ord("3")
zf = zipfile.ZipFile(io.BytesIO(bytes(raw)))
print(zf.testzip())
attempt(zf.read, zf.infolist()[1])
print(zf.read(zf.infolist()[0]))
raw = bytearray(buf.getvalue())
raw[raw.index(b"PK\x03\x04", 10)] = ord("Q")
attempt(zipfile.ZipFile(io.BytesIO(bytes(raw))).read, "x")
raw = bytearray(buf.getvalue())
raw[raw.index(b"PK\x03\x04", 10) + 30] = ord("y")
attempt(zipfile.ZipFile(io.BytesIO(bytes(raw))).read, "x")
print(zipfile.is_zipfile(io.BytesIO(buf.getvalue())),
      zipfile.is_zipfile(io.BytesIO(b"xx")),
      zipfile.is_zipfile("/nonexistent/file.zip"))
attempt(zipfile.ZipFile, "/nonexistent/dir/file.zip")
