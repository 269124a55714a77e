import mimetypes
import os
import tempfile

# Only the built-in table: no system mime.types files.
mimetypes.knownfiles = []
print(mimetypes.inited)
names = ["index.html", "INDEX.HTM", "photo.JPG", "a.png", "style.css", "app.js",
         "data.json", "doc.pdf", "x.tar.gz", "x.tgz", "x.TGZ", "x.svgz", "a.txt.bz2",
         "a.txt.xz", "a.txt.Z", "a.txt.br", "a.gz", "archive.zip", "noext", ".bashrc",
         "song.mp3", "movie.mp4", "font.woff2", "image.webp", "pic.rtf", "pic.midi",
         "http://example.com/path/page.html?x=1", "file:///tmp/a.py", "C:/x.c",
         "data:,hello", "data:text/html;base64,PGI+", "data:;charset=utf-8,x",
         "data:image/png", "DATA:text/csv,a,b", "dir.d/file", "a.jpg.gz", "a.xul", "a.xyz"]
for n in names:
    print(n, mimetypes.guess_type(n), mimetypes.guess_type(n, strict=False))

for t in ["text/html", "TEXT/PLAIN", "image/jpeg", "application/json", "audio/mpeg",
          "application/octet-stream", "text/xul", "image/jpg", "application/x-nothing",
          "application/javascript", "video/mp4", "text/rtf"]:
    print(t, mimetypes.guess_extension(t), mimetypes.guess_all_extensions(t),
          mimetypes.guess_extension(t, strict=False),
          mimetypes.guess_all_extensions(t, strict=False))

print(mimetypes.inited, len(mimetypes.types_map), len(mimetypes.common_types))
print(mimetypes.suffix_map)
print(mimetypes.encodings_map)
print(mimetypes.types_map[".py"], mimetypes.common_types[".jpg"])

mimetypes.add_type("application/x-gilpy", ".gpy")
mimetypes.add_type("application/x-gilpy", ".GPY2")
print(mimetypes.guess_type("mod.gpy"), mimetypes.guess_all_extensions("application/x-gilpy"))
print(mimetypes.guess_type("mod.gpy2"))
mimetypes.add_type("text/x-lenient", ".len", strict=False)
print(mimetypes.guess_type("a.len"), mimetypes.guess_type("a.len", False))
print(mimetypes.guess_type(os.path.join("dir", "a.csv")))

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "my.types")
    with open(path, "w") as f:
        f.write("# comment line\n\napplication/x-foo   foo foo2 # trailing\n"
                "text/x-bar bar\nimage/png  pngx\n")
    print(mimetypes.read_mime_types(path))
    print(mimetypes.read_mime_types(os.path.join(d, "missing")))
    db = mimetypes.MimeTypes([path])
    print(db.guess_type("a.foo2"), db.guess_all_extensions("image/png"))
    print(db.guess_type("a.gpy"))
    mimetypes.init([path])
    print(mimetypes.guess_type("z.bar"), mimetypes.guess_type("z.gpy"))
    mimetypes.init()
    print(mimetypes.guess_type("z.bar"), mimetypes.guess_type("z.gpy"))
db = mimetypes.MimeTypes()
print(db.types_map[True] == mimetypes.types_map, db.guess_extension("text/plain"))
print(db.types_map_inv[True]["text/plain"])
try:
    mimetypes.guess_type(None)
except TypeError as e:
    print("TypeError", e)
print(sorted(mimetypes.__all__))
