# Mapping patterns: literal and dotted keys, **rest, dict subclasses.
import collections


def event(v):
    match v:
        case {} if not v:
            return "empty mapping"
        case {"type": "point", "x": x, "y": y}:
            return f"point {x} {y}"
        case {"type": "circle", **rest}:
            return f"circle, rest={rest}"
        case {1: one, None: none, False: false}:
            return f"odd keys: {one} {none} {false}"
        case {"k": [a, *b]}:
            return f"nested: {a} {b}"
        case {**rest} if len(rest) == 1:
            return f"single item: {rest}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"


values = [{}, {"type": "point", "x": 1, "y": 2, "z": 3},
          {"type": "circle", "r": 5, "c": (0, 0)}, {1: "a", None: "b", 0: "c"},
          {"k": [1, 2, 3]}, {"q": 1}, {"q": 1, "r": 2},
          collections.OrderedDict(a=1), collections.defaultdict(list),
          collections.Counter("aab"), [("a", 1)], "s", None]
for v in values:
    print(repr(v), "->", event(v))

# Missing keys are looked up without creating them.
dd = collections.defaultdict(list)
match dd:
    case {"missing": _}:
        print("no")
    case _:
        print("defaultdict untouched:", dict(dd))


# Keys are looked up with the mapping's get(); **rest is a new dict.
class Traced(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)


match Traced(a=1, b=2, c=3):
    case {"a": 1, "c": c, **rest}:
        print("c =", c, "rest =", rest, type(rest).__name__)
match Traced(a=1):
    case {"a": 2}:
        print("no")
    case {"b": _, "a": _}:
        print("no: too few items, get() not even called")
    case _:
        print("no match")


class Keys:
    a = "a"
    b = "a"
    c = "c"


match {"a": 1, "c": 2}:
    case {Keys.a: v, Keys.c: w}:
        print("dotted keys:", v, w)

# The same key twice (only found at run time when dotted) is a ValueError.
try:
    match {"a": 1, "b": 2, "c": 3}:
        case {Keys.a: 1, Keys.b: 1}:
            pass
except ValueError as e:
    print("ValueError:", e)

match {0: "zero", 1.5: "f", b"x": "bytes", -2: "neg", "s": "str"}:
    case {0: z, 1.5: f, b"x": by, -2: n, **rest}:
        print(z, f, by, n, rest)
match {"a": 1}:
    case {"a": 1, **rest}:
        print("empty rest:", rest)
match {"a": {"b": {"c": 42}}}:
    case {"a": {"b": {"c": value}}}:
        print("deep:", value)
match {True: "t"}:
    case {1: v}:
        print("1 finds the key True:", v)
