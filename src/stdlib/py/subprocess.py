"""Subprocesses with accessible I/O streams, as CPython 3.11's `subprocess`
behaves on POSIX: run(), Popen, call(), check_call(), check_output(),
getoutput() and getstatusoutput().

The child is started by the native `_posixsubprocess.spawn`; waiting for
it and reading its pipes release the GIL (a Process or File wait in
`-X gilstats`). Not provided: preexec_fn, user/group/extra_groups, umask,
pipesize, process_group and the Windows-only arguments. close_fds=True
relies on gilpy opening every descriptor close-on-exec.
"""

import io
import os
import sys
import threading
import time
import warnings
import select
import _posixsubprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput",
           "getoutput", "check_output", "run", "CalledProcessError", "DEVNULL",
           "SubprocessError", "TimeoutExpired", "CompletedProcess"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

_PIPE_BUF = getattr(select, 'PIPE_BUF', 512)
_READ_SIZE = 32768

# Signal names for messages about a child that a signal ended.
_SIGNAL_NAMES = {
    1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 4: 'SIGILL', 5: 'SIGTRAP',
    6: 'SIGABRT', 7: 'SIGBUS', 8: 'SIGFPE', 9: 'SIGKILL', 10: 'SIGUSR1',
    11: 'SIGSEGV', 12: 'SIGUSR2', 13: 'SIGPIPE', 14: 'SIGALRM',
    15: 'SIGTERM', 16: 'SIGSTKFLT', 17: 'SIGCHLD', 18: 'SIGCONT',
    19: 'SIGSTOP', 20: 'SIGTSTP', 21: 'SIGTTIN', 22: 'SIGTTOU',
    23: 'SIGURG', 24: 'SIGXCPU', 25: 'SIGXFSZ', 26: 'SIGVTALRM',
    27: 'SIGPROF', 28: 'SIGWINCH', 29: 'SIGIO', 30: 'SIGPWR', 31: 'SIGSYS',
}
_SIGTERM = 15
_SIGKILL = 9


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when a process run by check_call(), check_output() or
    run(check=True) returns a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        super().__init__(returncode, cmd)
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _SIGNAL_NAMES.get(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
            return "Command '%s' died with <Signals.%s: %d>." % (
                self.cmd, name, -self.returncode)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output."""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout expires while waiting for a child."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        super().__init__(cmd, timeout)
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd,
                                                            self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess(object):
    """What run() returns: args, returncode, stdout and stderr."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ['args={!r}'.format(self.args),
                 'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            parts.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            parts.append('stderr={!r}'.format(self.stderr))
        return "{}({})".format(type(self).__name__, ', '.join(parts))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command, wait for it and return its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command and wait; raise CalledProcessError on a non-zero
    exit status, else return 0."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its output; raise CalledProcessError on a
    non-zero exit status."""
    for name in ('stdout', 'check'):
        if name in kwargs:
            raise ValueError(f'{name} argument not allowed, it will be '
                             f'overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        if (kwargs.get('universal_newlines') or kwargs.get('text')
                or kwargs.get('encoding') or kwargs.get('errors')):
            kwargs['input'] = ''
        else:
            kwargs['input'] = b''
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Run a command, wait for it and return a CompletedProcess."""
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            # The output read so far is already in the exception.
            process.wait()
            raise
        except:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout,
                                     stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """(exitcode, output) of running cmd in a shell, stderr included and
    one trailing newline removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """The output (stdout and stderr) of running cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def _translate_newlines(data, encoding, errors):
    data = data.decode(encoding, errors)
    return data.replace("\r\n", "\n").replace("\r", "\n")


def _fileno(f):
    return f if isinstance(f, int) else f.fileno()


class Popen:
    """Runs a child program in a new process.

    args is a sequence of program arguments or, with shell=True, a
    command line string given to /bin/sh."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None,
                 stdout=None, stderr=None, preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0, restore_signals=True,
                 start_new_session=False, pass_fds=(), *, user=None,
                 group=None, extra_groups=None, encoding=None, errors=None,
                 text=None, umask=-1, pipesize=-1, process_group=None):
        self._waitpid_lock = threading.Lock()
        self._input = None
        self._communication_started = False
        self.args = args
        self.stdin = None
        self.stdout = None
        self.stderr = None
        self.pid = None
        self.returncode = None
        self.encoding = encoding
        self.errors = errors
        self.pipesize = pipesize
        self._devnull = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError("bufsize must be an integer")
        if startupinfo is not None:
            raise ValueError("startupinfo is only supported on Windows "
                             "platforms")
        if creationflags != 0:
            raise ValueError("creationflags is only supported on Windows "
                             "platforms")
        if preexec_fn is not None or user is not None or group is not None \
                or extra_groups is not None or umask != -1 \
                or process_group is not None:
            raise NotImplementedError(
                "preexec_fn, user, group, extra_groups, umask and "
                "process_group are not supported by gilpy")
        if pass_fds and not close_fds:
            warnings.warn("pass_fds overriding close_fds.", RuntimeWarning)
            close_fds = True
        if (text is not None and universal_newlines is not None
                and bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = encoding or errors or text or universal_newlines
        if self.text_mode and encoding is None:
            self.encoding = encoding = "utf-8"
        line_buffering = False
        if bufsize == 1:
            if self.text_mode:
                line_buffering = True
            else:
                warnings.warn("line buffering (buffering=1) isn't supported "
                              "in binary mode, the default buffer size will "
                              "be used", RuntimeWarning)
                bufsize = -1

        (p2cread, p2cwrite, c2pread, c2pwrite,
         errread, errwrite) = self._get_handles(stdin, stdout, stderr)
        try:
            if p2cwrite != -1:
                self.stdin = io.open(p2cwrite, 'wb', bufsize)
                if self.text_mode:
                    self.stdin = io.TextIOWrapper(
                        self.stdin, write_through=True,
                        line_buffering=line_buffering,
                        encoding=encoding, errors=errors)
            if c2pread != -1:
                self.stdout = io.open(c2pread, 'rb', bufsize)
                if self.text_mode:
                    self.stdout = io.TextIOWrapper(
                        self.stdout, encoding=encoding, errors=errors)
            if errread != -1:
                self.stderr = io.open(errread, 'rb', bufsize)
                if self.text_mode:
                    self.stderr = io.TextIOWrapper(
                        self.stderr, encoding=encoding, errors=errors)
            self._execute_child(args, executable, shell, cwd, env,
                                p2cread, c2pwrite, errwrite,
                                tuple(pass_fds), start_new_session)
        except:
            for f in filter(None, (self.stdin, self.stdout, self.stderr)):
                try:
                    f.close()
                except OSError:
                    pass
            for fd, made in ((p2cread, stdin == PIPE),
                             (c2pwrite, stdout == PIPE),
                             (errwrite, stderr == PIPE)):
                if made:
                    try:
                        os.close(fd)
                    except OSError:
                        pass
            raise
        finally:
            if self._devnull is not None:
                os.close(self._devnull)
        # The child's ends of the pipes belong to the child now.
        if stdin == PIPE:
            os.close(p2cread)
        if stdout == PIPE:
            os.close(c2pwrite)
        if stderr == PIPE:
            os.close(errwrite)

    def _close_quietly(self, fd, stdin, stdout, stderr):
        if fd == -1 or fd == self._devnull:
            return
        if fd in (getattr(x, 'fileno', lambda: x)() if not isinstance(x, int)
                  else x for x in (stdin, stdout, stderr)):
            return
        try:
            os.close(fd)
        except OSError:
            pass

    def __repr__(self):
        r = (f"<{self.__class__.__name__}: "
             f"returncode: {self.returncode} args: {self.args!r}>")
        if len(r) > 80:
            r = r[:76] + "...>"
        return r

    @property
    def universal_newlines(self):
        return self.text_mode

    @universal_newlines.setter
    def universal_newlines(self, value):
        self.text_mode = bool(value)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        if self.stdout:
            self.stdout.close()
        if self.stderr:
            self.stderr.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def _get_devnull(self):
        if self._devnull is None:
            self._devnull = os.open(os.devnull, os.O_RDWR)
        return self._devnull

    def _get_handles(self, stdin, stdout, stderr):
        p2cread = p2cwrite = c2pread = c2pwrite = errread = errwrite = -1
        if stdin is None:
            pass
        elif stdin == PIPE:
            p2cread, p2cwrite = os.pipe()
        elif stdin == DEVNULL:
            p2cread = self._get_devnull()
        else:
            p2cread = _fileno(stdin)

        if stdout is None:
            pass
        elif stdout == PIPE:
            c2pread, c2pwrite = os.pipe()
        elif stdout == DEVNULL:
            c2pwrite = self._get_devnull()
        else:
            c2pwrite = _fileno(stdout)

        if stderr is None:
            pass
        elif stderr == PIPE:
            errread, errwrite = os.pipe()
        elif stderr == STDOUT:
            if c2pwrite != -1:
                errwrite = c2pwrite
            else:
                errwrite = sys.__stdout__.fileno()
        elif stderr == DEVNULL:
            errwrite = self._get_devnull()
        else:
            errwrite = _fileno(stderr)
        return (p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite)

    def _execute_child(self, args, executable, shell, cwd, env, p2cread,
                       c2pwrite, errwrite, pass_fds, start_new_session):
        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when '
                                'shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ["/bin/sh", "-c"] + args
            if executable:
                args[0] = executable
        if executable is None:
            executable = args[0]
        name = executable
        argv = [os.fsencode(a) for a in args]
        if env is not None:
            env = [(os.fsencode(k), os.fsencode(v)) for k, v in env.items()]
        if cwd is not None:
            cwd = os.fspath(cwd)
        for fd in pass_fds:
            if not isinstance(fd, int) or fd < 0:
                raise ValueError("bad value(s) in fds_to_keep")
        self.pid = _posixsubprocess.spawn(
            argv, os.fsencode(executable), cwd, env, p2cread, c2pwrite,
            errwrite, pass_fds, start_new_session, name)

    def _handle_exitstatus(self, sts):
        self.returncode = _posixsubprocess.waitstatus_to_exitcode(sts)

    def poll(self):
        """The exit code if the child has ended, else None."""
        return self._internal_poll()

    def _internal_poll(self):
        if self.returncode is None:
            if not self._waitpid_lock.acquire(False):
                # Another thread is waiting for the child.
                return None
            try:
                if self.returncode is not None:
                    return self.returncode
                try:
                    pid, sts = _posixsubprocess.waitpid(self.pid, os.WNOHANG)
                except ChildProcessError:
                    self.returncode = 0
                else:
                    if pid == self.pid:
                        self._handle_exitstatus(sts)
            finally:
                self._waitpid_lock.release()
        return self.returncode

    def _reap(self):
        # Waits until the child ends; the caller holds _waitpid_lock.
        try:
            pid, sts = _posixsubprocess.waitpid(self.pid, 0)
        except ChildProcessError:
            self.returncode = 0
        else:
            if pid == self.pid:
                self._handle_exitstatus(sts)

    def wait(self, timeout=None):
        """Wait for the child to end and return its exit code; raise
        TimeoutExpired after timeout seconds."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            with self._waitpid_lock:
                if self.returncode is None:
                    self._reap()
            return self.returncode
        endtime = time.monotonic() + timeout
        delay = 0.0005
        while True:
            if self._waitpid_lock.acquire(False):
                try:
                    if self.returncode is not None:
                        break
                    left = endtime - time.monotonic()
                    ended = _posixsubprocess.wait_exit(self.pid, max(left, 0))
                    if ended:
                        self._reap()
                        break
                    if ended is None:
                        pid, sts = _posixsubprocess.waitpid(self.pid,
                                                            os.WNOHANG)
                        if pid == self.pid:
                            self._handle_exitstatus(sts)
                            break
                finally:
                    self._waitpid_lock.release()
            left = endtime - time.monotonic()
            if left <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, left, 0.05)
            time.sleep(delay)
        return self.returncode

    def _remaining_time(self, endtime):
        if endtime is None:
            return None
        return endtime - time.monotonic()

    def _stdin_write(self, input):
        if input:
            try:
                self.stdin.write(input)
            except BrokenPipeError:
                pass
            except OSError as exc:
                if exc.errno != 22:
                    raise
        try:
            self.stdin.close()
        except BrokenPipeError:
            pass
        except OSError as exc:
            if exc.errno != 22:
                raise

    def communicate(self, input=None, timeout=None):
        """Send input to the child, read its stdout and stderr until they
        end and wait for it. Returns (stdout_data, stderr_data)."""
        if self._communication_started and input:
            raise ValueError("Cannot send input after starting communication")
        if (timeout is None and not self._communication_started
                and [self.stdin, self.stdout, self.stderr].count(None) >= 2):
            stdout = stderr = None
            if self.stdin:
                self._stdin_write(input)
            elif self.stdout:
                stdout = self.stdout.read()
                self.stdout.close()
            elif self.stderr:
                stderr = self.stderr.read()
                self.stderr.close()
            self.wait()
            return (stdout, stderr)
        endtime = None if timeout is None else time.monotonic() + timeout
        try:
            stdout, stderr = self._communicate(input, endtime, timeout)
        finally:
            self._communication_started = True
        self.wait(timeout=self._remaining_time(endtime))
        return (stdout, stderr)

    def _communicate(self, input, endtime, orig_timeout):
        if self.stdin and not self._communication_started:
            try:
                self.stdin.flush()
            except BrokenPipeError:
                pass
            if not input:
                try:
                    self.stdin.close()
                except BrokenPipeError:
                    pass
        if not self._communication_started:
            self._output = {}
            if self.stdout:
                self._output[self.stdout] = []
            if self.stderr:
                self._output[self.stderr] = []
            self._input_offset = 0
            self._input = None
            if self.stdin and input is not None:
                if self.text_mode:
                    input = input.encode(self.stdin.encoding,
                                         self.stdin.errors)
                self._input = memoryview(input) if not isinstance(
                    input, (bytes, bytearray)) else bytes(input)
        out_chunks = self._output.get(self.stdout)
        err_chunks = self._output.get(self.stderr)

        by_fd = {}
        events = {}
        if self.stdin and not self.stdin.closed and self._input is not None:
            by_fd[self.stdin.fileno()] = self.stdin
            events[self.stdin.fileno()] = select.POLLOUT
        for f in (self.stdout, self.stderr):
            if f and not f.closed:
                by_fd[f.fileno()] = f
                events[f.fileno()] = select.POLLIN | select.POLLPRI
        while by_fd:
            left = self._remaining_time(endtime)
            if left is not None and left < 0:
                self._raise_timeout(orig_timeout, out_chunks, err_chunks)
            fds = list(by_fd)
            ready = _posixsubprocess.poll(fds, [events[fd] for fd in fds],
                                          None if left is None else left * 1000)
            if not ready:
                left = self._remaining_time(endtime)
                if left is not None and left <= 0:
                    self._raise_timeout(orig_timeout, out_chunks, err_chunks)
                continue
            for fd, mask in ready:
                f = by_fd.get(fd)
                if f is None:
                    continue
                if f is self.stdin:
                    data = self._input[self._input_offset:
                                       self._input_offset + _PIPE_BUF]
                    try:
                        self._input_offset += os.write(fd, data)
                    except BrokenPipeError:
                        self._input_offset = len(self._input)
                    if self._input_offset >= len(self._input):
                        del by_fd[fd]
                        try:
                            f.close()
                        except BrokenPipeError:
                            pass
                else:
                    data = os.read(fd, _READ_SIZE)
                    if not data:
                        del by_fd[fd]
                        f.close()
                    else:
                        self._output[f].append(data)

        self.wait(timeout=self._remaining_time(endtime))
        stdout = stderr = None
        if out_chunks is not None:
            stdout = b''.join(out_chunks)
        if err_chunks is not None:
            stderr = b''.join(err_chunks)
        if self.text_mode:
            if stdout is not None:
                stdout = _translate_newlines(stdout, self.stdout.encoding,
                                             self.stdout.errors)
            if stderr is not None:
                stderr = _translate_newlines(stderr, self.stderr.encoding,
                                             self.stderr.errors)
        return (stdout, stderr)

    def _raise_timeout(self, orig_timeout, out_chunks, err_chunks):
        raise TimeoutExpired(
            self.args, orig_timeout,
            output=b''.join(out_chunks) if out_chunks else None,
            stderr=b''.join(err_chunks) if err_chunks else None)

    def send_signal(self, sig):
        """Send the signal sig to the child (if it is still running)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        """Terminate the child with SIGTERM."""
        self.send_signal(_SIGTERM)

    def kill(self):
        """Kill the child with SIGKILL."""
        self.send_signal(_SIGKILL)
