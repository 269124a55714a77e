import subprocess
subprocess.run(['/nonexistent/program'])
