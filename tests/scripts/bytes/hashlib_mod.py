# hashlib: the digests of md5, sha1 and SHA-2, objects, copies, errors
import hashlib
import threading


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


for name in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']:
    h = getattr(hashlib, name)(b'hello')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest())
    c = h.copy()
    c.update(b' world')
    print(' ', c.hexdigest() == hashlib.new(name, b'hello world').hexdigest(), h.digest()[:4])
    print(' ', getattr(hashlib, name)().hexdigest()[:16], len(h.digest()))
    big = bytes(range(256)) * 4096
    print(' ', hashlib.new(name, big).hexdigest()[:24])
h = hashlib.sha256()
h.update(b'a')
h.update(bytearray(b'b'))
h.update(memoryview(b'c'))
print(h.hexdigest() == hashlib.sha256(b'abc').hexdigest(), h.hexdigest())
print(hashlib.new('SHA256', b'x').hexdigest() == hashlib.sha256(b'x').hexdigest())
print(hashlib.md5(string=b'abc').hexdigest(), hashlib.md5(b'abc', usedforsecurity=False).hexdigest())
print(hashlib.new('md5', data=b'abc').hexdigest())
print(sorted(n for n in ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']
             if n in hashlib.algorithms_guaranteed and n in hashlib.algorithms_available))
t(lambda: hashlib.sha1('text'))
t(lambda: hashlib.sha1(5))
t(lambda: hashlib.new('nosuch'))
t(lambda: hashlib.new('md5', 'x'))
t(lambda: hashlib.md5().update('x'))
t(lambda: hashlib.md5().update())
t(lambda: hashlib.md5(b'a', b'b'))
# Threads hashing large buffers (the GIL is released meanwhile).
data = b'\x01\x02' * 500000
results = []


def work():
    results.append(hashlib.sha512(data).hexdigest())


threads = [threading.Thread(target=work) for _ in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(len(set(results)), results[0][:32])
shared = hashlib.sha256()


def feed():
    for _ in range(50):
        shared.update(b'y' * 5000)


threads = [threading.Thread(target=feed) for _ in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(shared.hexdigest() == hashlib.sha256(b'y' * 5000 * 200).hexdigest())
