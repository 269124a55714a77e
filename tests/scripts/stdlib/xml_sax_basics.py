import xml.sax, io
from xml.sax import saxutils
from xml.sax.handler import ContentHandler, feature_namespaces
class H(ContentHandler):
    def setDocumentLocator(self, loc): print('locator', type(loc).__name__)
    def startDocument(self): print('startDocument')
    def endDocument(self): print('endDocument')
    def startElement(self, name, attrs): print('start', name, type(attrs).__name__, list(attrs.items()), attrs.getNames(), len(attrs))
    def endElement(self, name): print('end', name)
    def startElementNS(self, name, qname, attrs): print('startNS', name, qname, list(attrs.items()), attrs.getQNames())
    def endElementNS(self, name, qname): print('endNS', name, qname)
    def startPrefixMapping(self, p, u): print('prefix', p, u)
    def endPrefixMapping(self, p): print('endprefix', p)
    def characters(self, c): print('chars', repr(c))
    def ignorableWhitespace(self, c): print('ws', repr(c))
    def processingInstruction(self, t, d): print('pi', t, d)
    def skippedEntity(self, n): print('skipped', n)
doc = '<?xml version="1.0"?>\n<!DOCTYPE r>\n<r xmlns:p="urn:p" a="1"><p:x p:b="2">t1 &amp; t2\nline<![CDATA[cd]]></p:x><!--c--><?pi d?></r>'
xml.sax.parseString(doc.encode(), H())
p = xml.sax.make_parser(); p.setFeature(feature_namespaces, True); p.setContentHandler(H()); p.parse(io.BytesIO(doc.encode()))
try: xml.sax.parseString(b'<a></b>', H())
except xml.sax.SAXParseException as e: print(type(e).__name__, e, e.getLineNumber(), e.getColumnNumber(), e.getMessage(), e.getSystemId(), repr(str(e)))
try: xml.sax.parseString('<a></b>', H())
except Exception as e: print(type(e).__name__, e)
print(saxutils.escape('a<b>&c"d\''), saxutils.escape('abc', {'b': 'B'}), saxutils.unescape('&lt;&gt;&amp;&quot;'), saxutils.unescape('&foo;', {'&foo;': 'F'}))
print(saxutils.quoteattr('abc'), saxutils.quoteattr('a"b'), saxutils.quoteattr('a"b\'c'), saxutils.quoteattr('a\nb\tc\r'), saxutils.quoteattr("it's"))
out = io.StringIO(); g = saxutils.XMLGenerator(out); xml.sax.parseString(doc.encode(), g); print(repr(out.getvalue()))
out = io.StringIO(); g = saxutils.XMLGenerator(out, short_empty_elements=True); xml.sax.parseString(b'<a><b/><c x="1&amp;2"></c></a>', g); print(repr(out.getvalue()))
out = io.BytesIO(); g = saxutils.XMLGenerator(out, encoding='latin-1'); g.startDocument(); g.startElement('a', {'x': '\u00e9'}); g.characters('\u20ac'); g.endElement('a'); g.endDocument(); print(out.getvalue())
print(xml.sax.handler.feature_namespaces, xml.sax.handler.property_lexical_handler)
import xml.sax, io, os, tempfile
from xml.sax import saxutils, handler
from xml.sax.handler import ContentHandler, ErrorHandler, LexicalHandler, feature_namespaces, property_lexical_handler
from xml.sax.xmlreader import AttributesImpl, InputSource
class H(ContentHandler):
    def startElement(self, name, attrs): print('start', name, attrs.getNames(), attrs.getValue(name) if name in attrs else None, attrs.get('x'), attrs.getType('x') if 'x' in attrs else '-')
    def endElement(self, name): print('end', name)
    def startElementNS(self, name, qname, attrs): print('startNS', name, qname, list(attrs.items()), attrs.getQNames(), [attrs.getQNameByName(n) for n in attrs.getNames()])
    def endElementNS(self, name, qname): print('endNS', name)
    def startPrefixMapping(self, p, u): print('prefix', repr(p), u)
    def endPrefixMapping(self, p): print('endprefix', repr(p))
    def characters(self, c): print('chars', repr(c))
    def skippedEntity(self, n): print('skipped', n)
class L(LexicalHandler):
    def comment(self, c): print('comment', repr(c))
    def startCDATA(self): print('startCDATA')
    def endCDATA(self): print('endCDATA')
    def startDTD(self, *a): print('startDTD', a)
    def endDTD(self): print('endDTD')
doc = '<!DOCTYPE r SYSTEM "r.dtd"><r xmlns="urn:d" xmlns:q="urn:q" x="1" q:y="2"><q:s>&ext;<![CDATA[a\nb]]></q:s><!-- cm --></r>'
p = xml.sax.make_parser(); p.setContentHandler(H()); p.setProperty(property_lexical_handler, L()); p.parse(io.StringIO(doc))
p = xml.sax.make_parser(); p.setFeature(feature_namespaces, True); p.setContentHandler(H()); p.parse(io.StringIO(doc))
print(p.getFeature(feature_namespaces))
out = io.StringIO(); g = saxutils.XMLGenerator(out, encoding='utf-8')
p = xml.sax.make_parser(); p.setFeature(feature_namespaces, True); p.setContentHandler(g); p.parse(io.StringIO(doc)); print(out.getvalue())
class E(ErrorHandler):
    def fatalError(self, e): print('fatal:', e, e.getLineNumber(), e.getColumnNumber()); raise e
for bad in ['<a>\n<b></a>', '<a', '<a/><b/>', '<x:y/>']:
    try: xml.sax.parseString(bad, H(), E())
    except xml.sax.SAXParseException as e: print('raised', e)
p = xml.sax.make_parser(); p.setContentHandler(H())
for ch in ['<ro', 'ot a="1">te', 'xt</root>']: p.feed(ch)
p.close()
with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, 'x.xml')
    with open(fn, 'w') as f: f.write('<file>data</file>')
    xml.sax.parse(fn, H())
    try: xml.sax.parse(io.BytesIO(b'<a></b>'), H())
    except xml.sax.SAXParseException as e: print(e, e.getSystemId())
a = AttributesImpl({'k': 'v', 'k2': 'v2'}); print(a.getLength(), a.getNames(), a.getQNames(), a.items(), a.values(), a.getValueByQName('k'), a.getNameByQName('k'), len(a), a.keys(), 'k' in a, a.copy().items())
print(saxutils.escape('<&>'), saxutils.unescape('&amp;lt;'), saxutils.quoteattr('\'"'), saxutils.escape('x', {'x': '&y;'}), saxutils.quoteattr('a', {'a': 'b'}))
out = io.StringIO(); g = saxutils.XMLGenerator(out, short_empty_elements=True); g.startDocument(); g.startElement('a', {'z': '1', 'b': '<"'}); g.startElement('e', {}); g.endElement('e'); g.characters('x<y'); g.ignorableWhitespace('  '); g.processingInstruction('p', 'd'); g.endElement('a'); g.endDocument(); print(out.getvalue())
try: xml.sax.SAXException('m').foo
except AttributeError as e: print('AE')
e = xml.sax.SAXException('msg', ValueError('x')); print(e, e.getMessage(), repr(e.getException()))
print(issubclass(xml.sax.SAXParseException, xml.sax.SAXException), xml.sax.SAXNotRecognizedException.__mro__[1].__name__)
try: xml.sax.make_parser().setFeature('bogus', 1)
except xml.sax.SAXNotRecognizedException as e: print(e)
