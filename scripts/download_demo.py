"""Real downloads on a thread pool: the waits overlap.

A local ThreadingHTTPServer (127.0.0.1, a free port) serves pages slowly,
as a far-away server would: each response waits a little before its
first byte and then trickles in a few pieces. The pages are fetched with
urllib by a ThreadPoolExecutor of 1, 2, 4 and 8 threads. A thread waiting
for the network releases the GIL, so the threads' waits overlap and the
pool scales with the GIL on too (run it with `gilpy -X gilstats` to see
the time counted as blocked in I/O, not waiting for the GIL).

    download_demo.py [THREADS...]    (default: 1 2 4 8)
"""
import sys
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGES = 32
PAGE_BYTES = 32 * 1024
PIECES = 4
FIRST_BYTE_DELAY = 0.04   # seconds before the response starts
PIECE_DELAY = 0.005       # seconds between the pieces of the body


class SlowHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"

    def do_GET(self):
        time.sleep(FIRST_BYTE_DELAY)
        n = int(self.path.rsplit("/", 1)[-1])
        body = (b"%08d" % n) * (PAGE_BYTES // 8)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = len(body) // PIECES
        for i in range(0, len(body), step):
            self.wfile.write(body[i:i + step])
            self.wfile.flush()
            time.sleep(PIECE_DELAY)

    def log_message(self, format, *args):
        pass


class Server(ThreadingHTTPServer):
    # Room for every pool thread's connection at once: with the default
    # backlog of 5 a dropped connection attempt is retried only after 1 s.
    request_queue_size = 64
    daemon_threads = True


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as r:
        return len(r.read())


def run(base, threads):
    urls = [f"{base}/page/{i}" for i in range(PAGES)]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=threads) as pool:
        total = sum(pool.map(fetch, urls))
    elapsed = time.perf_counter() - start
    assert total == PAGES * PAGE_BYTES, total
    return elapsed


def gil_state():
    enabled = getattr(sys, "_is_gil_enabled", lambda: True)()
    return "on" if enabled else "off"


def main():
    server = Server(("127.0.0.1", 0), SlowHandler)
    serving = threading.Thread(target=server.serve_forever, daemon=True)
    serving.start()
    base = "http://127.0.0.1:%d" % server.server_address[1]
    print(f"{sys.version.split()[0]} {sys.version[sys.version.find('('):]}  GIL {gil_state()}")
    print(f"{PAGES} pages of {PAGE_BYTES // 1024} KiB, each taking at least "
          f"{FIRST_BYTE_DELAY + PIECES * PIECE_DELAY:.2f} s to arrive")
    print()
    print(f"{'threads':>8}{'elapsed (s)':>14}{'speed-up':>10}")
    base_time = None
    for n in [int(a) for a in sys.argv[1:]] or (1, 2, 4, 8):
        elapsed = run(base, n)
        base_time = base_time or elapsed
        print(f"{n:>8}{elapsed:>14.3f}{base_time / elapsed:>9.2f}x")
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
