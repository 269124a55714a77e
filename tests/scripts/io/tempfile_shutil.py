# tempfile and shutil.
import os
import stat
import tempfile
import shutil

tmp = tempfile.gettempdir()
print(os.path.isdir(tmp), os.path.isabs(tmp), tempfile.gettempprefix(), tempfile.tempdir == tmp)

fd, name = tempfile.mkstemp()
print(type(fd).__name__, os.path.basename(name).startswith('tmp'), os.path.dirname(name) == tmp,
      oct(stat.S_IMODE(os.stat(name).st_mode)))
os.write(fd, b'mkstemp')
os.close(fd)
with open(name, 'rb') as f:
    print(f.read())
os.remove(name)
fd, name = tempfile.mkstemp(suffix='.txt', prefix='pre_', text=True)
print(os.path.basename(name).startswith('pre_'), name.endswith('.txt'))
os.close(fd)
os.remove(name)

d = tempfile.mkdtemp(prefix='gilpy_', suffix='_dir')
print(os.path.basename(d).startswith('gilpy_'), d.endswith('_dir'), oct(stat.S_IMODE(os.stat(d).st_mode)))
fd, inner = tempfile.mkstemp(dir=d)
os.close(fd)
print(os.path.dirname(inner) == d, len(os.listdir(d)))
print(len(tempfile.mktemp(dir=d)) > len(d))

with tempfile.NamedTemporaryFile(dir=d) as f:
    print(os.path.exists(f.name), f.write(b'named'), f.name.startswith(d))
    f.seek(0)
    print(f.read(), type(f.file).__name__, f.delete)
    named = f.name
print(os.path.exists(named))
with tempfile.NamedTemporaryFile('w+', dir=d, delete=False, suffix='.log') as f:
    f.write('kept')
    kept = f.name
print(os.path.exists(kept), kept.endswith('.log'), open(kept).read())
f = tempfile.NamedTemporaryFile(dir=d)
n = f.name
f.close()
print(os.path.exists(n), f.closed)
with tempfile.TemporaryFile(dir=d) as f:
    f.write(b'anonymous')
    f.seek(0)
    print(f.read(), type(f.name).__name__, len(os.listdir(d)))
with tempfile.TemporaryFile('w+') as f:
    f.write('text')
    f.seek(0)
    print(f.read(), f.mode)
with tempfile.SpooledTemporaryFile(max_size=10, mode='w+b') as f:
    f.write(b'small')
    print(f._rolled)
    f.write(b' but now bigger')
    print(f._rolled)
    f.seek(0)
    print(f.read())

with tempfile.TemporaryDirectory(dir=d) as td:
    print(os.path.isdir(td), td.startswith(d))
    os.makedirs(os.path.join(td, 'a', 'b'))
    open(os.path.join(td, 'a', 'b', 'f'), 'w').close()
print(os.path.exists(td))
t = tempfile.TemporaryDirectory()
print(repr(t).startswith("<TemporaryDirectory '"), os.path.isdir(t.name))
t.cleanup()
t.cleanup()
print(os.path.exists(t.name))

# shutil
src = os.path.join(d, 'src.txt')
with open(src, 'w') as f:
    f.write('source text\n' * 1000)
os.chmod(src, 0o640)
os.utime(src, (1000000000, 1000000000))
print(shutil.copyfile(src, os.path.join(d, 'copy1.txt')) == os.path.join(d, 'copy1.txt'))
print(oct(stat.S_IMODE(os.stat(os.path.join(d, 'copy1.txt')).st_mode)) != '0o640' or True)
c2 = shutil.copy(src, os.path.join(d, 'copy2.txt'))
print(oct(stat.S_IMODE(os.stat(c2).st_mode)), os.stat(c2).st_mtime == 1000000000)
c3 = shutil.copy2(src, os.path.join(d, 'copy3.txt'))
print(oct(stat.S_IMODE(os.stat(c3).st_mode)), os.stat(c3).st_mtime == 1000000000)
os.mkdir(os.path.join(d, 'into'))
print(os.path.relpath(shutil.copy(src, os.path.join(d, 'into')), d))
with open(src) as a, open(c3) as b:
    print(a.read() == b.read())
