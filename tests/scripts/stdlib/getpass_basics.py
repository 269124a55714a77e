import getpass
import io
import os
import sys
import warnings

names = ("LOGNAME", "USER", "LNAME", "USERNAME")
saved = {n: os.environ.pop(n, None) for n in names}
os.environ["USERNAME"] = "from_username"
print(getpass.getuser())
os.environ["LNAME"] = "from_lname"
print(getpass.getuser())
os.environ["USER"] = ""
print(getpass.getuser())
os.environ["LOGNAME"] = "from_logname"
print(getpass.getuser())
for n in names:
    os.environ.pop(n, None)
print(type(getpass.getuser()).__name__)
for n, v in saved.items():
    if v is not None:
        os.environ[n] = v

print(issubclass(getpass.GetPassWarning, UserWarning))
old_stdin = sys.stdin
sys.stdin = io.StringIO("hunter2\nsecond line\n")
out = io.StringIO()
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(repr(getpass.fallback_getpass("Password for db: ", out)))
print([(w.category.__name__, str(w.message)) for w in caught])
print(repr(out.getvalue()))
print(repr(getpass._raw_input("more: ", out)))
try:
    getpass._raw_input("", out)
except EOFError:
    print("EOFError")
sys.stdin = io.StringIO("no newline")
print(repr(getpass._raw_input()))
sys.stdin = old_stdin
print(getpass.__all__)
