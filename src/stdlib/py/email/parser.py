"""Parsers of messages held in strings, bytes or files."""

__all__ = ['Parser', 'HeaderParser', 'BytesParser', 'BytesHeaderParser',
           'FeedParser', 'BytesFeedParser']

from io import StringIO

from email.feedparser import FeedParser, BytesFeedParser
from email._policybase import compat32
from email import _escapes


class Parser:
    """Parses text into a message object tree."""

    def __init__(self, _class=None, *, policy=compat32):
        self._class = _class
        self.policy = policy

    def parse(self, fp, headersonly=False):
        """Parse the text read from fp (headersonly: the body kept as text)."""
        feedparser = FeedParser(self._class, policy=self.policy)
        if headersonly:
            feedparser._set_headersonly()
        while True:
            data = fp.read(8192)
            if not data:
                break
            feedparser.feed(data)
        return feedparser.close()

    def parsestr(self, text, headersonly=False):
        """Parse a string."""
        return self.parse(StringIO(text), headersonly=headersonly)


class HeaderParser(Parser):
    """A Parser that leaves the body unparsed."""

    def parse(self, fp, headersonly=True):
        return Parser.parse(self, fp, True)

    def parsestr(self, text, headersonly=True):
        return Parser.parsestr(self, text, True)


class BytesParser:
    """Parses bytes into a message object tree."""

    def __init__(self, *args, **kw):
        self.parser = Parser(*args, **kw)

    def parse(self, fp, headersonly=False):
        """Parse the bytes read from the binary file fp."""
        data = fp.read()
        return self.parsebytes(data, headersonly)

    def parsebytes(self, text, headersonly=False):
        """Parse bytes (undecodable bytes are kept escaped)."""
        text = _escapes.decode(text, 'ASCII')
        return self.parser.parsestr(text, headersonly)


class BytesHeaderParser(BytesParser):
    """A BytesParser that leaves the body unparsed."""

    def parse(self, fp, headersonly=True):
        return BytesParser.parse(self, fp, headersonly=True)

    def parsebytes(self, text, headersonly=True):
        return BytesParser.parsebytes(self, text, headersonly=True)
