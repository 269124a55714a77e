import errno
import os

names = sorted(n for n in dir(errno) if n.startswith("E"))
print(len(names))
for n in names:
    print(n, getattr(errno, n))
print(len(errno.errorcode))
print(list(errno.errorcode.items()))
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EAGAIN], errno.errorcode[errno.EDEADLK])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.ENOTSUP == errno.EOPNOTSUPP)
try:
    open("/nonexistent-dir-for-errno-test/x")
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
try:
    os.mkdir(".")
except FileExistsError as e:
    print(e.errno == errno.EEXIST)
