# Operations on 10 MB of data: each must be linear (memchr/memmem), also
# when called in a loop that walks through the data.

data = (b'x' * 91 + b' number\n') * 100000
print(len(data), data.count(b'\n'), data.count(b'number'), data.count(b'x' * 91))
print(data.find(b'number'), data.rfind(b'number'), data.find(b'absent'), data.index(b'\n'))
lines = data.split(b'\n')
print(len(lines), lines[0][-8:], lines[-1])
print(len(data.splitlines()), len(data.split()), len(data.rsplit(b' ', 5)))
r = data.replace(b'number', b'#')
print(len(r), r[:5], r.count(b'#'))
print(data.startswith(b'xx'), data.endswith(b'number\n'), b'zz' in data, data.upper()[:3])
pos = 0
n = 0
while True:
    i = data.find(b'\n', pos)
    if i < 0:
        break
    n += 1
    pos = i + 1
print('lines by find:', n)
ba = bytearray(data)
pos = 0
n = 0
total = 0
while True:
    i = ba.find(b'\n', pos)
    if i < 0:
        break
    total += len(ba[pos:pos + 4])
    n += 1
    pos = i + 1
print('bytearray lines:', n, total)
out = bytearray()
for k in range(100000):
    out += b'0123456789'
print(len(out), out.count(b'9'))
mv = memoryview(ba)
print(len(mv), mv[9_899_999], bytes(mv[-7:]))
print(len(b'-'.join([data] * 3)), len(data.hex()) // 2, len(bytes.fromhex(data[:1000].hex())))
print(data.strip(b'x\n')[:7], len(data.translate(None, b'x')))
view = memoryview(data)
sent = 0
rounds = 0
while len(view):
    n = min(len(view), 65536)
    sent += n
    rounds += 1
    view = view[n:]
print('sent', sent, rounds, sum(1 for b in memoryview(data[:300000]) if b == 10))
