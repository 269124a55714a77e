# A usage error: the usage and the message go to stderr, the exit status is 2.
from optparse import OptionParser

parser = OptionParser(prog="frob", usage="%prog [options] FILE")
parser.add_option("-n", type="int", dest="count")
opts, args = parser.parse_args(["-n", "3", "file"])
print(opts.count, args)
print("before the error")
parser.parse_args(["-n", "three"])
print("not reached")
