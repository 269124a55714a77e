# Errors: missing programs, bad arguments, CalledProcessError and
# TimeoutExpired and their messages and attributes.
import subprocess
import sys

PY = sys.executable

for args in (["nosuchprog"], "nosuchprog", ["./nosuchprog", "x"],
             ["/no/such/dir/prog"]):
    try:
        subprocess.run(args)
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.filename, "|", e)

try:
    subprocess.Popen(["echo"], cwd="/no/such/dir")
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.run(["/"])
except PermissionError as e:
    print(type(e).__name__, e)

try:
    subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 2"], check=True,
                   capture_output=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode, e.cmd, e.output, e.stdout, e.stderr)
    print(isinstance(e, subprocess.SubprocessError))
try:
    subprocess.check_call("exit 3", shell=True)
except subprocess.CalledProcessError as e:
    print(e, e.output, e.stderr)
try:
    subprocess.check_output([PY, "-c", "print('partial'); raise SystemExit(9)"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)
try:
    subprocess.run(["sh", "-c", "kill -9 $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
    print(e.returncode)
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)

e = subprocess.CalledProcessError(1, "cmd", output=b"o", stderr=b"e")
print(str(e), e.stdout, e.stderr)
e.stdout = b"new"
print(e.output)
print(str(subprocess.CalledProcessError(-200, ["x"])))
print(str(subprocess.CalledProcessError(0, "x")))

try:
    subprocess.run(["sh", "-c", "echo early; sleep 10"], timeout=0.3,
                   capture_output=True)
except subprocess.TimeoutExpired as e:
    print(e)
    print(e.cmd, e.timeout, e.output, e.stdout, e.stderr)
    print(isinstance(e, subprocess.SubprocessError))
try:
    subprocess.check_output(["sleep", "10"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e, e.output)
try:
    subprocess.call(["sleep", "10"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(e)
e = subprocess.TimeoutExpired(["a"], 1.5, output=b"x")
print(str(e), e.stdout)

for kwargs in ({"stdout": None}, {"check": True}):
    try:
        subprocess.check_output(["true"], **kwargs)
    except ValueError as e:
        print(e)
try:
    subprocess.run(["cat"], input=b"x", stdin=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.run(["cat"], capture_output=True, stderr=subprocess.PIPE)
except ValueError as e:
    print(e)
try:
    subprocess.Popen(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(e)
try:
    subprocess.Popen(["true"], bufsize="x")
except TypeError as e:
    print(e)
try:
    subprocess.run(["cat"], input="str", capture_output=True)
except TypeError as e:
    print(type(e).__name__)
