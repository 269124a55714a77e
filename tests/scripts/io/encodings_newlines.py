# Encodings, error handlers and newline translation of text files.
import os
import io
import tempfile
import shutil

d = tempfile.mkdtemp()
p = os.path.join(d, 'enc.txt')


def raw():
    with open(p, 'rb') as f:
        return f.read()


# encodings
for enc in ['utf-8', 'UTF8', 'latin-1', 'iso-8859-1', 'ascii', 'utf-8-sig']:
    with open(p, 'w', encoding=enc) as f:
        print(enc, repr(f.encoding), f.write('abc\n'))
    print(raw())
with open(p, 'w', encoding='latin-1') as f:
    f.write('caf\xe9 \xff\n')
print(raw())
with open(p, encoding='latin-1') as f:
    print(repr(f.read()))
with open(p, 'w', encoding='utf-8') as f:
    f.write('caf\xe9 \u20ac \U0001f600\n')
print(raw())
with open(p, encoding='utf-8') as f:
    print(repr(f.read()), f.tell())

# utf-8-sig: a BOM is written first, and skipped when read
with open(p, 'w', encoding='utf-8-sig') as f:
    f.write('x')
    f.write('y')
print(raw())
with open(p, encoding='utf-8-sig') as f:
    print(repr(f.read()))
with open(p, encoding='utf-8') as f:
    print(repr(f.read()))
with open(p, 'a', encoding='utf-8-sig') as f:
    f.write('z')
print(raw())

# decoding errors
with open(p, 'wb') as f:
    f.write(b'ok \xff\xfe bad\n')
try:
    with open(p, encoding='utf-8') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
for errors in ['replace', 'ignore', 'backslashreplace']:
    with open(p, encoding='utf-8', errors=errors) as f:
        print(errors, repr(f.read()), f.errors)
try:
    with open(p, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)

# encoding errors
try:
    with open(p, 'w', encoding='ascii') as f:
        f.write('caf\xe9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
for errors in ['replace', 'ignore', 'backslashreplace']:
    with open(p, 'w', encoding='ascii', errors=errors) as f:
        f.write('caf\xe9!')
    print(errors, raw())
try:
    open(p, encoding='no-such-codec')
except LookupError as e:
    print('LookupError:', e)

# a multibyte character split across reads
with open(p, 'w', encoding='utf-8') as f:
    f.write('\u20ac' * 5000 + '\n' + 'é' * 3000)
with open(p, encoding='utf-8') as f:
    a = f.read(4999)
    b = f.readline()
    c = f.read()
print(len(a), len(b), len(c), set(a), set(c))

# newline translation on reading
with open(p, 'wb') as f:
    f.write(b'a\nb\r\nc\rd\r\n\r\ne')
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(p, newline=nl) as f:
        lines = f.readlines()
        print(repr(nl), lines, repr(f.newlines))
    with open(p, newline=nl) as f:
        print(repr(nl), repr(f.read()))
with open(p) as f:
    print(repr(f.readline()), repr(f.newlines))
    print(repr(f.readline()), repr(f.newlines))
    print(repr(f.readline()), repr(f.newlines))

# newline translation on writing
for nl in [None, '', '\n', '\r', '\r\n']:
    with open(p, 'w', newline=nl) as f:
        f.write('1\n2\r\n3\r4')
    print(repr(nl), raw())

# \r\n split at a chunk boundary
with open(p, 'wb') as f:
    f.write(b'x' * 8191 + b'\r\n' + b'y\r' + b'\n' * 3)
with open(p) as f:
    lines = f.readlines()
print(len(lines), [len(x) for x in lines], repr(lines[-1]))
with open(p, newline='') as f:
    lines = f.readlines()
print(len(lines), [len(x) for x in lines])

# in memory
t = io.TextIOWrapper(io.BytesIO(b'l1\r\nl2\rl3\n'), newline='')
print(list(t))
t = io.TextIOWrapper(io.BytesIO(b'plain'), encoding='ascii')
print(t.read())

shutil.rmtree(d)
