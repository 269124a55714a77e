"""Processes with the threading module's shape (fork start method only):
Process, Pool, Queue, Pipe, locks, shared Value/Array."""

import os as _os

from .process import current_process, active_children, parent_process
from .process import Process
from .connection import Pipe
from .synchronize import Lock, RLock, Semaphore, BoundedSemaphore, Condition, Event, Barrier
from .context import ProcessError, BufferTooShort, TimeoutError, AuthenticationError


def cpu_count():
    num = _os.cpu_count()
    if num is None:
        raise NotImplementedError('cannot determine number of cpus')
    return num


def Queue(maxsize=0):
    from .queues import Queue
    return Queue(maxsize)


def JoinableQueue(maxsize=0):
    from .queues import JoinableQueue
    return JoinableQueue(maxsize)


def SimpleQueue():
    from .queues import SimpleQueue
    return SimpleQueue()


def Pool(processes=None, initializer=None, initargs=(), maxtasksperchild=None):
    from .pool import Pool
    return Pool(processes, initializer, initargs, maxtasksperchild)


def Value(typecode_or_type, *args, lock=True):
    from .sharedctypes import Value
    return Value(typecode_or_type, *args, lock=lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    from .sharedctypes import Array
    return Array(typecode_or_type, size_or_initializer, lock=lock)


def RawValue(typecode_or_type, *args):
    from .sharedctypes import RawValue
    return RawValue(typecode_or_type, *args)


def RawArray(typecode_or_type, size_or_initializer):
    from .sharedctypes import RawArray
    return RawArray(typecode_or_type, size_or_initializer)


def freeze_support():
    pass


def get_all_start_methods():
    return ['fork']


_start_method = None


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None and not allow_none:
        _start_method = 'fork'
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is None and force:
        _start_method = None
        return
    if method != 'fork':
        if method in ('spawn', 'forkserver'):
            raise ValueError('cannot find context for %r: gilpy starts processes '
                             'with fork only' % (method,))
        raise ValueError('cannot find context for %r' % (method,))
    _start_method = method


class _ForkContext:
    """The `fork` context: the module's functions, as an object."""
    _name = 'fork'

    def get_start_method(self, allow_none=False):
        return 'fork'

    def __getattr__(self, name):
        import multiprocessing
        return getattr(multiprocessing, name)

    def get_context(self, method=None):
        return get_context(method)

    def __repr__(self):
        return '<multiprocessing.context.ForkContext object>'


_fork_context = _ForkContext()


def get_context(method=None):
    if method is None or method == 'fork':
        return _fork_context
    if method in ('spawn', 'forkserver'):
        raise ValueError('cannot find context for %r: gilpy starts processes '
                         'with fork only' % (method,))
    raise ValueError('cannot find context for %r' % (method,))


def get_logger():
    import logging
    return logging.getLogger('multiprocessing')


def log_to_stderr(level=None):
    logger = get_logger()
    if level:
        logger.setLevel(level)
    return logger
