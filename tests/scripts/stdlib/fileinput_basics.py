import fileinput
import io
import os
import sys
import tempfile

with tempfile.TemporaryDirectory() as d:
    a = os.path.join(d, "a.txt")
    b = os.path.join(d, "b.txt")
    empty = os.path.join(d, "empty.txt")
    with open(a, "w") as f:
        f.write("alpha 1\nalpha 2\nalpha 3\n")
    with open(b, "w") as f:
        f.write("beta 1\nbeta 2")
    open(empty, "w").close()

    for line in fileinput.input([a, empty, b]):
        print(os.path.basename(fileinput.filename()), fileinput.lineno(),
              fileinput.filelineno(), fileinput.isfirstline(),
              fileinput.isstdin(), repr(line))
    fileinput.close()

    # nextfile() skips the rest of a file
    with fileinput.input(files=(a, b)) as fi:
        for line in fi:
            print(fi.lineno(), repr(line))
            if fi.filelineno() == 1:
                fi.nextfile()
    try:
        fileinput.lineno()
    except RuntimeError as e:
        print("RuntimeError:", e)

    # the state belongs to the module until close()
    fi = fileinput.input(a)
    print(repr(next(fi)))
    try:
        fileinput.input(b)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(fileinput.fileno() >= 0)
    fileinput.close()

    # binary mode, readline()
    fi = fileinput.FileInput([a, b], mode="rb")
    print(fi.readline(), fi.readline())
    print(list(fi))
    print(fi.readline(), fi.lineno(), fi.fileno())
    fi.close()

    # in-place editing, with and without a backup
    for line in fileinput.input(a, inplace=True, backup=".orig"):
        print(line.rstrip("\n").upper() + "!")
    print(open(a).read(), end="")
    print(open(a + ".orig").read(), end="")
    with fileinput.FileInput(files=[b], inplace=True) as fi:
        for line in fi:
            sys.stdout.write(line.replace("beta", "gamma"))
    print(repr(open(b).read()))
    print(sorted(os.listdir(d)))

    # '-' is standard input
    saved = sys.stdin
    sys.stdin = io.StringIO("from stdin 1\nfrom stdin 2\n")
    for line in fileinput.input(["-", a]):
        print(fileinput.filename() if fileinput.isstdin() else "file",
              fileinput.lineno(), repr(line))
    fileinput.close()
    sys.stdin = saved

    # opening hooks
    def hook(name, mode):
        print("opening", os.path.basename(name), mode)
        return io.StringIO("hooked\n")
    print(list(fileinput.input(a, openhook=hook)))
    fileinput.close()
    print(list(fileinput.input(a, openhook=fileinput.hook_encoded("latin-1"))))
    fileinput.close()

    for kwargs in [dict(mode="w"), dict(inplace=True, openhook=hook),
                   dict(openhook=42)]:
        try:
            fileinput.FileInput(a, **kwargs)
        except ValueError as e:
            print("ValueError:", e)

    try:
        for line in fileinput.input(os.path.join(d, "missing")):
            pass
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror)
    fileinput.close()

    print(fileinput.FileInput[str])
    sys.argv[1:] = [b]
    print(list(fileinput.FileInput()))
