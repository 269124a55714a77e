# logging.handlers: queue handler/listener, memory and buffering handlers,
# rotating, timed rotating and watched files
import io
import re
import os
import queue
import shutil
import tempfile
import threading
import logging
import logging.handlers
from logging.handlers import (QueueHandler, QueueListener, MemoryHandler,
                              BufferingHandler, RotatingFileHandler,
                              TimedRotatingFileHandler, WatchedFileHandler)


class ListHandler(logging.Handler):
    def __init__(self, level=logging.NOTSET):
        logging.Handler.__init__(self, level)
        self.records = []

    def emit(self, record):
        self.records.append(re.sub(r'File ".*/', 'File "', self.format(record)))


# QueueHandler + QueueListener with worker threads
q = queue.Queue()
qh = QueueHandler(q)
log = logging.getLogger('app.queue')
log.propagate = False
log.setLevel(logging.DEBUG)
log.addHandler(qh)

sink = ListHandler()
sink.setFormatter(logging.Formatter('%(levelname)s:%(name)s:%(message)s'))
errors_only = ListHandler(logging.ERROR)
listener = QueueListener(q, sink, errors_only, respect_handler_level=True)
listener.start()


def worker(n):
    for i in range(3):
        log.info('worker %d step %d', n, i)
    if n == 1:
        log.error('worker %d failed: %s', n, 'oops')

