# shutil archives: make_archive, unpack_archive and the format registries.
import importlib
import os
import sys
import tempfile
import zipfile
import tarfile

# As if bz2 and lzma were missing (gilpy has neither): shutil then offers
# no bztar/xztar formats.
sys.modules["bz2"] = None
sys.modules["lzma"] = None
import shutil
shutil = importlib.reload(shutil)

base = os.path.realpath(tempfile.mkdtemp())
os.chdir(base)


def clean(s):
    return str(s).replace(base, "<tmp>")


def show(label, func):
    try:
        r = func()
    except Exception as e:
        print(label, "->", type(e).__name__, clean(e))
    else:
        print(label, "->", clean(r))


def tree(root):
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        for n in dirnames:
            out.append(os.path.relpath(os.path.join(dirpath, n), root) + "/")
        for n in filenames:
            p = os.path.join(dirpath, n)
            with open(p, "rb") as f:
                out.append("%s (%d)" % (os.path.relpath(p, root), len(f.read())))
    return sorted(out)


class Logger:
    def __init__(self):
        self.lines = []

    def info(self, msg, *args):
        self.lines.append("info " + clean(msg % args))

    def debug(self, msg, *args):
        self.lines.append("debug " + clean(msg % args))


print(shutil.get_archive_formats())
print(shutil.get_unpack_formats())

os.makedirs("src/pkg/sub")
os.makedirs("src/empty")
with open("src/top.txt", "w") as f:
    f.write("top\n")
with open("src/pkg/a.py", "w") as f:
    f.write("print('a')\n" * 10)
with open("src/pkg/sub/b.dat", "wb") as f:
    f.write(bytes(range(256)))

print("== make_archive")
for fmt in ("tar", "gztar", "zip"):
    name = shutil.make_archive("out/" + fmt, fmt, root_dir="src")
    print(fmt, clean(name), os.path.exists(name))
    if fmt == "zip":
        with zipfile.ZipFile(name) as z:
            print("  ", sorted(z.namelist()))
            print("  ", z.read("pkg/sub/b.dat") == bytes(range(256)),
                  z.getinfo("pkg/a.py").compress_type == zipfile.ZIP_DEFLATED)
    else:
        with tarfile.open(name) as t:
            print("  ", sorted(t.getnames()))
            print("  ", t.format == tarfile.PAX_FORMAT,
                  t.extractfile("./pkg/sub/b.dat").read() == bytes(range(256)))
    print("  cwd kept", os.getcwd() == base)

print(clean(shutil.make_archive("sub_only", "gztar", root_dir="src",
                                base_dir="pkg")))
with tarfile.open("sub_only.tar.gz") as t:
    print(sorted(t.getnames()))
print(clean(shutil.make_archive("sub_only", "zip", "src", "pkg")))
with zipfile.ZipFile("sub_only.zip") as z:
    print(sorted(z.namelist()))
os.chdir("src")
print(shutil.make_archive("../here", "tar", base_dir="pkg"))
print(shutil.make_archive("../herez", "zip"))
os.chdir(base)
with zipfile.ZipFile("herez.zip") as z:
    print(sorted(z.namelist()))
with tarfile.open("here.tar") as t:
    print(t.getnames())
print(shutil.make_archive("nouser", "tar", "src", "pkg", owner="no_such_user_x",
                          group="no_such_group_x").endswith("nouser.tar"))

log = Logger()
print(clean(shutil.make_archive("dry/run", "gztar", "src", dry_run=1, logger=log)),
      os.path.exists("dry"))
print(log.lines)
log = Logger()
print(clean(shutil.make_archive("logged/z", "zip", "src", "pkg", logger=log)))
print(sorted(log.lines))
log = Logger()
print(clean(shutil.make_archive("logged/t", "tar", "src", "pkg", logger=log)))
print(log.lines)

print("== unpack_archive")
for fmt, name in (("tar", "out/tar.tar"), ("gztar", "out/gztar.tar.gz"),
                  ("zip", "out/zip.zip")):
    shutil.unpack_archive(name, "un_" + fmt)
    print(fmt, tree("un_" + fmt))
    shutil.unpack_archive(name, "unf_" + fmt, format=fmt)
    print(fmt, tree("unf_" + fmt) == tree("un_" + fmt))
