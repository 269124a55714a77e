"""FeedParser: text fed in pieces, a message object tree out of close().

This implementation gathers the text fed and parses it on close().
"""

__all__ = ['FeedParser', 'BytesFeedParser']

import re

from email import errors
from email._policybase import compat32
from email import _escapes

NLCRE = re.compile(r'\r\n|\r|\n')
NLCRE_bol = re.compile(r'(\r\n|\r|\n)')
NLCRE_eol = re.compile(r'(\r\n|\r|\n)\Z')
NLCRE_crack = re.compile(r'(\r\n|\r|\n)')
# A header line: a field name and a colon, a continuation, or 'From '.
headerRE = re.compile(r'^(From |[\041-\071\073-\176]*:|[\t ])')
EMPTYSTRING = ''
NL = '\n'


def _split_lines(text):
    # lines with their line ends kept
    parts = NLCRE_crack.split(text)
    lines = []
    for i in range(0, len(parts) - 1, 2):
        lines.append(parts[i] + parts[i + 1])
    if parts[-1]:
        lines.append(parts[-1])
    return lines


def _strip_eol(s):
    mo = NLCRE_eol.search(s)
    if mo:
        return s[:-len(mo.group(0))]
    return s


class FeedParser:
    """Parses text fed by feed(); close() gives the message."""

    def __init__(self, _factory=None, *, policy=compat32):
        self.policy = policy
        self._old_style_factory = False
        if _factory is None:
            if policy.message_factory is None:
                from email.message import Message
                self._factory = Message
            else:
                self._factory = policy.message_factory
        else:
            self._factory = _factory
            try:
                _factory(policy=self.policy)
            except TypeError:
                self._old_style_factory = True
        self._chunks = []
        self._headersonly = False
        self._closed = False

    def _set_headersonly(self):
        self._headersonly = True

    def feed(self, data):
        """Add text to parse."""
        self._chunks.append(data)

    def close(self):
        """Parse everything fed; the root message."""
        text = EMPTYSTRING.join(self._chunks)
        lines = _split_lines(text)
        root = self._new_message()
        self._parse(root, lines, 0, len(lines), self._headersonly)
        if (not self._headersonly and root.get_content_maintype() == 'multipart'
                and not root.is_multipart()):
            defect = errors.MultipartInvariantViolationDefect()
            self.policy.handle_defect(root, defect)
        return root

    def _new_message(self):
        if self._old_style_factory:
            msg = self._factory()
        else:
            msg = self._factory(policy=self.policy)
        return msg

    # Parsing ----------------------------------------------------------------

    def _parse_headers(self, msg, lines, start, end):
        # Returns the index of the first body line.
        headers = []
        i = start
        while i < end:
            line = lines[i]
            if not headerRE.match(line):
                if not NLCRE.match(line):
                    defect = errors.MissingHeaderBodySeparatorDefect()
                    self.policy.handle_defect(msg, defect)
                    break
                i += 1
                break
            headers.append(line)
            i += 1
        lastheader = ''
        lastvalue = []
        body_start = i
        for lineno, line in enumerate(headers):
            if line[0] in ' \t':
                if not lastheader:
                    defect = errors.FirstHeaderLineIsContinuationDefect(line)
                    self.policy.handle_defect(msg, defect)
                    continue
                lastvalue.append(line)
                continue
            if lastheader:
                msg.set_raw(*self.policy.header_source_parse(lastvalue))
                lastheader, lastvalue = '', []
            if line.startswith('From '):
                if lineno == 0:
                    msg.set_unixfrom(_strip_eol(line))
                    continue
                elif lineno == len(headers) - 1:
                    # taken as the first line of the body
                    return start + lineno
                else:
                    defect = errors.MisplacedEnvelopeHeaderDefect(line)
                    msg.defects.append(defect)
                    continue
            i = line.find(':')
            if i == 0:
                defect = errors.InvalidHeaderDefect("Missing header name.")
                msg.defects.append(defect)
                return start + lineno
            lastheader = line[:i]
            lastvalue = [line]
        if lastheader:
            msg.set_raw(*self.policy.header_source_parse(lastvalue))
        return body_start

    def _parse(self, msg, lines, start, end, headersonly=False):
        body = self._parse_headers(msg, lines, start, end)
        if headersonly:
            msg.set_payload(EMPTYSTRING.join(lines[body:end]))
            return
        ctype = msg.get_content_type()
        if ctype == 'message/delivery-status':
            self._parse_delivery_status(msg, lines, body, end)
            return
        maintype = msg.get_content_maintype()
        if maintype == 'message':
            sub = self._new_message()
            self._parse(sub, lines, body, end)
            msg.attach(sub)
            return
        if maintype == 'multipart':
            self._parse_multipart(msg, lines, body, end)
            return
        msg.set_payload(EMPTYSTRING.join(lines[body:end]))

    def _parse_delivery_status(self, msg, lines, start, end):
        i = start
        while i < end:
            block = self._new_message()
            j = i
            while j < end and not NLCRE.match(lines[j]):
                j += 1
            self._parse_headers(block, lines, i, j)
            msg.attach(block)
            i = j + 1
            if j >= end:
                break

    def _parse_multipart(self, msg, lines, start, end):
        boundary = msg.get_boundary()
        if boundary is None:
            defect = errors.NoBoundaryInMultipartDefect()
            self.policy.handle_defect(msg, defect)
            msg.set_payload(EMPTYSTRING.join(lines[start:end]))
            return
        if (str(msg.get('content-transfer-encoding', '8bit')).lower()
                not in ('7bit', '8bit', 'binary')):
            defect = errors.InvalidMultipartContentTransferEncodingDefect()
            self.policy.handle_defect(msg, defect)
        separator = '--' + boundary
        boundaryre = re.compile(
            '(?P<sep>' + re.escape(separator) +
            r')(?P<end>--)?(?P<ws>[ \t]*)(?P<linesep>\r\n|\r|\n)?$')
        marks = []
        for i in range(start, end):
            line = lines[i]
            if line.startswith(separator):
                mo = boundaryre.match(line)
                if mo:
                    marks.append((i, bool(mo.group('end'))))
                    if mo.group('end'):
                        break
        if not marks:
            defect = errors.StartBoundaryNotFoundDefect()
            self.policy.handle_defect(msg, defect)
            msg.set_payload(EMPTYSTRING.join(lines[start:end]))
            msg.epilogue = None
            return
        first = marks[0][0]
        if first > start:
            preamble = lines[start:first]
            preamble[-1] = _strip_eol(preamble[-1])
            msg.preamble = EMPTYSTRING.join(preamble)
        if marks[0][1]:
            # a close boundary and no part
            msg.set_payload([])
        for n, (pos, is_end) in enumerate(marks):
            if is_end:
                break
            if n + 1 < len(marks):
                nxt = marks[n + 1][0]
            else:
                nxt = end
            part = self._new_message()
            if msg.get_content_subtype() == 'digest':
                part.set_default_type('message/rfc822')
            self._parse(part, lines, pos + 1, nxt)
            whole = part
            if True:
                # the line end before a boundary belongs to the boundary
                # (for a message/* part, to the message inside)
                while (part.get_content_maintype() == 'message' and
                       isinstance(part._payload, list) and part._payload):
                    part = part._payload[-1]
                if part.get_content_maintype() == 'multipart':
                    epilogue = part.epilogue
                    if epilogue == '':
                        part.epilogue = None
                    elif epilogue is not None:
                        part.epilogue = _strip_eol(epilogue)
                else:
                    payload = part._payload
                    if isinstance(payload, str):
                        part._payload = _strip_eol(payload)
            msg.attach(whole)
        if not marks[-1][1]:
            defect = errors.CloseBoundaryNotFoundDefect()
            self.policy.handle_defect(msg, defect)
            return
        epilogue = lines[marks[-1][0] + 1:end]
        msg.epilogue = EMPTYSTRING.join(epilogue)


class BytesFeedParser(FeedParser):
    """Like FeedParser, fed bytes."""

    def feed(self, data):
        super().feed(_escapes.decode(data, 'ascii'))
