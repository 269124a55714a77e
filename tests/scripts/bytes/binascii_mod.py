# binascii: hex, base64, crc32, errors
import binascii


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


t(lambda: binascii.hexlify(b'\x00\xffab'))
t(lambda: binascii.hexlify(b'\x00\xffabc', '-'))
t(lambda: binascii.hexlify(b'\x00\xffabc', b':', 2))
t(lambda: binascii.hexlify(b'\x00\xffabc', sep='_', bytes_per_sep=-2))
t(lambda: binascii.b2a_hex(bytearray(b'xyz')))
t(lambda: binascii.b2a_hex(memoryview(b'xyz')))
t(lambda: binascii.hexlify('abc'))
t(lambda: binascii.hexlify(b'ab', 'ab'))
t(lambda: binascii.hexlify(b'ab', 5))
t(lambda: binascii.unhexlify(b'00ff6162'))
t(lambda: binascii.unhexlify('00FF6162'))
t(lambda: binascii.a2b_hex(bytearray(b'4142')))
t(lambda: binascii.unhexlify(b'abc'))
t(lambda: binascii.unhexlify(b'zz'))
t(lambda: binascii.unhexlify('é0'))
t(lambda: binascii.unhexlify(5))
t(lambda: binascii.unhexlify(b'41 42'))
t(lambda: binascii.b2a_base64(b''))
t(lambda: binascii.b2a_base64(b'f'))
t(lambda: binascii.b2a_base64(b'fo'))
t(lambda: binascii.b2a_base64(b'foo'))
t(lambda: binascii.b2a_base64(b'foob', newline=False))
t(lambda: binascii.b2a_base64(bytes(range(256)))[:40])
t(lambda: binascii.b2a_base64('abc'))
t(lambda: binascii.b2a_base64(b'abc', False))
for s in [b'', b'Zg==', b'Zm8=', b'Zm9v', b'Zm9vYg==\n', b'Zm9v\nYmFy', b'Zm9vYg', b'Zm9vY',
          b'Z', b'Zg', b'Zg=', b'Zg==Zm8=', b'Zm9v====', b'=Zm9v', b'Zm*9v', b'Zg===',
          b'Z===', b'==', b'Zm9vYmFy!!', 'Zm9v', b'Zm=9v', b'YW Jj', b'Zm8=Zm8=']:
    t(lambda: binascii.a2b_base64(s))
    t(lambda: binascii.a2b_base64(s, strict_mode=True))
t(lambda: binascii.a2b_base64('Zm9vé'))
t(lambda: binascii.a2b_base64(None))
t(lambda: binascii.a2b_base64(b'Zg==', True))
t(lambda: binascii.crc32(b'hello world'))
t(lambda: binascii.crc32(b''))
t(lambda: binascii.crc32(b'world', binascii.crc32(b'hello ')))
t(lambda: binascii.crc32(b'x', -1))
t(lambda: binascii.crc32(b'x', 2**40))
t(lambda: binascii.crc32('x'))
t(lambda: binascii.crc32(bytes(range(256)) * 100))
t(lambda: binascii.crc_hqx(b'hello world', 0))
t(lambda: binascii.crc_hqx(b'123456789', 0xffff))
t(lambda: binascii.crc_hqx(b'x', -1))
t(lambda: binascii.b2a_uu(b'hello world'))
t(lambda: binascii.b2a_uu(b'', backtick=True))
t(lambda: binascii.b2a_uu(b'hi', backtick=True))
t(lambda: binascii.a2b_uu(b'+:&5L;&\\@=V]R;&0 \n'))
t(lambda: binascii.a2b_uu(b''))
t(lambda: binascii.b2a_uu(b'x' * 46))
print(issubclass(binascii.Error, ValueError), issubclass(binascii.Incomplete, Exception))
print(binascii.Error.__module__, binascii.Error.__name__)
try:
    binascii.unhexlify(b'0')
except ValueError as e:
    print('ValueError caught:', type(e).__name__, e)
data = bytes(range(256)) * 3
assert binascii.a2b_base64(binascii.b2a_base64(data)) == data
assert binascii.unhexlify(binascii.hexlify(data)) == data
print('round trips ok')
