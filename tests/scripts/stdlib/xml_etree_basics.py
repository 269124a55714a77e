import copy
import io
import os
import sys
import tempfile
import xml.etree.ElementTree as ET


def show(label, value):
    print(label, repr(value))


def tags(elems):
    return [e.tag for e in elems]


# -- building elements -------------------------------------------------

root = ET.Element("root", {"version": "1.0"}, lang="en")
show("tag", root.tag)
show("attrib", root.attrib)
show("text/tail", (root.text, root.tail))
a = ET.SubElement(root, "item", id="1")
a.text = "first"
a.tail = "\n"
b = ET.SubElement(root, "item", {"id": "2", "kind": "x"})
b.text = "second & <more>"
c = ET.Element("other")
root.append(c)
root.insert(0, ET.Comment(" a comment "))
root.extend([ET.Element("e1"), ET.Element("e2")])
show("len", len(root))
show("children", [e.tag if isinstance(e.tag, str) else "Comment" for e in root])
show("index 1", root[1].tag)
show("index -1", root[-1].tag)
show("slice", tags(root[1:3]))
show("get", (root.get("lang"), root.get("missing"), root.get("missing", "dflt")))
root.set("new", "value")
show("keys", root.keys())
show("items", root.items())
show("bool empty", bool(ET.Element("x")))
show("in", b in root)
root.remove(c)
show("after remove", len(root))
del root[-1]
show("after del", len(root))
root[-1] = ET.Element("replaced")
show("after setitem", root[-1].tag)
root[3:4] = [ET.Element("s1"), ET.Element("s2")]
show("after slice set", [e.tag for e in root[1:]])
del root[3:5]
print(ET.tostring(root))
print(ET.tostring(root, encoding="unicode"))
print(ET.iselement(root), ET.iselement("x"))
mk = root.makeelement("made", {"a": "b"})
show("makeelement", (mk.tag, mk.attrib, len(root)))
cp = copy.copy(root)
show("copy", (cp.tag, len(cp), cp[1] is root[1]))
dc = copy.deepcopy(root)
show("deepcopy", (dc.tag, len(dc), dc[1] is root[1], dc[1].text))
for bad in [lambda: root.append("x"), lambda: root.insert(0, 1),
            lambda: root.extend(["x"]), lambda: root.remove(ET.Element("z")),
            lambda: root[50], lambda: root["x"], lambda: ET.Element("a", "b"),
            lambda: ET.tostring(ET.Element(1)), lambda: ET.tostring(ET.Element("a", x=1))]:
    try:
        bad()
    except Exception as exc:
        print(type(exc).__name__, exc)
e = ET.Element("clr", a="1")
e.text = "t"
ET.SubElement(e, "c")
e.clear()
print(ET.tostring(e), e.text, len(e))

# -- comments, processing instructions, QName ----------------------------

print(ET.tostring(ET.Comment("hello")))
print(ET.tostring(ET.PI("target", "some data")))
print(ET.tostring(ET.ProcessingInstruction("t")))
print(ET.PI is ET.ProcessingInstruction)
q = ET.QName("http://example.com/ns", "tag")
print(q, repr(q), q.text, q == "{http://example.com/ns}tag", q == ET.QName("{http://example.com/ns}tag"))
print(ET.QName("a") < ET.QName("b"), hash(ET.QName("x")) == hash("x"))
qe = ET.Element(q, {ET.QName("http://example.com/ns", "attr"): "v"})
print(ET.tostring(qe))

# -- parsing -------------------------------------------------------------

