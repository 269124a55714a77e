# os.path (posixpath): the string functions on many inputs, and the ones
# that look at the file system in a temporary directory.
import os
import os.path
import posixpath
import tempfile

print(os.path is posixpath)
samples = ['', '/', '//', '///', 'a', '/a', 'a/', 'a/b', '/a/b/', 'a//b', './a', '../a', 'a/./b',
           'a/../b', '/../a', '.', '..', '...', '.bashrc', 'a.b.c', 'a/b.tar.gz', '/a/.b', 'a.',
           'a..', '//a/b', '///a/b', 'a/b/../../..', '/x/y/./z/..']
for s in samples:
    print(repr(s), os.path.split(s), os.path.splitext(s), repr(os.path.basename(s)),
          repr(os.path.dirname(s)), os.path.isabs(s), repr(os.path.normpath(s)), os.path.splitdrive(s))

print(os.path.join('a', 'b', 'c'), os.path.join('a/', 'b'), os.path.join('a', '/b', 'c'),
      os.path.join('', 'x'), os.path.join('x', ''), os.path.join('/'))
try:
    os.path.join('a', b'b')
except TypeError as e:
    print('TypeError:', e)
try:
    os.path.join('a', 3)
except TypeError as e:
    print('TypeError:', e)

print(os.path.commonprefix(['/usr/lib', '/usr/local', '/usr/libx']), repr(os.path.commonprefix([])))
print(os.path.commonpath(['/usr/lib', '/usr/local/x', '/usr/lib/y']), os.path.commonpath(['a/b', 'a/c']),
      os.path.commonpath(['/a']))
for bad in [[], ['/a', 'b']]:
    try:
        os.path.commonpath(bad)
    except ValueError as e:
        print('ValueError:', e)

print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.relpath('/a/b', '/a/b'),
      os.path.relpath('/x/y', '/a/b'), os.path.relpath('a/b', 'a'))
try:
    os.path.relpath('')
except ValueError as e:
    print('ValueError:', e)

os.environ['GILPY_PATH_VAR'] = 'value'
os.environ['HOME'] = '/home/someone'
for s in ['$GILPY_PATH_VAR/x', '${GILPY_PATH_VAR}y', '$GILPY_PATH_MISSING/z', '${GILPY_PATH_MISSING}', 'a$', '$$',
          '${unclosed', 'no vars', '$GILPY_PATH_VAR$GILPY_PATH_VAR', '$1abc']:
    print(repr(s), repr(os.path.expandvars(s)))
for s in ['~', '~/x', '~root/x' if os.path.isdir('/root') else '~', 'x/~', '']:
    r = os.path.expanduser(s)
    print(repr(s), r if not s.startswith('~root') else r.startswith('/'))
print(os.path.normcase('AbC'), os.path.abspath('/a/./b/../c'), os.path.abspath('x') == os.path.join(os.getcwd(), 'x'))

d = os.path.realpath(tempfile.mkdtemp())
f = os.path.join(d, 'file.txt')
with open(f, 'w') as fh:
    fh.write('12345')
sub = os.path.join(d, 'sub')
os.mkdir(sub)
os.symlink(f, os.path.join(d, 'link'))
os.symlink(os.path.join(d, 'missing'), os.path.join(d, 'dangling'))
os.symlink('sub', os.path.join(d, 'dirlink'))
for name in ['file.txt', 'sub', 'link', 'dangling', 'dirlink', 'missing']:
    p = os.path.join(d, name)
    print(name, os.path.exists(p), os.path.lexists(p), os.path.isfile(p), os.path.isdir(p),
          os.path.islink(p), os.path.ismount(p))
print(os.path.getsize(f), isinstance(os.path.getmtime(f), float), os.path.getatime(f) > 0, os.path.getctime(f) > 0)
print(os.path.samefile(f, os.path.join(d, 'link')), os.path.samefile(f, sub))
print(os.path.realpath(os.path.join(d, 'link')) == f, os.path.realpath(os.path.join(d, 'dirlink', '..', 'sub')) == sub)
print(os.path.realpath(os.path.join(d, 'dangling')) == os.path.join(d, 'missing'))
print(os.path.ismount('/'), os.path.exists(''), os.path.isdir(''))
try:
    os.path.getsize(os.path.join(d, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
for name in ['link', 'dangling', 'dirlink', 'file.txt']:
    os.remove(os.path.join(d, name))
os.rmdir(sub)
os.rmdir(d)
