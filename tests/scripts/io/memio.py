# io.StringIO and io.BytesIO.
import io

s = io.StringIO()
print(s.write('hello'), s.write(' wörld\n'), s.tell(), repr(s.getvalue()))
print(s.seek(0), repr(s.read(3)), s.tell(), repr(s.readline()), repr(s.read()))
s.seek(2)
print(s.write('LL'), repr(s.getvalue()), s.tell())
s.seek(20)
print(s.write('x'), repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
s.seek(0)
print(s.truncate(), repr(s.getvalue()))
print(s.readable(), s.writable(), s.seekable(), s.closed, s.line_buffering, s.encoding, s.errors)

s = io.StringIO('a\nbé\nc')
print(s.readlines(), s.tell())
s = io.StringIO('a\nb\nc')
print(list(s), list(s))
s = io.StringIO('line1\nline2\n')
for line in s:
    print(repr(line))
s = io.StringIO('abcdef')
print(repr(s.read(2)), repr(s.readline(2)), repr(s.readline(-1)), repr(s.read(-1)))

# newline handling
for nl in [None, '', '\n', '\r', '\r\n']:
    s = io.StringIO('a\nb\r\nc\rd', newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), repr(s.newlines))
s = io.StringIO(newline=None)
s.write('x\r\ny\rz\n')
print(repr(s.getvalue()), s.newlines)

# errors
for args in [(1, 1), (-1, 0), (0, 3), (1, 2)]:
    try:
        io.StringIO('abc').seek(*args)
    except Exception as e:
        print(type(e).__name__, e)
for bad in [b'x', 3]:
    try:
        io.StringIO(bad)
    except TypeError as e:
        print('TypeError', e)
    try:
        io.StringIO().write(bad)
    except TypeError as e:
        print('TypeError', e)
try:
    io.StringIO(newline='x')
except ValueError as e:
    print('ValueError', e)
s = io.StringIO('abc')
s.close()
print(s.closed)
for name in ['read', 'getvalue', 'tell', 'readline', 'readable']:
    try:
        getattr(s, name)()
    except ValueError as e:
        print(name, 'ValueError', e)
try:
    io.StringIO().detach()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation', e)
with io.StringIO('ctx') as s:
    print(s.read())
print(s.closed)

# subclassing
class Upper(io.StringIO):
    def write(self, text):
        return super().write(text.upper())

u = Upper()
print('to upper', file=u)
print(repr(u.getvalue()), isinstance(u, io.TextIOBase), isinstance(u, io.IOBase))

b = io.BytesIO(b'abc\ndef\n')
print(b.read(2), b.readline(), b.tell(), b.read(), b.read(), b.getvalue())
print(b.seek(0), b.readlines(), b.seek(1), list(b))
b = io.BytesIO()
print(b.write(b'12345'), b.write(bytearray(b'67')), b.getvalue(), b.tell())
print(b.seek(2), b.write(b'xx'), b.getvalue(), b.seek(10), b.write(b'!'), b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(-2, 1), b.read(1), b.seek(-100, 1))
print(b.truncate(4), b.getvalue(), b.tell(), b.truncate(), b.getvalue())
ba = bytearray(3)
b.seek(0)
print(b.readinto(ba), ba, b.read1(), b.getbuffer().tobytes())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.flush(), b.closed)
for args in [(-1,), (0, 5)]:
    try:
        b.seek(*args)
    except ValueError as e:
        print('ValueError', e)
for bad in ['text', 3]:
    try:
        io.BytesIO().write(bad)
    except TypeError as e:
        print('TypeError', e)
b.close()
for name in ['read', 'getvalue', 'tell', 'write']:
    try:
        getattr(b, name)(*([b'x'] if name == 'write' else []))
    except ValueError as e:
        print(name, 'ValueError', e)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.StringIO(), io.BufferedIOBase))

# TextIOWrapper over BytesIO, both directions
raw = io.BytesIO()
t = io.TextIOWrapper(raw, encoding='utf-8')
t.write('héllo\nwörld\n')
t.seek(0)
print(t.readline(), end='')
print(t.tell(), raw.getvalue())
print(t.read(), end='')
print(t.buffer is raw, t.closed)
t.close()
print(raw.closed)
