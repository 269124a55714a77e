"""Parser for command line options, in the style of C's getopt().

getopt(args, shortopts, longopts=[]) stops at the first non-option
argument; gnu_getopt() lets options and arguments mix (unless shortopts
starts with '+' or POSIXLY_CORRECT is set).  Both return (opts, args),
opts being a list of (option, value) pairs.  Errors raise GetoptError
(also named error) with .msg and .opt.
"""

__all__ = ["GetoptError", "error", "getopt", "gnu_getopt"]

import os


class GetoptError(Exception):
    opt = ""
    msg = ""

    def __init__(self, msg, opt=""):
        self.msg = msg
        self.opt = opt
        Exception.__init__(self, msg, opt)

    def __str__(self):
        return self.msg


error = GetoptError


def _as_list(longopts):
    if isinstance(longopts, str):
        return [longopts]
    return list(longopts)


def getopt(args, shortopts, longopts=[]):
    """Parse options until the first argument that is not one."""
    opts = []
    longopts = _as_list(longopts)
    while args and args[0].startswith("-") and args[0] != "-":
        if args[0] == "--":
            args = args[1:]
            break
        if args[0].startswith("--"):
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        else:
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
    return opts, args


def gnu_getopt(args, shortopts, longopts=[]):
    """Like getopt(), but options may follow arguments."""
    opts = []
    prog_args = []
    longopts = _as_list(longopts)
    # '+' first, or POSIXLY_CORRECT in the environment, means stop at the
    # first argument as getopt() does.
    if shortopts.startswith("+"):
        shortopts = shortopts[1:]
        all_options_first = True
    elif os.environ.get("POSIXLY_CORRECT"):
        all_options_first = True
    else:
        all_options_first = False
    while args:
        if args[0] == "--":
            prog_args += args[1:]
            break
        if args[0][:2] == "--":
            opts, args = do_longs(opts, args[0][2:], longopts, args[1:])
        elif args[0][:1] == "-" and args[0] != "-":
            opts, args = do_shorts(opts, args[0][1:], shortopts, args[1:])
        else:
            if all_options_first:
                prog_args += args
                break
            prog_args.append(args[0])
            args = args[1:]
    return opts, prog_args


def do_longs(opts, opt, longopts, args):
    if "=" in opt:
        i = opt.index("=")
        opt, optarg = opt[:i], opt[i + 1:]
    else:
        optarg = None
    has_arg, opt = long_has_args(opt, longopts)
    if has_arg:
        if optarg is None:
            if not args:
                raise GetoptError("option --%s requires argument" % opt, opt)
            optarg, args = args[0], args[1:]
    elif optarg is not None:
        raise GetoptError("option --%s must not have an argument" % opt, opt)
    opts.append(("--" + opt, optarg or ""))
    return opts, args


def long_has_args(opt, longopts):
    """Whether long option `opt` (maybe a prefix) takes a value, and its
    full name."""
    matches = [o for o in longopts if o.startswith(opt)]
    if not matches:
        raise GetoptError("option --%s not recognized" % opt, opt)
    if opt in matches:
        return False, opt
    if opt + "=" in matches:
        return True, opt
    # A prefix must name exactly one option.
    if len(matches) > 1:
        raise GetoptError("option --%s not a unique prefix" % opt, opt)
    found = matches[0]
    if found.endswith("="):
        return True, found[:-1]
    return False, found


def do_shorts(opts, optstring, shortopts, args):
    while optstring != "":
        opt, optstring = optstring[0], optstring[1:]
        if short_has_arg(opt, shortopts):
            if optstring == "":
                if not args:
                    raise GetoptError("option -%s requires argument" % opt,
                                      opt)
                optstring, args = args[0], args[1:]
            optarg, optstring = optstring, ""
        else:
            optarg = ""
        opts.append(("-" + opt, optarg))
    return opts, args


def short_has_arg(opt, shortopts):
    for i in range(len(shortopts)):
        if opt == shortopts[i] != ":":
            return shortopts.startswith(":", i + 1)
    raise GetoptError("option -%s not recognized" % opt, opt)


if __name__ == "__main__":
    import sys
    print(getopt(sys.argv[1:], "a:b", ["alpha=", "beta"]))
