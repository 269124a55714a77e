"""Simple API for XML (SAX): gilpy's xml.sax.

parse(), parseString() and make_parser() read documents with gilpy's XML
parser (the one under xml.etree.ElementTree) and report them to a
ContentHandler as CPython's expat reader does: the same calls, with
character data cut at line ends and references, names as written (or as
(uri, localname) pairs with the namespaces feature), and errors as
SAXParseException with expat's messages and positions.

CPython spreads this over xml.sax.handler, xml.sax.xmlreader,
xml.sax._exceptions and xml.sax.expatreader; here they are one module, and
the names xml.sax.handler and xml.sax.xmlreader are registered in
sys.modules as views of it so that the usual imports work.  The lexical
handler (comments, CDATA bounds, DTD events) is reported; external
entities and validation are not.
"""

import sys
import io
import types

# --------------------------------------------------------------------
# Exceptions (xml.sax._exceptions)


class SAXException(Exception):
    """A SAX error or warning, possibly wrapping another exception."""

    def __init__(self, msg, exception=None):
        self._msg = msg
        self._exception = exception
        Exception.__init__(self, msg)

    def getMessage(self):
        return self._msg

    def getException(self):
        return self._exception

    def __str__(self):
        return self._msg

    def __getitem__(self, ix):
        raise AttributeError("__getitem__")


class SAXParseException(SAXException):
    """A parse error, with where it happened (from the locator)."""

    def __init__(self, msg, exception, locator):
        SAXException.__init__(self, msg, exception)
        self._locator = locator
        self._systemId = self._locator.getSystemId()
        self._colnum = self._locator.getColumnNumber()
        self._linenum = self._locator.getLineNumber()

    def getColumnNumber(self):
        return self._colnum

    def getLineNumber(self):
        return self._linenum

    def getPublicId(self):
        return self._locator.getPublicId()

    def getSystemId(self):
        return self._systemId

    def __str__(self):
        sysid = self.getSystemId()
        if sysid is None:
            sysid = "<unknown>"
        linenum = self.getLineNumber()
        if linenum is None:
            linenum = "?"
        colnum = self.getColumnNumber()
        if colnum is None:
            colnum = "?"
        return "%s:%s:%s: %s" % (sysid, linenum, colnum, self._msg)


class SAXNotRecognizedException(SAXException):
    """An unknown feature or property."""


class SAXNotSupportedException(SAXException):
    """A feature or property that cannot be set as asked."""


class SAXReaderNotAvailable(SAXNotSupportedException):
    """No parser is available."""


# --------------------------------------------------------------------
# Handlers (xml.sax.handler)

class ErrorHandler:
    """Gets errors and warnings; errors are raised, warnings printed."""

    def error(self, exception):
        raise exception

    def fatalError(self, exception):
        raise exception

    def warning(self, exception):
        print(exception)


class ContentHandler:
    """Gets the logical content of a document; every method does nothing
    unless overridden."""

    def __init__(self):
        self._locator = None

    def setDocumentLocator(self, locator):
        self._locator = locator

    def startDocument(self):
        pass

    def endDocument(self):
        pass

    def startPrefixMapping(self, prefix, uri):
        pass

    def endPrefixMapping(self, prefix):
        pass

    def startElement(self, name, attrs):
        pass

    def endElement(self, name):
        pass

    def startElementNS(self, name, qname, attrs):
        pass

    def endElementNS(self, name, qname):
        pass

    def characters(self, content):
        pass

    def ignorableWhitespace(self, whitespace):
        pass

    def processingInstruction(self, target, data):
        pass

    def skippedEntity(self, name):
        pass


class DTDHandler:
    """Gets the notations and unparsed entities of the DTD."""

    def notationDecl(self, name, publicId, systemId):
        pass

    def unparsedEntityDecl(self, name, publicId, systemId, ndata):
        pass


class EntityResolver:
    """Resolves external entities (to their system identifier)."""

    def resolveEntity(self, publicId, systemId):
        return systemId


class LexicalHandler:
    """Gets comments, CDATA section bounds and the DTD bounds."""

    def comment(self, content):
        pass

    def startDTD(self, name, public_id, system_id):
        pass

    def endDTD(self):
        pass

    def startCDATA(self):
        pass

    def endCDATA(self):
        pass


