import io
import xml.etree.ElementTree as ET


def attempt(source):
    try:
        root = ET.fromstring(source)
    except ET.ParseError as exc:
        print(repr(source), "->", exc.code, exc.position, str(exc))
    else:
        print(repr(source), "-> OK", ET.tostring(root))


CASES = [
    # missing or unfinished documents
    "", " ", "\n\n", "<a>", "<a><b/>", "<a>text", "<a>text\n", "<!-- only -->",
    "<?xml version='1.0'?>", "<!DOCTYPE a", "<!DOCTYPE a [",
    # unclosed tokens
    "<a", "<a b", "<a b=\"", "<a b='1'", "<a><!--", "<a><!---></a>", "<a><?pi",
    "<a></a", "<a>&am", "<a>&#", "<a><![CDATA[xx", "<a>x</a>\n<",
    # mismatched tags
    "<a></b>", "<a><b></a>", "<a>\n\n   <b>\n</c></a>", "<a></A>", "<x:a xmlns:x='u'></y:a>",
    # junk after the root element
    "<a>x</a><b/>", "<a/>junk", "<a/>\n\n  <b/>", "<a/><!DOCTYPE a>", "<a/><![CDATA[x]]>",
    "<a/>]]>", "<a></a>\x00", "<a/></a>", "<a/>x&amp;", "<a/>&amp;", "<a><b></b></a></a>",
    # allowed after the root element
    "<a/><!--c--> ", "<a/><?pi?>\n", "<a/>\n<!-- c -->\n<?p?>\n",
    # text before the root element
    "hello", "hello<a/>", "a b<a/>", "123<a/>", "&amp;<a/>", "]]><a/>", "\"x\"<a/>",
    "<![CDATA[x]]><a/>",
    # invalid tokens in tags
    "<a b=1/>", "<a b=\"1\"c=\"2\"/>", "<a &/>", "<1a/>", "< a/>", "<a/ >", "<a:b:c/>",
    "<a:/>", "<:a/>", "<a xmlns:=\"x\"/>", "<a b:=\"1\"/>", "<a x=\"<\"/>", "<a x=\"&\"/>",
    "<a x=\"&amp\"/>", "<a x='&#xZ;'/>",
    # invalid tokens in content
    "<a>& b</a>", "<a>&amp</a>", "<a>]]></a>", "<a>x]]>y</a>", "<a>\x01</a>", "<a>a\x0cb</a>",
    "<a b=\"\x01\"/>", "<a>&#x;</a>", "<a>&#12a;</a>", "<a>&#X41;</a>", "<a>\ufffe</a>",
    # comments, processing instructions, CDATA
    "<a><!-- x -- y --></a>", "<a><!-- a---></a>", "<a><!- x --></a>", "<a><![cdata[x]]></a>",
    "<a><? x?></a>", "<a><?xml version=\"1.0\"?></a>", "<a><?XML x?></a>", "<a><!DOCTYPE b></a>",
    "<a><!----></a>", "<a><!-- - --></a>", "<a><![CDATA[x]]]></a>", "<a><?xml-foo?></a>",
    # XML declarations
    "<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", " <?xml version=\"1.0\"?><a/>",
    "<?xml encoding=\"utf-8\"?><a/>", "<?xml version=\"1.0\"encoding=\"utf-8\"?><a/>",
    "<?xml?><a/>", "<?xml ?><a/>", "<?XML version=\"1.0\"?><a/>",
    "<?xml version='1.0' standalone='maybe'?><a/>",
    # references
    "<a>&foo;</a>", "<!DOCTYPE a SYSTEM \"x\"><a>&foo;</a>", "<!DOCTYPE a><a>&foo;</a>",
    "<!DOCTYPE a SYSTEM \"x\"><a>&amp;&foo;</a>", "<a>&#0;</a>", "<a>&#xD800;</a>",
    "<a>&#xfffe;</a>", "<a>&#1114112;</a>", "<a x='&undefined;'/>",
    "<!DOCTYPE a [<!ENTITY e \"&e;\">]><a>&e;</a>",
    "<!DOCTYPE a [<!ENTITY e \"<b>\">]><a>&e;</a>",
    "<!DOCTYPE a [<!ENTITY e SYSTEM \"foo\">]><a>&e;</a>",
    # document type declarations
    "<!DOCTYPE a [ junk ]><a/>", "<!DOCTYPE>", "<!DOCTYPE a b>", "<!DOCTYPE a><!DOCTYPE a><a/>",
    # attributes and namespaces
    "<a b=\"1\" b=\"2\"/>", "<a\n b=\"1\"\n b=\"2\"/>", "<x:a/>", "<a x:b=\"1\"/>",
    "<a xmlns:x=\"\"/>", "<a xmlns:xml=\"foo\"/>", "<a xmlns:xmlns=\"foo\"/>",
    "<a xmlns:p=\"u\" xmlns:q=\"u\" p:c=\"1\" q:c=\"2\"/>",
    "<a b=\"1\" xmlns:p=\"u\" p:c=\"1\" p:c=\"2\"/>",
    # positions on later lines
    "<root>\n  <item>\n    <bad attr=value/>\n  </item>\n</root>",
    "<root>\n\t<a>\u00e9\u00e9\u00e9</b>\n</root>",
    "\ufeff<a></b>",
]

