"""Processes started with fork(): `Process`, `current_process`,
`parent_process`, `active_children`."""

import os
import signal
import sys
import itertools

__all__ = ['BaseProcess', 'current_process', 'active_children', 'parent_process']

_children = set()
_counter = itertools.count(1)


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    _cleanup()
    return list(_children)


def _cleanup():
    for p in list(_children):
        if p._popen is not None and p._poll() is not None:
            _children.discard(p)


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


class BaseProcess:
    """A process that runs `target(*args, **kwargs)` (or `run()`)."""

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = next(_counter)
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._returncode = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + \
            ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon
        self._sentinel = None

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
            'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
            'daemonic processes are not allowed to have children'
        _cleanup()
        _flush_std_streams()
        r, w = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                os.close(r)
                code = self._bootstrap()
            finally:
                os._exit(code)
        os.close(w)
        self._popen = pid
        self._sentinel = r
        del self._target, self._args, self._kwargs
        _children.add(self)

    def _bootstrap(self):
        global _current_process, _parent_process, _children
        try:
            _children = set()
            _parent_process = _ParentProcess(self._parent_name, self._parent_pid)
            _current_process = self
            self._popen = None
            try:
                self.run()
                exitcode = 0
            finally:
                _exit_function()
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException:
            exitcode = 1
            import _thread
            sys.stderr.write('Process %s:\n' % self.name)
            sys.stderr.write(_thread._format_exception(sys.exc_info()[1]))
        finally:
            _flush_std_streams()
        return exitcode

    def _poll(self, flag=os.WNOHANG):
        if self._returncode is None:
            try:
                pid, sts = os.waitpid(self._popen, flag)
            except OSError:
                return None
            if pid == self._popen:
                self._returncode = os.waitstatus_to_exitcode(sts)
        return self._returncode

    def terminate(self):
        self._check_closed()
        self._send_signal(signal.SIGTERM)

    def kill(self):
        self._check_closed()
        self._send_signal(signal.SIGKILL)

    def _send_signal(self, sig):
        if self._popen is not None and self._returncode is None:
            try:
                os.kill(self._popen, sig)
            except ProcessLookupError:
                pass

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        if timeout is not None:
            if self._sentinel is not None:
                from .connection import wait
                if not wait([self._sentinel], timeout):
                    return
            elif self._poll() is None:
                import time
                deadline = time.monotonic() + timeout
                while self._poll() is None:
                    if time.monotonic() >= deadline:
                        return
                    time.sleep(0.005)
        res = self._poll(0)
        if res is not None:
            _children.discard(self)
            # Without finalizers, a joined process gives its exit pipe back
            # now, or a program starting many processes runs out of fds.
            fd = self._sentinel
            if fd is not None:
                self._sentinel = None
                os.close(fd)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        if self._poll() is None:
            return True
        _children.discard(self)
        return False

    def close(self):
        if self._popen is not None:
            if self._poll() is None:
                raise ValueError("Cannot close a process while it is still running. "
                                 "You should first call join() or terminate().")
            if self._sentinel is not None:
                os.close(self._sentinel)
                self._sentinel = None
        _children.discard(self)
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return self._config.get('authkey', b'')

    @authkey.setter
    def authkey(self, key):
        self._config['authkey'] = bytes(key)

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return self._poll()

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        if self._sentinel is None:
            # Joined already: a pipe at end of file says the same.
            r, w = os.pipe()
            os.close(w)
            self._sentinel = r
        return self._sentinel

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = self._poll()
            status = 'started' if exitcode is None else 'stopped'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None and self is not _current_process:
            info.append('pid=%s' % self._popen)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            info.append('exitcode=%s' % _exitcode_to_name.get(exitcode, exitcode))
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)


class Process(BaseProcess):
    _start_method = 'fork'


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._returncode = None
        self._closed = False
        self._config = {'authkey': os.urandom(32), 'semprefix': '/mp'}


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._returncode = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return os.getppid() == self._pid

    @property
    def ident(self):
        return self._pid

    pid = ident

    def join(self, timeout=None):
        import time
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.is_alive():
            if deadline is not None and time.monotonic() >= deadline:
                return
            time.sleep(0.01)


_current_process = _MainProcess()
_parent_process = None

_exitcode_to_name = {}
for _name, _signum in list(signal.__dict__.items()):
    if _name[:3] == 'SIG' and '_' not in _name and isinstance(_signum, int):
        _exitcode_to_name[-int(_signum)] = f'-{_name}'
del _name, _signum


def _exit_function():
    """At exit: stop the daemonic children, wait for the others."""
    for p in active_children():
        if p.daemon:
            p.terminate()
    for p in active_children():
        p.join()


def _install_exit_hook():
    import threading
    try:
        threading._register_atexit(_exit_function)
    except Exception:
        pass


_install_exit_hook()