feature_namespaces = "http://xml.org/sax/features/namespaces"
feature_namespace_prefixes = "http://xml.org/sax/features/namespace-prefixes"
feature_string_interning = "http://xml.org/sax/features/string-interning"
feature_validation = "http://xml.org/sax/features/validation"
feature_external_ges = "http://xml.org/sax/features/external-general-entities"
feature_external_pes = "http://xml.org/sax/features/external-parameter-entities"
all_features = [feature_namespaces,
                feature_namespace_prefixes,
                feature_string_interning,
                feature_validation,
                feature_external_ges,
                feature_external_pes]

property_lexical_handler = "http://xml.org/sax/properties/lexical-handler"
property_declaration_handler = "http://xml.org/sax/properties/declaration-handler"
property_dom_node = "http://xml.org/sax/properties/dom-node"
property_xml_string = "http://xml.org/sax/properties/xml-string"
property_encoding = "http://www.python.org/sax/properties/encoding"
property_interning_dict = "http://www.python.org/sax/properties/interning-dict"
all_properties = [property_lexical_handler,
                  property_dom_node,
                  property_declaration_handler,
                  property_xml_string,
                  property_encoding,
                  property_interning_dict]


# --------------------------------------------------------------------
# Readers, locators, input sources, attributes (xml.sax.xmlreader)

class XMLReader:
    """The interface of SAX parsers."""

    def __init__(self):
        self._cont_handler = ContentHandler()
        self._dtd_handler = DTDHandler()
        self._ent_handler = EntityResolver()
        self._err_handler = ErrorHandler()

    def parse(self, source):
        raise NotImplementedError("This method must be implemented!")

    def getContentHandler(self):
        return self._cont_handler

    def setContentHandler(self, handler):
        self._cont_handler = handler

    def getDTDHandler(self):
        return self._dtd_handler

    def setDTDHandler(self, handler):
        self._dtd_handler = handler

    def getEntityResolver(self):
        return self._ent_handler

    def setEntityResolver(self, resolver):
        self._ent_handler = resolver

    def getErrorHandler(self):
        return self._err_handler

    def setErrorHandler(self, handler):
        self._err_handler = handler

    def setLocale(self, locale):
        raise SAXNotSupportedException("Locale support not implemented")

    def getFeature(self, name):
        raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def setFeature(self, name, state):
        raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def getProperty(self, name):
        raise SAXNotRecognizedException("Property '%s' not recognized" % name)

    def setProperty(self, name, value):
        raise SAXNotRecognizedException("Property '%s' not recognized" % name)


class IncrementalParser(XMLReader):
    """A reader that can also be fed data a piece at a time."""

    def __init__(self, bufsize=2 ** 16):
        self._bufsize = bufsize
        XMLReader.__init__(self)

    def parse(self, source):
        from xml.sax import saxutils
        source = saxutils.prepare_input_source(source)
        self.prepareParser(source)
        file = source.getCharacterStream()
        if file is None:
            file = source.getByteStream()
        buffer = file.read(self._bufsize)
        while buffer:
            self.feed(buffer)
            buffer = file.read(self._bufsize)
        self.close()

    def feed(self, data):
        raise NotImplementedError("This method must be implemented!")

    def prepareParser(self, source):
        raise NotImplementedError("prepareParser must be overridden!")

    def close(self):
        raise NotImplementedError("This method must be implemented!")

    def reset(self):
        raise NotImplementedError("This method must be implemented!")


class Locator:
    """Where in the document the parser is."""

    def getColumnNumber(self):
        return -1

    def getLineNumber(self):
        return -1

    def getPublicId(self):
        return None

    def getSystemId(self):
        return None


class InputSource:
    """Where to read a document from: identifiers, an encoding, and a byte
    or character stream."""

    def __init__(self, system_id=None):
        self.__system_id = system_id
        self.__public_id = None
        self.__encoding = None
        self.__bytefile = None
        self.__charfile = None

    def setPublicId(self, public_id):
        self.__public_id = public_id

    def getPublicId(self):
        return self.__public_id

    def setSystemId(self, system_id):
        self.__system_id = system_id

    def getSystemId(self):
        return self.__system_id

    def setEncoding(self, encoding):
        self.__encoding = encoding

    def getEncoding(self):
        return self.__encoding

    def setByteStream(self, bytefile):
        self.__bytefile = bytefile

    def getByteStream(self):
        return self.__bytefile

    def setCharacterStream(self, charfile):
        self.__charfile = charfile

    def getCharacterStream(self):
        return self.__charfile


