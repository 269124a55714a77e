import io
import os
import tempfile
import zipfile

old = os.getcwd()
with tempfile.TemporaryDirectory() as d:
    os.chdir(d)
    with zipfile.ZipFile("tree.zip", "w") as zf:
        zf.writestr(zipfile.ZipInfo("README.md", (2020, 1, 1, 0, 0, 0)), "# Title\n")
        zf.writestr(zipfile.ZipInfo("pkg/__init__.py", (2020, 1, 1, 0, 0, 0)), "")
        zf.writestr(zipfile.ZipInfo("pkg/data/table.csv", (2020, 1, 1, 0, 0, 0)), "a,b\n1,2\n")
        zf.writestr(zipfile.ZipInfo("docs/", (2020, 1, 1, 0, 0, 0)), "")
        zf.writestr(zipfile.ZipInfo("archive.tar.gz", (2020, 1, 1, 0, 0, 0)), b"\x1f\x8b")

    root = zipfile.Path("tree.zip")
    print(repr(root), str(root), root.name, root.is_dir(), root.exists())
    print(sorted(p.name for p in root.iterdir()))
    print([repr(p) for p in root.iterdir()])
    pkg = root / "pkg"
    print(repr(pkg), pkg.is_dir(), pkg.is_file(), pkg.exists())
    print(sorted(repr(p) for p in pkg.iterdir()))
    table = pkg / "data" / "table.csv"
    print(repr(table), table.name, table.suffix, table.stem, table.is_file())
    print(repr(table.read_text()), table.read_bytes())
    print(repr(table.parent), repr(table.parent.parent), repr(root.joinpath("pkg", "data")))
    print(root.parent, table.filename)
    gz = root / "archive.tar.gz"
    print(gz.suffix, gz.suffixes, gz.stem)
    with table.open() as f:
        print(f.readline().strip())
    with table.open("rb") as f:
        print(f.read(3))
    missing = root / "nope.txt"
    print(missing.exists(), missing.is_file())
    for action in [missing.read_text, pkg.read_text, table.iterdir,
                   lambda: table.open("rb", encoding="utf-8")]:
        try:
            action()
        except (FileNotFoundError, IsADirectoryError, ValueError) as e:
            print(type(e).__name__, e)
    with zipfile.ZipFile("tree.zip", "a") as zf:
        p = zipfile.Path(zf, "new/")
        print(p.exists())
        with zipfile.Path(zf, "new/file.txt").open("w") as f:
            f.write("written through Path")
        print(p.exists(), repr(p.root is zf))
    print(zipfile.Path(zipfile.ZipFile("tree.zip"), "new/file.txt").read_text())
    os.chdir(old)
