# email.message, email.parser, email.generator, email.policy, email.header
import io
import email
from email import policy, errors
from email.message import Message, EmailMessage
from email.parser import Parser, HeaderParser, BytesParser, BytesHeaderParser
from email.feedparser import FeedParser
from email.generator import Generator, BytesGenerator, DecodedGenerator
from email.header import Header, decode_header, make_header
from email.headerregistry import Address
from email.charset import Charset
from email import charset as charset_mod
from email import iterators

print("== Message headers ==")
m = Message()
m['From'] = 'alice@example.com'
m['To'] = 'bob@example.com'
m['Received'] = 'from a'
m['Received'] = 'from b'
m['Subject'] = 'Hello'
print(len(m), m.keys())
print(m['received'], m.get_all('Received'), m.get_all('X-None'), m.get_all('X-None', []))
print('subject' in m, 'X-Missing' in m, m.get('x-missing'), m.get('x-missing', 'dflt'))
del m['received']
print(m.keys(), list(m), m.values())
m.replace_header('subject', 'Goodbye')
print(m.items())
try:
    m.replace_header('X-Nope', 'v')
except KeyError as e:
    print('KeyError', e)
m.add_header('Content-Disposition', 'attachment', filename='report.pdf')
m.add_header('X-Flag', 'yes', answer=None, long_name='v')
m.add_header('X-Intl', 'x', title='Grüße.txt')
print(m['Content-Disposition'], '|', m['X-Flag'], '|', m['X-Intl'])
print(m.get_filename(), m.get_param('filename', header='content-disposition'))
print(m.get_content_type(), m.get_content_maintype(), m.get_content_subtype(), m.get_default_type())
m.set_default_type('message/rfc822')
print(m.get_content_type())
m.set_default_type('text/plain')
print(m.as_string())

print("== Content-Type params ==")
m = Message()
m['Content-Type'] = 'text/plain; charset="ISO-8859-1"; format=flowed'
print(m.get_params())
print(m.get_params(unquote=False))
print(m.get_param('charset'), m.get_param('FORMAT'), m.get_param('nope'), m.get_param('nope', 'x'))
print(m.get_content_charset(), m.get_charsets())
m.set_param('charset', 'utf-8')
print(m['Content-Type'])
m.set_param('delsp', 'yes')
print(m['Content-Type'])
m.del_param('format')
print(m['Content-Type'])
m.set_type('text/html')
print(m['Content-Type'], m['MIME-Version'])
m.set_param('title', 'Ünïcode', header='X-Meta')
print(m['X-Meta'], m.get_param('title', header='X-Meta'))
m.set_param('name', 'café.txt', charset='utf-8', language='fr')
print(m['Content-Type'])
print(m.get_param('name'), m.get_filename())
try:
    m.set_type('bogus')
except ValueError:
    print('ValueError for bogus type')
m2 = Message()
m2['Content-Type'] = 'bogus'
print(m2.get_content_type(), m2.get_boundary(), m2.get_content_charset('none'))
m3 = Message()
m3['Content-Type'] = 'multipart/mixed; boundary="abc"'
print(m3.get_boundary())
m3.set_boundary('xyz')
print(m3['Content-Type'])
try:
    Message().set_boundary('x')
except errors.HeaderParseError as e:
    print('HeaderParseError', e)
m4 = Message()
m4['Content-Type'] = "text/plain; title*0*=us-ascii'en'This%20is%20; title*1*=%2A%2A%2Afun%2A%2A%2A; name*0=\"a\"; name*1=\"b\""
print(m4.get_param('title'), m4.get_param('name'))
print(m4.get_filename())