class AttributesImpl:
    """The attributes of an element, by name."""

    def __init__(self, attrs):
        self._attrs = attrs

    def getLength(self):
        return len(self._attrs)

    def getType(self, name):
        return "CDATA"

    def getValue(self, name):
        return self._attrs[name]

    def getValueByQName(self, name):
        return self._attrs[name]

    def getNameByQName(self, name):
        if name not in self._attrs:
            raise KeyError(name)
        return name

    def getQNameByName(self, name):
        if name not in self._attrs:
            raise KeyError(name)
        return name

    def getNames(self):
        return list(self._attrs.keys())

    def getQNames(self):
        return list(self._attrs.keys())

    def __len__(self):
        return len(self._attrs)

    def __getitem__(self, name):
        return self._attrs[name]

    def keys(self):
        return list(self._attrs.keys())

    def __contains__(self, name):
        return name in self._attrs

    def get(self, name, alternative=None):
        return self._attrs.get(name, alternative)

    def copy(self):
        return self.__class__(self._attrs)

    def items(self):
        return list(self._attrs.items())

    def values(self):
        return list(self._attrs.values())


class AttributesNSImpl(AttributesImpl):
    """The attributes of an element, by (uri, localname), with their
    qualified names."""

    def __init__(self, attrs, qnames):
        self._attrs = attrs
        self._qnames = qnames

    def getValueByQName(self, name):
        for (nsname, qname) in self._qnames.items():
            if qname == name:
                return self._attrs[nsname]
        raise KeyError(name)

    def getNameByQName(self, name):
        for (nsname, qname) in self._qnames.items():
            if qname == name:
                return nsname
        raise KeyError(name)

    def getQNameByName(self, name):
        return self._qnames[name]

    def getQNames(self):
        return list(self._qnames.values())

    def copy(self):
        return self.__class__(self._attrs, self._qnames)


# --------------------------------------------------------------------
# The parser (xml.sax.expatreader)

class ExpatLocator(Locator):
    """The locator handed to setDocumentLocator."""

    def __init__(self, parser):
        self._ref = parser

    def getColumnNumber(self):
        parser = self._ref
        if parser._position is not None:
            return parser._position[1]
        if parser._scanner is None:
            return None
        return parser._scanner._col

    def getLineNumber(self):
        parser = self._ref
        if parser._position is not None:
            return parser._position[0]
        if parser._scanner is None:
            return 1
        return parser._scanner._line

    def getPublicId(self):
        parser = self._ref
        if parser is None:
            return None
        return parser._source.getPublicId()

    def getSystemId(self):
        parser = self._ref
        if parser is None:
            return None
        return parser._source.getSystemId()


class _ParseFailure(Exception):
    def __init__(self, code, line, column, message):
        Exception.__init__(self, message)
        self.code = code
        self.lineno = line
        self.offset = column
        self.message = message


