"""HTTP/1.1 client: `HTTPConnection` sends requests and `getresponse()`
reads each reply as an `HTTPResponse` (status line, headers, then a body
delimited by Content-Length, chunked transfer encoding or the end of the
connection). Connections are kept alive between requests unless the
server says otherwise.

There is no `HTTPSConnection` (gilpy has no ssl). Headers are an
`HTTPMessage` of this module's own (CPython's comes from the `email`
package), with the same lookup methods.
"""

import http
import socket
from urllib.parse import urlsplit

__all__ = ["HTTPResponse", "HTTPConnection",
           "HTTPException", "NotConnected", "UnknownProtocol",
           "UnknownTransferEncoding", "UnimplementedFileMode",
           "IncompleteRead", "InvalidURL", "ImproperConnectionState",
           "CannotSendRequest", "CannotSendHeader", "ResponseNotReady",
           "BadStatusLine", "LineTooLong", "RemoteDisconnected", "error",
           "responses"]

HTTP_PORT = 80
HTTPS_PORT = 443

_UNKNOWN = 'UNKNOWN'

# Connection states.
_CS_IDLE = 'Idle'
_CS_REQ_STARTED = 'Request-started'
_CS_REQ_SENT = 'Request-sent'

# The status codes as module constants (http.client.OK, ...).
globals().update(http.HTTPStatus.__members__)

responses = {v: v.phrase for v in http.HTTPStatus.__members__.values()}

_MAXLINE = 65536
_MAXHEADERS = 100

_METHODS_EXPECTING_BODY = {'PATCH', 'POST', 'PUT'}


def _bytes_text(data):
    """Bytes as latin-1 text: one character per byte, same indexes."""
    return bytes(data).decode('latin-1')


def _is_legal_header_name(name):
    """A header name: not empty, no ':', CR or LF, no whitespace first."""
    text = _bytes_text(name)
    if not text or text[0] in ' \t\n\r\x0b\x0c':
        return False
    for ch in text:
        if ch in ':\r\n':
            return False
    return True


def _is_illegal_header_value(value):
    """A line break not followed by whitespace (a folded line) would
    start a new header."""
    text = _bytes_text(value)
    if '\r' not in text and '\n' not in text:
        return False
    n = len(text)
    for i in range(n):
        ch = text[i]
        nxt = text[i + 1] if i + 1 < n else ''
        if ch == '\n' and (not nxt or nxt not in ' \t'):
            return True
        if ch == '\r' and (not nxt or nxt not in ' \t\n'):
            return True
    return False


def _find_control(text, extra=''):
    """The first control character (or space, or one of `extra`), or None."""
    for ch in text:
        if ord(ch) <= 0x20 or ch in extra:
            return ch
    return None


