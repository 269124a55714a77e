"""Identify the platform the interpreter runs on: system, release, machine,
the interpreter's version and implementation.

The answers come from os.uname(), sys.version and sys.implementation;
python_implementation() is CPython's spelling for CPython and otherwise
sys.implementation.name ('gilpy').  libc_ver() reads the version from the
C library the process has loaded.
"""

import os
import sys

__version__ = "1.0.8"

_uname_cache = None


class uname_result(tuple):
    """(system, node, release, version, machine, processor); the processor
    is looked up on demand, as in CPython, and left out of the repr."""

    _fields = ("system", "node", "release", "version", "machine", "processor")

    def __new__(cls, system, node, release, version, machine):
        return tuple.__new__(cls, (system, node, release, version, machine,
                                   processor()))

    system = property(lambda self: self[0])
    node = property(lambda self: self[1])
    release = property(lambda self: self[2])
    version = property(lambda self: self[3])
    machine = property(lambda self: self[4])
    processor = property(lambda self: self[5])

    def __repr__(self):
        return ("uname_result(system=%r, node=%r, release=%r, version=%r, "
                "machine=%r)" % tuple(self)[:5])

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __reduce__(self):
        return uname_result, tuple(self)[:5]


def uname():
    """(system, node, release, version, machine, processor) of this host."""
    global _uname_cache
    if _uname_cache is None:
        u = os.uname()
        _uname_cache = uname_result(u[0], u[1], u[2], u[3], u[4])
    return _uname_cache


def system():
    """The operating system's name, e.g. 'Linux'."""
    return uname()[0]


def node():
    """The computer's network name ('' if unknown)."""
    return uname()[1]


def release():
    """The system's release, e.g. '6.1.0'."""
    return uname()[2]


def version():
    """The system's release version."""
    return uname()[3]


def machine():
    """The machine type, e.g. 'x86_64'."""
    return uname()[4]


def processor():
    """The processor name: '' on Linux, as CPython (which asks
    `uname -p`, unknown there)."""
    return ""


def _sys_version():
    # (implementation, version, compiler) from sys.version, whose text
    # is 'X.Y.Z (build info) [compiler]'.
    text = sys.version
    compiler = ""
    if "[" in text and text.rstrip().endswith("]"):
        compiler = text[text.rindex("[") + 1:text.rstrip().rindex("]")]
    return compiler


def python_implementation():
    """'CPython' under CPython; otherwise sys.implementation's name."""
    name = sys.implementation.name
    known = {"cpython": "CPython", "pypy": "PyPy", "ironpython": "IronPython",
             "jython": "Jython"}
    return known.get(name, name)


def python_version():
    """The Python version as 'major.minor.patchlevel'."""
    v = sys.version_info
    return "%d.%d.%d" % (v[0], v[1], v[2])


def python_version_tuple():
    """The Python version as a tuple of three strings."""
    v = sys.version_info
    return (str(v[0]), str(v[1]), str(v[2]))


def python_branch():
    return ""


def python_revision():
    return ""


def python_build():
    """(build number, build date): unknown here."""
    return ("", "")


def python_compiler():
    """What the interpreter was built with."""
    return _sys_version()


def architecture(executable=sys.executable, bits="", linkage=""):
    """(bits, linkage) of the executable: pointer size, and 'ELF' when the
    file is one."""
    if not bits:
        bits = "64bit" if sys.maxsize > 2 ** 32 else "32bit"
    if executable:
        try:
            with open(executable, "rb") as f:
                if f.read(4) == b"\x7fELF":
                    linkage = "ELF"
        except OSError:
            pass
    return bits, linkage


def _parse_version(v):
    return [int(p) if p.isdigit() else 0 for p in v.split(".")]


