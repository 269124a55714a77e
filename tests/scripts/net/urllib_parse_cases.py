# urllib.parse: splitting, joining, quoting and query strings.
from urllib.parse import (
    urlparse, urlunparse, urlsplit, urlunsplit, urljoin, urldefrag,
    urlencode, quote, quote_plus, quote_from_bytes, unquote, unquote_plus,
    unquote_to_bytes, parse_qs, parse_qsl, ParseResult, SplitResult)


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


URLS = [
    'http://www.example.com/path/to/page.html?q=1&r=2#frag',
    'https://user:pass@Example.COM:8443/a;params?x=y#top',
    'http://[::1]:8080/ipv6',
    'http://[fe80::1%eth0]/zone',
    'ftp://ftp.example.org/pub/file.txt',
    'file:///etc/hosts',
    'mailto:someone@example.com',
    'news:comp.lang.python',
    '//host.only/path',
    '/just/a/path?query',
    'relative/path',
    'path;with;semicolons',
    'http://host/a;b/c;d?e#f',
    'HTTP://HOST/Case',
    'http://host:/empty-port',
    'http://host:80',
    '',
    '?only=query',
    '#only-fragment',
    '  http://padded.example/  ',
    'http://ex\tample.com/ta\nb\rs',
    'scheme-with+chars.1:opaque',
    '1http://not-a-scheme',
    'data:text/plain,hello',
    'urn:isbn:0451450523',
    'http://a/b/c?d#e#f',
    'http://user@host',
    'http://:pass@host',
    'http://host/?',
    'http://host/#',
]

print('--- urlparse and urlsplit')
for url in URLS:
    p = urlparse(url)
    s = urlsplit(url)
    print(repr(url))
    print('  ', p)
    print('  ', tuple(s))
    print('  ', p.geturl(), '|', s.geturl(), '|', urlunparse(p) == p.geturl())
    try:
        print('  ', p.username, p.password, p.hostname, p.port)
    except ValueError as e:
        print('   ValueError:', e)

print('--- attributes and results')
r = urlparse('http://user:pw@Host.Example:81/p;q?r=s#t')
print(r.scheme, r.netloc, r.path, r.params, r.query, r.fragment)
print(r[0], r[-1], len(r), isinstance(r, tuple), type(r).__name__, isinstance(r, ParseResult))
print(r._replace(scheme='https', fragment='').geturl())
print(r._asdict())
s = urlsplit('http://h/p?q#f')
print(type(s).__name__, isinstance(s, SplitResult), s._fields)
print(urlparse('http://h/p', scheme='ftp').scheme, urlparse('//h/p', scheme='ftp').scheme)
print(urlsplit('http://h/p#frag', allow_fragments=False))
attempt('port letters', lambda: urlparse('http://h:abc/').port)
attempt('port range', lambda: urlparse('http://h:70000/').port)
attempt('bad ipv6', lambda: urlparse('http://[::1/'))
attempt('bad ipv6 2', lambda: urlparse('http://::1]/'))
attempt('ipv4 in brackets', lambda: urlparse('http://[1.2.3.4]/'))
attempt('bracketed junk', lambda: urlsplit('http://[abc]/'))
attempt('ipvfuture ok', lambda: urlsplit('http://[v1.x]/').netloc)
attempt('ipvfuture bad', lambda: urlsplit('http://[vz]/'))

print('--- bytes')
b = urlparse(b'http://h/p?q=1')
print(b, b.geturl(), type(b).__name__)
print(urlsplit(b'http://a/b').decode(), urlsplit('http://a/b').encode())
print(urlunsplit((b'http', b'h', b'/p', b'', b'')))
attempt('mixed', lambda: urljoin('http://a/', b'b'))

print('--- urlunparse and urlunsplit')
for parts in [('http', 'h', '/p', 'pa', 'q', 'f'), ('http', 'h', 'p', '', '', ''),
              ('', '', 'p', '', '', ''), ('file', '', '/tmp/x', '', '', ''),
              ('mailto', '', 'a@b', '', '', ''), ('http', '', '', '', 'q', '')]:
    print(parts, '->', urlunparse(parts))
for parts in [('http', 'h', '/p', 'q', 'f'), ('https', 'h:1', '', '', ''),
              ('', 'h', 'p', '', ''), ('svn+ssh', '', 'x', '', '')]:
    print(parts, '->', urlunsplit(parts))