print("== payloads ==")
m = Message()
print(m.get_payload(), m.is_multipart())
m.set_payload('SGVsbG8gd29ybGQh\n')
m['Content-Transfer-Encoding'] = 'base64'
print(m.get_payload(), m.get_payload(decode=True))
m = Message()
m['Content-Transfer-Encoding'] = 'quoted-printable'
m.set_payload('caf=C3=A9 =3D ok=\n soft\n')
print(m.get_payload(decode=True))
m = Message()
m.set_payload('plain text')
print(m.get_payload(decode=True))
m = Message()
m['Content-Transfer-Encoding'] = 'base64'
m.set_payload('SGVsbG8')
print(m.get_payload(decode=True), m.defects)
m = Message()
m.set_payload('Grüße\n', 'utf-8')
print(m.as_string())
print(m.get_charset(), m.get_payload(decode=True).decode('utf-8'))
m = Message()
m.set_payload('Grüße\n', 'iso-8859-1')
print(m.as_string())
print(m.get_payload(decode=True))
m = Message()
m.set_payload('hello\n', 'us-ascii')
print(m.as_string())
try:
    m.attach(Message())
except TypeError as e:
    print('TypeError', e)
try:
    m.get_payload(0)
except TypeError as e:
    print('TypeError', e)

print("== parse ==")
text = """\
From sender@example.com  Mon Jan  1 00:00:00 2001
Return-Path: <sender@example.com>
From: Sender Name <sender@example.com>
To: rcpt@example.com, Other <other@example.com>
Subject: A long subject that was folded
 onto a second line
Date: Sun, 09 Sep 2001 01:46:40 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="===BOUNDARY=="

This is the preamble.

--===BOUNDARY==
Content-Type: text/plain; charset="us-ascii"

First part.
From here on, a line starting with From.

--===BOUNDARY==
Content-Type: text/html
Content-Transfer-Encoding: quoted-printable

<p>caf=C3=A9</p>
--===BOUNDARY==
Content-Type: application/octet-stream; name="data.bin"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="data.bin"

AAECAwQFBgc=
--===BOUNDARY==--
The epilogue.
"""
msg = email.message_from_string(text)
print(msg.get_unixfrom())
print(repr(msg['Subject']))
print(msg.is_multipart(), len(msg.get_payload()), repr(msg.preamble), repr(msg.epilogue))
for part in msg.walk():
    print(part.get_content_type(), part.get_content_charset(), part.get_filename(), repr(part.get_payload(decode=True)))
print(msg.as_string() == text[text.index('\n') + 1:])
print(msg.as_string(unixfrom=True) == text)
print(msg.get_payload(1).get_payload())
iterators._structure(msg)
print([p.get_content_type() for p in iterators.typed_subpart_iterator(msg)])
print(list(iterators.body_line_iterator(msg))[:3])

out = io.StringIO()
Generator(out).flatten(msg)
print(out.getvalue().count('>From'))
out = io.StringIO()
Generator(out, mangle_from_=False, maxheaderlen=40).flatten(msg)
print(out.getvalue()[:400])
out = io.StringIO()
DecodedGenerator(out).flatten(msg)
print(out.getvalue())

hmsg = HeaderParser().parsestr(text)
print(hmsg.is_multipart(), hmsg.get_payload()[:40].splitlines())
fp = FeedParser()
for i in range(0, len(text), 50):
    fp.feed(text[i:i + 50])
fmsg = fp.close()
print(fmsg.as_string() == msg.as_string())
pmsg = Parser().parse(io.StringIO(text))
print(pmsg['To'])
bmsg = email.message_from_bytes(text.encode('ascii'))
print(bmsg['From'], len(bmsg.get_payload()))
bmsg = BytesParser().parse(io.BytesIO(b'Subject: bytes\n\nbody\n'))
print(bmsg['Subject'], repr(bmsg.get_payload()))
bh = BytesHeaderParser().parsebytes(b'Subject: only headers\n\nbody\n')
print(bh['Subject'], repr(bh.get_payload()))
fmsg = email.message_from_file(io.StringIO('X: 1\n\nfile body'))
print(fmsg['X'], fmsg.get_payload())
fmsg = email.message_from_binary_file(io.BytesIO(b'X: 2\n\nbinary body'))
print(fmsg['X'], fmsg.get_payload())

