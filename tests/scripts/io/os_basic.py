# The os module: directories, stat, environment, descriptors.
import os
import stat
import sys
import tempfile

print(os.name, repr(os.sep), repr(os.pathsep), repr(os.linesep), os.devnull, os.curdir, os.pardir, os.extsep, os.altsep)
print(os.path is sys.modules['os.path'], os.path.__name__, os.error is OSError)
print(type(os.getpid()).__name__, os.getpid() > 0, os.getppid() > 0, type(os.getuid()).__name__)
print(type(os.cpu_count()).__name__, len(os.urandom(16)), type(os.urandom(0)).__name__)
print(os.strerror(2), '|', os.strerror(13))
print(os.fspath('a'), os.fspath(b'b'))


class P(os.PathLike):
    def __fspath__(self):
        return 'from-fspath'


print(os.fspath(P()), isinstance(P(), os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print('TypeError:', e)
print(os.fsencode('x\xe9'), os.fsdecode(b'x\xc3\xa9'))

start = os.getcwd()
d = tempfile.mkdtemp()
os.chdir(d)
print(os.getcwd() == os.path.realpath(d), os.listdir(), os.listdir('.'))
os.mkdir('sub')
os.mkdir('sub/inner', 0o755)
with open('sub/file.txt', 'w') as f:
    f.write('12345')
print(sorted(os.listdir('sub')), sorted(os.listdir(b'sub')))

st = os.stat('sub/file.txt')
print(type(st).__name__, st.st_size, st[stat.ST_SIZE], len(st), stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8], st.st_nlink)
print(stat.S_ISDIR(os.stat('sub').st_mode), os.lstat('sub').st_mode == os.stat('sub').st_mode)
os.utime('sub/file.txt', (1000000000, 1500000000))
st = os.stat('sub/file.txt')
print(st.st_atime, st.st_mtime, st[7], st[8])
os.utime('sub/file.txt', ns=(1234567890123456789, 1234567890987654321))
st = os.stat('sub/file.txt')
print(st.st_mtime_ns, st.st_atime_ns)
os.chmod('sub/file.txt', 0o640)
print(oct(stat.S_IMODE(os.stat('sub/file.txt').st_mode)), stat.filemode(os.stat('sub/file.txt').st_mode))
print(os.access('sub/file.txt', os.F_OK), os.access('sub/missing', os.F_OK), os.access('sub', os.R_OK | os.X_OK))
r = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
print(r, r.st_mode, r.st_ctime)

# symbolic links
os.symlink('file.txt', 'sub/link')
print(os.path.islink('sub/link'), os.readlink('sub/link'), os.stat('sub/link').st_size, stat.S_ISLNK(os.lstat('sub/link').st_mode))

# scandir
with os.scandir('sub') as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.name, e.path, e.is_dir(), e.is_file(), e.is_symlink(), e.is_file(follow_symlinks=False),
          os.fspath(e), e.stat().st_size == os.stat(e.path).st_size, e.inode() == os.lstat(e.path).st_ino)
print(sorted(e.path for e in os.scandir()))

# walk
os.makedirs('tree/a/b/c')
os.makedirs('tree/a/b', exist_ok=True)
try:
    os.makedirs('tree/a/b')
except FileExistsError as e:
    print('FileExistsError:', e)
for name in ['tree/top.txt', 'tree/a/one.txt', 'tree/a/b/two.txt']:
    open(name, 'w').close()
for root, dirs, files in os.walk('tree'):
    dirs.sort()
    print(root, dirs, sorted(files))
for root, dirs, files in os.walk('tree', topdown=False):
    print(root, sorted(dirs), sorted(files))
errors = []
print(list(os.walk('missing', onerror=errors.append)), [type(e).__name__ for e in errors])

# rename, replace, remove, removedirs
os.rename('sub/file.txt', 'sub/renamed.txt')
open('sub/other.txt', 'w').close()
os.replace('sub/other.txt', 'sub/renamed.txt')
print(sorted(os.listdir('sub')))
os.remove('sub/renamed.txt')
os.unlink('sub/link')
os.rmdir('sub/inner')
print(os.listdir('sub'))
os.rmdir('sub')
for name in ['tree/top.txt', 'tree/a/one.txt', 'tree/a/b/two.txt']:
    os.remove(name)
os.removedirs('tree/a/b/c')
print(os.listdir())

# the environment
os.environ['GILPY_OS_TEST'] = 'value'
print(os.environ['GILPY_OS_TEST'], os.getenv('GILPY_OS_TEST'), 'GILPY_OS_TEST' in os.environ)
print(os.environ.get('GILPY_OS_MISSING'), os.getenv('GILPY_OS_MISSING', 'default'))
os.environ.setdefault('GILPY_OS_TEST2', 'two')
print(os.environ.pop('GILPY_OS_TEST2'), os.environ.pop('GILPY_OS_TEST2', 'gone'))
del os.environ['GILPY_OS_TEST']
try:
    os.environ['GILPY_OS_TEST']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError:', e)
print(type(os.environ).__name__, isinstance(dict(os.environ), dict), len(os.environ) == len(list(os.environ)))
os.putenv('GILPY_OS_PUT', 'p')
os.unsetenv('GILPY_OS_PUT')
print(os.get_exec_path(env={'PATH': '/a:/b'}))

# descriptors
fd = os.open('fd.bin', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
print(type(fd).__name__, os.write(fd, b'hello fd'), os.lseek(fd, 0, os.SEEK_CUR), os.isatty(fd))
os.fsync(fd)
os.close(fd)
fd = os.open('fd.bin', os.O_RDONLY)
print(os.read(fd, 5), os.read(fd, 100), os.read(fd, 100), os.lseek(fd, 1, os.SEEK_SET), os.read(fd, 3))
print(os.fstat(fd).st_size, os.path.getsize('fd.bin'))
fd2 = os.dup(fd)
os.lseek(fd2, 0, 0)
print(os.read(fd, 2))
fd3 = os.open(os.devnull, os.O_RDONLY)
os.dup2(fd, fd3)
print(os.read(fd3, 2))
for x in (fd, fd2, fd3):
    os.close(x)
r, w = os.pipe()
print(os.write(w, b'through a pipe'), os.read(r, 7), os.read(r, 100))
os.close(w)
print(os.read(r, 10))
os.close(r)
with os.fdopen(os.open('fd.bin', os.O_RDONLY)) as f:
    print(repr(f.read()))
os.truncate('fd.bin', 2)
print(os.path.getsize('fd.bin'))
os.remove('fd.bin')
old = os.umask(0o022)
print(os.umask(old) == 0o022)
os.kill(os.getpid(), 0)
print(sorted(os.terminal_size((80, 24))), os.terminal_size((80, 24)))
try:
    os.get_terminal_size(os.open(os.devnull, os.O_RDONLY))
except OSError as e:
    print('OSError', e.errno)

os.chdir(start)
os.rmdir(d)
print(os.path.exists(d))
