# tomllib: every kind of value, tables and arrays of tables, dotted keys,
# parse_float, load() on binary and text files, and the error messages with
# their positions.
import io
import math
import tomllib
from decimal import Decimal


def show(doc, **kw):
    try:
        print(repr(tomllib.loads(doc, **kw)))
    except Exception as e:
        print(type(e).__name__, e)


print("-- module")
print(tomllib.__all__)
print([c.__name__ for c in tomllib.TOMLDecodeError.__mro__])
print(issubclass(tomllib.TOMLDecodeError, ValueError))

print("-- strings")
show('a = "tab\\there \\"quoted\\" back\\\\slash \\u00e9 \\U0001F600 \\b\\f\\r\\n"')
show("a = 'C:\\Users\\nodejs\\templates'\nb = '<\\i\\c*\\s*>'")
show('a = """\nRoses are red\n  Violets are blue"""')
show('a = """\\\n    The quick brown \\\n\n\n    fox jumps over \\\n    the lazy dog."""')
show('a = """line one \\   \n    line two"""')
show('a = """Here are two quotation marks: "". Simple enough."""')
show('a = """Here are three quotation marks: ""\\"."""')
show('a = """"This," she said, "is just a pointless statement.""""')
show("a = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''")
show("a = '''Here are fifteen quotation marks: \"\"\"\"\"\"\"\"\"\"\"\"\"\"\"'''")
show("a = ''''That,' she said, 'is still pointless.''''")
show('a = ""\nb = \'\'\nc = """"""\nd = \'\'\'\'\'\'')
show('a = "\\u0000 \\u007F \\U0010FFFF"')
show('a = "é ünïcödé ✓"\n"ключ" = \'значение\'\n# комментарий\nb = """многострочная\nстрока"""')

print("-- integers")
show("a = +99\nb = 42\nc = 0\nd = -17\ne = -0\nf = +0")
show("a = 1_000\nb = 5_349_221\nc = 53_49_221\nd = 1_2_3_4_5")
show("a = 0xDEADBEEF\nb = 0xdeadbeef\nc = 0xdead_beef\nd = 0o01234567\ne = 0o755\nf = 0b11010110\ng = 0x0")
show("a = 123456789012345678901234567890\nb = -9223372036854775809\nc = 0xffffffffffffffffffffffff")

print("-- floats")
show("a = +1.0\nb = 3.1415\nc = -0.01\nd = 5e+22\ne = 1e06\nf = -2E-2\ng = 6.626e-34\nh = 224_617.445_991_228\ni = -0.0\nj = 1e400")
d = tomllib.loads("a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan")
print(d["a"], d["b"], d["c"], [math.isnan(d[k]) for k in "def"])
show("a = 1.5\nb = [2.5, -inf]\nc = 7", parse_float=Decimal)
show("a = 1_0.5e1_0\nb = nan\nc = 3", parse_float=str)

print("-- booleans")
show("a = true\nb = false\nc = [true, false]")

print("-- dates and times")
show("odt1 = 1979-05-27T07:32:00Z\nodt2 = 1979-05-27T00:32:00-07:00\nodt3 = 1979-05-27T00:32:00.999999-07:00\nodt4 = 1979-05-27 07:32:00Z")
show("a = 1979-05-27t07:32:00z\nb = 1979-05-27T07:32:00+00:00\nc = 1979-05-27T07:32:00-00:00\nd = 2000-02-29T23:59:59.1234567+05:30")
show("ldt1 = 1979-05-27T07:32:00\nldt2 = 1979-05-27T00:32:00.999999\nld1 = 1979-05-27\nlt1 = 07:32:00\nlt2 = 00:32:00.999999\nlt3 = 23:59:59.5")
d = tomllib.loads("a = 1979-05-27T00:32:00-07:30\nb = 1979-05-27T00:32:00Z")
print(d["a"].isoformat(), d["a"].utcoffset(), d["b"].tzname(), d["a"].tzinfo == d["a"].tzinfo)

print("-- arrays")
show('integers = [ 1, 2, 3 ]\ncolors = [ "red", "yellow", "green" ]\nnested_arrays_of_ints = [ [ 1, 2 ], [3, 4, 5] ]\nnested_mixed_array = [ [ 1, 2 ], ["a", "b", "c"] ]\nstring_array = [ "all", \'strings\', """are the same""", \'\'\'type\'\'\' ]')
show('numbers = [ 0.1, 0.2, 0.5, 1, 2, 5 ]\ncontributors = [\n  "Foo Bar <foo@example.com>",\n  { name = "Baz Qux", email = "bazqux@example.com", url = "https://example.com/bazqux" }\n]')
show("a = [\n  1, # one\n  2, # two\n  # nothing\n]\nb = []\nc = [ ]\nd = [\n]\ne = [[[]]]")