def libc_ver(executable=None, lib="", version="", chunksize=16384):
    """(library, version) of the C library: the highest GLIBC_x.y version
    defined by the libc this process loaded (or by `executable`)."""
    path = executable
    if path is None:
        try:
            with open("/proc/self/maps") as f:
                for line in f:
                    name = line.split()[-1]
                    if "/libc.so" in name or "/libc-" in name:
                        path = name
                        break
        except OSError:
            pass
    if path is None:
        return lib, version
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return lib, version
    best = None
    pos = data.find(b"GLIBC_")
    while pos >= 0:
        end = pos + 6
        while end < len(data) and (48 <= data[end] <= 57 or data[end] == 46):
            end += 1
        found = data[pos + 6:end].decode("ascii").strip(".")
        if found and found[0].isdigit():
            if best is None or _parse_version(found) > _parse_version(best):
                best = found
        pos = data.find(b"GLIBC_", end)
    if best is not None:
        return "glibc", best
    return lib, version


def _platform(*parts):
    # Joined with '-', empty parts dropped, spaces made '_'.
    text = "-".join(p.strip() for p in parts if p and p.strip())
    text = text.replace(" ", "_").replace("/", "-").replace("\\", "-")
    text = text.replace(":", "-").replace(";", "-").replace('"', "-")
    text = text.replace("(", "-").replace(")", "-").replace("unknown", "")
    while "--" in text:
        text = text.replace("--", "-")
    while text.endswith("-"):
        text = text[:-1]
    return text


def system_alias(system, release, version):
    """(system, release, version), renamed for marketing names (none on
    Linux)."""
    return system, release, version


def platform(aliased=False, terse=False):
    """One string naming the platform, e.g.
    'Linux-6.1.0-x86_64-with-glibc2.36'."""
    u = uname()
    system_name, rel, ver = u[0], u[2], u[3]
    if aliased:
        system_name, rel, ver = system_alias(system_name, rel, ver)
    if system_name == "Linux":
        libname, libversion = libc_ver()
        return _platform(system_name, rel, u[4], u[5], "with",
                         libname + libversion)
    if terse:
        return _platform(system_name, rel)
    return _platform(system_name, rel, u[4], u[5])


def mac_ver(release="", versioninfo=("", "", ""), machine=""):
    return release, versioninfo, machine


def win32_ver(release="", version="", csd="", ptype=""):
    return release, version, csd, ptype


def win32_edition():
    return None


def win32_is_iot():
    return False


def java_ver(release="", vendor="", vminfo=("", "", ""),
             osinfo=("", "", "")):
    return release, vendor, vminfo, osinfo


_os_release_cache = None


def freedesktop_os_release():
    """The fields of /etc/os-release (or /usr/lib/os-release) as a dict."""
    global _os_release_cache
    if _os_release_cache is None:
        errno = None
        for candidate in ("/etc/os-release", "/usr/lib/os-release"):
            try:
                with open(candidate, encoding="utf-8") as f:
                    lines = f.read().splitlines()
            except OSError as e:
                errno = e.errno
                continue
            info = {"NAME": "Linux", "ID": "linux", "PRETTY_NAME": "Linux"}
            for line in lines:
                line = line.strip()
                if not line or line.startswith("#") or "=" not in line:
                    continue
                key, value = line.split("=", 1)
                if not key.replace("_", "").isalnum():
                    continue
                if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                    value = value[1:-1]
                    for esc in ("\\\\", '\\"', "\\'", "\\$", "\\`"):
                        value = value.replace(esc, esc[1])
                info[key] = value
            _os_release_cache = info
            break
        else:
            raise OSError(errno, "Unable to read files /etc/os-release, "
                          "/usr/lib/os-release")
    return dict(_os_release_cache)


def _main(args=None):
    # 'terse' and 'nonaliased' (or their short forms) among the arguments.
    if args is None:
        args = sys.argv[1:]
    terse = "terse" in args or "--terse" in args
    aliased = "nonaliased" not in args and "--nonaliased" not in args
    print(platform(aliased, terse))


if __name__ == "__main__":
    _main()
