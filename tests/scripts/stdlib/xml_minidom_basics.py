import io
import os
import tempfile
import xml.dom
from xml.dom import minidom
from xml.dom.minidom import Node

SOURCE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE catalog SYSTEM "catalog.dtd">
<!-- before the root -->
<catalog xmlns="urn:cat" xmlns:x="urn:extra" version="2">
  <book id="b1" x:rank="1">
    <title>Dive &amp; Swim</title>
    <author>Ann</author>
  </book>
  <book id="b2">
    <title><![CDATA[<Markup> & more]]></title>
    <author>Bob</author><author>Cy</author>
  </book>
  <?render fast?>
  <empty/>
</catalog>
"""

doc = minidom.parseString(SOURCE)
print(doc.nodeType, doc.nodeName, doc.nodeValue, doc.parentNode)
print(doc.version, doc.encoding, doc.standalone)
print([(c.nodeType, c.nodeName) for c in doc.childNodes])
dt = doc.doctype
print(dt.nodeType, dt.name, dt.publicId, dt.systemId, dt.internalSubset)
root = doc.documentElement
print(root.tagName, root.nodeName, root.localName, root.prefix, root.namespaceURI)
print(root.nodeType == Node.ELEMENT_NODE, root.nodeValue, root.parentNode is doc)
print(root.getAttribute("version"), repr(root.getAttribute("missing")))
print(root.hasAttribute("version"), root.hasAttribute("missing"), root.hasAttributes())
attrs = root.attributes
print(attrs.length, len(attrs), list(attrs.keys()), attrs.items())
for name in attrs.keys():
    a = attrs[name]
    print(" ", a.name, a.value, a.localName, a.prefix, a.namespaceURI, a.nodeType, a.nodeValue)
print([(c.nodeType, c.nodeName, c.nodeValue) for c in root.childNodes])
print(root.childNodes.length, root.firstChild.nodeName, root.lastChild.nodeName)
books = root.getElementsByTagName("book")
print(len(books), books.length, [b.getAttribute("id") for b in books])
print([a.firstChild.data for a in doc.getElementsByTagName("author")])
print(len(root.getElementsByTagName("*")), len(root.getElementsByTagName("nothing")))
print([e.tagName for e in doc.getElementsByTagNameNS("urn:cat", "title")])
b1 = books[0]
print(b1.getAttributeNS("urn:extra", "rank"), b1.getAttribute("x:rank"))
title = b1.getElementsByTagName("title")[0]
t = title.firstChild
print(t.nodeType, t.nodeName, repr(t.data), repr(t.nodeValue), t.length, repr(t.wholeText))
cdata = books[1].getElementsByTagName("title")[0].firstChild
print(cdata.nodeType, cdata.nodeName, repr(cdata.data))
print(b1.nextSibling.nodeName, repr(b1.nextSibling.data), b1.previousSibling.nodeName)
print(b1.nextSibling.nextSibling.getAttribute("id"), b1.parentNode.tagName)
print(title.parentNode.tagName, title.nextSibling.nextSibling.tagName)
pi = root.getElementsByTagName("empty")[0].previousSibling.previousSibling
print(pi.nodeType, pi.nodeName, pi.target, pi.data, pi.nodeValue)
comment = doc.childNodes[1]
print(comment.nodeType, comment.nodeName, repr(comment.data))
print(repr(doc.toxml()))
print(doc.toprettyxml())
print(root.toxml())
print(doc.toprettyxml(indent="  ", newl="\n", encoding="utf-8"))
print(b1.toprettyxml(indent="--"))

# building documents -----------------------------------------------------

new = minidom.Document()
top = new.createElement("top")
new.appendChild(top)
top.setAttribute("b", "2")
top.setAttribute("a", 'quote" lt< amp& gt>\nnewline')
top.appendChild(new.createTextNode("text <with> & \"specials\""))
top.appendChild(new.createComment(" a comment "))
sub = new.createElement("sub")
top.appendChild(sub)
sub.appendChild(new.createTextNode("only text"))
empty = top.appendChild(new.createElement("empty"))
deep = top.appendChild(new.createElement("deep"))
inner = deep.appendChild(new.createElement("inner"))
inner.appendChild(new.createTextNode("x"))
deep.appendChild(new.createTextNode("after"))
top.appendChild(new.createProcessingInstruction("app", "go"))
top.appendChild(new.createCDATASection("raw <cdata>"))
print(new.toxml())
print(new.toprettyxml())
print(new.toprettyxml(indent=" ", newl=""))
print(new.toxml(encoding="utf-8"))
print(new.toxml(encoding="latin-1", standalone=True))
print(new.toprettyxml(encoding="us-ascii", standalone=False))
print(top.firstChild.nodeName, top.lastChild.nodeName, empty.parentNode.tagName)

top.removeAttribute("b")
print(top.toxml()[:60])
try:
    top.removeAttribute("nope")
except xml.dom.NotFoundErr as exc:
    print("NotFoundErr", exc.code)
removed = top.removeChild(sub)
print(removed.parentNode, removed.nextSibling, removed.toxml())
top.insertBefore(new.createElement("first"), top.firstChild)
top.insertBefore(new.createElement("last"), None)
print([c.nodeName for c in top.childNodes])
old = top.replaceChild(new.createElement("replacement"), empty)
print(old.tagName, [c.nodeName for c in top.childNodes])
try:
    new.appendChild(new.createElement("second"))
except xml.dom.HierarchyRequestErr as exc:
    print("HierarchyRequestErr", exc)
try:
    new.createTextNode("leaf").appendChild(new.createElement("x"))
except xml.dom.HierarchyRequestErr as exc:
    print("HierarchyRequestErr", exc)
try:
    new.createComment("bad -- comment").toxml()
except ValueError as exc:
    print("ValueError", exc)
try:
    top.removeChild(new.createElement("stranger"))
except xml.dom.NotFoundErr:
    print("NotFoundErr on removeChild")

clone = top.cloneNode(True)
print(clone.toxml() == top.toxml(), clone.parentNode, clone.ownerDocument is new)
shallow = top.cloneNode(False)
print(shallow.toxml())
text1 = new.createTextNode("ab")
text2 = new.createTextNode("cd")
holder = new.createElement("holder")
holder.appendChild(text1)
holder.appendChild(text2)
print(len(holder.childNodes), text1.wholeText)
holder.normalize()
print(len(holder.childNodes), holder.firstChild.data)
rest = holder.firstChild.splitText(1)
print(holder.firstChild.data, rest.data, len(holder.childNodes))
t = new.createTextNode("hello")
t.appendData(" world")
t.insertData(0, ">")
t.replaceData(0, 1, "<")
t.deleteData(1, 1)
print(t.data, t.substringData(0, 3))
t.data = "changed"
print(t.nodeValue, t.length)

ns = minidom.getDOMImplementation().createDocument("urn:n", "p:root", None)
el = ns.documentElement
print(el.tagName, el.namespaceURI, el.prefix, el.localName)
el.setAttributeNS("urn:n", "p:attr", "v")
print(el.toxml(), el.getAttributeNS("urn:n", "attr"), el.hasAttributeNS("urn:n", "attr"))
child = ns.createElementNS("urn:other", "q:child")
el.appendChild(child)
print(ns.toxml())
plain = minidom.getDOMImplementation().createDocument(None, "plain", None)
print(plain.toxml(), plain.documentElement.namespaceURI)
dtdoc = minidom.getDOMImplementation().createDocument(
    None, "html", minidom.getDOMImplementation().createDocumentType(
        "html", "-//W3C//DTD XHTML 1.0 Strict//EN", "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"))
print(dtdoc.toxml())
print(dtdoc.toprettyxml())
frag = new.createDocumentFragment()
frag.appendChild(new.createElement("f1"))
frag.appendChild(new.createElement("f2"))
holder.appendChild(frag)
print(holder.toxml(), len(frag.childNodes))

# parsing odds and ends ----------------------------------------------------

print(Node.ELEMENT_NODE, Node.ATTRIBUTE_NODE, Node.TEXT_NODE, Node.CDATA_SECTION_NODE,
      Node.PROCESSING_INSTRUCTION_NODE, Node.COMMENT_NODE, Node.DOCUMENT_NODE,
      Node.DOCUMENT_TYPE_NODE, Node.DOCUMENT_FRAGMENT_NODE)
print(xml.dom.XML_NAMESPACE, xml.dom.XMLNS_NAMESPACE, xml.dom.EMPTY_NAMESPACE)
for text in ["<a>\u00e9 &#x263A; &lt;</a>", "<a b='1' c=\"2\"/>", "<a>\r\nx\ry</a>",
             "<!DOCTYPE a [<!ENTITY e 'entity'>]><a>&e;!</a>",
             "<a xmlns:p='urn:p'><p:b p:c='1'/></a>", "<a><![CDATA[]]></a>"]:
    d = minidom.parseString(text)
    print(repr(d.documentElement.toxml()), [c.nodeType for c in d.documentElement.childNodes])
print(minidom.parseString(b'<?xml version="1.0" encoding="latin-1"?><a>caf\xe9</a>').documentElement.firstChild.data)
print(minidom.parseString(b'<a>\xe2\x82\xac</a>').toxml(encoding="ascii"))
print(minidom.parse(io.BytesIO(b"<from><file/></from>")).documentElement.toxml())
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "d.xml")
    with open(path, "w") as f:
        f.write("<disk><item n='1'/></disk>")
    d = minidom.parse(path)
    print(d.documentElement.firstChild.getAttribute("n"))
    with open(path, "w") as f:
        d.writexml(f, addindent="  ", newl="\n")
    with open(path) as f:
        print(f.read())
for bad in ["<a></b>", "", "<a>", "<a/><b/>", "<a x='1' x='2'/>", "<a>&nope;</a>"]:
    try:
        minidom.parseString(bad)
    except Exception as exc:
        print(type(exc).__name__, exc, exc.code, exc.lineno, exc.offset)
with minidom.parseString("<ctx/>") as d:
    print(d.documentElement.tagName)
print(d.childNodes.length)