print('--- urljoin (RFC 3986 examples)')
base = 'http://a/b/c/d;p?q'
for rel in ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s',
            'g?y#s', ';x', 'g;x', 'g;x?y#s', '', '.', './', '..', '../',
            '../g', '../..', '../../', '../../g', '../../../g', '../../../../g',
            '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.',
            'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x',
            'g?y/../x', 'g#s/./x', 'g#s/../x', 'http:g', 'https:g', 'http://other/x']:
    print(repr(rel), '->', urljoin(base, rel))
print(urljoin('http://a/b/', 'c'), urljoin('http://a/b', 'c'), urljoin('', 'x'), urljoin('x', ''))
print(urljoin('http://a/b/c', '../../../x'), urljoin('mailto:a@b', 'c'))
print(urljoin('http://a/b#frag', '#other'), urljoin('http://a/b', '//c/d', allow_fragments=False))

print('--- urldefrag')
print(urldefrag('http://a/b#c'), urldefrag('http://a/b'), urldefrag('http://a/b#c').geturl())
print(urldefrag(b'http://a/b#c'))

print('--- quoting')
for text in ['plain', 'a b', 'a+b', '/path/to file', 'ümlaut', '€', '~_.-', 'a/b?c=d&e#f',
             '', "quote'this\"", '%already%20quoted', '\x00\x7f']:
    print(repr(text), quote(text), quote(text, safe=''), quote_plus(text), quote_plus(text, safe='/'))
print(quote('ü', encoding='latin-1'), quote('ü€', errors='ignore', encoding='latin-1'))
print(quote(b'\x00\xff bytes'), quote_from_bytes(b'a/b c', safe=''), quote_from_bytes(b''))
print(quote('a b', safe=b'  '), quote_plus(b'a b&c'))
attempt('quote bytes with encoding', lambda: quote(b'x', encoding='utf-8'))
attempt('quote_from_bytes str', lambda: quote_from_bytes('x'))
for text in ['plain', 'a%20b', 'a+b', '%C3%BCmlaut', '%E2%82%AC', '%zz%4', '%41%42%43',
             '%E9', 'ü%C3%BC', '%', '', '100%25']:
    print(repr(text), repr(unquote(text)), repr(unquote_plus(text)), unquote_to_bytes(text))
print(unquote('%E9', encoding='latin-1'), unquote('%E9', errors='strict') if False else '',
      unquote(b'%41%20b'), unquote_to_bytes(b'a%2'), unquote_to_bytes('€'))
attempt('unquote strict', lambda: unquote('%E9', errors='strict'))

print('--- query strings')
QS = ['a=1&b=2&a=3', 'a=&b=2', 'a&b=2', 'x=a+b%20c&y=%C3%BC', '', '&&a=1&&',
      'k=v=w', '=v', 'a=1;b=2', 'list=1&list=2&list=3']
for qs in QS:
    print(repr(qs), parse_qsl(qs), parse_qs(qs), parse_qsl(qs, keep_blank_values=True))
print(parse_qs('a=1;b=2', separator=';'), parse_qsl(b'a=1&b=%20'))
attempt('strict blank', lambda: parse_qsl('a&b=1', strict_parsing=True))
attempt('strict empty', lambda: parse_qsl('a=1&&b=2', strict_parsing=True))
attempt('max fields', lambda: parse_qsl('a=1&b=2&c=3', max_num_fields=2))
attempt('bad separator', lambda: parse_qsl('a=1', separator=''))
print(urlencode({'a': 1, 'b': 'two words', 'c': 'ü&='}))
print(urlencode([('x', 'y'), ('x', 'z')]), urlencode({}), urlencode([]))
print(urlencode({'l': [1, 2, 3], 's': 'abc', 'b': b'by tes'}, doseq=True))
print(urlencode({'l': [1, 2]}), urlencode({'p': 'a/b c'}, quote_via=quote), urlencode({'p': 'a/b'}, safe='/'))
print(urlencode({'k': 'é'}, encoding='latin-1'), urlencode({'k': None, 'n': 1.5, 'b': True}))
attempt('urlencode string', lambda: urlencode('abc'))
attempt('urlencode bad list', lambda: urlencode([1, 2]))
