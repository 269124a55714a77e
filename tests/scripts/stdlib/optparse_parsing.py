import contextlib
import io
import os
import sys

os.environ["COLUMNS"] = "80"
import optparse
from optparse import OptionParser, OptionGroup, Option, Values, OptionValueError


def run(parser, args):
    err = io.StringIO()
    out = io.StringIO()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
            opts, rest = parser.parse_args(args)
        print("parsed", sorted(vars(opts).items()), rest)
    except SystemExit as e:
        print("exit", e.code)
    if out.getvalue():
        print("stdout:", repr(out.getvalue()))
    if err.getvalue():
        print("stderr:", repr(err.getvalue()))


def record(option, opt_str, value, parser, *args, **kwargs):
    print("callback", option, opt_str, value, args, sorted(kwargs.items()),
          parser.largs, parser.rargs)
    if option.dest:
        setattr(parser.values, option.dest, (value, args))


parser = OptionParser(prog="tool", version="%prog 1.2")
parser.add_option("-f", "--file", dest="filename", help="write report to FILE", metavar="FILE")
parser.add_option("-q", "--quiet", action="store_false", dest="verbose", default=True,
                  help="don't print status messages to stdout")
parser.add_option("-v", action="count", dest="verbosity")
parser.add_option("-n", "--num", type="int", default=3)
parser.add_option("--ratio", type="float")
parser.add_option("-I", "--include", action="append", default=[])
parser.add_option("--mode", choices=["fast", "slow"], default="fast")
parser.add_option("--const", action="store_const", const=42, dest="answer")
parser.add_option("--tag", action="append_const", const="t", dest="tags")
parser.add_option("--flag", action="store_true")
parser.add_option("--point", type="int", nargs=2)
parser.add_option("-c", "--cb", action="callback", callback=record, type="string",
                  callback_args=(1, 2), callback_kwargs={"k": "v"}, dest="cbval")
parser.add_option("--cb0", action="callback", callback=record)

run(parser, [])
run(parser, ["-f", "out.txt", "a", "-q", "b", "-vvv", "--num=0x1f", "--ratio", "2.5"])
run(parser, ["-fout", "-n017", "-I", "x", "--include=y", "-Iz", "--mode", "slow"])
run(parser, ["--const", "--tag", "--tag", "--flag", "--point", "3", "4", "--", "-f", "x"])
run(parser, ["--fi", "name", "--ra", "1e3", "-n", "0b101", "-n", "12"])
run(parser, ["-c", "hello", "pos", "--cb0", "rest"])
run(parser, ["-qvfname"])
run(parser, ["-n", "abc"])
run(parser, ["--ratio", "x"])
run(parser, ["--mode", "medium"])
run(parser, ["--nope"])
run(parser, ["-x"])
run(parser, ["--c"])
run(parser, ["-f"])
run(parser, ["--point", "1"])
run(parser, ["--flag=yes"])
run(parser, ["--version"])
run(parser, ["--help"])

parser.disable_interspersed_args()
run(parser, ["a", "-q"])
parser.enable_interspersed_args()
parser.set_defaults(num=7, extra="e")
run(parser, ["a"])
parser.set_default("num", "0x10")
run(parser, [])
parser.set_process_default_values(False)
run(parser, [])

values = Values({"a": 1})
print(values, values == {"a": 1}, values == Values({"a": 1}), values != Values({"a": 2}))
print(values.ensure_value("a", 5), values.ensure_value("b", []), values)
values._update_loose({"c": 3})
values._update_careful({"a": None, "b": [1], "zz": 0})
print(sorted(vars(values).items()))

opt = parser.get_option("-f")
print(opt, opt.dest, opt.metavar, opt.takes_value(), opt.get_opt_string(), parser.has_option("--file"))
print(str(parser.get_option("--cb0")), parser.get_option("--zzz"), parser.defaults["verbose"])
parser.remove_option("--flag")
print(parser.has_option("--flag"))
try:
    parser.remove_option("--flag")
except ValueError as e:
    print("ValueError", e)


# option definition errors
def bad(*args, **kw):
    try:
        Option(*args, **kw)
        print("no error")
    except optparse.OptionError as e:
        print(type(e).__name__, e)
    except TypeError as e:
        print("TypeError", e)


bad()
bad("x")
bad("-")
bad("--")
bad("-ab")
bad("-x", action="jump")
bad("-x", type="decimal")
bad("-x", action="store_true", type="int")
bad("-x", type="choice")
bad("-x", choices="ab")
bad("-x", type="int", choices=["a"])
bad("-x", action="store", const=1)
bad("-x", action="count", nargs=2)
bad("-x", action="callback", callback=5)
bad("-x", action="callback", callback=record, callback_args=[1])
bad("-x", action="callback", callback=record, callback_kwargs=1)
bad("-x", callback=len)
bad("-x", callback_args=(1,))
bad("-x", bogus=1, other=2)
bad("-x", type=int)
bad("-x", type=str)
print(Option("-x", type=float).type, Option("--long-name").dest, Option("-y").dest)
try:
    parser.add_option("-f")
except optparse.OptionConflictError as e:
    print("OptionConflictError", e)
try:
    parser.add_option(5)
except TypeError as e:
    print("TypeError", e)
p2 = OptionParser(conflict_handler="resolve", add_help_option=False)
p2.add_option("-a", "--alpha", help="first")
p2.add_option("-a", "--again", help="second")
p2.add_option("--alpha", help="third")
print([str(o) for o in p2.option_list])
try:
    OptionParser(conflict_handler="bogus")
except ValueError as e:
    print("ValueError", e)


class MyError(OptionValueError):
    pass


def positive(option, opt, value):
    v = int(value)
    if v <= 0:
        raise OptionValueError("option %s: %r is not positive" % (opt, value))
    return v


class MyOption(Option):
    TYPES = Option.TYPES + ("positive",)
    TYPE_CHECKER = dict(Option.TYPE_CHECKER)
    TYPE_CHECKER["positive"] = positive


p3 = OptionParser(option_class=MyOption, prog="p3", usage="usage: %prog [-p N] files")
p3.add_option("-p", type="positive")
run(p3, ["-p", "5", "x"])
run(p3, ["-p", "-5"])
group = p3.add_option_group("Extra", "Extra options.")
group.add_option("-g", action="store_true", help="in a group")
print(p3.get_option_group("-g") is group, p3.get_option_group("-p"))
run(p3, ["-g"])
print(optparse.SUPPRESS_HELP, optparse.SUPPRESS_USAGE, optparse.make_option is Option)
print(optparse.BadOptionError("-z"), optparse.AmbiguousOptionError("--a", ["--ab", "--ac"]))
