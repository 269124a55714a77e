# Children started and waited for from several threads at once.
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

PY = sys.executable


def job(i):
    r = subprocess.run([PY, "-c", f"print({i} * {i})"], capture_output=True,
                       text=True)
    s = subprocess.run(["sh", "-c", f"echo {i}; exit {i % 3}"],
                       capture_output=True)
    return int(r.stdout), s.stdout, s.returncode


with ThreadPoolExecutor(4) as ex:
    for res in ex.map(job, range(8)):
        print(res)

# two threads waiting for one child
p = subprocess.Popen(["sleep", "0.2"])
codes = []
ts = [threading.Thread(target=lambda: codes.append(p.wait())) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(codes)
