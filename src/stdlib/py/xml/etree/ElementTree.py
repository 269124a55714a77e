"""Lightweight XML support for Python.

gilpy's ElementTree, written in Python on gilpy's own XML parser (CPython's
uses the C expat library and the C accelerator ``_elementtree``).  The
elements, the ElementPath subset, serialisation, the tree builder, the
parsers (``XMLParser``, ``XMLPullParser``, ``iterparse``) and ``ParseError``
behave as CPython 3.11's, with expat's error messages, codes and positions
for the usual mistakes.

The parser (``_Scanner`` below) cuts the text into markup and character
data with one regular expression and checks each piece with another; a
piece the fast path does not accept is looked at character by character to
find expat's error and where it is.  It handles the XML declaration and the
encodings utf-8, utf-16, latin-1, us-ascii and the single-byte code pages
for bytes, the document type declaration (internal entities and attribute
defaults of the internal subset are used; nothing external is read),
comments, processing instructions, CDATA sections, character and entity
references and namespaces.

Differences from CPython: no ``xml.etree.ElementPath`` or ``ElementInclude``
modules (the path engine lives here), and ``canonicalize``/
``C14NWriterTarget`` cover the common options only.
"""

import sys
import re
import io

__all__ = [
    "Comment",
    "dump",
    "Element", "ElementTree",
    "fromstring", "fromstringlist",
    "indent", "iselement", "iterparse",
    "parse", "ParseError",
    "PI", "ProcessingInstruction",
    "QName",
    "SubElement",
    "tostring", "tostringlist",
    "TreeBuilder",
    "VERSION",
    "XML", "XMLID",
    "XMLParser", "XMLPullParser",
    "register_namespace",
    "canonicalize", "C14NWriterTarget",
]

VERSION = "1.3.0"


class ParseError(SyntaxError):
    """An error while parsing XML: ``code`` is expat's error number and
    ``position`` a (line, column) pair."""
    pass


def iselement(element):
    """True if *element* looks like an Element (has a ``tag``)."""
    return hasattr(element, 'tag')


_ELEMENT_TYPE_NAME = "xml.etree.ElementTree.Element"


def _check_element(value, what):
    if not isinstance(value, Element):
        raise TypeError("%s must be %s, not %s"
                        % (what, _ELEMENT_TYPE_NAME, type(value).__name__))


def _expect_element(value):
    if not isinstance(value, Element):
        raise TypeError('expected an Element, not "%s"' % type(value).__name__)


class Element:
    """An XML element: a tag, a dict of attributes, text before the first
    child, tail text after the element, and a list of children."""

    __slots__ = ('tag', 'attrib', 'text', 'tail', '_children')

    def __init__(self, tag, attrib={}, **extra):
        if type(attrib) is not dict and not isinstance(attrib, dict):
            raise TypeError("Element() argument 2 must be dict, not %s"
                            % type(attrib).__name__)
        self.tag = tag
        if extra:
            attrib = dict(attrib)
            attrib.update(extra)
            self.attrib = attrib
        else:
            self.attrib = attrib.copy()
        self.text = None
        self.tail = None
        self._children = []

    def __repr__(self):
        return "<Element %r at %#x>" % (self.tag, id(self))

    def makeelement(self, tag, attrib):
        if not isinstance(attrib, dict):
            raise TypeError("makeelement() argument 2 must be dict, not %s"
                            % type(attrib).__name__)
        return Element(tag, attrib)

    def __copy__(self):
        elem = Element(self.tag, self.attrib)
        elem.text = self.text
        elem.tail = self.tail
        elem._children = list(self._children)
        return elem

    def __deepcopy__(self, memo):
        from copy import deepcopy
        elem = Element(deepcopy(self.tag, memo), deepcopy(self.attrib, memo))
        elem.text = deepcopy(self.text, memo)
        elem.tail = deepcopy(self.tail, memo)
        elem._children = [deepcopy(child, memo) for child in self._children]
        return elem

    def __getstate__(self):
        return {"tag": self.tag, "_children": list(self._children),
                "attrib": self.attrib, "text": self.text, "tail": self.tail}

    def __setstate__(self, state):
        self.tag = state["tag"]
        self.attrib = state.get("attrib") or {}
        self.text = state.get("text")
        self.tail = state.get("tail")
        self._children = list(state.get("_children") or ())

    def __len__(self):
        return len(self._children)

    def __iter__(self):
        return iter(self._children)

    def __contains__(self, item):
        for child in self._children:
            if child is item or child == item:
                return True
        return False

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._children[index]
        if not isinstance(index, int):
            if hasattr(index, '__index__'):
                index = index.__index__()
            else:
                raise TypeError("element indices must be integers")
        try:
            return self._children[index]
        except IndexError:
            raise IndexError("child index out of range") from None

    def __setitem__(self, index, element):
        if isinstance(index, slice):
            elements = list(element)
            for e in elements:
                _expect_element(e)
            children = self._children
            if index.step is not None and index.step != 1:
                count = len(range(*index.indices(len(children))))
                if count != len(elements):
                    raise ValueError(
                        "attempt to assign sequence of size %d to extended "
                        "slice of size %d" % (len(elements), count))
            children[index] = elements
            return
        if not isinstance(index, int):
            if hasattr(index, '__index__'):
                index = index.__index__()
            else:
                raise TypeError("element indices must be integers")
        _expect_element(element)
        try:
            self._children[index] = element
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def __delitem__(self, index):
        if isinstance(index, slice):
            del self._children[index]
            return
        if not isinstance(index, int):
            if hasattr(index, '__index__'):
                index = index.__index__()
            else:
                raise TypeError("element indices must be integers")
        try:
            del self._children[index]
        except IndexError:
            raise IndexError("child assignment index out of range") from None

    def append(self, subelement):
        if not isinstance(subelement, Element):
            _check_element(subelement, "append() argument")
        self._children.append(subelement)

    def extend(self, elements):
        elements = list(elements)
        for element in elements:
            _expect_element(element)
        self._children.extend(elements)

    def insert(self, index, subelement):
        _check_element(subelement, "insert() argument 2")
        self._children.insert(index, subelement)

    def remove(self, subelement):
        _check_element(subelement, "remove() argument")
        children = self._children
        for i in range(len(children)):
            if children[i] is subelement:
                del children[i]
                return
        for i in range(len(children)):
            if children[i] == subelement:
                del children[i]
                return
        raise ValueError("list.remove(x): x not in list")

    def find(self, path, namespaces=None):
        if namespaces is None and not _is_path(path):
            for child in self._children:
                if child.tag == path:
                    return child
            return None
        return _path_find(self, path, namespaces)

    def findtext(self, path, default=None, namespaces=None):
        if namespaces is None and not _is_path(path):
            for child in self._children:
                if child.tag == path:
                    return child.text or ""
            return default
        return _path_findtext(self, path, default, namespaces)

    def findall(self, path, namespaces=None):
        if namespaces is None and not _is_path(path):
            return [child for child in self._children if child.tag == path]
        return _path_findall(self, path, namespaces)

    def iterfind(self, path, namespaces=None):
        return _path_iterfind(self, path, namespaces)

    def clear(self):
        self.attrib.clear()
        self._children = []
        self.text = self.tail = None

    def get(self, key, default=None):
        return self.attrib.get(key, default)

    def set(self, key, value):
        self.attrib[key] = value

    def keys(self):
        return list(self.attrib.keys())

    def items(self):
        return list(self.attrib.items())

    def iter(self, tag=None):
        if tag == "*":
            tag = None
        if tag is None or self.tag == tag:
            yield self
        children = self._children
        if not children:
            return
        stack = []
        i = 0
        while True:
            if i < len(children):
                e = children[i]
                i += 1
                if tag is None or e.tag == tag:
                    yield e
                sub = e._children
                if sub:
                    stack.append((children, i))
                    children = sub
                    i = 0
            elif stack:
                children, i = stack.pop()
            else:
                return

    def itertext(self):
        tag = self.tag
        if not isinstance(tag, str) and tag is not None:
            return
        t = self.text
        if t:
            yield t
        children = self._children
        if not children:
            return
        stack = []
        i = 0
        while True:
            if i < len(children):
                e = children[i]
                i += 1
                tag = e.tag
                if isinstance(tag, str) or tag is None:
                    t = e.text
                    if t:
                        yield t
                    sub = e._children
                    if sub:
                        stack.append((children, i, e))
                        children = sub
                        i = 0
                        continue
                t = e.tail
                if t:
                    yield t
            elif stack:
                children, i, e = stack.pop()
                t = e.tail
                if t:
                    yield t
            else:
                return


def SubElement(parent, tag, attrib={}, **extra):
    """Create an element with *tag* and *attrib* and append it to *parent*."""
    if not isinstance(attrib, dict):
        raise TypeError("SubElement() argument 3 must be dict, not %s"
                        % type(attrib).__name__)
    _check_element(parent, "SubElement() argument 1")
    if extra:
        attrib = dict(attrib)
        attrib.update(extra)
    element = Element(tag, attrib)
    parent._children.append(element)
    return element


def Comment(text=None):
    """A comment element (its tag is this function)."""
    element = Element(Comment)
    element.text = text
    return element


def ProcessingInstruction(target, text=None):
    """A processing instruction element (its tag is this function)."""
    element = Element(ProcessingInstruction)
    element.text = target
    if text:
        element.text = element.text + " " + text
    return element


PI = ProcessingInstruction


class QName:
    """A qualified name: ``QName(uri, tag)`` is ``{uri}tag``."""

    def __init__(self, text_or_uri, tag=None):
        if tag:
            text_or_uri = "{%s}%s" % (text_or_uri, tag)
        self.text = text_or_uri

    def __str__(self):
        return self.text

    def __repr__(self):
        return '<%s %r>' % (self.__class__.__name__, self.text)

    def __hash__(self):
        return hash(self.text)

    def _other(self, other):
        if isinstance(other, QName):
            return other.text
        return other

    def __le__(self, other):
        return self.text <= self._other(other)

    def __lt__(self, other):
        return self.text < self._other(other)

    def __ge__(self, other):
        return self.text >= self._other(other)

    def __gt__(self, other):
        return self.text > self._other(other)

    def __eq__(self, other):
        return self.text == self._other(other)


# --------------------------------------------------------------------
# ElementPath: the XPath subset of find, findall, findtext and iterfind.

def _is_path(tag):
    # Whether a find argument needs the path engine rather than a plain
    # comparison with each child's tag (as the C accelerator decides).
    if not isinstance(tag, str):
        return False
    if tag[:2] == '{}' or tag[:3] == '{*}':
        return True
    if '/' not in tag and '*' not in tag and '[' not in tag \
            and '@' not in tag and '.' not in tag:
        return False
    check = True
    for ch in tag:
        if ch == '{':
            check = False
        elif ch == '}':
            check = True
        elif check and ch in '/*[@.':
            return True
    return False


_path_token = re.compile(
    r"('[^']*'|\"[^\"]*\"|::|//?|\.\.|\(\)|!=|[/.*:\[\]()@=])"
    r"|((?:\{[^}]+\})?[^/\[\]()@!=\s]+)"
    r"|\s+")


def _path_tokens(path, namespaces):
    default = namespaces.get('') if namespaces else None
    after_at = False
    for m in _path_token.finditer(path):
        op, tag = m.groups()
        op = op or ''
        tag = tag or ''
        if tag and tag[0] != '{':
            if ':' in tag:
                prefix, local = tag.split(':', 1)
                try:
                    if not namespaces:
                        raise KeyError
                    yield op, "{%s}%s" % (namespaces[prefix], local)
                except KeyError:
                    raise SyntaxError("prefix %r not found in prefix map"
                                      % prefix) from None
            elif default and not after_at:
                yield op, "{%s}%s" % (default, tag)
            else:
                yield op, tag
            after_at = False
        else:
            yield op, tag
            after_at = op == '@'


def _tag_test(tag):
    # A function telling whether an element's tag matches a path tag with
    # wildcards, or None when a plain comparison will do.
    if tag == '{*}*':
        return lambda t: isinstance(t, str)
    if tag == '{}*':
        return lambda t: isinstance(t, str) and t[:1] != '{'
    if tag[:3] == '{*}':
        local = tag[3:]
        suffix = '}' + local
        return lambda t: t == local or (isinstance(t, str)
                                        and t[-len(suffix):] == suffix)
    if tag[-2:] == '}*':
        ns = tag[:-1]
        return lambda t: isinstance(t, str) and t[:len(ns)] == ns
    return None


def _select_child(tag):
    if tag[:2] == '{}' and tag != '{}*':
        tag = tag[2:]
    test = _tag_test(tag)
    if test is None:
        def select(context, result):
            for elem in result:
                for e in elem:
                    if e.tag == tag:
                        yield e
    else:
        def select(context, result):
            for elem in result:
                for e in elem:
                    if test(e.tag):
                        yield e
    return select


def _select_star(context, result):
    for elem in result:
        for e in elem:
            yield e


def _select_self(context, result):
    for elem in result:
        yield elem


def _select_parent(context, result):
    parents = context.parent_map()
    seen = {}
    for elem in result:
        if elem in parents:
            parent = parents[elem]
            if parent not in seen:
                seen[parent] = None
                yield parent


def _select_descendant(tag):
    if tag[:2] == '{}' and tag != '{}*':
        tag = tag[2:]
    test = _tag_test(tag)
    if test is None:
        def select(context, result):
            for elem in result:
                for e in elem.iter(tag):
                    if e is not elem:
                        yield e
    else:
        def select(context, result):
            for elem in result:
                for e in elem.iter():
                    if e is not elem and test(e.tag):
                        yield e
    return select


