# subprocess.run and its helpers: capture, check, input, shell, cwd, env.
import os
import subprocess
import sys
import tempfile

PY = sys.executable

r = subprocess.run([PY, "-c", "print('hello'); import sys; sys.exit(3)"],
                   capture_output=True)
print(r.returncode, r.stdout, r.stderr)
print(type(r).__name__, r.args[1:])

r = subprocess.run(["echo", "one", "two"], stdout=subprocess.PIPE)
print(r)
r = subprocess.run(["echo", "x"], capture_output=True, text=True)
print(r)
r = subprocess.run("echo $((6*7)); echo oops >&2", shell=True,
                   capture_output=True)
print(r)
r = subprocess.run(["true"])
print(r)
r = subprocess.run(["false"])
print(r)
r.args = ["false", "again"]
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("check_returncode:", e)

# input= with bytes and with text
print(subprocess.run(["cat"], input=b"bytes in\n", capture_output=True).stdout)
print(repr(subprocess.run(["cat"], input="text in\r\nCR\rend", capture_output=True,
                          text=True).stdout))
print(repr(subprocess.run(["cat"], input="é", capture_output=True,
                          encoding="latin-1").stdout))
print(subprocess.run(["cat"], input=b"", capture_output=True).stdout)

# check_output, check_call, call
print(subprocess.check_output(["echo", "out"]))
print(subprocess.check_output("echo shell", shell=True, text=True), end="")
print(subprocess.check_output(["cat"], input=b"piped"))
print(subprocess.check_output(["cat"], input=None, text=True) == "")
print(subprocess.check_call(["true"]))
print(subprocess.call(["sh", "-c", "exit 5"]))
print(subprocess.call("exit 7", shell=True))

# stderr=STDOUT and DEVNULL
r = subprocess.run(["sh", "-c", "echo a; echo b >&2; echo c"],
                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
print(sorted(r.stdout.split()), r.stderr)
r = subprocess.run(["sh", "-c", "echo a; echo b >&2"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
print(r.stdout, r.stderr)
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL,
                     capture_output=True).stdout)

# cwd and env
with tempfile.TemporaryDirectory() as d:
    r = subprocess.run(["pwd"], cwd=d, capture_output=True, text=True)
    print(os.path.realpath(r.stdout.strip()) == os.path.realpath(d))
    r = subprocess.run(["ls"], cwd=d, capture_output=True)
    print(r.stdout)
r = subprocess.run(["sh", "-c", 'echo "$GREETING/$OTHER"'],
                   env={"GREETING": "hi", "PATH": os.environ["PATH"]},
                   capture_output=True, text=True)
print(r.stdout, end="")
r = subprocess.run([PY, "-c", "import os; print(os.environ.get('ZZ_SUB'))"],
                   env=dict(os.environ, ZZ_SUB="set"), capture_output=True,
                   text=True)
print(r.stdout, end="")

# getoutput / getstatusoutput
print(subprocess.getstatusoutput("echo out; echo err >&2; exit 4"))
print(subprocess.getstatusoutput("printf 'a\\n\\n'"))
print(repr(subprocess.getoutput("echo x")))
print(subprocess.getstatusoutput("exit 1"))

# the child's output lands in our stdout in order when we flush first
print("before", flush=True)
subprocess.run(["echo", "from child"])
subprocess.run([PY, "-c", "print('from python child')"])
print("after")
