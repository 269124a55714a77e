"""A tolerant parser for HTML (and XHTML) text.

Subclass HTMLParser and override its handle_* methods; feed() it text in
pieces of any size and close() it at the end.  It reads sloppy markup the
way CPython's html.parser does: anything that is not a well-formed tag,
comment, declaration or processing instruction is passed on as data.
"""

import re
from html import unescape

__all__ = ["HTMLParser"]

# What the parser looks for: the next '<' or '&' (the next '<' alone when it
# converts character references itself).
_next_markup = re.compile("[&<]")
_partial_ref = re.compile("&[a-zA-Z#]")
_named_ref = re.compile(r"&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]")
_number_ref = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_ref_end = re.compile(r"[\s;]")
_tag_open = re.compile("<[a-zA-Z]")
_gt = re.compile(">")
_comment_end = re.compile(r"--\s*>")
_section_end = re.compile(r"]\s*]\s*>")
_ms_section_end = re.compile(r"]\s*>")
_decl_name = re.compile(r"[a-zA-Z][-_.a-zA-Z0-9]*\s*")

# Inside a start tag: the tag name, then each attribute, each followed by
# blanks or by slashes that do not close the tag.
_SKIP = r"(?:\s|/(?!>))*"
_ATTR_NAME = r"(?<=['\"\s/])[^\s/>][^\s/=>]*"
_ATTR_VALUE = r"'[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*"
_tag_name = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)" + _SKIP)
_attribute = re.compile(
    "(" + _ATTR_NAME + r")(\s*=+\s*(" + _ATTR_VALUE + "))?" + _SKIP)
# How far a start tag reaches (possibly cut short by the end of the buffer).
_start_tag_extent = re.compile(
    r"<[a-zA-Z][^\t\n\r\f />\x00]*"
    r"(?:[\s/]*(?:" + _ATTR_NAME
    + r"(?:\s*=+\s*(?:" + _ATTR_VALUE + r")\s*)?" + _SKIP + r")*)?"
    r"\s*")
