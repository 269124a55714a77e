# Output that cannot be written: a full disk, a reader that went away.
# Buffered, the loss shows at exit ("Exception ignored", status 120);
# unbuffered (-u or PYTHONUNBUFFERED), print itself raises.
import os, subprocess, sys

programs = [
    "print('hello')",
    "import sys; print('hello'); sys.exit(3)",
    "import sys\nfor i in range(100000): print(i)",
    "import sys; sys.stdout.write('x'); sys.stdout.flush()",
    "import os; os.write(1, b'x')",
]

def run(code, stdout, unbuffered):
    env = dict(os.environ)
    env.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    p = subprocess.run([sys.executable, "-c", code], stdout=stdout,
                       stderr=subprocess.PIPE, env=env, text=True)
    return p.returncode, p.stderr

for unbuffered in (False, True):
    for code in programs:
        with open("/dev/full", "w") as full:
            rc, err = run(code, full, unbuffered)
        print("full", unbuffered, repr(code), rc)
        print(err, end="")
        # A pipe whose reader is gone before anything is written.
        r, w = os.pipe()
        os.close(r)
        rc, err = run("import time; time.sleep(0.1)\n" + code, w, unbuffered)
        os.close(w)
        print("pipe", unbuffered, repr(code), rc)
        print(err, end="")
