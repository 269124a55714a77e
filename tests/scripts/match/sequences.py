# Sequence patterns: lists, tuples, ranges, their subclasses; str, bytes and
# bytearray are never sequences here; star patterns.
import collections


def shape(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [int(x), int(y)] if x > y:
            return f"descending pair: {x} {y}"
        case [x, [y, z]]:
            return f"nested: {x} {y} {z}"
        case [*init, last] if len(init) > 3:
            return f"long: init={init} last={last}"
        case [first, *_, last]:
            return f"first={first} last={last}"
        case _:
            return "not a sequence pattern"


class MyList(list):
    pass


class MyTuple(tuple):
    pass


values = [[], (), [1], (2,), [3, 1], [1, 3], [1, [2, 3]], [1, 2, 3, 4, 5],
          range(4), range(0), "abc", "", "a", b"ab", bytearray(b"xy"),
          collections.deque([7, 8, 9]), {1: 2}, {1, 2}, frozenset(), 5, None,
          MyList([1, 2, 3]), MyTuple((5,)), memoryview(b"ab")]
for v in values:
    print(type(v).__name__, repr(v) if not isinstance(v, memoryview) else "", "->", shape(v))

# A star pattern collects a list, whatever the subject.
match (1, 2, 3, 4, 5):
    case (a, b, *rest):
        print(a, b, rest, type(rest).__name__)
match range(5):
    case [*rest, a, b]:
        print(rest, a, b)
match [1, 2]:
    case [1, 2, *empty]:
        print("empty star:", empty)
match [1, 2]:
    case [1, *middle, 2]:
        print("empty middle:", middle)

# Only wildcards: no item is read.
match (1, 2, 3):
    case [_, _, *_]:
        print("three or more")
match (1, 2, 3):
    case [*_]:
        print("any sequence")
match []:
    case [*_]:
        print("even an empty one")
match [1, 2, 3, 4]:
    case [_, x, *_, y]:
        print("second and last:", x, y)

# Brackets or parentheses or none: all sequence patterns.
match 1, 2, 3:
    case 1, *rest:
        print("open sequence:", rest)
match [1]:
    case (1,):
        print("(1,) is a sequence pattern")
match [1]:
    case (1):
        print("(1) is the literal 1: no")
    case _:
        print("(1) is a group, not a sequence")
match ():
    case ():
        print("() matches an empty sequence")

# Deep nesting.
match [[1, 2], [3, [4, 5]], ([6],)]:
    case [[a, b], [c, [d, e]], ([f],)]:
        print(a, b, c, d, e, f)


# A sequence is measured with len() once, then unpacked or indexed.
class Logged(list):
    def __len__(self):
        print("  len")
        return super().__len__()

    def __getitem__(self, i):
        print("  getitem", i)
        return super().__getitem__(i)


print("unpacking:")
match Logged([1, 2, 3]):
    case [a, b, c]:
        print(" ", a, b, c)
print("indexing around *_:")
match Logged([1, 2, 3, 4]):
    case [a, *_, b]:
        print(" ", a, b)
print("wrong length:")
match Logged([1, 2]):
    case [a, b, c]:
        print("no")
    case _:
        print("  no match")