for case in CASES:
    attempt(case)

print("-- bytes")
for data in [
    b"<a>\xe9</a>",
    b"<a>\xc3</a>",
    b"<a>x\xc3\xa9\xff</a>",
    b'<?xml version="1.0" encoding="us-ascii"?><a>\xe9</a>',
    b'<?xml version="1.0" encoding="utf-16"?><a/>',
    b'\xef\xbb\xbf<a></b>',
    b'<?xml version="1.0" encoding="latin-1"?>\n<a>\xe9</b>',
]:
    attempt(data)
try:
    ET.fromstring(b'<?xml version="1.0" encoding="no-such-codec"?><a/>')
except LookupError as exc:
    print("LookupError", exc)

print("-- the exception")
try:
    ET.fromstring("<a><b></a>")
except SyntaxError as exc:
    print(type(exc).__name__, isinstance(exc, ET.ParseError), exc.code, exc.position)
    print(exc.args)
    print(exc.msg)

print("-- incremental feeding")
for chunks in [
    ["<root>", "<a>", "</b>"],
    ["<root", ">\n<child attr='x", "'/>\n", "<", "/rot>"],
    ["<a>", "text &a", "mp; more", "</a>", "<b/>"],
    ["<r>", "\r", "\n</r>"],
    ["<r>", "x]", "]>", "</r>"],
]:
    parser = ET.XMLParser()
    try:
        for chunk in chunks:
            parser.feed(chunk)
        root = parser.close()
    except ET.ParseError as exc:
        print(chunks, "->", exc)
    else:
        print(chunks, "-> OK", ET.tostring(root))

parser = ET.XMLParser()
parser.feed("<a>")
try:
    parser.close()
except ET.ParseError as exc:
    print("close:", exc)

print("-- pull parser and iterparse")
pull = ET.XMLPullParser(events=("start", "end"))
pull.feed("<a><b>")
print([(ev, el.tag) for ev, el in pull.read_events()])
pull.feed("</c>")
try:
    for ev, el in pull.read_events():
        print(ev, el.tag)
except ET.ParseError as exc:
    print("read_events:", exc, exc.position)
events = []
try:
    for ev, el in ET.iterparse(io.BytesIO(b"<a><b>x</b><c/>\n<d></a>")):
        events.append((ev, el.tag))
except ET.ParseError as exc:
    print(events, "->", exc)
try:
    for ev, el in ET.iterparse(io.StringIO("<a>\n<b>\n")):
        pass
except ET.ParseError as exc:
    print("iterparse:", exc)
try:
    ET.parse(io.BytesIO(b"<doc>\n  <x>1</x>\n  <y>2</x>\n</doc>"))
except ET.ParseError as exc:
    print("parse:", exc)
