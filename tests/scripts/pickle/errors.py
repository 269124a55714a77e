import pickle, threading, io, socket, sys

def f():
    def g(): pass
    class L: pass
    return g, L
g, L = f()
lam = lambda x: x

def gen():
    yield 1

def clean(msg):
    msg = str(msg)
    i = msg.find(' at 0x')
    if i >= 0:
        j = msg.index('>', i)
        msg = msg[:i] + ' at ADDR' + msg[j:]
    return msg

sock = socket.socket()
fh = open(__file__)
cases = [('lambda', lam), ('local function', g), ('local class', L), ('local instance', L()),
         ('lock', threading.Lock()), ('rlock', threading.RLock()), ('stdout', sys.stdout),
         ('file', fh), ('socket', sock), ('generator', gen()), ('module', sys),
         ('nested', [1, {'a': threading.Lock()}])]
for name, o in cases:
    for p in (2, 4, 5):
        try:
            pickle.dumps(o, p)
            print(name, p, 'ok')
        except Exception as e:
            print(name, p, type(e).__name__, clean(e))
sock.close(); fh.close()

# recursion
x = []
for i in range(100000):
    x = [x]
try:
    pickle.dumps(x)
except RecursionError as e:
    print('RecursionError', e)
d = {}
cur = d
for i in range(50000):
    cur['k'] = {}
    cur = cur['k']
try:
    pickle.dumps(d)
except RecursionError as e:
    print('RecursionError')

# bad input
for data in [b'', b'\x80\x04', b'\x80\x04K', b'\xff', b'garbage.', b'\x80\x06N.', b'(.', b'0.', b'h\x05.']:
    try:
        print(pickle.loads(data))
    except Exception as e:
        print(data, type(e).__name__, e)
try:
    pickle.loads('text')
except TypeError as e:
    print('TypeError', e)
try:
    pickle.dumps(1, 6)
except ValueError as e:
    print('ValueError', e)
print(pickle.HIGHEST_PROTOCOL, pickle.DEFAULT_PROTOCOL)
print(issubclass(pickle.PicklingError, pickle.PickleError), pickle.PickleError.__mro__[1].__name__)
