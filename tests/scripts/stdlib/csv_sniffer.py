# csv.Sniffer: sniff() dialects and has_header() on typical samples.
import csv
import io

SAMPLES = {
    "comma": "name,age,city\nAlice,30,Paris\nBob,25,London\nCarol,41,Rome\n",
    "semicolon": "a;b;c\n1;2;3\n4;5;6\n7;8;9\n",
    "tab": "id\tvalue\tnote\n1\t3.5\tfirst\n2\t4.25\tsecond\n3\t1e3\tthird\n",
    "pipe": "x|y|z\n1|2|3\n4|5|6\n",
    "colon": "user:uid:shell\nroot:0:/bin/sh\nbob:1000:/bin/bash\n",
    "space": "alpha beta gamma\n1 2 3\n4 5 6\n",
    "quoted": '"name","age"\n"Alice","30"\n"Bob","25"\n',
    "quoted space": '"name", "age", "town"\n"Alice", 30, "Paris"\n"Bob", 25, "Rome"\n',
    "single quotes": "'a';'b';'c'\n'1';'2';'3'\n",
    "doubled quotes": 'a,b\n"say ""hi""",2\n"x",3\n',
    "mixed quoted": 'id,text\n1,"hello, world"\n2,"foo"\n3,bar\n',
    "skipinitialspace": "a, b, c\n1, 2, 3\n4, 5, 6\n",
    "crlf": "a,b,c\r\n1,2,3\r\n4,5,6\r\n",
    "one column quoted": '"a"\n"b"\n"c"\n',
    "numbers header": "1,2,3\n4,5,6\n7,8,9\n",
    "lengths header": "code,country\nFR,France\nDE,Germany\nIT,Italy\n",
    "same lengths": "ab,cd\nef,gh\nij,kl\n",
    "ragged": "a,b,c\n1,2\n3,4,5\n6,7,8,9\n",
    "long": "".join("%d,%d,%s\n" % (i, i * i, "w" * (i % 7)) for i in range(40)),
    "long semicolon": "h1;h2\n" + "".join("%d;x%d\n" % (i, i) for i in range(25)),
    "complex nums": "re,im\n1+2j,3\n4j,5\n",
    "floats": "price;qty\n1.5;3\n2.25;4\n0.75;10\n",
}

sniffer = csv.Sniffer()
print(sniffer.preferred)
for label, text in SAMPLES.items():
    try:
        d = sniffer.sniff(text)
    except csv.Error as e:
        print(label, "-> Error", e)
        continue
    print(label, "->", repr(d.delimiter), repr(d.quotechar), d.doublequote,
          d.skipinitialspace, repr(d.lineterminator), d.quoting,
          d.escapechar, d._name, issubclass(d, csv.Dialect))
    try:
        print("   header:", sniffer.has_header(text))
    except Exception as e:
        print("   header:", type(e).__name__, e)
    rows = list(csv.reader(io.StringIO(text), d))
    print("   rows:", rows[:3])

print("== delimiters=")
for label, text, delims in (
        ("comma", SAMPLES["comma"], ";"),
        ("comma", SAMPLES["comma"], ",;"),
        ("semicolon", SAMPLES["semicolon"], ",;"),
        ("colon", SAMPLES["colon"], ":"),
        ("colon", SAMPLES["colon"], "/"),
        ("quoted", SAMPLES["quoted"], ";"),
        ("space", SAMPLES["space"], " "),
        ("mixed", "a;b,c\n1;2,3\n4;5,6\n", ","),
        ("mixed", "a;b,c\n1;2,3\n4;5,6\n", None)):
    try:
        d = sniffer.sniff(text, delimiters=delims)
        print(label, repr(delims), "->", repr(d.delimiter), repr(d.quotechar),
              d.skipinitialspace)
    except csv.Error as e:
        print(label, repr(delims), "-> Error", e)

print("== failures")
for text in ("", "abc", "hello\nworld\n", "a,b\n1\n2,3,4,5\nxyz\n"):
    try:
        d = sniffer.sniff(text)
        print(repr(text), "->", repr(d.delimiter))
    except csv.Error as e:
        print(repr(text), "-> Error", e)
try:
    sniffer.has_header("")
except csv.Error as e:
    print("has_header empty -> Error", e)

print("== dialect use")
d = sniffer.sniff(SAMPLES["semicolon"])
out = io.StringIO()
w = csv.writer(out, dialect=d)
w.writerow(["x", "y;z", "q r"])
try:
    w.writerow(['q"r'])
except csv.Error as e:
    print("Error", e)
print(repr(out.getvalue()))
csv.register_dialect("sniffed", d)
print(csv.get_dialect("sniffed").delimiter)
print(list(csv.DictReader(io.StringIO(SAMPLES["tab"]), dialect=d)))
d = sniffer.sniff(SAMPLES["tab"])
print([dict(r) for r in csv.DictReader(io.StringIO(SAMPLES["tab"]), dialect=d)])
