"""Core XML support for Python (gilpy's pure-Python xml package).

This package contains these sub-packages:

dom -- The W3C Document Object Model: xml.dom.minidom.

sax -- The Simple API for XML, with xml.sax.saxutils.

etree -- The ElementTree XML library: xml.etree.ElementTree.

All of them parse with gilpy's own parser, written in Python (in
xml.etree.ElementTree), which follows expat's behaviour and messages.
"""


__all__ = ["dom", "parsers", "sax", "etree"]
