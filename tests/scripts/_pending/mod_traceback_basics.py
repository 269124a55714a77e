import sys
import traceback


def clean(text):
    """The report with file names reduced to their last component."""
    out = []
    for line in text.splitlines(True):
        if 'File "' in line:
            head, rest = line.split('File "', 1)
            path, tail = rest.split('"', 1)
            line = head + 'File "' + path.replace("\\", "/").rsplit("/", 1)[-1] + '"' + tail
        out.append(line)
    return "".join(out)


def divide(a, b):
    return a / b


def outer(values):
    total = 0
    for v in values:
        total += divide(10, v)
    return total


try:
    outer([1, 2, 0])
except ZeroDivisionError:
    print(clean(traceback.format_exc()), end="")
    info = sys.exc_info()
    entries = traceback.extract_tb(info[2])
    print([(e.name, e.lineno, e.line) for e in entries])
    print(len(entries), entries[-1].name, repr(entries[0]).split(" ")[0], list(entries[-1])[2:])
    print("".join(clean(s) for s in traceback.format_tb(info[2], limit=1)), end="")
    print("".join(clean(s) for s in traceback.format_tb(info[2], limit=-1)), end="")
    print(traceback.format_exception_only(info[0], info[1]))


class Stream:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)


def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {text!r}") from e


try:
    parse("abc")
except RuntimeError as e:
    stream = Stream()
    traceback.print_exc(file=stream)
    print(clean("".join(stream.parts)), end="")
    print(clean("".join(traceback.format_exception(e))), end="")
    print(clean("".join(traceback.format_exception(e, chain=False))), end="")
    print(traceback.format_exception_only(e))

try:
    try:
        {}["missing"]
    except KeyError:
        [].pop()
except IndexError as e:
    print(clean("".join(traceback.format_exception(type(e), e, e.__traceback__))), end="")

try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second") from None
except TypeError as e:
    print(clean("".join(traceback.format_exception(e))), end="")


def recurse(n):
    if n == 0:
        raise RecursionError("deep enough")
    return recurse(n - 1)


try:
    recurse(8)
except RecursionError as e:
    print(clean("".join(traceback.format_exception(e))), end="")

error = ValueError("with notes")
error.add_note("first note")
error.add_note("second\nnote")
print(traceback.format_exception_only(error))
print(traceback.format_exception_only(ValueError()), traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(SyntaxError("invalid syntax", ("prog.py", 3, 7, "  x = = 1\n", 3, 8))))
print(traceback.format_exception_only(SyntaxError("no location")))


class CustomError(Exception):
    pass


class ModuleError(Exception):
    pass


ModuleError.__module__ = "pkg.errors"
print(traceback.format_exception_only(CustomError("custom")), traceback.format_exception_only(ModuleError("elsewhere")))

summary = traceback.StackSummary.from_list([("a.py", 1, "f", "x = 1"), ("b.py", 2, "g", None)])
print(summary.format())
print(traceback.format_list([("c.py", 3, "h", "return h()")]))
frame = traceback.FrameSummary("d.py", 4, "k", line="  pass  ")
print(frame.line, frame == ("d.py", 4, "k", "pass"), len(frame), repr(frame))


def where():
    return traceback.extract_stack()


stack = where()
print([f.name for f in stack][-2:], stack[-1].line)
print(clean("".join(traceback.format_stack(limit=1))), end="")
te = traceback.TracebackException.from_exception(error)
print(list(te.format_exception_only()), str(te), te.exc_type.__name__)
try:
    raise ExceptionGroup("several", [ValueError("one"), TypeError("two")])
except ExceptionGroup as e:
    print(clean("".join(traceback.format_exception(e))), end="")
try:
    traceback.format_exception(ValueError, ValueError("x"))
except ValueError as e:
    print("ValueError:", e)
