import enum
from enum import Enum, IntEnum, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # an alias of RED

    def describe(self):
        return f"{self.name.lower()} ({self.value})"

    @classmethod
    def default(cls):
        return cls.GREEN


print(repr(Color.RED), str(Color.RED), f"{Color.BLUE}", f"[{Color.RED:>12}]", repr(Color))
print(type(Color), type(Color.RED), isinstance(Color.RED, Color), Color.RED.__class__.__name__)
print(list(Color), len(Color), list(reversed(Color)))
print(Color.CRIMSON, Color.CRIMSON is Color.RED, Color(1), Color["GREEN"], Color(Color.BLUE))
print(Color.RED.name, Color.RED.value, Color.GREEN.describe(), Color.default(), Color.RED.default())
print(list(Color.__members__), [m.name for m in Color.__members__.values()])
print([name for name, member in Color.__members__.items() if member.name != name])
print(Color.RED in Color, Color.RED == Color.RED, Color.RED == 1, Color.RED != Color.BLUE)
print(hash(Color.RED) == hash("RED"), {Color.RED: "stop", Color.GREEN: "go"}[Color.GREEN])
print(bool(Color.RED), bool(Color), sorted(Color, key=lambda c: c.value, reverse=True))
print(dir(Color))
print(dir(Color.RED))

for attempt in (lambda: Color(7), lambda: Color["PINK"], lambda: Color.RED < Color.BLUE):
    try:
        attempt()
    except Exception as e:
        print(type(e).__name__, e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError:", e)
try:
    class MoreColor(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
try:
    class Twice(Enum):
        A = 1
        A = 2
except TypeError as e:
    print("TypeError:", e)
try:
    class Reserved(Enum):
        _spam_ = 1
except ValueError as e:
    print("ValueError:", e)
try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
        TWO = 2
        DOS = 2
except ValueError as e:
    print("ValueError:", e)


class Weekday(Enum):
    MONDAY = auto()
    TUESDAY = auto()
    WEDNESDAY = auto()
    HOLIDAY = 10
    AFTER = auto()


print([(d.name, d.value) for d in Weekday])


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    VENUS = (4.869e+24, 6.0518e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 2))
print(Planet((5.976e+24, 6.37814e6)) is Planet.EARTH)


class Status(IntEnum):
    OK = 200
    NOT_FOUND = 404
    ERROR = 500


print(repr(Status.OK), str(Status.OK), f"{Status.NOT_FOUND}", format(Status.OK, "05d"), Status.OK + 1)
print(Status.OK == 200, Status(404), Status.OK < Status.ERROR, sorted([Status.ERROR, 100, Status.OK]))
print(isinstance(Status.OK, int), int(Status.ERROR), [s for s in Status if s >= 404], hash(Status.OK) == hash(200))


class Mode(StrEnum):
    READ = auto()
    WRITE = auto()
    APPEND = "a"


print(repr(Mode.READ), str(Mode.READ), f"{Mode.WRITE}", Mode.READ == "read", Mode.APPEND.upper(), list(Mode))
print("-".join(Mode), Mode("a"), isinstance(Mode.READ, str))
try:
    class Bad(StrEnum):
        X = 1
except TypeError as e:
    print("TypeError:", e)


class Shape(str, Enum):
    SQUARE = "sq"


print(str(Shape.SQUARE), format(Shape.SQUARE), repr(Shape.SQUARE), Shape.SQUARE == "sq")


class Lenient(Enum):
    ONE = "one"
    TWO = "two"

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for member in cls:
                if member.value == value.lower():
                    return member
        return None


print(Lenient("ONE"), Lenient("Two"))
try:
    Lenient("three")
except ValueError as e:
    print("ValueError:", e)

Animal = Enum("Animal", "ANT BEE CAT DOG")
print(list(Animal), Animal.BEE.value, repr(Animal))
Pet = Enum("Pet", [("CAT", "meow"), ("DOG", "woof")])
print(list(Pet), Pet("woof"))
Sizes = IntEnum("Sizes", {"S": 1, "M": 2, "L": 3})
print(list(Sizes), Sizes.M + Sizes.L)
Tags = StrEnum("Tags", "alpha, beta")
print(list(Tags))
print(Enum("Letters", "A B", start=10).B.value)


class Ordered(Enum):
    _order_ = "LOW HIGH"
    LOW = 1
    HIGH = 2


print(list(Ordered))
try:
    class Misordered(Enum):
        _order_ = "B A"
        A = 1
        B = 2
except TypeError as e:
    print("TypeError:", e)


class Ignoring(Enum):
    _ignore_ = ["tmp"]
    tmp = 1
    REAL = 2


print(list(Ignoring), hasattr(Ignoring, "tmp"))


class WithMembers(Enum):
    A = 1
    helper = enum.nonmember(42)
    func = enum.member(len)


print(list(WithMembers), WithMembers.helper)


class Empty(Enum):
    pass


print(list(Empty), len(Empty))


class Derived(Empty):
    X = 1


print(list(Derived), isinstance(Derived.X, Empty))
print(enum.EnumMeta is enum.EnumType, repr(auto()))
print(enum.__all__)