_index_re = re.compile(r"-?\d+$")


def _select_predicate(tokens):
    signature = []
    values = []
    while True:
        token = next(tokens, None)
        if token is None:
            return None
        if token[0] == ']':
            break
        if token == ('', ''):
            continue
        op, tag = token
        if op and op[:1] in "'\"":
            op, tag = "'", op[1:-1]
        signature.append(op or '-')
        values.append(tag)
    signature = ''.join(signature)
    if signature == '@-':
        key = values[1]

        def select(context, result):
            for elem in result:
                if elem.get(key) is not None:
                    yield elem
        return select
    if signature == "@-='" or signature == "@-!='":
        key = values[1]
        value = values[-1]
        if signature == "@-='":
            def select(context, result):
                for elem in result:
                    if elem.get(key) == value:
                        yield elem
        else:
            def select(context, result):
                for elem in result:
                    if elem.get(key) != value:
                        yield elem
        return select
    if signature == '-' and not _index_re.match(values[0]):
        tag = values[0]

        def select(context, result):
            for elem in result:
                if elem.find(tag) is not None:
                    yield elem
        return select
    if (signature == "-='" or signature == "-!='") \
            and not _index_re.match(values[0]):
        tag = values[0]
        value = values[-1]
        equal = signature == "-='"

        def select(context, result):
            for elem in result:
                for e in elem.findall(tag):
                    if (''.join(e.itertext()) == value) == equal:
                        yield elem
                        break
        return select
    if signature == ".='" or signature == ".!='":
        value = values[-1]
        equal = signature == ".='"

        def select(context, result):
            for elem in result:
                if (''.join(elem.itertext()) == value) == equal:
                    yield elem
        return select
    if signature in ('-', '-()', '-()-'):
        if signature == '-':
            index = int(values[0]) - 1
            if index < 0:
                raise SyntaxError("XPath position >= 1 expected")
        else:
            if values[0] != 'last':
                raise SyntaxError("unsupported function")
            if signature == '-()-':
                try:
                    index = int(values[2]) - 1
                except ValueError:
                    raise SyntaxError("unsupported expression")
                if index > -2:
                    raise SyntaxError("XPath offset from last() must be negative")
            else:
                index = -1

        def select(context, result):
            parents = context.parent_map()
            for elem in result:
                try:
                    parent = parents[elem]
                    elems = list(parent.findall(elem.tag))
                    if elems[index] is elem:
                        yield elem
                except (IndexError, KeyError):
                    pass
        return select
    raise SyntaxError("invalid predicate")


class _PathContext:
    def __init__(self, root):
        self.root = root
        self._parents = None

    def parent_map(self):
        if self._parents is None:
            parents = {}
            for p in self.root.iter():
                for e in p:
                    parents[e] = p
            self._parents = parents
        return self._parents


_path_cache = {}


def _compile_path(path, namespaces):
    if path[-1:] == '/':
        path = path + '*'
    if namespaces:
        key = (path, tuple(sorted(namespaces.items())))
    else:
        key = (path, None)
    steps = _path_cache.get(key)
    if steps is not None:
        return steps
    if path[:1] == '/':
        raise SyntaxError("cannot use absolute path on element")
    tokens = _path_tokens(path, namespaces)
    steps = []
    token = next(tokens, None)
    while token is not None:
        op, tag = token
        if op == '':
            steps.append(_select_child(tag))
        elif op == '*':
            steps.append(_select_star)
        elif op == '.':
            steps.append(_select_self)
        elif op == '..':
            steps.append(_select_parent)
        elif op == '//':
            token = next(tokens, None)
            if token is None:
                raise SyntaxError("invalid path")
            if token[0] == '*':
                steps.append(_select_descendant('*'))
            elif not token[0]:
                steps.append(_select_descendant(token[1]))
            else:
                raise SyntaxError("invalid descendant")
        elif op == '[':
            steps.append(_select_predicate(tokens))
        else:
            raise KeyError(op)
        token = next(tokens, None)
        if token is not None and token[0] == '/':
            token = next(tokens, None)
    if len(_path_cache) > 100:
        _path_cache.clear()
    _path_cache[key] = steps
    return steps


def _path_iterfind(elem, path, namespaces=None):
    steps = _compile_path(path, namespaces)
    result = [elem]
    context = _PathContext(elem)
    for select in steps:
        if select is None:
            raise TypeError("'NoneType' object is not callable")
        result = select(context, result)
    return iter(result)


def _path_find(elem, path, namespaces=None):
    return next(_path_iterfind(elem, path, namespaces), None)


def _path_findall(elem, path, namespaces=None):
    return list(_path_iterfind(elem, path, namespaces))


def _path_findtext(elem, path, default=None, namespaces=None):
    found = next(_path_iterfind(elem, path, namespaces), None)
    if found is None:
        return default
    return found.text or ""


# --------------------------------------------------------------------
# The element tree wrapper and serialisation.

class ElementTree:
    """A whole document: a root element, read from or written to a file."""

    def __init__(self, element=None, file=None):
        self._root = element
        if file:
            self.parse(file)

    def getroot(self):
        return self._root

    def _setroot(self, element):
        self._root = element

    def parse(self, source, parser=None):
        close_source = False
        if not hasattr(source, "read"):
            source = open(source, "rb")
            close_source = True
        try:
            if parser is None:
                parser = XMLParser()
                self._root = parser._parse_whole(source)
                return self._root
            while True:
                data = source.read(65536)
                if not data:
                    break
                parser.feed(data)
            self._root = parser.close()
            return self._root
        finally:
            if close_source:
                source.close()

    def iter(self, tag=None):
        return self._root.iter(tag)

    def _absolute(self, path):
        if path[:1] == "/":
            path = "." + path
            import warnings
            warnings.warn(
                "This search is broken in 1.3 and earlier, and will be "
                "fixed in a future version.  If you rely on the current "
                "behaviour, change it to %r" % path,
                FutureWarning, stacklevel=3)
        return path

    def find(self, path, namespaces=None):
        return self._root.find(self._absolute(path), namespaces)

    def findtext(self, path, default=None, namespaces=None):
        return self._root.findtext(self._absolute(path), default, namespaces)

    def findall(self, path, namespaces=None):
        return self._root.findall(self._absolute(path), namespaces)

    def iterfind(self, path, namespaces=None):
        return self._root.iterfind(self._absolute(path), namespaces)

    def write(self, file_or_filename, encoding=None, xml_declaration=None,
              default_namespace=None, method=None, *,
              short_empty_elements=True):
        if not method:
            method = "xml"
        elif method not in ("xml", "html", "text"):
            raise ValueError("unknown method %r" % method)
        if not encoding:
            encoding = "us-ascii"
        pieces = self._serialize(encoding, xml_declaration, default_namespace,
                                 method, short_empty_elements,
                                 getattr(file_or_filename, "encoding", None))
        _write_pieces(file_or_filename, pieces, encoding)

    def _serialize(self, encoding, xml_declaration, default_namespace, method,
                   short_empty_elements, file_encoding=None):
        out = []
        write = out.append
        enc_lower = encoding.lower()
        if method == "xml" and (xml_declaration or (
                xml_declaration is None and enc_lower != "unicode"
                and enc_lower not in ("utf-8", "us-ascii"))):
            declared = encoding
            if enc_lower == "unicode":
                declared = file_encoding or "utf-8"
            write("<?xml version='1.0' encoding='%s'?>\n" % (declared,))
        if method == "text":
            _serialize_text(write, self._root)
        else:
            qnames, namespaces = _namespaces(self._root, default_namespace)
            if method == "html":
                _serialize_html(write, self._root, qnames, namespaces)
            else:
                _serialize_xml(write, self._root, qnames, namespaces,
                               short_empty_elements)
        return out

    def write_c14n(self, file):
        # lxml.etree compatible C14N method
        return self.write(file, method="c14n")


_non_ascii = re.compile("([^\x00-\x7f]+)").split
_non_latin1 = re.compile("([^\x00-\xff]+)").split


def _encode(text, encoding):
    # text.encode(encoding, "xmlcharrefreplace"), done by hand for ASCII and
    # Latin-1: the characters outside the encoding are cut out with one
    # split and written as character references.
    enc = encoding.lower().replace("_", "-")
    if enc in ("us-ascii", "ascii"):
        outside = _non_ascii
        encoding = "ascii"
    elif enc in ("latin-1", "iso-8859-1", "latin1", "iso8859-1", "l1"):
        outside = _non_latin1
    else:
        return text.encode(encoding, "xmlcharrefreplace")
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        pass
    parts = outside(text)
    for k in range(1, len(parts), 2):
        parts[k] = "".join(["&#%d;" % ord(c) for c in parts[k]])
    return "".join(parts).encode(encoding)


def _write_pieces(file, pieces, encoding):
    text = "".join(pieces)
    unicode = encoding.lower() == "unicode"
    if hasattr(file, "write"):
        if unicode:
            file.write(text)
        else:
            data = _encode(text, encoding)
            if isinstance(file, io.TextIOBase) and hasattr(file, "buffer"):
                file.flush()
                file.buffer.write(data)
            else:
                file.write(data)
    else:
        if unicode:
            with open(file, "w", encoding="utf-8",
                      errors="xmlcharrefreplace") as f:
                f.write(text)
        else:
            with open(file, "wb") as f:
                f.write(_encode(text, encoding))


def _raise_serialization_error(text):
    raise TypeError("cannot serialize %r (type %s)"
                    % (text, type(text).__name__))


