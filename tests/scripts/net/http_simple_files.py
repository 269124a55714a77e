# SimpleHTTPRequestHandler serving files and directory listings.
# Pending: needs open(), os.mkdir/listdir/remove/rmdir/fstat and
# os.path.isdir/isfile/islink; rename to http_simple_files.py (and bless
# its .out with python3) once gilpy has them.
import http.client
import http.server
import os
import threading
from functools import partial

root = os.path.join(os.getcwd(), '_http_simple_files_tmp')
os.mkdir(root)
os.mkdir(os.path.join(root, 'sub dir'))
os.mkdir(os.path.join(root, 'with_index'))
files = {
    'hello.txt': b'hello, world\n',
    'page.html': b'<p>page</p>\n',
    'data.bin': bytes(range(256)),
    'sub dir/inner.txt': b'inner file\n',
    'with_index/index.html': b'<h1>index</h1>\n',
}
for name, data in files.items():
    with open(os.path.join(root, name), 'wb') as f:
        f.write(data)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


server = http.server.ThreadingHTTPServer(('127.0.0.1', 0), partial(Quiet, directory=root))
thread = threading.Thread(target=server.serve_forever)
thread.start()
try:
    conn = http.client.HTTPConnection(*server.server_address)
    for method, path in [('GET', '/hello.txt'), ('GET', '/page.html'), ('HEAD', '/hello.txt'),
                         ('GET', '/data.bin'), ('GET', '/sub%20dir/inner.txt'),
                         ('GET', '/missing.txt'), ('GET', '/sub%20dir'),
                         ('GET', '/sub%20dir/'), ('GET', '/with_index/'), ('GET', '/'),
                         ('GET', '/../../etc/passwd'), ('POST', '/hello.txt')]:
        conn.request(method, path)
        resp = conn.getresponse()
        body = resp.read()
        print(method, path, resp.status, resp.reason, resp.getheader('Content-type'),
              resp.getheader('Content-Length'), resp.getheader('Location'))
        if resp.getheader('Last-Modified'):
            print('  has Last-Modified')
        print(' ', body if len(body) < 300 else (len(body), body[:16]))
        if resp.will_close:
            conn.close()
            conn = http.client.HTTPConnection(*server.server_address)
    conn.close()
finally:
    server.shutdown()
    server.server_close()
    thread.join()
    for name in files:
        os.remove(os.path.join(root, name))
    os.rmdir(os.path.join(root, 'sub dir'))
    os.rmdir(os.path.join(root, 'with_index'))
    os.rmdir(root)
print('cleaned up:', not os.path.exists(root))