print("== 8bit bytes ==")
raw = 'Subject: caf\xe9\nContent-Type: text/plain; charset="latin-1"\nContent-Transfer-Encoding: 8bit\n\ncaf\xe9 au lait\n'.encode('latin-1')
bm = email.message_from_bytes(raw)
print(bm.get_payload(decode=True), repr(bm.get_payload()))
print(bm.as_bytes() == raw)
print(str(bm['Subject']))
print(bm.as_string())

print("== defects ==")
d = email.message_from_string(' continuation first\nSubject: x\nno colon here\n\nbody\n')
print(d.defects, d.keys(), repr(d.get_payload()))
d = email.message_from_string('Content-Type: multipart/mixed\n\nno boundary\n')
print([type(x).__name__ for x in d.defects])
d = email.message_from_string('Content-Type: multipart/mixed; boundary=B\n\n--B\n\npart\n')
print([type(x).__name__ for x in d.defects], d.get_payload(0).get_payload())
d = email.message_from_string('Content-Type: multipart/mixed; boundary=B\n\nnothing\n')
print([type(x).__name__ for x in d.defects])
try:
    email.message_from_string('Content-Type: multipart/mixed\n\nx', policy=policy.strict)
except errors.MessageDefect as e:
    print('raised', type(e).__name__, isinstance(e, ValueError))

print("== compat32 folding ==")
m = Message()
m['Subject'] = ('This is a very long subject line that needs to be folded because it '
                'is longer than seventy-eight characters, really it is')
m['X-Long-No-Spaces'] = 'x' * 100
m['To'] = ', '.join('user%d@example.com' % i for i in range(8))
m['X-Unicode'] = 'Grüße aus München'
m['X-Header'] = Header('Héllo wörld', 'iso-8859-1')
m.set_payload('body\n')
print(m.as_string())
print(m.as_string(maxheaderlen=0)[:300])
print(m.as_string(policy=policy.compat32.clone(linesep='\r\n')).encode()[:100])

print("== header ==")
print(decode_header('=?iso-8859-1?q?p=F6stal?= and =?utf-8?b?w6lsw6hndmU=?='))
print(decode_header('no encoded words'))
print(decode_header('=?UTF-8?Q?a_b?= =?UTF-8?Q?c?='))
h = make_header(decode_header('=?iso-8859-1?q?p=F6stal?= and =?utf-8?b?w6lsw6hndmU=?='))
print(str(h), '|', h.encode())
h = Header('Grüße', 'utf-8', header_name='Subject')
h.append(' and more', 'us-ascii')
print(h.encode(), '|', str(h))
print(Header('ö' * 40, 'iso-8859-1', header_name='Subject').encode())
print(Header('a' * 30 + ' ' + 'b' * 30 + ' ' + 'c' * 30, header_name='X').encode())
print(Header('hello', 'utf-8') == 'hello')
try:
    decode_header('=?utf-8?b?####?=')
except errors.HeaderParseError as e:
    print('HeaderParseError', e)
c = Charset('utf-8')
print(c, repr(c), c.header_encoding, c.body_encoding, c.get_output_charset(), c.get_body_encoding())
print(c.header_encode('Grüße'), c.body_encode('Grüße'))
c = Charset('latin_1')
print(c, c.input_codec, c.get_body_encoding(), c.header_encode('Grüße'), c.body_encode('Grüße = x'))
c = Charset('ascii')
print(c, c.get_body_encoding().__name__, c.header_encode('plain'), c.body_encode('plain'))
print(Charset('euc-jp').output_charset, Charset('big5').input_codec, Charset('utf-8') == 'UTF-8')
try:
    Charset('café')
except errors.CharsetError as e:
    print('CharsetError', e)

