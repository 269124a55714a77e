# Popen: pipes, communicate, wait/poll, signals, the context manager.
import io
import os
import subprocess
import sys
import tempfile

PY = sys.executable

p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(type(p.pid).__name__, p.pid > 0, p.returncode, p.poll())
out, err = p.communicate(b"abc\n")
print(out, err, p.returncode, p.wait(), p.poll())
print(repr(p))
p = subprocess.Popen(["echo", "a" * 100], stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))

# Big outputs on both pipes at once (no deadlock), big input.
big = b"0123456789abcdef" * 100000
code = ("import sys; d = sys.stdin.buffer.read(); "
        "sys.stdout.buffer.write(d); sys.stderr.buffer.write(d[::-1])")
p = subprocess.Popen([PY, "-c", code], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(big)
print(len(out), out == big, err == big[::-1], p.returncode)
p = subprocess.Popen(["sh", "-c", "cat; echo done >&2"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
out, err = p.communicate(big, timeout=60)
print(len(out), err)

# Text mode pipes
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      text=True) as p:
    print(type(p.stdin).__name__, type(p.stdout).__name__)
    p.stdin.write("line 1\nline 2\n")
    p.stdin.close()
    print(p.stdout.readline(), end="")
    print(list(p.stdout))
print(p.returncode)
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      universal_newlines=True, bufsize=1) as p:
    p.stdin.write("x\n")
    print(repr(p.stdout.readline()))
print(p.returncode, p.universal_newlines)
with subprocess.Popen(["printf", "caf\\303\\251 \\377"], stdout=subprocess.PIPE,
                      encoding="utf-8", errors="replace") as p:
    print(repr(p.stdout.read()))
p = subprocess.Popen(["printf", "a\\r\\nb"], stdout=subprocess.PIPE, text=True)
print(repr(p.communicate()[0]))

# Unbuffered binary pipes
with subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                      bufsize=0) as p:
    print(type(p.stdin).__name__)
    p.stdin.write(b"raw")
    p.stdin.close()
    print(p.stdout.read())

# Files and descriptors as the child's streams
with tempfile.TemporaryFile() as f:
    subprocess.run(["echo", "to a file"], stdout=f)
    subprocess.run(["sh", "-c", "echo err line >&2"], stderr=f.fileno())
    f.seek(0)
    print(f.read())
    f.seek(0)
    print(subprocess.run(["cat"], stdin=f, capture_output=True).stdout)
r, w = os.pipe()
subprocess.run(["echo", "through a pipe"], stdout=w)
os.close(w)
print(os.read(r, 100))
os.close(r)

# wait with a timeout, poll, terminate, kill, send_signal
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print(e)
print(p.poll())
p.terminate()
print(p.wait(), p.returncode == -15)
p.kill()  # already reaped: nothing happens
p = subprocess.Popen(["sleep", "10"])
p.kill()
print(p.wait())
p = subprocess.Popen(["sleep", "10"])
p.send_signal(2)  # SIGINT
print(p.wait())
p = subprocess.Popen([PY, "-c", "import sys; sys.exit(4)"])
print(p.wait(timeout=30))
p = subprocess.Popen(["sh", "-c", "exit 6"])
while p.poll() is None:
    pass
print(p.returncode)

# communicate with a timeout, then again to get the rest
p = subprocess.Popen(["sh", "-c", "echo first; sleep 1; echo second"],
                     stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.4)
except subprocess.TimeoutExpired as e:
    print("timed out with", e.output)
print(p.communicate())
try:
    p.communicate(b"late")
except ValueError as e:
    print(e)

# start_new_session, pass_fds, args given as a string, bytes or path
p = subprocess.run([PY, "-c", "import os; print(os.getsid(0) == os.getpid())"],
                   start_new_session=True, capture_output=True, text=True)
print(p.stdout.strip() in ("True", ""), p.returncode in (0, 1))
r, w = os.pipe()
subprocess.run(["sh", "-c", f"echo passed >&{w}"], pass_fds=[w])
os.close(w)
print(os.read(r, 100))
os.close(r)
print(subprocess.run("true").returncode, subprocess.run(b"true").returncode)
print(subprocess.run(["sh", "-c", "echo $0", "zero"], capture_output=True).stdout)
print(subprocess.run(["ignored", "-c", "echo $0"], executable="sh",
                     capture_output=True).stdout)

# the context manager closes the pipes and waits
with subprocess.Popen(["true"], stdout=subprocess.PIPE) as p:
    pass
print(p.stdout.closed, p.returncode)
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
