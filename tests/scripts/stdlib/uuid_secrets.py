import uuid
import secrets

u = uuid.UUID('{12345678-1234-5678-1234-567812345678}')
print(u, repr(u), u.hex, u.int, u.bytes, u.bytes_le, u.urn)
print(u.fields, u.time_low, u.time_mid, u.time_hi_version, u.clock_seq_hi_variant, u.clock_seq_low, u.node)
print(u.time, u.clock_seq, u.variant, u.version)
print(uuid.UUID(bytes=u.bytes) == u, uuid.UUID(bytes_le=u.bytes_le) == u, uuid.UUID(int=u.int) == u,
      uuid.UUID(fields=u.fields) == u, uuid.UUID('urn:uuid:12345678123456781234567812345678') == u)
print(uuid.uuid3(uuid.NAMESPACE_DNS, 'python.org'), uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org'))
print(uuid.uuid3(uuid.NAMESPACE_URL, 'http://x'), uuid.uuid5(uuid.NAMESPACE_OID, '1.2.3'))
print(uuid.NAMESPACE_DNS, uuid.NAMESPACE_URL, uuid.NAMESPACE_OID, uuid.NAMESPACE_X500)
a = uuid.uuid4()
print(a.version, a.variant, len(str(a)), a != uuid.uuid4(), uuid.UUID(str(a)) == a, int(a) == a.int)
b = uuid.uuid1()
print(b.version, b.variant, uuid.uuid1() != b)
print(sorted([uuid.UUID(int=5), uuid.UUID(int=2)]), hash(uuid.UUID(int=7)) == hash(uuid.UUID(int=7)))
print(uuid.UUID(int=1, version=4), {uuid.UUID(int=3): 'x'}[uuid.UUID(int=3)])
for bad in [lambda: uuid.UUID('xyz'), lambda: uuid.UUID(int=-1), lambda: uuid.UUID(), lambda: uuid.UUID(bytes=b'12'),
            lambda: uuid.UUID(int=1, version=9), lambda: uuid.UUID(fields=(1, 2, 3, 4, 5, 1 << 48))]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    u.int = 5
except TypeError as e:
    print('TypeError', e)

print(len(secrets.token_bytes()), len(secrets.token_bytes(8)), len(secrets.token_hex(16)), len(secrets.token_hex()))
t = secrets.token_urlsafe(16)
print(len(t), all(c.isalnum() or c in '-_' for c in t))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(100)), secrets.choice('a') , secrets.randbits(0))
print(all(secrets.randbits(8) < 256 for _ in range(50)), secrets.compare_digest(b'abc', b'abc'),
      secrets.compare_digest('abc', 'abd'), secrets.compare_digest(b'a', b'ab'))
for bad in [lambda: secrets.randbelow(0), lambda: secrets.choice([]), lambda: secrets.compare_digest('a', b'a')]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
r = secrets.SystemRandom()
print(0 <= r.random() < 1, 1 <= r.randint(1, 3) <= 3, sorted(r.sample(range(5), 5)))
