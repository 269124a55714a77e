"""The named tuples and namespaces of `sys` (`sys.version_info`,
`sys.float_info`, `sys.implementation`, ...), made when `sys` starts."""


class SimpleNamespace:
    """Attribute access to the keyword arguments it was made with."""

    def __init__(self, /, **kwargs):
        self.__dict__.update(kwargs)

    def __repr__(self):
        items = ", ".join(f"{k}={v!r}" for k, v in self.__dict__.items())
        return f"{type(self).__name__}({items})"

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented


SimpleNamespace.__module__ = "types"


def _structseq(name, fields):
    """A tuple type whose items are also attributes, shown as
    `name(field=value, ...)`, as CPython's struct sequences."""

    def __new__(cls, values):
        return tuple.__new__(cls, values)

    def __repr__(self):
        inner = ", ".join(f"{f}={v!r}" for f, v in zip(fields, self))
        return f"{name}({inner})"

    def __reduce__(self):
        return (type(self), (tuple(self),))

    namespace = {"__new__": __new__, "__repr__": __repr__, "__reduce__": __reduce__,
                 "n_fields": len(fields), "n_sequence_fields": len(fields),
                 "n_unnamed_fields": 0, "_fields": tuple(fields)}
    for i, f in enumerate(fields):
        namespace[f] = property(lambda self, i=i: self[i])
    module, _, short = name.rpartition(".")
    cls = type(short, (tuple,), namespace)
    cls.__module__ = module or "builtins"
    return cls


def make(version, executable, maxsize):
    version_info = _structseq("sys.version_info",
                              ["major", "minor", "micro", "releaselevel", "serial"])(version)
    float_info = _structseq("sys.float_info", [
        "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
        "dig", "mant_dig", "epsilon", "radix", "rounds"])(
        (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
         15, 53, 2.220446049250313e-16, 2, 1))
    int_info = _structseq("sys.int_info", [
        "bits_per_digit", "sizeof_digit", "default_max_str_digits",
        "str_digits_check_threshold"])((30, 4, 4300, 640))
    hash_info = _structseq("sys.hash_info", [
        "width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits",
        "seed_bits", "cutoff"])((64, 2305843009213693951, 314159, 0, 1000003,
                                 "siphash13", 64, 128, 0))
    flags = _structseq("sys.flags", [
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
        "no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning",
        "quiet", "hash_randomization", "isolated", "dev_mode", "utf8_mode",
        "warn_default_encoding", "safe_path", "int_max_str_digits"])(
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, False, 0, 0, False, -1))
    thread_info = _structseq("sys.thread_info", ["name", "lock", "version"])(
        ("pthread", "mutex+cond", None))
    hexversion = (version[0] << 24) | (version[1] << 16) | (version[2] << 8) | 0xF0
    implementation = SimpleNamespace(
        name="gilpy", cache_tag=None, version=version_info, hexversion=hexversion,
        _multiarch="x86_64-linux-gnu")
    return {
        "version_info": version_info, "float_info": float_info, "int_info": int_info,
        "hash_info": hash_info, "flags": flags, "thread_info": thread_info,
        "implementation": implementation, "hexversion": hexversion,
        "float_repr_style": "short", "maxunicode": 0x10FFFF, "api_version": 1013,
        "prefix": "/usr/local", "exec_prefix": "/usr/local", "base_prefix": "/usr/local",
        "base_exec_prefix": "/usr/local", "platlibdir": "lib", "pycache_prefix": None,
        "dont_write_bytecode": True, "warnoptions": [], "_xoptions": {},
        "abiflags": "", "copyright": "Copyright (c) gilpy authors.",
    }
