# Timeouts, non-blocking sockets and the errors of broken connections.
import socket
import threading
import time


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e, getattr(e, 'errno', None))


def unused_port():
    """A port nobody listens on: bound, then closed without listening."""
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]


print('--- timeouts')
a, b = socket.socketpair()
a.settimeout(0.05)
start = time.monotonic()
attempt('recv with timeout', lambda: a.recv(10))
print('waited at least the timeout:', time.monotonic() - start >= 0.04)
try:
    a.recv(10)
except socket.timeout as e:
    print('socket.timeout caught:', type(e).__name__, e.args, e.errno)
b.send(b'late')
print('data after a timeout:', a.recv(10))
a.settimeout(0)
attempt('recv non-blocking', lambda: a.recv(10))
a.setblocking(False)
attempt('recv_into non-blocking', lambda: a.recv_into(bytearray(4)))
a.settimeout(None)
b.send(b'blocking again')
print(a.recv(100))

# Fill the send buffer: a send with a timeout times out, a non-blocking one
# raises BlockingIOError.
a.settimeout(0.05)
sent = 0
try:
    while True:
        sent += a.send(b'x' * 65536)
except TimeoutError as e:
    print('send timed out after filling the buffer:', sent > 0, e)
a.setblocking(False)
try:
    while True:
        a.send(b'x' * 65536)
except BlockingIOError as e:
    print('non-blocking send on a full buffer:', e)
a.settimeout(0.05)
attempt('sendall timeout', lambda: a.sendall(b'y' * 1000000))
a.close()
b.close()

print('--- accept and connect timeouts')
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
srv.settimeout(0.05)
attempt('accept timeout', srv.accept)
srv.setblocking(False)
attempt('accept non-blocking', srv.accept)
c = socket.create_connection(srv.getsockname(), timeout=3)
print('create_connection timeout:', c.gettimeout())
srv.settimeout(1)
conn, addr = srv.accept()
print('accepted with a default-timeout listener:', conn.gettimeout(), conn.getblocking())
conn.close()
c.close()
srv.close()

print('--- refused')
port = unused_port()
attempt('connect refused', lambda: socket.create_connection(('127.0.0.1', port)))
with socket.socket() as s:
    attempt('connect_ex refused', lambda: s.connect_ex(('127.0.0.1', port)))
with socket.socket() as s:
    s.settimeout(2)
    attempt('connect refused with timeout', lambda: s.connect(('127.0.0.1', port)))
with socket.socket() as s:
    s.setblocking(False)
    r = s.connect_ex(('127.0.0.1', port))
    print('non-blocking connect_ex:', r in (111, 115))

print('--- broken connections')
a, b = socket.socketpair()
b.close()
attempt('send to a closed peer', lambda: a.send(b'data'))
attempt('sendall to a closed peer', lambda: a.sendall(b'data' * 100000))
print('recv from a closed peer:', a.recv(10))
a.close()

# A TCP peer that closes with unread data resets the connection.
srv = socket.create_server(('127.0.0.1', 0))
c = socket.create_connection(srv.getsockname())
conn, _ = srv.accept()
c.sendall(b'unread')
time.sleep(0.05)
conn.close()
time.sleep(0.05)
try:
    c.sendall(b'more')
    time.sleep(0.05)
    c.recv(10)
    print('no error')
except ConnectionResetError as e:
    print('ConnectionResetError:', e)
c.close()
srv.close()

print('--- shutdown')
a, b = socket.socketpair()
a.shutdown(socket.SHUT_WR)
print('reader sees the end:', b.recv(10))
b.sendall(b'still open the other way')
print(a.recv(100))
attempt('send after SHUT_WR', lambda: a.send(b'x'))
a.close()
b.close()

print('--- close while another thread waits')
a, b = socket.socketpair()
result = []


def reader():
    try:
        result.append(('got', a.recv(10)))
    except OSError as e:
        result.append(('error', type(e).__name__))


t = threading.Thread(target=reader)
t.start()
time.sleep(0.1)
a.close()
b.close()
t.join(5)
print('reader woke up:', not t.is_alive(), result in ([('got', b'')], [('error', 'OSError')]))
