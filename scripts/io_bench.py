"""I/O workloads for comparing gilpy with CPython: one line per workload
with its wall-clock time and this process's CPU time in seconds, both
of the timed part only (on a busy machine the CPU time is the steadier). Runs unchanged under python3 and gilpy;
scripts/io_bench.sh runs it several times per interpreter and compares.

    io_bench.py [WORKLOAD...]     (default: all of them)
"""
import os
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time

TEXT_MB = 50
ROUND_TRIPS = 10_000
ROWS = 100_000
RUNS = 200


def _clocks():
    return time.perf_counter(), time.process_time()


def _since(start):
    """(wall, cpu) seconds since `start` (from _clocks())."""
    return (time.perf_counter() - start[0], time.process_time() - start[1])


def read_lines(folder):
    """Read a 50 MB text file line by line."""
    path = os.path.join(folder, "text.txt")
    line = "the quick brown fox jumps over the lazy dog %d\n"
    with open(path, "w") as f:
        size = i = 0
        while size < TEXT_MB * 1_000_000:
            chunk = "".join(line % (i + k) for k in range(1000))
            f.write(chunk)
            size += len(chunk)
            i += 1000
    start = _clocks()
    n = chars = 0
    with open(path) as f:
        for s in f:
            n += 1
            chars += len(s)
    elapsed = _since(start)
    assert chars == size, (chars, size)
    return elapsed


def socket_round_trips(folder):
    """10,000 request/reply round trips between two threads over TCP."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def echo():
        conn, _ = server.accept()
        with conn:
            while True:
                data = conn.recv(64)
                if not data:
                    break
                conn.sendall(data)

    t = threading.Thread(target=echo)
    t.start()
    client = socket.create_connection(server.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    start = _clocks()
    for i in range(ROUND_TRIPS):
        client.sendall(b"ping %5d" % i)
        got = client.recv(64)
        assert len(got) == 10, got
    elapsed = _since(start)
    client.close()
    t.join()
    server.close()
    return elapsed


def sqlite_rows(folder):
    """Insert 100,000 rows in one transaction, then read them back."""
    path = os.path.join(folder, "bench.db")
    start = _clocks()
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, "
                "value REAL)")
    with con:
        for i in range(ROWS):
            con.execute("INSERT INTO t (name, value) VALUES (?, ?)",
                        ("name %d" % i, i * 0.5))
    total = 0.0
    count = 0
    for _id, name, value in con.execute("SELECT id, name, value FROM t"):
        total += value
        count += 1
    con.close()
    elapsed = _since(start)
    assert count == ROWS
    return elapsed


def subprocess_runs(folder):
    """200 subprocess.run calls of a small program."""
    start = _clocks()
    for _ in range(RUNS):
        r = subprocess.run(["true"], stdout=subprocess.PIPE)
        assert r.returncode == 0
    return _since(start)


WORKLOADS = {
    "read_lines": read_lines,
    "socket_round_trips": socket_round_trips,
    "sqlite_rows": sqlite_rows,
    "subprocess_runs": subprocess_runs,
}


def main():
    names = sys.argv[1:] or list(WORKLOADS)
    for name in names:
        if name not in WORKLOADS:
            sys.exit(f"unknown workload {name!r}; choose from "
                     f"{', '.join(WORKLOADS)}")
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            wall, cpu = WORKLOADS[name](folder)
            print(f"{name} {wall:.4f} {cpu:.4f}", flush=True)


if __name__ == "__main__":
    main()
