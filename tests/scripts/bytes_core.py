b = b'hello'
print(b, len(b), b[0], b[1:3], b[-1], list(b))
print(b + b' world', b * 2, b'ell' in b, 104 in b)
print(b == b'hello', b < b'help', hash(b) == hash(b'hello'))
ba = bytearray(b'abc')
ba[0] = 65
ba += b'def'
print(ba, len(ba), ba[1:], bytes(ba))
print(bytes(3), bytes([1,2,255]), bytearray(2))
print('héllo'.encode(), 'héllo'.encode('latin-1'), b'h\xc3\xa9llo'.decode())
print(b'\x00\x01abc\n\t\'"'.hex(), b'abc'.hex('-'), bytes.__name__)
print(repr(b"it's"), repr(b'say "hi"'), repr(b'both \' and "'))
print(b'%s=%d' % (b'x', 5), b'%5b|' % b'ab')
try:
    'é'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
try:
    b'\xff'.decode()
except UnicodeDecodeError as e:
    print(e)
d = {b'k': 1}
print(d[b'k'], memoryview(b'abc')[1], bytes(memoryview(b'abcd')[1:3]))
print(type(b).__name__, type(ba).__name__, isinstance(b, bytes))
for x in b'hi': print(x)
print(str(b'abc'), f"{b'x'}")
print(bytearray(b'xyz') == b'xyz', b'a' + bytearray(b'b'))
