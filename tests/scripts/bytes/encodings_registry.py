# str.encode and bytes.decode with the codecs of the registry: code pages,
# utf-16/32, unicode_escape, and error handlers not run natively.
import codecs
for enc in ['utf-16', 'utf-16-le', 'utf-32', 'cp1252', 'latin1', 'iso-8859-15', 'utf-8-sig', 'cp437', 'mac-roman', 'unicode_escape', 'raw_unicode_escape', 'ascii', 'koi8-r', 'windows-1251', 'cp850', 'latin2']:
    for errors in ['strict', 'replace', 'ignore', 'xmlcharrefreplace', 'backslashreplace']:
        try:
            b = 'héllo€\u0436\n\\'.encode(enc, errors)
            print(enc, errors, b, repr(b.decode(enc, 'replace')))
        except Exception as e:
            print(enc, errors, type(e).__name__, e)
for data in [b'\x81\x90abc', b'\\x4', b'a\\u00e9\\n\\N{BULLET}\\q\\101', b'\\U0011ffff', b'\xff\xfe']:
    for enc in ['cp1252', 'unicode_escape', 'raw_unicode_escape', 'utf-16', 'koi8-r']:
        for errors in ['strict', 'replace', 'backslashreplace']:
            try:
                print(enc, errors, repr(data.decode(enc, errors)))
            except Exception as e:
                print(enc, errors, type(e).__name__, e)
print(codecs.lookup('windows-1252').name, codecs.lookup('L2').name, codecs.lookup('cp437').name)
try:
    'x'.encode('hex')
except LookupError as e:
    print(e)
try:
    b'x'.decode('rot13')
except LookupError as e:
    print(e)
print(bytes('é€', 'cp1252'), bytearray('é', 'utf-16-be'), str(b'\xe9', 'cp1252'))
print('a\u20acb'.encode('latin-1', 'xmlcharrefreplace'), 'a\u20acb'.encode('ascii', 'namereplace') if False else '')
print(codecs.charmap_decode(b'ab', 'strict', 'xyz' + 'q' * 253))
