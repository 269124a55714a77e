# os.system returns the wait status; os.popen reads or writes a shell
# command's pipe and close() gives None or the wait status.
import os

print('parent before system')
status = os.system('echo child says hi')
print('status', status)
print('exit 3 ->', os.system('exit 3'), os.WEXITSTATUS(os.system('exit 3')))
print('killed ->', os.system('kill -9 $$'))
print('parent after system')

f = os.popen('echo one; echo two')
print(repr(f.read()))
print('close ->', f.close())

f = os.popen('printf "a\\nb\\nc\\n"; exit 2')
print([line for line in f])
print('close ->', f.close())

with os.popen('echo in with') as f:
    print(f.readline().strip())

w = os.popen('cat', 'w')
print('before write')
w.write('written through popen\n')
print('close w ->', w.close())
print('after close')

for bad in [(5,), ('ls', 'rb'), ('ls', 'r', 0)]:
    try:
        os.popen(*bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.system(None)
except TypeError:
    print('TypeError for None')
