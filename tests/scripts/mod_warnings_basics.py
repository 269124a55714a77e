import sys
import warnings


class Stream:
    """Collects what is written to it (a stand-in for sys.stderr)."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)

    def text(self):
        return "".join(self.parts)


def deprecated_api():
    warnings.warn("deprecated_api() is deprecated", DeprecationWarning, stacklevel=2)


def library_call():
    warnings.warn("something looks odd")


print(warnings.__all__)
print(warnings.defaultaction, warnings.filters[:2])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    library_call()
    library_call()
    deprecated_api()
    warnings.warn(RuntimeWarning("an instance"))
    warnings.warn("custom category", FutureWarning)
for w in caught:
    print(w.category.__name__, str(w.message), type(w.message).__name__, w.lineno > 0,
          w.filename.endswith("mod_warnings_basics.py"))
print(len(caught), repr(warnings.catch_warnings(record=True)), repr(warnings.catch_warnings()))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        library_call()
    warnings.simplefilter("ignore", UserWarning)
    library_call()
print("default shows once per location:", len(caught))

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("same text")
        warnings.warn("same text")
print("once:", len(caught))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print("raised:", type(e).__name__, e)
    try:
        warnings.warn("dep", DeprecationWarning)
    except DeprecationWarning as e:
        print("raised:", type(e).__name__, e)

with warnings.catch_warnings(action="ignore"):
    warnings.warn("silenced")
    print("inside catch_warnings(action='ignore'):", warnings.filters[0][:1])

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.simplefilter("always", RuntimeWarning)
    warnings.warn("not shown", UserWarning)
    warnings.warn("shown", RuntimeWarning)
print([str(w.message) for w in caught])

before = len(warnings.filters)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.resetwarnings()
    print("after reset:", warnings.filters)
print("restored:", len(warnings.filters) == before)

stream = Stream()
with warnings.catch_warnings():
    warnings.simplefilter("always")
    old = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):
        stream.write(f"[{category.__name__}] {message}\n")

    warnings.showwarning = show
    warnings.warn("via custom showwarning")
    warnings.showwarning = old
print(stream.text(), end="")

print(warnings.formatwarning("text", UserWarning, "file.py", 12, line="  x = 1  "), end="")
print(warnings.formatwarning("text", DeprecationWarning, "nonexistent_file.py", 3), end="")
stream = Stream()
warnings.showwarning("to a file", RuntimeWarning, "prog.py", 7, file=stream, line="call()")
print(stream.text(), end="")
msg = warnings.WarningMessage("m", UserWarning, "f.py", 3)
print(msg, msg.category is UserWarning)

for bad in (lambda: warnings.warn("x", int), lambda: warnings.simplefilter("sometimes")):
    try:
        bad()
    except (TypeError, AssertionError) as e:
        print(type(e).__name__, e)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn_explicit("explicit", UserWarning, "other.py", 42)
    warnings.warn_explicit("in module", SyntaxWarning, "pkg/mod.py", 5, module="pkg.mod")
print([(w.filename, w.lineno, str(w.message), w.category.__name__) for w in caught])

# Shown on stderr with the source line (checked by mod_warnings_basics.err).
warnings.simplefilter("default")
library_call()
deprecated_api()
warnings.warn("deprecation in __main__ is shown", DeprecationWarning)
sys.stderr.flush()
print("done")
