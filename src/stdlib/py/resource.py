"""Resource usage and limits of this process and its children: getrusage
(as a struct_rusage), getrlimit, setrlimit, prlimit. The system calls are
native (_resource)."""

import _resource
from _resource import (
    RLIMIT_AS, RLIMIT_CORE, RLIMIT_CPU, RLIMIT_DATA, RLIMIT_FSIZE,
    RLIMIT_MEMLOCK, RLIMIT_MSGQUEUE, RLIMIT_NICE, RLIMIT_NOFILE, RLIMIT_NPROC,
    RLIMIT_OFILE, RLIMIT_RSS, RLIMIT_RTPRIO, RLIMIT_RTTIME, RLIMIT_SIGPENDING,
    RLIMIT_STACK, RLIM_INFINITY, RUSAGE_CHILDREN, RUSAGE_SELF, RUSAGE_THREAD,
    getpagesize, getrlimit, prlimit, setrlimit)

error = OSError

_FIELDS = ("ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
           "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
           "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")


class struct_rusage(tuple):
    """The result of getrusage(): a 16-tuple whose items are also the
    attributes ru_utime, ru_stime (seconds) and ru_maxrss... (counts)."""

    __slots__ = ()
    n_sequence_fields = 16
    n_fields = 16
    n_unnamed_fields = 0
    __match_args__ = _FIELDS

    def __new__(cls, sequence, dict=None):
        try:
            seq = tuple(sequence)
        except TypeError:
            raise TypeError("constructor requires a sequence") from None
        if len(seq) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence "
                            "(%d-sequence given)" % len(seq))
        return tuple.__new__(cls, seq)

    def __setattr__(self, name, value):
        if name in _FIELDS:
            raise AttributeError("readonly attribute")
        raise AttributeError(
            "'resource.struct_rusage' object has no attribute '%s'" % name)

    def __repr__(self):
        inner = ", ".join("%s=%r" % pair for pair in zip(_FIELDS, self))
        return "resource.struct_rusage(" + inner + ")"

    def __reduce__(self):
        return (struct_rusage, (tuple(self), {}))


for _i, _name in enumerate(_FIELDS):
    setattr(struct_rusage, _name, property(lambda self, i=_i: self[i]))
del _i, _name
struct_rusage.__module__ = "resource"


def getrusage(who):
    """The resources used by this process (RUSAGE_SELF), its waited-for
    children (RUSAGE_CHILDREN) or this thread (RUSAGE_THREAD)."""
    return struct_rusage(_resource.getrusage(who))
