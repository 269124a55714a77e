import csv


class Sink:
    """A file-like object collecting what is written."""

    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

    def getvalue(self):
        return "".join(self.parts)


lines = [
    'name,age,city\r\n',
    'Alice,30,"New York, NY"\r\n',
    'Bob,25,"He said ""hi"""\r\n',
    '"Carol ""CJ"" Jones",41,"multi\n',
    'line"\r\n',
    '\r\n',
    'Dave,,Boston\r\n',
]
rd = csv.reader(lines)
for row in rd:
    print(rd.line_num, row)

for row in csv.DictReader(lines):
    print(row)

sink = Sink()
w = csv.writer(sink)
print(w.writerow(["id", "text", "value"]))
w.writerows([
    [1, "plain", 3.5],
    [2, "with, comma", None],
    [3, 'with "quotes"', True],
    [4, "two\nlines", ""],
])
w.writerow([""])
w.writerow([])
print(repr(sink.getvalue()))

for quoting in (csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_MINIMAL):
    sink = Sink()
    csv.writer(sink, quoting=quoting, lineterminator="\n").writerow(["a", 1, 2.5, "b c"])
    print(quoting, repr(sink.getvalue()))
sink = Sink()
csv.writer(sink, quoting=csv.QUOTE_NONE, escapechar="\\").writerow(["a,b", 'q"', "plain"])
print(repr(sink.getvalue()))
try:
    csv.writer(Sink(), quoting=csv.QUOTE_NONE).writerow(["needs,escape"])
except csv.Error as e:
    print("csv.Error:", e)

print(list(csv.reader(["1;2;'x;y'"], delimiter=";", quotechar="'")))
print(list(csv.reader(["a,  b,   c"], skipinitialspace=True)))
print(list(csv.reader(["1,2.5,\"x\""], quoting=csv.QUOTE_NONNUMERIC)))
print(list(csv.reader(["a\\,b,c"], escapechar="\\")))
print(list(csv.reader(["a\tb\tc"], dialect="excel-tab")), list(csv.reader(['"a","b"'], csv.unix_dialect)))

sink = Sink()
dw = csv.DictWriter(sink, fieldnames=["name", "score"], restval="n/a")
dw.writeheader()
dw.writerow({"name": "Ann", "score": 9})
dw.writerows([{"name": "Ben"}, {"score": 7, "name": "Cy"}])
print(repr(sink.getvalue()))
try:
    dw.writerow({"name": "X", "extra": 1})
except ValueError as e:
    print("ValueError:", e)
ignoring = csv.DictWriter(Sink(), ["a"], extrasaction="ignore")
print(ignoring.writerow({"a": 1, "b": 2}))

reader = csv.DictReader(["x,y", "1,2,3", "4"], restkey="rest", restval="?")
print(reader.fieldnames, list(reader), reader.line_num)
reader = csv.DictReader(["1,2", "3,4"], fieldnames=["first", "second"])
print(list(reader))

csv.register_dialect("pipes", delimiter="|", quoting=csv.QUOTE_NONE, escapechar="\\")
print(sorted(csv.list_dialects()), csv.get_dialect("pipes").delimiter, list(csv.reader(["a|b\\|c"], "pipes")))
csv.unregister_dialect("pipes")


class Semicolons(csv.excel):
    delimiter = ";"


print(list(csv.reader(["1;2"], Semicolons)), Semicolons().delimiter)
for bad in (lambda: csv.get_dialect("nope"), lambda: list(csv.reader(['"open'], strict=True)),
            lambda: csv.reader([], delimiter="::"), lambda: csv.reader([], quoting=8),
            lambda: list(csv.reader(["a\rb"])), lambda: csv.writer(object()),
            lambda: list(csv.reader(["x"], quoting=csv.QUOTE_NONNUMERIC))):
    try:
        bad()
    except (csv.Error, TypeError, ValueError) as e:
        print(type(e).__name__, e)
d = csv.reader([]).dialect
print(d.delimiter, d.quotechar, d.escapechar, d.doublequote, repr(d.lineterminator), d.quoting, d.skipinitialspace, d.strict)
print(csv.field_size_limit(), csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC, csv.QUOTE_NONE, csv.__version__)