print("-- tables")
show('[table-1]\nkey1 = "some string"\nkey2 = 123\n\n[table-2]\nkey1 = "another string"\nkey2 = 456')
show('[dog."tater.man"]\ntype.name = "pug"')
show("[a.b.c]\n[ d.e.f ]\n[ g .  h  . i ]\n[ j . \"ʞ\" . 'l' ]")
show("[x.y.z.w]\n[x]")
show("[fruit]\napple.color = \"red\"\napple.taste.sweet = true\n\n[fruit.apple.texture]\nsmooth = true")
show('name = "Orange"\nphysical.color = "orange"\nphysical.shape = "round"\nsite."google.com" = true\n3.14159 = "pi"\n"" = "blank"')
show("fruit.apple.smooth = true\nfruit.orange = 2\n[fruit.banana]\nx = 1")
show('name = { first = "Tom", last = "Preston-Werner" }\npoint = { x = 1, y = 2 }\nanimal = { type.name = "pug" }\nempty = {}\nnested = { a = { b = { c = [1, {d = 2}] } } }')

print("-- arrays of tables")
show('[[products]]\nname = "Hammer"\nsku = 738594937\n\n[[products]]  # empty table within the array\n\n[[products]]\nname = "Nail"\nsku = 284758393\n\ncolor = "gray"')
show('[[fruits]]\nname = "apple"\n\n[fruits.physical]  # subtable\ncolor = "red"\nshape = "round"\n\n[[fruits.varieties]]  # nested array of tables\nname = "red delicious"\n\n[[fruits.varieties]]\nname = "granny smith"\n\n\n[[fruits]]\nname = "banana"\n\n[[fruits.varieties]]\nname = "plantain"')
show("[[a.b]]\nx = 1\n[a]\ny = 2\n[[a.b]]\nx = 3")

print("-- line endings and spacing")
show('a = 1\r\nb = """x\r\ny"""\r\n[t]\r\nc = """\r\nline\r\n"""\r\n')
show('b = "x\r\ny"')
show("\t a\t=\t1\t# comment\t\n\n\n[ t ]  # c\n  b = 2")
show("# only a comment")
show("")

print("-- redefinitions")
show("a = 1\na = 2")
show("a.b = 1\na.b = 2")
show("[a]\nb = 1\n[a]\nc = 2")
show("[a]\nb = 1\n[a.b]")
show("[a.b]\n[a]\nb.c = 1")
show("[a]\nb.c = 1\n[a.b]")
show("a.b = 1\n[a]")
show("[[a]]\n[a]")
show("[a]\n[[a]]")
show("a = []\n[[a]]")
show("a = [1]\n[a.b]")
show("a = {}\n[a]")
show("a = {b = 1}\na.c = 2")
show("a = {b = {}}\n[a.b.c]")
show("a = 1\n[a.b]")
show("a = 1\n[[a]]")
show("[a]\nb = 1\n[[a.b]]")
show('a = {b = 1, b = 2}')
show('a = {b = {}, b.c = 1}')
show('a = {b = [], b.c = 1}')
show('a = {b = 1, b.c = 2}')
show('a = {b.c = 1, b = 2}')
show('[[t]]\na.b = 1\n[[t]]\na.b = 2\n[t.a]\nc = 3')

