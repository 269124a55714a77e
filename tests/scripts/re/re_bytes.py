import re

p = re.compile(rb'(\d+)-(?P<w>\w+)')
m = p.search(b'xx 12-ab yy')
print(p, m, m.group(), m.groups(), m.groupdict(), m.span(1), m['w'])
print(p.findall(b'1-a 2-b'), p.sub(rb'\g<w>=\1', b'1-a 2-b'), p.split(b'x1-ay'))
print(re.findall(rb'\w', b'a\xe9b'), re.findall(rb'(?i)\xe9', b'\xc9\xe9'), re.escape(b'a+\xff'))
print(re.sub(b'a', lambda m: b'<' + m.group() + b'>', b'banana'))
print(re.match(b'a', bytearray(b'abc')).group(), re.findall(b'a', bytearray(b'aa')), re.sub(b'a', b'x', memoryview(b'aa')))
print(re.match(rb'\d', b'1').string, re.compile(b'[^a]').findall(b'\x00a\x80'))