print("== EmailMessage ==")
em = EmailMessage()
em['Subject'] = 'Réunion demain'
em['From'] = Address('Zoë Martin', 'zoe', 'example.org')
em['To'] = 'Bob <bob@example.com>, carol@example.com'
em['Date'] = 'Sun, 09 Sep 2001 01:46:40 +0000'
em['Message-ID'] = '<fixed.123@example.org>'
em.set_content('Bonjour,\nà demain.\n')
print(em.as_string())
print(str(em))
print(em['To'].addresses[1].username, em['From'].addresses[0].display_name, em['Date'].datetime.year)
print(em.get_content(), em['Content-Type'].content_type, em['Content-Type'].params)
print(type(em['Subject']).__name__ != 'str', isinstance(em['Subject'], str), em['Subject'].name)
try:
    em['To'] = 'x@y'
except ValueError as e:
    print('ValueError', e)
try:
    em['X-Bad'] = 'a\nb'
except ValueError as e:
    print('ValueError', e)
em.add_alternative('<p>Bonjour</p>\n', subtype='html')
em.add_attachment(b'PNGDATA' * 20, maintype='image', subtype='png', filename='pic.png')
em.add_attachment('col1,col2\n1,2\n', subtype='csv', filename='data.csv')
em.set_boundary('===outer==')
em.get_payload(0).set_boundary('===inner==')
print(em.as_string())
print(em.get_body().get_content_type(), em.get_body(('plain',)).get_content())
print([a.get_filename() for a in em.iter_attachments()], [a.get_content_type() for a in em.iter_parts()])
print(em.get_payload(1).get_content()[:14], em.get_payload(2).get_content())
print(em.get_payload(1).is_attachment(), em.get_payload(0).is_attachment())
reparsed = email.message_from_string(em.as_string(), policy=policy.default)
print(type(reparsed).__name__, reparsed['Subject'], reparsed.get_body(('html',)).get_content())
print(reparsed.as_string() == em.as_string())
em2 = EmailMessage()
em2.set_content(b'\x00\x01\x02\x03', maintype='application', subtype='octet-stream', filename='x.bin', cid='<cid1@x>')
print(em2.as_string())
em3 = EmailMessage()
em3.set_content('Grüße\n', cte='quoted-printable')
print(em3.as_string(), repr(em3.get_content()))
em4 = EmailMessage()
em4.set_content('long line ' * 20 + '\n', subtype='plain', charset='us-ascii')
print(em4.as_bytes())
em5 = EmailMessage()
em5['Subject'] = 'x'
em5.set_content('body\n')
em5.make_mixed('MIXB')
print(em5.as_string())
try:
    em5.make_alternative()
except ValueError as e:
    print('ValueError', e)
try:
    em5.set_content('again')
except TypeError as e:
    print('TypeError', e)
em5.clear_content()
print(em5.keys(), em5.get_payload())
em5.clear()
print(em5.keys())

print("== policies ==")
for name in ('compat32', 'default', 'SMTP', 'HTTP', 'strict', 'SMTPUTF8'):
    p = getattr(policy, name)
    print(name, type(p).__name__, repr(p.linesep), p.max_line_length, p.raise_on_defect, p.mangle_from_, p.cte_type, getattr(p, 'utf8', None))
p = policy.default.clone(max_line_length=40, linesep='\r\n')
print(p.max_line_length, repr(p.linesep), policy.default.max_line_length)
print(repr(policy.compat32), repr(policy.compat32.clone(linesep='\r\n')))
try:
    policy.default.max_line_length = 10
except AttributeError as e:
    print('AttributeError', e)
try:
    policy.default.nothing = 10
except AttributeError as e:
    print('AttributeError', e)
try:
    policy.compat32.clone(bogus=1)
except TypeError as e:
    print('TypeError', e)
try:
    policy.EmailPolicy(bogus=1)
except TypeError as e:
    print('TypeError', e)
print((policy.default + policy.SMTP).linesep == '\r\n')
em6 = EmailMessage(policy=policy.SMTP)
em6['Subject'] = 'crlf'
em6.set_content('a\nb\n')
print(em6.as_bytes())
print(Message().policy is policy.compat32, EmailMessage().policy is policy.default)
