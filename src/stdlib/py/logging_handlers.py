"""More logging handlers, as CPython 3.11's logging.handlers: files that
rotate by size or time, files watched for replacement, buffering in memory,
queues (with a listener thread), and sockets.
"""

import os
import re
import sys
import time
import queue
import threading
import logging

__all__ = [
    'BaseRotatingHandler', 'RotatingFileHandler', 'TimedRotatingFileHandler',
    'WatchedFileHandler', 'BufferingHandler', 'MemoryHandler', 'QueueHandler',
    'QueueListener', 'SocketHandler', 'DatagramHandler',
    'DEFAULT_TCP_LOGGING_PORT', 'DEFAULT_UDP_LOGGING_PORT',
    'DEFAULT_HTTP_LOGGING_PORT', 'DEFAULT_SOAP_LOGGING_PORT',
    'SYSLOG_UDP_PORT', 'SYSLOG_TCP_PORT',
]

DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514

_SECONDS_PER_DAY = 24 * 60 * 60


# -- rotating files -------------------------------------------------------------------

class BaseRotatingHandler(logging.FileHandler):
    """A file handler that, before writing a record, asks shouldRollover()
    and if so calls doRollover().  namer (a function of the default name)
    and rotator (a function of source and destination) may be set to
    change how old files are named and moved."""

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        """The name of a rotated file: default_name, or what namer makes of it."""
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        """Move the current file aside: os.rename, or the rotator if set."""
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)

    def _close_stream(self):
        if self.stream:
            self.stream.close()
            self.stream = None


