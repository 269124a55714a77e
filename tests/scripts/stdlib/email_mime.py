# email.mime.*, email.encoders, email.generator boundaries
import io
import random
import email
from email import encoders, errors
from email.mime.base import MIMEBase
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.mime.image import MIMEImage
from email.mime.audio import MIMEAudio
from email.mime.message import MIMEMessage
from email.generator import Generator, BytesGenerator
from email import policy

print("== MIMEText ==")
t = MIMEText('Hello world\nline 2\n')
t['Subject'] = 'Test'
t['From'] = 'a@b.c'
print(t.as_string())
print(t.get_charset(), t.get_content_charset(), t.get_payload(decode=True))
for args in [('Grüße\n', 'plain', 'utf-8'), ('Grüße\n', 'html', 'iso-8859-1'), ('Grüße\n',),
             ('plain ascii\n', 'plain', 'us-ascii'), ('Ünïcödé ' * 12 + '\n', 'plain', 'utf-8'),
             ('Grüße\n', 'plain', 'latin-1'), ('', 'plain')]:
    m = MIMEText(*args)
    print(m.as_string())
    print(repr(m.get_payload(decode=True)))
m = MIMEText('<b>x</b>', 'html', policy=policy.default)
print(m.as_string(), type(m.policy).__name__)
try:
    MIMEText('x').attach(MIMEText('y'))
except errors.MultipartConversionError as e:
    print('MultipartConversionError', e, isinstance(e, TypeError))

print("== MIMEBase / encoders ==")
b = MIMEBase('application', 'octet-stream', name='x.bin')
b.set_payload(b'\x00\x01\x02 abc = def\xff' * 4)
encoders.encode_base64(b)
print(b.as_string())
print(b.get_payload(decode=True)[:10])
q = MIMEBase('text', 'plain')
q.set_payload(b'caf\xc3\xa9 = tab\there \n' * 3 + b'x' * 90)
encoders.encode_quopri(q)
print(q.as_string())
print(q.get_payload(decode=True))
s = MIMEBase('text', 'plain')
s.set_payload('seven bit')
encoders.encode_7or8bit(s)
print(s['Content-Transfer-Encoding'])
e = MIMEBase('text', 'plain')
e.set_payload(b'eight \xe9 bit')
encoders.encode_7or8bit(e)
print(e['Content-Transfer-Encoding'])
n = MIMEBase('text', 'plain')
n.set_payload('noop')
encoders.encode_noop(n)
print(n.keys(), n.get_payload())
nm = MIMENonMultipart('text', 'x-custom', charset='us-ascii')
print(nm.items())

print("== MIMEApplication / MIMEImage / MIMEAudio ==")
a = MIMEApplication(b'%PDF-1.4 fake pdf data\n' * 3, 'pdf', Name='doc.pdf')
a.add_header('Content-Disposition', 'attachment', filename='doc.pdf')
print(a.as_string())
a2 = MIMEApplication(b'raw', _encoder=encoders.encode_noop)
print(a2.items(), a2.get_payload())
try:
    MIMEApplication(b'x', None)
except TypeError as e:
    print('TypeError', e)
gif = b'GIF89a' + bytes(range(20))
png = b'\x89PNG\r\n\x1a\n' + bytes(20)
jpg = b'\xff\xd8\xff\xe0\x00\x10JFIF\x00' + bytes(10)
for data in (gif, png, jpg):
    img = MIMEImage(data)
    print(img.get_content_type(), img['Content-Transfer-Encoding'], img.get_payload(decode=True) == data)
img = MIMEImage(b'whatever', 'x-custom')
print(img.get_content_type())
try:
    MIMEImage(b'not an image')
except TypeError as e:
    print('TypeError', e)
wav = b'RIFF\x24\x00\x00\x00WAVEfmt ' + bytes(16)
au = MIMEAudio(wav)
print(au.get_content_type(), au.as_string().splitlines()[:4])
print(MIMEAudio(b'.snd' + bytes(20)).get_content_type(), MIMEAudio(b'xx', 'mpeg').get_content_type())
try:
    MIMEAudio(b'unknown audio')
