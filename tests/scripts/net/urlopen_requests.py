# urllib.request.urlopen against a local server: GET, POST, Request
# objects, redirects, HTTPError and URLError.
import http.server
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, format, *args):
        pass

    def reply(self, code, body, extra=()):
        self.send_response(code)
        self.send_header('Content-Type', 'text/plain; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def describe(self, body=b''):
        lines = ['%s %s' % (self.command, self.path)]
        for name in ('Content-Type', 'Content-Length', 'User-Agent', 'Connection',
                     'X-Custom', 'Accept-Encoding', 'Transfer-Encoding'):
            if name in self.headers:
                lines.append('%s: %s' % (name, self.headers[name]))
        lines.append('host ok: %s' % (self.headers['Host'] == '127.0.0.1:%d' % port))
        if body:
            lines.append('body: ' + body.decode())
        return ('\n'.join(lines) + '\n').encode()

    def do_GET(self):
        if self.path == '/missing':
            self.send_error(404, 'No such page')
        elif self.path == '/broken':
            self.send_error(500)
        elif self.path == '/redirect':
            self.send_response(302)
            self.send_header('Location', '/target?from=redirect')
            self.send_header('Content-Length', '0')
            self.end_headers()
        elif self.path == '/redirect-loop':
            self.send_response(301)
            self.send_header('Location', '/redirect-loop')
            self.send_header('Content-Length', '0')
            self.end_headers()
        elif self.path == '/utf8':
            self.reply(200, 'héllo wörld\n'.encode('utf-8'))
        else:
            self.reply(200, self.describe(), [('X-Reply', 'yes')])

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        self.reply(200, self.describe(body))

    def do_PUT(self):
        self.do_POST()

    def do_DELETE(self):
        self.reply(200, self.describe())


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
port = server.server_address[1]
base = 'http://127.0.0.1:%d' % port
thread = threading.Thread(target=server.serve_forever)
thread.start()


def show(resp):
    body = resp.read().decode()
    print(resp.status, resp.reason, resp.getcode(), resp.geturl() == base + resp.url[len(base):],
          resp.url[len(base):])
    print(resp.headers['Content-Type'], resp.info()['X-Reply'], resp.msg)
    print(body, end='')


print('--- GET')
with urllib.request.urlopen(base + '/page?a=1&b=2') as resp:
    print(type(resp).__name__, resp.closed)
    show(resp)
print(resp.closed)

print('--- text')
with urllib.request.urlopen(base + '/utf8', timeout=10) as resp:
    print(resp.read().decode('utf-8'), end='')

print('--- POST with data')
data = urllib.parse.urlencode({'name': 'gilpy', 'words': 'a b&c'}).encode('ascii')
with urllib.request.urlopen(base + '/submit', data=data) as resp:
    show(resp)

print('--- Request objects')
req = urllib.request.Request(base + '/custom#frag', headers={'X-custom': 'value'})
print(req.get_method(), req.type, req.host == '127.0.0.1:%d' % port, req.selector,
      req.fragment, req.full_url == base + '/custom#frag')
print(req.has_header('X-custom'), req.get_header('X-custom'), req.header_items())
with urllib.request.urlopen(req) as resp:
    show(resp)
req = urllib.request.Request(base + '/put', data=b'replacement', method='PUT')
req.add_header('content-type', 'application/octet-stream')
print(req.get_method(), req.data, req.headers)
with urllib.request.urlopen(req) as resp:
    show(resp)
req = urllib.request.Request(base + '/gone', method='DELETE')
with urllib.request.urlopen(req) as resp:
    show(resp)
req = urllib.request.Request(base + '/json', data=b'{"k": 1}',
                             headers={'Content-Type': 'application/json'})
print(req.get_method())
with urllib.request.urlopen(req) as resp:
    show(resp)

print('--- redirect')
with urllib.request.urlopen(base + '/redirect') as resp:
    show(resp)

print('--- HTTPError')
for path in ('/missing', '/broken', '/redirect-loop'):
    try:
        urllib.request.urlopen(base + path)
    except urllib.error.HTTPError as e:
        print(type(e).__name__, e.code, repr(e.reason), str(e).split('\n')[0])
        print(repr(e).split('\n')[0], isinstance(e, urllib.error.URLError), isinstance(e, OSError))
        print(e.headers['Content-Type'], e.status, e.getcode(), e.geturl() == base + path)
        body = e.read().decode()
        print(body.split('\n')[9] if body else '(no body)')
        e.close()

print('--- URLError')
with socket.socket() as s:
    s.bind(('127.0.0.1', 0))
    unused = s.getsockname()[1]
try:
    urllib.request.urlopen('http://127.0.0.1:%d/' % unused)
except urllib.error.URLError as e:
    print(type(e).__name__, type(e.reason).__name__, e.reason, isinstance(e, OSError))
    print(str(e))
for bad in ('not a url', 'gopher://example/'):
    try:
        urllib.request.urlopen(bad)
    except (ValueError, urllib.error.URLError) as e:
        print(type(e).__name__, e)
try:
    urllib.request.urlopen(base + '/x', data='text')
except TypeError as e:
    print('TypeError', e)

server.shutdown()
server.server_close()
thread.join()

print('--- errors by hand')
e = urllib.error.URLError('reason text')
print(e, e.reason, e.args, e.errno)
e = urllib.error.HTTPError('http://h/', 418, 'teapot', {}, None)
print(e, repr(e), e.code, e.reason, e.headers)
