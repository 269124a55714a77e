"""Time small bits of Python code.

Usable as a module (Timer, timeit, repeat, default_timer) or from the
command line:

    gilpy -m timeit [-n N] [-r N] [-u U] [-s S] [-p] [-v] [-h] [--] [statement]

Options:
  -n/--number N: how many times to execute 'statement' (default: see below)
  -r/--repeat N: how many times to repeat the timer (default 5)
  -s/--setup S: statement to be executed once initially (default 'pass').
                Execution time of this setup statement is NOT timed.
  -p/--process: use time.process_time() (default is time.perf_counter())
  -v/--verbose: print raw timing results; repeat for more digits precision
  -u/--unit: set the output time unit (nsec, usec, msec, or sec)
  -h/--help: print this usage message and exit
  --: separate options from statement, use when statement starts with -
  statement: statement to be timed (default 'pass')

A multi-line statement may be given by specifying each line as a separate
argument; indented lines are possible by enclosing an argument in quotes
and using leading spaces.  Multiple -s options are treated similarly.

If -n is not given, a suitable number of loops is calculated by trying
increasing numbers from the sequence 1, 2, 5, 10, 20, 50, ... until the
total time is at least 0.2 seconds.

String statements are compiled (with setup) into one function that runs
the statement in a loop, so the loop's own cost is small.  Garbage
collection is switched off while timing, as in CPython.
"""

import gc
import sys
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals


def reindent(src, indent):
    """Put `indent` spaces after every newline of src."""
    return src.replace("\n", "\n" + " " * indent)


class Timer:
    """Class for timing the execution of small code snippets.

    stmt and setup are strings of Python code or callables without
    arguments; timer is a function returning seconds as a float; globals
    is the namespace the code runs in (a fresh one by default).
    """

    def __init__(self, stmt="pass", setup="pass", timer=default_timer,
                 globals=None):
        self.timer = timer
        namespace = {}
        # As in CPython, code runs by default in this module's globals;
        # what the setup defines are locals of the generated function.
        run_globals = _globals() if globals is None else globals
        # Where a string goes in the generated function, and what names
        # the callables are bound to.
        init_args = ""
        if isinstance(setup, str):
            # Checked on its own first, so that an error is reported
            # against the setup's own lines.
            compile(setup, dummy_src_name, "exec")
            stmt_prefix = setup + "\n"
            setup_code = reindent(setup, 4)
        elif callable(setup):
            namespace["_setup"] = setup
            init_args += ", _setup=_setup"
            stmt_prefix = ""
            setup_code = "_setup()"
        else:
            raise ValueError("setup is neither a string nor callable")
        if isinstance(stmt, str):
            # The statement must compile after the setup too (so that a
            # 'return' or a stray 'break' is refused as in the function).
            compile(stmt_prefix + stmt, dummy_src_name, "exec")
            stmt_code = reindent(stmt, 8)
        elif callable(stmt):
            namespace["_stmt"] = stmt
            init_args += ", _stmt=_stmt"
            stmt_code = "_stmt()"
        else:
            raise ValueError("stmt is neither a string nor callable")
        # A first empty line, so that the statement's line numbers in a
        # traceback are CPython's.
        lines = [
            "",
            "def inner(_it, _timer%s):" % init_args,
            "    " + setup_code,
            "    _t0 = _timer()",
            "    for _i in _it:",
            "        " + stmt_code,
            "        pass",
            "    _t1 = _timer()",
            "    return _t1 - _t0",
            "",
        ]
        src = "\n".join(lines)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, run_globals, namespace)
        self.inner = namespace["inner"]

    def print_exc(self, file=None):
        """Print the traceback of the exception being handled, with the
        generated source shown for its lines."""
        import linecache
        import traceback
        if self.src is not None:
            linecache.cache[dummy_src_name] = (
                len(self.src), None, self.src.split("\n"), dummy_src_name)
        traceback.print_exc(file=file)

    def timeit(self, number=default_number):
        """Seconds taken to run the statement `number` times."""
        it = _repeat_none(number)
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            timing = self.inner(it, self.timer)
        finally:
            if was_enabled:
                gc.enable()
        return timing

    def repeat(self, repeat=default_repeat, number=default_number):
        """A list of `repeat` results of timeit(number)."""
        r = []
        for i in range(repeat):
            r.append(self.timeit(number))
        return r

    def autorange(self, callback=None):
        """Find a number of loops taking at least 0.2 seconds, trying
        1, 2, 5, 10, 20, 50, ...; return (number, time_taken).  The
        callback, if given, is called with each (number, time_taken)."""
        i = 1
        while True:
            for j in (1, 2, 5):
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def _repeat_none(number):
    # range gives a cheap iterable of the right length; the loop variable
    # is never read.
    return range(number)


