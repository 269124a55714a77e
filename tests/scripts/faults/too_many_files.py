import subprocess, sys
code = 'fs = [open("/dev/null") for _ in range(200)]'
p = subprocess.run(['sh', '-c', 'ulimit -n 64; exec "$0" -c "$1"', sys.executable, code], capture_output=True, text=True)
print(p.returncode)
print(p.stderr.strip().splitlines()[-1])