doc = """<?xml version="1.0"?>
<!DOCTYPE library>
<library xmlns="http://example.com/lib" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <!-- books -->
  <book id="b1" year="1999">
    <dc:title>Alpha &amp; Omega</dc:title>
    <author>Ann</author>
    <price currency="EUR">10.50</price>
  </book>
  <book id="b2" year="2005">
    <dc:title><![CDATA[<Beta>]]></dc:title>
    <author>Bob</author>
    <author>Cy</author>
    <price currency="USD">7</price>
  </book>
  <magazine id="m1"><dc:title>Gamma&#x21;</dc:title></magazine>
  <?format pretty?>
</library>
"""
lib = ET.fromstring(doc)
show("root tag", lib.tag)
ns = {"l": "http://example.com/lib", "dc": "http://purl.org/dc/elements/1.1/"}
show("books", [b.get("id") for b in lib.findall("l:book", ns)])
show("titles", [t.text for t in lib.iterfind(".//dc:title", ns)])
show("find", lib.find("l:book/l:author", ns).text)
show("findtext", lib.findtext("l:book/l:price", namespaces=ns))
show("findtext missing", lib.findtext("l:nothing", "default", ns))
show("findtext empty", ET.fromstring("<a><b/></a>").findtext("b"))
show("wildcard ns", tags(lib.findall("{*}book")))
show("default ns", [b.get("id") for b in lib.findall("book", {"": "http://example.com/lib"})])
show("full name", len(lib.findall("{http://example.com/lib}book")))
show("attr pred", [b.get("id") for b in lib.findall("l:book[@year='2005']", ns)])
show("attr exists", [b.get("id") for b in lib.findall("*[@year]")])
show("attr ne", [b.get("id") for b in lib.findall("l:book[@year!='2005']", ns)])
show("child pred", [b.get("id") for b in lib.findall("l:book[l:author='Cy']", ns)])
show("has child", [b.get("id") for b in lib.findall("*[l:price]", ns)])
show("index", [b.get("id") for b in lib.findall("l:book[2]", ns)])
show("last", [b.get("id") for b in lib.findall("l:book[last()]", ns)])
show("last-1", [b.get("id") for b in lib.findall("l:book[last()-1]", ns)])
show("parent", tags(lib.findall(".//l:price/..", ns)))
show("dot text", [e.text for e in lib.findall(".//l:author[.='Bob']", ns)])
show("star", len(lib.findall("*")))
show("descendants", len(lib.findall(".//*")))
show("iter", [e.tag.split("}")[1] for e in lib.iter("{http://example.com/lib}author")])
show("iter all", len(list(lib.iter())))
show("iter star", len(list(lib.iter("*"))))
show("itertext", "".join(lib.find("{http://example.com/lib}magazine").itertext()))
for p in ["/x", "l:book[", "a[0]", "a[@x=1]", "a[foo()]", "q:x", ".//.", "a[last()-0]"]:
    try:
        lib.findall(p, ns)
    except Exception as exc:
        print(p, type(exc).__name__, exc)
print(ET.tostring(lib, encoding="unicode"))

simple = ET.fromstring("<a><b>1</b><c><b>2</b></c><b>3</b></a>")
show("b", [x.text for x in simple.findall("b")])
show(".//b", [x.text for x in simple.findall(".//b")])
show("c/b", [x.text for x in simple.findall("c/b")])
show("*/b", [x.text for x in simple.findall("*/b")])
show("trailing /", tags(simple.findall("c/")))
show("find none", simple.find("zz"))

# -- serialisation ----------------------------------------------------------

e = ET.Element("esc", attr='a"b<c>&d\te\nf\rg', other="it's")
e.text = "1 < 2 & 3 > 0 \"q\" 'a'"
e.tail = "tail & more"
print(ET.tostring(e))
print(ET.tostring(e, method="html"))
print(ET.tostring(e, method="text"))
u = ET.Element("u", name="caf\u00e9")
u.text = "\u20ac \u4e2d \U0001F600"
print(ET.tostring(u))
print(ET.tostring(u, encoding="utf-8"))
print(ET.tostring(u, encoding="UTF-8"))
print(ET.tostring(u, encoding="latin-1"))
print(ET.tostring(u, encoding="unicode"))
print(ET.tostring(u, encoding="unicode", xml_declaration=True))
print(ET.tostring(u, xml_declaration=True))
print(ET.tostring(u, encoding="iso-8859-1", xml_declaration=False))
empty = ET.fromstring("<a><b/><c></c><d> </d></a>")
print(ET.tostring(empty))
print(ET.tostring(empty, short_empty_elements=False))
print(ET.tostringlist(empty, encoding="unicode"))
print(b"".join(ET.tostringlist(empty)))
h = ET.fromstring("<html><head><script>if (a &lt; b &amp;&amp; c) {}</script><style>p>a{}</style>"
                  "<meta charset='utf-8'/></head><body><br/><p class='x'>a &amp; b</p>"
                  "<img src='i.png' alt='&quot;q&quot;'/><!-- c --></body></html>")
print(ET.tostring(h, method="html", encoding="unicode"))
print(ET.tostring(h, method="text", encoding="unicode"))
nsd = ET.Element("{urn:a}root")
ET.SubElement(nsd, "{urn:b}child", {"{urn:a}x": "1", "plain": "2", "{http://www.w3.org/XML/1998/namespace}lang": "en"})
ET.SubElement(nsd, "{urn:a}child")
print(ET.tostring(nsd))
try:
    ET.tostring(nsd, default_namespace="urn:a")
except ValueError as exc:
    print("ValueError", exc)
