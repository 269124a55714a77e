# Starting threads until the OS refuses (address space limited with
# ulimit -v): RuntimeError, and the threads already running finish.
import subprocess, sys

prog = r'''
import threading
ev = threading.Event()
ts = []
try:
    for i in range(100000):
        t = threading.Thread(target=ev.wait)
        t.start()
        ts.append(t)
except RuntimeError as e:
    print("RuntimeError:", e, len(ts) > 0)
ev.set()
for t in ts:
    t.join()
print("joined all")
'''
p = subprocess.run(["sh", "-c", 'ulimit -v 3000000 && exec "$0" -c "$1"', sys.executable, prog],
                   capture_output=True, text=True, timeout=120)
print(p.stdout, end="")
print("status", p.returncode, "stderr empty", p.stderr == "")
