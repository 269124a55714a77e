# email.utils, email.quoprimime, email.base64mime, email.errors
import datetime
from email import utils, errors, quoprimime, base64mime

print("== addresses ==")
for a in ['Foo Bar <foo@example.com>', '"Bar, Foo" <foo@x.org>', 'foo@x.org (Foo Bar)',
          '', 'junk', '<only@angle.org>', '"quoted \\"name\\"" <q@x.org>',
          'a.b.c@sub.example.com', 'Name <a@b> trailing', '  spaced  @ example . com ',
          'undisclosed-recipients:;', 'José <jose@example.es>', '<>', '@', 'a@b@c']:
    print(repr(a), utils.parseaddr(a))
print(utils.getaddresses(['a@b, "C D" <c@d>', 'Group: e@f, g@h;', '<x@y>', 'one@x.org (One), two@x.org']))
print(utils.getaddresses([]))
for pair in [('Foo, Bar', 'f@b'), ('Jörg', 'j@x'), ('', 'a@b'), ('A "q"', 'a@b'),
             ('Plain Name', 'p@n.org'), ('back\\slash', 'b@s.org'), ('Dr. Who', 'who@tardis.org')]:
    print(utils.formataddr(pair))
print(utils.formataddr(('Jörg', 'j@x'), charset='iso-8859-1'))
try:
    utils.formataddr(('x', 'jörg@x'))
except UnicodeEncodeError as e:
    print('UnicodeEncodeError', e.reason)

print("== dates ==")
for t in (0, 1000000000, 1234567890.5, 2000000000):
    print(utils.formatdate(t), '|', utils.formatdate(t, usegmt=True))
dates = ['Mon, 20 Nov 1995 19:12:08 -0500', '20 Nov 95 19:12 GMT', 'Tue, 1 Jan 2002 00:00:00 -0000',
         'garbage', 'Sun, 09 Sep 2001 01:46:40 +0530', 'Wed, 02 Oct 2002 08:00:00 EST',
         'Wed, 02 Oct 2002 13:00:00 GMT', '2 Oct 2002 13:00 +0100', 'Thu, 3 Feb 70 10:11:12 PDT',
         'Fri, 31 Dec 1999 23:59:59 +0000 (UTC)', 'Sat, 1 Jan 2000 00:00:00 UT', '', 'Mon, 20 Nov 1995',
         '20-Nov-1995 19:12:08 +0100', 'Nov 20 1995 19:12:08 -0800', 'Mon,20 Nov 1995 19:12:08 +0000']
for d in dates:
    print(repr(d), utils.parsedate_tz(d), utils.parsedate(d))
    try:
        print('  ', repr(utils.parsedate_to_datetime(d)))
    except (ValueError, TypeError) as e:
        print('  ', type(e).__name__, e)
print(utils.mktime_tz(utils.parsedate_tz('Mon, 20 Nov 1995 19:12:08 -0500')))
print(utils.mktime_tz(utils.parsedate_tz('Sun, 09 Sep 2001 01:46:40 +0000')))
dt = datetime.datetime(2020, 1, 2, 3, 4, 5)
print(utils.format_datetime(dt))
print(utils.format_datetime(dt.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=-3)))))
print(utils.format_datetime(dt.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=5, minutes=30)))))
print(utils.format_datetime(dt.replace(tzinfo=datetime.timezone.utc), usegmt=True))
try:
    utils.format_datetime(dt, usegmt=True)
except ValueError as e:
    print('ValueError', e)
try:
    utils.format_datetime(dt.replace(tzinfo=datetime.timezone(datetime.timedelta(hours=1))), usegmt=True)
except ValueError as e:
    print('ValueError', e)
aware = datetime.datetime(2021, 6, 1, 12, 0, tzinfo=datetime.timezone.utc)
lt = utils.localtime(aware)
print(lt.tzinfo is not None, lt == aware)
print(utils.localtime().tzinfo is not None)
print(utils.localtime(datetime.datetime(2021, 6, 1, 12, 0)).tzinfo is not None)
rt = utils.parsedate_to_datetime(utils.format_datetime(aware))
print(rt == aware, rt)

print("== msgid ==")
mid = utils.make_msgid(domain='example.com')
print(mid.startswith('<'), mid.endswith('@example.com>'), mid.count('.') >= 2)
mid = utils.make_msgid('tag', domain='host.test')
print(mid.endswith('.tag@host.test>'))
print(utils.make_msgid() != utils.make_msgid())

print("== quoting and RFC 2231 ==")
print(utils.quote('a"b\\c'), utils.unquote('"a\\"b"'), utils.unquote('<x>'), utils.unquote('"'), utils.unquote('plain'))
print(utils.encode_rfc2231('café', 'utf-8'), utils.encode_rfc2231('a b'), utils.encode_rfc2231('x', 'us-ascii', 'en'),
      utils.encode_rfc2231('résumé.pdf', 'iso-8859-1', None))
