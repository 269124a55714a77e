# tarfile: writing and reading archives in every format and mode,
# extraction with filters, errors.
import io
import os
import sys
import tarfile
import tempfile

# As if bz2 and lzma were missing (gilpy has neither).
sys.modules["bz2"] = None
sys.modules["lzma"] = None


def show(label, func):
    try:
        r = func()
    except Exception as e:
        print(label, "->", type(e).__name__, str(e).replace(base, "<tmp>"))
    else:
        print(label, "->", r)


def info(name, data=None, type=tarfile.REGTYPE, **kw):
    ti = tarfile.TarInfo(name)
    ti.type = type
    ti.mtime = 1700000000
    ti.uid, ti.gid, ti.uname, ti.gname = 1000, 100, "alice", "staff"
    ti.mode = 0o755 if type == tarfile.DIRTYPE else 0o644
    for k, v in kw.items():
        setattr(ti, k, v)
    if data is not None:
        ti.size = len(data)
        return ti, io.BytesIO(data)
    return ti, None


def sample(fmt=tarfile.DEFAULT_FORMAT, mode="w", fileobj=None, name=None):
    f = fileobj if fileobj is not None else io.BytesIO()
    with tarfile.open(name, mode, fileobj=None if name else f, format=fmt) as t:
        t.addfile(*info("top", type=tarfile.DIRTYPE))
        t.addfile(*info("top/hello.txt", b"hello world\nsecond line\nthird"))
        t.addfile(*info("top/empty"))
        t.addfile(*info("top/exec.sh", b"#!/bin/sh\necho hi\n", mode=0o755))
        t.addfile(*info("top/link", type=tarfile.SYMTYPE, linkname="hello.txt"))
        t.addfile(*info("top/hard", type=tarfile.LNKTYPE, linkname="top/hello.txt"))
        t.addfile(*info("top/sub", type=tarfile.DIRTYPE))
        t.addfile(*info("top/sub/data.bin", bytes(range(256)) * 5))
        if fmt != tarfile.USTAR_FORMAT:
            t.addfile(*info("top/sub/" + "long" * 40 + ".txt", b"long name"))
            t.addfile(*info("top/\u00fcnicode.txt", "\u00e9".encode()))
    return f


def describe(t):
    for m in t:
        line = [m.name, m.type, oct(m.mode), m.size, m.mtime, m.uid, m.gid,
                m.uname, m.gname, m.linkname]
        flags = [n for n in ("isreg", "isdir", "issym", "islnk", "isfile",
                             "ischr", "isblk", "isfifo", "isdev", "issparse")
                 if getattr(m, n)()]
        print("  ", line, flags)


base = tempfile.mkdtemp()
os.chdir(base)

print("== constants")
print(tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT,
      tarfile.DEFAULT_FORMAT, tarfile.BLOCKSIZE, tarfile.RECORDSIZE)
print(tarfile.REGTYPE, tarfile.DIRTYPE, tarfile.SYMTYPE, tarfile.LNKTYPE,
      tarfile.GNU_MAGIC, tarfile.POSIX_MAGIC)
print(sorted(tarfile.__all__))
print(issubclass(tarfile.ReadError, tarfile.TarError),
      issubclass(tarfile.FilterError, tarfile.TarError),
      issubclass(tarfile.AbsolutePathError, tarfile.FilterError),
      issubclass(tarfile.HeaderError, tarfile.TarError))

print("== formats")
for fmt in (tarfile.USTAR_FORMAT, tarfile.GNU_FORMAT, tarfile.PAX_FORMAT):
    data = sample(fmt).getvalue()
    print("format", fmt, len(data), len(data) % tarfile.RECORDSIZE)
    with tarfile.open(fileobj=io.BytesIO(data)) as t:
        print(" ", t.format == fmt, t.getnames())
        describe(t)
        m = t.getmember("top/hello.txt")
        print("  pax", sorted(m.pax_headers.items()), m.offset, m.offset_data)
        f = t.extractfile("top/hello.txt")
        print(" ", f.readline(), f.read(5), f.tell(), f.read())
        f.seek(0)
        print(" ", f.readlines())
        f.seek(-5, 2)
        print(" ", f.read(), f.readable(), f.seekable())
        print(" ", t.extractfile("top/link").read())
        print(" ", t.extractfile("top/hard").read())
        print(" ", t.extractfile("top/sub"))
        print(" ", len(t.extractfile(t.getmember("top/sub/data.bin")).read()))

