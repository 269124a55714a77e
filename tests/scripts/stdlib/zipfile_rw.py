import base64
import hashlib
import io
import os
import tempfile
import time
import zipfile

# An archive written by CPython's zipfile (deflated member, directory,
# UTF-8 name, comment).
CPYTHON_ZIP = base64.b64decode(
    "UEsDBBQAAAAIAO9JwVam6B+0FwAAAEABAAAKAAAAcmVhZG1lLnR4dMtNTElVSKpUcA6oLMnIz+PK"
    "HeWTxAcAUEsDBBQAAAAAAO9JwVYAAAAAAAAAAAAAAAAFAAAAZG9jcy9QSwMEFAAACAAA70nBVtLs"
    "RIkGAAAABgAAAA4AAABkb2NzL2NhZsOpLnR4dGNhZsOpClBLAQIUAxQAAAAIAO9JwVam6B+0FwAA"
    "AEABAAAKAAAAAAAAAAAAAACAAQAAAAByZWFkbWUudHh0UEsBAhQDFAAAAAAA70nBVgAAAAAAAAAA"
    "AAAAAAUAAAAAAAAAAAAQAO1BPwAAAGRvY3MvUEsBAhQDFAAACAAA70nBVtLsRIkGAAAABgAAAA4A"
    "AAAAAAAAAAAAAIABYgAAAGRvY3MvY2Fmw6kudHh0UEsFBgAAAAADAAMApwAAAJQAAAAPAENQeXRo"
    "b24gYXJjaGl2ZQ==")


def show(zf):
    print(repr(zf.comment), zf.namelist())
    for info in zf.infolist():
        print(" ", repr(info))
        print("   ", info.filename, info.date_time, info.file_size,
              info.compress_size, info.CRC, info.compress_type,
              info.flag_bits, oct(info.external_attr), info.is_dir())


print("-- reading CPython's archive")
with zipfile.ZipFile(io.BytesIO(CPYTHON_ZIP)) as zf:
    show(zf)
    print(zf.read("readme.txt")[:32])
    print(zf.read("docs/caf\u00e9.txt").decode())
    print(zf.testzip())
    zf.printdir()
    with zf.open("readme.txt") as f:
        print(f)
        print(f.readline(), f.read(4), f.tell())
        f.seek(-6, os.SEEK_END)
        print(f.read(), f.read())
        f.seek(0)
        print(len(f.readlines()), f.peek(1))
        f.seek(10)
        print(f.read1(5))
    print(f)

print("-- writing the same archive")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo("readme.txt", (2023, 6, 1, 9, 15, 30)),
                "made by CPython\n" * 20, compress_type=zipfile.ZIP_DEFLATED)
    zi = zipfile.ZipInfo("docs/", (2023, 6, 1, 9, 15, 30))
    zi.external_attr = 0o40755 << 16 | 0x10
    zf.writestr(zi, b"")
    zf.writestr(zipfile.ZipInfo("docs/caf\u00e9.txt", (2023, 6, 1, 9, 15, 30)),
                "caf\u00e9\n")
    zf.comment = b"CPython archive"
print(buf.getvalue() == CPYTHON_ZIP)

print("-- streams, levels, ZIP64 records")
buf = io.BytesIO()
with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
    with zf.open(zipfile.ZipInfo("stream.txt", (2000, 2, 29, 23, 59, 58)), "w") as w:
        for k in range(300):
            w.write(b"line %d\n" % k)
    zi = zipfile.ZipInfo("best.txt", (2000, 1, 1, 0, 0, 0))
    zi.compress_type = zipfile.ZIP_DEFLATED
    zf.writestr(zi, b"x" * 5000, compresslevel=9)
    zf.writestr(zipfile.ZipInfo("fast.txt", (2000, 1, 1, 0, 0, 0)),
                b"y" * 5000, compress_type=zipfile.ZIP_DEFLATED)
    zf.writestr(zipfile.ZipInfo("stored.bin", (2000, 1, 1, 0, 0, 0)),
                bytes(range(256)), compress_type=zipfile.ZIP_STORED)
    with zf.open(zipfile.ZipInfo("z64.txt", (2000, 1, 1, 0, 0, 0)), "w",
                 force_zip64=True) as w:
        w.write(b"small but zip64")
    zf.mkdir("empty")
