from array import array
import array as array_module
import pickle, copy
def t(f):
    try: r = f(); print(repr(r))
    except Exception as e: print(type(e).__name__, e)
for tc in 'bBhHiIlLqQ':
    for v in (2**70, -2**70, 2**(array(tc).itemsize*8), -1 - 2**(array(tc).itemsize*8 - 1), -1, 'a', 1.5, True):
        t(lambda: array(tc, [v]))
for tc in 'fd':
    for v in ('a', 1e300, 2**2000, True, None, 3, 0.1, -1e39):
        t(lambda: array(tc, [v]))
t(lambda: array('u', [1])); t(lambda: array('u', ['ab'])); t(lambda: array('u', 'abc')); t(lambda: array('b', 'abc')); t(lambda: array('b', array('u','a')))
t(lambda: array(1)); t(lambda: array('z')); t(lambda: array('bb')); t(lambda: array('b', 5))
a = array('b', [1,2,3])
t(lambda: a[5]); t(lambda: a.__setitem__(5, 1)); t(lambda: a.pop(5)); t(lambda: array('b').pop()); t(lambda: a.remove(9)); t(lambda: a.index(9))
t(lambda: a.__setitem__(slice(0,1), [1])); t(lambda: a.__setitem__(slice(0,1), array('h',[1]))); t(lambda: a.__setitem__(slice(0,3,2), array('b',[1])))
t(lambda: a + [1]); t(lambda: a + array('h')); t(lambda: a.extend(array('h'))); t(lambda: a.__iadd__([1])); t(lambda: a.frombytes(b'ab') or a); t(lambda: array('h').frombytes(b'abc'))
t(lambda: a.fromlist((1,))); t(lambda: a.fromunicode('a')); t(lambda: a.tounicode()); t(lambda: array('u').fromunicode(b'a'))
t(lambda: a.fromlist([1, 1000])); print(a)
t(lambda: a == [1,2,3]); t(lambda: a * 'x')
t(lambda: array('f', [1e300, 0.1, -2.5])); t(lambda: array('d', [0.1]))
t(lambda: array('b', [1]) == array('h', [1])); t(lambda: array('b', [1]) < array('d', [1.5]))
t(lambda: a.__reduce_ex__(2)); t(lambda: a.__reduce_ex__(4)[1]); t(lambda: array('u','ab').__reduce_ex__(2))
t(lambda: a.index(1, 5)); t(lambda: a.index(2, 0, 1)); t(lambda: a.index(3, -3)); t(lambda: a.insert(100, 7) or a); t(lambda: a.insert(-100, 8) or a); t(lambda: a.pop(-100))
t(lambda: a.extend([1, 'x']) or a); print(a); t(lambda: a.extend(5))
t(lambda: array('b', range(3)).__delitem__(5)); t(lambda: array('b', range(3))['x'])
t(lambda: array('b', b'') * -1)
print(array_module.typecodes, array_module.ArrayType is array)
for tc in array_module.typecodes:
    x = array(tc, 'hé€\U0001f600' if tc == 'u' else [1, 2, 3])
    print(tc, x.itemsize, x.typecode, x, x.tobytes(), len(x), x.buffer_info()[1], bytes(x) == x.tobytes())
    y = array(tc); y.frombytes(x.tobytes()); print(y == x, y)
    if tc != "u": x.byteswap(); print(x); x.byteswap()
    print(pickle.loads(pickle.dumps(x)) == x, pickle.loads(pickle.dumps(x, 2)) == x, copy.copy(x) == x, copy.deepcopy(x) is not x)
b = array('i', range(10))
print(b[2:5], b[::-2], b[-1], b[::3])
b[1:3] = array('i', [7, 7, 7]); print(b)
b[::2] = array('i', [0] * 6); print(b)
del b[::3]; print(b); del b[0]; print(b); del b[-2:]; print(b)
b[0] = 42; b[-1] = -42; print(b, 42 in b, 43 in b, b.count(0), b.index(0), list(reversed(b)))
b.reverse(); print(b, b.tolist(), list(b), [x * 2 for x in b])
c = b + b; c *= 2; print(len(c), c * 0, 2 * array('h', [1]), array('h', [1]) * 3)
c += array('i', [5]); print(c[-3:])
b.remove(42); print(b, b.pop(), b.pop(0), b)
print(array('b', [1, 2]) < array('b', [1, 3]), array('b', [1, 2]) >= array('b', [1, 2]), array('d', [1.0]) == array('i', [1]), array('b') != array('b'))
u = array('u', 'hello'); u.fromunicode(' world'); u.append('!'); print(u, u.tounicode(), u[1], u[1:3])
t(lambda: array('u', 'x').append(5))
import io
f = io.BytesIO(); array('h', [1, -2, 300]).tofile(f); f.seek(0)
h = array('h'); h.fromfile(f, 2); print(h); t(lambda: h.fromfile(f, 5)); print(h)
print(array('B', b'\x00\xff'), array('h', bytearray(b'\x01\x00')), array('b', array('b', [1])), array('d', (i / 2 for i in range(3))))
class Sub(array):
    pass
s = Sub('b', [1, 2]); print(s, type(s[:1]).__name__, isinstance(s, array), s == array('b', [1, 2]))
print(type(s+s).__name__, type(s*2).__name__, type(copy.copy(s)).__name__, type(copy.deepcopy(s)).__name__, s.__reduce_ex__(2)[0].__name__, s.__reduce_ex__(4)[1][0].__name__)
s.x = 5; print(s.__reduce_ex__(2)[1:], s.__reduce_ex__(4)[2])
s2 = pickle.loads(pickle.dumps(s)); print(type(s2).__name__, s2, s2.x)
from array import array
a = array("d", range(100000)); print(len(a.tobytes()), array("b", bytes(70000)).tobytes() == bytes(70000))