class RotatingFileHandler(BaseRotatingHandler):
    """Writes to filename until it would grow past maxBytes, then renames it
    filename.1 (shifting filename.1 to filename.2 and so on, keeping
    backupCount old files) and starts a new one.  maxBytes 0 never rolls
    over."""

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = 'a'  # truncating would lose what the size check counts
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        """Rename the files one number up and reopen the base file."""
        self._close_stream()
        base = self.baseFilename
        if self.backupCount > 0:
            number = self.backupCount - 1
            while number > 0:
                older = self.rotation_filename('%s.%d' % (base, number))
                newer = self.rotation_filename('%s.%d' % (base, number + 1))
                if os.path.exists(older):
                    if os.path.exists(newer):
                        os.remove(newer)
                    os.rename(older, newer)
                number -= 1
            first = self.rotation_filename(base + '.1')
            if os.path.exists(first):
                os.remove(first)
            self.rotate(base, first)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        """Whether writing record would take the file to maxBytes or more."""
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False  # a device or the like: never rotated
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            text = '%s\n' % self.format(record)
            self.stream.seek(0, 2)
            if self.stream.tell() + len(text) >= self.maxBytes:
                return True
        return False


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Starts a new file at intervals: when is 'S', 'M', 'H', 'D' (seconds,
    minutes, hours, days, times interval), 'MIDNIGHT' or 'W0'..'W6' (a
    weekday, Monday being 0), at atTime (a datetime.time) for the last two.
    Old files get a time suffix; backupCount of them are kept."""

    def __init__(self, filename, when='h', interval=1, backupCount=0,
                 encoding=None, delay=False, utc=False, atTime=None,
                 errors=None):
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding,
                                     delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        kind = self.when
        if kind == 'S':
            self.interval = 1
            self.suffix = '%Y-%m-%d_%H-%M-%S'
            pattern = r'^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}(\.\w+)?$'
        elif kind == 'M':
            self.interval = 60
            self.suffix = '%Y-%m-%d_%H-%M'
            pattern = r'^\d{4}-\d{2}-\d{2}_\d{2}-\d{2}(\.\w+)?$'
        elif kind == 'H':
            self.interval = 60 * 60
            self.suffix = '%Y-%m-%d_%H'
            pattern = r'^\d{4}-\d{2}-\d{2}_\d{2}(\.\w+)?$'
        elif kind == 'D' or kind == 'MIDNIGHT':
            self.interval = _SECONDS_PER_DAY
            self.suffix = '%Y-%m-%d'
            pattern = r'^\d{4}-\d{2}-\d{2}(\.\w+)?$'
        elif kind.startswith('W'):
            self.interval = _SECONDS_PER_DAY * 7
            if len(kind) != 2:
                raise ValueError('You must specify a day for weekly rollover '
                                 'from 0 to 6 (0 is Monday): %s' % kind)
            if kind[1] < '0' or kind[1] > '6':
                raise ValueError('Invalid day specified for weekly rollover: %s' % kind)
            self.dayOfWeek = int(kind[1])
            self.suffix = '%Y-%m-%d'
            pattern = r'^\d{4}-\d{2}-\d{2}(\.\w+)?$'
        else:
            raise ValueError('Invalid rollover interval specified: %s' % kind)
        self.extMatch = re.compile(pattern, re.ASCII)
        self.interval = self.interval * interval
        filename = self.baseFilename
        if os.path.exists(filename):
            start = int(os.stat(filename).st_mtime)
        else:
            start = int(time.time())
        self.rolloverAt = self.computeRollover(start)

    def _time_tuple(self, moment):
        if self.utc:
            return time.gmtime(moment)
        return time.localtime(moment)

    def computeRollover(self, currentTime):
        """The time of the rollover after currentTime."""
        result = currentTime + self.interval
        if self.when != 'MIDNIGHT' and not self.when.startswith('W'):
            return result
        parts = self._time_tuple(currentTime)
        now_seconds = parts[3] * 3600 + parts[4] * 60 + parts[5]
        if self.atTime is None:
            at_seconds = _SECONDS_PER_DAY  # the coming midnight
        else:
            at = self.atTime
            at_seconds = at.hour * 3600 + at.minute * 60 + at.second
        remaining = at_seconds - now_seconds
        weekday = parts[6]
        if remaining < 0:
            remaining += _SECONDS_PER_DAY
            weekday = (weekday + 1) % 7
        result = currentTime + remaining
        if self.when.startswith('W') and weekday != self.dayOfWeek:
            result += ((self.dayOfWeek - weekday) % 7) * _SECONDS_PER_DAY
            if not self.utc:
                # a daylight saving change before the rollover moves it an hour
                dst_now = parts[-1]
                dst_then = time.localtime(result)[-1]
                if dst_now != dst_then:
                    if not dst_now:
                        result -= 3600
                    else:
                        result += 3600
        return result

    def shouldRollover(self, record):
        """Whether the rollover time has come."""
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            self.rolloverAt = self.computeRollover(int(time.time()))
            return False
        return int(time.time()) >= self.rolloverAt

    def getFilesToDelete(self):
        """The oldest rotated files beyond backupCount."""
        folder, base = os.path.split(self.baseFilename)
        prefix = base + '.'
        found = []
        for name in os.listdir(folder):
            if not name.startswith(prefix):
                continue
            rest = name[len(prefix):]
            if self.extMatch.match(rest):
                found.append(os.path.join(folder, name))
        if len(found) <= self.backupCount:
            return []
        found.sort()
        return found[:len(found) - self.backupCount]

    def doRollover(self):
        """Rename the file with the time suffix of the period it covers,
        delete the oldest ones and reopen."""
        self._close_stream()
        now = int(time.time())
        period_start = self.rolloverAt - self.interval
        parts = self._time_tuple(period_start)
        if not self.utc:
            dst_now = time.localtime(now)[-1]
            dst_then = parts[-1]
            if dst_now != dst_then:
                shift = 3600 if dst_now else -3600
                parts = time.localtime(period_start + shift)
        target = self.rotation_filename(
            self.baseFilename + '.' + time.strftime(self.suffix, parts))
        if os.path.exists(target):
            os.remove(target)
        self.rotate(self.baseFilename, target)
        if self.backupCount > 0:
            for old in self.getFilesToDelete():
                os.remove(old)
        if not self.delay:
            self.stream = self._open()
        next_at = self.computeRollover(now)
        while next_at <= now:
            next_at += self.interval
        self.rolloverAt = next_at


# -- watched files --------------------------------------------------------------------

class WatchedFileHandler(logging.FileHandler):
    """A file handler that reopens its file when it was moved or deleted
    (by a log rotation tool, say) before writing each record."""

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream:
            info = os.fstat(self.stream.fileno())
            self.dev, self.ino = info.st_dev, info.st_ino

    def reopenIfNeeded(self):
        """Reopen the file if the name now leads to another file (or none)."""
        try:
            info = os.stat(self.baseFilename)
        except FileNotFoundError:
            info = None
        if info is not None and info.st_dev == self.dev and info.st_ino == self.ino:
            return
        if self.stream is not None:
            self.stream.flush()
            self.stream.close()
            self.stream = None
            self.stream = self._open()
            self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


# -- buffering --------------------------------------------------------------------------

class BufferingHandler(logging.Handler):
    """Keeps records in self.buffer; flush() (here: forgetting them) runs
    when shouldFlush() says so, by default once capacity records are held."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        """Whether the buffer is full."""
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        self.acquire()
        try:
            self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffers records and passes them all to target when the buffer is
    full, when a record of flushLevel or more arrives, or on close (unless
    flushOnClose is false)."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None,
                 flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return len(self.buffer) >= self.capacity or record.levelno >= self.flushLevel

    def setTarget(self, target):
        """Set the handler the buffered records go to."""
        self.acquire()
        try:
            self.target = target
        finally:
            self.release()

    def flush(self):
        """Send the buffered records to the target (kept if there is none)."""
        self.acquire()
        try:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()
        finally:
            self.release()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            self.acquire()
            try:
                self.target = None
                BufferingHandler.close(self)
            finally:
                self.release()


# -- queues -------------------------------------------------------------------------------

class QueueHandler(logging.Handler):
    """Puts records on a queue (queue.Queue, SimpleQueue, a multiprocessing
    queue...) for another thread to handle, usually a QueueListener.  The
    record is formatted first, so what travels holds no arguments or
    exception objects."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        """Put the record on the queue without blocking."""
        self.queue.put_nowait(record)

    def prepare(self, record):
        """A copy of the record, its message merged with its arguments and
        the formatted exception text."""
        import copy
        text = self.format(record)
        record = copy.copy(record)
        record.message = text
        record.msg = text
        record.args = None
        record.exc_info = None
        record.exc_text = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Takes records off a queue in a thread of its own and passes them to
    handlers.  start() starts the thread; stop() lets it handle what is
    queued, then ends it."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        """Take a record off the queue."""
        return self.queue.get(block)

    def start(self):
        """Start the thread that handles the queued records."""
        self._thread = thread = threading.Thread(target=self._monitor)
        thread.daemon = True
        thread.start()

    def prepare(self, record):
        """Change a record before it is handled (here: nothing)."""
        return record

    def handle(self, record):
        """Pass the record to each handler (only those whose level it meets,
        with respect_handler_level)."""
        record = self.prepare(record)
        for handler in self.handlers:
            if self.respect_handler_level and record.levelno < handler.level:
                continue
            handler.handle(record)

    def _monitor(self):
        source = self.queue
        done = getattr(source, 'task_done', None)
        while True:
            try:
                record = self.dequeue(True)
            except queue.Empty:
                break
            if record is self._sentinel:
                if done is not None:
                    done()
                break
            self.handle(record)
            if done is not None:
                done()

    def enqueue_sentinel(self):
        """Put the marker that tells the thread to end."""
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Handle the records still queued, then end the thread."""
        if self._thread:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None


