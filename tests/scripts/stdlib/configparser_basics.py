import configparser
import io
import os
import tempfile
from configparser import ConfigParser, RawConfigParser, ExtendedInterpolation


def attempt(f, *args, **kw):
    try:
        print("ok", repr(f(*args, **kw)))
    except Exception as e:
        print(type(e).__name__, str(e).replace("\n", "|"), e.args)


text = """
# a comment
; another comment
[DEFAULT]
ServerAliveInterval = 45
Compression = yes
CompressionLevel = 9
ForwardX11 = yes

[forge.example]
User = hg
path = /home/%(user)s/repo
percent = 100%%

[topsecret.server.example]
Port = 50022
ForwardX11 = no
ratio: 0.75
multi = first line
    second line

    after blank
empty =
"""
config = ConfigParser()
config.read_string(text)
print(config.sections(), config.defaults())
print(list(config), len(config), "forge.example" in config, "DEFAULT" in config, "nope" in config)
print(config.options("forge.example"))
print(config.get("forge.example", "user"), config.get("forge.example", "path"),
      config.get("forge.example", "percent"))
print(config.get("forge.example", "path", raw=True), config.get("forge.example", "path", vars={"user": "v"}))
print(config.getint("topsecret.server.example", "port"), config.getfloat("topsecret.server.example", "ratio"),
      config.getboolean("topsecret.server.example", "forwardx11"), config.getboolean("forge.example", "compression"))
print(repr(config.get("topsecret.server.example", "multi")), repr(config["topsecret.server.example"]["empty"]))
print(config.getint("forge.example", "missing", fallback=-1), config.get("nosect", "x", fallback="fb"),
      config.getboolean("forge.example", "nothing", fallback=None))
attempt(config.get, "nosect", "x")
attempt(config.get, "forge.example", "missing")
attempt(config.getint, "forge.example", "user")
attempt(config.getboolean, "forge.example", "user")
print(config.items("forge.example"))
print(config.items("forge.example", raw=True))
print(config.items("DEFAULT"))
print([(name, section) for name, section in config.items()])
print(config.has_section("forge.example"), config.has_section("DEFAULT"), config.has_option("forge.example", "USER"),
      config.has_option("forge.example", "compression"), config.has_option("nope", "x"), config.has_option(None, "compression"))

# the mapping protocol
sect = config["forge.example"]
print(sect, sect.name, sect.parser is config, list(sect), len(sect), "user" in sect, "USER" in sect)
print(sect["user"], sect.get("path"), sect.get("missing"), sect.get("missing", "dflt"), sect.getint("compressionlevel"),
      sect.getboolean("compression"), sect.getfloat("serveraliveinterval"), sect.get("path", raw=True))
attempt(lambda: sect["missing"])
attempt(lambda: config["nope"])
sect["new"] = "value"
print(config.get("forge.example", "new"))
del sect["new"]
attempt(sect.__delitem__, "new")
attempt(sect.__setitem__, "num", 5)
config["added"] = {"a": 1, "b": "two"}
print(dict(config["added"]))
config["added"] = {"z": "26"}
print(dict(config["added"]))
config["DEFAULT"]["extra"] = "x"
print(config.defaults())
del config["added"]
print(config.sections())
attempt(config.__delitem__, "DEFAULT")
attempt(config.__delitem__, "missing")

# changing the configuration
config.add_section("new")
config.set("new", "Key", "val")
config.set("new", "pct", "50%%")
attempt(config.add_section, "new")
attempt(config.add_section, "DEFAULT")
attempt(config.add_section, 5)
attempt(config.set, "none", "k", "v")
attempt(config.set, "new", "k", 5)
attempt(config.set, "new", "bad", "100%")
print(config.remove_option("new", "key"), config.remove_option("new", "key"), config.remove_section("new"),
      config.remove_section("new"))
attempt(config.remove_option, "nosect", "x")
out = io.StringIO()
config.write(out)
print(out.getvalue())
out = io.StringIO()
config.write(out, space_around_delimiters=False)
print(out.getvalue().splitlines()[:3])

# interpolation errors
bad = ConfigParser()
bad.read_string("""
[s]
missing = %(nothere)s
syntax = %(unclosed
lone = 5% off
loop1 = %(loop2)s
loop2 = %(loop1)s
""")
attempt(bad.get, "s", "missing")
attempt(bad.get, "s", "syntax")
attempt(bad.get, "s", "lone")
attempt(bad.get, "s", "loop1")
print(bad.get("s", "lone", raw=True))

