# Literal, capture, wildcard and value patterns; None/True/False by identity.
import math


class Color:
    RED = "red"
    GREEN = "green"

    class Shade:
        DARK = "dark"


def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5 | 2.5:
            return "a float"
        case -0.5:
            return "minus a half"
        case "s":
            return "the string s"
        case "con" "cat":
            return "concatenated"
        case b"raw":
            return "bytes"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
        case 12345678901234567890:
            return "a big int"
        case -12345678901234567890:
            return "a negative big int"
        case 0x10 | 0o10 | 0b10:
            return "16, 8 or 2"
        case 1_000:
            return "a thousand"
        case 1e3:
            return "unreachable: 1000.0 == 1000"
        case math.pi:
            return "pi (a value pattern)"
        case Color.RED:
            return "red (a value pattern)"
        case Color.Shade.DARK:
            return "dark (a dotted value pattern)"
        case _:
            return "something else"


for v in [0, 0.0, -1, 1.5, 2.5, -0.5, "s", "concat", b"raw", bytearray(b"raw"), None,
          True, False, 1, 12345678901234567890, -12345678901234567890, 16, 8, 2,
          1000, 1000.0, math.pi, "red", "dark", "green", [], object]:
    print(repr(v), "->", describe(v))

# Captures bind the subject; `_` binds nothing.
match 42:
    case answer:
        print("captured", answer)
_ = "untouched"
match 43:
    case _:
        print("wildcard leaves _ as", _)

# True and 1 are equal but only True is True.
for v in [1, True, 0, False, 1.0]:
    match v:
        case True:
            print(repr(v), "is True")
        case 1:
            print(repr(v), "== 1")
        case False:
            print(repr(v), "is False")
        case 0:
            print(repr(v), "== 0")


# Value patterns compare with ==: the subject's __eq__ is asked first.
class Loud:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        print(f"  {self.name}.__eq__({getattr(other, 'name', other)!r})")
        return NotImplemented

    __hash__ = object.__hash__


class Values:
    loud = Loud("value")


match Loud("subject"):
    case 1:
        print("no")
    case Values.loud:
        print("no")
    case _:
        print("fell through to _")

# The subject is evaluated once, however many cases there are.
calls = []


def subject():
    calls.append(1)
    return "c"


match subject():
    case "a":
        pass
    case "b":
        pass
    case "c":
        print("matched c after", len(calls), "call")
