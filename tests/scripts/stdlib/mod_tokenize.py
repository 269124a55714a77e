import io
import os
import tempfile
import token
import tokenize

# -- the token module --------------------------------------------------------
print(token.ENDMARKER, token.NAME, token.OP, token.ERRORTOKEN, token.COMMENT,
      token.NL, token.ENCODING, token.N_TOKENS, token.NT_OFFSET)
print(token.tok_name[token.COLONEQUAL], token.tok_name[63], len(token.tok_name))
print(len(token.EXACT_TOKEN_TYPES), token.EXACT_TOKEN_TYPES['**='],
      token.EXACT_TOKEN_TYPES['->'], token.EXACT_TOKEN_TYPES['...'])
print(token.ISTERMINAL(token.OP), token.ISNONTERMINAL(token.OP),
      token.ISNONTERMINAL(300), token.ISEOF(token.ENDMARKER), token.ISEOF(1))
print(token.__all__[:6], len(token.__all__))
print(tokenize.__all__[-5:], tokenize.tabsize, tokenize.COMMENT is token.COMMENT)


def show(source):
    print('----', repr(source))
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            extra = ''
            if tok.type == token.OP:
                extra = ' ' + token.tok_name[tok.exact_type]
            print(' ', token.tok_name[tok.type], repr(tok.string), tok.start,
                  tok.end, repr(tok.line) + extra)
    except tokenize.TokenError as e:
        print('  TokenError', e.args)
    except IndentationError as e:
        print('  IndentationError', e.args)


show('x = 1\n')
show('def f(a, *args, b=2, **kw) -> int:\n    return a + b  # sum\n')
show('if x:\n    if y:\n        pass\n    z = 3\nw\n')
show('x = (1,\n     2)  # c\n\n# alone\n   \ny = [\n]\n')
show('a = 1 + \\\n    2\nb\n')
show('s = """multi\nline\n  string"""\nt = \'\'\'x\'\'\'\n')
show("f'{x!r:>{w}}' rb'\\x00' Rb\"a\" u'u' F'''z''' br'\\d'\n")
show('n = 0xFF + 0o17 + 0b101 + 1_000 + 3.14 + .5 + 1e-10 + 2j + 1.5J + 0\n')
show('a := b ** 2 // c @ d ... e != f <<= g >>= h\n')
show('x $ y ? z ! w `q`\n')
show("s = 'unterminated\nt = 1\n")
show('x = "abc\\\ndef"\n')
show("'abc\\\ndef\nx = '''a\nb\nc'''\n")
show('café = naïve + 名前\n')
show('x = 1')
show('x = 1   ')
show('x = 1\n# trailing comment')
show('x = 1\r\ny = 2\r\n')
show('if a:\n\tb\n\tc\n')
show('\x0cx = 1\n')
show('async def f():\n    await g()\n')
show('@decorator\nclass C(Base, metaclass=M):\n    x: int = 0\n')
show('lambda: (yield)\n')
show('1if x else 2\n0777 + 1__0 + 0x\n')
show('')
show('\n\n')
show('   ')
show('#!/usr/bin/env python\n')
show('x = (\n')
show('"""never\nclosed\n')
show('if x:\n        a\n    b\n')
show('x = [1,\n\n  # comment\n  2]\n')

# -- tokenize() on bytes: the ENCODING token ----------------------------------
def show_bytes(data):
    print('====', data)
    try:
        print(' ', tokenize.detect_encoding(io.BytesIO(data).readline))
        for tok in tokenize.tokenize(io.BytesIO(data).readline):
            print(' ', tok)
    except SyntaxError as e:
        print('  SyntaxError', e)


show_bytes(b'x = 1\n')
show_bytes(b'\xef\xbb\xbfx = "\xc3\xa9"\n')
show_bytes(b'# -*- coding: latin-1 -*-\ns = "\xe9"\n')
show_bytes(b'#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\nx\n')
show_bytes(b'x = 1\n# coding: latin-1\n')
show_bytes(b'# coding: no-such-codec\n')
show_bytes(b'\xef\xbb\xbf# coding: latin-1\n')
show_bytes(b'\xff\xfe = 1\n')
show_bytes(b'')
show_bytes(b'\n\n# coding: utf-8\n')
show_bytes(b'# coding=UTF_8\nx\n')

# -- untokenize ----------------------------------------------------------------
src = 'def f(x):\n    if x:\n        return [x,\n  x]  # c\n    return None\n\nf(1)\n'
toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
print(tokenize.untokenize(toks) == src)
print(repr(tokenize.untokenize((t.type, t.string) for t in toks)))
btoks = list(tokenize.tokenize(io.BytesIO(src.encode()).readline))
print(repr(tokenize.untokenize(btoks)))
print(repr(tokenize.untokenize([(token.NAME, 'x'), (token.OP, '='),
                                (token.STRING, "'a'"), (token.STRING, "'b'"),
                                (token.NEWLINE, '\n'), (token.ENDMARKER, '')])))
print(repr(tokenize.untokenize(tokenize.generate_tokens(
    io.StringIO('a  =  (1,\n 2)\nb = 3 \\\n  + 4\n').readline))))
try:
    tokenize.untokenize([tokenize.TokenInfo(1, 'a', (2, 0), (2, 1), ''),
                         tokenize.TokenInfo(1, 'b', (1, 0), (1, 1), '')])
except ValueError as e:
    print('ValueError', e)

# -- TokenInfo -----------------------------------------------------------------
t = tokenize.TokenInfo(token.OP, '+=', (1, 2), (1, 4), 'x += 1\n')
print(t)
print(t.exact_type, t.type, t._fields, t == (54, '+=', (1, 2), (1, 4), 'x += 1\n'))
print(t._replace(string='-=').exact_type, tokenize.TokenInfo(1, 'x', (1, 0), (1, 1), '').exact_type)
print(tokenize.TokenInfo(token.OP, '?', (1, 0), (1, 1), '').exact_type)

# -- readline that raises StopIteration -------------------------------------------
lines = iter(['a = 1\n', 'b = 2\n'])
print([(token.tok_name[t.type], t.string) for t in tokenize.generate_tokens(lines.__next__)])

# -- tokenize.open --------------------------------------------------------------
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, 'latin.py')
    with open(path, 'wb') as f:
        f.write(b'# -*- coding: latin-1 -*-\nname = "Jos\xe9"\n')
    with tokenize.open(path) as f:
        print(f.encoding, f.mode, repr(f.read()))
    with open(path, 'rb') as f:
        print([t.string for t in tokenize.tokenize(f.readline)][:3])
