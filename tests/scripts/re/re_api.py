import re

# module functions
print(re.match(r'\d+', '123abc'), re.match(r'\d+', 'abc'))
print(re.search(r'b+', 'abbbc'), re.fullmatch(r'[a-c]+', 'abcabc'))
print(re.findall(r'\b\w', 'one two three'), re.findall(r'(a)(b)|(c)', 'ab c'))
print([m.group() for m in re.finditer(r'\d', 'a1b22c333')])
print(re.split(r'\s+', ' a b  c '), re.split(r'(\d)', 'a1b2c', maxsplit=1))
print(re.split(r'\b', 'a b'), re.split('x*', 'axbc'))

# Pattern attributes and repr
p = re.compile(r'(?P<year>\d{4})-(?P<month>\d\d)(-(?P<day>\d\d))?', re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex, dict(p.groupindex))
print(repr(re.compile('a')), repr(re.compile('a', re.S | re.X)), repr(re.compile(b'x', re.I)))
print(repr(re.compile('a', re.A)), repr(re.compile('(?x)a')), repr(re.compile('a', 1024)))
print(re.compile('a') == re.compile('a'), re.compile('a') == re.compile('a', re.I))
print(hash(re.compile('q')) == hash(re.compile('q')), re.compile(p) is p)
print(type(p).__name__, type(p).__module__, re.Pattern is type(p), re.Match)

# Match objects
m = p.search('date: 2024-03-15 and 1999-12')
print(m, m.group(), m.group(0, 'year', 2), m.groups(), m.groups('-'))
print(m.groupdict(), m.groupdict('?'), m.start('month'), m.end(3), m.span(4))
print(m.lastindex, m.lastgroup, m.pos, m.endpos, m.string, m.re is p, m.regs)
print(m[0], m[1], m['day'], m.expand(r'\g<day>/\g<month>/\1 [\g<0>]'))
m2 = p.search('1999-12')
print(m2.groups(), m2.group('day'), m2.span('day'), m2.start(3), m2.lastindex, m2.lastgroup)
print(m2.expand(r'[\4]'), m2.groupdict(0))
for bad in [5, 'nope', -1, 1.5]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(re.match('(a)|(b)', 'b').lastindex, re.match('((a)b)', 'ab').lastindex)
print(re.match('(?P<x>a)(?P<y>b)?', 'a').lastgroup, re.match('(a)(?:b)', 'ab').lastgroup)
print(repr(re.match('.*', 'x' * 80)), repr(re.match('.*', "it's")))

# pos and endpos
q = re.compile(r'\w')
print(q.match('ab', 1), q.match('ab', 5), q.search('abc', 1, 2), q.search('abc', -3, 1))
print(q.findall('abcdef', 2, 4), [x.span() for x in q.finditer('abcd', 1, 3)])
print(q.fullmatch('abc', 1, 2), re.compile('$').search('ab', 0, 1))
m3 = q.match('xyz', 1, 100)
print(m3.pos, m3.endpos)

# sub and subn
print(re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world foo bar'))
print(re.sub(r'a', r'\n', 'bab'), repr(re.sub('a', r'\\', 'a')), re.sub('(?P<n>x)', r'<\g<n>\g<1>>', 'axb'))
print(re.sub(r'\d', lambda m: str(int(m.group()) * 2), 'a1b2c3', count=2))
print(re.subn(r'o', '0', 'foo boo'), re.subn('z', 'y', 'abc'))
print(re.sub('', '-', 'abc'), re.sub('b*', '-', 'abc'), re.sub('(b)?c', r'[\1]', 'ac bc'))
print(re.sub('a', lambda m: '', 'banana'), re.sub(r'(?i)N', 'n', 'BANANA'))
print(re.compile('o').sub('0', 'foo', 1), re.compile('o').subn(lambda m: 'O', 'foo'))

# escape and purge
print(re.escape('1.5*[x]+(y)? ^$ {a|b} \\ # ~&-'), re.escape('héllo wörld'))
print(re.escape(b'a.b c'), re.purge())
print(re.match(re.escape('a.b'), 'a.b'), re.match(re.escape('a.b'), 'axb'))

# unicode text
print(re.findall(r'\w+', 'naïve café über'), re.sub('ü', 'ue', 'über'), re.search('(é+)', 'caféé').span(1))
print(re.split('ß', 'aßbßc'), re.match('(?i)STRASSE', 'strasse'), re.findall('(?i)σ', 'ΣσςΣ'))
print(re.search(r'\d+', '٣٤ and 12'), re.search(r'(?a)\d+', '٣٤ and 12'))
