# Binary files: buffered readers and writers, BufferedRandom, unbuffered
# FileIO, readinto, peek, seek/tell/truncate.
import os
import io
import tempfile
import shutil

d = tempfile.mkdtemp()
p = os.path.join(d, 'b.bin')


def short(r):
    return r.replace(d, '<tmp>')


with open(p, 'wb') as f:
    print(short(repr(f)), f.mode, f.write(b'hello\n'), f.write(bytearray(b'world\n')),
          f.write(memoryview(b'\x00\x01\xff')))
    print(f.tell(), f.writable(), f.readable(), f.seekable(), f.raw.mode)
    print(short(repr(f.raw)), f.raw.closefd, f.fileno() == f.raw.fileno())

with open(p, 'rb') as f:
    print(short(repr(f)), f.mode, f.read())
with open(p, 'rb') as f:
    print(f.read(3), f.read1(2), f.peek(1)[:1], f.read(0), f.readline(), f.readline(3))
    print(f.tell(), f.read(), f.read(), f.tell())
with open(p, 'rb') as f:
    print(f.readlines(), f.readlines())
with open(p, 'rb') as f:
    print(list(f))
with open(p, 'rb') as f:
    ba = bytearray(4)
    print(f.readinto(ba), ba)
    mv = memoryview(bytearray(20))
    print(f.readinto(mv), mv.tobytes())
    print(f.readinto(bytearray(5)))
with open(p, 'rb') as f:
    print(f.seek(6), f.read(5), f.seek(-3, 2), f.read(), f.seek(-4, 1), f.read(2))
    print(f.seek(0, 1), f.seek(100), f.read(), f.tell())

# random access
with open(p, 'r+b') as f:
    print(short(repr(f)), f.read(5))
    f.write(b'!!')
    print(f.tell())
    f.seek(0)
    print(f.read())
    f.seek(0, 2)
    f.write(b'tail')
    f.seek(2)
    print(f.read(3), f.tell())
    print(f.truncate(8), f.tell())
    f.seek(0)
    print(f.read())
with open(p, 'w+b') as f:
    print(f.read(), f.write(b'abcdef'), f.seek(0), f.read(2))
    f.write(b'XY')
    f.flush()
    f.seek(0)
    print(f.read())
with open(p, 'ab') as f:
    print(f.tell(), f.write(b'+'), f.tell())
with open(p, 'a+b') as f:
    f.seek(0)
    print(f.read())
    f.write(b'=')
    f.seek(0)
    print(f.read())

# unbuffered
with open(p, 'wb', buffering=0) as f:
    print(short(repr(f)), f.write(b'raw bytes\nline two\n'), type(f).__name__)
with open(p, 'rb', buffering=0) as f:
    print(f.read(3), f.readline(), f.readall(), f.read())
with open(p, 'rb', buffering=0) as f:
    print(list(f))
with io.FileIO(p) as f:
    print(short(repr(f)), f.mode, f.readable(), f.writable(), f.read())
with io.FileIO(p, 'r+') as f:
    print(f.mode, f.write(b'RAW'), f.seek(0), f.read(5), f.tell(), f.truncate(4), f.tell())
fd = os.open(p, os.O_RDONLY)
with io.FileIO(fd, closefd=False) as f:
    print(repr(f), f.read())
print(os.read(fd, 10))
os.close(fd)
fd = os.open(p, os.O_RDONLY)
f = open(fd, 'rb')
print(repr(f), f.read())
f.close()
try:
    os.close(fd)
except OSError as e:
    print('OSError', e.errno)

# buffer sizes and explicit buffered objects
raw = io.FileIO(p, 'w')
w = io.BufferedWriter(raw, buffer_size=4)
print(w.write(b'12'), os.path.getsize(p), w.write(b'345678'), os.path.getsize(p) >= 2)
w.flush()
print(os.path.getsize(p))
w.close()
print(raw.closed)
r = io.BufferedReader(io.FileIO(p), 3)
print(r.read(2), r.peek(1)[:1], r.read(), r.raw.tell())
r.close()
rnd = io.BufferedRandom(io.FileIO(p, 'r+'))
print(rnd.read(3), rnd.write(b'xx'), rnd.seek(0), rnd.read())
rnd.close()
pair = io.BufferedRWPair(io.BytesIO(b'in'), io.BytesIO())
print(pair.read(), pair.write(b'out'), pair.readable(), pair.writable())

# data written without close() reaches the file when the object goes
f = open(p, 'wb')
f.write(b'unflushed')
del f
print(open(p, 'rb').read())
t = open(p, 'w')
t.write('text unflushed')
t = None
print(open(p).read())

shutil.rmtree(d)