class ExpatParser(IncrementalParser, Locator):
    """SAX driver on gilpy's XML parser."""

    def __init__(self, namespaceHandling=0, bufsize=2 ** 16 - 20):
        IncrementalParser.__init__(self, bufsize)
        self._source = InputSource()
        self._parser = None
        self._scanner = None
        self._namespaces = namespaceHandling
        self._lex_handler_prop = None
        self._parsing = False
        self._entity_stack = []
        self._external_ges = 0
        self._interning = None
        self._position = None

    # XMLReader

    def parse(self, source):
        from xml.sax import saxutils
        source = saxutils.prepare_input_source(source)
        self._source = source
        try:
            self.reset()
            self._cont_handler.setDocumentLocator(ExpatLocator(self))
            IncrementalParser.parse(self, source)
        except:
            self._close_source()
            raise

    def prepareParser(self, source):
        if source.getSystemId() is not None:
            self._source = source

    def setContentHandler(self, handler):
        IncrementalParser.setContentHandler(self, handler)
        if self._parsing:
            self._connect()

    def getFeature(self, name):
        if name == feature_namespaces:
            return self._namespaces
        elif name == feature_string_interning:
            return self._interning is not None
        elif name in (feature_validation, feature_external_pes,
                      feature_namespace_prefixes):
            return 0
        elif name == feature_external_ges:
            return self._external_ges
        raise SAXNotRecognizedException("Feature '%s' not recognized" % name)

    def setFeature(self, name, state):
        if self._parsing:
            raise SAXNotSupportedException("Cannot set features while parsing")
        if name == feature_namespaces:
            self._namespaces = state
        elif name == feature_external_ges:
            self._external_ges = state
        elif name == feature_string_interning:
            if state:
                if self._interning is None:
                    self._interning = {}
            else:
                self._interning = None
        elif name == feature_validation:
            if state:
                raise SAXNotSupportedException(
                    "expat does not support validation")
        elif name == feature_external_pes:
            if state:
                raise SAXNotSupportedException(
                    "expat does not read external parameter entities")
        elif name == feature_namespace_prefixes:
            if state:
                raise SAXNotSupportedException(
                    "expat does not report namespace prefixes")
        else:
            raise SAXNotRecognizedException(
                "Feature '%s' not recognized" % name)

    def getProperty(self, name):
        if name == property_lexical_handler:
            return self._lex_handler_prop
        elif name == property_interning_dict:
            return self._interning
        elif name == property_xml_string:
            raise SAXNotSupportedException(
                "This property is not supported by gilpy's parser")
        raise SAXNotRecognizedException("Property '%s' not recognized" % name)

    def setProperty(self, name, value):
        if name == property_lexical_handler:
            self._lex_handler_prop = value
            if self._parsing:
                self._connect()
        elif name == property_interning_dict:
            self._interning = value
        elif name == property_xml_string:
            raise SAXNotSupportedException(
                "Property '%s' cannot be set" % name)
        else:
            raise SAXNotRecognizedException(
                "Property '%s' not recognized" % name)

    # IncrementalParser

    def feed(self, data, isFinal=False):
        if not self._parsing:
            self.reset()
            self._parsing = True
            self._cont_handler.startDocument()
        try:
            self._scanner.feed(data, isFinal)
        except _ParseFailure as e:
            self._position = (e.lineno, e.offset)
            exc = SAXParseException(e.message, e, self)
            self._err_handler.fatalError(exc)

    def _close_source(self):
        source = self._source
        try:
            file = source.getCharacterStream()
            if file is not None:
                file.close()
        finally:
            file = source.getByteStream()
            if file is not None:
                file.close()

    def close(self):
        if self._scanner is None or not self._parsing:
            if self._scanner is None:
                return
        try:
            self.feed(b"", isFinal=True)
            self._cont_handler.endDocument()
            self._parsing = False
            self._scanner = None
        finally:
            self._parsing = False
            if self._scanner is not None:
                self._scanner = None
            self._close_source()

    def reset(self):
        from xml.etree import ElementTree
        if self._namespaces:
            scanner = ElementTree._Scanner(True, self._source.getEncoding(),
                                           expand=False)
        else:
            scanner = ElementTree._Scanner(False, self._source.getEncoding())
        scanner.make_error = _ParseFailure
        self._scanner = scanner
        self._position = None
        self._parsing = False
        self._entity_stack = []
        self._connect()

    def _connect(self):
        scanner = self._scanner
        handler = self._cont_handler
        if self._namespaces:
            scanner.start = self.start_element_ns
            scanner.end = self.end_element_ns
            scanner.start_ns = self.start_namespace_decl
            scanner.end_ns = self.end_namespace_decl
        else:
            scanner.start = self.start_element
            scanner.end = self.end_element
        characters = handler.characters
        from xml.etree.ElementTree import _split_lines
        scanner.data = lambda text: _split_lines(characters, text)
        scanner.pi = handler.processingInstruction
        scanner.undefined = self._skipped
        lex = self._lex_handler_prop
        if lex is not None:
            scanner.comment = lex.comment
            scanner.cdata_start = lex.startCDATA
            scanner.cdata_end = lex.endCDATA
            scanner.doctype = self._doctype_lexical
        else:
            scanner.comment = None
            scanner.cdata_start = scanner.cdata_end = None
            scanner.doctype = None

    def _skipped(self, name):
        self._cont_handler.skippedEntity(name)
        return ""

    def _doctype_lexical(self, name, pubid, system, subset):
        lex = self._lex_handler_prop
        lex.startDTD(name, pubid, system)
        lex.endDTD()

    # Locator

    def getColumnNumber(self):
        if self._position is not None:
            return self._position[1]
        if self._scanner is None:
            return None
        return self._scanner._col

    def getLineNumber(self):
        if self._position is not None:
            return self._position[0]
        if self._scanner is None:
            return 1
        return self._scanner._line

    def getPublicId(self):
        return self._source.getPublicId()

    def getSystemId(self):
        return self._source.getSystemId()

    # callbacks from the parser

    def start_element(self, name, attrs):
        self._cont_handler.startElement(name, AttributesImpl(attrs))

    def end_element(self, name):
        self._cont_handler.endElement(name)

    def _split_name(self, name, attribute):
        if ":" in name:
            prefix, local = name.split(":", 1)
            return (self._scanner.nsmap.get(prefix), local)
        if attribute:
            return (None, name)
        return (self._scanner.nsmap.get("") or None, name)

    def start_element_ns(self, name, attrs):
        pair = self._split_name(name, False)
        newattrs = {}
        qnames = {}
        for aname, value in attrs.items():
            if aname == "xmlns" or aname[:6] == "xmlns:":
                continue
            apair = self._split_name(aname, True)
            newattrs[apair] = value
            qnames[apair] = aname
        self._cont_handler.startElementNS(
            pair, None, AttributesNSImpl(newattrs, qnames))

    def end_element_ns(self, name):
        self._cont_handler.endElementNS(self._split_name(name, False), None)

    def start_namespace_decl(self, prefix, uri):
        self._cont_handler.startPrefixMapping(prefix or None, uri)

    def end_namespace_decl(self, prefix):
        self._cont_handler.endPrefixMapping(prefix or None)