print(utils.decode_rfc2231("utf-8''caf%C3%A9"), utils.decode_rfc2231('abc'), utils.decode_rfc2231("us-ascii'en'x'y"))
print(utils.collapse_rfc2231_value(('utf-8', '', 'caf\xc3\xa9')), utils.collapse_rfc2231_value('"q"'),
      utils.collapse_rfc2231_value(('bogus-charset', '', '"x"')), utils.collapse_rfc2231_value((None, '', 'abc')))
print(utils.decode_params([('text/plain', ''), ('name*0', 'a'), ('name*1', 'b'),
                           ('title*', "us-ascii'en'This%20is"), ('x', '"y"')]))

print("== quoprimime ==")
print(quoprimime.header_encode(b'hello world', 'utf-8'), quoprimime.header_encode(b''),
      quoprimime.header_encode('caf\xe9'.encode('latin-1')))
print(quoprimime.header_length(b'caf\xc3\xa9 x'), quoprimime.body_length(b'caf\xc3\xa9 x='))
print(quoprimime.header_check(ord('a')), quoprimime.header_check(ord(' ')), quoprimime.body_check(ord('=')), quoprimime.body_check(ord('\t')))
print(quoprimime.quote('='), quoprimime.unquote('=3D'), quoprimime.header_decode('caf=C3=A9_au_lait'))
for body in ['plain\n', 'caf\xe9\n', 'trailing space \nand tab\t\n', 'x' * 100 + '\n', 'y' * 74 + '=\n',
             '=' * 30, 'no newline', 'a\r\nb\r\n', 'long ' * 30, '', 'z' * 75 + ' ', 'w' * 74 + ' ']:
    enc = quoprimime.body_encode(body)
    print(repr(enc))
    print('  ', repr(quoprimime.decode(enc)))
print(repr(quoprimime.body_encode('a' * 30, maxlinelen=10)))
print(repr(quoprimime.body_encode('abc\ndef\n', eol='\r\n')))
try:
    quoprimime.body_encode('x', maxlinelen=3)
except ValueError as e:
    print('ValueError', e)
print(repr(quoprimime.decode('a=\nb=3Dc\n=41=4')), repr(quoprimime.body_decode('line1\r\nline2')), repr(quoprimime.decodestring('x=\r\n')))

print("== base64mime ==")
print(base64mime.header_encode('Grüße', 'utf-8'), base64mime.header_encode(b'abc'), repr(base64mime.header_encode(b'')))
print(base64mime.header_length(b''), base64mime.header_length(b'a'), base64mime.header_length(b'abcd'))
print(repr(base64mime.body_encode(b'x' * 100)))
print(repr(base64mime.body_encode(b'x' * 100, maxlinelen=40, eol='\r\n')))
print(base64mime.decode('eHh4'), base64mime.decode(b'eHh4'), base64mime.decode(''), base64mime.body_decode('YWJj'))

print("== errors ==")
for cls in (errors.MessageError, errors.MessageParseError, errors.HeaderParseError, errors.BoundaryError,
            errors.MultipartConversionError, errors.CharsetError, errors.MessageDefect,
            errors.NoBoundaryInMultipartDefect, errors.StartBoundaryNotFoundDefect,
            errors.CloseBoundaryNotFoundDefect, errors.FirstHeaderLineIsContinuationDefect,
            errors.MisplacedEnvelopeHeaderDefect, errors.MissingHeaderBodySeparatorDefect,
            errors.MalformedHeaderDefect, errors.MultipartInvariantViolationDefect,
            errors.InvalidMultipartContentTransferEncodingDefect, errors.UndecodableBytesDefect,
            errors.InvalidBase64PaddingDefect, errors.InvalidBase64CharactersDefect,
            errors.InvalidBase64LengthDefect, errors.HeaderDefect, errors.InvalidHeaderDefect,
            errors.HeaderMissingRequiredValue, errors.NonPrintableDefect, errors.ObsoleteHeaderDefect,
            errors.NonASCIILocalPartDefect, errors.InvalidDateDefect):
    print(cls.__name__, [b.__name__ for b in cls.__mro__[1:-1]])
print(issubclass(errors.MultipartConversionError, TypeError), issubclass(errors.MessageDefect, ValueError))
d = errors.MessageDefect('some line')
print(repr(d), d.line, str(d), errors.MessageDefect().line, repr(errors.MessageDefect()))
print(str(errors.NonPrintableDefect(['\x07'])), errors.InvalidHeaderDefect('bad').args)
try:
    raise errors.HeaderParseError('oops')
except errors.MessageError as e:
    print('caught', type(e).__name__, e)
