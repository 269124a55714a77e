e = OSError(2, 'No such file or directory', 'x.txt')
print(type(e).__name__, e, e.errno, e.strerror, e.filename, e.args)
print(OSError(1, 'x').__class__.__name__, OSError('plain'), OSError().errno)
class MyErr(OSError): pass
m = MyErr(13, 'denied')
print(type(m).__name__, m, isinstance(m, PermissionError))
print(issubclass(ConnectionResetError, ConnectionError), issubclass(FileExistsError, OSError))
try:
    raise FileNotFoundError(2, 'nope', 'f')
except OSError as x:
    print(repr(x), x)
