#!/usr/bin/env python3
"""Run the standard-library test scripts under CPython with gilpy's Python
modules (random, functools, itertools, collections, ...) shadowing CPython's
own, and compare their output with the expected output.

    python3 tests/tools/check_stdlib_with_cpython.py [options] [PATH ...]

This mirrors check_with_cpython.py (same test layout: NAME.py with NAME.out,
maybe NAME.err and NAME.code), for the modules listed in STDLIB_MODULES.  Some
of those are built into CPython (itertools) or imported by its startup and by
the bootstrap's own error reporting (functools, collections, operator, os, ...),
so putting the shadow folder first on sys.path is not enough: the bootstrap
imports what it needs for reporting first, then removes these modules from
sys.modules and installs a meta-path finder (first in sys.meta_path) that
loads every one of them from the shadow folder.  After the script it checks
that each of them in sys.modules comes from the shadow folder.

Default PATH: tests/scripts/stdlib/.

Options:
    --reference     run with CPython's own modules instead (checks the tests)
    --run SCRIPT    run one script with the shadowing modules, output shown as is
    --jobs N        tests run in parallel (default 4)
    --timeout S     seconds per test (default 60)
    --python EXE    the CPython to use (default python3)
    -v              show the differences of failed tests
"""

import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
# gilpy's modules written in Python.
MODULES = os.path.join(REPO, "src", "stdlib", "py")
DEFAULT_PATHS = [os.path.join(REPO, "tests", "scripts", "stdlib")]

# The modules checked here: imported as NAME from NAME.py in MODULES.
STDLIB_MODULES = ["random", "functools", "itertools", "collections", "operator",
                  "heapq", "bisect", "string", "copy", "contextlib",
                  "statistics", "typing", "os"]

BOOT_HEAD = r'''
import sys

STDLIB_MODULES = %(modules)r
SHADOWED = ("threading", "queue", "logging", "concurrent", "concurrent.futures")


def _format_exception(exc):
    # What gilpy's _thread._format_exception returns: the full report.
    import traceback
    return "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class ShadowFinder:
    """Finds the modules of STDLIB_MODULES in the shadow folder, before the
    built-in and frozen importers can."""

    def __init__(self, folder, spec_from_file_location):
        self.folder = folder
        self.spec_from_file_location = spec_from_file_location

    def find_spec(self, name, path=None, target=None):
        if name in STDLIB_MODULES:
            return self.spec_from_file_location(name, self.folder + "/" + name + ".py")
        return None


def check_modules(shadow_dir, reference):
    if reference:
        return True
    ok = True
    for name in SHADOWED + tuple(STDLIB_MODULES):
        module = sys.modules.get(name)
        if module is None:
            continue
        path = getattr(module, "__file__", "") or ""
        if not path.startswith(shadow_dir):
            sys.stderr.write("HARNESS: module %%s comes from %%s, not from %%s\n"
                             %% (name, path, shadow_dir))
            ok = False
    return ok


def main():
    shadow_dir, script, reference = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
    # What reporting an exception needs, from CPython's own modules: they keep
    # their references to the real functools, collections, os, ...
    import traceback
    import linecache
    import importlib.util
    if not reference:
        for name in SHADOWED:
            if name in sys.modules:
                sys.stderr.write("HARNESS: %%s was imported before the test\n" %% name)
                sys.exit(97)
        for name in STDLIB_MODULES:
            sys.modules.pop(name, None)
        sys.meta_path.insert(0, ShadowFinder(shadow_dir, importlib.util.spec_from_file_location))
        import _thread
        if not hasattr(_thread, "_format_exception"):
            _thread._format_exception = _format_exception
'''


def make_shadow_dir():
    shadow = tempfile.mkdtemp(prefix="gilpy_stdlib_")
    os.makedirs(os.path.join(shadow, "concurrent"))
    # check_with_cpython.py's modules, shadowed the same way (by sys.path).
    for src, dst in _common().MODULE_FILES.items():
        shutil.copyfile(os.path.join(MODULES, src), os.path.join(shadow, dst))
    for name in STDLIB_MODULES:
        shutil.copyfile(os.path.join(MODULES, name + ".py"), os.path.join(shadow, name + ".py"))
    with open(os.path.join(shadow, "_gilpy_boot.py"), "w") as f:
        f.write(BOOT_HEAD % {"modules": STDLIB_MODULES} + _common().RUN_SCRIPT)
    return shadow


def _common():
    """check_with_cpython.py, beside this file, loaded by path."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("_gilpy_check_common", os.path.join(HERE, "check_with_cpython.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main():
    return _common().main(make_shadow_dir, DEFAULT_PATHS, 60)


if __name__ == "__main__":
    sys.exit(main())
