# os.fork, waitpid and the wait-status helpers, register_at_fork, signals.
import os
import signal
import time

# Exit codes come back through waitpid.
codes = []
for code in (0, 1, 7, 255):
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    got, status = os.waitpid(pid, 0)
    assert got == pid
    codes.append((os.WIFEXITED(status), os.WEXITSTATUS(status),
                  os.waitstatus_to_exitcode(status)))
print(codes)

# A child killed by a signal.
pid = os.fork()
if pid == 0:
    time.sleep(30)
    os._exit(0)
os.kill(pid, signal.SIGKILL)
_, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGKILL,
      os.waitstatus_to_exitcode(status))

# WNOHANG while the child runs, then os.wait().
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    os.read(r, 1)
    os._exit(3)
os.close(r)
print(os.waitpid(pid, os.WNOHANG))
os.write(w, b'x')
got, status = os.wait()
print(got == pid, os.waitstatus_to_exitcode(status))
os.close(w)

# The child sees its parent.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.write(w, str(os.getppid()).encode())
    os._exit(0)
os.close(w)
print(int(os.read(r, 100).decode()) == os.getpid())
os.close(r)
os.waitpid(pid, 0)

# register_at_fork hooks.
events = []
os.register_at_fork(before=lambda: events.append('before1'),
                    after_in_parent=lambda: events.append('parent'))
os.register_at_fork(before=lambda: events.append('before2'),
                    after_in_child=lambda: os._exit(len(events)))
pid = os.fork()
if pid == 0:
    os._exit(99)
_, status = os.waitpid(pid, 0)
print(events, os.waitstatus_to_exitcode(status))
for bad in ({}, {'before': 1}):
    try:
        os.register_at_fork(**bad)
    except TypeError as e:
        print('TypeError:', e)

for bad in (-1, 1 << 20):
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print('ValueError:', e)

# Signal handlers run in the main thread.
got = []
old = signal.signal(signal.SIGUSR1, lambda signum, frame: got.append(signum))
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got == [signal.SIGUSR1])
signal.signal(signal.SIGUSR1, signal.SIG_IGN)
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_IGN, len(got))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
try:
    signal.signal(signal.SIGKILL, lambda s, f: None)
except OSError as e:
    print('OSError', e.errno)
try:
    signal.signal(signal.SIGUSR2, 'nope')
except TypeError as e:
    print('TypeError:', e)
try:
    signal.signal(1000, signal.SIG_DFL)
except ValueError as e:
    print('ValueError:', e)
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print('KeyboardInterrupt')

# A handler that raises: the exception comes out where the signal arrived.
def on_alarm(signum, frame):
    raise TimeoutError('alarm')

signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
try:
    time.sleep(5)
except TimeoutError as e:
    print('caught', e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
