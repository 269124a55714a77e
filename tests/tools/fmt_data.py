#!/usr/bin/env python3
r"""Recompute the expected results in tests/data/fmt/ with CPython.

    python3 tests/tools/fmt_data.py

tests/fmt.rs checks gilpy's `fmt` module (float repr, format(), %-formatting,
str.format parsing, int() and float() parsing) against these files.  Each
file holds one case a line, its fields separated by a tab.  The script keeps
every line's input fields, computes the result fields with this python3
(CPython 3.11) and rewrites the file; to add a case, add a line with its
inputs and any placeholder result, run the script and review `git diff`.

In a field, `\\` is a backslash, `\t` a tab, `\n` a newline, `\r` a carriage
return, `\s` a space (written for a space that ends a field, so that no line
ends in white space) and `\u{HEX}` any other character that is not printable.
A float is written as the 16 hex digits of its bits (`0x3ff0000000000000`);
a result is `ok` followed by the text, or `err` followed by the message of
the exception CPython raised.

    file                       inputs            results
    repr.txt                   BITS              repr(x)
    format_int.txt             INT SPEC          ok|err TEXT
    format_float.txt           BITS SPEC         ok|err TEXT
    format_str.txt             STR SPEC          ok|err TEXT
    round.txt                  BITS NDIGITS      BITS of round(x, ndigits)
    parse_int.txt              TEXT BASE         ok|err INT (int(text, base))
    parse_float.txt            TEXT              ok|err BITS (float(text))
    percent.txt                FORMAT ARG...     FORMAT % (ARG, ...)
    percent_keyed.txt          FORMAT            FORMAT % KEYED (below)
    percent_errors.txt         FORMAT            the ValueError's message
    format_string_errors.txt   FORMAT            the ValueError's message
    radix.txt                  INT               hex, oct, bin

An ARG of percent.txt is `I:` (an int), `F:` (a float) or `S:` (a str)
followed by its text; an `S:` argument's repr is its text itself, as if the
caller had already applied repr() (tests/fmt.rs passes the text on as is).
"""

import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data", "fmt")

# The mapping of percent_keyed.txt; tests/fmt.rs has the same one.
KEYED = {"a": "x", "b": 5, "x": 2.25, "y": "z", "a(b)": "ok"}


def encode(field):
    out = []
    for i, c in enumerate(field):
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c == " " and i == len(field) - 1:
            out.append("\\s")
        elif not c.isprintable():
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return "".join(out)


SIMPLE = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r", "s": " "}


def decode(field):
    out = []
    i = 0
    while i < len(field):
        c = field[i]
        if c != "\\":
            out.append(c)
            i += 1
        elif field[i + 1] in SIMPLE:
            out.append(SIMPLE[field[i + 1]])
            i += 2
        elif field.startswith("\\u{", i):
            end = field.index("}", i)
            out.append(chr(int(field[i + 3:end], 16)))
            i = end + 1
        else:
            raise ValueError("bad escape in %r" % field)
    return "".join(out)


def f64(text):
    return struct.unpack("<d", struct.pack("<Q", int(text, 16)))[0]


def bits(x):
    return "0x%016x" % struct.unpack("<Q", struct.pack("<d", x))[0]


def outcome(compute, errors=(ValueError, OverflowError)):
    try:
        return ["ok", compute()]
    except errors as e:
        return ["err", str(e)]


class ReprIsText(str):
    """A str whose repr() is itself: an `S:` argument."""

    def __repr__(self):
        return str(self)


class AnyKey(dict):
    """A mapping with every key, so that only the format can be at fault."""

    def __missing__(self, key):
        return 1


class Anything:
    """Has every attribute and item, and formats as nothing."""

    def __getattr__(self, name):
        return self

    def __getitem__(self, key):
        return self

    def __format__(self, spec):
        return ""


def percent_arg(text):
    kind, _, value = text.partition(":")
    return {"I": int, "F": float, "S": ReprIsText}[kind](value)


def percent_error(fmt):
    args = AnyKey() if "%(" in fmt else (1,) * 8
    try:
        fmt % args
    except ValueError as e:
        return [str(e)]
    raise SystemExit("no ValueError for %r" % fmt)


def format_string_error(fmt):
    try:
        fmt.format(*[Anything()] * 8)
    except ValueError as e:
        return [str(e)]
    raise SystemExit("no ValueError for %r" % fmt)


# file -> (number of input fields, or None for all but the last; the results)
TABLES = {
    "repr.txt": (1, lambda b: [repr(f64(b))]),
    "format_int.txt": (2, lambda v, spec: outcome(lambda: format(int(v), spec))),
    "format_float.txt": (2, lambda b, spec: outcome(lambda: format(f64(b), spec))),
    "format_str.txt": (2, lambda s, spec: outcome(lambda: format(s, spec))),
    "round.txt": (2, lambda b, nd: [bits(round(f64(b), int(nd)))]),
    "parse_int.txt": (2, lambda t, base: outcome(lambda: str(int(t, int(base))), ValueError)),
    "parse_float.txt": (1, lambda t: outcome(lambda: bits(float(t)), ValueError)),
    "percent.txt": (None, lambda fmt, *args: [fmt % tuple(percent_arg(a) for a in args)]),
    "percent_keyed.txt": (1, lambda fmt: [fmt % KEYED]),
    "percent_errors.txt": (1, percent_error),
    "format_string_errors.txt": (1, format_string_error),
    "radix.txt": (1, lambda v: [hex(int(v)), oct(int(v)), bin(int(v))]),
}


def regenerate(name, inputs, compute):
    path = os.path.join(DATA, name)
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    out = []
    for number, line in enumerate(lines, 1):
        fields = [decode(f) for f in line.split("\t")]
        # percent.txt: the format and its arguments, then the result.
        keep = fields[:-1] if inputs is None else fields[:inputs]
        if len(keep) < (inputs or 1):
            raise SystemExit("%s:%d: too few fields" % (name, number))
        out.append("\t".join(encode(f) for f in keep + compute(*keep)))
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("".join(line + "\n" for line in out))
    return len(out)


def main():
    if sys.version_info[:2] != (3, 11):
        print("warning: the expected results are CPython 3.11's; this is %d.%d"
              % sys.version_info[:2], file=sys.stderr)
    for name, (inputs, compute) in TABLES.items():
        print("%-26s %5d cases" % (name, regenerate(name, inputs, compute)))


if __name__ == "__main__":
    main()