try:
    shutil.copyfile(src, src)
except shutil.SameFileError as e:
    print('SameFileError', isinstance(e, OSError))
try:
    shutil.copyfile(os.path.join(d, 'missing'), os.path.join(d, 'x'))
except FileNotFoundError as e:
    print('FileNotFoundError', os.path.basename(e.filename))

tree = os.path.join(d, 'tree')
os.makedirs(os.path.join(tree, 'sub', 'deeper'))
for rel in ['a.txt', 'b.py', 'sub/c.txt', 'sub/deeper/d.py']:
    with open(os.path.join(tree, rel), 'w') as f:
        f.write(rel)


def listing(top):
    out = []
    for root, dirs, files in os.walk(top):
        for name in files:
            out.append(os.path.relpath(os.path.join(root, name), top))
    return sorted(out)


print(shutil.copytree(tree, os.path.join(d, 'tree2')) == os.path.join(d, 'tree2'), listing(os.path.join(d, 'tree2')))
shutil.copytree(tree, os.path.join(d, 'tree3'), ignore=shutil.ignore_patterns('*.py'))
print(listing(os.path.join(d, 'tree3')))
try:
    shutil.copytree(tree, os.path.join(d, 'tree3'))
except FileExistsError as e:
    print('FileExistsError', e.errno)
shutil.copytree(tree, os.path.join(d, 'tree3'), dirs_exist_ok=True)
print(listing(os.path.join(d, 'tree3')))

print(os.path.relpath(shutil.move(os.path.join(d, 'copy1.txt'), os.path.join(d, 'moved.txt')), d))
print(os.path.relpath(shutil.move(os.path.join(d, 'moved.txt'), os.path.join(d, 'into')), d))
print(os.path.relpath(shutil.move(os.path.join(d, 'tree2'), os.path.join(d, 'tree4')), d))
try:
    shutil.move(os.path.join(d, 'copy2.txt'), os.path.join(d, 'into'))
    shutil.move(os.path.join(d, 'copy3.txt'), os.path.join(d, 'into', 'copy2.txt'))
    print(sorted(os.listdir(os.path.join(d, 'into'))))
    shutil.move(src, os.path.join(d, 'into'))
    shutil.move(os.path.join(d, 'into', 'src.txt'), os.path.join(d, 'into', 'src.txt'))
except shutil.Error as e:
    print('Error', str(e).replace(d, '<tmp>'))

shutil.rmtree(os.path.join(d, 'tree3'))
print(os.path.exists(os.path.join(d, 'tree3')))
try:
    shutil.rmtree(os.path.join(d, 'missing'))
except FileNotFoundError as e:
    print('FileNotFoundError', os.path.basename(e.filename))
shutil.rmtree(os.path.join(d, 'missing'), ignore_errors=True)
seen = []
shutil.rmtree(os.path.join(d, 'missing'), onerror=lambda f, p, e: seen.append((f.__name__, os.path.basename(p), e[0].__name__)))
print(seen)
copied = []
with open(src if os.path.exists(src) else c2, 'rb') as a:
    import io
    out = io.BytesIO()
    shutil.copyfileobj(a, out, 100)
    print(len(out.getvalue()))

print(shutil.which('sh') is not None, shutil.which('no-such-program-here'), shutil.which('sh', path=''))
usage = shutil.disk_usage(d)
print(type(usage).__name__, usage.total >= usage.used, usage.free > 0, usage._fields)
os.environ['COLUMNS'] = '100'
os.environ['LINES'] = '30'
print(shutil.get_terminal_size())
del os.environ['COLUMNS']
del os.environ['LINES']
print(shutil.get_terminal_size((77, 33)))

shutil.rmtree(d)
print(os.path.exists(d))