dn = ET.Element("{urn:a}root")
ET.SubElement(dn, "{urn:a}kid", {"{urn:b}at": "v"})
print(ET.tostring(dn, default_namespace="urn:a"))
try:
    ET.tostring(ET.Element("nons"), default_namespace="urn:a")
except ValueError as exc:
    print("ValueError", exc)
ET.register_namespace("aa", "urn:a")
print(ET.tostring(nsd))
try:
    ET.register_namespace("ns12", "urn:z")
except ValueError as exc:
    print("ValueError", exc)
print(ET.tostring(ET.Element("{http://www.w3.org/2001/XMLSchema-instance}t")))
try:
    ET.tostring(e, method="bogus")
except ValueError as exc:
    print("ValueError", exc)
pi_root = ET.Element("r")
pi_root.append(ET.PI("xml-stylesheet", 'href="s.css"'))
pi_root.append(ET.Comment("x -- y"))
print(ET.tostring(pi_root))
none_tag = ET.Element(None)
none_tag.text = "only text"
ET.SubElement(none_tag, "kid").text = "k"
print(ET.tostring(none_tag))

# -- indent and dump ------------------------------------------------------

tree = ET.fromstring("<a><b><c>text</c><d/></b><e>  </e><f>keep</f>tail</a>")
ET.indent(tree)
print(ET.tostring(tree, encoding="unicode"))
ET.indent(tree, space="\t", level=2)
print(repr(ET.tostring(tree, encoding="unicode")))
single = ET.Element("single")
ET.indent(single)
print(ET.tostring(single))
try:
    ET.indent(tree, level=-1)
except ValueError as exc:
    print("ValueError", exc)
ET.dump(ET.fromstring("<dumped a='1'>x</dumped>"))
ET.dump(ET.ElementTree(ET.fromstring("<dumped2/>")))

# -- ElementTree objects and files -------------------------------------

et = ET.ElementTree(ET.fromstring("<doc><p>one</p><p>two</p></doc>"))
show("getroot", et.getroot().tag)
show("et.find", et.find("p").text)
show("et.findall", [p.text for p in et.findall("p")])
show("et.findtext", et.findtext("p"))
show("et.iter", tags(et.iter()))
show("et.iterfind", [p.text for p in et.iterfind(".//p")])
buf = io.BytesIO()
et.write(buf)
show("write default", buf.getvalue())
buf = io.BytesIO()
et.write(buf, encoding="utf-8", xml_declaration=True)
show("write utf-8 decl", buf.getvalue())
buf = io.BytesIO()
et.write(buf, encoding="latin-1")
show("write latin-1", buf.getvalue())
sbuf = io.StringIO()
et.write(sbuf, encoding="unicode")
show("write unicode", sbuf.getvalue())
sbuf = io.StringIO()
et.write(sbuf, encoding="unicode", xml_declaration=True)
show("write unicode decl", sbuf.getvalue())
buf = io.BytesIO()
et.write(buf, method="text")
show("write text", buf.getvalue())
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "doc.xml")
    et.write(path, encoding="utf-8")
    with open(path, "rb") as f:
        show("file bytes", f.read())
    again = ET.parse(path)
    show("parse file", [p.text for p in again.getroot()])
    with open(path, "rb") as f:
        show("parse fileobj", ET.parse(f).getroot().tag)
    tree2 = ET.ElementTree()
    show("tree.parse", tree2.parse(path).tag)
    show("iterparse file", [(ev, el.tag) for ev, el in ET.iterparse(path, events=("start", "end"))])
show("parse BytesIO", ET.parse(io.BytesIO(b"<x><y/></x>")).getroot()[0].tag)
show("parse StringIO", ET.parse(io.StringIO("<x>s</x>")).getroot().text)

# -- XMLID, fromstringlist ------------------------------------------------

r, ids = ET.XMLID('<r><a id="one">1</a><b id="two"/><c/></r>')
show("XMLID", sorted((k, v.tag) for k, v in ids.items()))
show("fromstringlist", ET.tostring(ET.fromstringlist(["<a>", "<b>x</b", ">", "</a>"])))

# -- iterparse and XMLPullParser -----------------------------------------

