# struct: formats, sizes, byte orders, alignment, round trips
import struct

print(struct.calcsize('@bhilqnPefd?csp'), struct.calcsize('=bhilqefd?csp'))
for f in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'P', 'e', 'f', 'd',
          '?', 'c', 's', 'p', 'x', '5s', '0s', '3x']:
    print(f, struct.calcsize(f), struct.calcsize('<' + f) if f not in 'nNP' else '-')
for f in ['ci', 'ic', 'c0i', 'bq', 'hhh', '@cd', '=cd', 'c0l', 'x3h', '2c2h', 'ci c',
          ' i  h ', '!iQ', '>3s2H', '<?xxq', 'ch0q', '0s', '10p', 'e c e', 'cP']:
    print(repr(f), struct.calcsize(f))
print(struct.pack('>h', 1), struct.pack('<h', 1), struct.pack('!I', 0xdeadbeef))
print(struct.pack('<q', -2), struct.pack('>Q', 2**64 - 1), struct.pack('@n', -1))
print(struct.pack('<bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 5, -5, 6))
print(struct.pack('@ci', b'x', 1), struct.pack('=ci', b'x', 1), struct.pack('@c0i', b'x'))
print(struct.pack('<?', 0), struct.pack('<?', 'x'), struct.pack('<??', [], [0]))
print(struct.pack('5s', b'ab'), struct.pack('2s', b'abcd'), struct.pack('0s', b'zz'))
print(struct.pack('5p', b'ab'), struct.pack('3p', b'abcdef'), struct.pack('1p', b'q'))
print(struct.pack('s', bytearray(b'xy')), struct.pack('3s', bytearray(b'xy')))
print(struct.pack('<3h', 1, 2, 3), struct.pack('>2c', b'a', b'b'), struct.pack('x2x'))
print(struct.pack('<f', 1.5), struct.pack('>d', -0.1), struct.pack('<e', 0.5))
print(struct.pack('<d', 3), struct.pack('<f', True), struct.pack('>e', 65504.0))
for x in [1.0, -2.5, 0.1, 1e-7, 6e-8, 3e-8, 1e-10, 65519.0, float('inf'), -float('inf'),
          5.960464477539063e-08, 2.9802322387695312e-08, 1.00048828125, 1.00146484375,
          0.333333, -0.0, 2049.0, 2051.0]:
    h = struct.pack('<e', x)
    print(x, h, struct.unpack('<e', h)[0], struct.pack('>f', x), struct.unpack('<f', struct.pack('<f', x))[0])
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0])
print(struct.unpack('<f', b'\x00\x00\xc0\x7f')[0], struct.unpack('>d', b'\x7f\xf0' + bytes(6)))
print(struct.unpack('<bBhHiIlLqQ', struct.pack('<bBhHiIlLqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 5, -5, 6)))
print(struct.unpack('@ci', struct.pack('@ci', b'x', 7)), struct.unpack('>?', b'\x02'))
print(struct.unpack('5s3p', b'abcde\x05xy'), struct.unpack('3p', b'\x01xy'))
print(struct.unpack('<2h4x', b'\x01\x00\x02\x00\x00\x00\x00\x00'))
print(struct.unpack('<P', struct.pack('<Q', 5)) if False else struct.unpack('@P', struct.pack('@P', 5)))
print(struct.unpack('@nN', struct.pack('@nN', -7, 7)), struct.unpack('c', b'\xff'))
print(struct.unpack('>I', bytearray(b'\x00\x00\x01\x00')), struct.unpack('<H', memoryview(b'\x01\x02')))
print(struct.pack('<i', True), struct.pack('>H', False))


class Idx:
    def __index__(self):
        return 42


print(struct.pack('<i', Idx()), struct.pack('>Q', Idx()), struct.pack('b', Idx()))
print(struct.pack(b'<h', 7), struct.unpack(b'>h', b'\x00\x07'))
print(struct.pack('<q', -2**63), struct.pack('<Q', 0), struct.pack('<i', -2**31))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', 2), struct.unpack_from('<h', b'\x00\x01\x02\x03', offset=1))
print(struct.unpack_from('<h', b'\x00\x01\x02\x03', -2), struct.unpack_from('b', bytearray(b'\x80')))
buf = bytearray(10)
struct.pack_into('<hh', buf, 2, 1, -1)
struct.pack_into('>I', buf, -4, 0x01020304)
print(buf)
mv = memoryview(buf)
struct.pack_into('<b', mv, 0, 9)
print(buf)
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
it = struct.iter_unpack('>2b', b'\x01\x02\x03\x04')
print(it.__length_hint__(), next(it), it.__length_hint__(), list(it), it.__length_hint__())
s = struct.Struct('<hI')
print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(s.unpack_from(b'\x00\x01\x00\x02\x00\x00\x00', 1), list(s.iter_unpack(bytes(12))))
b2 = bytearray(6)
s.pack_into(b2, 0, -1, 7)
print(b2, struct.Struct(b'>i').format, type(struct.Struct('i')).__name__)
print(struct.pack('>i', 5) == struct.Struct('>i').pack(5), struct.Struct('3s').size)
s2 = struct.Struct(format='<q')
print(s2.unpack(s2.pack(-99)), struct.calcsize('!q'))
print(struct.error.__name__, issubclass(struct.error, Exception))
