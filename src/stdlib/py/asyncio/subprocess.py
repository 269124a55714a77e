"""asyncio.subprocess: child processes driven from the event loop.

create_subprocess_exec() and create_subprocess_shell() start the child with
subprocess.Popen. A PIPE is one end of a socket pair (the child gets the
other end as its stdin, stdout or stderr), so the loop watches it as it
watches a connection: stdout and stderr are StreamReaders, stdin is a
StreamWriter. A thread waits for the child to exit and tells the loop.
"""

import socket
import threading

from asyncio import base_events as _b
from asyncio.streams import StreamReader, StreamWriter, _SocketTransport

__all__ = ('create_subprocess_exec', 'create_subprocess_shell', 'Process',
           'PIPE', 'STDOUT', 'DEVNULL')

# subprocess's values; that module is imported when a child is started
# (importing asyncio should not pay for it).
PIPE = -1
STDOUT = -2
DEVNULL = -3

_DEFAULT_LIMIT = 2 ** 16


class Process:
    """A child process: its streams, pid and returncode, and coroutines to
    wait for it and talk to it."""

    def __init__(self, popen, loop, stdin, stdout, stderr):
        self._popen = popen
        self._loop = loop
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.pid = popen.pid
        self._returncode = None
        self._exited = loop.create_future()
        waiter = threading.Thread(target=self._wait_in_thread, daemon=True,
                                  name=f'asyncio-subprocess-{self.pid}')
        waiter.start()

    def __repr__(self):
        return f'<Process {self.pid}>'

    @property
    def returncode(self):
        return self._returncode

    def _wait_in_thread(self):
        code = self._popen.wait()
        try:
            self._loop.call_soon_threadsafe(self._on_exit, code)
        except RuntimeError:
            pass    # the loop is closed

    def _on_exit(self, code):
        self._returncode = code
        if not self._exited.done():
            self._exited.set_result(code)

    async def wait(self):
        """Wait for the child to exit; its return code."""
        return await _b.shield(self._exited)

    def send_signal(self, signal):
        self._popen.send_signal(signal)

    def terminate(self):
        self._popen.terminate()

    def kill(self):
        self._popen.kill()

    async def _feed_stdin(self, data):
        try:
            if data:
                self.stdin.write(data)
                await self.stdin.drain()
        except (BrokenPipeError, ConnectionResetError):
            pass    # the child did not read it all
        self.stdin.close()

    async def _read_all(self, stream):
        data = await stream.read()
        stream._transport.close()
        return data

    async def communicate(self, input=None):
        """Send input (bytes) to stdin and close it, read stdout and stderr
        to their end, wait for the exit: (stdout_data, stderr_data)."""
        jobs = []
        if self.stdin is not None:
            jobs.append(self._feed_stdin(input))
        elif input is not None:
            raise ValueError('communicate() input given, but stdin is not '
                             'a PIPE')
        names = []
        for name in ('stdout', 'stderr'):
            stream = getattr(self, name)
            if stream is not None:
                jobs.append(self._read_all(stream))
                names.append(name)
        results = await _b.gather(*jobs)
        if self.stdin is not None:
            results = results[1:]
        found = dict(zip(names, results))
        await self.wait()
        return found.get('stdout'), found.get('stderr')


def _pipe_ends(kind):
    # (end for the parent, end for the child) of a PIPE, else (None, kind).
    if kind != PIPE:
        return None, kind
    parent, child = socket.socketpair()
    parent.setblocking(False)
    return parent, child


async def _start(args, shell, stdin, stdout, stderr, limit, kwds):
    import subprocess

    loop = _b.get_running_loop()
    ends = [_pipe_ends(stdin), _pipe_ends(stdout), _pipe_ends(stderr)]
    child_args = [c.fileno() if isinstance(c, socket.socket) else c
                  for _, c in ends]
    try:
        popen = subprocess.Popen(args, shell=shell, stdin=child_args[0],
                                 stdout=child_args[1], stderr=child_args[2],
                                 **kwds)
    except BaseException:
        for parent, child in ends:
            if parent is not None:
                parent.close()
                child.close()
        raise
    for parent, child in ends:
        if parent is not None:
            child.close()
    streams = []
    for i, (parent, _) in enumerate(ends):
        if parent is None:
            streams.append(None)
            continue
        reader = StreamReader(limit=limit, loop=loop)
        transport = _SocketTransport(loop, parent, reader)
        if i == 0:
            streams.append(StreamWriter(transport, None, None, loop))
        else:
            streams.append(reader)
    return Process(popen, loop, *streams)


async def create_subprocess_exec(program, *args, stdin=None, stdout=None,
                                 stderr=None, limit=_DEFAULT_LIMIT, **kwds):
    """Start `program` with `args` (no shell); a Process."""
    return await _start((program,) + args, False, stdin, stdout, stderr,
                        limit, kwds)


async def create_subprocess_shell(cmd, stdin=None, stdout=None, stderr=None,
                                  limit=_DEFAULT_LIMIT, **kwds):
    """Run the shell command `cmd`; a Process."""
    return await _start(cmd, True, stdin, stdout, stderr, limit, kwds)