print("== long names in ustar")
t = tarfile.open(fileobj=io.BytesIO(), mode="w", format=tarfile.USTAR_FORMAT)
show("ustar path", lambda: t.addfile(tarfile.TarInfo("d" * 50 + "/" + "n" * 90)))
show("ustar too long", lambda: t.addfile(tarfile.TarInfo("n" * 120)))
ti = tarfile.TarInfo("x")
ti.linkname = "l" * 101
ti.type = tarfile.SYMTYPE
show("ustar link", lambda: t.addfile(ti))
ti = tarfile.TarInfo("big")
ti.size = 8 ** 11
show("ustar size", lambda: ti.tobuf(tarfile.USTAR_FORMAT))
print(len(ti.tobuf(tarfile.GNU_FORMAT)), len(ti.tobuf(tarfile.PAX_FORMAT)))
ti = tarfile.TarInfo("neg")
ti.mtime = -1
print(ti.tobuf(tarfile.GNU_FORMAT)[136:148])
show("bad format", lambda: ti.tobuf(7))
ti.uid = None
show("none uid", lambda: ti.tobuf())
for n in t.getnames():
    print(" ", n)
t.close()

print("== pax headers")
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w", pax_headers={"comment": "caf\u00e9", "x": "1"}) as t:
    ti, f = info("file.txt", b"abc")
    ti.pax_headers = {"mykey": "myvalue", "uname": "bob"}
    t.addfile(ti, f)
    ti, f = info("float.txt", b"", mtime=1700000000.5)
    t.addfile(ti, f)
with tarfile.open(fileobj=io.BytesIO(b.getvalue())) as t:
    print(t.pax_headers)
    for m in t:
        print(" ", m.name, m.uname, m.mtime, sorted(m.pax_headers.items()))

print("== gnu binary numbers")
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w", format=tarfile.GNU_FORMAT) as t:
    ti, f = info("huge", b"z", uid=8 ** 8 + 1, mtime=-10)
    t.addfile(ti, f)
with tarfile.open(fileobj=io.BytesIO(b.getvalue())) as t:
    m = t.getmember("huge")
    print(m.uid, m.mtime, t.extractfile(m).read())

print("== compressed and stream modes")
for mode in ("w:gz", "w|", "w|gz", "w:"):
    path = "arch" + mode[1:].replace(":", "_").replace("|", "-") + ".tar"
    sample(name=path, mode=mode)
    with open(path, "rb") as f:
        head = f.read(3)
    for rmode in ("r", "r:*", "r|*"):
        with tarfile.open(path, rmode) as t:
            names = t.getnames()
        print(mode, rmode, head == b"\x1f\x8b\x08", len(names))
    print(" is_tarfile", tarfile.is_tarfile(path))
with tarfile.open("arch_gz.tar", "r:gz") as t:
    print(t.extractfile("top/hello.txt").read())
show("r: on gzip", lambda: tarfile.open("arch_gz.tar", "r:"))
show("r:gz on plain", lambda: tarfile.open("arch-.tar", "r:gz"))
show("r|gz on plain", lambda: tarfile.open("arch-.tar", "r|gz"))
with tarfile.open("arch-gz.tar", "r|gz") as t:
    m = t.next()
    print("stream first", m.name)
    m = t.next()
    print("stream read", t.extractfile(m).read())
    show("stream back", lambda: t.extractfile(t.getmember("top")).read())
with tarfile.open("arch-.tar", "r|") as t:
    for m in t:
        if m.issym():
            show("stream link", lambda: t.extractfile(m))
            break
with open("arch-gz.tar", "rb") as raw:
    with tarfile.open(fileobj=raw, mode="r|*") as t:
        print("fileobj stream", len(t.getmembers()))
b = io.BytesIO()
with tarfile.open(fileobj=b, mode="w|gz") as t:
    t.addfile(*info("s.txt", b"streamed"))
with tarfile.open(fileobj=io.BytesIO(b.getvalue()), mode="r:gz") as t:
    print(t.getnames(), t.extractfile("s.txt").read())

