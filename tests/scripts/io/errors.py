# What goes wrong with files, and how it is reported.
import os
import io
import tempfile
import shutil

d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    f.write('data\n')


def short(v):
    return str(v).replace(d, '<tmp>')


def attempt(what, fn, *args, **kw):
    try:
        r = fn(*args, **kw)
    except Exception as e:
        print(what, '->', type(e).__name__ + ':', short(e))
        if isinstance(e, OSError):
            print('   errno', e.errno, 'strerror', e.strerror, 'filename', short(e.filename))
    else:
        print(what, '->', short(repr(r)))


attempt('missing file', open, os.path.join(d, 'missing.txt'))
attempt('missing dir', open, os.path.join(d, 'no', 'such', 'x.txt'), 'w')
attempt('a directory', open, d)
attempt('a directory for writing', open, d, 'w')
attempt('exclusive on existing', open, p, 'x')
attempt('bytes name missing', open, os.path.join(d, 'missing.txt').encode())
attempt('float', open, 3.5)
attempt('list', open, [])
attempt('None', open, None)
attempt('bad fd', open, -1)
attempt('embedded NUL', open, 'a\0b')
attempt('mode int', open, p, 1)
for mode in ['rw', 'rr', 'b', 'tb', 'q', 'U', 'r++', 'wx', '']:
    attempt('mode %r' % mode, open, p, mode)
attempt('encoding in binary', open, p, 'rb', encoding='utf-8')
attempt('errors in binary', open, p, 'rb', errors='strict')
attempt('newline in binary', open, p, 'rb', newline='')
attempt('unbuffered text', open, p, 'r', buffering=0)
attempt('bad newline', open, p, 'r', newline='x')
attempt('newline type', open, p, 'r', newline=5)
attempt('encoding type', open, p, 'r', encoding=5)
attempt('unknown keyword', open, p, bogus=1)
attempt('closefd with name', open, p, closefd=False)
attempt('unknown encoding', open, p, encoding='nope')

# closed files
for mode in ['r', 'rb', 'w', 'wb', 'r+b']:
    f = open(p, mode)
    f.close()
    f.close()
    print(mode, 'closed', f.closed)
    for name in ['read', 'readline', 'write', 'seek', 'tell', 'flush', 'fileno', 'isatty',
                 'readable', 'writable', 'seekable', '__iter__', '__enter__', 'readlines']:
        args = {'write': ['x' if 'b' not in mode else b'x'], 'seek': [0]}.get(name, [])
        attempt('  ' + name, getattr(f, name), *args)
    attempt('  next', next, f)

# operations the mode does not allow
with open(p) as f:
    attempt('write on r', f.write, 'x')
    attempt('writelines on r', f.writelines, ['x'])
    attempt('truncate on r', f.truncate)
with open(p, 'w') as f:
    attempt('read on w', f.read)
    attempt('readline on w', f.readline)
    attempt('iterate w', list, f)
with open(p, 'rb') as f:
    attempt('write on rb', f.write, b'x')
    attempt('write str on rb', f.write, 'x')
with open(p, 'wb') as f:
    attempt('read on wb', f.read)
    attempt('write str on wb', f.write, 'text')
with open(p, 'w') as f:
    attempt('write bytes on w', f.write, b'x')
    attempt('write int on w', f.write, 3)
with open(p) as f:
    attempt('seek bad whence', f.seek, 0, 3)
    attempt('seek negative', f.seek, -1)
    attempt('seek cur nonzero', f.seek, 1, 1)
    attempt('seek end nonzero', f.seek, -1, 2)
    attempt('read str size', f.read, 'x')
    attempt('read float size', f.read, 1.5)
with open(p, 'rb') as f:
    attempt('binary seek bad whence', f.seek, 0, 7)
    attempt('binary read -2', f.read, -2)
    attempt('readinto bytes', f.readinto, b'xx')
with open(p, 'rb', buffering=0) as f:
    attempt('raw write', f.write, b'x')

# telling during iteration
with open(p) as f:
    for line in f:
        attempt('tell in a loop', f.tell)
    attempt('tell after the loop', f.tell)

# UnsupportedOperation is both an OSError and a ValueError
print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
print(io.UnsupportedOperation.__mro__)
try:
    with open(p) as f:
        f.write('x')
except ValueError as e:
    print('caught as ValueError:', e)
try:
    with open(p) as f:
        f.write('x')
except OSError as e:
    print('caught as OSError:', e)

# os-level errors name the file
attempt('remove missing', os.remove, os.path.join(d, 'missing'))
attempt('rmdir file', os.rmdir, p)
attempt('rmdir non-empty', os.rmdir, d)
attempt('mkdir existing', os.mkdir, d)
attempt('listdir file', os.listdir, p)
attempt('rename missing', os.rename, os.path.join(d, 'a'), os.path.join(d, 'b'))
attempt('stat missing', os.stat, os.path.join(d, 'missing'))
attempt('stat float', os.stat, 1.5)
attempt('chdir missing', os.chdir, os.path.join(d, 'missing'))
attempt('read bad fd', os.read, 9999, 1)
attempt('close bad fd', os.close, 9999)

shutil.rmtree(d)