# -- sockets ------------------------------------------------------------------------------

class SocketHandler(logging.Handler):
    """Sends each record's attributes, pickled and preceded by their length
    (4 bytes, big-endian), over a TCP connection to host:port (a Unix
    socket path when port is None).  Reconnects with a growing delay after
    failures."""

    def __init__(self, host, port):
        logging.Handler.__init__(self)
        self.host = host
        self.port = port
        if port is None:
            self.address = host
        else:
            self.address = (host, port)
        self.sock = None
        self.closeOnError = False
        self.retryTime = None
        self.retryStart = 1.0
        self.retryMax = 30.0
        self.retryFactor = 2.0

    def makeSocket(self, timeout=1):
        """A connected socket."""
        import socket
        if self.port is not None:
            return socket.create_connection(self.address, timeout=timeout)
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(self.address)
        except OSError:
            sock.close()
            raise
        return sock

    def createSocket(self):
        """Connect, unless a failure was too recent."""
        now = time.time()
        if self.retryTime is not None and now < self.retryTime:
            return
        try:
            self.sock = self.makeSocket()
            self.retryTime = None
        except OSError:
            if self.retryTime is None:
                self.retryPeriod = self.retryStart
            else:
                self.retryPeriod = min(self.retryPeriod * self.retryFactor,
                                       self.retryMax)
            self.retryTime = now + self.retryPeriod

    def send(self, s):
        """Send bytes, connecting first if needed."""
        if self.sock is None:
            self.createSocket()
        if self.sock:
            try:
                self.sock.sendall(s)
            except OSError:
                self.sock.close()
                self.sock = None

    def makePickle(self, record):
        """The bytes sent for a record: length prefix and pickled dict."""
        import pickle
        import struct
        text = record.exc_info and self.format(record)
        fields = dict(record.__dict__)
        fields['msg'] = record.getMessage()
        fields['args'] = None
        fields['exc_info'] = None
        if text:
            fields['exc_text'] = record.exc_text
        fields.pop('message', None)
        data = pickle.dumps(fields, 1)
        return struct.pack('>L', len(data)) + data

    def handleError(self, record):
        if self.closeOnError and self.sock:
            self.sock.close()
            self.sock = None
        else:
            logging.Handler.handleError(self, record)

    def emit(self, record):
        try:
            self.send(self.makePickle(record))
        except Exception:
            self.handleError(record)

    def close(self):
        self.acquire()
        try:
            sock = self.sock
            if sock:
                self.sock = None
                sock.close()
            logging.Handler.close(self)
        finally:
            self.release()


class DatagramHandler(SocketHandler):
    """SocketHandler over UDP: one datagram per record."""

    def __init__(self, host, port):
        SocketHandler.__init__(self, host, port)
        self.closeOnError = False

    def makeSocket(self):
        import socket
        if self.port is None:
            family = socket.AF_UNIX
        else:
            family = socket.AF_INET
        return socket.socket(family, socket.SOCK_DGRAM)

    def send(self, s):
        if self.sock is None:
            self.createSocket()
        self.sock.sendto(s, self.address)