print(hashlib.sha256(buf.getvalue()).hexdigest())
with zipfile.ZipFile(buf) as zf:
    show(zf)
    with zf.open("stream.txt") as f:
        lines = list(f)
    print(len(lines), lines[-1], zf.read("z64.txt"))

print("-- an unseekable output (data descriptors)")


class Sink(io.RawIOBase):
    def __init__(self):
        self.data = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.data += b
        return len(b)


sink = Sink()
with zipfile.ZipFile(sink, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.writestr(zipfile.ZipInfo("a.txt", (2010, 10, 10, 10, 10, 10)), b"abc" * 50)
    zf.writestr(zipfile.ZipInfo("b.txt", (2010, 10, 10, 10, 10, 10)), b"")
print(hashlib.sha256(sink.data).hexdigest())
with zipfile.ZipFile(io.BytesIO(bytes(sink.data))) as zf:
    show(zf)
    print(zf.read("a.txt")[:9])

print("-- files on disk")
old = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    os.makedirs("src/sub")
    with open("src/hello.txt", "w") as f:
        f.write("hello from a file\n" * 100)
    with open("src/sub/data.bin", "wb") as f:
        f.write(bytes(range(256)) * 40)
    os.chmod("src/hello.txt", 0o640)
    stamp = 1646370368  # 2022-03-04 05:06:08 UTC
    os.utime("src/hello.txt", (stamp, stamp))
    with zipfile.ZipFile("out.zip", "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write("src")
        zf.write("src/hello.txt")
        zf.write("src/sub/data.bin", arcname="/renamed/data.bin",
                 compress_type=zipfile.ZIP_STORED)
        zf.writestr("note.txt", "written from a str")
        zf.writestr("notes/", b"")
    print(zipfile.is_zipfile("out.zip"), zipfile.is_zipfile("src/hello.txt"))
    with zipfile.ZipFile("out.zip", "a") as zf:
        zf.writestr("appended.txt", b"added in mode a")
    with open("out.zip", "rb") as f:
        print(zipfile.is_zipfile(f))
    with zipfile.ZipFile("out.zip") as zf:
        print(repr(zf))
        print(zf.namelist())
        for info in zf.infolist():
            print(" ", repr(info))
        print(zf.getinfo("src/hello.txt").date_time == time.localtime(stamp)[:6])
        print(zf.testzip())
        zf.extractall("x")
        print(zf.extract("note.txt", "y"))
        print(os.path.relpath(zf.extract(zf.getinfo("renamed/data.bin"))))
    for root, dirs, files in sorted(os.walk(".")):
        dirs.sort()
        for name in sorted(files):
            if name == "out.zip":
                continue
            p = os.path.join(root, name)
            with open(p, "rb") as f:
                print(p, os.path.getsize(p), hashlib.md5(f.read()).hexdigest())
    with zipfile.ZipFile("out.zip") as zf, open("x/src/hello.txt", "rb") as f:
        print(zf.read("src/hello.txt") == f.read())
    try:
        zipfile.ZipFile("out.zip", "x")
    except FileExistsError as e:
        print("FileExistsError", e.filename)
    with zipfile.ZipFile("new.zip", "x") as zf:
        zf.writestr(zipfile.ZipInfo("../../evil.txt"), b"kept inside")
        zf.writestr(zipfile.ZipInfo("/abs/path.txt"), b"kept inside too")
    with zipfile.ZipFile("new.zip") as zf:
        zf.extractall("safe")
    print(sorted(os.path.join(r, f) for r, _, fs in os.walk("safe") for f in fs))
    with zipfile.ZipFile("new.zip", "a") as zf:
        print(zf.namelist())
    # appending to a file that is not an archive
    with open("plain.bin", "wb") as f:
        f.write(b"some prefix data")
    with zipfile.ZipFile("plain.bin", "a") as zf:
        zf.writestr(zipfile.ZipInfo("inside.txt"), b"after the prefix")
    with zipfile.ZipFile("plain.bin") as zf:
        print(zf.namelist(), zf.read("inside.txt"), zf.infolist()[0].header_offset)
    os.chdir(old)
print(repr(zf))