threads = [threading.Thread(target=worker, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
try:
    raise ValueError('bad value')
except ValueError:
    log.exception('caught')
listener.stop()
print(len(sink.records), sorted(sink.records)[:4])
print(errors_only.records)
exc_lines = [r for r in sink.records if r.startswith('ERROR:app.queue:caught')]
print(exc_lines[0].splitlines()[0], exc_lines[0].splitlines()[-1])
print(q.empty(), listener._thread)

# what goes through the queue: a prepared copy
q2 = queue.SimpleQueue()
h2 = QueueHandler(q2)
record = logging.makeLogRecord({'msg': 'x=%d', 'args': (5,), 'name': 'n', 'levelno': 20, 'levelname': 'INFO'})
h2.handle(record)
got = q2.get()
print(got is record, got.msg, got.args, got.message, got.exc_info, record.msg, record.args)
h2.setFormatter(logging.Formatter('[%(message)s]'))
h2.handle(record)
print(q2.get().msg)

# listener without respect_handler_level passes everything
q3 = queue.Queue()
lvl = ListHandler(logging.CRITICAL)
ql = QueueListener(q3, lvl)
ql.start()
q3.put(logging.makeLogRecord({'msg': 'low', 'levelno': 10}))
ql.stop()
print(lvl.records)

# MemoryHandler: flush when full, at flushLevel, and on close
target = ListHandler()
mem = MemoryHandler(3, flushLevel=logging.ERROR, target=target)
mlog = logging.getLogger('app.memory')
mlog.propagate = False
mlog.setLevel(logging.DEBUG)
mlog.addHandler(mem)
mlog.debug('one')
mlog.info('two')
print(len(mem.buffer), target.records)
mlog.info('three')
print(len(mem.buffer), target.records)
mlog.info('four')
mlog.error('five')
print(len(mem.buffer), target.records)
mlog.info('six')
mem.close()
print(len(mem.buffer), target.records, mem.target)
mlog.removeHandler(mem)
no_target = MemoryHandler(2)
no_target.handle(logging.makeLogRecord({'msg': 'kept', 'levelno': 20}))
no_target.handle(logging.makeLogRecord({'msg': 'kept too', 'levelno': 20}))
print(len(no_target.buffer))
later = ListHandler()
no_target.setTarget(later)
no_target.flush()
print(later.records, no_target.buffer)
quiet = MemoryHandler(10, target=later, flushOnClose=False)
quiet.handle(logging.makeLogRecord({'msg': 'dropped', 'levelno': 20}))
quiet.close()
print(later.records)

# BufferingHandler forgets on flush
class Collect(BufferingHandler):
    flushed = []

    def flush(self):
        self.flushed.append([r.getMessage() for r in self.buffer])
        BufferingHandler.flush(self)

bh = Collect(2)
for text in ['a', 'b', 'c']:
    bh.handle(logging.makeLogRecord({'msg': text}))
print(Collect.flushed, [r.msg for r in bh.buffer])
bh.close()
print(Collect.flushed)

# files
tmp = tempfile.mkdtemp()
try:
    path = os.path.join(tmp, 'app.log')
    rh = RotatingFileHandler(path, maxBytes=40, backupCount=2)
    rh.setFormatter(logging.Formatter('%(message)s'))
    flog = logging.getLogger('app.files')
    flog.propagate = False
    flog.setLevel(logging.INFO)
    flog.addHandler(rh)
    for i in range(10):
        flog.info('message number %d', i)
    rh.close()
    flog.removeHandler(rh)
    for name in sorted(os.listdir(tmp)):
        with open(os.path.join(tmp, name)) as f:
            print(name, repr(f.read()))

    # namer and rotator
    path2 = os.path.join(tmp, 'named.log')
    rh2 = RotatingFileHandler(path2, maxBytes=10, backupCount=3)
    rh2.namer = lambda name: name + '.old'
    moves = []

    def rotator(source, dest):
        moves.append((os.path.basename(source), os.path.basename(dest)))
        os.rename(source, dest)
    rh2.rotator = rotator
    for text in ['first line', 'second line', 'third line']:
        rh2.handle(logging.makeLogRecord({'msg': text}))
    rh2.close()
    print(moves, sorted(n for n in os.listdir(tmp) if n.startswith('named')))
    print(rh2.rotation_filename('x'), RotatingFileHandler(path2, maxBytes=0, delay=True).shouldRollover(
        logging.makeLogRecord({'msg': 'y' * 100})))

    # timed rotation: force the rollover time
    path3 = os.path.join(tmp, 'timed.log')
    th = TimedRotatingFileHandler(path3, when='S', backupCount=1)
    print(th.when, th.interval, th.suffix, th.rolloverAt - th.computeRollover(0) > 0)
    th.handle(logging.makeLogRecord({'msg': 'before'}))
    th.rolloverAt = 0
    th.handle(logging.makeLogRecord({'msg': 'after'}))
    rotated = sorted(n for n in os.listdir(tmp) if n.startswith('timed.log.'))
    print(len(rotated), bool(th.extMatch.match(rotated[0][len('timed.log.'):])))
    th.close()
    with open(path3) as f:
        print(repr(f.read()))
    for when, interval in [('M', 2), ('H', 1), ('D', 1), ('MIDNIGHT', 1), ('W0', 1)]:
        h = TimedRotatingFileHandler(path3, when=when, interval=interval, delay=True, utc=True)
        print(when, h.interval, h.suffix, h.computeRollover(3600 * 30) - 3600 * 30)
        h.close()
    for bad in ['X', 'W7', 'W']:
        try:
            TimedRotatingFileHandler(path3, when=bad, delay=True)
        except ValueError as e:
            print('ValueError:', e)

    # watched file: reopened after the file is moved away
    path4 = os.path.join(tmp, 'watched.log')
    wh = WatchedFileHandler(path4)
    wh.handle(logging.makeLogRecord({'msg': 'first'}))
    os.rename(path4, path4 + '.moved')
    wh.handle(logging.makeLogRecord({'msg': 'second'}))
    wh.close()
    for name in ['watched.log', 'watched.log.moved']:
        with open(os.path.join(tmp, name)) as f:
            print(name, repr(f.read()))
finally:
    shutil.rmtree(tmp)
print(logging.handlers.DEFAULT_TCP_LOGGING_PORT, logging.handlers.SYSLOG_UDP_PORT)
sh = logging.handlers.SocketHandler('localhost', None)
data = sh.makePickle(logging.makeLogRecord({'msg': 'p %s', 'args': ('q',)}))
import struct, pickle
size = struct.unpack('>L', data[:4])[0]
print(size == len(data) - 4, pickle.loads(data[4:])['msg'])