# extended interpolation
ext = ConfigParser(interpolation=ExtendedInterpolation())
ext.read_string("""
[Common]
home_dir: /Users
library_dir: /Library
system_dir: /System
macports_dir: /opt/local
cost: $$80

[Frameworks]
Python: 3.2
path: ${Common:system_dir}/Library/Frameworks/

[Arthur]
nickname: Two Sheds
last_name: Jackson
my_dir: ${Common:home_dir}/twosheds
my_pictures: ${my_dir}/Pictures
python_dir: ${Frameworks:path}/Python/Versions/${Frameworks:Python}
bad: ${Common:nope}
bad2: ${a:b:c}
bad3: $x
""")
print(ext.get("Arthur", "my_pictures"), ext.get("Arthur", "python_dir"), ext.get("Common", "cost"))
attempt(ext.get, "Arthur", "bad")
attempt(ext.get, "Arthur", "bad2")
attempt(ext.get, "Arthur", "bad3")
attempt(ext.set, "Arthur", "x", "$oops")

# raw parser
raw = RawConfigParser()
raw.add_section("s")
raw.set("s", "n", 5)
raw.set("s", "p", "%(x)s")
print(raw.get("s", "n"), raw.get("s", "p"), raw.items("s"))
print(RawConfigParser(defaults={"A": 1}).defaults(), ConfigParser(defaults={"A": 1}).defaults())

# parsing errors
attempt(ConfigParser().read_string, "key = value\n")
attempt(ConfigParser().read_string, "[a]\nx = 1\n[a]\n")
attempt(ConfigParser().read_string, "[a]\nx = 1\nX = 2\n")
attempt(ConfigParser().read_string, "[a]\n= 1\nok = 2\nnovalue\n", source="conf.ini")
p = ConfigParser(strict=False)
p.read_string("[a]\nx = 1\n[a]\nx = 2\n")
print(p.get("a", "x"))
attempt(ConfigParser().read_dict, {"a": {"x": 1, "X": 2}})
attempt(ConfigParser().read_string, "[a]\nnovalue\n")

# parser options
p = ConfigParser(allow_no_value=True, delimiters=("=>",), comment_prefixes=("//",),
                 inline_comment_prefixes=("#",), empty_lines_in_values=False,
                 default_section="common")
p.read_string("""
[common]
shared => yes
[s]
flag
key => value # trailing comment
x#y => z
// comment
long => one
   two

   three
""")
print(p.items("s"), p.sections(), p.default_section)
out = io.StringIO()
p.write(out)
print(out.getvalue())
p = ConfigParser()
p.optionxform = str
p.read_string("[s]\nCamelCase = 1\n")
print(p.options("s"))

# converters
p = ConfigParser(converters={"list": lambda v: [x.strip() for x in v.split(",")]})
p.read_string("[s]\nitems = a, b ,c\n")
print(p.getlist("s", "items"), p["s"].getlist("items"), sorted(p.converters), p.converters["list"] is not None)
p.converters["upper"] = str.upper
print(p.getupper("s", "items"), p["s"].getupper("items"))
del p.converters["upper"]
print(hasattr(p, "getupper"), hasattr(p["s"], "getupper"))
attempt(p.converters.__setitem__, "", str)

# files
with tempfile.TemporaryDirectory() as d:
    first = os.path.join(d, "a.ini")
    second = os.path.join(d, "b.ini")
    with open(first, "w") as f:
        f.write("[files]\nfrom_a = 1\n")
    with open(second, "w") as f:
        f.write("[files]\nfrom_b = 2\n")
    p = ConfigParser()
    found = p.read([first, os.path.join(d, "missing.ini"), second])
    print([os.path.basename(x) for x in found], p.items("files"))
    print(p.read(os.path.join(d, "missing.ini")))
    with open(first) as f:
        q = ConfigParser()
        q.read_file(f)
        print(q.items("files"))
    with open(os.path.join(d, "out.ini"), "w") as f:
        p.write(f)
    with open(os.path.join(d, "out.ini")) as f:
        print(f.read())
    attempt(ConfigParser().read_file, open(os.path.join(d, "out.ini")).readlines() + ["bogus\n"])

# error classes
print(str(configparser.NoSectionError("s")), configparser.DuplicateSectionError("s"),
      configparser.DuplicateSectionError("s", "f.ini", 3), configparser.DuplicateOptionError("s", "o"),
      configparser.DuplicateOptionError("s", "o", "<string>", 12), configparser.NoOptionError("o", "s"),
      configparser.InterpolationError("o", "s", "msg"), repr(configparser.Error("plain")))
e = configparser.ParsingError("src")
e.append(3, "'line'")
print(e, e.errors, e.source, e.args, issubclass(configparser.MissingSectionHeaderError, configparser.ParsingError))
print(configparser.DEFAULTSECT, configparser.MAX_INTERPOLATION_DEPTH, configparser.__all__)
