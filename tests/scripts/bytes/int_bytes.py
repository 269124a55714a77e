# int.to_bytes and int.from_bytes


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


t(lambda: (1024).to_bytes(2, 'big'))
t(lambda: (1024).to_bytes(4, 'little'))
t(lambda: (1024).to_bytes(2, byteorder='little'))
t(lambda: (255).to_bytes())
t(lambda: (0).to_bytes(0, 'big'))
t(lambda: (0).to_bytes())
t(lambda: (-1).to_bytes(2, 'big', signed=True))
t(lambda: (-129).to_bytes(2, 'little', signed=True))
t(lambda: (-128).to_bytes(1, 'big', signed=True))
t(lambda: (127).to_bytes(1, 'big', signed=True))
t(lambda: (128).to_bytes(1, 'big', signed=True))
t(lambda: (-129).to_bytes(1, 'big', signed=True))
t(lambda: (256).to_bytes(1, 'big'))
t(lambda: (-1).to_bytes(1, 'big'))
t(lambda: (-1).to_bytes(0, 'big', signed=True))
t(lambda: (2**100).to_bytes(13, 'big'))
t(lambda: (2**100).to_bytes(16, 'little'))
t(lambda: (-2**100).to_bytes(14, 'big', signed=True))
t(lambda: (2**100).to_bytes(12, 'big'))
t(lambda: (1).to_bytes(-1, 'big'))
t(lambda: (1).to_bytes(1, 'middle'))
t(lambda: (1).to_bytes(1, 5))
t(lambda: (1).to_bytes('1', 'big'))
t(lambda: (1).to_bytes(1, 'big', True))
t(lambda: (1).to_bytes(1, 'big', sign=True))
t(lambda: True.to_bytes(2, 'big'))
t(lambda: (5).to_bytes(2, 'big', signed=1))
t(lambda: int.from_bytes(b'\x04\x00', 'big'))
t(lambda: int.from_bytes(b'\x04\x00', 'little'))
t(lambda: int.from_bytes(b'\x04\x00'))
t(lambda: int.from_bytes(b''))
t(lambda: int.from_bytes(b'\xff\xff', 'big', signed=True))
t(lambda: int.from_bytes(b'\xff\x7f', byteorder='little', signed=True))
t(lambda: int.from_bytes(b'\xff' * 20, 'big'))
t(lambda: int.from_bytes(b'\x80' + b'\x00' * 19, 'big', signed=True))
t(lambda: int.from_bytes([1, 2, 3], 'big'))
t(lambda: int.from_bytes(bytearray(b'\x01\x00'), 'big'))
t(lambda: int.from_bytes(memoryview(b'\x01\x00'), 'little'))
t(lambda: int.from_bytes((x for x in [255]), 'big'))
t(lambda: int.from_bytes('ab', 'big'))
t(lambda: int.from_bytes(5, 'big'))
t(lambda: int.from_bytes([256], 'big'))
t(lambda: int.from_bytes(b'\x01', 'other'))
t(lambda: int.from_bytes(b'\x01', 'big', False))
t(lambda: bool.from_bytes(b'\x01', 'big'))
t(lambda: (5).from_bytes(b'\x07', 'big'))


class MyInt(int):
    pass


t(lambda: type(MyInt.from_bytes(b'\x01', 'big')))
t(lambda: MyInt.from_bytes(b'\x01\x01', 'big'))
for n in [0, 1, 255, 256, 65535, 2**31, 2**63 - 1, 2**63, 2**64 - 1, 2**64]:
    b = n.to_bytes(9, 'big')
    assert int.from_bytes(b, 'big') == n
    s = (-n).to_bytes(10, 'little', signed=True)
    assert int.from_bytes(s, 'little', signed=True) == -n
    print(n, b.hex(), s.hex())
