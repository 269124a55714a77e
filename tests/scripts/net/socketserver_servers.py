# socketserver: TCP and UDP servers, the threading mix-in, stream and
# datagram handlers, serve_forever with shutdown from another thread.
import socket
import socketserver
import threading


class UpperHandler(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            text = line.decode('utf-8').rstrip('\n')
            if text == 'quit':
                self.wfile.write(b'bye\n')
                break
            self.wfile.write((text.upper() + '\n').encode('utf-8'))


class ReverseHandler(socketserver.DatagramRequestHandler):
    def handle(self):
        data = self.rfile.read()
        self.wfile.write(data[::-1])


class PlainHandler(socketserver.BaseRequestHandler):
    def setup(self):
        events.append('setup')

    def handle(self):
        data = self.request.recv(100)
        events.append(('handle', data))
        self.request.sendall(b'got ' + data)

    def finish(self):
        events.append('finish')


def serve_in_thread(server):
    t = threading.Thread(target=server.serve_forever, args=(0.05,))
    t.start()
    return t


print('--- threading TCP server')
with socketserver.ThreadingTCPServer(('127.0.0.1', 0), UpperHandler) as server:
    print(type(server.server_address).__name__, server.server_address[0])
    print(server.socket.type, server.allow_reuse_address, server.daemon_threads)
    t = serve_in_thread(server)
    clients = []
    for i in range(3):
        c = socket.create_connection(server.server_address)
        clients.append((c, c.makefile('rwb')))
    for i, (c, f) in enumerate(clients):
        f.write(('hello from client %d\n' % i).encode())
        f.flush()
    for i, (c, f) in enumerate(clients):
        print(f.readline())
    for c, f in clients:
        f.write(b'quit\n')
        f.flush()
        print(f.readline(), f.readline())
        f.close()
        c.close()
    server.shutdown()
    t.join()
print('served and shut down')

print('--- plain TCP server, one request at a time')
events = []
server = socketserver.TCPServer(('127.0.0.1', 0), PlainHandler)
t = serve_in_thread(server)
for word in (b'one', b'two'):
    with socket.create_connection(server.server_address) as c:
        c.sendall(word)
        print(c.recv(100))
server.shutdown()
t.join()
server.server_close()
print(events)

print('--- handle_request with a timeout')
server = socketserver.TCPServer(('127.0.0.1', 0), PlainHandler)
server.timeout = 0.05
timeouts = []
server.handle_timeout = lambda: timeouts.append('timeout')
server.handle_request()
print(timeouts)
server.server_close()

print('--- UDP server')
with socketserver.UDPServer(('127.0.0.1', 0), ReverseHandler) as server:
    t = serve_in_thread(server)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        for word in (b'datagram', b'stressed'):
            c.sendto(word, server.server_address)
            data, addr = c.recvfrom(100)
            print(data, addr == server.server_address)
    server.shutdown()
    t.join()

print('--- threading UDP server')
with socketserver.ThreadingUDPServer(('127.0.0.1', 0), ReverseHandler) as server:
    t = serve_in_thread(server)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
        c.sendto(b'abc', server.server_address)
        print(c.recvfrom(100)[0])
    server.shutdown()
    t.join()

print('--- bind_and_activate=False, reuse address')


class ReusingServer(socketserver.TCPServer):
    allow_reuse_address = True


server = ReusingServer(('127.0.0.1', 0), PlainHandler, bind_and_activate=False)
print(server.server_address)
server.server_bind()
server.server_activate()
print(server.socket.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(server.fileno() == server.socket.fileno())
server.server_close()

print('--- a handler that fails')


class FailingHandler(socketserver.BaseRequestHandler):
    def handle(self):
        raise ValueError('handler failed')


errors = []


class QuietServer(socketserver.TCPServer):
    def handle_error(self, request, client_address):
        import sys
        errors.append(sys.exc_info()[0].__name__)


server = QuietServer(('127.0.0.1', 0), FailingHandler)
t = serve_in_thread(server)
with socket.create_connection(server.server_address) as c:
    print('closed by server:', c.recv(10))
server.shutdown()
t.join()
server.server_close()
print(errors)
