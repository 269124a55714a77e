# readlines(hint): lines until their total length passes the hint (BytesIO:
# until it reaches it), for every kind of stream.
import gzip
import io
import os
import tempfile
import zipfile


class Lines(io.BufferedIOBase):
    def __init__(self, lines):
        self.lines = list(lines) + [b""]

    def readable(self):
        return True

    def readline(self, size=-1):
        return self.lines.pop(0)


data = b"a\nbb\nccc\nd"
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "f.txt")
    with open(path, "wb") as f:
        f.write(data)
    gz = os.path.join(tmp, "f.gz")
    with gzip.open(gz, "wb") as f:
        f.write(data)
    zp = os.path.join(tmp, "f.zip")
    with zipfile.ZipFile(zp, "w") as z:
        z.writestr("f.txt", data)
    for hint in [None, -1, 0, 1, 2, 3, 5, 6, 100]:
        with open(path) as t, open(path, "rb") as b, gzip.open(gz) as g, \
                zipfile.ZipFile(zp) as z, z.open("f.txt") as m:
            print(hint,
                  io.StringIO(data.decode()).readlines(hint),
                  io.BytesIO(data).readlines(hint),
                  t.readlines(hint), b.readlines(hint),
                  g.readlines(hint), m.readlines(hint),
                  Lines(data.splitlines(True)).readlines(hint))
