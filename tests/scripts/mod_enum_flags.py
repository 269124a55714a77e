import enum
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7


rw = Perm.R | Perm.W
print(repr(rw), str(rw), f"{rw}", list(rw), len(rw), bool(rw))
print(Perm.R in rw, Perm.X in rw, rw & Perm.R, rw ^ Perm.RWX, repr(~Perm.R), repr(~Perm.RWX))
print(list(Perm), list(Perm.__members__), repr(Perm.RWX), list(Perm.RWX))
print(repr(Perm(0)), str(Perm(0)), bool(Perm(0)), Perm(6) is rw, Perm(7) is Perm.RWX, repr(Perm))
for value in (8, -1):
    try:
        Perm(value)
    except ValueError as e:
        print("ValueError:", e)
try:
    1 in Perm.R
except TypeError as e:
    print("TypeError:", e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print([(c.name, c.value) for c in Color], Color.WHITE, list(Color.WHITE), Color.RED | Color.BLUE)
print(repr(Color(5)), Color(5).name, Color.WHITE.name)


class Options(IntFlag):
    VERBOSE = 1
    DEBUG = 2
    TRACE = 4


opts = Options.VERBOSE | Options.TRACE
print(repr(opts), str(opts), f"{opts}", opts == 5, opts + 1, isinstance(opts, int))
print(repr(Options.DEBUG | 8), repr(Options(0)), repr(~Options.VERBOSE), repr(Options(16)))
print(Options.DEBUG in opts, Options.VERBOSE in opts, list(opts), len(Options(7)))
print(repr(opts & 4), repr(3 | Options.TRACE), repr(Options.TRACE ^ 6))


class Strict(Flag, boundary=enum.STRICT):
    A = 1
    B = 2


class Conform(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=enum.EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=enum.KEEP):
    A = 1
    B = 2


try:
    Strict(7)
except ValueError as e:
    print("ValueError:", e)
print(repr(Conform(7)), repr(Eject(7)), repr(Keep(7)), Keep(7).name)
print(enum.STRICT, repr(enum.KEEP), Perm._boundary_, Options._boundary_)

Dyn = Flag("Dyn", "A B C")
print(list(Dyn), repr(Dyn.A | Dyn.C))
IDyn = IntFlag("IDyn", [("X", 8), ("Y", 16)])
print(repr(IDyn.X | IDyn.Y), int(IDyn.Y))


@enum.verify(enum.UNIQUE)
class Single(Flag):
    A = 1
    B = 2


try:
    @enum.verify(enum.CONTINUOUS)
    class Gappy(enum.Enum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError:", e)
try:
    @enum.verify(enum.NAMED_FLAGS)
    class Unnamed(Flag):
        A = 1
        ABC = 7
except ValueError as e:
    print("ValueError:", e)
print(list(Single))
