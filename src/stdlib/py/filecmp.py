"""Compare files and directories.

cmp() compares two files (by their os.stat() signature, then by content),
cmpfiles() a list of names in two directories, and dircmp two directory
trees, its attributes computed when first asked for.
"""

import os
import stat
from itertools import filterfalse
from types import GenericAlias

__all__ = ["clear_cache", "cmp", "dircmp", "cmpfiles", "DEFAULT_IGNORES"]

_cache = {}
BUFSIZE = 8 * 1024

DEFAULT_IGNORES = [
    "RCS", "CVS", "tags", ".git", ".hg", ".bzr", "_darcs", "__pycache__"]


def clear_cache():
    """Clear the cache of comparisons made by cmp()."""
    _cache.clear()


def cmp(f1, f2, shallow=True):
    """Compare two files: True if they seem equal, False otherwise.

    With shallow (the default), files whose os.stat() signatures (type, size
    and modification time) are equal are taken as equal without reading
    them.  Only regular files can be equal.  Results are cached.
    """
    s1 = _sig(os.stat(f1))
    s2 = _sig(os.stat(f2))
    if s1[0] != stat.S_IFREG or s2[0] != stat.S_IFREG:
        return False
    if shallow and s1 == s2:
        return True
    if s1[1] != s2[1]:
        return False
    key = (f1, f2, s1, s2)
    outcome = _cache.get(key)
    if outcome is None:
        outcome = _same_contents(f1, f2)
        if len(_cache) > 100:
            clear_cache()
        _cache[key] = outcome
    return outcome


def _sig(st):
    return (stat.S_IFMT(st.st_mode), st.st_size, st.st_mtime)


def _same_contents(f1, f2):
    with open(f1, "rb") as fp1, open(f2, "rb") as fp2:
        while True:
            b1 = fp1.read(BUFSIZE)
            b2 = fp2.read(BUFSIZE)
            if b1 != b2:
                return False
            if not b1:
                return True


class dircmp:
    """Compare two directories: dircmp(a, b, ignore=None, hide=None).

    ignore lists names to leave out (DEFAULT_IGNORES by default), hide
    names to hide (os.curdir and os.pardir by default).

    report() prints the comparison; report_partial_closure() adds the
    immediate subdirectories, report_full_closure() all of them.

    The attributes, computed when first used: left, right, left_list,
    right_list, common, left_only, right_only, common_dirs, common_files,
    common_funny, same_files, diff_files, funny_files and subdirs (a dict
    of name to dircmp for each common subdirectory).
    """

    def __init__(self, a, b, ignore=None, hide=None):
        self.left = a
        self.right = b
        if hide is None:
            self.hide = [os.curdir, os.pardir]
        else:
            self.hide = hide
        if ignore is None:
            self.ignore = DEFAULT_IGNORES
        else:
            self.ignore = ignore

    def phase0(self):
        # The names in each directory.
        self.left_list = _filter(os.listdir(self.left), self.hide + self.ignore)
        self.right_list = _filter(os.listdir(self.right),
                                  self.hide + self.ignore)
        self.left_list.sort()
        self.right_list.sort()

    def phase1(self):
        # The names in both, and in one only.
        a = dict(zip(map(os.path.normcase, self.left_list), self.left_list))
        b = dict(zip(map(os.path.normcase, self.right_list), self.right_list))
        self.common = [a[k] for k in a if k in b]
        self.left_only = [a[k] for k in a if k not in b]
        self.right_only = [b[k] for k in b if k not in a]

    def phase2(self):
        # Sort the common names into directories, files and the rest.
        self.common_dirs = []
        self.common_files = []
        self.common_funny = []
        for x in self.common:
            a_path = os.path.join(self.left, x)
            b_path = os.path.join(self.right, x)
            try:
                a_type = stat.S_IFMT(os.stat(a_path).st_mode)
                b_type = stat.S_IFMT(os.stat(b_path).st_mode)
            except OSError:
                self.common_funny.append(x)
                continue
            if a_type != b_type:
                self.common_funny.append(x)
            elif stat.S_ISDIR(a_type):
                self.common_dirs.append(x)
            elif stat.S_ISREG(a_type):
                self.common_files.append(x)
            else:
                self.common_funny.append(x)

    def phase3(self):
        # Compare the common files.
        self.same_files, self.diff_files, self.funny_files = cmpfiles(
            self.left, self.right, self.common_files)

    def phase4(self):
        # A dircmp for each common subdirectory.
        self.subdirs = {}
        for x in self.common_dirs:
            a_x = os.path.join(self.left, x)
            b_x = os.path.join(self.right, x)
            self.subdirs[x] = self.__class__(a_x, b_x, self.ignore, self.hide)

    def phase4_closure(self):
        self.phase4()
        for sd in self.subdirs.values():
            sd.phase4_closure()

    def report(self):
        print("diff", self.left, self.right)
        if self.left_only:
            self.left_only.sort()
            print("Only in", self.left, ":", self.left_only)
        if self.right_only:
            self.right_only.sort()
            print("Only in", self.right, ":", self.right_only)
        if self.same_files:
            self.same_files.sort()
            print("Identical files :", self.same_files)
        if self.diff_files:
            self.diff_files.sort()
            print("Differing files :", self.diff_files)
        if self.funny_files:
            self.funny_files.sort()
            print("Trouble with common files :", self.funny_files)
        if self.common_dirs:
            self.common_dirs.sort()
            print("Common subdirectories :", self.common_dirs)
        if self.common_funny:
            self.common_funny.sort()
            print("Common funny cases :", self.common_funny)

    def report_partial_closure(self):
        self.report()
        for sd in self.subdirs.values():
            print()
            sd.report()

    def report_full_closure(self):
        self.report()
        for sd in self.subdirs.values():
            print()
            sd.report_full_closure()

    methodmap = dict(subdirs=phase4,
                     same_files=phase3, diff_files=phase3, funny_files=phase3,
                     common_dirs=phase2, common_files=phase2,
                     common_funny=phase2,
                     common=phase1, left_only=phase1, right_only=phase1,
                     left_list=phase0, right_list=phase0)

    def __getattr__(self, attr):
        if attr not in self.methodmap:
            raise AttributeError(attr)
        self.methodmap[attr](self)
        return getattr(self, attr)

    __class_getitem__ = classmethod(GenericAlias)


def cmpfiles(a, b, common, shallow=True):
    """Compare the files named in common in directories a and b.

    Returns three lists: the names that compare equal, those that differ,
    and those that could not be compared.
    """
    res = ([], [], [])
    for x in common:
        ax = os.path.join(a, x)
        bx = os.path.join(b, x)
        res[_cmp(ax, bx, shallow)].append(x)
    return res


# 0 for equal, 1 for different, 2 when they cannot be compared.
def _cmp(a, b, sh):
    try:
        return not abs(cmp(a, b, sh))
    except (OSError, ValueError):
        return 2


def _filter(flist, skip):
    return list(filterfalse(skip.__contains__, flist))


def demo():
    import sys
    import getopt
    options, args = getopt.getopt(sys.argv[1:], "r")
    if len(args) != 2:
        raise getopt.GetoptError("need exactly two args", None)
    dd = dircmp(args[0], args[1])
    if ("-r", "") in options:
        dd.report_full_closure()
    else:
        dd.report()


if __name__ == "__main__":
    demo()
