# memoryview over bytes and bytearray


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


m = memoryview(b'hello world')
print(m.tobytes(), m.tolist()[:3], m.hex(), m.hex(':', 4), m.nbytes, m.readonly)
print(m.itemsize, m.format, m.obj, m.shape, m.ndim, m.strides, len(m))
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.suboffsets)
print(m[0], m[-1], m[1:4].tobytes(), bytes(m[6:]), m[2:5].nbytes, m[2:5].obj)
t(lambda: m[11])
t(lambda: m[-12])
t(lambda: m['a'])
print(m == b'hello world', m == bytearray(b'hello world'), m[:5] == b'hello', m != b'x')
print(m[:5] == memoryview(b'hello'), b'hello world' == m)
t(lambda: m.__setitem__(0, 1))
t(lambda: m.__delitem__(0))
a = bytearray(b'abcdef')
v = memoryview(a)
print(v.readonly, v.obj is a)
v[0] = 65
v[1:3] = b'XY'
v[-1] = 0x46
v[3:5] = bytearray(b'de')
print(a)
w = v[2:5]
w[0] = 122
w[1:] = b'!!'
print(a, w.tobytes(), w.tolist())
t(lambda: v.__setitem__(0, 256))
t(lambda: v.__setitem__(0, -1))
t(lambda: v.__setitem__(0, b'a'))
t(lambda: v.__setitem__(0, 1.5))
t(lambda: v.__setitem__(10, 1))
t(lambda: v.__setitem__(slice(0, 2), b'abc'))
t(lambda: v.__setitem__(slice(0, 2), 5))
t(lambda: v.__setitem__('x', 5))
c = v.cast('c')
print(c.format, c[0], c[1:3].tolist(), c.tolist()[:2], c.itemsize)
c[0] = b'Q'
t(lambda: c.__setitem__(0, 65))
t(lambda: c.__setitem__(0, b'xy'))
print(a)
s = v.cast('b')
a[0] = 0xff
print(s.format, s[0], s.tolist()[:2])
s[0] = -2
print(a[0])
t(lambda: s.__setitem__(0, 200))
u = c.cast('B')
print(u.format, u[0])
t(lambda: v.cast('x'))
t(lambda: v.cast('B', [6]).tolist())
t(lambda: v.cast('B', [5]))
t(lambda: v.cast(1))
r = v.toreadonly()
print(r.readonly)
t(lambda: r.__setitem__(0, 1))
with memoryview(b'xyz') as mm:
    print(mm[0], bytes(mm))
t(lambda: mm[0])
t(lambda: mm.tobytes())
t(lambda: mm.nbytes)
t(lambda: bytes(mm.hex()))
mm.release()
m2 = memoryview(b'abc')
m2.release()
t(lambda: m2.tolist())
t(lambda: memoryview('abc'))
t(lambda: memoryview(5))
print(bytes(memoryview(memoryview(b'nested'))[1:3]))
print(memoryview(memoryview(b'nested')).obj)
print(list(memoryview(b'it')), b'x' in memoryview(b'xy'))
print(m.tobytes('C'), memoryview(b'').tolist(), memoryview(b'ab').hex('-'))
print(bytearray(memoryview(b'q')), b''.join([memoryview(b'a'), memoryview(b'b')]))
