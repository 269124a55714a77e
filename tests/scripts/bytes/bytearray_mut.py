# bytearray's mutating methods and in-place operators


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


a = bytearray(b'abc')
a.append(100)
print(a)
t(lambda: a.append(256))
t(lambda: a.append(b'x'))
t(lambda: a.append(-1))
a.extend(b'ef')
a.extend([103, 104])
a.extend(bytearray(b'i'))
a.extend(memoryview(b'j'))
a.extend(x for x in [107])
a.extend(range(108, 110))
print(a)
t(lambda: a.extend('xyz'))
t(lambda: a.extend(5))
t(lambda: a.extend([1, 'a']))
t(lambda: a.extend([300]))
a.insert(0, 65)
a.insert(-1, 66)
a.insert(100, 67)
a.insert(-100, 68)
print(a)
t(lambda: a.insert(0, b'x'))
t(lambda: a.pop())
t(lambda: a.pop(0))
t(lambda: a.pop(-2))
t(lambda: a.pop(100))
t(lambda: bytearray().pop())
print(a)
a.remove(108)
print(a)
t(lambda: a.remove(200))
t(lambda: a.remove(b'a'))
c = a.copy()
c.reverse()
print(c, a, c is a, type(c))
a.clear()
print(a, len(a))
b = bytearray(b'xy')
alias = b
b += b'z'
b += bytearray(b'!')
b += memoryview(b'?')
print(b, alias is b)
b *= 2
print(b, alias is b)
t(lambda: b.__iadd__('s'))
t(lambda: b.__imul__('s'))
b *= 0
print(b, alias is b)
r = bytearray(b'hello')
r[1:3] = b'EY'
r[0] = 72
del r[-1]
r[::2] = b'xy'
print(r)
del r[::2]
print(r)
r2 = bytearray(range(10))
r2[2:8:3] = [0, 0]
print(r2)
print(bytearray(b'abc') + b'def', b'abc' + bytearray(b'def'), type(b'a' + bytearray(b'b')))
print(bytearray(b'ab') * 3, 2 * bytearray(b'ab'))
print(bytearray(b'ab') == bytearray(b'ab'), bytearray(b'ab') < b'ac', bytearray(b'b') > b'a')
t(lambda: hash(bytearray(b'x')))
t(lambda: bytearray(b'x').upper() is not None)
x = bytearray(b' a ')
y = x.strip()
y.append(33)
print(x, y)
z = bytearray(b'aa')
print(z.replace(b'q', b'r') is z, z.lower() is z)