shutil.unpack_archive("out/gztar.tar.gz", "un_data", filter="data")
print(tree("un_data"))
shutil.copy("out/gztar.tar.gz", "renamed.tgz")
shutil.unpack_archive("renamed.tgz", "un_tgz")
print(tree("un_tgz"))
os.makedirs("cwdtarget")
os.chdir("cwdtarget")
shutil.unpack_archive("../out/tar.tar")
os.chdir(base)
print(tree("cwdtarget"))

with zipfile.ZipFile("evil.zip", "w") as z:
    z.writestr("ok.txt", "fine")
    z.writestr("../escape.txt", "bad")
    z.writestr("/abs.txt", "bad")
    z.writestr("d/", "")
    z.writestr("d/x.txt", "x")
shutil.unpack_archive("evil.zip", "un_evil")
print(tree("un_evil"), os.path.exists("escape.txt"))

print("== errors")
show("unknown format", lambda: shutil.make_archive("a", "nope"))
show("bztar", lambda: shutil.make_archive("a", "bztar"))
show("xztar", lambda: shutil.make_archive("a", "xztar"))
show("compress", lambda: shutil._make_tarball("a", ".", compress="bzip2"))
show("compress foo", lambda: shutil._make_tarball("a", ".", compress="foo"))
show("root not dir", lambda: shutil.make_archive("a", "tar", root_dir="src/top.txt"))
show("root missing", lambda: shutil.make_archive("a", "tar", root_dir="missing"))
show("unknown ext", lambda: shutil.unpack_archive("a.rar"))
show("bz2 ext", lambda: shutil.unpack_archive("a.tar.bz2"))
show("unknown unpack", lambda: shutil.unpack_archive("a.tar", format="nope"))
show("not zip", lambda: shutil.unpack_archive("src/top.txt", "q", "zip"))
show("not tar", lambda: shutil.unpack_archive("src/top.txt", "q", "tar"))
show("zip filter", lambda: shutil.unpack_archive("out/zip.zip", "q", filter="data"))
show("missing tar", lambda: shutil.unpack_archive("nothere.tar", "q"))
show("register not callable", lambda: shutil.register_archive_format("x", 1))
show("register bad extra", lambda: shutil.register_archive_format("x", len, 5))
show("register bad element", lambda: shutil.register_archive_format("x", len, [1]))
show("register bad pair", lambda: shutil.register_archive_format("x", len, [("a",)]))
show("unpack ext taken", lambda: shutil.register_unpack_format("x", [".zip"], len))
show("unpack ext taken 2", lambda: shutil.register_unpack_format("x", [".q", ".tgz"], len))
show("unpack not callable", lambda: shutil.register_unpack_format("x", [".q"], 1))
show("unregister", lambda: shutil.unregister_archive_format("nope"))
show("unregister unpack", lambda: shutil.unregister_unpack_format("nope"))
print(issubclass(shutil.ReadError, OSError), issubclass(shutil.RegistryError, Exception))

print("== custom formats")


def make_listing(base_name, base_dir, **kwargs):
    name = base_name + ".lst"
    print("  make", clean(base_name), base_dir, sorted(kwargs.items()),
          clean(os.getcwd()))
    with open(name, "w") as f:
        for entry in tree(base_dir):
            f.write(entry + "\n")
    return name


def unpack_listing(filename, extract_dir, **kwargs):
    print("  unpack", filename, extract_dir, sorted(kwargs.items()))
    os.makedirs(extract_dir, exist_ok=True)
    with open(filename) as src, open(os.path.join(extract_dir, "LISTING"), "w") as dst:
        dst.write(src.read())


shutil.register_archive_format("listing", make_listing, [("flavour", "plain")],
                               "a file listing")
shutil.register_unpack_format("listing", [".lst"], unpack_listing,
                              [("mode", "x")], "a file listing")
print(shutil.get_archive_formats())
print(shutil.get_unpack_formats())
print(clean(shutil.make_archive("custom", "listing", "src", "pkg")))
print(clean(shutil.make_archive("custom2", "listing")))
shutil.unpack_archive("custom.lst", "un_custom")
shutil.unpack_archive("custom.lst", "un_custom2", "listing", filter="tar")
with open("un_custom/LISTING") as f:
    print(f.read().split())
shutil.unregister_archive_format("listing")
shutil.unregister_unpack_format("listing")
print([n for n, d in shutil.get_archive_formats()])
print([n for n, e, d in shutil.get_unpack_formats()])
show("after unregister", lambda: shutil.make_archive("c", "listing"))
show("after unregister unpack", lambda: shutil.unpack_archive("custom.lst"))

os.chdir(tempfile.gettempdir())
shutil.rmtree(base)
print("done")
