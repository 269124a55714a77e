# http.server with http.client: methods, headers, bodies (Content-Length
# and chunked), keep-alive, error pages, malformed requests.
import http
import http.client
import http.server
import socket
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, format, *args):
        log.append(format % args)

    def reply(self, code, body, ctype='text/plain', extra=()):
        self.send_response(code)
        self.send_header('Content-Type', ctype)
        self.send_header('Content-Length', str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if self.command != 'HEAD':
            self.wfile.write(body)

    def do_GET(self):
        if self.path == '/missing':
            self.send_error(404)
        elif self.path == '/forbidden':
            self.send_error(http.HTTPStatus.FORBIDDEN, 'Go away', 'You <b>may not</b> see this')
        elif self.path == '/chunked':
            self.send_response(200)
            self.send_header('Transfer-Encoding', 'chunked')
            self.send_header('X-Kind', 'chunks')
            self.end_headers()
            for piece in (b'first chunk\n', b'second\n', b'x' * 3000 + b'\n'):
                self.wfile.write(b'%X\r\n' % len(piece) + piece + b'\r\n')
            self.wfile.write(b'0\r\n\r\n')
        elif self.path == '/lines':
            self.reply(200, b'line 1\nline 2\nline 3\n')
        elif self.path == '/multi':
            self.reply(200, b'{}', 'application/json',
                       [('Set-Cookie', 'a=1'), ('Set-Cookie', 'b=2')])
        elif self.path == '/close':
            self.send_response(200)
            self.send_header('Connection', 'close')
            self.end_headers()
            self.wfile.write(b'body until the connection closes')
        else:
            info = '%s %s %s\nhost=%s\nagent=%s\naccept-encoding=%s\nx-test=%s\n' % (
                self.command, self.path, self.request_version,
                self.headers['Host'] == '127.0.0.1:%d' % port,
                self.headers.get('User-Agent'),
                self.headers.get('Accept-Encoding'),
                self.headers.get('X-Test'))
            self.reply(200, info.encode())

    do_HEAD = do_GET

    def do_POST(self):
        if self.headers.get('Transfer-Encoding') == 'chunked':
            body = bytearray()
            while True:
                size = int(self.rfile.readline().decode().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    break
                body += self.rfile.read(size)
                self.rfile.readline()
            how = 'chunked'
        else:
            body = self.rfile.read(int(self.headers['Content-Length']))
            how = 'length %s' % self.headers['Content-Length']
        text = 'POST %s (%s, %s): %s' % (self.path, how,
                                         self.headers.get_content_type(),
                                         bytes(body).decode())
        self.reply(201, text.encode())


log = []
server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
port = server.server_port
print(server.server_name, server.server_address[0] == '127.0.0.1')
thread = threading.Thread(target=server.serve_forever)
thread.start()


def show(resp, body=None):
    if body is None:
        body = resp.read()
    print(resp.status, repr(resp.reason), resp.version, resp.getheader('Content-Type'),
          resp.getheader('Content-Length'))
    print(' ', body)


print('--- GET on a kept-alive connection')
conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
conn.request('GET', '/hello?x=1', headers={'X-Test': 'yes', 'User-Agent': 'gilpy-test'})
resp = conn.getresponse()
print(type(resp).__name__, resp.closed, resp.isclosed(), resp.will_close)
show(resp)
print(resp.isclosed())
sock = conn.sock
conn.request('GET', '/second')
show(conn.getresponse())
print('same socket:', conn.sock is sock)

print('--- HEAD')
conn.request('HEAD', '/head')
resp = conn.getresponse()
show(resp)

print('--- headers')
conn.request('GET', '/multi')
resp = conn.getresponse()
resp.read()
print(resp.getheader('Set-Cookie'), resp.getheader('missing'), resp.getheader('missing', 'default'))
print(resp.headers.get_all('Set-Cookie'), 'set-cookie' in resp.headers, len(resp.headers))
names = [name for name, value in resp.getheaders()]
print(names)
print(resp.headers['content-type'], resp.msg.get_content_type(), resp.info() is resp.headers)

print('--- reading in pieces')
conn.request('GET', '/lines')
resp = conn.getresponse()
print(resp.readline(), resp.read(3), resp.readline(), list(resp))
print(resp.read(), resp.isclosed())

print('--- chunked response')
conn.request('GET', '/chunked')
resp = conn.getresponse()
print(resp.chunked, resp.getheader('X-Kind'), resp.length)
print(resp.read(5), resp.readline())
rest = resp.read()
print(len(rest), rest[:7], rest[-2:], resp.isclosed())

print('--- POST with Content-Length and chunked bodies')
conn.request('POST', '/form', body=b'name=gilpy&lang=rust',
             headers={'Content-Type': 'application/x-www-form-urlencoded'})
show(conn.getresponse())
conn.request('POST', '/text', body='a str body')
show(conn.getresponse())


def pieces():
    yield b'made '
    yield b'of '
    yield b'pieces'


conn.request('POST', '/gen', body=pieces())
show(conn.getresponse())
conn.putrequest('POST', '/manual')
conn.putheader('Content-Length', '6')
conn.putheader('Content-Type', 'text/plain; charset=utf-8')
conn.endheaders(b'manual')
show(conn.getresponse())

print('--- errors from the server')
conn.request('GET', '/missing')
resp = conn.getresponse()
print(resp.status, resp.reason, resp.getheader('Content-Type'), resp.getheader('Connection'))
print(resp.read().decode())
conn.request('GET', '/forbidden')
resp = conn.getresponse()
print(resp.status, resp.reason)
print(resp.read().decode())
conn.request('DELETE', '/x')
resp = conn.getresponse()
print(resp.status, resp.reason)
print(resp.read().decode().split('\n')[9:11])
conn.close()

print('--- connection: close')
conn = http.client.HTTPConnection('127.0.0.1:%d' % port)
print(conn.host, conn.port == port)
conn.request('GET', '/close')
resp = conn.getresponse()
print(resp.will_close, conn.sock, resp.length)
print(resp.read())
conn.close()

print('--- malformed requests')
for raw in (b'GARBAGE\r\n\r\n', b'GET / HTTP/x.y\r\n\r\n', b'GET / HTTP/2.0\r\n\r\n',
            b'GET / extra HTTP/1.1\r\n\r\n', b'GET /09\r\n\r\n'):
    with socket.create_connection(('127.0.0.1', port)) as s:
        s.sendall(raw)
        f = s.makefile('rb')
        print(raw, '->', f.readline())
        f.close()

print('--- client-side errors')
conn = http.client.HTTPConnection('127.0.0.1', port)
conn.request('GET', '/hello')
try:
    conn.request('GET', '/again')
except http.client.CannotSendRequest as e:
    print('CannotSendRequest', e)
resp = conn.getresponse()
resp.read()
try:
    conn.getresponse()
except http.client.ResponseNotReady as e:
    print('ResponseNotReady', e)
for bad in (lambda: conn.putheader('X', 'y'), lambda: conn.request('GET', '/a b'),
            lambda: conn.request('G T', '/'), lambda: http.client.HTTPConnection('h:port')):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
conn.close()
print(http.client.responses[404], http.client.NOT_FOUND, http.client.HTTP_PORT)
print(issubclass(http.client.RemoteDisconnected, ConnectionResetError),
      issubclass(http.client.RemoteDisconnected, http.client.BadStatusLine))
print(repr(http.client.IncompleteRead(b'abc', 5)), http.client.IncompleteRead(b'ab'))

# A server that closes without answering, and one that answers nonsense.
raw_server = socket.create_server(('127.0.0.1', 0))


def raw_serve(replies):
    for reply in replies:
        c, _ = raw_server.accept()
        c.recv(1000)
        c.sendall(reply)
        c.close()


t = threading.Thread(target=raw_serve, args=([b'', b'NONSENSE\r\n', b'HTTP/1.0 200 OK\r\nContent-Length: 10\r\n\r\nshort'],))
t.start()
for i in range(3):
    conn = http.client.HTTPConnection(*raw_server.getsockname())
    conn.request('GET', '/')
    try:
        resp = conn.getresponse()
        print(resp.status, resp.version)
        resp.read()
    except http.client.HTTPException as e:
        print(type(e).__name__, repr(e), e.args)
    conn.close()
t.join()
raw_server.close()

server.shutdown()
server.server_close()
thread.join()

print('--- the log')
for line in log:
    print(line)

print('--- HTTPStatus')
print(http.HTTPStatus.OK == 200, http.HTTPStatus(404), repr(http.HTTPStatus(404)))
print(http.HTTPStatus.NOT_FOUND.phrase, '|', http.HTTPStatus.NOT_FOUND.description)
print(http.HTTPStatus.IM_A_TEAPOT.phrase, int(http.HTTPStatus.CREATED), http.HTTPStatus.OK.name)
print('%d %s' % (http.HTTPStatus.OK, http.HTTPStatus.OK), f'{http.HTTPStatus.OK}', str(http.HTTPStatus.OK))
print(http.HTTPStatus.OK.value, http.HTTPStatus.OK + 1, isinstance(http.HTTPStatus.OK, int))
try:
    http.HTTPStatus(999)
except ValueError as e:
    print(e)
print(http.HTTPMethod.GET == 'GET', repr(http.HTTPMethod.POST), http.HTTPMethod.PUT.description)
print(http.server.BaseHTTPRequestHandler.responses[200])
print(http.server.DEFAULT_ERROR_CONTENT_TYPE)