def timeit(stmt="pass", setup="pass", timer=default_timer,
           number=default_number, globals=None):
    """Convenience function to create Timer object and call timeit method."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer,
           repeat=default_repeat, number=default_number, globals=None):
    """Convenience function to create Timer object and call repeat method."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)


def main(args=None, *, _wrap_timer=None):
    """The command line: returns None on success, an exit status else."""
    if args is None:
        args = sys.argv[1:]
    import getopt
    try:
        opts, args = getopt.getopt(args, "n:u:s:r:tcpvh",
                                   ["number=", "setup=", "repeat=",
                                    "time", "clock", "process",
                                    "verbose", "unit=", "help"])
    except getopt.error as err:
        print(err)
        print("use -h/--help for command line help")
        return 2

    timer = default_timer
    stmt = "\n".join(args) or "pass"
    number = 0
    setup = []
    repeat = default_repeat
    verbose = 0
    time_unit = None
    units = {"nsec": 1e-9, "usec": 1e-6, "msec": 1e-3, "sec": 1.0}
    precision = 3
    for o, a in opts:
        if o in ("-n", "--number"):
            number = int(a)
        if o in ("-s", "--setup"):
            setup.append(a)
        if o in ("-u", "--unit"):
            if a in units:
                time_unit = a
            else:
                print("Unrecognized unit. Please select nsec, usec, msec, or sec.",
                      file=sys.stderr)
                return 2
        if o in ("-r", "--repeat"):
            repeat = int(a)
            if repeat <= 0:
                repeat = 1
        if o in ("-p", "--process"):
            timer = time.process_time
        if o in ("-v", "--verbose"):
            if verbose:
                precision += 1
            verbose += 1
        if o in ("-h", "--help"):
            print(__doc__, end=" ")
            return 0
    setup = "\n".join(setup) or "pass"

    # The statement may import modules next to the current directory.
    if "" not in sys.path and "." not in sys.path:
        sys.path.insert(0, "")

    if _wrap_timer is not None:
        timer = _wrap_timer(timer)

    t = Timer(stmt, setup, timer)
    if number == 0:
        callback = None
        if verbose:
            def callback(number, time_taken):
                print("{0} loop{1} -> {2:.{3}g} secs".format(
                    number, "s" if number != 1 else "", time_taken, precision))
        try:
            number, _ = t.autorange(callback)
        except:
            t.print_exc()
            return 1
        if verbose:
            print()

    try:
        raw_timings = t.repeat(repeat, number)
    except:
        t.print_exc()
        return 1

    def format_time(dt):
        if time_unit is not None:
            unit = time_unit
            scale = units[unit]
        else:
            # The largest unit the time reaches, nsec if none.
            unit = "nsec"
            scale = units[unit]
            for name in ("sec", "msec", "usec", "nsec"):
                if dt >= units[name]:
                    unit = name
                    scale = units[name]
                    break
        return "%.*g %s" % (precision, dt / scale, unit)

    if verbose:
        print("raw times: %s" % ", ".join([format_time(t) for t in raw_timings]))
        print()
    timings = [dt / number for dt in raw_timings]
    best = min(timings)
    worst = max(timings)
    print("%d loop%s, best of %d: %s per loop"
          % (number, "s" if number != 1 else "", repeat, format_time(best)))
    if worst >= best * 4:
        import warnings
        warnings.warn_explicit(
            "The test results are likely unreliable. The worst time (%s) "
            "was more than four times slower than the best time (%s)."
            % (format_time(worst), format_time(best)),
            UserWarning, "", 0)
    return None


if __name__ == "__main__":
    sys.exit(main())
