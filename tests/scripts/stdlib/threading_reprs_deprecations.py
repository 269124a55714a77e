# Reprs of Semaphore, BoundedSemaphore and Event; DeprecationWarnings of the
# old camelCase aliases.
import re
import threading
import warnings


def show(obj):
    print(re.sub(r'0x[0-9a-f]+', '0xADDR', repr(obj)))


s = threading.Semaphore(2)
show(s)
s.acquire()
show(s)
b = threading.BoundedSemaphore(2)
show(b)
b.acquire(); b.acquire()
show(b)
b.release()
show(b)
show(threading.Semaphore())
e = threading.Event()
show(e)
e.set()
show(e)
e.clear()
show(e)


class MySem(threading.Semaphore):
    pass


show(MySem(5))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    t = threading.Thread(name='worker')
    print(t.isDaemon())
    t.setDaemon(True)
    print(t.daemon)
    print(t.getName())
    t.setName('other')
    print(t.name)
    print(threading.currentThread() is threading.current_thread())
    print(threading.activeCount() == threading.active_count())
    print(e.isSet())
    c = threading.Condition()
    with c:
        c.notifyAll()
for w in caught:
    print(w.category.__name__, str(w.message), w.filename == __file__)

with warnings.catch_warnings():
    warnings.simplefilter('error')
    try:
        threading.Thread().getName()
    except DeprecationWarning as exc:
        print('raised:', exc)
