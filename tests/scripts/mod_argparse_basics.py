import argparse
import sys


def build():
    parser = argparse.ArgumentParser(
        prog="frobnicate",
        description="Frobnicate the given files, optionally more than once.",
        epilog="Report bugs to the frobnicator team.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="files to frobnicate")
    parser.add_argument("-n", "--count", type=int, default=1, help="how many times (default: %(default)s)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    parser.add_argument("-q", "--quiet", action="store_true", help="no output")
    parser.add_argument("--no-cache", dest="cache", action="store_false", help="do not use the cache")
    parser.add_argument("-I", "--include", action="append", default=[], help="directories to search")
    parser.add_argument("--mode", choices=["fast", "safe", "slow"], default="safe", help="the mode")
    parser.add_argument("--ratio", type=float, help="a ratio")
    parser.add_argument("--pair", nargs=2, metavar=("KEY", "VALUE"), help="a key and a value")
    parser.add_argument("--level", nargs="?", const="high", default="low", help="level of detail")
    parser.add_argument("--version", action="version", version="%(prog)s 2.0")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--json", action="store_true", help="JSON output")
    group.add_argument("--xml", action="store_true", help="XML output")
    extra = parser.add_argument_group("extra options", "Options for experts.")
    extra.add_argument("--debug-level", type=int, choices=range(0, 4), help="debugging level")
    return parser


parser = build()
print(parser.format_usage(), end="")
print(parser.format_help(), end="")
print(repr(parser.parse_args(["a.txt"])))
args = parser.parse_args(["-vv", "-n", "3", "--no-cache", "-I", "inc", "--include=lib", "--mode", "fast",
                          "--pair", "k", "v", "--level", "--json", "a", "b", "--ratio", "0.5", "--debug-level", "2"])
print(args)
print(args.files, args.count, args.verbose, args.cache, args.include, args.mode, args.pair, args.level, args.json)
print(parser.parse_args(["-qvn2", "x"]), parser.parse_args(["--cou", "4", "--", "-file"]))
print(vars(parser.parse_args(["--level=mid", "f"])), "count" in parser.parse_args(["f"]))
print(parser.parse_known_args(["f", "--unknown", "-z"]))
print(argparse.Namespace(a=1, b="x") == argparse.Namespace(a=1, b="x"), argparse.Namespace(a=1))

sub = argparse.ArgumentParser(prog="git-like")
sub.add_argument("--git-dir")
commands = sub.add_subparsers(dest="command", title="commands", help="what to do")
commit = commands.add_parser("commit", help="record changes")
commit.add_argument("-m", "--message", required=True)
commit.add_argument("--amend", action="store_true")
push = commands.add_parser("push", aliases=["p"], help="send changes")
push.add_argument("remote", nargs="?", default="origin")
print(sub.parse_args(["commit", "-m", "fix"]), sub.parse_args(["--git-dir", "/g", "p", "up"]))
print(sub.format_help(), end="")
print(commit.format_help(), end="")

fmt = argparse.ArgumentParser(prog="fmt", formatter_class=argparse.ArgumentDefaultsHelpFormatter)
fmt.add_argument("--size", type=int, default=10, help="size")
fmt.add_argument("--flag", action=argparse.BooleanOptionalAction, default=True, help="a flag")
fmt.add_argument("path", nargs="?", default=".", help="where")
print(fmt.format_help(), end="")
print(fmt.parse_args(["--no-flag"]), fmt.parse_args(["--flag", "p"]))

raw = argparse.ArgumentParser(prog="raw", formatter_class=argparse.RawDescriptionHelpFormatter,
                              description="Line one.\n  Indented line two.\n\nAfter a blank.")
print(raw.format_help(), end="")

no_exit = argparse.ArgumentParser(prog="quiet", exit_on_error=False)
no_exit.add_argument("--num", type=int)
try:
    no_exit.parse_args(["--num", "x"])
except argparse.ArgumentError as e:
    print("ArgumentError:", e)


def even(text):
    value = int(text)
    if value % 2:
        raise argparse.ArgumentTypeError("%r is not even" % text)
    return value


typed = argparse.ArgumentParser(prog="typed")
typed.add_argument("number", type=even)
print(typed.parse_args(["4"]))

scratch = build()
for bad in (lambda: scratch.add_argument("-q"), lambda: scratch.add_argument("--other", nargs=0),
            lambda: scratch.add_argument("bad", required=True), lambda: scratch.add_argument("--x", action="nope")):
    try:
        bad()
    except (argparse.ArgumentError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)

# Errors go to stderr with the usage, and exit with status 2 (see the .err file).
cases = [["--count", "many", "f"], ["--mode", "turbo", "f"], [], ["--json", "--xml", "f"],
         ["--pair", "onlyone", "f"], ["f", "--bogus"], ["--ver"]]
for argv in cases:
    try:
        parser.parse_args(argv)
    except SystemExit as e:
        print("exit", e.code, argv)
sys.stdout.flush()
try:
    parser.parse_args(["--version"])
except SystemExit as e:
    print("exit", e.code)
typed.parse_args(["3"])
