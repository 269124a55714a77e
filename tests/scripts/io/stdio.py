# sys.stdout, sys.stderr and sys.stdin are text streams (stdin is
# /dev/null when the golden scripts run; nothing here depends on
# PYTHONUNBUFFERED, which makes CPython's sys.stdout.buffer a FileIO).
import sys
import io
import contextlib

print(repr(sys.stdout), str(sys.stdout) == repr(sys.stdout))
print(repr(sys.stderr))
print(repr(sys.stdin))
print(type(sys.stdout).__name__, isinstance(sys.stdout, io.TextIOWrapper), isinstance(sys.stdout, io.TextIOBase))
print(sys.stdout is sys.__stdout__, sys.stderr is sys.__stderr__, sys.stdin is sys.__stdin__)
print(sys.stdout.name, sys.stdout.mode, sys.stdout.encoding, sys.stderr.errors)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno())
print(sys.stdout.writable(), sys.stdout.readable(), sys.stdin.readable(), sys.stdin.writable())
print(sys.stdout.isatty(), sys.stdout.buffer.name)

n = sys.stdout.write('written directly\n')
print(n)
sys.stdout.flush()
print(sys.stdout.buffer.write(b'bytes through the buffer\n'))
sys.stdout.buffer.flush()
print('after the buffer')
sys.stdout.writelines(['one ', 'two\n'])
print('a', 'b', sep='-', end='!\n', flush=True)
print(file=sys.stdout)
print('to stderr', file=sys.stderr)
sys.stderr.write('stderr write\n')
sys.stderr.flush()

try:
    sys.stdout.write(b'bytes')
except TypeError as e:
    print('TypeError:', e)
try:
    sys.stdout.read()
except io.UnsupportedOperation as e:
    print('UnsupportedOperation:', e)
try:
    sys.stdin.write('x')
except io.UnsupportedOperation as e:
    print('UnsupportedOperation:', e)

# stdin at its end
print(repr(sys.stdin.read()), repr(sys.stdin.readline()), sys.stdin.readlines(), list(sys.stdin))
try:
    input('prompt> ')
except EOFError as e:
    print()
    print('EOFError:', e)

# replacing sys.stdout
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print('captured', 42)
    sys.stdout.write('also captured\n')
print(repr(buf.getvalue()))
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print('to the captured stderr', file=sys.stderr)
print(repr(err.getvalue()))
old = sys.stdout
sys.stdout = io.StringIO()
print('hidden')
hidden = sys.stdout.getvalue()
sys.stdout = old
print(repr(hidden))


class Recorder:
    def __init__(self):
        self.calls = []

    def write(self, s):
        self.calls.append(s)

    def flush(self):
        self.calls.append('<flush>')


r = Recorder()
print('x', 'y', file=r, flush=True)
print(r.calls)
sys.stdout = r
print('via sys.stdout')
sys.stdout = sys.__stdout__
print(r.calls[-2:])

# None as sys.stdout: print does nothing
sys.stdout = None
print('lost')
sys.stdout = sys.__stdout__
print('back')