class HTTPMessage:
    """Message headers: names are case-insensitive, a name may occur
    several times, order is kept."""

    def __init__(self):
        self._headers = []

    def __len__(self):
        return len(self._headers)

    def __contains__(self, name):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return True
        return False

    def __iter__(self):
        for k, v in self._headers:
            yield k

    def __getitem__(self, name):
        return self.get(name)

    def __setitem__(self, name, val):
        self._headers.append((name, val))

    def __delitem__(self, name):
        name = name.lower()
        self._headers = [(k, v) for k, v in self._headers if k.lower() != name]

    def get(self, name, failobj=None):
        name = name.lower()
        for k, v in self._headers:
            if k.lower() == name:
                return v
        return failobj

    def get_all(self, name, failobj=None):
        name = name.lower()
        values = [v for k, v in self._headers if k.lower() == name]
        if not values:
            return failobj
        return values

    def keys(self):
        return [k for k, v in self._headers]

    def values(self):
        return [v for k, v in self._headers]

    def items(self):
        return self._headers[:]

    def add_header(self, name, value):
        self._headers.append((name, value))

    def replace_header(self, name, value):
        lname = name.lower()
        for i, (k, v) in enumerate(self._headers):
            if k.lower() == lname:
                self._headers[i] = (k, value)
                return
        raise KeyError(name)

    def get_content_type(self):
        value = self.get('content-type')
        if value is None:
            return 'text/plain'
        ctype = value.split(';', 1)[0].strip().lower()
        if ctype.count('/') != 1:
            return 'text/plain'
        return ctype

    def get_content_maintype(self):
        return self.get_content_type().split('/')[0]

    def get_content_subtype(self):
        return self.get_content_type().split('/')[1]

    def get_params(self, failobj=None, header='content-type'):
        value = self.get(header)
        if value is None:
            return failobj
        params = []
        for i, part in enumerate(value.split(';')):
            part = part.strip()
            if not part:
                continue
            name, eq, val = part.partition('=')
            val = val.strip()
            if len(val) >= 2 and val[0] == val[-1] == '"':
                val = val[1:-1]
            params.append((name.strip().lower() if i else name.strip(), val))
        return params

    def get_param(self, param, failobj=None, header='content-type'):
        params = self.get_params(None, header)
        if params is None:
            return failobj
        for name, val in params[1:]:
            if name == param.lower():
                return val
        return failobj

    def get_content_charset(self, failobj=None):
        charset = self.get_param('charset')
        if charset is None:
            return failobj
        return charset.lower()

    def getallmatchingheaders(self, name):
        """The header lines for `name`, as they were received."""
        name = name.lower()
        return ['%s: %s' % (k, v) for k, v in self._headers if k.lower() == name]

    def as_string(self):
        return ''.join('%s: %s\n' % (k, v) for k, v in self._headers) + '\n'

    def __str__(self):
        return self.as_string()


def _read_headers(fp):
    """The header lines up to the blank line that ends them."""
    headers = []
    while True:
        line = fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("header line")
        headers.append(line)
        if len(headers) > _MAXHEADERS:
            raise HTTPException("got more than %d headers" % _MAXHEADERS)
        if line in (b'\r\n', b'\n', b''):
            break
    return headers


def _parse_header_lines(lines, _class=HTTPMessage):
    msg = _class()
    name = None
    value = None
    for line in lines:
        text = _bytes_text(line)
        if text in ('\r\n', '\n', ''):
            break
        if text[0] in ' \t' and name is not None:
            # A folded line continues the previous header.
            value += text
            continue
        if name is not None:
            msg[name] = value.rstrip('\r\n')
        name, colon, rest = text.partition(':')
        if not colon:
            name = None
            continue
        name = name.rstrip(' \t')
        value = rest.lstrip(' \t')
    if name is not None:
        msg[name] = value.rstrip('\r\n')
    return msg


def parse_headers(fp, _class=HTTPMessage):
    """Reads headers from file object `fp` up to the blank line after
    them, into an `HTTPMessage` (or `_class`)."""
    return _parse_header_lines(_read_headers(fp), _class)


