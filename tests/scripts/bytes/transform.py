# case, predicates, padding, tabs, translate, fromhex on bytes and bytearray


def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ':', e)
    else:
        print(repr(r))


for B in (bytes, bytearray):
    print(B.__name__)
    s = B(b'hello World 123 \xe9\xc9')
    t(lambda: s.upper())
    t(lambda: s.lower())
    t(lambda: s.swapcase())
    t(lambda: s.title())
    t(lambda: B(b"they're bill's friends").title())
    t(lambda: B(b'hELLO wORLD').capitalize())
    t(lambda: B(b'123abc').capitalize())
    for w in [b'', b'abc', b'ABC', b'Abc', b'abc1', b'123', b' \t', b'Hello World',
              b'Hello world', b'\xe9', b'a b', b'A1B', b'aB']:
        w = B(w)
        print(w, w.isalnum(), w.isalpha(), w.isascii(), w.isdigit(),
              w.islower(), w.isspace(), w.istitle(), w.isupper())
    t(lambda: B(b'ab').center(7))
    t(lambda: B(b'ab').center(7, b'*'))
    t(lambda: B(b'abc').center(6, b'*'))
    t(lambda: B(b'ab').center(6, b'*'))
    t(lambda: B(b'abc').center(2))
    t(lambda: B(b'ab').ljust(5, bytearray(b'.')))
    t(lambda: B(b'ab').rjust(5, b'.'))
    t(lambda: B(b'ab').rjust(5, b'..'))
    t(lambda: B(b'ab').rjust(5, '.'))
    t(lambda: B(b'ab').ljust(5, 46))
    t(lambda: B(b'ab').ljust())
    t(lambda: B(b'ab').ljust('5'))
    t(lambda: B(b'42').zfill(5))
    t(lambda: B(b'-42').zfill(5))
    t(lambda: B(b'+42').zfill(2))
    t(lambda: B(b'').zfill(3))
    t(lambda: B(b'a\tbc\tdef\n\tg').expandtabs())
    t(lambda: B(b'a\tbc\tdef\r\tg').expandtabs(4))
    t(lambda: B(b'a\tb').expandtabs(tabsize=0))
    t(lambda: B(b'a\tb').expandtabs(-1))
    table = bytes.maketrans(b'abc', b'xyz')
    t(lambda: len(table))
    t(lambda: table[97:100])
    t(lambda: B(b'aabbccdd').translate(table))
    t(lambda: B(b'aabbccdd').translate(table, b'd'))
    t(lambda: B(b'aabbccdd').translate(None, b'ab'))
    t(lambda: B(b'aabbccdd').translate(None, delete=b'c'))
    t(lambda: B(b'abc').translate(b'short'))
    t(lambda: B(b'abc').translate('x' * 256))
    t(lambda: B.maketrans(b'ab', b'x'))
    t(lambda: B.maketrans('ab', 'xy'))
    t(lambda: bytearray.maketrans(b'a', b'b')[97])
    t(lambda: type(bytearray.maketrans(b'a', b'b')))
    t(lambda: B.fromhex('48 65 6c6c 6f'))
    t(lambda: B.fromhex(''))
    t(lambda: B.fromhex(' 4 8'))
    t(lambda: B.fromhex('4g'))
    t(lambda: B.fromhex('123'))
    t(lambda: B.fromhex(b'41'))
    t(lambda: B.fromhex('\t41\n42\r\x0b43\x0c '))
    t(lambda: B(b'abc').fromhex('41'))
    t(lambda: B(b'\x00\xffab').hex())
    t(lambda: B(b'\x00\xffab').hex(':', 2))
    t(lambda: B(b'\x00\xffab\x01').hex(b'-', -2))
    t(lambda: B(b'abc').isalpha(1))


class MyBytes(bytes):
    pass


m = MyBytes(b'abc')
t(lambda: type(m.upper()))
t(lambda: type(m.replace(b'x', b'y')))
t(lambda: type(m.split(b'b')[0]))
t(lambda: MyBytes.fromhex('4142'))
t(lambda: type(MyBytes.fromhex('4142')))
t(lambda: m.find(b'c'))
