# Errors: SyntaxErrors from the parser and the compiler (message, line and
# column), and the TypeErrors and ValueErrors patterns raise when they run.


def check(src):
    try:
        compile(src, "<match>", "exec")
        print("compiles:", src.splitlines()[1].strip()[:40])
    except SyntaxError as e:
        print(f"{type(e).__name__}: {e.msg} (line {e.lineno}, column {e.offset})")


def case(pattern, more="", subject="x"):
    return f"match {subject}:\n    case {pattern}:\n        pass\n{more}"


NEXT = "    case 1:\n        pass\n"

# Irrefutable patterns only last (or guarded).
check(case("a", NEXT))
check(case("_", NEXT))
check(case("(a)", NEXT))
check(case("a as b", NEXT))
check(case("a | b"))
check(case("_ | 1"))
check(case("a | 1"))
check(case("a | b | c"))
check(case("(a | b) as a"))
check("match x:\n    case a if a:\n        pass\n    case 1:\n        pass\n")
check("match x:\n    case _:\n        pass\n    case _:\n        pass\n")

# Names.
check(case("[a, a]"))
check(case("[a] as a"))
check(case("{0: a, **a}"))
check(case("P(a, x=a)"))
check(case("1 | a"))
check(case("[1, 2] | a"))
check(case("[a, b] | [b, c]"))
check(case("[a, b] | [b, a]"))
check(case("__debug__"))
check(case("a as _"))
check(case("1 as 2"))
check(case("a as b.c"))

# Structure.
check(case("[*a, *b]"))
check(case("[a, [b, *c, *d]]"))
check(case("P(x=1, 2)"))
check(case("P(a, b=c, d)"))
check(case("P(1, x=1, y=2, x=3)"))
check(case("P(a=b, a=c)"))
check(case("{'a': 1, 'a': 2}"))
check(case("{1: _, 1: _}"))
check(case("{-0: _, 0: _}"))
check(case("{True: _, 1: _}"))
check(case("{None: _, None: _}"))
check(case("{a.b: _, a.b: _}"))
check(case("{**r, 'a': 1}"))
check(case("{**_}"))
check(case("{a: 1}"))
check(case("{**rest, **other}"))
check(case("*a"))
check(case("P(*a)"))
check(case("P(**a)"))
check(case("a[1]()"))
check(case("-x"))
check(case("1 + 2"))
check(case("1 - 1"))
check(case("f'a'"))
check(case("'a' b'b'"))
check(case("[" + ", ".join(f"a{i}" for i in range(256)) + ", *r]"))
check(case("[" + ", ".join(f"a{i}" for i in range(255)) + ", *r]"))

# The statement itself.
check("match x:\n    case 1:\n    pass\n")
check("match x:\ncase 1:\n    pass\n")
check("match x\n    case 1:\n        pass\n")
check("match x:\n    case 1\n        pass\n")
check("match x:\n    pass\n")
check("match x:\n    case 1: pass\n    x = 1\n")
check("match x: pass\n")
check("match *y:\n    case 1:\n        pass\n")
check("match yield:\n    case 1:\n        pass\n")
check(case("1", subject="x, *y"))
check(case("1", subject="x := 1"))
check(case("1", subject="lambda: 1"))
check(case("1", subject="-x"))


# Run-time errors.
def run(f):
    try:
        f()
        print(f.__name__, "ran")
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        print(f"{f.__name__}: {type(e).__name__}: {e} (line {tb.tb_lineno})")


class P:
    __match_args__ = ("x",)
    x = 1


class NoArgs:
    pass


def too_many():
    match P():
        case [1, 2]:
            pass
        case P(
            1,
            2,
        ):
            pass


def none_allowed():
    match NoArgs():
        case NoArgs(1):
            pass


def builtin_one():
    match 5:
        case int(1, 2):
            pass


def not_a_class():
    x = 3
    match 5:
        case x.real():
            pass


class BadArgs:
    __match_args__ = ["x"]


def bad_match_args():
    match BadArgs():
        case BadArgs(1):
            pass


class BadItem:
    __match_args__ = (1,)


def bad_match_arg_item():
    match BadItem():
        case BadItem(1):
            pass


def same_attribute():
    match P():
        case P(1, x=1):
            pass


class K:
    a = "a"
    b = "a"


def duplicate_key():
    match {"a": 1, "b": 2}:
        case {K.a: _, K.b: _}:
            pass


def in_guard():
    match 1:
        case 1 if (
            1 / 0
        ):
            pass


def in_body():
    match 5:
        case 5:
            y = 0
            y = 1 / y


def in_value():
    match [1, 2]:
        case [
            1,
            undefined.attribute,
        ]:
            pass


def in_subject():
    match (1 / 0):
        case _:
            pass


def last_case():
    match 3:
        case 1:
            pass
        case 2:
            pass
        case n:
            raise ValueError(n)


for f in [too_many, none_allowed, builtin_one, not_a_class, bad_match_args,
          bad_match_arg_item, same_attribute, duplicate_key, in_guard, in_body,
          in_value, in_subject, last_case]:
    run(f)
