#!/usr/bin/env python3
"""Run test scripts under CPython with gilpy's Python stdlib modules shadowing
CPython's own, and compare their output with the expected output.

    python3 tests/tools/check_with_cpython.py [options] [PATH ...]

Each PATH is a test script NAME.py or a folder of them (default: the shared
conformance folders threads/, seeds/ and gil/, and tests/scripts/threads/).
A test NAME.py comes with NAME.out (expected stdout, compared exactly), maybe
NAME.err (each non-empty line must appear in stderr) and NAME.code (the exit
status, 0 when absent).  Every test runs in its own folder, with stdin from
/dev/null and a time limit.

The scripts run as `python3 -S -I BOOT SHADOW_DIR SCRIPT`: BOOT puts SHADOW_DIR
(a temporary folder holding threading.py, queue.py, logging.py and the package
concurrent/ with futures.py, copied from src/stdlib/py/) first on sys.path, gives
_thread the `_format_exception` that gilpy's _thread has natively, runs the
script as __main__, and checks that the modules in use are the copies.

Options:
    --reference     run with CPython's own modules instead (checks the tests)
    --run SCRIPT    run one script with the shadowing modules, output shown as is
    --jobs N        tests run in parallel (default 4)
    --retries N     rerun a failed test up to N more times, alone (default 2:
                    some tests are timing-sensitive)
    --timeout S     seconds per test (default 30)
    --python EXE    the CPython to use (default python3)
    -v              show the differences of failed tests
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# gilpy's modules written in Python.
MODULES = os.path.join(REPO, "src", "stdlib", "py")
SHARED = os.environ.get("GILPY_SHARED", os.path.join(os.path.dirname(REPO), "shared"))
DEFAULT_PATHS = [
    os.path.join(SHARED, "conformance", "threads"),
    os.path.join(SHARED, "conformance", "seeds"),
    os.path.join(SHARED, "conformance", "gil"),
    os.path.join(REPO, "tests", "scripts", "threads"),
]

# source file in MODULES -> path inside the shadow folder
MODULE_FILES = {
    "threading.py": "threading.py",
    "queue.py": "queue.py",
    "logging.py": "logging.py",
    "concurrent.py": os.path.join("concurrent", "__init__.py"),
    "concurrent_futures.py": os.path.join("concurrent", "futures.py"),
}

# The end of the bootstrap, shared with check_stdlib_with_cpython.py: run
# the script as __main__ and report as the interpreter does.
RUN_SCRIPT = r'''
    # The script's folder comes first, as when CPython runs a script; the
    # shadowing modules come before it.
    sys.path.insert(0, script.rpartition("/")[0])
    if not reference:
        sys.path.insert(0, shadow_dir)
    sys.argv = [script]
    with open(script, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, script, "exec")
    import builtins
    main_module = type(sys)("__main__")
    main_module.__file__ = script
    main_module.__builtins__ = builtins
    sys.modules["__main__"] = main_module
    status = None
    try:
        exec(code, main_module.__dict__)
    except SystemExit:
        raise
    except BaseException as exc:
        # Report as the interpreter does, without this bootstrap's frame.
        import traceback
        sys.stdout.flush()
        sys.stderr.write("".join(traceback.format_exception(
            type(exc), exc, exc.__traceback__.tb_next)))
        status = 130 if isinstance(exc, KeyboardInterrupt) else 1
    finally:
        if not check_modules(shadow_dir, reference):
            status = 98
    if status is not None:
        sys.exit(status)


main()
'''

BOOT = r'''
import sys

SHADOWED = ("threading", "queue", "logging", "concurrent", "concurrent.futures")


def _format_exception(exc):
    # What gilpy's _thread._format_exception returns: the full report.
    import traceback
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


def check_modules(shadow_dir, reference):
    if reference:
        return True
    ok = True
    for name in SHADOWED:
        module = sys.modules.get(name)
        if module is None:
            continue
        path = getattr(module, "__file__", "") or ""
        if not path.startswith(shadow_dir):
            sys.stderr.write("HARNESS: module %s comes from %s, not from %s\n"
                             % (name, path, shadow_dir))
            ok = False
    return ok


def main():
    shadow_dir, script, reference = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    if not reference:
        for name in SHADOWED:
            if name in sys.modules:
                sys.stderr.write("HARNESS: %s was imported before the test\n" % name)
                sys.exit(97)
        import _thread
        if not hasattr(_thread, "_format_exception"):
            _thread._format_exception = _format_exception
''' + RUN_SCRIPT


def make_shadow_dir():
    shadow = tempfile.mkdtemp(prefix="gilpy_stdlib_")
    os.makedirs(os.path.join(shadow, "concurrent"))
    for src, dst in MODULE_FILES.items():
        shutil.copyfile(os.path.join(MODULES, src), os.path.join(shadow, dst))
    with open(os.path.join(shadow, "_gilpy_boot.py"), "w") as f:
        f.write(BOOT)
    return shadow


def command(args, shadow, script):
    return [args.python, "-S", "-I", os.path.join(shadow, "_gilpy_boot.py"),
            shadow, script, "1" if args.reference else "0"]


def collect(paths):
    tests = []
    for path in paths:
        if os.path.isdir(path):
            for name in sorted(os.listdir(path)):
                if name.endswith(".py") and os.path.exists(os.path.join(path, name[:-3] + ".out")):
                    tests.append(os.path.join(path, name))
        elif os.path.isfile(path):
            tests.append(path)
        else:
            print("no such test or folder: %s" % path, file=sys.stderr)
    return tests


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def run_test(args, shadow, script):
    """Returns (ok, message)."""
    script = os.path.abspath(script)
    base = script[:-3]
    expected_out = read(base + ".out") if os.path.exists(base + ".out") else None
    expected_err = read(base + ".err") if os.path.exists(base + ".err") else None
    expected_code = int(read(base + ".code").strip()) if os.path.exists(base + ".code") else 0
    try:
        proc = subprocess.run(command(args, shadow, script), cwd=os.path.dirname(script),
                              stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=args.timeout)
    except subprocess.TimeoutExpired:
        return False, "timed out after %s s" % args.timeout
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    problems = []
    if "HARNESS:" in err:
        problems.append("harness check failed:\n" + err)
    if proc.returncode != expected_code:
        problems.append("exit status %d, expected %d" % (proc.returncode, expected_code))
    if expected_out is not None and out != expected_out:
        problems.append(diff_text("stdout", expected_out, out))
    if expected_err is not None:
        missing = [line for line in expected_err.splitlines()
                   if line.strip() and line.rstrip() not in err]
        if missing:
            problems.append("stderr lacks: %r" % missing)
    if problems:
        if err and expected_err is None:
            problems.append("stderr:\n" + err)
        return False, "\n".join(problems)
    note = ""
    if err and expected_err is None:
        note = "stderr:\n" + err
    return True, note


def diff_text(what, expected, actual):
    import difflib
    lines = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                                 "expected " + what, "actual " + what, lineterm="", n=2)
    return "\n".join(lines)


def main(make_shadow=None, default_paths=None, default_timeout=30):
    """The runner; check_stdlib_with_cpython.py reuses it with its own shadow
    folder (other modules, another bootstrap) and test folder."""
    make_shadow = make_shadow or make_shadow_dir
    default_paths = default_paths or DEFAULT_PATHS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--reference", action="store_true")
    parser.add_argument("--run")
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=default_timeout)
    parser.add_argument("--python", default="python3")
    parser.add_argument("-v", action="store_true", dest="verbose")
    args = parser.parse_args()

    shadow = make_shadow()
    try:
        if args.run:
            script = os.path.abspath(args.run)
            proc = subprocess.run(command(args, shadow, script), cwd=os.path.dirname(script))
            return proc.returncode

        tests = collect(args.paths or default_paths)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda t: run_test(args, shadow, t), tests))
        passed = failed = 0
        flaky = []
        for test, (ok, message) in zip(tests, results):
            attempt = 0
            while not ok and attempt < args.retries:
                attempt += 1
                ok, message = run_test(args, shadow, test)
                if ok:
                    flaky.append(test)
            name = os.path.relpath(test, os.path.dirname(os.path.dirname(test)))
            if ok:
                passed += 1
                if args.verbose and message:
                    print("ok   %s (%s)" % (name, message.strip().splitlines()[0]))
            else:
                failed += 1
                print("FAIL %s" % name)
                if args.verbose:
                    print("  " + message.replace("\n", "\n  "))
        for test in flaky:
            print("passed on a retry: %s" % os.path.relpath(test, os.path.dirname(os.path.dirname(test))))
        print("%d passed, %d failed" % (passed, failed))
        return 0 if failed == 0 else 1
    finally:
        shutil.rmtree(shadow, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
