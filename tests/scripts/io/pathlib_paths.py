# pathlib: pure path arithmetic, then the file system calls.
import os
import pathlib
import tempfile
from pathlib import Path, PurePath, PurePosixPath, PosixPath

for s in ['', '.', '/', '//', '///', 'a', 'a/b', '/a/b/', 'a//b', './a/./b', 'a/../b', '/etc/passwd',
          'archive.tar.gz', '.bashrc', 'a.', 'dir/file.txt', '/a/b.c/d']:
    p = PurePosixPath(s)
    print(repr(s), repr(p), str(p), p.parts, repr(p.name), repr(p.suffix), p.suffixes, repr(p.stem),
          repr(p.root), repr(p.anchor), repr(p.drive), p.is_absolute(), repr(p.parent), list(p.parents))
print(repr(PurePath('x')), repr(Path('x')), type(Path('x')).__name__, Path('x').as_posix())
print(PurePosixPath('a', 'b', '/c', 'd'), PurePosixPath('a') / 'b' / 'c', 'x' / PurePosixPath('y'),
      PurePosixPath('/a') / '/b', PurePosixPath(PurePosixPath('a'), 'b'))
print(PurePosixPath('a/b').joinpath('c', 'd'), os.fspath(PurePosixPath('a/b')), bytes(PurePosixPath('a/b')))
print(PurePosixPath('/a/b').as_uri(), PurePosixPath('/a b/c%').as_uri())
try:
    PurePosixPath('a').as_uri()
except ValueError as e:
    print('ValueError:', e)
try:
    PurePosixPath(b'bytes')
except TypeError as e:
    print('TypeError:', e)

p = PurePosixPath('/usr/lib/python3.11/os.py')
print(p.with_name('x.txt'), p.with_suffix('.pyc'), p.with_suffix(''), p.with_stem('new'),
      PurePosixPath('a').with_suffix('.b'), PurePosixPath('a.tar.gz').with_suffix('.bz2'))
for bad in [lambda: p.with_name(''), lambda: p.with_name('a/b'), lambda: p.with_suffix('x'),
            lambda: p.with_suffix('.'), lambda: PurePosixPath('/').with_name('x'),
            lambda: PurePosixPath('').with_suffix('.x'), lambda: p.relative_to('/etc'),
            lambda: PurePosixPath('a').relative_to('/a')]:
    try:
        bad()
    except ValueError as e:
        print('ValueError:', e)
print(p.relative_to('/usr'), p.relative_to('/usr/lib/python3.11/os.py'), p.relative_to('/'),
      PurePosixPath('a/b').relative_to('a'), p.is_relative_to('/usr'), p.is_relative_to('/etc'))
print(p.parents[0], p.parents[1], p.parents[-1], p.parents[-2], len(p.parents), p.parents[1:3], repr(p.parents))
try:
    p.parents[10]
except IndexError as e:
    print('IndexError', e)

# comparison, hashing, sorting
a, b = PurePosixPath('a/b'), PurePosixPath('a//b/')
print(a == b, hash(a) == hash(b), a == 'a/b', a != PurePosixPath('a/c'), PurePosixPath('a') < PurePosixPath('b'),
      sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a'), PurePosixPath('/z')]),
      len({a, b, PurePosixPath('c')}), PurePosixPath('x') == Path('x'))
try:
    PurePosixPath('a') < 'b'
except TypeError as e:
    print('TypeError:', e)

# match
for path, pat in [('a/b.py', '*.py'), ('/a/b/c.py', 'b/*.py'), ('/a/b/c.py', 'a/*.py'), ('/a/b.py', '/*.py'),
                  ('/a/b.py', '/a/*.py'), ('a/b.py', '*/*/*.py'), ('a.PY', '*.py'), ('x/y', 'y')]:
    print(path, pat, PurePosixPath(path).match(pat))

# the file system
start = os.getcwd()
d = Path(tempfile.mkdtemp()).resolve()
print(d.is_absolute(), d.exists(), d.is_dir(), d.is_file())
os.chdir(d)
print(Path.cwd() == d, Path('.').resolve() == d, Path('x').absolute() == d / 'x', Path('a/../b').resolve() == d / 'b')
f = d / 'hello.txt'
print(f.write_text('hello\nworld\n'), f.read_text(), f.read_bytes(), f.exists(), f.is_file(), f.stat().st_size)
print(f.write_bytes(b'\x00\x01'), f.read_bytes())
try:
    f.write_text(b'x')
except TypeError as e:
    print('TypeError:', e)
with f.open('w') as fh:
    fh.write('via open')
with f.open() as fh:
    print(fh.read(), fh.mode)
(d / 'sub' / 'deep').mkdir(parents=True)
(d / 'sub').mkdir(exist_ok=True)
try:
    (d / 'sub').mkdir()
except FileExistsError as e:
    print('FileExistsError', e.errno)
try:
    (d / 'no' / 'parent').mkdir()
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
for name in ['sub/a.py', 'sub/b.txt', 'sub/deep/c.py', 'sub/deep/.hidden.py', 'top.py']:
    (d / name).touch()
(d / 'top.py').touch()
try:
    (d / 'top.py').touch(exist_ok=False)
except FileExistsError as e:
    print('FileExistsError', e.errno)
print(sorted(x.name for x in d.iterdir()))
print(sorted(str(x.relative_to(d)) for x in d.glob('*.py')))
print(sorted(str(x.relative_to(d)) for x in d.glob('sub/*')))
print(sorted(str(x.relative_to(d)) for x in d.glob('**/*.py')))
print(sorted(str(x.relative_to(d)) for x in d.rglob('*.py')))
print(sorted(str(x.relative_to(d)) for x in d.glob('**')))
print(sorted(str(x.relative_to(d)) for x in d.glob('sub/deep/c.py')), list(d.glob('nothing*')))
print(sorted(str(x.relative_to(d)) for x in d.glob('*/')))
try:
    list(d.glob('/abs'))
except NotImplementedError as e:
    print('NotImplementedError:', e)
try:
    list(d.glob(''))
except ValueError as e:
    print('ValueError:', e)
g = d / 'sub' / 'b.txt'
h = g.rename(d / 'renamed.txt')
print(repr(h.name), g.exists(), h.exists())
(d / 'other.txt').write_text('other')
print((d / 'other.txt').replace(h).name, h.read_text(), (d / 'other.txt').exists())
(d / 'link').symlink_to(h)
print((d / 'link').is_symlink(), (d / 'link').readlink() == h, (d / 'link').resolve() == h, (d / 'link').samefile(h))
(d / 'link').unlink()
(d / 'link').unlink(missing_ok=True)
try:
    (d / 'link').unlink()
except FileNotFoundError as e:
    print('FileNotFoundError', e.errno)
h.chmod(0o600)
print(oct(h.stat().st_mode & 0o777), h.lstat().st_size, h.owner() != '', h.group() != '')
print(Path.home() == Path(os.path.expanduser('~')), Path('~/x').expanduser() == Path.home() / 'x')
(d / 'sub' / 'deep' / 'x').touch()
try:
    (d / 'sub' / 'deep').rmdir()
except OSError as e:
    print(type(e).__name__, e.errno)
for x in sorted(d.rglob('*'), reverse=True):
    if x.is_dir():
        x.rmdir()
    else:
        x.unlink()
print(list(d.iterdir()))
os.chdir(start)
d.rmdir()
print(d.exists(), isinstance(d, os.PathLike), isinstance(d, PurePath), isinstance(d, PosixPath))
