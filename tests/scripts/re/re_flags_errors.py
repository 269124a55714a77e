import re

print(re.I, re.IGNORECASE, re.M, re.S, re.X, re.A, re.U, re.L, re.NOFLAG)
print(repr(re.I | re.M), repr(re.M | re.I), str(re.S | re.X), repr(re.I | 4096))
print(repr(~re.I), repr(re.I & re.M), repr(re.I ^ re.I), re.I | re.M == 10)
print(int(re.I), re.I == 2, re.I + 1, type(re.I | re.M).__name__, isinstance(re.I, int))
print(re.I.name, (re.I | re.M).value, re.RegexFlag.MULTILINE, re.RegexFlag(8))
print(re.compile('a').flags, re.compile(b'a').flags, re.compile('(?ims)a').flags)
print(re.compile('(?a)a').flags, re.compile('a', re.I).flags == re.I | re.U)

print(re.match('abc', 'ABC', re.I), re.findall('^x', 'x\nx\ny', re.M), re.match('a.b', 'a\nb', re.S))
print(re.match('''a  b  # comment
   c''', 'abc', re.X), re.match(r'\w', 'é', re.A), re.match(r'\w', 'é'))

def err(pattern, flags=0):
    try:
        re.compile(pattern, flags)
    except re.error as e:
        print(repr(str(e)), e.msg, e.pattern == pattern, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(type(e).__name__, e)

for pat in ['(', ')', 'a)', '[', '[b-a]', 'a{3,2}', '*', 'a**', 'a++b+*',
            '(?P<n>a)(?P<n>b)', '(?P<1x>a)', '(?P=nope)', r'\1', r'(a)\2',
            '(?<=a+)b', '(?z)', '(?', '\\', r'\q', '(?P<>a)', 'a{1,2', '[a-\\d]',
            '(?i', 'ab(?i)c', '(?#unfinished']:
    err(pat)
err('a\nb\n(c', 0)
err(b'(')
err('a', re.A | re.L)
err(b'a', re.U)
err('(' * 200 + ')' * 200)

try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e, e.pos)
try:
    re.sub('(a)', r'\g<x>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.sub('(a)', r'\g<', 'a')
except re.error as e:
    print(e)
try:
    re.compile(re.compile('a'), re.I)
except ValueError as e:
    print(e)
for bad in [1, None, ['a']]:
    try:
        re.compile(bad)
    except TypeError as e:
        print(e)
for bad in [lambda: re.match('a', 1), lambda: re.match(b'a', 'a'), lambda: re.match('a', b'a'),
            lambda: re.findall('a', None), lambda: re.sub('a', 'b', 3)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(issubclass(re.error, Exception), re.error.__name__, re.error.__module__)
e = re.error('boom', 'ab\ncd', 4)
print(e, e.lineno, e.colno, re.error('plain'))