except TypeError as e:
    print('TypeError', e)

print("== MIMEMessage ==")
inner = MIMEText('inner body\n')
inner['Subject'] = 'Inner'
mm = MIMEMessage(inner)
print(mm.as_string())
print(mm.is_multipart(), mm.get_payload(0)['Subject'], mm.get_default_type())
try:
    MIMEMessage('not a message')
except TypeError as e:
    print('TypeError', e)
print(MIMEMessage(inner, 'delivery-status').get_content_type())

print("== MIMEMultipart ==")
mp = MIMEMultipart(boundary='BOUNDARY')
mp['Subject'] = 'Multi'
mp['From'] = 'sender@example.com'
mp['To'] = 'rcpt@example.com'
mp.preamble = 'This is a multi-part message in MIME format.'
mp.epilogue = 'End of message.'
mp.attach(MIMEText('part one\n'))
mp.attach(MIMEText('<p>part two</p>\n', 'html'))
att = MIMEApplication(b'\x00\x01binary data' * 5, Name='x.bin')
att.add_header('Content-Disposition', 'attachment', filename='x.bin')
mp.attach(att)
mp.attach(MIMEMessage(MIMEText('inner')))
s = mp.as_string()
print(s)
print(mp.as_bytes() == s.encode())
p = email.message_from_string(s)
print(p.is_multipart(), len(p.get_payload()), repr(p.preamble), repr(p.epilogue), p.get_boundary())
for part in p.walk():
    print(part.get_content_type(), part.get_filename(), part.get_content_charset(), repr(part.get_payload(decode=True))[:50])
print(p.as_string() == s)

alt = MIMEMultipart('alternative', boundary='ALT', _subparts=[MIMEText('plain'), MIMEText('<i>html</i>', 'html')])
outer = MIMEMultipart('mixed', 'OUT')
outer.attach(alt)
outer.attach(MIMEText('attached text', 'plain', 'utf-8'))
print(outer.as_string())
print([x.get_content_type() for x in outer.walk()])
print(outer.get_charsets())

print("== generated boundaries ==")
random.seed(12345)
gen = MIMEMultipart()
gen.attach(MIMEText('a'))
text = gen.as_string()
boundary = gen.get_boundary()
print(boundary.startswith('=' * 15), boundary.endswith('=='), len(boundary), boundary in text)
print(text.count('--' + boundary))
gen2 = MIMEMultipart()
gen2.attach(MIMEText('b'))
gen2.as_string()
print(gen2.get_boundary() != boundary)
empty = MIMEMultipart(boundary='EMPTY')
print(empty.as_string())

print("== generators ==")
msg = MIMEMultipart(boundary='GEN')
msg['Subject'] = 'Generator test with a fairly long subject line that will need to be wrapped somewhere'
msg.attach(MIMEText('From the start\nnot at start From\n'))
out = io.StringIO()
Generator(out, mangle_from_=True, maxheaderlen=60).flatten(msg)
print(out.getvalue())
out = io.StringIO()
Generator(out, mangle_from_=False, policy=policy.compat32.clone(linesep='\r\n')).flatten(msg, linesep='\r\n')
print(repr(out.getvalue()[:200]))
bout = io.BytesIO()
BytesGenerator(bout).flatten(msg)
print(bout.getvalue()[:120])
bout = io.BytesIO()
BytesGenerator(bout, policy=policy.SMTP).flatten(MIMEText('crlf\nlines\n'))
print(bout.getvalue())
msg.set_unixfrom('From someone@example.com Thu Jan  1 00:00:00 1970')
out = io.StringIO()
Generator(out).flatten(msg, unixfrom=True)
print(out.getvalue().splitlines()[0])
print(Generator(io.StringIO()).clone(io.StringIO()).__class__.__name__)
