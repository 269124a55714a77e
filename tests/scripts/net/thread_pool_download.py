# A thread pool downloading 20 pages with urlopen from a local threading
# HTTP server started in a thread.
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor, as_completed
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler


class PageHandler(BaseHTTPRequestHandler):
    def do_GET(self):
        n = int(self.path.rsplit('/', 1)[-1])
        body = ('<html><body><h1>Page %d</h1>%s</body></html>\n'
                % (n, '<p>paragraph</p>' * n)).encode('utf-8')
        self.send_response(200)
        self.send_header('Content-Type', 'text/html; charset=utf-8')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


server = ThreadingHTTPServer(('127.0.0.1', 0), PageHandler)
host, port = server.server_address
server_thread = threading.Thread(target=server.serve_forever, daemon=True)
server_thread.start()

URLS = ['http://%s:%d/pages/%d' % (host, port, n) for n in range(20)]


def download(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        body = response.read()
        return response.status, response.headers.get_content_charset(), body


with ThreadPoolExecutor(max_workers=5) as pool:
    results = list(pool.map(download, URLS))

for url, (status, charset, body) in zip(URLS, results):
    text = body.decode(charset)
    print(url.rsplit('/', 1)[-1], status, charset, len(body), text[:28], text.count('<p>'))

with ThreadPoolExecutor(max_workers=8) as pool:
    futures = {pool.submit(download, url): url for url in URLS}
    sizes = {}
    for future in as_completed(futures):
        sizes[futures[future].rsplit('/', 1)[-1]] = len(future.result()[2])
print(sorted(sizes.items(), key=lambda kv: int(kv[0])) == [(str(n), len(results[n][2])) for n in range(20)])
print('total bytes:', sum(len(body) for status, charset, body in results))

server.shutdown()
server.server_close()
server_thread.join()
print('server stopped')
