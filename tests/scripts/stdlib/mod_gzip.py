import gzip, io, os, tempfile, zlib
data = b"hello world\n" * 100 + bytes(range(256))
for lvl in (0, 1, 6, 9):
    c = gzip.compress(data, lvl, mtime=0)
    print(lvl, len(c), zlib.crc32(c), c[:10])
    assert gzip.decompress(c) == data
print(gzip.compress(b"", mtime=12345))
two = gzip.compress(b"one\n", mtime=0) + b"\x00\x00" + gzip.compress(b"two\n", mtime=0)
print(gzip.decompress(two), gzip.decompress(b""))
good = gzip.compress(b"abc", mtime=0)
for bad in [b"xx" + good[2:], good[:-3], good[:-8] + b"\x00\x00\x00\x00" + good[-4:], good[:-4] + b"\x09\x00\x00\x00", good[:2] + b"\x07" + good[3:], good[:15], good + b"zz"]:
    try: print(gzip.decompress(bad))
    except (OSError, EOFError) as e: print(type(e).__name__, e)
d = tempfile.mkdtemp()
p = os.path.join(d, "f.txt.gz")
with gzip.open(p, "wb") as f:
    print(f.write(b"line 1\n"), f.write(bytearray(b"line 2\nline 3")), f.mode == gzip.WRITE, f.writable(), f.readable(), f.tell())
raw = open(p, "rb").read()
print(raw[:3], raw[3], raw[10:16], len(raw))
with gzip.open(p) as f:
    print(f.read(3), f.readline(), f.readline(2), f.read1(3), f.tell(), f.readlines(), f.read())
    print(f.seek(2), f.read(4), f.seek(0), f.readline())
with gzip.GzipFile(p) as f:
    print(list(f), f.name == p)
print(f.closed)
try: f.read()
except ValueError as e: print(e)
with gzip.open(p, "at") as f:
    f.write("\nappended é\n")
with gzip.open(p, "rt", encoding="utf-8") as f:
    print(f.read().splitlines())
buf = io.BytesIO()
with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
    g.write(data)
print(buf.getvalue() == gzip.compress(data, mtime=0), buf.closed)
buf.seek(0)
with gzip.GzipFile(fileobj=buf) as g:
    print(g.read() == data)
for args, kw in [((p, "rtb"), {}), ((p, "rb"), {"encoding": "x"}), ((p, "rb"), {"errors": "x"}), ((p, "rb"), {"newline": ""}), ((123,), {}), ]:
    try: gzip.open(*args, **kw)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
try: gzip.GzipFile(p, "z")
except ValueError as e: print(e)
with gzip.open(p) as f:
    try: f.write(b"x")
    except OSError as e: print(e.errno, e)
with gzip.open(p, "wb") as f:
    try: f.read()
    except OSError as e: print(e.errno, e)
with open(os.path.join(d, "plain"), "wb") as f: f.write(b"not gzip")
try: gzip.open(os.path.join(d, "plain")).read()
except gzip.BadGzipFile as e: print(type(e).__name__, e, isinstance(e, OSError))
import shutil; shutil.rmtree(d)
for lvl in (0, 1, 2, 6, 9):
    print(lvl, gzip.compress(b'abc', lvl, mtime=0)[:10], gzip.compress(b'abc', lvl, mtime=5)[:10])
good = gzip.compress(b'abc', mtime=0)
for bad in [good[:-8] + b'\x00\x00\x00\x00' + good[-4:], good[:-4] + b'\x09\x00\x00\x00', good[:-3]]:
    try: gzip.GzipFile(fileobj=io.BytesIO(bad)).read()
    except Exception as e: print(type(e).__name__, e)
g = gzip.GzipFile(fileobj=io.BytesIO(good)); g.close()
for f in ('read', 'readline', 'tell', 'peek', 'seek', '__iter__', 'write', 'flush'):
    try: getattr(g, f)(*([1] if f in ('peek','seek') else [b''] if f == 'write' else []))
    except Exception as e: print(f, type(e).__name__, e)
x = gzip.GzipFile(fileobj=io.BytesIO(gzip.compress(b'abc', mtime=77) + gzip.compress(b'def', mtime=78))); print(x.mtime, x.read(), x.mtime)
# The command line: a file compressed next to itself, then back.
import subprocess, sys
d = tempfile.mkdtemp()
p = os.path.join(d, "data.txt")
with open(p, "wb") as f: f.write(b"some text\n" * 1000)
r = subprocess.run([sys.executable, "-m", "gzip", "--best", p], capture_output=True)
print(r.returncode, r.stdout, os.path.exists(p + ".gz"))
with gzip.open(p + ".gz") as f: print(f.read() == b"some text\n" * 1000)
os.remove(p)
r = subprocess.run([sys.executable, "-m", "gzip", "-d", p + ".gz"], capture_output=True)
print(r.returncode, open(p, "rb").read() == b"some text\n" * 1000)
r = subprocess.run([sys.executable, "-m", "gzip", "-d", p], capture_output=True, text=True)
print(r.returncode, r.stderr.replace(d, "DIR"))
r = subprocess.run([sys.executable, "-m", "gzip"], input=b"piped", capture_output=True)
print(r.returncode, gzip.decompress(r.stdout))
r = subprocess.run([sys.executable, "-m", "gzip", "-d"], input=gzip.compress(b"back"), capture_output=True)
print(r.returncode, r.stdout)
shutil.rmtree(d)
