# Files dropped without close() are closed (and flushed) when they go:
# 10,000 of them leave no descriptor open and lose no data.
import os
import tempfile
import shutil


def open_fds():
    return len(os.listdir('/proc/self/fd'))


d = tempfile.mkdtemp()
p = os.path.join(d, 'f.txt')
with open(p, 'w') as f:
    f.write('content\n')

before = open_fds()
for i in range(10000):
    f = open(p)
    f.readline()
f = None
print('text readers leaked', open_fds() - before)

before = open_fds()
for i in range(10000):
    open(p, 'rb')
print('binary readers leaked', open_fds() - before)

before = open_fds()
for i in range(2000):
    f = open(os.path.join(d, 'w%d.txt' % (i % 20)), 'w')
    f.write('written %d\n' % i)
f = None
print('writers leaked', open_fds() - before)
with open(os.path.join(d, 'w19.txt')) as f:
    print(repr(f.read()))

before = open_fds()
for i in range(1000):
    f = open(p, 'rb', buffering=0)
    f = open(p, 'r+b')
f = None
print('raw and random leaked', open_fds() - before)


def make_and_drop(n):
    files = [open(p) for _ in range(n)]
    return sum(1 for x in files if not x.closed)


print(make_and_drop(100))
print('after a list of files', open_fds() - before)

shutil.rmtree(d)