_end_tag = re.compile(r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>")

# The same patterns under the names CPython's module gives them.
interesting_normal = _next_markup
incomplete = _partial_ref
entityref = _named_ref
charref = _number_ref
starttagopen = _tag_open
piclose = _gt
commentclose = _comment_end
tagfind_tolerant = _tag_name
attrfind_tolerant = _attribute
locatestarttagend_tolerant = _start_tag_extent
endendtag = _gt
endtagfind = _end_tag

_NAME_OR_SLASH = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ=/")
_SECTIONS = frozenset(("temp", "cdata", "ignore", "include", "rcdata"))
_MS_SECTIONS = frozenset(("if", "else", "endif"))


class HTMLParser:
    """Find tags and other markup and call handler functions.

    Usage:
        p = HTMLParser()
        p.feed(data)
        ...
        p.close()

    Start tags are handled by handle_starttag(), end tags by
    handle_endtag(); text by handle_data(), comments by handle_comment(),
    and so on.  With convert_charrefs (the default) character references
    are replaced in the text given to handle_data(); otherwise they go to
    handle_charref() and handle_entityref().
    """

    CDATA_CONTENT_ELEMENTS = ("script", "style")

    def __init__(self, *, convert_charrefs=True):
        self.convert_charrefs = convert_charrefs
        self.reset()

    def reset(self):
        """Reset this instance.  Loses all unprocessed data."""
        self.rawdata = ""
        self.lasttag = "???"
        self.interesting = _next_markup
        self.cdata_elem = None
        self.lineno = 1
        self.offset = 0
        self._starttag_text = None

    def feed(self, data):
        """Feed data to the parser: as much text as you like, even cut in
        the middle of a tag.
        """
        self.rawdata = self.rawdata + data
        self.goahead(0)

    def close(self):
        """Handle any buffered data."""
        self.goahead(1)

    def getpos(self):
        """Return the current line number and offset."""
        return self.lineno, self.offset

    def get_starttag_text(self):
        """Return the full source of the start tag: '<...>'."""
        return self._starttag_text

    def set_cdata_mode(self, elem):
        self.cdata_elem = elem.lower()
        self.interesting = re.compile(r"</\s*%s\s*>" % self.cdata_elem, re.I)

    def clear_cdata_mode(self):
        self.interesting = _next_markup
        self.cdata_elem = None

    # Advance the position from i to j, counting the lines passed.
    def updatepos(self, i, j):
        if i >= j:
            return j
        text = self.rawdata
        lines = text.count("\n", i, j)
        if lines:
            self.lineno = self.lineno + lines
            self.offset = j - (text.rindex("\n", i, j) + 1)
        else:
            self.offset = self.offset + j - i
        return j

    def _text(self, s):
        # Text outside script/style has its references replaced when asked.
        if self.convert_charrefs and not self.cdata_elem:
            self.handle_data(unescape(s))
        else:
            self.handle_data(s)

    def goahead(self, end):
        # Handle as much of the buffer as can be; with end, all of it.
        text = self.rawdata
        i = 0
        n = len(text)
        while i < n:
            if self.convert_charrefs and not self.cdata_elem:
                j = text.find("<", i)
                if j < 0:
                    # A reference may be cut by the end of the buffer: keep
                    # a trailing '&' not yet followed by a blank or ';'.
                    amp = text.rfind("&", max(i, n - 34))
                    if amp >= 0 and not _ref_end.search(text, amp):
                        break
                    j = n
            else:
                m = self.interesting.search(text, i)
                if m:
                    j = m.start()
                elif self.cdata_elem:
                    break
                else:
                    j = n
            if i < j:
                self._text(text[i:j])
            i = self.updatepos(i, j)
            if i == n:
                break
            if text.startswith("<", i):
                k = self._markup(i, n)
                if k is None:
                    break
                if k < 0:
                    if not end:
                        break
                    # Unfinished markup at the end is text up to the next
                    # '>' (or '<').
                    k = text.find(">", i + 1)
                    if k < 0:
                        k = text.find("<", i + 1)
                        if k < 0:
                            k = i + 1
                    else:
                        k = k + 1
                    self._text(text[i:k])
                i = self.updatepos(i, k)
            elif text.startswith("&#", i):
                m = _number_ref.match(text, i)
                if m:
                    self.handle_charref(m.group()[2:-1])
                    k = m.end()
                    if text[k - 1] != ";":
                        k = k - 1
                    i = self.updatepos(i, k)
                    continue
                if ";" in text[i:]:
                    # Not a reference: pass the '&#' on as text.
                    self.handle_data(text[i:i + 2])
                    i = self.updatepos(i, i + 2)
                break
            else:
                m = _named_ref.match(text, i)
                if m:
                    self.handle_entityref(m.group(1))
                    k = m.end()
                    if text[k - 1] != ";":
                        k = k - 1
                    i = self.updatepos(i, k)
                    continue
                m = _partial_ref.match(text, i)
                if m:
                    if end and m.group() == text[i:]:
                        i = self.updatepos(i, i + 1)
                    break
                if i + 1 < n:
                    self.handle_data("&")
                    i = self.updatepos(i, i + 1)
                else:
                    break
        if end and i < n and not self.cdata_elem:
            self._text(text[i:n])
            i = self.updatepos(i, n)
        self.rawdata = text[i:]

    # The markup starting with '<' at i: the position after it, -1 when it
    # is not complete in the buffer, None to stop at a lone final '<'.
    def _markup(self, i, n):
        text = self.rawdata
        if _tag_open.match(text, i):
            return self.parse_starttag(i)
        if text.startswith("</", i):
            return self.parse_endtag(i)
        if text.startswith("<!--", i):
            return self.parse_comment(i)
        if text.startswith("<?", i):
            return self.parse_pi(i)
        if text.startswith("<!", i):
            return self.parse_html_declaration(i)
        if i + 1 < n:
            self.handle_data("<")
            return i + 1
        return None

    def parse_html_declaration(self, i):
        text = self.rawdata
        if text[i:i + 4] == "<!--":
            return self.parse_comment(i)
        if text[i:i + 3] == "<![":
            return self.parse_marked_section(i)
        if text[i:i + 9].lower() == "<!doctype":
            gt = text.find(">", i + 9)
            if gt < 0:
                return -1
            self.handle_decl(text[i + 2:gt])
            return gt + 1
        return self.parse_bogus_comment(i)

    def parse_bogus_comment(self, i, report=1):
        # '<!...>' or '</...>' that is nothing else: a comment up to '>'.
        text = self.rawdata
        gt = text.find(">", i + 2)
        if gt < 0:
            return -1
        if report:
            self.handle_comment(text[i + 2:gt])
        return gt + 1

    def parse_comment(self, i, report=1):
        text = self.rawdata
        if text[i:i + 4] != "<!--":
            raise AssertionError("unexpected call to parse_comment()")
        m = _comment_end.search(text, i + 4)
        if not m:
            return -1
        if report:
            self.handle_comment(text[i + 4:m.start()])
        return m.end()

    def parse_marked_section(self, i, report=1):
        # '<![CDATA[...]]>' and the like, or Office's '<![if ...]>'.
        text = self.rawdata
        name, j = self._scan_name(i + 3, i)
        if j < 0:
            return j
        if name in _SECTIONS:
            m = _section_end.search(text, i + 3)
        elif name in _MS_SECTIONS:
            m = _ms_section_end.search(text, i + 3)
        else:
            raise AssertionError(
                "unknown status keyword %r in marked section" % text[i + 3:j])
        if not m:
            return -1
        if report:
            self.unknown_decl(text[i + 3:m.start()])
        return m.end()

    def _scan_name(self, i, declstartpos):
        text = self.rawdata
        n = len(text)
        if i == n:
            return None, -1
        m = _decl_name.match(text, i)
        if not m:
            self.updatepos(declstartpos, i)
            raise AssertionError(
                "expected name token at %r"
                % text[declstartpos:declstartpos + 20])
        if m.end() == n:
            return None, -1
        return m.group().strip().lower(), m.end()

    def parse_pi(self, i):
        text = self.rawdata
        m = _gt.search(text, i + 2)
        if not m:
            return -1
        self.handle_pi(text[i + 2:m.start()])
        return m.end()

    def parse_starttag(self, i):
        self._starttag_text = None
        stop = self.check_for_whole_start_tag(i)
        if stop < 0:
            return stop
        text = self.rawdata
        self._starttag_text = text[i:stop]
        m = _tag_name.match(text, i + 1)
        k = m.end()
        tag = m.group(1).lower()
        self.lasttag = tag
        attrs = []
        while k < stop:
            m = _attribute.match(text, k)
            if not m:
                break
            name = m.group(1)
            value = m.group(3)
            if not m.group(2):
                value = None
            elif (value[:1] == "'" == value[-1:]
                  or value[:1] == '"' == value[-1:]):
                value = value[1:-1]
            if value:
                value = unescape(value)
            attrs.append((name.lower(), value))
            k = m.end()
        rest = text[k:stop].strip()
        if rest not in (">", "/>"):
            self.handle_data(text[i:stop])
            return stop
        if rest.endswith("/>"):
            self.handle_startendtag(tag, attrs)
        else:
            self.handle_starttag(tag, attrs)
            if tag in self.CDATA_CONTENT_ELEMENTS:
                self.set_cdata_mode(tag)
        return stop

    def check_for_whole_start_tag(self, i):
        # Where the start tag at i ends, or -1 if the buffer ends first.
        text = self.rawdata
        j = _start_tag_extent.match(text, i).end()
        c = text[j:j + 1]
        if c == ">":
            return j + 1
        if c == "/":
            if text.startswith("/>", j):
                return j + 2
            return -1
        if c == "" or c in _NAME_OR_SLASH:
            return -1
        if j > i:
            return j
        return i + 1

    def parse_endtag(self, i):
        text = self.rawdata
        m = _gt.search(text, i + 1)
        if not m:
            return -1
        gt = m.end()
        m = _end_tag.match(text, i)
        if not m:
            if self.cdata_elem is not None:
                self.handle_data(text[i:gt])
                return gt
            # A sloppy end tag: the name up to a blank, '/' or '>'.
            name = _tag_name.match(text, i + 2)
            if not name:
                if text[i:i + 3] == "</>":
                    return i + 3
                return self.parse_bogus_comment(i)
            tag = name.group(1).lower()
            gt = text.find(">", name.end())
            self.handle_endtag(tag)
            return gt + 1
        tag = m.group(1).lower()
        if self.cdata_elem is not None and tag != self.cdata_elem:
            self.handle_data(text[i:gt])
            return gt
        self.handle_endtag(tag)
        self.clear_cdata_mode()
        return gt

    # The handlers, meant to be overridden.

    def handle_startendtag(self, tag, attrs):
        # An XHTML-style empty tag '<tag ... />'.
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        pass

    def handle_charref(self, name):
        pass

    def handle_entityref(self, name):
        pass

    def handle_data(self, data):
        pass

    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
