# SimpleHTTPRequestHandler's URL-to-path mapping and content types (no
# files involved).
import http.server


class Handler(http.server.SimpleHTTPRequestHandler):
    def __init__(self):
        # Not serving a request: only the path helpers are used.
        self.directory = '/srv/www'


h = Handler()
for path in ['/', '/index.html', '/a/b/c.txt', '/a/../b', '/../../etc/passwd',
             '/a/./b/', '/%2e%2e/secret', '/with%20space.html?q=1#frag',
             '//double//slashes', '/dir/', '/caf%C3%A9.txt', '/a/b/..']:
    print(repr(path), '->', h.translate_path(path))
for name in ['x.html', 'x.HTM', 'x.txt', 'x.png', 'x.css', 'x.json', 'x.gz',
             'x.tar.bz2', 'x.xz', 'x.Z', 'x.unknownext', 'noext']:
    print(name, h.guess_type(name))
print(Handler.server_version, http.server.BaseHTTPRequestHandler.server_version)
print(sorted(Handler.extensions_map.items()))
