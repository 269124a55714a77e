import subprocess, sys
p = subprocess.run([sys.executable, '-c', 'import os; os.kill(os.getpid(), 9)'])
print(p.returncode)
