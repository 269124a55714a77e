# Sockets and threads: blocking calls let other threads run, one socket
# shared by several threads, and no descriptor leaks when sockets are
# dropped without close().
import os
import socket
import threading


def open_fds():
    """Open descriptors, where /proc/self/fd can be listed; else None."""
    if hasattr(os, 'listdir'):
        try:
            return len(os.listdir('/proc/self/fd'))
        except OSError:
            pass
    return None


print('--- dropped sockets are closed')
probe = socket.socket()
first_free = probe.fileno()
probe.close()
before = open_fds()
for i in range(10000):
    socket.socket()
for i in range(100):
    pair = socket.socketpair()
kept = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for i in range(500)]
kept = None
pair = None
srv = socket.create_server(('127.0.0.1', 0))
for i in range(50):
    c = socket.create_connection(srv.getsockname())
    conn, addr = srv.accept()
c = conn = None
srv = None
after = open_fds()
probe = socket.socket()
print('lowest free descriptor unchanged:', probe.fileno() == first_free)
print('open descriptors unchanged:', before == after)
probe.close()

print('--- a blocked recv lets other threads run')
a, b = socket.socketpair()
got = []
reader = threading.Thread(target=lambda: got.append(a.recv(100)))
reader.start()
total = 0
for i in range(200000):
    total += i
b.sendall(b'wake up')
reader.join()
print(total, got)

print('--- two writers on one socket')
a, b = socket.socketpair()


def writer(byte):
    for i in range(100):
        a.sendall(byte * 1000)


writers = [threading.Thread(target=writer, args=(x,)) for x in (b'x', b'y')]
received = bytearray()


def drain():
    while len(received) < 200000:
        chunk = b.recv(65536)
        if not chunk:
            break
        received[len(received):] = chunk


d = threading.Thread(target=drain)
d.start()
for w in writers:
    w.start()
for w in writers:
    w.join()
d.join()
text = bytes(received).decode('ascii')
print(len(text), text.count('x'), text.count('y'))

print('--- two readers on one socket')
a, b = socket.socketpair()
counts = []
lock = threading.Lock()


def reader_thread():
    n = 0
    while True:
        chunk = b.recv(1000)
        if not chunk:
            break
        n += len(chunk)
    with lock:
        counts.append(n)


readers = [threading.Thread(target=reader_thread) for _ in range(2)]
for r in readers:
    r.start()
for i in range(200):
    a.sendall(b'z' * 500)
a.shutdown(socket.SHUT_WR)
for r in readers:
    r.join()
print(sum(counts), len(counts))
a.close()
b.close()

print('--- many threads, one listener')
srv = socket.create_server(('127.0.0.1', 0))
srv.settimeout(10)
results = []


def accept_one():
    conn, _ = srv.accept()
    with conn:
        data = conn.recv(100)
        conn.sendall(data.decode().upper().encode())


acceptors = [threading.Thread(target=accept_one) for _ in range(8)]
for t in acceptors:
    t.start()
for i in range(8):
    with socket.create_connection(srv.getsockname(), timeout=10) as c:
        c.sendall(b'client %d' % i)
        results.append(c.recv(100))
for t in acceptors:
    t.join()
srv.close()
print(results)