print("-- syntax errors")
errors = [
    "a", "a =", "a = ", "= 1", "a = 1 b = 2", "a = 1 x", "a = truex", "a = True",
    "a = 01", "a = 1__0", "a = _1", "a = 1_", "a = 0x", "a = 0xg", "a = 0b2",
    "a = 1.", "a = .5", "a = 1e", "a = 1.e5", "a = infinity", "a = +", "a = -nan1",
    'a = "abc', 'a = "abc\ndef"', "a = 'abc", "a = 'abc\ndef'", 'a = """abc',
    "a = '''abc", 'a = "\\x41"', 'a = "\\u12"', 'a = "\\u12G4"', 'a = "\\UFFFFFFFF"',
    'a = "\\ud800"', 'a = "\\', 'a = """a\\ b"""', 'a = "a\tb\x01"', "a = 'a\x7fb'",
    'a = """\x00"""', "a = '''\x08'''", "# comment\x00", "a = 1 # \x1f",
    "a = [1 2]", "a = [1,,2]", "a = [1", "a = [,]", "a = {a = 1,}", "a = {a = 1 b = 2}",
    "a = {\na = 1}", "a = {a = 1", "a = {a 1}", "a = {", "[a", "[a]x", "[a] b = 1",
    "[[a]", "[[a] ]", "[ [a]]", "[]", "[[]]", "[a.]", "[.a]", "[a..b]", "a..b = 1",
    "a. = 1", ".a = 1", "a b = 1", '"a\nb" = 1', "é = 1", "a = é", "\x00",
    "a = 2021-02-30", "a = 2021-13-01", "a = 0000-01-01", "a = 1979-05-27T07:32",
    "a = 1979-05-27T24:00:00", "a = 1979-05-27T07:32:60", "a = 07:32", "a = 7:32:00",
    "a = 1979-05-27T07:32:00+25:00", "a = 1979-05-27T07:32:00+05", "a = 1979-5-27",
    "\n\n   a = \n", "x = 1\r", "a = 1\n\rb = 2", "éé = 1", 'a = "é" b',
    "ab = 'é'\n[[é]]", "[a]\n\tb = 1\n\tc = [\n\t\t1,\n\t\t2\n\t\t3\n\t]",
]
for doc in errors:
    print(repr(doc), end=": ")
    show(doc)

print("-- parse_float")
try:
    tomllib.loads("a = 1.5", parse_float=lambda s: [s])
except Exception as e:
    print(type(e).__name__, e)
try:
    tomllib.loads("a = 1.5", parse_float=lambda s: {"s": s})
except Exception as e:
    print(type(e).__name__, e)
try:
    tomllib.loads("a = 1.5", parse_float=int)
except Exception as e:
    print(type(e).__name__, e)
show("a = 1.5", parse_float=lambda s: ("float", s))
show("a = 1", parse_float=lambda s: [s])

print("-- arguments")
for bad in (b"a = 1", 1, None):
    try:
        tomllib.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    tomllib.loads(s="a = 1")
except TypeError as e:
    print(type(e).__name__, e)
try:
    tomllib.loads("a = 1", float)
except TypeError as e:
    print(type(e).__name__, e)

print("-- load")
print(tomllib.load(io.BytesIO(b'title = "TOML \xc3\xa9"\n[owner]\nname = "Tom"\n')))
print(tomllib.load(io.BytesIO(b"a = 1.25"), parse_float=Decimal))
try:
    tomllib.load(io.StringIO("a = 1"))
except TypeError as e:
    print(type(e).__name__, e)
try:
    tomllib.load(io.BytesIO(b"a = '\xff'"))
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    tomllib.load(io.BytesIO(b"a = = 1"))
except tomllib.TOMLDecodeError as e:
    print(type(e).__name__, e, isinstance(e, ValueError), e.args)

print("-- a pyproject.toml")
PYPROJECT = '''
[build-system]
requires = ["setuptools>=61.0", "wheel"]
build-backend = "setuptools.build_meta"

[project]
name = "example-package"
version = "0.1.0"
description = "A small example package — with ünïcode"
readme = "README.md"
requires-python = ">=3.8"
license = {text = "MIT"}
authors = [
  { name="Example Author", email="author@example.com" },
]
classifiers = [
    "Programming Language :: Python :: 3",
    "License :: OSI Approved :: MIT License",
    "Operating System :: OS Independent",
]
dependencies = [
    "requests>=2.28",
    'importlib-metadata; python_version<"3.10"',
]

[project.optional-dependencies]
dev = ["pytest>=7", "black"]

[project.urls]
"Homepage" = "https://github.com/pypa/sampleproject"
"Bug Tracker" = "https://github.com/pypa/sampleproject/issues"

[project.scripts]
example-cli = "example_package.cli:main"

[tool.black]
line-length = 88
target-version = ['py38', 'py39']
include = '\\.pyi?$'
extend-exclude = """
/(
  # The following are specific to Black
  | profiling
)/
"""

[tool.pytest.ini_options]
minversion = "6.0"
addopts = "-ra -q"
testpaths = [
    "tests",
    "integration",
]

[[tool.mypy.overrides]]
module = ["yaml.*", "requests.*"]
ignore_missing_imports = true
'''
data = tomllib.loads(PYPROJECT)
for key, value in data.items():
    print(key, "=", value)
print(data["tool"]["black"]["extend-exclude"])