src = b'<root xmlns:p="urn:p"><p:a x="1">text</p:a><!--c--><?pi data?><b/></root>'
for ev, el in ET.iterparse(io.BytesIO(src), events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    if ev in ("start", "end"):
        print(ev, el.tag, el.attrib)
    elif ev in ("comment", "pi"):
        print(ev, el.text)
    else:
        print(ev, el)
it = ET.iterparse(io.BytesIO(b"<a><b>1</b><b>2</b></a>"))
show("iterparse root before", it.root)
show("iterparse", [(ev, el.tag, el.text) for ev, el in it])
show("iterparse root after", it.root.tag)
pp = ET.XMLPullParser(events=("start", "end"))
for chunk in ["<doc>", "<item n='1'>hel", "lo</item><it", "em n='2'/>", "</doc>"]:
    pp.feed(chunk)
    print(repr(chunk), [(ev, el.tag) for ev, el in pp.read_events()])
pp.close()
pp = ET.XMLPullParser()
pp.feed("<a><b></c>")
try:
    list(pp.read_events())
except ET.ParseError as exc:
    print("ParseError", exc)
try:
    ET.XMLPullParser(events=("bogus",))
except ValueError as exc:
    print("ValueError", exc)

# -- TreeBuilder and custom targets -----------------------------------------

tb = ET.TreeBuilder()
tb.start("root", {"a": "1"})
tb.data("hello ")
tb.data("world")
tb.start("child", {})
tb.end("child")
tb.data("tail")
tb.end("root")
print(ET.tostring(tb.close()))
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=tb)
parser.feed("<r><!-- keep --><?keep me?>x</r>")
print(ET.tostring(parser.close()))


class Echo:
    def __init__(self):
        self.depth = 0

    def start(self, tag, attrib):
        print("  " * self.depth + "start", tag, sorted(attrib.items()))
        self.depth += 1

    def end(self, tag):
        self.depth -= 1
        print("  " * self.depth + "end", tag)

    def data(self, data):
        print("  " * self.depth + "data", repr(data))

    def comment(self, text):
        print("comment", repr(text))

    def pi(self, target, data):
        print("pi", target, repr(data))

    def start_ns(self, prefix, uri):
        print("start_ns", repr(prefix), uri)

    def end_ns(self, prefix):
        print("end_ns", repr(prefix))

    def doctype(self, name, pubid, system):
        print("doctype", name, pubid, system)

    def close(self):
        return "closed"


parser = ET.XMLParser(target=Echo())
parser.feed('<!DOCTYPE r PUBLIC "-//X//EN" "r.dtd"><r xmlns="urn:d" xmlns:q="urn:q" q:a="1">'
            'a &lt; b\nline2<q:c>&#65;&#x42;</q:c><!-- cm --><?tgt  x y ?><![CDATA[cd\nata]]></r>')
print(parser.close())


class MaxDepth:
    maxDepth = 0
    depth = 0

    def start(self, tag, attrib):
        self.depth += 1
        if self.depth > self.maxDepth:
            self.maxDepth = self.depth

    def end(self, tag):
        self.depth -= 1

    def close(self):
        return self.maxDepth


p = ET.XMLParser(target=MaxDepth())
p.feed("<a><b><c><d/></c></b><e/></a>")
print("max depth", p.close())
p = ET.XMLParser()
p.entity["custom"] = "CUSTOM"
p.feed('<!DOCTYPE d SYSTEM "d.dtd"><d>&custom;</d>')
print(ET.tostring(p.close()))

# -- parsing details ------------------------------------------------------------

for text in [
    "<a>\r\nline\rnext</a>",
    "<a attr='single &apos;q&apos;' b=\"tab\there\nnl\"/>",
    "<a b='&#10;&#13;&#9;'/>",
    "<a>&lt;&gt;&amp;&quot;&apos;&#169;&#x263A;</a>",
    "<!DOCTYPE a [<!ENTITY who \"World\"><!ENTITY greet \"Hello &who;\">]><a x='&who;'>&greet;!</a>",
    "<!DOCTYPE a [<!ATTLIST a kind CDATA 'default'>]><a/>",
    "<a xmlns:x='urn:x'><x:b x:c='1'/><c xmlns='urn:y'><d/></c></a>",
    "<a xml:lang='fr'>x</a>",
    "\ufeff<a>bom</a>",
    "<a><![CDATA[]]>x<![CDATA[ <&> ]]></a>",
    "  <a/>  \n",
    "<a>\u00e9\u4e2d\U0001F600</a>",
]:
    el = ET.fromstring(text)
    print(ET.tostring(el, encoding="unicode"), sorted(el.attrib.items()))
for data in [
    b'<?xml version="1.0" encoding="ISO-8859-1"?><a>caf\xe9</a>',
    b'<?xml version="1.0" encoding="utf-8"?><a>caf\xc3\xa9</a>',
    b'<?xml version="1.0" encoding="us-ascii"?><a>ascii</a>',
    b'\xef\xbb\xbf<a>bom</a>',
    b'<a>plain \xe2\x82\xac</a>',
    '<a>\u00e9</a>'.encode("utf-16"),
]:
    print(repr(ET.fromstring(data).text))
print(ET.XMLParser().version.startswith("Expat"))
