import filecmp
import os
import tempfile

def write(path, text, mtime=1_000_000_000):
    with open(path, "w") as f:
        f.write(text)
    os.utime(path, (mtime, mtime))

old = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    for top in ("left", "right"):
        os.makedirs(os.path.join(top, "sub", "deep"))
        os.makedirs(os.path.join(top, ".git"))
        write(os.path.join(top, "same.txt"), "same\n")
        write(os.path.join(top, "sub", "inner.txt"), "inner " + top + "\n")
        write(os.path.join(top, "sub", "deep", "x.txt"), "x\n")
    write("left/diff.txt", "aaaa\n")
    write("right/diff.txt", "bbbb\n")          # same size and time
    write("left/size.txt", "short\n")
    write("right/size.txt", "longer text\n")
    write("left/only_left.txt", "l\n")
    write("right/only_right.txt", "r\n")
    os.mkdir("left/kind")
    write("right/kind", "a file here\n")
    write("left/newer.txt", "same\n", 1_000_000_000)
    write("right/newer.txt", "same\n", 1_000_000_500)

    print(filecmp.cmp("left/same.txt", "right/same.txt"))
    print(filecmp.cmp("left/diff.txt", "right/diff.txt"))
    print(filecmp.cmp("left/diff.txt", "right/diff.txt", shallow=False))
    print(filecmp.cmp("left/size.txt", "right/size.txt", shallow=False))
    print(filecmp.cmp("left/newer.txt", "right/newer.txt"))
    print(filecmp.cmp("left/sub", "right/sub"))
    filecmp.clear_cache()
    try:
        filecmp.cmp("left/nothing", "right/same.txt")
    except FileNotFoundError as e:
        print("FileNotFoundError", e.filename)

    print(filecmp.cmpfiles("left", "right",
                           ["same.txt", "diff.txt", "size.txt", "missing", "sub"]))
    print(filecmp.cmpfiles("left", "right", ["diff.txt"], shallow=False))

    dc = filecmp.dircmp("left", "right")
    print(dc.left_list)
    print(dc.right_list)
    print(dc.common, dc.left_only, dc.right_only)
    print(dc.common_dirs, dc.common_files, dc.common_funny)
    print(dc.same_files, dc.diff_files, dc.funny_files)
    print(sorted(dc.subdirs), type(dc.subdirs["sub"]).__name__)
    dc.report()
    print("--")
    dc.report_partial_closure()
    print("--")
    dc.report_full_closure()
    print("--")
    dc = filecmp.dircmp("left", "right", ignore=["same.txt"], hide=[])
    print(dc.left_list)
    dc.report()
    try:
        dc.nonexistent
    except AttributeError as e:
        print("AttributeError", e)
    print(filecmp.DEFAULT_IGNORES)
    print(filecmp.dircmp[int])
    os.chdir(old)
