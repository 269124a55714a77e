# struct: CPython's error messages
import struct


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', 'P']:
    for bo in ['@', '<', '>']:
        if bo != '@' and fmt in 'nNP':
            continue
        for v in [2**70, -2**70, 2**64, 2**63, -2**63 - 1, 2**32, -2**31 - 1, 2**31,
                  2**16, -2**15 - 1, 2**15, 256, -129, -1, 1.0, '1', None]:
            try:
                struct.pack(bo + fmt, v)
            except Exception as e:
                print(bo + fmt, v, type(e).__name__ + ':', e)
for fmt in ['e', 'f', 'd']:
    for v in [2**1100, 1e300, 1e39, -1e39, 70000.0, 65520.0, -65520.0, 'x', None, b'1']:
        try:
            r = struct.pack('<' + fmt, v)
        except Exception as e:
            print(fmt, v if not isinstance(v, int) else 'big', type(e).__name__ + ':', e)
t(lambda: struct.pack('c', b'ab'))
t(lambda: struct.pack('c', 'a'))
t(lambda: struct.pack('c', 97))
t(lambda: struct.pack('c', bytearray(b'a')))
t(lambda: struct.pack('s', 'abc'))
t(lambda: struct.pack('p', 1))
t(lambda: struct.pack('s', memoryview(b'x')))
t(lambda: struct.pack('h'))
t(lambda: struct.pack('h', 1, 2))
t(lambda: struct.pack('2h3s', 1))
t(lambda: struct.pack())
t(lambda: struct.pack(5))
t(lambda: struct.pack('z'))
t(lambda: struct.pack('<n', 1))
t(lambda: struct.pack('3'))
t(lambda: struct.pack('i<'))
t(lambda: struct.pack('3 i', 1))
t(lambda: struct.calcsize('@'))
t(lambda: struct.calcsize(''))
t(lambda: struct.calcsize('99999999999999999999i'))
t(lambda: struct.calcsize('9999999999999999999q'))
t(lambda: struct.calcsize('\x00'))
t(lambda: struct.calcsize('i\x00'))
t(lambda: struct.unpack('<i', b'abc'))
t(lambda: struct.unpack('<i', b'abcde'))
t(lambda: struct.unpack('<i', 'abcd'))
t(lambda: struct.unpack('<i'))
t(lambda: struct.unpack('', b''))
t(lambda: struct.unpack('', b'x'))
t(lambda: struct.unpack_from('<i', b'abc'))
t(lambda: struct.unpack_from('<i', b'abcdef', 3))
t(lambda: struct.unpack_from('<i', b'abcdef', 7))
t(lambda: struct.unpack_from('<i', b'abcdef', -7))
t(lambda: struct.unpack_from('<i', b'abcdef', -2))
t(lambda: struct.unpack_from('<i', b'abcdef', offset='1'))
t(lambda: struct.unpack_from('<i', buffer=b'abcd'))
buf = bytearray(6)
t(lambda: struct.pack_into('<i', buf, 3, 1))
t(lambda: struct.pack_into('<i', buf, 7, 1))
t(lambda: struct.pack_into('<i', buf, -2, 1))
t(lambda: struct.pack_into('<i', buf, -7, 1))
t(lambda: struct.pack_into('<i', b'abcdef', 0, 1))
t(lambda: struct.pack_into('<i', buf, 0))
t(lambda: struct.pack_into('<i', buf))
t(lambda: struct.pack_into('<i', buf, 0, 'x'))
t(lambda: struct.pack_into('<i', buf, 'a', 1))
t(lambda: struct.iter_unpack('<i', b'abcdef'))
t(lambda: struct.iter_unpack('', b'abcdef'))
t(lambda: struct.iter_unpack('<h', 'ab'))
t(lambda: struct.Struct(5))
t(lambda: struct.Struct('q').pack(1, 2))
t(lambda: struct.Struct('q').unpack(b''))
t(lambda: struct.Struct())
t(lambda: struct.Struct('y'))
t(lambda: struct.error('custom'))
try:
    struct.pack('b', 500)
except struct.error as e:
    print('caught struct.error:', e.args)
