# select.select, poll and epoll objects, and the selectors module.
import select
import selectors
import socket


def attempt(label, f):
    try:
        print(label, '->', repr(f()))
    except Exception as e:
        # Descriptor numbers are left out of the output.
        text = str(e).replace(repr(a), '<a>').replace(repr(b), '<b>')
        text = text.replace('FD %d' % b.fileno(), 'FD b')
        print(label, '->', type(e).__name__ + ':', text)


class FileLike:
    """An object select() accepts through its fileno()."""

    def __init__(self, sock, name):
        self.sock = sock
        self.name = name

    def fileno(self):
        return self.sock.fileno()

    def __repr__(self):
        return '<%s>' % self.name


a, b = socket.socketpair()
fa, fb = FileLike(a, 'a'), FileLike(b, 'b')

print('--- select.select')
print(select.select([fa, fb], [], [], 0))
print(select.select([fa], [fa, fb], [], 0))
b.send(b'x')
print(select.select([fa, fb], [], [], 1.0))
print(select.select([a.fileno()], [], [a], 0) == ([a.fileno()], [], []))
a.recv(1)
print(select.select((fa,), (), (), 0.01))
attempt('negative timeout', lambda: select.select([], [], [], -1))
attempt('bad timeout', lambda: select.select([], [], [], 'x'))
attempt('no fileno', lambda: select.select([object()], [], [], 0))
attempt('negative fd', lambda: select.select([-1], [], [], 0))
attempt('not a sequence', lambda: select.select(5, [], [], 0))
print(select.error is OSError)

print('--- poll')
p = select.poll()
p.register(a, select.POLLIN)
p.register(fb.fileno())
print(sorted(p.poll(0)) == sorted([(b.fileno(), select.POLLOUT)]))
b.send(b'y')
events = dict(p.poll(1000))
print(events[a.fileno()] == select.POLLIN, events[b.fileno()] == select.POLLOUT)
p.modify(b, select.POLLIN)
print(p.poll(10) == [(a.fileno(), select.POLLIN)])
a.recv(1)
p.unregister(a)
print(p.poll(0))
try:
    p.unregister(a)
except KeyError as e:
    print('unregister unknown -> KeyError, the fd:', e.args == (a.fileno(),))
attempt('modify unknown', lambda: p.modify(a, select.POLLIN))
attempt('register negative', lambda: p.register(-1))
attempt('register bad', lambda: p.register('x'))
attempt('poll bad timeout', lambda: p.poll('x'))
p.unregister(b)
b.close()
p.register(a, select.POLLIN)
(fd, ev), = p.poll(0)
print('peer closed: readable', bool(ev & select.POLLIN), 'hup', bool(ev & select.POLLHUP))
a.close()

print('--- epoll')
a, b = socket.socketpair()
with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(b, select.EPOLLIN | select.EPOLLOUT)
    print(ep.poll(0) == [(b.fileno(), select.EPOLLOUT)])
    a.send(b'z')
    got = dict(ep.poll(1))
    print(got == {b.fileno(): select.EPOLLIN | select.EPOLLOUT})
    ep.modify(b, select.EPOLLIN)
    print(ep.poll(timeout=0.5, maxevents=1) == [(b.fileno(), select.EPOLLIN)])
    b.recv(1)
    ep.unregister(b)
    print(ep.poll(0.01))
    attempt('register twice', lambda: ep.register(a))
    attempt('unregister unknown', lambda: ep.unregister(b))
    attempt('maxevents 0', lambda: ep.poll(0, 0))
print(ep.closed)
attempt('poll closed', lambda: ep.poll(0))
attempt('fileno closed', ep.fileno)
print(select.EPOLLIN, select.EPOLLOUT, select.EPOLLET, select.POLLIN, select.POLLOUT, select.POLLHUP)

print('--- selectors')
for cls in (selectors.DefaultSelector, selectors.SelectSelector,
            selectors.PollSelector, selectors.EpollSelector):
    print(cls.__name__)
    with cls() as sel:
        key = sel.register(a, selectors.EVENT_READ, data='reader a')
        print(' ', key.events, key.data, key.fd == a.fileno(), key.fileobj is a)
        sel.register(b, selectors.EVENT_WRITE, 'writer b')
        print(' ', len(sel.get_map()), sel.get_key(b).data, a in sel.get_map())
        print(' ', [(k.data, ev) for k, ev in sel.select(0)])
        b.send(b'!')
        print(' ', sorted((k.data, ev) for k, ev in sel.select(1)))
        a.recv(1)
        sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, 'both')
        print(' ', sorted((k.data, ev) for k, ev in sel.select(1)))
        sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, 'new data only')
        print(' ', sel.get_key(a).data)
        sel.unregister(a)
        attempt('  get_key', lambda: sel.get_key(a))
        attempt('  register bad events', lambda: sel.register(a, 0))
        attempt('  register twice', lambda: sel.register(b, selectors.EVENT_READ))
        attempt('  unregister unknown', lambda: sel.unregister(a))
        attempt('  bad fileobj', lambda: sel.register('x', selectors.EVENT_READ))
        print(' ', [k.data for k in sel.get_map().values()])
    print('  closed map:', sel.get_map())
print(selectors.EVENT_READ, selectors.EVENT_WRITE)
print(selectors.SelectorKey._fields)
a.close()
b.close()