print("== open errors")
show("nothing", lambda: tarfile.open())
show("bad mode", lambda: tarfile.open("x.tar", "q"))
show("bad comp", lambda: tarfile.open("x.tar", "r:zz"))
show("bad stream mode", lambda: tarfile.open("x.tar", "a|"))
show("append gz", lambda: tarfile.open("x.tar", "a:gz"))
show("bz2", lambda: tarfile.open("x.tar", "w:bz2"))
show("xz", lambda: tarfile.open("x.tar", "w:xz"))
show("bz2 stream", lambda: tarfile.open("x.tar", "w|bz2"))
show("xz stream", lambda: tarfile.open("x.tar", "w|xz"))
show("TarFile mode", lambda: tarfile.TarFile("x.tar", "w:gz"))
show("missing", lambda: tarfile.open("nonexistent.tar"))
show("garbage", lambda: tarfile.open(fileobj=io.BytesIO(b"x" * 1000)))
show("garbage r:", lambda: tarfile.open(fileobj=io.BytesIO(b"x" * 1000), mode="r:"))
show("empty", lambda: tarfile.open(fileobj=io.BytesIO(b"")))
show("truncated", lambda: tarfile.open(fileobj=io.BytesIO(b"\0" * 100), mode="r:"))
print("zeros", tarfile.open(fileobj=io.BytesIO(b"\0" * 1024)).getmembers())
print("is_tarfile garbage", tarfile.is_tarfile(io.BytesIO(b"x" * 1000)))
data = bytearray(sample().getvalue())
data[600] ^= 0xFF
with tarfile.open(fileobj=io.BytesIO(bytes(data[:512 * 3]))) as t:
    show("truncated member", lambda: t.extractfile("top/hello.txt").read())
bad = bytearray(sample().getvalue())
bad[148:156] = b"0000000\0"
show("bad checksum", lambda: tarfile.open(fileobj=io.BytesIO(bytes(bad))))
with open("x.tar", "wb") as f:
    f.write(sample().getvalue())
show("exclusive", lambda: tarfile.open("x.tar", "x"))

print("== closed and mode checks")
t = tarfile.open("x.tar")
show("add on read", lambda: t.add("x.tar"))
show("addfile on read", lambda: t.addfile(tarfile.TarInfo("q")))
show("getmember", lambda: t.getmember("nope"))
t.close()
show("closed", lambda: t.getmembers())
t = tarfile.open(fileobj=io.BytesIO(), mode="w")
show("extractfile on write", lambda: t.extractfile("a"))
show("next on write", lambda: t.next())

print("== append")
with tarfile.open("x.tar", "a") as t:
    print(len(t.getmembers()))
    t.addfile(*info("appended.txt", b"more"))
with tarfile.open("x.tar") as t:
    print(t.getnames()[-2:], t.extractfile("appended.txt").read())
with tarfile.open("new.tar", "a") as t:
    t.addfile(*info("first", b"1"))
print(tarfile.open("new.tar").getnames())

print("== add from disk")
os.makedirs("tree/sub/deeper")
with open("tree/a.txt", "w") as f:
    f.write("alpha\n")
with open("tree/sub/b.txt", "w") as f:
    f.write("beta\n" * 50)
with open("tree/sub/deeper/c.txt", "w") as f:
    f.write("")
os.symlink("a.txt", "tree/alink")
os.link("tree/a.txt", "tree/hardlink")
os.chmod("tree/sub/b.txt", 0o600)


def strip(ti):
    if ti.name.endswith("c.txt"):
        return None
    ti.uname = ti.gname = "nobody"
    ti.uid = ti.gid = 0
    return ti


with tarfile.open("tree.tar", "w") as t:
    t.add("tree", filter=strip)
    t.add("tree/a.txt", arcname="renamed.txt")
    t.add("tree/sub", arcname="flat", recursive=False)
    ti = t.gettarinfo("tree/sub/b.txt", arcname="/abs/b.txt")
    print("gettarinfo", ti.name, oct(ti.mode), ti.size, ti.type, ti.isreg())
    with open("tree/a.txt", "rb") as f:
        ti = t.gettarinfo(fileobj=f, arcname="fromobj.txt")
        print("gettarinfo fileobj", ti.name, ti.size)
        t.addfile(ti, f)
    print(t.gettarinfo("tree/alink").linkname)
    t.add("tree.tar")
with tarfile.open("tree.tar") as t:
    for m in t.getmembers():
        print(" ", m.name, m.type, oct(m.mode), m.size, m.linkname)

print("== list")
b = sample(tarfile.PAX_FORMAT)
b.seek(0)
os.environ["TZ"] = "UTC"
import time
if hasattr(time, "tzset"):
    time.tzset()
with tarfile.open(fileobj=b) as t:
    t.list(verbose=False)
    t.list()
    t.list(members=[t.getmember("top/link")])

print("== extractall")
with tarfile.open(fileobj=io.BytesIO(sample().getvalue())) as t:
    t.extractall("out1", filter="data")


