"""Prompt for a password without echoing it, and find the user's name.

getpass(prompt='Password: ', stream=None) reads a line from the
controlling terminal (/dev/tty) or, failing that, standard input, with
echo turned off; the prompt goes to stream (the terminal, or standard
error).  When echo cannot be turned off it warns with GetPassWarning and
reads the line anyway.

getuser() gives the user's login name from the environment (LOGNAME,
USER, LNAME, USERNAME) or else the password database.

gilpy has no termios module: echo is switched off and back on with the
stty command on the terminal; where that fails, input may be echoed, as
CPython's warning says.
"""

import contextlib
import io
import os
import sys
import warnings

__all__ = ["getpass", "getuser", "GetPassWarning"]


class GetPassWarning(UserWarning):
    pass


def _stty(fd, *args):
    # Run stty on the terminal fd: its output, or None when it fails (no
    # terminal, no stty).
    import subprocess
    try:
        done = subprocess.run(("stty",) + args, stdin=fd,
                              stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL)
    except (OSError, ValueError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("ascii", "replace").strip()


def unix_getpass(prompt="Password: ", stream=None):
    """Prompt for a password with echo turned off.

    prompt is written to stream (by default the controlling terminal, or
    else standard error) and the answer read from the terminal (or else
    standard input); the trailing newline is dropped.
    """
    passwd = None
    with contextlib.ExitStack() as stack:
        try:
            fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
            tty = io.FileIO(fd, "w+")
            stack.enter_context(tty)
            input = io.TextIOWrapper(tty)
            stack.enter_context(input)
            if not stream:
                stream = input
        except OSError:
            # No controlling terminal: standard input it is.
            stack.close()
            try:
                fd = sys.stdin.fileno()
            except (AttributeError, ValueError):
                fd = None
                passwd = fallback_getpass(prompt, stream)
            input = sys.stdin
            if not stream:
                stream = sys.stderr
        if fd is not None:
            saved = _stty(fd, "-g")
            if saved is not None and _stty(fd, "-echo") is not None:
                try:
                    passwd = _raw_input(prompt, stream, input=input)
                finally:
                    _stty(fd, saved)
                    stream.flush()
            else:
                if stream is not input:
                    stack.close()
                passwd = fallback_getpass(prompt, stream)
        stream.write("\n")
        return passwd


def fallback_getpass(prompt="Password: ", stream=None):
    """Prompt for a password where echo cannot be turned off: warn, then
    read a line from standard input.
    """
    warnings.warn("Can not control echo on the terminal.", GetPassWarning,
                  stacklevel=2)
    if not stream:
        stream = sys.stderr
    print("Warning: Password input may be echoed.", file=stream)
    return _raw_input(prompt, stream)


def _raw_input(prompt="", stream=None, input=None):
    # input() writing its prompt to stream and reading from input.
    if not stream:
        stream = sys.stderr
    if not input:
        input = sys.stdin
    prompt = str(prompt)
    if prompt:
        try:
            stream.write(prompt)
        except UnicodeEncodeError:
            prompt = prompt.encode(stream.encoding, "replace")
            prompt = prompt.decode(stream.encoding)
            stream.write(prompt)
        stream.flush()
    line = input.readline()
    if not line:
        raise EOFError
    if line[-1] == "\n":
        line = line[:-1]
    return line


def getuser():
    """Return the user's login name.

    The environment variables LOGNAME, USER, LNAME and USERNAME are tried
    in turn, then the password database entry of the real user id.
    """
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        user = os.environ.get(name)
        if user:
            return user
    try:
        import pwd
    except ImportError:
        return _passwd_name(os.getuid())
    return pwd.getpwuid(os.getuid())[0]


def _passwd_name(uid):
    # The name of uid in /etc/passwd, read directly (no pwd module).
    try:
        with open("/etc/passwd", encoding="utf-8",
                  errors="surrogateescape") as f:
            for line in f:
                fields = line.rstrip("\n").split(":")
                if len(fields) > 2 and fields[2] == str(uid):
                    return fields[0]
    except OSError:
        pass
    raise KeyError("getpwuid(): uid not found: %d" % uid)


getpass = unix_getpass
