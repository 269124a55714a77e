#!/usr/bin/env python3
"""Run the golden module tests (tests/scripts/mod_*.py) under CPython with
gilpy's Python modules listed in MODULES shadowing CPython's own, and compare
stdout and the exit status with NAME.out and NAME.code (and the lines of
NAME.err with stderr).

    python3 tests/tools/check_mod_with_cpython.py [-v] [--run] [SCRIPT ...]

Without SCRIPT it runs every tests/scripts/mod_*.py.  --run shows the raw
output of the scripts instead of comparing.  Several of these modules (abc,
types, warnings, ...) are loaded by CPython's startup, so putting this folder
first on sys.path is not enough: the bootstrap imports what CPython's own
modules need first, then drops the shadowed names from sys.modules and loads
them from this folder through a meta-path finder.  After the script it checks
that every shadowed module in sys.modules came from this folder.
"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MODULE_DIR = os.path.join(ROOT, "src", "stdlib", "py")
TESTS = os.path.join(ROOT, "tests", "scripts")

MODULES = ["keyword", "__future__", "numbers", "abc", "types", "reprlib", "linecache",
           "textwrap", "pprint", "shlex", "enum", "dataclasses", "warnings",
           "traceback", "calendar", "datetime", "fractions", "argparse",
           "unittest", "csv", "difflib"]

BOOT = r'''
import sys
import importlib.util
import runpy
# CPython's own modules keep their references to the real ones.
import functools, collections, itertools, operator, copy, io, linecache
import traceback, re, keyword, types, abc, enum, reprlib, warnings, string
import contextlib, os, weakref, inspect, time, math

FOLDER = %(folder)r
MODULES = %(modules)r


class ShadowFinder:
    def find_spec(self, name, path=None, target=None):
        if name in MODULES and os.path.exists(FOLDER + "/" + name + ".py"):
            return importlib.util.spec_from_file_location(
                name, FOLDER + "/" + name + ".py")
        return None


MODULES = [m for m in MODULES if os.path.exists(FOLDER + "/" + m + ".py")]
for name in MODULES:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, ShadowFinder())
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = FOLDER + "/__nothing__"


def check():
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        path = getattr(module, "__file__", "") or ""
        if not path.startswith(FOLDER):
            sys.__stderr__.write("HARNESS: %%s comes from %%s\n" %% (name, path))
            sys.__stderr__.flush()
            import os
            os._exit(98)


try:
    runpy.run_path(script, run_name="__main__")
finally:
    check()
'''


def main(argv):
    verbose = "-v" in argv
    raw = "--run" in argv
    scripts = [a for a in argv if not a.startswith("-")]
    if not scripts:
        scripts = sorted(os.path.join(TESTS, f) for f in os.listdir(TESTS)
                         if f.startswith("mod_") and f.endswith(".py"))
    with tempfile.TemporaryDirectory() as tmp:
        boot = os.path.join(tmp, "boot.py")
        with open(boot, "w") as f:
            f.write(BOOT % {"folder": MODULE_DIR, "modules": MODULES})
        failed = 0
        for script in scripts:
            script = os.path.abspath(script)
            proc = subprocess.run([sys.executable, "-S", boot, os.path.basename(script)],
                                  cwd=os.path.dirname(script), capture_output=True,
                                  text=True, timeout=120)
            if raw:
                sys.stdout.write(proc.stdout)
                sys.stdout.write(proc.stderr)
                print("exit status", proc.returncode)
                continue
            base = script[:-3]
            want = _read(base + ".out")
            code = int((_read(base + ".code") or "0").strip())
            errs = [l for l in (_read(base + ".err") or "").splitlines() if l.strip()]
            problems = []
            if proc.stdout != want:
                problems.append("stdout differs")
            if proc.returncode != code:
                problems.append("exit status %d, expected %d" % (proc.returncode, code))
            for line in errs:
                if line not in proc.stderr:
                    problems.append("stderr lacks %r" % line)
            name = os.path.basename(script)
            if problems:
                failed += 1
                print("FAIL", name, "; ".join(problems))
                if verbose:
                    import difflib
                    sys.stdout.writelines(difflib.unified_diff(
                        want.splitlines(True), proc.stdout.splitlines(True),
                        "expected", "got"))
                    sys.stdout.write(proc.stderr[-3000:])
            else:
                print("ok  ", name)
        if not raw:
            print("%d passed, %d failed" % (len(scripts) - failed, failed))
        return 1 if failed else 0


def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