def _escape_cdata(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        if "\"" in text:
            text = text.replace("\"", "&quot;")
        if "\r" in text:
            text = text.replace("\r", "&#13;")
        if "\n" in text:
            text = text.replace("\n", "&#10;")
        if "\t" in text:
            text = text.replace("\t", "&#09;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_html(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        if "\"" in text:
            text = text.replace("\"", "&quot;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


_namespace_map = {
    "http://www.w3.org/XML/1998/namespace": "xml",
    "http://www.w3.org/1999/xhtml": "html",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
    "http://schemas.xmlsoap.org/wsdl/": "wsdl",
    "http://www.w3.org/2001/XMLSchema": "xs",
    "http://www.w3.org/2001/XMLSchema-instance": "xsi",
    "http://purl.org/dc/elements/1.1/": "dc",
}

_reserved_prefix = re.compile(r"ns\d+$")


def register_namespace(prefix, uri):
    """Use *prefix* for the namespace *uri* when serialising."""
    if _reserved_prefix.match(prefix):
        raise ValueError("Prefix format reserved for internal use")
    for k, v in list(_namespace_map.items()):
        if k == uri or v == prefix:
            del _namespace_map[k]
    _namespace_map[uri] = prefix


def _namespaces(elem, default_namespace=None):
    # The serialised name of every tag and attribute name in the tree, and
    # the namespaces to declare on the root (uri -> prefix).
    qnames = {None: None}
    namespaces = {}
    if default_namespace:
        namespaces[default_namespace] = ""

    def add_qname(qname):
        try:
            if qname[:1] == "{":
                uri, tag = qname[1:].rsplit("}", 1)
                prefix = namespaces.get(uri)
                if prefix is None:
                    prefix = _namespace_map.get(uri)
                    if prefix is None:
                        prefix = "ns%d" % len(namespaces)
                    if prefix != "xml":
                        namespaces[uri] = prefix
                if prefix:
                    qnames[qname] = "%s:%s" % (prefix, tag)
                else:
                    qnames[qname] = tag
            else:
                if default_namespace:
                    raise ValueError(
                        "cannot use non-qualified names with "
                        "default_namespace option")
                qnames[qname] = qname
        except TypeError:
            _raise_serialization_error(qname)

    for e in elem.iter():
        tag = e.tag
        if isinstance(tag, QName):
            if tag.text not in qnames:
                add_qname(tag.text)
        elif isinstance(tag, str):
            if tag not in qnames:
                add_qname(tag)
        elif tag is not None and tag is not Comment and tag is not PI:
            _raise_serialization_error(tag)
        attrib = e.attrib
        if attrib:
            for key, value in attrib.items():
                if isinstance(key, QName):
                    key = key.text
                if key not in qnames:
                    add_qname(key)
                if isinstance(value, QName) and value.text not in qnames:
                    add_qname(value.text)
        text = e.text
        if isinstance(text, QName) and text.text not in qnames:
            add_qname(text.text)
    return qnames, namespaces


def _serialize_xml(write, elem, qnames, namespaces, short_empty_elements):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % text)
    elif tag is ProcessingInstruction:
        write("<?%s?>" % text)
    else:
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_xml(write, e, qnames, None, short_empty_elements)
        else:
            write("<" + tag)
            attrib = elem.attrib
            if attrib or namespaces:
                if namespaces:
                    for v, k in sorted(namespaces.items(),
                                       key=lambda x: x[1]):
                        if k:
                            k = ":" + k
                        write(" xmlns%s=\"%s\"" % (k, _escape_attrib(v)))
                for k, v in attrib.items():
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib(v)
                    write(" %s=\"%s\"" % (qnames[k], v))
            if text or len(elem) or not short_empty_elements:
                write(">")
                if text:
                    write(_escape_cdata(text))
                for e in elem:
                    _serialize_xml(write, e, qnames, None,
                                   short_empty_elements)
                write("</" + tag + ">")
            else:
                write(" />")
    if elem.tail:
        write(_escape_cdata(elem.tail))


HTML_EMPTY = {"area", "base", "basefont", "br", "col", "embed", "frame", "hr",
              "img", "input", "isindex", "link", "meta", "param", "source",
              "track", "wbr"}


def _serialize_html(write, elem, qnames, namespaces, **kwargs):
    tag = elem.tag
    text = elem.text
    if tag is Comment:
        write("<!--%s-->" % _escape_cdata(text))
    elif tag is ProcessingInstruction:
        write("<?%s?>" % _escape_cdata(text))
    else:
        tag = qnames[tag]
        if tag is None:
            if text:
                write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
        else:
            write("<" + tag)
            attrib = elem.attrib
            if attrib or namespaces:
                if namespaces:
                    for v, k in sorted(namespaces.items(),
                                       key=lambda x: x[1]):
                        if k:
                            k = ":" + k
                        write(" xmlns%s=\"%s\"" % (k, _escape_attrib(v)))
                for k, v in attrib.items():
                    if isinstance(k, QName):
                        k = k.text
                    if isinstance(v, QName):
                        v = qnames[v.text]
                    else:
                        v = _escape_attrib_html(v)
                    write(" %s=\"%s\"" % (qnames[k], v))
            write(">")
            ltag = tag.lower()
            if text:
                if ltag == "script" or ltag == "style":
                    write(text)
                else:
                    write(_escape_cdata(text))
            for e in elem:
                _serialize_html(write, e, qnames, None)
            if ltag not in HTML_EMPTY:
                write("</" + tag + ">")
    if elem.tail:
        write(_escape_cdata(elem.tail))


def _serialize_text(write, elem):
    for part in elem.itertext():
        write(part)
    if elem.tail:
        write(elem.tail)


def tostring(element, encoding=None, method=None, *,
             xml_declaration=None, default_namespace=None,
             short_empty_elements=True):
    """The XML text of *element* and its children: bytes in *encoding*
    (us-ascii by default), or str with encoding="unicode"."""
    pieces = _tostring_pieces(element, encoding, method, xml_declaration,
                              default_namespace, short_empty_elements)
    text = "".join(pieces)
    if encoding is not None and encoding.lower() == "unicode":
        return text
    return _encode(text, encoding or "us-ascii")


def _tostring_pieces(element, encoding, method, xml_declaration,
                     default_namespace, short_empty_elements):
    if not method:
        method = "xml"
    elif method not in ("xml", "html", "text"):
        raise ValueError("unknown method %r" % method)
    if not encoding:
        encoding = "us-ascii"
    return ElementTree(element)._serialize(
        encoding, xml_declaration, default_namespace, method,
        short_empty_elements)


def tostringlist(element, encoding=None, method=None, *,
                 xml_declaration=None, default_namespace=None,
                 short_empty_elements=True):
    """Like tostring, as a list of pieces."""
    pieces = _tostring_pieces(element, encoding, method, xml_declaration,
                              default_namespace, short_empty_elements)
    if encoding is not None and encoding.lower() == "unicode":
        return pieces
    return [_encode("".join(pieces), encoding or "us-ascii")]


def dump(elem):
    """Write *elem* (an element or tree) to standard output, for debugging."""
    if not isinstance(elem, ElementTree):
        elem = ElementTree(elem)
    elem.write(sys.stdout, encoding="unicode")
    tail = elem.getroot().tail
    if not tail or tail[-1] != "\n":
        sys.stdout.write("\n")


def indent(tree, space="  ", level=0):
    """Indent *tree* (an element or tree) in place with whitespace, each
    level by *space*, starting at *level*."""
    if isinstance(tree, ElementTree):
        tree = tree.getroot()
    if level < 0:
        raise ValueError(
            "Initial indentation level must be >= 0, got %s" % (level,))
    if not len(tree):
        return
    indents = ["\n" + level * space]

    def walk(elem, level):
        inner = level + 1
        if len(indents) <= inner:
            indents.append(indents[level] + space)
        child_indent = indents[inner]
        if not elem.text or not elem.text.strip():
            elem.text = child_indent
        child = None
        for child in elem:
            if len(child):
                walk(child, inner)
            if not child.tail or not child.tail.strip():
                child.tail = child_indent
        if not child.tail.strip():
            child.tail = indents[level]

    walk(tree, 0)


# --------------------------------------------------------------------
# The XML parser (gilpy's stand-in for expat).

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_XMLNS_NS = "http://www.w3.org/2000/xmlns/"

_EXPAT_MESSAGES = {
    1: "out of memory",
    2: "syntax error",
    3: "no element found",
    4: "not well-formed (invalid token)",
    5: "unclosed token",
    6: "partial character",
    7: "mismatched tag",
    8: "duplicate attribute",
    9: "junk after document element",
    10: "illegal parameter entity reference",
    11: "undefined entity",
    12: "recursive entity reference",
    13: "asynchronous entity",
    14: "reference to invalid character number",
    15: "reference to binary entity",
    16: "reference to external entity in attribute",
    17: "XML or text declaration not at start of entity",
    18: "unknown encoding",
    19: "encoding specified in XML declaration is incorrect",
    20: "unclosed CDATA section",
    21: "error in processing external entity reference",
    22: "document is not standalone",
    23: "unexpected parser state - please send a bug report",
    24: "entity declared in parameter entity",
    25: "requested feature requires XML_DTD support in Expat",
    26: "cannot change setting once parsing has begun",
    27: "unbound prefix",
    28: "must not undeclare prefix",
    29: "incomplete markup in parameter entity",
    30: "XML declaration not well-formed",
    31: "text declaration not well-formed",
    32: "illegal character(s) in public id",
    33: "parser suspended",
    34: "parser not suspended",
    35: "parsing aborted",
    36: "parsing finished",
    37: "cannot suspend in external parameter entity",
    38: "reserved prefix (xml) must not be undeclared or bound to another "
        "namespace name",
    39: "reserved prefix (xmlns) must not be declared or undeclared",
    40: "prefix must not be bound to one of the reserved namespace names",
    41: "invalid argument",
    42: "a successful prior call to function XML_GetBuffer is required",
    43: "limit on input amplification factor (from DTD and entities) "
        "breached",
}

_NAME_START = ("A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D"
               "\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF"
               "\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD"
               "\U00010000-\U000EFFFF")
_NAME_CHAR = _NAME_START + "\\-.0-9\u00B7\u0300-\u036F\u203F-\u2040"
_NCNAME = "[%s][%s]*" % (_NAME_START, _NAME_CHAR)
_QNAME = "%s(?::%s)?" % (_NCNAME, _NCNAME)          # namespace mode
_XNAME = "[:%s][:%s]*" % (_NAME_START, _NAME_CHAR)   # plain mode
_S = "[ \t\n]"

_is_name_start = re.compile("[%s]" % _NAME_START).match
_is_name_char = re.compile("[%s]" % _NAME_CHAR).match
_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

def _token_pattern(name, end_name):
    # One token: the text before a piece of markup (group 1), then a start
    # tag (name, attributes, "/"), an end tag (name), other markup, or a
    # "<" starting none of them (left to the slow path).
    return re.compile(
        "([^<]*)(?:"
        "<(%s)((?:%s+%s%s*=%s*(?:\"[^<\"]*\"|'[^<']*'))*)%s*(/?)>"
        "|</(%s)%s*>"
        "|(<!--[^-]*(?:-[^-]+)*-->"
        "|<\\?[^?]*\\?+(?:[^?>][^?]*\\?+)*>"
        "|<!\\[CDATA\\[.*?\\]\\]>"
        "|<!DOCTYPE(?:[^\\[>\"']|\"[^\"]*\"|'[^']*')*"
        "(?:\\[(?:[^\\]\"']|\"[^\"]*\"|'[^']*')*\\](?:[^>\"']|\"[^\"]*\"|'[^']*')*)?>)"
        "|(<))?" % (name, _S, name, _S, _S, _S, end_name, _S), re.S)


def _attr_pattern(name):
    return re.compile("(%s)%s*=%s*(\"[^<\"]*\"|'[^<']*')"
                      % (name, _S, _S)).findall


_NS_TOKENS = _token_pattern(_QNAME, "[%s][:%s]*" % (_NAME_START, _NAME_CHAR))
_PLAIN_TOKENS = _token_pattern(_XNAME, _XNAME)
_NS_ATTRS = _attr_pattern(_QNAME)
_PLAIN_ATTRS = _attr_pattern(_XNAME)

_pi_match = re.compile("<\\?(%s)(?:%s+(.*))?\\?>" % (_XNAME, _S), re.S).fullmatch
_ref_split = re.compile("&(#[0-9]+|#x[0-9a-fA-F]+|%s);" % _NCNAME).split
_plain_ref_split = re.compile("&(#[0-9]+|#x[0-9a-fA-F]+|%s);" % _XNAME).split
_WS_TO_SPACE = {9: 32, 10: 32}
_PREDEFINED = {"lt": "<", "gt": ">", "amp": "&", "apos": "'", "quot": '"'}
_doctype_match = re.compile(
    "<!DOCTYPE%s+(%s)(?:%s+(?:SYSTEM%s+(\"[^\"]*\"|'[^']*')|"
    "PUBLIC%s+(\"[^\"]*\"|'[^']*')%s+(\"[^\"]*\"|'[^']*')))?"
    "%s*(?:\\[(.*)\\]%s*)?>" % (_S, _XNAME, _S, _S, _S, _S, _S, _S),
    re.S).fullmatch
_entity_decl = re.compile(
    "<!ENTITY%s+(%s)%s+(\"[^\"]*\"|'[^']*')%s*>" % (_S, _XNAME, _S, _S))
_external_entity_decl = re.compile(
    "<!ENTITY%s+(%s)%s+(?:SYSTEM|PUBLIC)%s" % (_S, _XNAME, _S, _S))
_attlist_decl = re.compile(
    "<!ATTLIST%s+(%s)((?:%s+%s%s+(?:CDATA|ID|IDREF|IDREFS|ENTITY|ENTITIES|"
    "NMTOKEN|NMTOKENS|NOTATION%s*\\([^)]*\\)|\\([^)]*\\))%s+"
    "(?:#REQUIRED|#IMPLIED|(?:#FIXED%s+)?(?:\"[^\"]*\"|'[^']*')))*)%s*>"
    % (_S, _XNAME, _S, _XNAME, _S, _S, _S, _S, _S))
_attdef = re.compile(
    "(%s)%s+(CDATA|ID|IDREF|IDREFS|ENTITY|ENTITIES|NMTOKEN|NMTOKENS|"
    "NOTATION%s*\\([^)]*\\)|\\([^)]*\\))%s+"
    "(#REQUIRED|#IMPLIED|(?:#FIXED%s+)?(\"[^\"]*\"|'[^']*'))"
    % (_XNAME, _S, _S, _S, _S))
_ws_run = re.compile("[ \t\n]+")


class _Failure(Exception):
    # An error found by the parser: expat's code, the offset in the text
    # handed to the slow path, and the message when it is not expat's.
    def __init__(self, code, offset, message=None):
        Exception.__init__(self, code, offset)
        self.code = code
        self.offset = offset
        self.message = message


class _Incomplete(Exception):
    pass


def _quick_refs(text):
    # Text with only the five predefined entity references replaced in one
    # go; None when it holds anything else ("]]>", other references, a
    # bare "&").
    if "]]>" in text:
        return None
    if "&lt;" in text:
        text = text.replace("&lt;", "<")
    if "&gt;" in text:
        text = text.replace("&gt;", ">")
    if "&quot;" in text:
        text = text.replace("&quot;", '"')
    if "&apos;" in text:
        text = text.replace("&apos;", "'")
    if text.count("&") != text.count("&amp;"):
        return None
    return text.replace("&amp;", "&")


def _valid_char(n):
    return (n == 9 or n == 10 or n == 13 or 0x20 <= n <= 0xD7FF
            or 0xE000 <= n <= 0xFFFD or 0x10000 <= n <= 0x10FFFF)


_cdata_pieces = re.compile("\\][^\\]\n]*|[^\\]\n]+|\n").findall


def _split_cdata(data, text):
    # Hands CDATA text to *data* as expat does: cut before each "]" and
    # around each line end.
    for piece in _cdata_pieces(text):
        data(piece)


def _split_lines(data, text):
    # Hands *text* to *data* as expat does: each line end on its own.
    if "\n" not in text:
        data(text)
        return
    lines = text.split("\n")
    last = len(lines) - 1
    for i, line in enumerate(lines):
        if line:
            data(line)
        if i < last:
            data("\n")


class _Scanner:
    """The XML tokenizer and well-formedness checker.

    The owner sets the callbacks it wants (None means not reported):
    start(name, attrib), end(name), data(text), comment(text),
    pi(target, data), start_ns(prefix, uri), end_ns(prefix),
    doctype(name, pubid, system, internal_subset), xmldecl(version,
    encoding, standalone), cdata_start(), cdata_end(); and undefined(name),
    asked for a reference to an entity nobody declared when the document
    has an external DTD (returns the text, or None for an error);
    make_error(code, line, column, message) builds the exception raised.
    With namespaces, names are reported as "{uri}local" (expand=True) or
    as written (expand=False, the current mapping in self.nsmap).

    A TreeBuilder of the exact class with the default factories may be
    given as self.builder: elements are then made and linked here, with
    ("start", element) and ("end", element) put on self.events when asked
    (self.event_start, self.event_end)."""

    def __init__(self, namespaces=True, encoding=None, expand=True):
        self.namespaces = namespaces
        self.expand = expand
        self.keep_xmlns = not expand
        self.start = self.end = self.data = None
        self.comment = self.pi = self.start_ns = self.end_ns = None
        self.doctype = self.xmldecl = None
        self.cdata_start = self.cdata_end = None
        self.cdata_data = None
        self.plain_data = False
        self.undefined = None
        self.undefined_message = None
        self.make_error = None
        self.builder = None
        self.events = None
        self.event_start = self.event_end = False
        self._findall = (_NS_TOKENS if namespaces else _PLAIN_TOKENS).findall
        self._finditer = (_NS_TOKENS if namespaces else _PLAIN_TOKENS).finditer
        self._attrs = _NS_ATTRS if namespaces else _PLAIN_ATTRS
        self._ref_split = _ref_split if namespaces else _plain_ref_split
        self.nsmap = {"xml": _XML_NS}
        self._ecache = {}
        self._acache = {}
        self._stack = []
        self._state = 0          # 0 prolog, 1 in the root element, 2 after it
        self._first = True       # the XML declaration may come
        self._doctype_seen = False
        self._external = False   # the DOCTYPE names an external subset
        self._entities = {}
        self._external_entities = set()
        self._open_entities = []
        self._attdefaults = {}
        self._nested = 0
        self._ntokens = 0
        self._in_cdata = False
        self._entity_base = 0
        self._pre = 0
        self._cur = ("", 0)
        self._buf = ""
        self._cr = False
        self._line = 1
        self._col = 0
        self._failed = None
        self._finished = False
        self._encoding = encoding
        self._codec = None
        self._raw = b""

    # -- input -------------------------------------------------------

    def feed(self, data, final=False):
        if self._failed is not None:
            raise self._failed
        if self._finished:
            raise self._error(36, "")
        try:
            if isinstance(data, str):
                text = data
            else:
                if not isinstance(data, (bytes, bytearray, memoryview)):
                    raise TypeError("a bytes-like object is required, not '%s'"
                                    % type(data).__name__)
                text = self._decode(bytes(data), final)
            self._feed_text(text, final)
            if final:
                self._finished = True
        except Exception as exc:
            self._failed = exc
            raise

    def close(self):
        if self._codec is not None or self._raw:
            self.feed(b"", True)
        else:
            self.feed("", True)

    def _feed_text(self, text, final, bad=None):
        # bad: the offset in text of a character that cannot be decoded
        if self._cr:
            text = "\r" + text
            self._cr = False
            if bad is not None:
                bad += 1
        if "\r" in text:
            if text[-1] == "\r" and not final and bad is None:
                text = text[:-1]
                self._cr = True
            if bad is not None:
                head = text[:bad].replace("\r\n", "\n").replace("\r", "\n")
                text = head + text[bad:].replace("\r\n", "\n").replace("\r", "\n")
                bad = len(head)
            else:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
        m = _INVALID.search(text)
        if m is not None and (bad is None or m.start() < bad):
            bad = m.start()
        if self._buf:
            if bad is not None:
                bad += len(self._buf)
            buf = self._buf + text
        else:
            buf = text
        self._buf = ""
        if bad is None:
            self._pre = 0
            rest = self._run(buf, final)
            consumed = len(buf) - len(rest)
            if consumed == len(buf) and not self._pre:
                self._advance(buf)
            else:
                self._advance(buf[self._pre:consumed])
            self._buf = rest
            if final:
                if rest:
                    raise self._error(5, "")
                if self._state != 2:
                    raise self._error(3, "")
        else:
            work = buf[:bad]
            self._pre = 0
            rest = self._run(work, False)
            consumed = len(work) - len(rest)
            self._advance(work[self._pre:consumed])
            tail = rest + buf[bad:]
            # The remaining text holds an error: find it and say where.
            self._cur = (tail, 0)
            self._slow(0, 0, True)
            raise self._error(4, rest)

    def _advance(self, text):
        nl = text.count("\n")
        if nl:
            self._line += nl
            self._col = len(text) - text.rfind("\n") - 1
        else:
            self._col += len(text)

    def _position(self, prefix):
        nl = prefix.count("\n")
        if nl:
            return self._line + nl, len(prefix) - prefix.rfind("\n") - 1
        return self._line, self._col + len(prefix)

    def _error(self, code, prefix, message=None):
        # The exception for an error *prefix* characters into the buffer.
        line, col = self._position(prefix)
        if message is None:
            message = _EXPAT_MESSAGES.get(code, "unknown error")
        if self.make_error is not None:
            return self.make_error(code, line, col, message)
        err = ParseError("%s: line %d, column %d" % (message, line, col))
        err.code = code
        err.position = (line, col)
        return err

    def _offset(self, j, markup):
        # The offset in the current buffer of token j's text (or markup).
        buf, base = self._cur
        k = 0
        for m in self._finditer(buf, base):
            if k == j:
                if markup:
                    return m.start() + len(m.group(1))
                return m.start()
            k += 1
        return len(buf)

    def _fail(self, code, j, markup, offset, message=None):
        if self._nested:
            raise _Failure(code, 0, message)
        pos = self._offset(j, markup) + offset
        raise self._error(code, self._cur[0][:pos], message)

    # -- bytes -------------------------------------------------------

    def _decode(self, raw, final):
        if self._codec is None:
            raw = self._raw + raw
            self._raw = b""
            codec = self._find_encoding(raw, final)
            if codec is None:
                self._raw = raw
                return ""
            self._codec = codec
        elif self._raw:
            raw = self._raw + raw
            self._raw = b""
        if not raw:
            return ""
        codec = self._codec
        try:
            return raw.decode(codec)
        except UnicodeDecodeError as exc:
            if not final and exc.end == len(raw) and exc.reason in (
                    "unexpected end of data", "truncated data"):
                self._raw = raw[exc.start:]
                return raw[:exc.start].decode(codec)
            good = raw[:exc.start].decode(codec)
            self._feed_text(good + "\x00", False, len(good))
            raise self._error(4, "")

    def _find_encoding(self, raw, final):
        # The codec for a byte stream starting with raw, from the byte order
        # mark or the XML declaration; None while more bytes are needed.
        if self._encoding:
            return self._codec_for(self._encoding, None)
        if raw[:3] == b"\xef\xbb\xbf":
            return "utf-8"
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
            return "utf-16"
        if raw[:4] == b"<\x00?\x00":
            return "utf-16-le"
        if raw[:4] == b"\x00<\x00?":
            return "utf-16-be"
        if len(raw) < 5:
            if not final and (b"<?xml"[:len(raw)] == raw
                              or b"\xef\xbb\xbf"[:len(raw)] == raw
                              or raw in (b"\xff", b"\xfe", b"\x00", b"<",
                                         b"\x00<", b"<\x00", b"\x00<\x00")):
                return None
            return "utf-8"
        if raw[:5] == b"<?xml":
            end = raw.find(b"?>")
            if end < 0:
                if not final and len(raw) < 4096:
                    return None
                return "utf-8"
            m = re.search(b"encoding[ \t\r\n]*=[ \t\r\n]*([\"'])([A-Za-z][-A-Za-z0-9._]*)\\1",
                          raw[:end])
            if m is not None:
                return self._codec_for(m.group(2).decode("ascii"), m.start(2))
        return "utf-8"

    def _codec_for(self, name, offset):
        low = name.lower()
        if low in ("utf-8", "utf8"):
            return "utf-8"
        if low in ("iso-8859-1", "latin-1", "latin1", "iso8859-1"):
            return "latin-1"
        if low in ("us-ascii", "ascii"):
            return "ascii"
        if low in ("utf-16", "utf16"):
            if offset is not None:
                raise self._error(19, " " * offset)
            return "utf-16"
        import codecs
        return codecs.lookup(name).name

    # -- the fast path -----------------------------------------------

    def _run(self, buf, final):
        # Parses as much of buf as forms whole tokens; returns the rest.
        if not buf:
            if final and self._in_cdata:
                raise self._error(20, "")
            return ""
        if self._first and not self._nested:
            if buf[0] == "\ufeff":
                buf = buf[1:]
                self._col += 1
                self._pre += 1
                if not buf:
                    return ""
            if buf[:5] == "<?xml"[:len(buf)] and len(buf) < 6 and not final:
                return buf
            if buf[:5] == "<?xml" and (buf[5:6] in (" ", "\t", "\n")
                                       or buf[5:7] == "?>" or buf[5:] == "?"):
                end = buf.find("?>")
                if end < 0:
                    if final:
                        raise self._error(5, "")
                    return buf
                self._xml_declaration(buf[:end + 2])
                self._advance(buf[:end + 2])
                self._pre += end + 2
                buf = buf[end + 2:]
            self._first = False
            if not buf:
                return ""
        if self._in_cdata:
            end = buf.find("]]>")
            if end < 0:
                if final:
                    held = 2 if buf[-2:] == "]]" else (1 if buf[-1:] == "]" else 0)
                    raise self._error(20, buf[:len(buf) - held])
                return self._cdata_text(buf)
            if end:
                self._cdata(buf[:end])
            if self.cdata_end is not None:
                self.cdata_end()
            self._in_cdata = False
            self._advance(buf[:end + 3])
            self._pre += end + 3
            buf = buf[end + 3:]
            if not buf:
                return ""
        saved = self._cur
        saved_count = self._ntokens
        try:
            base = 0
            while True:
                self._cur = (buf, base)
                rest = self._tokens(buf, base, final)
                if rest.__class__ is str:
                    return rest
                base = rest
        finally:
            self._cur = saved
            self._ntokens = saved_count

    def _tokens(self, buf, base, final):
        # The loop over the tokens of buf from base.  Returns the text left
        # unparsed, or an offset from which to cut the text into tokens
        # again (after a declaration the token pattern did not take whole).
        tokens = self._findall(buf, base)
        # The text at the end of the buffer (no markup after it) may go on
        # in the next chunk.
        tail = ""
        while tokens:
            last = tokens[-1]
            if last[1] or last[4] or last[5] or last[6]:
                break
            tail = last[0] + tail
            tokens.pop()
        self._ntokens = len(tokens)
        stack = self._stack
        data = self.data
        if data is None:
            data = _ignore
        tb = self.builder
        if tb is not None:
            tbdata = tb._data
            elems = tb._elem
            ev_start = self.event_start
            ev_end = self.event_end
            events = self.events
            new = object.__new__
        namespaces = self.namespaces
        ecache = self._ecache
        nested = self._nested
        state = self._state
        attdefaults = self._attdefaults
        plain_data = self.plain_data
        j = -1
        for text, sname, attrs, slash, ename, other, bad in tokens:
            j += 1
            if text:
                if state == 1:
                    if "&" in text or "]]>" in text:
                        quick = _quick_refs(text) if plain_data else None
                        if quick is None:
                            self._text(text, j)
                        else:
                            data(quick)
                    else:
                        data(text)
                elif text.strip(" \t\n"):
                    self._junk_text(text, j)
            if sname:
                if state != 1:
                    if state == 2:
                        self._fail(9, j, True, 0)
                    if not nested:
                        state = self._state = 1
                if attrs:
                    attrib = {}
                    for an, av in self._attrs(attrs):
                        av = av[1:-1]
                        if "\t" in av or "\n" in av:
                            av = av.translate(_WS_TO_SPACE)
                        if "&" in av:
                            av = self._attr_value(av)
                            if av is None:
                                self._tag_problem(j)
                        if an in attrib:
                            self._tag_problem(j)
                        attrib[an] = av
                else:
                    attrib = {}
                if attdefaults:
                    self._defaults(sname, attrib)
                decls = None
                if namespaces:
                    if attrs and "xmlns" in attrs:
                        decls = self._start_namespaces(attrib, j)
                        ecache = self._ecache
                    name = ecache.get(sname)
                    if name is None:
                        name = self._element_name(sname, j)
                    if attrs and ":" in attrs:
                        attrib = self._attribute_names(attrib, j)
                else:
                    name = sname
                if tb is not None:
                    elem = new(Element)
                    elem.tag = name
                    elem.attrib = attrib
                    elem.text = None
                    elem.tail = None
                    elem._children = []
                    if tbdata:
                        last = tb._last
                        if last is not None:
                            t = tbdata[0] if len(tbdata) == 1 else "".join(tbdata)
                            if tb._tail:
                                last.tail = t
                            else:
                                last.text = t
                        tbdata.clear()
                    if elems:
                        elems[-1]._children.append(elem)
                    elif tb._root is None:
                        tb._root = elem
                    tb._last = elem
                    if ev_start:
                        events.append(("start", elem))
                    if slash:
                        tb._tail = 1
                        if ev_end:
                            events.append(("end", elem))
                    else:
                        elems.append(elem)
                        tb._tail = 0
                else:
                    if self.start is not None:
                        self.start(name, attrib)
                    if slash and self.end is not None:
                        self.end(name)
                if slash:
                    if decls is not None:
                        self._end_namespaces(decls)
                        ecache = self._ecache
                    if not stack and not nested:
                        state = self._state = 2
                else:
                    stack.append((sname, name, decls))
            elif ename:
                if len(stack) <= self._entity_base:
                    if nested:
                        self._fail(13, j, True, 0)
                    self._fail(4, j, True, 1)
                top = stack.pop()
                if ename != top[0]:
                    stack.append(top)
                    self._fail(7, j, True, 2)
                if tb is not None:
                    if tbdata:
                        last = tb._last
                        if last is not None:
                            t = tbdata[0] if len(tbdata) == 1 else "".join(tbdata)
                            if tb._tail:
                                last.tail = t
                            else:
                                last.text = t
                        tbdata.clear()
                    tb._last = elem = elems.pop()
                    tb._tail = 1
                    if ev_end:
                        events.append(("end", elem))
                elif self.end is not None:
                    self.end(top[1])
                if top[2] is not None:
                    self._end_namespaces(top[2])
                    ecache = self._ecache
                if not stack and not nested:
                    state = self._state = 2
            elif other:
                c = other[1]
                if c == "!":
                    c = other[2]
                    if c == "-":
                        if self.comment is not None:
                            self.comment(other[4:-3])
                    elif c == "[":
                        if state != 1:
                            self._fail(2 if state == 0 else 9, j, True, 0)
                        if self.cdata_start is not None:
                            self.cdata_start()
                        if len(other) > 12:
                            self._cdata(other[9:-3])
                        if self.cdata_end is not None:
                            self.cdata_end()
                    else:
                        end = self._doctype_decl(other, j, final)
                        if end is not None:
                            return end
                else:
                    mt = _pi_match(other)
                    if mt is None:
                        self._tag_problem(j)
                    target = mt.group(1)
                    if namespaces and ":" in target:
                        self._tag_problem(j)
                    if len(target) == 3 and target.lower() == "xml":
                        if target == "xml":
                            self._fail(17, j, True, 0)
                        self._fail(4, j, True, 5)
                    if self.pi is not None:
                        self.pi(target, mt.group(2) or "")
            else:
                return self._bad_markup(j, final)
        if tail:
            if state == 1:
                if not final:
                    k = tail.rfind("&")
                    if k >= 0 and ";" not in tail[k:]:
                        hold = tail[k:]
                        tail = tail[:k]
                    elif tail[-1] == "]":
                        hold = "]]" if tail[-2:] == "]]" else "]"
                        tail = tail[:-len(hold)]
                    else:
                        hold = ""
                    if tail:
                        if "&" in tail or "]]>" in tail:
                            self._text(tail, len(tokens))
                        else:
                            data(tail)
                    return hold
                if "&" in tail or "]]>" in tail:
                    self._text(tail, len(tokens))
                else:
                    data(tail)
            elif tail.strip(" \t\n"):
                self._junk_text(tail, len(tokens), final)
                return tail
        return ""

    def _text(self, t, j):
        # Character data holding references or "]]>".
        if "]]>" in t:
            self._text_error(j)
        pieces = self._ref_split(t)
        data = self.data
        if data is None:
            data = _ignore
        off = 0
        for k in range(len(pieces)):
            piece = pieces[k]
            if k % 2 == 0:
                if piece:
                    if "&" in piece:
                        self._text_error(j)
                    data(piece)
                    off += len(piece)
                continue
            ref = off
            off += len(piece) + 2
            if piece[0] == "#":
                if piece[1] == "x":
                    n = int(piece[2:], 16)
                else:
                    n = int(piece[1:])
                if not _valid_char(n):
                    self._fail(14, j, False, ref)
                data(chr(n))
                continue
            value = _PREDEFINED.get(piece)
            if value is not None:
                data(value)
                continue
            value = self._entities.get(piece)
            if value is not None:
                if "<" in value or "&" in value:
                    self._entity_content(piece, value, j, ref)
                elif value:
                    data(value)
                continue
            if self._external or piece in self._external_entities:
                if self.undefined is not None:
                    value = self.undefined(piece)
                    if value is None:
                        message = None
                        if self.undefined_message is not None:
                            message = self.undefined_message(piece)
                        self._fail(11, j, False, ref, message)
                    if value:
                        data(value)
                continue
            self._fail(11, j, False, ref)

    def _text_error(self, j):
        self._slow(j, False, True)
        self._fail(4, j, False, 0)

    def _entity_content(self, name, value, j, ref):
        # The replacement text of an internal entity, parsed as content.
        if name in self._open_entities:
            self._fail(12, j, False, ref)
        depth = len(self._stack)
        self._open_entities.append(name)
        self._nested += 1
        base = self._entity_base
        self._entity_base = depth
        failure = None
        try:
            self._run(value, True)
            if len(self._stack) != depth:
                failure = _Failure(13, 0)
        except _Failure as exc:
            failure = exc
        finally:
            self._nested -= 1
            self._entity_base = base
            self._open_entities.pop()
        if failure is not None:
            self._fail(failure.code, j, False, ref, failure.message)

    def _attr_value(self, value, depth=0):
        # An attribute value with its references replaced, or None when
        # something is wrong (the slow path then says what and where).
        pieces = self._ref_split(value)
        for k in range(0, len(pieces), 2):
            if "&" in pieces[k]:
                return None
        for k in range(1, len(pieces), 2):
            piece = pieces[k]
            if piece[0] == "#":
                if piece[1] == "x":
                    n = int(piece[2:], 16)
                else:
                    n = int(piece[1:])
                if not _valid_char(n):
                    return None
                pieces[k] = chr(n)
                continue
            text = _PREDEFINED.get(piece)
            if text is None:
                text = self._entities.get(piece)
                if text is None:
                    if self._external or piece in self._external_entities:
                        text = ""
                    else:
                        return None
                else:
                    if "<" in text or depth > 20:
                        return None
                    if "\t" in text or "\n" in text:
                        text = text.translate(_WS_TO_SPACE)
                    if "&" in text:
                        text = self._attr_value(text, depth + 1)
                        if text is None:
                            return None
            pieces[k] = text
        return "".join(pieces)

    def _defaults(self, name, attrib):
        # Attribute defaults and normalisation from the internal subset.
        defaults = self._attdefaults.get(name)
        if defaults:
            for an, (default, tokenized) in defaults.items():
                if an in attrib:
                    if tokenized:
                        attrib[an] = _ws_run.sub(" ", attrib[an]).strip(" ")
                elif default is not None:
                    attrib[an] = default

    def _start_namespaces(self, attrib, j):
        decls = []
        nsmap = self.nsmap
        for an in list(attrib):
            if an == "xmlns":
                prefix = ""
            elif an[:6] == "xmlns:":
                prefix = an[6:]
            else:
                continue
            if self.keep_xmlns:
                uri = attrib[an]
            else:
                uri = attrib.pop(an)
            if prefix == "xmlns":
                self._fail(39, j, True, 0)
            if prefix == "xml":
                if uri != _XML_NS:
                    self._fail(38, j, True, 0)
            elif uri == _XML_NS or uri == _XMLNS_NS:
                self._fail(40, j, True, 0)
            if prefix and not uri:
                self._fail(28, j, True, 0)
            decls.append((prefix, nsmap.get(prefix)))
            if uri or prefix:
                nsmap[prefix] = uri
            else:
                nsmap.pop("", None)
            if self.start_ns is not None:
                self.start_ns(prefix, uri)
        if not decls:
            return None
        self._ecache = {}
        self._acache = {}
        return decls

    def _end_namespaces(self, decls):
        nsmap = self.nsmap
        for k in range(len(decls) - 1, -1, -1):
            prefix, old = decls[k]
            if old is None:
                nsmap.pop(prefix, None)
            else:
                nsmap[prefix] = old
            if self.end_ns is not None:
                self.end_ns(prefix)
        self._ecache = {}
        self._acache = {}

    def _element_name(self, name, j):
        if ":" in name:
            prefix, local = name.split(":", 1)
            uri = self.nsmap.get(prefix)
            if uri is None:
                self._fail(27, j, True, 0)
            ename = "{%s}%s" % (uri, local) if self.expand else name
        else:
            uri = self.nsmap.get("")
            ename = "{%s}%s" % (uri, name) if uri and self.expand else name
        self._ecache[name] = ename
        return ename

    def _attribute_names(self, attrib, j):
        # Attribute names with their prefixes resolved.
        acache = self._acache
        nsmap = self.nsmap
        expand = self.expand
        out = {}
        for an, av in attrib.items():
            if ":" in an:
                key = acache.get(an)
                if key is None:
                    prefix, local = an.split(":", 1)
                    if prefix == "xmlns" and self.keep_xmlns:
                        key = an
                    else:
                        uri = nsmap.get(prefix)
                        if uri is None:
                            self._fail(27, j, True, 0)
                        key = "{%s}%s" % (uri, local)
                    acache[an] = key
                out[key] = av
            else:
                out[an] = av
        if len(out) != len(attrib):
            self._fail(8, j, True, 0)
        return out if expand else attrib

    def _xml_declaration(self, decl):
        # The pseudo-attributes version, encoding and standalone, in that
        # order, as expat reads them (values of [A-Za-z0-9._-] only).
        end = len(decl) - 2
        found = {}
        order = ("version", "encoding", "standalone")
        pos = 5
        while True:
            attr = self._pseudo_attribute(decl, pos, end)
            if attr is None:
                break
            name, name_start, value, value_start, pos = attr
            if name not in order or name in found or [
                    n for n in order[order.index(name) + 1:] if n in found] \
                    or (not found and name != "version"):
                raise self._error(30, decl[:name_start])
            if name == "encoding" and not ("A" <= value[:1] <= "Z"
                                           or "a" <= value[:1] <= "z"):
                raise self._error(30, decl[:value_start])
            if name == "standalone" and value not in ("yes", "no"):
                raise self._error(30, decl[:value_start])
            found[name] = value
        if "version" not in found:
            raise self._error(30, decl[:5])
        standalone = found.get("standalone")
        if standalone is not None:
            standalone = 1 if standalone == "yes" else 0
        else:
            standalone = -1
        if self.xmldecl is not None:
            self.xmldecl(found["version"], found.get("encoding"), standalone)

    def _pseudo_attribute(self, decl, pos, end):
        if pos == end:
            return None
        if decl[pos] not in " \t\n":
            raise self._error(30, decl[:pos])
        while decl[pos] in " \t\n":
            pos += 1
        if pos == end:
            return None
        name_start = pos
        while True:
            if pos == end:
                raise self._error(30, decl[:pos])
            c = decl[pos]
            if c > "\x7f":
                raise self._error(30, decl[:pos])
            if c == "=":
                if pos == name_start:
                    raise self._error(30, decl[:pos])
                name_end = pos
                break
            if c in " \t\n":
                name_end = pos
                while decl[pos] in " \t\n":
                    pos += 1
                if decl[pos] != "=":
                    raise self._error(30, decl[:pos])
                break
            pos += 1
        pos += 1
        while pos < end and decl[pos] in " \t\n":
            pos += 1
        if pos == end or decl[pos] not in "\"'":
            raise self._error(30, decl[:pos])
        quote = decl[pos]
        pos += 1
        value_start = pos
        while True:
            if pos == end:
                raise self._error(30, decl[:pos])
            c = decl[pos]
            if c == quote:
                break
            if not ("a" <= c <= "z" or "A" <= c <= "Z" or "0" <= c <= "9"
                    or c in "._-"):
                raise self._error(30, decl[:pos])
            pos += 1
        return (decl[name_start:name_end], name_start,
                decl[value_start:pos], value_start, pos + 1)

    def _doctype_decl(self, m, j, final):
        # Returns None, or an offset to cut tokens again from (the
        # declaration was longer than the token pattern saw), or the text
        # left when the declaration is not complete yet.
        state = self._state
        if state == 1:
            self._fail(4, j, True, 2)
        if state == 2:
            self._fail(9, j, True, 0)
        if self._doctype_seen:
            self._fail(2, j, True, 0)
        try:
            end = self._slow(j, True, False, m)
        except _Incomplete:
            end = None
        resume = None
        if end != len(m):
            try:
                end = self._slow(j, True, final)
            except _Incomplete:
                return self._cur[0][self._offset(j, True):]
            start = self._offset(j, True)
            m = self._cur[0][start:start + end]
            resume = start + end
        mt = _doctype_match(m)
        if mt is None:
            self._fail(2, j, True, 0)
        self._doctype_seen = True
        name, system, pubid, system2, subset = mt.groups()
        if pubid is not None:
            pubid = pubid[1:-1]
            system = system2[1:-1]
            self._external = True
        elif system is not None:
            system = system[1:-1]
            self._external = True
        if subset is not None:
            self._internal_subset(subset)
        if self.doctype is not None:
            self.doctype(name, pubid, system, subset)
        return resume

    def _internal_subset(self, subset):
        # Internal general entities and attribute defaults are used; the
        # rest of the declarations are skipped.
        for m in _entity_decl.finditer(subset):
            name = m.group(1)
            if name not in self._entities:
                value = m.group(2)[1:-1]
                if "&#" in value:
                    value = re.sub("&#(x[0-9a-fA-F]+|[0-9]+);",
                                   lambda r: chr(int(r.group(1)[1:], 16)
                                                 if r.group(1)[0] == "x"
                                                 else int(r.group(1))),
                                   value)
                self._entities[name] = value
        for m in _external_entity_decl.finditer(subset):
            if m.group(1) not in self._entities:
                self._external_entities.add(m.group(1))
        if "%" in subset:
            if re.search("%%%s;" % _XNAME, subset):
                self._external = True
        for m in _attlist_decl.finditer(subset):
            element = m.group(1)
            defaults = self._attdefaults.setdefault(element, {})
            for d in _attdef.finditer(m.group(2)):
                an, atype, spec, value = d.groups()
                if an in defaults:
                    continue
                tokenized = atype != "CDATA"
                if value is not None:
                    value = value[1:-1].translate(_WS_TO_SPACE)
                    if "&" in value:
                        value = self._attr_value(value) or ""
                    if tokenized:
                        value = _ws_run.sub(" ", value).strip(" ")
                defaults[an] = (value, tokenized)

    # -- the slow path: expat's verdict on a token ---------------------

    def _junk_text(self, t, j, final=True):
        # Non-blank text before or after the root element: expat reads it
        # as DTD tokens, and says which is wrong (returns when it cannot
        # tell yet: the first token goes on in the next chunk).
        k = 0
        while t[k] in " \t\n":
            k += 1
        prolog = self._state == 0
        c = t[k]
        end = None
        if _is_name_char(c) or c == ":":
            end = k + 1
            while end < len(t) and (_is_name_char(t[end]) or t[end] == ":"):
                end += 1
            after = t[end:end + 1]
            if not after and self._offset(j, False) + end < len(self._cur[0]):
                after = "<"
            if not after and not final:
                if prolog:
                    return
                self._fail(9, j, False, k)
        elif c in "\"'":
            buf = self._cur[0]
            start = self._offset(j, False) + k
            close = buf.find(c, start + 1)
            if close < 0:
                if not final:
                    return
                self._fail(5, j, False, k)
            end = close - start + k + 1
            after = buf[close + 1:close + 2]
            if not after and not final:
                if prolog:
                    return
                self._fail(9, j, False, k)
        if end is not None:
            if after and after not in " \t\n[]>)(|,%":
                self._fail(4, j, False, end)
            self._fail(2 if prolog else 9, j, False, k)
        if c == "#" and not _is_name_start(t[k + 1:k + 2] or "<"):
            if k + 1 < len(t) or self._offset(j, False) + k + 1 < len(self._cur[0]):
                self._fail(4, j, False, k + 1)
        if c in "[]()|,>%#":
            self._fail(2 if prolog else 9, j, False, k)
        self._fail(4, j, False, k)

    def _bad_markup(self, j, final):
        # A "<" the fast path did not take: an error, a token not complete
        # yet (returns the text left), or a declaration the token pattern
        # missed (returns the offset to go on from).
        buf = self._cur[0]
        if j == self._ntokens - 1:
            # the last piece of markup: only text (no "<") follows it
            start = buf.rfind("<")
        else:
            start = self._offset(j, True)
        try:
            end = self._slow(j, True, final, None, start)
        except _Incomplete:
            if buf[start:start + 9] == "<![CDATA[" and self._state == 1 \
                    and not self._nested:
                # a CDATA section going on in the next chunk: its text so
                # far now, as expat does
                if self.cdata_start is not None:
                    self.cdata_start()
                self._in_cdata = True
                return self._cdata_text(buf[start + 9:])
            return buf[start:]
        if buf[start:start + 9] != "<!DOCTYPE":
            self._fail(4, j, True, 0)
        # a declaration: go on from its start, handing it over whole
        resume = self._doctype_at(start, start + end, j, final)
        return resume

    def _cdata_text(self, text):
        # Reports the text of an unfinished CDATA section but for a "]" or
        # "]]" at its end; returns what is held back.
        held = 2 if text[-2:] == "]]" else (1 if text[-1:] == "]" else 0)
        if len(text) > held:
            self._cdata(text[:len(text) - held])
        return text[len(text) - held:]

    def _cdata(self, text):
        if self.cdata_data is not None:
            self.cdata_data(text)
        elif self.data is not None:
            self.data(text)

    def _doctype_at(self, start, end, j, final):
        m = self._cur[0][start:end]
        result = self._doctype_decl(m, j, final)
        if result is None:
            return end
        return result

    def _tag_problem(self, j):
        self._slow(j, True, True)
        self._fail(4, j, True, 0)

    def _slow(self, j, markup, final, s=None, start=None):
        """Scans the token j of the current buffer (its markup, or its
        text) character by character and raises expat's error for it;
        returns the token's length when it is fine.  Raises _Incomplete
        when the token is not finished (an "unclosed token" error when
        final)."""
        buf = self._cur[0]
        if start is None:
            start = self._offset(j, markup)
        if s is None:
            s = buf[start:]
        checker = _Checker(self, s, final)
        try:
            if s[:1] == "<":
                return checker.markup()
            return checker.text()
        except _Failure as exc:
            if self._nested:
                raise
            raise self._error(exc.code, buf[:start] + s[:exc.offset],
                              exc.message) from None
        except _Incomplete:
            if self._nested:
                raise _Failure(5, 0)
            if final:
                if s[:9] == "<![CDATA[" and self._state == 1:
                    held = 2 if s[-2:] == "]]" else (1 if s[-1:] == "]" else 0)
                    raise self._error(20, buf[:start] + s[:len(s) - held]) from None
                if s[:9] == "<!DOCTYPE" and self._state == 0 \
                        and not getattr(checker, "mid", True):
                    raise self._error(3, buf[:start] + s) from None
                raise self._error(5, buf[:start] + s[:checker.token_start]) from None
            raise


class _Checker:
    # Character-level scanning of one token, after expat's tokenizer.

    def __init__(self, scanner, s, final=True):
        self.final = final
        self.token_start = 0
        self.mid = True
        self.sc = scanner
        self.s = s
        self.n = len(s)
        self.ns = scanner.namespaces

    def at(self, k):
        if k >= self.n:
            raise _Incomplete()
        c = self.s[k]
        if _INVALID.match(c):
            raise _Failure(4, k)
        return c

    def skip_ws(self, k):
        while self.at(k) in " \t\n":
            k += 1
        return k

    def name(self, k, qualified=None):
        # Scans a name starting at k (already known to start one); returns
        # its end.
        if qualified is None:
            qualified = self.ns
        colon = False
        c = self.at(k)
        if not (_is_name_start(c) or (c == ":" and not qualified)):
            raise _Failure(4, k)
        k += 1
        while True:
            c = self.at(k)
            if c == ":" and qualified:
                if colon:
                    raise _Failure(4, k)
                colon = True
                c2 = self.at(k + 1)
                if not _is_name_start(c2):
                    raise _Failure(4, k + 1)
                k += 2
                continue
            if _is_name_char(c) or c == ":":
                k += 1
                continue
            return k

    def reference(self, k, in_attribute):
        # s[k] == "&": checks the reference; returns the offset after it.
        start = k
        c = self.at(k + 1)
        if c == "#":
            c = self.at(k + 2)
            if c == "x":
                j = k + 3
                if self.at(j) not in "0123456789abcdefABCDEF":
                    raise _Failure(4, j)
                while self.at(j) in "0123456789abcdefABCDEF":
                    j += 1
                if self.at(j) != ";":
                    raise _Failure(4, j)
                value = int(self.s[k + 3:j], 16)
            else:
                j = k + 2
                if self.at(j) not in "0123456789":
                    raise _Failure(4, j)
                while self.at(j) in "0123456789":
                    j += 1
                if self.at(j) != ";":
                    raise _Failure(4, j)
                value = int(self.s[k + 2:j])
            if not _valid_char(value):
                raise _Failure(14, start)
            return j + 1
        if not (_is_name_start(c) or (c == ":" and not self.ns)):
            raise _Failure(4, k + 1)
        j = k + 2
        while True:
            c = self.at(j)
            if not (_is_name_char(c) or (c == ":" and not self.ns)):
                break
            j += 1
        if c != ";":
            raise _Failure(4, j)
        name = self.s[k + 1:j]
        sc = self.sc
        if name in _PREDEFINED or in_attribute:
            return j + 1
        if name in sc._entities:
            value = sc._entities[name]
            if name in sc._open_entities:
                raise _Failure(12, start)
            if in_attribute and "<" in value:
                raise _Failure(4, start)
            return j + 1
        if sc._external or name in sc._external_entities:
            if in_attribute:
                return j + 1
            if sc.undefined is not None:
                value = sc.undefined(name)
                if value is not None:
                    return j + 1
                message = None
                if sc.undefined_message is not None:
                    message = sc.undefined_message(name)
                raise _Failure(11, start, message)
            return j + 1
        raise _Failure(11, start)

    def text(self):
        # Character data (in content) up to the next "<"; raises at the
        # first problem.
        s = self.s
        k = 0
        while k < self.n:
            c = s[k]
            if c == "<":
                return k
            if c == "&":
                self.token_start = k
                k = self.reference(k, False)
                continue
            if c == "]" and s[k + 1:k + 3] == "]>":
                raise _Failure(4, k + 2)
            self.at(k)
            k += 1
        return k

    def markup(self):
        s = self.s
        sc = self.sc
        c = self.at(1)
        if c == "/":
            if sc._state != 1:
                raise _Failure(4, 1)
            if self.ns and self.at(2) == ":":
                raise _Failure(4, 2)
            k = self.name(2, False)
            k = self.skip_ws(k)
            if s[k] != ">":
                raise _Failure(4, k)
            return k + 1
        if c == "?":
            if self.ns:
                k = 2
                if not _is_name_start(self.at(k)):
                    raise _Failure(4, k)
                while _is_name_char(self.at(k)):
                    k += 1
            else:
                k = self.name(2, False)
            target = s[2:k]
            c = self.at(k)
            if c == "?":
                if self.at(k + 1) != ">":
                    raise _Failure(4, k + 1)
            elif c not in " \t\n":
                raise _Failure(4, k)
            if target.lower() == "xml":
                if target == "xml":
                    if sc._first:
                        # the XML declaration: its characters
                        while not (self.at(k) == "?" and self.at(k + 1) == ">"):
                            k += 1
                        return k + 2
                    raise _Failure(17, 0)
                raise _Failure(4, k)
            if c == "?":
                if self.at(k + 1) != ">":
                    raise _Failure(4, k + 1)
                return k + 2
            if c not in " \t\n":
                raise _Failure(4, k)
            while True:
                c = self.at(k)
                if c == "?" and self.at(k + 1) == ">":
                    return k + 2
                k += 1
        if c == "!":
            c = self.at(2)
            if c == "-":
                if self.at(3) != "-":
                    raise _Failure(4, 3)
                k = 4
                while True:
                    if self.at(k) == "-" and self.at(k + 1) == "-":
                        if self.at(k + 2) != ">":
                            raise _Failure(4, k + 2)
                        return k + 3
                    k += 1
            if c == "[":
                if sc._state != 1:
                    raise _Failure(2 if sc._state == 0 else 9, 0)
                for k in range(3, 9):
                    if self.at(k) != "CDATA["[k - 3]:
                        raise _Failure(4, k)
                k = 9
                while True:
                    if self.at(k) == "]" and s[k + 1:k + 3] == "]>":
                        return k + 3
                    k += 1
            if sc._state == 1:
                raise _Failure(4, 2)
            kind, start, end, keyword = self.dtd_token(0)
            if kind != "DECL":
                raise _Failure(4, 2)
            if sc._state == 2:
                raise _Failure(9, 0)
            if keyword != "DOCTYPE":
                raise _Failure(2, 0)
            return self.doctype()
        if sc._state == 2:
            if _is_name_start(c) or (c == ":" and not self.ns):
                raise _Failure(9, 0)
            raise _Failure(4, 1)
        return self.start_tag()

    def start_tag(self):
        s = self.s
        k = self.name(1)
        attributes = []
        while True:
            c = self.at(k)
            if c in " \t\n":
                k = self.skip_ws(k)
                c = s[k]
                if c == ">":
                    break
                if c == "/":
                    if self.at(k + 1) != ">":
                        raise _Failure(4, k + 1)
                    break
                if not (_is_name_start(c) or (c == ":" and not self.ns)):
                    raise _Failure(4, k)
                start = k
                k = self.name(k)
                an = s[start:k]
                k = self.skip_ws(k)
                if s[k] != "=":
                    raise _Failure(4, k)
                k = self.skip_ws(k + 1)
                q = s[k]
                if q not in "\"'":
                    raise _Failure(4, k)
                k += 1
                value_start = k
                while True:
                    c = self.at(k)
                    if c == q:
                        k += 1
                        break
                    if c == "<":
                        raise _Failure(4, k)
                    if c == "&":
                        self.reference(k, True)
                        k = s.index(";", k) + 1
                        continue
                    k += 1
                attributes.append((an, start, s[value_start:k - 1]))
                c = self.at(k)
                if c not in " \t\n/>":
                    raise _Failure(4, k)
                continue
            if c == ">":
                break
            if c == "/":
                if self.at(k + 1) != ">":
                    raise _Failure(4, k + 1)
                break
            raise _Failure(4, k)
        # The tag is well formed: attribute by attribute, duplicates and the
        # entity references in values (reported at the start of the tag).
        seen = set()
        for an, start, value in attributes:
            if an in seen:
                raise _Failure(8, start)
            seen.add(an)
            code = self.attribute_entities(value, [])
            if code:
                raise _Failure(code, 0)
        return k + 1

    def attribute_entities(self, value, open_entities):
        sc = self.sc
        for piece in sc._ref_split(value)[1::2]:
            if piece[0] == "#" or piece in _PREDEFINED:
                continue
            if piece in open_entities:
                return 12
            text = sc._entities.get(piece)
            if text is None:
                if sc._external or piece in sc._external_entities:
                    continue
                return 11
            if "<" in text:
                return 4
            if "&" in text:
                code = self.attribute_entities(text, open_entities + [piece])
                if code:
                    return code
        return 0

    # -- the document type declaration, token by token as expat reads it

    def dtd_token(self, k):
        """The DTD token at k: (kind, start, end, value)."""
        s = self.s
        self.mid = False
        self.token_start = k
        c = self.at(k)
        self.mid = True
        if c in " \t\n":
            j = k + 1
            while j < self.n and s[j] in " \t\n":
                j += 1
            return "S", k, j, None
        if c == "<":
            c = self.at(k + 1)
            if c == "!":
                c = self.at(k + 2)
                if c == "-":
                    if self.at(k + 3) != "-":
                        raise _Failure(4, k + 3)
                    j = k + 4
                    while not (self.at(j) == "-" and self.at(j + 1) == "-"):
                        j += 1
                    if self.at(j + 2) != ">":
                        raise _Failure(4, j + 2)
                    return "COMMENT", k, j + 3, None
                if c == "[":
                    return "COND", k, k + 3, None
                j = k + 2
                while True:
                    c = self.at(j)
                    if not ("a" <= c <= "z" or "A" <= c <= "Z" or c == "_"):
                        break
                    j += 1
                if j == k + 2 or c not in " \t\n%":
                    raise _Failure(4, j)
                return "DECL", k, j, s[k + 2:j]
            if c == "?":
                j = self.name(k + 2, False)
                target = s[k + 2:j]
                if target.lower() == "xml":
                    if target == "xml":
                        raise _Failure(17, k)
                    raise _Failure(4, j)
                c = self.at(j)
                if c == "?":
                    if self.at(j + 1) != ">":
                        raise _Failure(4, j + 1)
                    return "PI", k, j + 2, None
                if c not in " \t\n":
                    raise _Failure(4, j)
                while not (self.at(j) == "?" and self.at(j + 1) == ">"):
                    j += 1
                return "PI", k, j + 2, None
            if _is_name_start(c) or c == ":":
                return "INSTANCE", k, k + 1, None
            raise _Failure(4, k + 1)
        if c in "\"'":
            j = k + 1
            while self.at(j) != c:
                j += 1
            if j + 1 >= self.n and not self.final:
                raise _Incomplete()
            if j + 1 < self.n and s[j + 1] not in " \t\n>%[":
                raise _Failure(4, j + 1)
            return "LITERAL", k, j + 1, s[k + 1:j]
        if c == "%":
            c = self.at(k + 1)
            if c in " \t\n":
                return "PERCENT", k, k + 1, None
            j = self.name(k + 1, False)
            if self.at(j) != ";":
                raise _Failure(4, j)
            return "PEREF", k, j + 1, s[k + 1:j]
        if c == "]" and s[k + 1:k + 3] == "]>":
            return "]]>", k, k + 3, None
        if c in "[]|,>(":
            return c, k, k + 1, None
        if c == ")":
            if k + 1 < self.n and s[k + 1] in "*+?":
                return ")", k, k + 2, None
            return ")", k, k + 1, None
        if c == "#":
            j = self.name(k + 1, False)
            return "POUND", k, j, s[k + 1:j]
        if _is_name_char(c) or c == ":":
            kind = "NAME" if (_is_name_start(c) or c == ":") else "NMTOKEN"
            j = k + 1
            while j < self.n:
                c = self.at(j)
                if not (_is_name_char(c) or c == ":"):
                    if c not in " \t\n>%[()|,?*+":
                        raise _Failure(4, j)
                    if c in "?*+" and kind == "NAME":
                        return "NAME_OP", k, j + 1, s[k:j]
                    break
                j += 1
            else:
                if not self.final:
                    raise _Incomplete()
            return kind, k, j, s[k:j]
        raise _Failure(4, k)

    def doctype(self):
        # <!DOCTYPE name (SYSTEM lit | PUBLIC lit lit)? ([ subset ])? >
        tok = self.dtd_token
        kind, start, k, value = tok(9)
        if kind != "S":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind != "NAME":
            raise _Failure(2, start)
        kind, start, end, value = tok(k)
        if kind == "S":
            kind, start, end, value = tok(end)
        if kind == "NAME":
            if value == "SYSTEM":
                count = 1
            elif value == "PUBLIC":
                count = 2
            else:
                raise _Failure(2, start)
            for i in range(count):
                kind, start, end, value = tok(end)
                if kind != "S":
                    raise _Failure(2, start)
                kind, start, end, value = tok(end)
                if kind != "LITERAL":
                    raise _Failure(2, start)
            kind, start, end, value = tok(end)
            if kind == "S":
                kind, start, end, value = tok(end)
        if kind == "[":
            end = self.subset(end)
            kind, start, end, value = tok(end)
            if kind == "S":
                kind, start, end, value = tok(end)
        if kind != ">":
            raise _Failure(2, start)
        return end

    def subset(self, k):
        # The internal subset: returns the offset after its "]".
        tok = self.dtd_token
        while True:
            kind, start, end, value = tok(k)
            if kind in ("S", "PEREF", "COMMENT", "PI"):
                k = end
            elif kind == "]":
                return end
            elif kind == "DECL":
                if value == "ENTITY":
                    k = self.entity_decl(end)
                elif value in ("ELEMENT", "ATTLIST", "NOTATION"):
                    k = self.other_decl(end)
                else:
                    raise _Failure(2, start)
            else:
                raise _Failure(2, start)

    def entity_decl(self, k):
        tok = self.dtd_token
        kind, start, k, value = tok(k)
        if kind != "S":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind == "PERCENT":
            kind, start, k, value = tok(k)
            if kind != "S":
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
        if kind != "NAME":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind != "S":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind == "NAME" and value in ("SYSTEM", "PUBLIC"):
            for i in range(1 if value == "SYSTEM" else 2):
                kind, start, k, value = tok(k)
                if kind != "S":
                    raise _Failure(2, start)
                kind, start, k, value = tok(k)
                if kind != "LITERAL":
                    raise _Failure(2, start)
            kind, start, end, value = tok(k)
            if kind == "S":
                kind, start, end, value = tok(end)
                if kind == "NAME" and value == "NDATA":
                    kind, start, end, value = tok(end)
                    if kind != "S":
                        raise _Failure(2, start)
                    kind, start, end, value = tok(end)
                    if kind != "NAME":
                        raise _Failure(2, start)
                    kind, start, end, value = tok(end)
                    if kind == "S":
                        kind, start, end, value = tok(end)
        elif kind == "LITERAL":
            self.entity_value(start + 1, k - 1)
            kind, start, end, value = tok(k)
            if kind == "S":
                kind, start, end, value = tok(end)
        else:
            raise _Failure(2, start)
        if kind != ">":
            raise _Failure(2, start)
        return end

    def entity_value(self, k, end, attribute=False):
        # The references in an entity's (or a default attribute's) value.
        s = self.s
        while k < end:
            c = s[k]
            if c == "<" and attribute:
                raise _Failure(4, k)
            if c == "&":
                self.mid = True
                try:
                    k = self.reference(k, True)
                except _Failure as exc:
                    if exc.code == 4:
                        raise _Failure(4, k) from None
                    raise
                continue
            if c == "%":
                j = self.name(k + 1, False)
                if self.at(j) != ";":
                    raise _Failure(4, j)
                k = j + 1
                continue
            k += 1

    def other_decl(self, k):
        # ELEMENT, ATTLIST and NOTATION declarations.
        tok = self.dtd_token
        keyword = self.s[k - 8:k].lstrip("<!")
        kind, start, k, value = tok(k)
        if kind != "S":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind != "NAME":
            raise _Failure(2, start)
        if keyword == "ATTLIST":
            return self.attlist(k)
        if keyword == "ELEMENT":
            return self.element_decl(k)
        while True:
            kind, start, k, value = tok(k)
            if kind == ">":
                return k
            if kind not in ("S", "NAME", "LITERAL"):
                raise _Failure(2, start)

    def attlist(self, k):
        tok = self.dtd_token
        types = ("CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES",
                 "NMTOKEN", "NMTOKENS")
        while True:
            kind, start, k, value = tok(k)
            if kind == "S":
                kind, start, k, value = tok(k)
            if kind == ">":
                return k
            if kind != "NAME":
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
            if kind != "S":
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
            if kind == "NAME" and value == "NOTATION":
                kind, start, k, value = tok(k)
                if kind != "S":
                    raise _Failure(2, start)
                kind, start, k, value = tok(k)
                if kind != "(":
                    raise _Failure(2, start)
                k = self.enumeration(k, "NAME")
            elif kind == "(":
                k = self.enumeration(k, "NMTOKEN")
            elif not (kind == "NAME" and value in types):
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
            if kind != "S":
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
            if kind == "POUND":
                if value == "FIXED":
                    kind, start, k, value = tok(k)
                    if kind != "S":
                        raise _Failure(2, start)
                    kind, start, k, value = tok(k)
                    if kind != "LITERAL":
                        raise _Failure(2, start)
                    self.entity_value(start + 1, k - 1, True)
                elif value not in ("REQUIRED", "IMPLIED"):
                    raise _Failure(2, start)
            elif kind != "LITERAL":
                raise _Failure(2, start)
            else:
                self.entity_value(start + 1, k - 1, True)

    def enumeration(self, k, what):
        # (a|b|c): returns the offset after ")".
        tok = self.dtd_token
        while True:
            kind, start, k, value = tok(k)
            if kind == "S":
                kind, start, k, value = tok(k)
            if not (kind == "NAME" or (what == "NMTOKEN" and kind == "NMTOKEN")):
                raise _Failure(2, start)
            kind, start, k, value = tok(k)
            if kind == "S":
                kind, start, k, value = tok(k)
            if kind == ")" and k - start == 1:
                return k
            if kind != "|":
                raise _Failure(2, start)

    def element_decl(self, k):
        tok = self.dtd_token
        kind, start, k, value = tok(k)
        if kind != "S":
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind == "NAME":
            if value not in ("EMPTY", "ANY"):
                raise _Failure(2, start)
        elif kind == "(":
            depth = 1
            while depth:
                kind, start, k, value = tok(k)
                if kind == "(":
                    depth += 1
                elif kind == ")":
                    depth -= 1
                elif kind not in ("S", "NAME", "NAME_OP", "|", ",", "POUND"):
                    raise _Failure(2, start)
        else:
            raise _Failure(2, start)
        kind, start, k, value = tok(k)
        if kind == "S":
            kind, start, k, value = tok(k)
        if kind != ">":
            raise _Failure(2, start)
        return k


def _ignore(*args):
    pass


# --------------------------------------------------------------------
# Tree building and the public parser interfaces.

class TreeBuilder:
    """Builds a tree of elements from start/data/end calls."""

    def __init__(self, element_factory=None, *,
                 comment_factory=None, pi_factory=None,
                 insert_comments=False, insert_pis=False):
        self._data = []      # text not yet given to an element (one list,
        self._elem = []      # appended to directly by XMLParser)
        self._last = None
        self._root = None
        self._tail = None
        if comment_factory is None:
            comment_factory = Comment
        self._comment_factory = comment_factory
        self.insert_comments = insert_comments
        if pi_factory is None:
            pi_factory = ProcessingInstruction
        self._pi_factory = pi_factory
        self.insert_pis = insert_pis
        if element_factory is None:
            element_factory = Element
        self._factory = element_factory

    def close(self):
        return self._root

    def _flush(self):
        data = self._data
        if data:
            if self._last is not None:
                text = data[0] if len(data) == 1 else "".join(data)
                if self._tail:
                    self._last.tail = text
                else:
                    self._last.text = text
            data.clear()

    def data(self, data):
        self._data.append(data)

    def start(self, tag, attrs):
        if self._data:
            self._flush()
        self._last = elem = self._factory(tag, attrs)
        if self._elem:
            self._elem[-1].append(elem)
        elif self._root is None:
            self._root = elem
        self._elem.append(elem)
        self._tail = 0
        return elem

    def end(self, tag):
        if self._data:
            self._flush()
        self._last = self._elem.pop()
        self._tail = 1
        return self._last

    def comment(self, text):
        return self._handle_single(self._comment_factory,
                                   self.insert_comments, text)

    def pi(self, target, text=None):
        return self._handle_single(self._pi_factory, self.insert_pis,
                                   target, text)

    def _handle_single(self, factory, insert, *args):
        elem = factory(*args)
        if insert:
            self._flush()
            self._last = elem
            if self._elem:
                self._elem[-1].append(elem)
            self._tail = 1
        return elem


class XMLParser:
    """An XML parser feeding a target (a TreeBuilder by default)."""

    def __init__(self, *, target=None, encoding=None):
        if target is None:
            target = TreeBuilder()
        self.target = target
        self.entity = {}
        self.version = "Expat 2.5.0"
        scanner = _Scanner(True, encoding)
        scanner.undefined = self.entity.get
        scanner.undefined_message = self._undefined_message
        self._scanner = scanner
        self._events = None
        self._event_names = ()
        self._connect()

    @staticmethod
    def _undefined_message(name):
        return "undefined entity &%s;" % name

    def _connect(self):
        # Points the scanner's callbacks at the target, through the event
        # queue when _setevents asked for events.
        target = self.target
        scanner = self._scanner
        events = self._events
        wanted = self._event_names
        fast = type(target) is TreeBuilder
        start = getattr(target, "start", None)
        end = getattr(target, "end", None)
        if fast:
            data = target._data.append
        else:
            data = getattr(target, "data", None)
            cdata_data = None
            if data is not None:
                target_data = data

                def data(text):
                    _split_lines(target_data, text)

                def cdata_data(text):
                    _split_cdata(target_data, text)
        comment = getattr(target, "comment", None)
        pi = getattr(target, "pi", None)
        if fast:
            # what a TreeBuilder makes of these is seen only when it keeps
            # them or they are reported as events
            if not target.insert_comments and "comment" not in wanted:
                comment = None
            if not target.insert_pis and "pi" not in wanted:
                pi = None
        start_ns = getattr(target, "start_ns", None)
        end_ns = getattr(target, "end_ns", None)
        doctype = getattr(target, "doctype", None)
        if events is not None:
            append = events.append
            if "start" in wanted:
                target_start = start

                def start(tag, attrib):
                    elem = target_start(tag, attrib) if target_start else None
                    append(("start", elem))
            if "end" in wanted:
                target_end = end

                def end(tag):
                    elem = target_end(tag) if target_end else None
                    append(("end", elem))
            if "comment" in wanted:
                target_comment = comment

                def comment(text):
                    value = target_comment(text) if target_comment else None
                    append(("comment", value))
            if "pi" in wanted:
                target_pi = pi

                def pi(name, text):
                    value = target_pi(name, text) if target_pi else None
                    append(("pi", value))
            if "start-ns" in wanted:
                target_start_ns = start_ns

                def start_ns(prefix, uri):
                    if target_start_ns is not None:
                        target_start_ns(prefix, uri)
                    append(("start-ns", (prefix or "", uri or "")))
            if "end-ns" in wanted:
                target_end_ns = end_ns

                def end_ns(prefix):
                    if target_end_ns is not None:
                        target_end_ns(prefix)
                    append(("end-ns", None))
        if fast and target._factory is Element:
            scanner.builder = target
            scanner.events = events
            scanner.event_start = events is not None and "start" in wanted
            scanner.event_end = events is not None and "end" in wanted
        else:
            scanner.builder = None
        scanner.start = start
        scanner.end = end
        scanner.data = data
        scanner.cdata_data = None if fast else cdata_data
        scanner.plain_data = fast
        scanner.comment = comment
        scanner.pi = pi
        scanner.start_ns = start_ns
        scanner.end_ns = end_ns
        if doctype is not None:
            scanner.doctype = lambda name, pubid, system, subset: \
                doctype(name, pubid, system)
        else:
            scanner.doctype = None

    def _setevents(self, events_queue, events_to_report):
        if type(self.target) is not TreeBuilder:
            raise TypeError("event handling only supported for "
                            "ElementTree.TreeBuilder targets")
        names = []
        for event in events_to_report:
            if event not in ("start", "end", "comment", "pi",
                             "start-ns", "end-ns"):
                raise ValueError("unknown event %r" % (event,))
            names.append(event)
        self._events = events_queue
        self._event_names = tuple(names)
        self._connect()

    def feed(self, data):
        """Feeds data (str or bytes) to the parser."""
        self._scanner.feed(data)

    def close(self):
        """Finishes parsing; returns what the target's close() returns."""
        self._scanner.close()
        close = getattr(self.target, "close", None)
        if close is not None:
            return close()
        return None

    def flush(self):
        pass

    def _parse_whole(self, file):
        data = file.read()
        self.feed(data)
        return self.close()


class XMLPullParser:
    """A non-blocking parser: feed() data, then read_events()."""

    def __init__(self, events=None, *, _parser=None):
        self._events_queue = []
        self._parser = _parser or XMLParser(target=TreeBuilder())
        if events is None:
            events = ("end",)
        self._parser._setevents(self._events_queue, events)

    def feed(self, data):
        if self._parser is None:
            raise ValueError("feed() called after end of stream")
        if data:
            try:
                self._parser.feed(data)
            except SyntaxError as exc:
                self._events_queue.append(exc)

    def _close_and_return_root(self):
        root = self._parser.close()
        self._parser = None
        return root

    def close(self):
        self._close_and_return_root()

    def read_events(self):
        events = self._events_queue
        while events:
            batch = events[:]
            del events[:]
            for k in range(len(batch)):
                event = batch[k]
                if isinstance(event, Exception):
                    events[0:0] = batch[k + 1:]
                    raise event
                yield event

    def flush(self):
        pass


class _IterParseIterator:
    # What iterparse returns: (event, element) pairs as the source is
    # read 16 KiB at a time, and the root element as .root at the end.

    def __init__(self, source, close_source, events, parser):
        self._source = source
        self._close_source = close_source
        self._pull = XMLPullParser(events=events, _parser=parser)
        self._batch = []
        self._index = 0
        self._done = False
        self.root = None

    def __iter__(self):
        return self

    def __next__(self):
        while True:
            batch = self._batch
            index = self._index
            if index < len(batch):
                event = batch[index]
                self._index = index + 1
                if isinstance(event, Exception):
                    self._finish()
                    raise event
                return event
            if self._done:
                raise StopIteration
            pull = self._pull
            queue = pull._events_queue
            if queue:
                self._batch = queue[:]
                del queue[:]
                self._index = 0
                continue
            try:
                data = self._source.read(16 * 1024)
                if data:
                    pull.feed(data)
                else:
                    root = pull._close_and_return_root()
                    self._done = True
                    self._finish()
                    self.root = root
            except BaseException:
                self._done = True
                self._finish()
                raise

    def _finish(self):
        if self._close_source:
            self._close_source = False
            self._source.close()


def iterparse(source, events=None, parser=None):
    """Parses a file step by step, yielding (event, element) pairs."""
    close_source = False
    if not hasattr(source, "read"):
        source = open(source, "rb")
        close_source = True
    return _IterParseIterator(source, close_source, events, parser)


def parse(source, parser=None):
    """Parses a file (name or object) into an ElementTree."""
    tree = ElementTree()
    tree.parse(source, parser)
    return tree


def XML(text, parser=None):
    """Parses XML from a string (or bytes); returns the root element."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    return parser.close()


fromstring = XML


def XMLID(text, parser=None):
    """Parses XML; returns (root, {id: element})."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    parser.feed(text)
    tree = parser.close()
    ids = {}
    for elem in tree.iter():
        id = elem.get("id")
        if id:
            ids[id] = elem
    return tree, ids


def fromstringlist(sequence, parser=None):
    """Parses XML from a sequence of strings; returns the root element."""
    if not parser:
        parser = XMLParser(target=TreeBuilder())
    for text in sequence:
        parser.feed(text)
    return parser.close()



# --------------------------------------------------------------------
# Canonical XML (C14N 2.0)

def canonicalize(xml_data=None, *, out=None, from_file=None, **options):
    """The C14N 2.0 form of a document given as text (xml_data) or a file
    (from_file): returned as str, or written to out.write.  Options:
    with_comments, strip_text, rewrite_prefixes, qname_aware_tags,
    qname_aware_attrs, exclude_attrs, exclude_tags."""
    if xml_data is None and from_file is None:
        raise ValueError("Either 'xml_data' or 'from_file' must be provided as input")
    sio = None
    if out is None:
        sio = out = io.StringIO()
    parser = XMLParser(target=C14NWriterTarget(out.write, **options))
    if xml_data is not None:
        parser.feed(xml_data)
        parser.close()
    elif from_file is not None:
        parse(from_file, parser=parser)
    return sio.getvalue() if sio is not None else None


_c14n_qname = re.compile(r"\w+:\w+$", re.UNICODE).match


def _escape_cdata_c14n(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if ">" in text:
            text = text.replace(">", "&gt;")
        if "\r" in text:
            text = text.replace("\r", "&#xD;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


def _escape_attrib_c14n(text):
    try:
        if "&" in text:
            text = text.replace("&", "&amp;")
        if "<" in text:
            text = text.replace("<", "&lt;")
        if '"' in text:
            text = text.replace('"', "&quot;")
        if "\t" in text:
            text = text.replace("\t", "&#x9;")
        if "\n" in text:
            text = text.replace("\n", "&#xA;")
        if "\r" in text:
            text = text.replace("\r", "&#xD;")
        return text
    except (TypeError, AttributeError):
        _raise_serialization_error(text)


class C14NWriterTarget:
    """A parser target writing the canonical form (C14N 2.0) of what it
    gets with *write*.  Namespace declarations are written where a name
    first uses them, attributes in (namespace, name) order, empty
    elements as start and end tags."""

    def __init__(self, write, *,
                 with_comments=False, strip_text=False,
                 rewrite_prefixes=False, qname_aware_tags=None,
                 qname_aware_attrs=None, exclude_attrs=None,
                 exclude_tags=None):
        self._write = write
        self._data = []
        self._with_comments = with_comments
        self._strip_text = strip_text
        self._exclude_attrs = set(exclude_attrs) if exclude_attrs else None
        self._exclude_tags = set(exclude_tags) if exclude_tags else None
        self._rewrite_prefixes = rewrite_prefixes
        self._qname_aware_tags = (set(qname_aware_tags)
                                  if qname_aware_tags else None)
        self._qname_aware_attrs = (set(qname_aware_attrs)
                                   if qname_aware_attrs else None)
        # namespaces declared in the document, element by element, and the
        # ones written out, element by element: lists of (uri, prefix)
        self._in_scope = [[(_XML_NS, "xml")]]
        self._written = [[(_XML_NS, "xml")]]
        self._pending_ns = []
        self._prefix_map = {}
        self._preserve_space = [False]
        self._names = []
        self._pending_start = None
        self._root_seen = False
        self._root_done = False
        self._ignored_depth = 0

    def _lookup(self, stack, uri, attribute):
        # The innermost prefix bound to uri in stack and not hidden by an
        # inner binding of the same prefix; None if there is none.
        hidden = set()
        for level in reversed(stack):
            for u, prefix in level:
                if prefix in hidden:
                    continue
                if u == uri and not (attribute and not prefix):
                    return prefix
            for u, prefix in level:
                hidden.add(prefix)
        return None

    def _qname(self, name, attribute=False):
        if name[:1] == "{":
            uri, local = name[1:].rsplit("}", 1)
        else:
            uri, local = "", name
        if attribute and not uri:
            return local
        prefix = self._lookup(self._written, uri, attribute)
        if prefix is not None:
            return prefix + ":" + local if prefix else local
        if self._rewrite_prefixes:
            prefix = self._prefix_map.get(uri)
            if prefix is None:
                prefix = self._prefix_map[uri] = "n%d" % len(self._prefix_map)
            self._written[-1].append((uri, prefix))
            return prefix + ":" + local
        if not uri:
            if self._lookup(self._written, "", False) is None \
                    and self._default_bound():
                self._written[-1].append(("", ""))
            return local
        prefix = self._lookup(self._in_scope, uri, attribute)
        if prefix is None:
            raise ValueError('Namespace "%s" is not declared in scope' % uri)
        self._written[-1].append((uri, prefix))
        return prefix + ":" + local if prefix else local

    def _default_bound(self):
        # Whether the written default namespace is a real one.
        for level in reversed(self._written):
            for u, prefix in reversed(level):
                if prefix == "":
                    return bool(u)
        return False

    def _resolve_value(self, value):
        # A QName attribute value or text with its prefix made current.
        prefix, local = value.split(":", 1)
        for level in reversed(self._in_scope):
            for u, p in reversed(level):
                if p == prefix:
                    return self._qname("{%s}%s" % (u, local))
        raise ValueError('Namespace prefix "%s" is not declared in scope'
                         % prefix)

    def _flush(self):
        data = "".join(self._data)
        del self._data[:]
        if self._strip_text and not self._preserve_space[-1]:
            data = data.strip()
        if self._pending_start is not None:
            args, self._pending_start = self._pending_start, None
            qname_text = data if data and _c14n_qname(data) else None
            self._start(*args, qname_text)
            if qname_text is not None:
                return
        if data and self._root_seen and not self._root_done:
            self._write(_escape_cdata_c14n(data))

    def data(self, data):
        if not self._ignored_depth:
            self._data.append(data)

    def start_ns(self, prefix, uri):
        if self._ignored_depth:
            return
        if self._data:
            self._flush()
        self._pending_ns.append((uri, prefix))

    def start(self, tag, attrs):
        if self._exclude_tags is not None and (
                self._ignored_depth or tag in self._exclude_tags):
            self._ignored_depth += 1
            return
        if self._data:
            self._flush()
        self._in_scope.append(self._pending_ns)
        self._pending_ns = []
        self._written.append([])
        if self._qname_aware_tags is not None \
                and tag in self._qname_aware_tags:
            self._pending_start = (tag, attrs)
            return
        self._start(tag, attrs)

    def _start(self, tag, attrs, qname_text=None):
        if self._exclude_attrs is not None and attrs:
            attrs = {k: v for k, v in attrs.items()
                     if k not in self._exclude_attrs}
        qname = self._qname(tag)
        resolved = []
        for key, value in attrs.items():
            if self._qname_aware_attrs is not None \
                    and key in self._qname_aware_attrs \
                    and _c14n_qname(value):
                value = self._resolve_value(value)
            if key[:1] == "{":
                uri, local = key[1:].rsplit("}", 1)
            else:
                uri, local = "", key
            resolved.append(((uri, local), self._qname(key, True), value))
        if qname_text is not None:
            qname_text = self._resolve_value(qname_text)
        resolved.sort()
        out = ["<" + qname]
        for uri, prefix in sorted(self._written[-1], key=lambda d: d[1]):
            if prefix:
                out.append(' xmlns:%s="%s"' % (prefix, _escape_attrib_c14n(uri)))
            else:
                out.append(' xmlns="%s"' % _escape_attrib_c14n(uri))
        for _, name, value in resolved:
            out.append(' %s="%s"' % (name, _escape_attrib_c14n(value)))
        out.append(">")
        self._write("".join(out))
        space = attrs.get("{%s}space" % _XML_NS)
        if space is not None:
            self._preserve_space.append(space == "preserve")
        else:
            self._preserve_space.append(self._preserve_space[-1])
        if qname_text is not None:
            self._write(_escape_cdata_c14n(qname_text))
        self._names.append(qname)
        self._root_seen = True

    def end(self, tag):
        if self._ignored_depth:
            self._ignored_depth -= 1
            return
        if self._data or self._pending_start is not None:
            self._flush()
        self._write("</%s>" % self._names.pop())
        self._preserve_space.pop()
        self._in_scope.pop()
        self._written.pop()
        if not self._names:
            self._root_done = True

    def comment(self, text):
        if not self._with_comments or self._ignored_depth:
            return
        if self._root_done:
            self._write("\n")
        elif self._root_seen and self._data:
            self._flush()
        self._write("<!--%s-->" % _escape_cdata_c14n(text))
        if not self._root_seen:
            self._write("\n")

    def pi(self, target, data):
        if self._ignored_depth:
            return
        if self._root_done:
            self._write("\n")
        elif self._root_seen and self._data:
            self._flush()
        self._write("<?%s %s?>" % (target, _escape_cdata_c14n(data))
                    if data else "<?%s?>" % target)
        if not self._root_seen:
            self._write("\n")

    def close(self):
        return None
