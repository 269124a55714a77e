# The io class hierarchy: isinstance, subclassing the bases, buffered and
# text layers over Python-written raw streams, pipes.
import io
import os

print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)
print(io.open is open, io.BlockingIOError is BlockingIOError)
for cls in [io.FileIO, io.BufferedReader, io.BufferedWriter, io.BufferedRandom, io.TextIOWrapper,
            io.StringIO, io.BytesIO]:
    print(cls.__name__, cls.__module__, [issubclass(cls, b) for b in
          (io.IOBase, io.RawIOBase, io.BufferedIOBase, io.TextIOBase)])
print(repr(io.UnsupportedOperation), repr(io.TextIOWrapper), repr(io.StringIO))


class Counter(io.RawIOBase):
    """A raw stream of n bytes 'a', 'b', 'c', ... read in small pieces."""

    def __init__(self, n):
        self.n = n
        self.pos = 0
        self.calls = 0

    def readable(self):
        return True

    def readinto(self, b):
        self.calls += 1
        k = min(len(b), 3, self.n - self.pos)
        for i in range(k):
            b[i] = 97 + (self.pos + i) % 26
        self.pos += k
        return k


c = Counter(10)
print(isinstance(c, io.RawIOBase), isinstance(c, io.IOBase), c.readable(), c.writable(), c.seekable(), c.closed)
print(c.read(5), c.read(), c.read(), c.calls)
c = Counter(30)
print(c.readall())
c = Counter(8)
print(c.readline(), c.readlines())
c = Counter(8)
print(list(c))
br = io.BufferedReader(Counter(40), buffer_size=8)
print(br.read(5), br.peek(2)[:2], br.read1(100), br.readline(), br.read())
tw = io.TextIOWrapper(io.BufferedReader(Counter(26)), encoding='ascii')
print(repr(tw.read()))
with Counter(3) as c:
    print(c.read())
print(c.closed)
try:
    c.read()
except ValueError as e:
    print('ValueError:', e)
try:
    io.RawIOBase().read()
except (NotImplementedError, AttributeError, io.UnsupportedOperation) as e:
    print(type(e).__name__)
for name in ['fileno', 'seek', 'truncate']:
    try:
        getattr(io.RawIOBase(), name)(*([0] if name == 'seek' else []))
    except io.UnsupportedOperation as e:
        print(name, 'UnsupportedOperation:', e)
print(io.RawIOBase().isatty(), io.IOBase().readable())


class Sink(io.RawIOBase):
    def __init__(self):
        self.chunks = []

    def writable(self):
        return True

    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)


s = Sink()
bw = io.BufferedWriter(s, buffer_size=4)
print(bw.write(b'ab'), s.chunks, bw.write(b'cdef'), bw.flush(), s.chunks)
tw = io.TextIOWrapper(io.BufferedWriter(Sink()), encoding='utf-8', line_buffering=True)
tw.write('no newline yet')
print(tw.buffer.raw.chunks)
tw.write(' now\n')
print(tw.buffer.raw.chunks, tw.line_buffering)


class Loud(io.StringIO):
    def __init__(self, *args):
        super().__init__(*args)
        self.log = []

    def write(self, s):
        self.log.append(s)
        return super().write(s)


l = Loud('initial')
l.seek(0, 2)
print('x', 'y', file=l)
print(repr(l.getvalue()), l.log)


class Wrapper(io.BytesIO):
    def read(self, n=-1):
        return super().read(n) * 2


print(Wrapper(b'abc').read(), isinstance(Wrapper(), io.BytesIO))


class Custom(io.TextIOBase):
    def __init__(self):
        self.lines = ['a\n', 'b\n']

    def readline(self, size=-1):
        return self.lines.pop(0) if self.lines else ''


print(list(Custom()), Custom().readlines(), Custom().encoding, Custom().newlines)
try:
    Custom().write('x')
except io.UnsupportedOperation as e:
    print('UnsupportedOperation:', e)

# a pipe: not seekable
r, w = os.pipe()
os.write(w, 'line one\nline two\nwith é\n'.encode())
os.close(w)
with open(r) as f:
    print(repr(f), f.seekable(), f.readline(), f.read(), end='')
    try:
        f.tell()
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
    try:
        f.seek(0)
    except io.UnsupportedOperation as e:
        print('UnsupportedOperation:', e)
r, w = os.pipe()
with open(w, 'wb') as f, open(r, 'rb') as g:
    f.write(b'piped bytes')
    f.flush()
    print(g.read1(100), f.seekable())