def create_parser(*args, **kwargs):
    return ExpatParser(*args, **kwargs)


# --------------------------------------------------------------------
# The module functions

default_parser_list = ["xml.sax.expatreader"]


def make_parser(parser_list=()):
    """A new SAX parser (gilpy has one kind; the list is not used)."""
    return ExpatParser()


def parse(source, handler, errorHandler=ErrorHandler()):
    """Parses a file (a name, a file object or an InputSource), reporting
    it to *handler*."""
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    parser.parse(source)


def parseString(string, handler, errorHandler=ErrorHandler()):
    """Parses a str or bytes document, reporting it to *handler*."""
    if errorHandler is None:
        errorHandler = ErrorHandler()
    parser = make_parser()
    parser.setContentHandler(handler)
    parser.setErrorHandler(errorHandler)
    inpsrc = InputSource()
    if isinstance(string, str):
        inpsrc.setCharacterStream(io.StringIO(string))
    else:
        inpsrc.setByteStream(io.BytesIO(string))
    parser.parse(inpsrc)


# --------------------------------------------------------------------
# xml.sax.handler, xml.sax.xmlreader, xml.sax._exceptions and
# xml.sax.expatreader as views of this module (no files of their own).

def _submodule(name, names, doc):
    full = __name__ + "." + name
    module = sys.modules.get(full)
    if module is None:
        module = types.ModuleType(full, doc)
        sys.modules[full] = module
    g = globals()
    for n in names:
        setattr(module, n, g[n])
    return module


handler = _submodule("handler", [
    "ErrorHandler", "ContentHandler", "DTDHandler", "EntityResolver",
    "LexicalHandler", "feature_namespaces", "feature_namespace_prefixes",
    "feature_string_interning", "feature_validation", "feature_external_ges",
    "feature_external_pes", "all_features", "property_lexical_handler",
    "property_declaration_handler", "property_dom_node",
    "property_xml_string", "property_encoding", "property_interning_dict",
    "all_properties"], "The SAX handler interfaces and feature names.")
xmlreader = _submodule("xmlreader", [
    "XMLReader", "IncrementalParser", "Locator", "InputSource",
    "AttributesImpl", "AttributesNSImpl"], "The SAX reader interfaces.")
_exceptions = _submodule("_exceptions", [
    "SAXException", "SAXParseException", "SAXNotRecognizedException",
    "SAXNotSupportedException", "SAXReaderNotAvailable"],
    "The SAX exceptions.")
expatreader = _submodule("expatreader", [
    "ExpatParser", "ExpatLocator", "create_parser"], "The SAX driver.")
del _submodule
