# Threads using files: each its own file, and several sharing one file
# object for writing and for reading. Every write is whole and no line is
# lost, read twice or torn.
import os
import threading
import tempfile
import shutil

d = tempfile.mkdtemp()
N = 4
LINES = 2000


def own_file(i):
    with open(os.path.join(d, 'own%d.txt' % i), 'w') as f:
        for j in range(LINES):
            f.write('thread %d line %d\n' % (i, j))


threads = [threading.Thread(target=own_file, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for i in range(N):
    with open(os.path.join(d, 'own%d.txt' % i)) as f:
        lines = f.read().splitlines()
    print(i, len(lines), lines[0], lines[-1], lines == ['thread %d line %d' % (i, j) for j in range(LINES)])

# one text file shared by all writers
shared = open(os.path.join(d, 'shared.txt'), 'w')


def shared_writer(i):
    for j in range(LINES):
        shared.write('w%d-%d\n' % (i, j))


threads = [threading.Thread(target=shared_writer, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.close()
with open(os.path.join(d, 'shared.txt')) as f:
    got = f.read().splitlines()
want = ['w%d-%d' % (i, j) for i in range(N) for j in range(LINES)]
print(len(got), sorted(got) == sorted(want))
for i in range(N):
    mine = [x for x in got if x.startswith('w%d-' % i)]
    print(i, mine == ['w%d-%d' % (i, j) for j in range(LINES)])

# one binary file shared by writers
shared = open(os.path.join(d, 'shared.bin'), 'wb')


def binary_writer(i):
    for j in range(LINES):
        shared.write(b'%d:%d;' % (i, j))


threads = [threading.Thread(target=binary_writer, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.close()
with open(os.path.join(d, 'shared.bin'), 'rb') as f:
    parts = f.read().decode().split(';')[:-1]
print(len(parts), sorted(parts) == sorted('%d:%d' % (i, j) for i in range(N) for j in range(LINES)))

# one binary file shared by readers: each line goes to exactly one reader
# (CPython's text layer does not promise that; its buffered one does)
reader = open(os.path.join(d, 'shared.txt'), 'rb')
results = [[] for _ in range(N)]


def shared_reader(i):
    while True:
        line = reader.readline()
        if not line:
            break
        results[i].append(line)


threads = [threading.Thread(target=shared_reader, args=(i,)) for i in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
reader.close()
everything = [x for r in results for x in r]
print(len(everything), sorted(x.decode().rstrip('\n') for x in everything) == sorted(want))

shutil.rmtree(d)