class HTTPResponse:
    """A response: the status line and headers are read by `begin()`,
    the body is read on demand (`read`, `readline`, iteration)."""

    def __init__(self, sock, debuglevel=0, method=None, url=None):
        self.fp = sock.makefile("rb")
        self.debuglevel = debuglevel
        self._method = method
        self.headers = self.msg = None
        self.version = _UNKNOWN
        self.status = _UNKNOWN
        self.reason = _UNKNOWN
        self.chunked = _UNKNOWN
        self.chunk_left = _UNKNOWN
        self.length = _UNKNOWN
        self.will_close = _UNKNOWN
        self.url = url
        self._closed = False

    def _read_status(self):
        line = self.fp.readline(_MAXLINE + 1).decode("iso-8859-1")
        if len(line) > _MAXLINE:
            raise LineTooLong("status line")
        if self.debuglevel > 0:
            print("reply:", repr(line))
        if not line:
            # The server closed the connection without a reply.
            raise RemoteDisconnected("Remote end closed connection without"
                                     " response")
        parts = line.split(None, 2)
        if len(parts) == 3:
            version, status, reason = parts
        elif len(parts) == 2:
            version, status = parts
            reason = ""
        else:
            version = ""
            status = ""
            reason = ""
        if not version.startswith("HTTP/"):
            self._close_conn()
            raise BadStatusLine(line)
        try:
            status = int(status)
        except ValueError:
            raise BadStatusLine(line) from None
        if status < 100 or status > 999:
            raise BadStatusLine(line)
        return version, status, reason

    def begin(self):
        """Reads the status line and headers (skipping 100 Continue)."""
        if self.headers is not None:
            return
        while True:
            version, status, reason = self._read_status()
            if status != CONTINUE:
                break
            skipped = _read_headers(self.fp)
            if self.debuglevel > 0:
                print("headers:", skipped)
        self.code = self.status = status
        self.reason = reason.strip()
        if version in ("HTTP/1.0", "HTTP/0.9"):
            self.version = 10
        elif version.startswith("HTTP/1."):
            self.version = 11
        else:
            raise UnknownProtocol(version)

        self.headers = self.msg = parse_headers(self.fp)
        if self.debuglevel > 0:
            for hdr, val in self.headers.items():
                print("header:", hdr + ":", val)

        tr_enc = self.headers.get("transfer-encoding")
        if tr_enc and tr_enc.lower() == "chunked":
            self.chunked = True
            self.chunk_left = None
        else:
            self.chunked = False

        self.will_close = self._check_close()

        self.length = None
        length = self.headers.get("content-length")
        if length and not self.chunked:
            try:
                self.length = int(length)
            except ValueError:
                self.length = None
            else:
                if self.length < 0:
                    self.length = None
        else:
            self.length = None

        if (status == NO_CONTENT or status == NOT_MODIFIED or
                100 <= status < 200 or self._method == "HEAD"):
            self.length = 0

        # Without a length, the body ends when the connection does.
        if (not self.will_close and not self.chunked and self.length is None):
            self.will_close = True

    def _check_close(self):
        conn = self.headers.get("connection")
        if self.version == 11:
            if conn and "close" in conn.lower():
                return True
            return False
        # HTTP/1.0 closes unless asked to keep alive.
        if self.headers.get("keep-alive"):
            return False
        if conn and "keep-alive" in conn.lower():
            return False
        pconn = self.headers.get("proxy-connection")
        if pconn and "keep-alive" in pconn.lower():
            return False
        return True

    def _close_conn(self):
        fp = self.fp
        self.fp = None
        fp.close()

    def close(self):
        self._closed = True
        if self.fp:
            self._close_conn()

    @property
    def closed(self):
        return self._closed

    def flush(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def isclosed(self):
        """Whether the body has been read to its end (or closed)."""
        return self.fp is None

    def read(self, amt=None):
        """The body, or at most `amt` bytes of it."""
        if self.fp is None:
            return b""
        if self._method == "HEAD":
            self._close_conn()
            return b""
        if self.chunked:
            return self._read_chunked(amt)
        if amt is not None and amt >= 0:
            if self.length is not None and amt > self.length:
                amt = self.length
            s = self.fp.read(amt)
            if not s and amt:
                self._close_conn()
            elif self.length is not None:
                self.length -= len(s)
                if not self.length:
                    self._close_conn()
            return s
        if self.length is None:
            s = self.fp.read()
        else:
            try:
                s = self._safe_read(self.length)
            except IncompleteRead:
                self._close_conn()
                raise
            self.length = 0
        self._close_conn()
        return s

    def readinto(self, b):
        view = memoryview(b)
        data = self.read(len(view))
        n = len(data)
        view[:n] = data
        return n

    def _read_next_chunk_size(self):
        line = self.fp.readline(_MAXLINE + 1)
        if len(line) > _MAXLINE:
            raise LineTooLong("chunk size")
        text = _bytes_text(line)
        i = text.find(";")
        if i >= 0:
            text = text[:i]
        try:
            return int(text.strip(), 16)
        except ValueError:
            self._close_conn()
            raise

    def _read_and_discard_trailer(self):
        while True:
            line = self.fp.readline(_MAXLINE + 1)
            if len(line) > _MAXLINE:
                raise LineTooLong("trailer line")
            if not line:
                break
            if line in (b'\r\n', b'\n', b''):
                break

    def _get_chunk_left(self):
        """Bytes left in the current chunk; reads the next chunk's size
        when needed; None after the last chunk."""
        chunk_left = self.chunk_left
        if not chunk_left:
            if chunk_left is not None:
                # The CRLF that ends the previous chunk.
                self._safe_read(2)
            try:
                chunk_left = self._read_next_chunk_size()
            except ValueError:
                raise IncompleteRead(b'') from None
            if chunk_left == 0:
                self._read_and_discard_trailer()
                self._close_conn()
                chunk_left = None
            self.chunk_left = chunk_left
        return chunk_left

    def _read_chunked(self, amt=None):
        value = bytearray()
        try:
            while True:
                chunk_left = self._get_chunk_left()
                if chunk_left is None:
                    break
                if amt is not None and amt <= chunk_left:
                    value += self._safe_read(amt)
                    self.chunk_left = chunk_left - amt
                    break
                value += self._safe_read(chunk_left)
                if amt is not None:
                    amt -= chunk_left
                self.chunk_left = 0
            return bytes(value)
        except IncompleteRead as exc:
            raise IncompleteRead(bytes(value)) from exc

    def _safe_read(self, amt):
        """Exactly `amt` bytes, or IncompleteRead."""
        data = self.fp.read(amt)
        if len(data) < amt:
            raise IncompleteRead(data, amt - len(data))
        return data

    def read1(self, n=-1):
        if self.fp is None or self._method == "HEAD":
            return b""
        if self.chunked:
            chunk_left = self._get_chunk_left()
            if chunk_left is None or n == 0:
                return b''
            if not (0 <= n <= chunk_left):
                n = chunk_left
            result = self.fp.read1(n)
            self.chunk_left -= len(result)
            return result
        if self.length is not None and (n < 0 or n > self.length):
            n = self.length
        result = self.fp.read1(n)
        if not result and n:
            self._close_conn()
        elif self.length is not None:
            self.length -= len(result)
            if not self.length:
                self._close_conn()
        return result

    def peek(self, n=-1):
        if self.fp is None or self._method == "HEAD":
            return b""
        if self.chunked:
            chunk_left = self._get_chunk_left()
            if chunk_left is None:
                return b''
            return self.fp.peek(chunk_left)[:chunk_left]
        return self.fp.peek(n)

    def readline(self, limit=-1):
        if self.fp is None or self._method == "HEAD":
            return b""
        if limit is None:
            limit = -1
        if self.chunked:
            line = bytearray()
            while limit < 0 or len(line) < limit:
                b = self.read(1)
                if not b:
                    break
                line += b
                if b == b"\n":
                    break
            return bytes(line)
        if self.length is not None and (limit < 0 or limit > self.length):
            limit = self.length
        result = self.fp.readline(limit)
        if not result and limit:
            self._close_conn()
        elif self.length is not None:
            self.length -= len(result)
            if not self.length:
                self._close_conn()
        return result

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                break
        return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        return self.fp.fileno()

    def getheader(self, name, default=None):
        """The value of header `name` (several values joined by ', ')."""
        if self.headers is None:
            raise ResponseNotReady()
        headers = self.headers.get_all(name) or default
        if isinstance(headers, str) or not hasattr(headers, '__iter__'):
            return headers
        return ', '.join(headers)

    def getheaders(self):
        """The headers as a list of (name, value) pairs."""
        if self.headers is None:
            raise ResponseNotReady()
        return list(self.headers.items())

    def info(self):
        return self.headers

    def geturl(self):
        return self.url

    def getcode(self):
        return self.status


class HTTPConnection:
    """A connection to one HTTP server: `request()` then `getresponse()`,
    as many times as the server keeps the connection open."""

    _http_vsn = 11
    _http_vsn_str = 'HTTP/1.1'

    response_class = HTTPResponse
    default_port = HTTP_PORT
    auto_open = 1
    debuglevel = 0

    @staticmethod
    def _is_textIO(stream):
        return hasattr(stream, 'encoding') and not isinstance(stream, (bytes, bytearray))

    @staticmethod
    def _get_content_length(body, method):
        """The Content-Length of `body`, or None when it is not known
        beforehand (then it is sent chunked)."""
        if body is None:
            if method.upper() in _METHODS_EXPECTING_BODY:
                return 0
            return None
        if hasattr(body, 'read'):
            return None
        try:
            return len(memoryview(body))
        except TypeError:
            pass
        if isinstance(body, str):
            return len(body)
        return None

    def __init__(self, host, port=None, timeout=socket._GLOBAL_DEFAULT_TIMEOUT,
                 source_address=None, blocksize=8192):
        self.timeout = timeout
        self.source_address = source_address
        self.blocksize = blocksize
        self.sock = None
        self._buffer = []
        self._HTTPConnection__response = None
        self._HTTPConnection__state = _CS_IDLE
        self._method = None
        self._tunnel_host = None
        self._tunnel_port = None
        self._tunnel_headers = {}
        (self.host, self.port) = self._get_hostport(host, port)
        self._validate_host(self.host)
        self._create_connection = socket.create_connection

    def set_tunnel(self, host, port=None, headers=None):
        raise NotImplementedError("HTTP tunnels are not supported")

    def _get_hostport(self, host, port):
        if port is None:
            i = host.rfind(':')
            j = host.rfind(']')
            if i > j:
                try:
                    port = int(host[i + 1:])
                except ValueError:
                    if host[i + 1:] == "":
                        port = self.default_port
                    else:
                        raise InvalidURL("nonnumeric port: '%s'" % host[i + 1:]) from None
                host = host[:i]
            else:
                port = self.default_port
        if host and host[0] == '[' and host[-1] == ']':
            host = host[1:-1]
        return (host, port)

    def set_debuglevel(self, level):
        self.debuglevel = level

    def connect(self):
        """Connects to the host and port given to the constructor."""
        self.sock = self._create_connection(
            (self.host, self.port), self.timeout, self.source_address)
        try:
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError as e:
            if e.errno != 92:
                raise

    def close(self):
        """Closes the connection (and a response not yet read)."""
        self._HTTPConnection__state = _CS_IDLE
        try:
            sock = self.sock
            if sock:
                self.sock = None
                sock.close()
        finally:
            response = self._HTTPConnection__response
            if response:
                self._HTTPConnection__response = None
                response.close()

    def send(self, data):
        """Sends bytes, a file object's contents or an iterable of bytes."""
        if self.sock is None:
            if self.auto_open:
                self.connect()
            else:
                raise NotConnected()
        if self.debuglevel > 0:
            print("send:", repr(data))
        if hasattr(data, "read"):
            encode = self._is_textIO(data)
            while True:
                datablock = data.read(self.blocksize)
                if not datablock:
                    break
                if encode:
                    datablock = datablock.encode("iso-8859-1")
                self.sock.sendall(datablock)
            return
        try:
            self.sock.sendall(data)
        except TypeError:
            if isinstance(data, (str, bytes, bytearray)):
                raise
            try:
                it = iter(data)
            except TypeError:
                raise TypeError("data should be a bytes-like object "
                                "or an iterable, got %r" % type(data)) from None
            for d in it:
                self.sock.sendall(d)

    def _output(self, s):
        self._buffer.append(s)

    def _read_readable(self, readable):
        encode = self._is_textIO(readable)
        while True:
            datablock = readable.read(self.blocksize)
            if not datablock:
                break
            if encode:
                datablock = datablock.encode("iso-8859-1")
            yield datablock

    def _send_output(self, message_body=None, encode_chunked=False):
        """Sends the request line and headers, then the body."""
        self._buffer.append(b"")
        self._buffer.append(b"")
        msg = bytearray()
        for i, part in enumerate(self._buffer):
            if i:
                msg += b"\r\n"
            msg += part
        self._buffer = []
        self.send(bytes(msg))

        if message_body is not None:
            if hasattr(message_body, 'read'):
                chunks = self._read_readable(message_body)
            else:
                try:
                    memoryview(message_body)
                except TypeError:
                    try:
                        chunks = iter(message_body)
                    except TypeError:
                        raise TypeError("message_body should be a bytes-like "
                                        "object or an iterable, got %r"
                                        % type(message_body)) from None
                else:
                    chunks = (message_body,)

            for chunk in chunks:
                if not chunk:
                    continue
                if encode_chunked and self._http_vsn == 11:
                    chunk = (('%X\r\n' % len(chunk)).encode('ascii') + bytes(chunk)
                             + b'\r\n')
                self.send(chunk)

            if encode_chunked and self._http_vsn == 11:
                self.send(b'0\r\n\r\n')

    def putrequest(self, method, url, skip_host=False,
                   skip_accept_encoding=False):
        """Starts a request: the request line, then Host and
        Accept-Encoding unless skipped."""
        if self._HTTPConnection__response and self._HTTPConnection__response.isclosed():
            self._HTTPConnection__response = None
        if self._HTTPConnection__state == _CS_IDLE:
            self._HTTPConnection__state = _CS_REQ_STARTED
        else:
            raise CannotSendRequest(self._HTTPConnection__state)

        self._validate_method(method)
        self._method = method
        url = url or '/'
        self._validate_path(url)
        request = '%s %s %s' % (method, url, self._http_vsn_str)
        self._output(self._encode_request(request))

        if self._http_vsn == 11:
            if not skip_host:
                netloc = ''
                if url.startswith('http'):
                    nil, netloc, nil, nil, nil = urlsplit(url)
                if netloc:
                    try:
                        netloc_enc = netloc.encode("ascii")
                    except UnicodeEncodeError:
                        netloc_enc = netloc.encode("utf-8")
                    self.putheader('Host', netloc_enc)
                else:
                    host = self.host
                    port = self.port
                    try:
                        host_enc = host.encode("ascii")
                    except UnicodeEncodeError:
                        host_enc = host.encode("utf-8")
                    if ':' in host:
                        host_enc = b'[' + host_enc + b']'
                    if port == self.default_port:
                        self.putheader('Host', host_enc)
                    else:
                        host_enc = host_enc.decode("ascii")
                        self.putheader('Host', "%s:%s" % (host_enc, port))
            if not skip_accept_encoding:
                self.putheader('Accept-Encoding', 'identity')

    def _encode_request(self, request):
        return request.encode('ascii')

    def _validate_method(self, method):
        found = _find_control(method)
        if found is not None:
            raise ValueError(
                f"method can't contain control characters. {method!r} "
                f"(found at least {found!r})")

    def _validate_path(self, url):
        found = _find_control(url, '\x7f')
        if found is not None:
            raise InvalidURL(f"URL can't contain control characters. {url!r} "
                             f"(found at least {found!r})")

    def _validate_host(self, host):
        found = _find_control(host, '\x7f')
        if found is not None:
            raise InvalidURL(f"URL can't contain control characters. {host!r} "
                             f"(found at least {found!r})")

    def putheader(self, header, *values):
        """Adds a header line: `header: value1\\r\\n\\tvalue2...`."""
        if self._HTTPConnection__state != _CS_REQ_STARTED:
            raise CannotSendHeader()
        if hasattr(header, 'encode'):
            header = header.encode('ascii')
        if not _is_legal_header_name(header):
            raise ValueError('Invalid header name %r' % (header,))
        values = list(values)
        for i, one_value in enumerate(values):
            if hasattr(one_value, 'encode'):
                values[i] = one_value.encode('latin-1')
            elif isinstance(one_value, int):
                values[i] = str(one_value).encode('ascii')
            if _is_illegal_header_value(values[i]):
                raise ValueError('Invalid header value %r' % (values[i],))
        value = bytearray()
        for i, v in enumerate(values):
            if i:
                value += b'\r\n\t'
            value += v
        self._output(bytes(header) + b': ' + bytes(value))

    def endheaders(self, message_body=None, *, encode_chunked=False):
        """Ends the headers and sends the request (with `message_body`)."""
        if self._HTTPConnection__state == _CS_REQ_STARTED:
            self._HTTPConnection__state = _CS_REQ_SENT
        else:
            raise CannotSendHeader()
        self._send_output(message_body, encode_chunked=encode_chunked)

    def request(self, method, url, body=None, headers={}, *,
                encode_chunked=False):
        """Sends a complete request."""
        self._send_request(method, url, body, headers, encode_chunked)

    def _send_request(self, method, url, body, headers, encode_chunked):
        header_names = frozenset(k.lower() for k in headers)
        skips = {}
        if 'host' in header_names:
            skips['skip_host'] = 1
        if 'accept-encoding' in header_names:
            skips['skip_accept_encoding'] = 1

        self.putrequest(method, url, **skips)

        if 'content-length' not in header_names:
            if 'transfer-encoding' not in header_names:
                encode_chunked = False
                content_length = self._get_content_length(body, method)
                if content_length is None:
                    if body is not None:
                        encode_chunked = True
                        self.putheader('Transfer-Encoding', 'chunked')
                else:
                    self.putheader('Content-Length', str(content_length))
        else:
            encode_chunked = False

        for hdr, value in headers.items():
            self.putheader(hdr, value)
        if isinstance(body, str):
            body = _encode(body, 'body')
        self.endheaders(body, encode_chunked=encode_chunked)

    def getresponse(self):
        """The response to the request sent; its headers are read now,
        its body when asked for."""
        if self._HTTPConnection__response and self._HTTPConnection__response.isclosed():
            self._HTTPConnection__response = None
        if self._HTTPConnection__state != _CS_REQ_SENT or self._HTTPConnection__response:
            raise ResponseNotReady(self._HTTPConnection__state)

        if self.debuglevel > 0:
            response = self.response_class(self.sock, self.debuglevel,
                                           method=self._method)
        else:
            response = self.response_class(self.sock, method=self._method)

        try:
            try:
                response.begin()
            except ConnectionError:
                self.close()
                raise
            self._HTTPConnection__state = _CS_IDLE
            if response.will_close:
                # The response keeps the socket open until it is read.
                self.close()
            else:
                self._HTTPConnection__response = response
            return response
        except:
            response.close()
            raise


def _encode(data, name='data'):
    """`data` as latin-1 bytes, with a helpful error when it cannot be."""
    try:
        return data.encode("latin-1")
    except UnicodeEncodeError as err:
        raise UnicodeEncodeError(
            err.encoding,
            err.object,
            err.start,
            err.end,
            "%s (%.20r) is not valid Latin-1. Use %s.encode('utf-8') "
            "if you want to send it encoded in UTF-8." %
            (name.title(), data[err.start:err.end], name)) from None


class HTTPException(Exception):
    pass


class NotConnected(HTTPException):
    pass


class InvalidURL(HTTPException):
    pass


class UnknownProtocol(HTTPException):
    def __init__(self, version):
        self.args = version,
        self.version = version


class UnknownTransferEncoding(HTTPException):
    pass


class UnimplementedFileMode(HTTPException):
    pass


class IncompleteRead(HTTPException):
    def __init__(self, partial, expected=None):
        self.args = partial,
        self.partial = partial
        self.expected = expected

    def __repr__(self):
        if self.expected is not None:
            e = ', %i more expected' % self.expected
        else:
            e = ''
        return '%s(%i bytes read%s)' % (self.__class__.__name__,
                                        len(self.partial), e)

    def __str__(self):
        return repr(self)


class ImproperConnectionState(HTTPException):
    pass


class CannotSendRequest(ImproperConnectionState):
    pass


class CannotSendHeader(ImproperConnectionState):
    pass


class ResponseNotReady(ImproperConnectionState):
    pass


class BadStatusLine(HTTPException):
    def __init__(self, line):
        if not line:
            line = repr(line)
        self.args = line,
        self.line = line


class LineTooLong(HTTPException):
    def __init__(self, line_type):
        HTTPException.__init__(self, "got more than %d bytes when reading %s"
                               % (_MAXLINE, line_type))


class RemoteDisconnected(ConnectionResetError, BadStatusLine):
    def __init__(self, *pos, **kw):
        BadStatusLine.__init__(self, "")
        ConnectionResetError.__init__(self, *pos, **kw)


error = HTTPException