def walk(root):
    for dirpath, dirnames, filenames in sorted(os.walk(root)):
        dirnames.sort()
        for n in sorted(dirnames + filenames):
            p = os.path.join(dirpath, n)
            st = os.lstat(p)
            if os.path.islink(p):
                extra = "-> " + os.readlink(p)
            elif os.path.isdir(p):
                extra = "dir"
            else:
                with open(p, "rb") as f:
                    extra = "%d bytes" % len(f.read())
            print("  ", p, oct(st.st_mode & 0o7777), extra,
                  "" if os.path.islink(p) else
                  "fixed" if st.st_mtime == 1700000000 else "now")


walk("out1")
with tarfile.open(fileobj=io.BytesIO(sample().getvalue())) as t:
    t.extractall("out2", members=[m for m in t if m.name.endswith(".txt")],
                 filter="tar")
    t.extract("top/sub/data.bin", "out3", filter="fully_trusted")
    t.extract(t.getmember("top/exec.sh"), "out3", set_attrs=False)
    t.extract("top/hard", "out4", filter="data")
walk("out2")
walk("out3")
walk("out4")

print("== filters")
evil = io.BytesIO()
with tarfile.open(fileobj=evil, mode="w") as t:
    t.addfile(*info("/etc/abs.txt", b"abs"))
    t.addfile(*info("../up.txt", b"up"))
    t.addfile(*info("lnk", type=tarfile.SYMTYPE, linkname="/etc/passwd"))
    t.addfile(*info("lnk2", type=tarfile.SYMTYPE, linkname="../../outside"))
    t.addfile(*info("fifo", type=tarfile.FIFOTYPE))
    t.addfile(*info("dev", type=tarfile.CHRTYPE, devmajor=1, devminor=3))
    t.addfile(*info("setuid", b"x", mode=0o4755))
    t.addfile(*info("noexec", b"x", mode=0o444))
with tarfile.open(fileobj=io.BytesIO(evil.getvalue())) as t:
    for m in t.getmembers():
        for flt in (tarfile.data_filter, tarfile.tar_filter,
                    tarfile.fully_trusted_filter):
            try:
                r = flt(m, "dest")
            except tarfile.FilterError as e:
                msg = str(e).replace(os.path.realpath(base), "<tmp>")
                msg = msg.replace(os.path.dirname(os.path.realpath(base)), "<tmproot>")
                print("  ", m.name, flt.__name__, type(e).__name__, msg,
                      e.tarinfo is m)
            else:
                print("  ", m.name, flt.__name__, r is m, r.name,
                      None if r.mode is None else oct(r.mode), r.uid, r.uname)
    show("extract abs", lambda: t.extract("/etc/abs.txt", "evil", filter="data"))
    show("extract up", lambda: t.extract("../up.txt", "evil", filter="tar"))
    show("bad filter name", lambda: t.extractall("evil", filter="nope"))
    t.extractall("evil_tar", filter="tar", members=[t.getmember("/etc/abs.txt")])
    print(os.listdir("evil_tar"), os.listdir("evil_tar/etc"))
    t.errorlevel = 0
    t.extractall("evil0", filter="data",
                 members=[m for m in t if not m.isdev()])
    print(sorted(os.listdir("evil0")))
    t.extraction_filter = "data"
    show("string filter", lambda: t.extractall("x"))
    t.extraction_filter = staticmethod(tarfile.data_filter)
ti = tarfile.TarInfo("r")
r = ti.replace(name="q", mode=0o600, deep=False)
print(r.name, oct(r.mode), ti.name, oct(ti.mode), r is ti)

print("== TarInfo")
ti = tarfile.TarInfo("some/dir")
ti.type = tarfile.DIRTYPE
print(ti.get_info())
print(ti.path, ti.linkpath == "", len(ti.tobuf()), tarfile.TarInfo.frombuf(
    ti.tobuf(), "utf-8", "strict").name)
ti.path = "other"
print(ti.name)
show("frombuf empty", lambda: tarfile.TarInfo.frombuf(b"", "utf-8", "strict"))
show("frombuf short", lambda: tarfile.TarInfo.frombuf(b"x" * 10, "utf-8", "strict"))
show("frombuf zeros", lambda: tarfile.TarInfo.frombuf(b"\0" * 512, "utf-8", "strict"))
show("frombuf junk", lambda: tarfile.TarInfo.frombuf(b"x" * 512, "utf-8", "strict"))
print(repr(tarfile.TarInfo("abc")).split(" at ")[0])

os.chdir(os.path.dirname(base))
import shutil
shutil.rmtree(base)
print("done")
