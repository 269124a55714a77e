# Text files: every mode, reading and writing, seek/tell, iteration,
# attributes and reprs. Everything happens in a temporary directory.
import os
import io
import tempfile
import shutil

d = tempfile.mkdtemp()
p = os.path.join(d, 'a.txt')


def short(r):
    # The file name part of a repr, without the temporary directory.
    return r.replace(d, '<tmp>')


# write, then read it back in different ways
f = open(p, 'w')
print(short(repr(f)), f.mode, f.name == p, f.encoding, f.errors, f.closed)
print(f.write('first line\n'), f.write('second line\n'), f.write('третья строка\n'), f.write('no newline'))
print(f.writable(), f.readable(), f.seekable(), f.line_buffering, f.newlines)
f.close()
print(f.closed, short(repr(f)))

with open(p) as f:
    print(repr(f.read()))
with open(p) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(p) as f:
    print(f.readlines())
with open(p) as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open(p) as f:
    print(repr(f.read(3)), repr(f.read(0)), repr(f.read(8)), repr(f.readline(4)), repr(f.readline(100)))
    print(repr(f.read(5)), repr(f.read()), repr(f.read()), repr(f.readline()))
with open(p) as f:
    print(f.readlines(15))
    print(f.readlines(1))
    print(f.readlines())
with open(p, 'rt') as f:
    print(f.mode, len(f.read()))

# seek and tell
with open(p) as f:
    print(f.tell(), repr(f.readline()), f.tell())
    pos = f.tell()
    print(repr(f.readline()), f.tell())
    f.seek(pos)
    print(repr(f.readline()))
    print(f.seek(0), repr(f.read(5)), f.tell())
    print(f.seek(0, 2), repr(f.read()))
    print(f.seek(0, 1) == f.tell())
    f.seek(0)
    second = f.readline() and f.tell()
    f.seek(second)
    print(repr(f.read(6)))

# append and exclusive create
with open(p, 'a') as f:
    print(f.tell() > 0, f.write('\nappended'))
with open(p) as f:
    print(f.read().splitlines()[-2:])
q = os.path.join(d, 'new.txt')
with open(q, 'x') as f:
    f.write('made')
try:
    open(q, 'x')
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, short(e.filename))

# w+ and r+
with open(q, 'w+') as f:
    f.write('0123456789')
    f.seek(0)
    print(repr(f.read()))
    f.seek(3)
    f.write('abc')
    f.seek(0)
    print(repr(f.read()))
    print(f.truncate(5), f.tell())
with open(q) as f:
    print(repr(f.read()))
with open(q, 'r+') as f:
    print(repr(f.read(2)))
    f.seek(0, 2)
    f.write('END')
    f.seek(0)
    print(repr(f.read()))
with open(q, 'a+') as f:
    f.write('!')
    f.seek(0)
    print(repr(f.read()))

# an empty file
e = os.path.join(d, 'empty.txt')
open(e, 'w').close()
with open(e) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))

# writelines and print to a file
with open(q, 'w') as f:
    f.writelines(['a\n', 'b\n', 'c'])
    print('printed', 1, 2.5, sep='|', file=f)
    print(file=f, end='tail')
with open(q) as f:
    print(repr(f.read()))

# a long file, read across chunks
big = os.path.join(d, 'big.txt')
with open(big, 'w') as f:
    for i in range(20000):
        f.write('line %d %s\n' % (i, 'é' * (i % 7)))
with open(big) as f:
    lines = f.readlines()
print(len(lines), lines[0], lines[-1], end='')
with open(big) as f:
    n = 0
    total = 0
    for line in f:
        n += 1
        total += len(line)
print(n, total)
with open(big) as f:
    s = f.read()
print(len(s), s.count('\n'), s[-20:].split())
with open(big) as f:
    f.read(100000)
    print(repr(f.readline()))
    pos = f.tell()
    rest = f.read()
    f.seek(pos)
    print(f.read() == rest)

# detach and buffer
with open(q, 'w') as f:
    f.write('x')
    b = f.buffer
    print(short(repr(b)), short(repr(b.raw)))
f = open(q)
buf = f.detach()
print(short(repr(buf)), buf.read())
try:
    f.read()
except ValueError as exc:
    print('ValueError:', exc)
buf.close()

# TextIOWrapper over BytesIO
t = io.TextIOWrapper(io.BytesIO(b'one\ntwo\r\nthree\rfour'), encoding='utf-8')
print(repr(t.encoding), t.readlines(), t.newlines)
bio = io.BytesIO()
t = io.TextIOWrapper(bio, encoding='latin-1', newline='\r\n')
t.write('caf\xe9\nend\n')
t.flush()
print(bio.getvalue())
print(repr(t))

shutil.rmtree(d)
print(os.path.exists(d))
