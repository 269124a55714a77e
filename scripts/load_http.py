# Load test: CLIENTS concurrent clients (default 500) each making PER_CLIENT
# requests (default 20) over one keep-alive connection to a local
# ThreadingHTTPServer. Prints how many requests succeeded and whether the
# resident size after the run is within 10% of that after 1,000 requests.
# gilpy scripts/load_http.py [CLIENTS [PER_CLIENT]]
import http.client
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
PER_CLIENT = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'):
                return int(line.split()[1])


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = ("hello " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(ThreadingHTTPServer):
    daemon_threads = True
    # Room for every client's connect at once in the listen backlog.
    request_queue_size = 1024


server = Server(("127.0.0.1", 0), Handler)
port = server.server_address[1]
threading.Thread(target=server.serve_forever, daemon=True).start()

lock = threading.Lock()
done = [0]
errors = []
mark = {}
start = threading.Barrier(CLIENTS)


def client(k):
    try:
        start.wait()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for i in range(PER_CLIENT):
            path = "/%d/%d" % (k, i)
            conn.request("GET", path)
            resp = conn.getresponse()
            body = resp.read()
            if resp.status != 200 or body != ("hello " + path).encode():
                errors.append((k, i, resp.status, body))
            with lock:
                done[0] += 1
                if done[0] == 1000:
                    mark["first"] = rss_kb()
        conn.close()
    except Exception as e:
        errors.append((k, repr(e)))


threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
server.shutdown()
last = rss_kb()
print("requests", done[0], "errors", len(errors), errors[:3])
print("memory flat", last <= mark.get("first", 0) * 1.10, mark.get("first"), last)
