# base64: every encoding, its options and its errors
import base64
import binascii


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(250, 256)),
             b'\xfb\xff\xbf']:
    e64 = base64.b64encode(data)
    e32 = base64.b32encode(data)
    e32h = base64.b32hexencode(data)
    e16 = base64.b16encode(data)
    e85 = base64.b85encode(data)
    print(data, e64, base64.urlsafe_b64encode(data), e32, e32h, e16, e85, base64.b85encode(data, pad=True))
    assert base64.b64decode(e64) == data
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(data)) == data
    assert base64.b32decode(e32) == data
    assert base64.b32hexdecode(e32h) == data
    assert base64.b16decode(e16) == data
    assert base64.b85decode(e85) == data
t(lambda: base64.b64encode(b'\xfb\xff', altchars=b'-_'))
t(lambda: base64.b64encode(b'\xfb\xff', b'*'))
t(lambda: base64.b64encode('abc'))
t(lambda: base64.b64encode(bytearray(b'abc')))
t(lambda: base64.b64encode(memoryview(b'abc')))
t(lambda: base64.b64decode('Zm9v'))
t(lambda: base64.b64decode(bytearray(b'Zm9v')))
t(lambda: base64.b64decode(b'Zm9v!!YmFy'))
t(lambda: base64.b64decode(b'Zm9v!!YmFy', validate=True))
t(lambda: base64.b64decode(b'Zm9vYg==', validate=True))
t(lambda: base64.b64decode(b'Zm9vYg===', validate=True))
t(lambda: base64.b64decode(b'Zm9v\nYmFy', validate=True))
t(lambda: base64.b64decode(b'Zm9vY'))
t(lambda: base64.b64decode(b'Zm9vYg'))
t(lambda: base64.b64decode(b'-_8=', altchars=b'-_'))
t(lambda: base64.b64decode('-_8=', '-_'))
t(lambda: base64.b64decode('Zm9vé'))
t(lambda: base64.b64decode(5))
t(lambda: base64.urlsafe_b64decode('-_8='))
t(lambda: base64.standard_b64encode(b'x'))
t(lambda: base64.standard_b64decode(b'eA=='))
t(lambda: base64.b32decode(b'mzxw6==='))
t(lambda: base64.b32decode(b'mzxw6===', casefold=True))
t(lambda: base64.b32decode(b'MZXW6==='))
t(lambda: base64.b32decode(b'MZXW6=='))
t(lambda: base64.b32decode(b'MZXW6=1='))
t(lambda: base64.b32decode(b'MZXW60==', map01=b'L'))
t(lambda: base64.b32decode(b'M1XW6===', map01='I'))
t(lambda: base64.b32decode(b'MZXW6Y=='))
t(lambda: base64.b32decode(b'MZ======'))
t(lambda: base64.b32decode(b'MZX====='))
t(lambda: base64.b32decode(b'========'))
t(lambda: base64.b32decode(''))
t(lambda: base64.b32hexdecode(b'cpnmu==='))
t(lambda: base64.b32hexdecode(b'cpnmu===', casefold=True))
t(lambda: base64.b16decode(b'666f6f'))
t(lambda: base64.b16decode(b'666f6f', casefold=True))
t(lambda: base64.b16decode('666F6F'))
t(lambda: base64.b16decode(b'666F6'))
t(lambda: base64.b16decode(b'GG'))
t(lambda: base64.b85decode(b'VPa!s'))
t(lambda: base64.b85decode('VPa!sWo'))
t(lambda: base64.b85decode(b'VPa"s'))
t(lambda: base64.b85decode(b'|NsC0'))
t(lambda: base64.b85decode(b'|NsC1'))
t(lambda: base64.b85encode(b'\xff\xff\xff\xff'))
t(lambda: base64.encodebytes(b'x' * 60))
t(lambda: base64.encodebytes(b''))
t(lambda: base64.encodebytes(bytearray(b'abc')))
t(lambda: base64.encodebytes('abc'))
t(lambda: base64.decodebytes(b'eHh4\neHh4\n'))
t(lambda: base64.decodebytes('eHh4'))
big = bytes(range(256)) * 40
assert base64.decodebytes(base64.encodebytes(big)) == big
assert base64.b32decode(base64.b32encode(big)) == big
assert base64.b85decode(base64.b85encode(big)) == big
print(len(base64.encodebytes(big)), base64.encodebytes(big).count(b'\n'))
print(base64.MAXBINSIZE, base64.MAXLINESIZE, hasattr(base64, 'Error'))
