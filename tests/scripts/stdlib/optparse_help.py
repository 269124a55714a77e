import os

os.environ["COLUMNS"] = "60"
import optparse
from optparse import OptionParser, OptionGroup, TitledHelpFormatter, IndentedHelpFormatter

parser = OptionParser(usage="%prog [options] arg1 arg2", prog="demo", version="%prog 0.9",
                      description="A demonstration of the help layout of optparse, with a "
                                  "description long enough to be wrapped over several lines "
                                  "by textwrap.",
                      epilog="Report bugs to nobody. This epilog is also wrapped when it is "
                             "longer than the width.")
parser.add_option("-v", "--verbose", action="store_true", dest="verbose", default=True,
                  help="make lots of noise [default]")
parser.add_option("-q", "--quiet", action="store_false", dest="verbose",
                  help="be vewwy quiet (I'm hunting wabbits)")
parser.add_option("-f", "--filename", metavar="FILE", help="write output to FILE")
parser.add_option("-m", "--mode", default="intermediate",
                  help="interaction mode: novice, intermediate, or expert [default: %default]")
parser.add_option("--a-really-long-option-name", type="int", default=10,
                  help="this option's strings are longer than the help position so its help "
                       "starts on the next line; default %default")
parser.add_option("--secret", help=optparse.SUPPRESS_HELP)
parser.add_option("-n", type="int", help="a number (default: %default)")
group = OptionGroup(parser, "Dangerous Options",
                    "Caution: use these options at your own risk.  It is believed that some "
                    "of them bite.")
group.add_option("-g", action="store_true", help="Group option.")
group.add_option("--level", type="choice", choices=["1", "2"], metavar="LVL",
                 help="one of 1 or 2")
parser.add_option_group(group)
group2 = parser.add_option_group("Debug Options")
group2.add_option("-d", "--debug", action="store_true", help="Print debug information")
group2.add_option("-s", "--sql", action="store_true",
                  help="Print all SQL statements executed")
parser.print_help()
print("----")
print(parser.format_usage() if hasattr(parser, "format_usage") else parser.get_usage(), end="")
print(repr(parser.get_usage()), repr(parser.get_version()))
parser.print_usage()
parser.print_version()
print("----")
parser.formatter = TitledHelpFormatter()
parser.formatter.set_parser(parser)
parser.print_help()
print("----")
f = IndentedHelpFormatter(width=40, max_help_position=30, indent_increment=4, short_first=0)
f.set_short_opt_delimiter("")
f.set_long_opt_delimiter(" ")
print(parser.format_help(f))
print("----")
p = OptionParser(usage=optparse.SUPPRESS_USAGE, add_help_option=False)
print(repr(p.format_help()))
p.add_option("-x")
print(repr(p.format_help()))
p = OptionParser(prog="e")
print(repr(p.format_help()))
os.environ["COLUMNS"] = "bogus"
f = IndentedHelpFormatter()
print(f.width, f.max_help_position, f.help_position)
del os.environ["COLUMNS"]
f = IndentedHelpFormatter()
print(f.width, f.max_help_position)
f = IndentedHelpFormatter(width=25)
print(f.width, f.max_help_position)
try:
    f.set_long_opt_delimiter(":")
except ValueError as e:
    print("ValueError", e)
