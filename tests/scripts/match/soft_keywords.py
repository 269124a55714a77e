# `match` and `case` are soft keywords: names everywhere but at the head
# of a match statement and of its case blocks.
match = 1
case = 2
print(match, case)
match, case = case, match
print(match, case)
match = [10, 20]
print(match[1])
match[0] = 5
print(match)
def match(x):
    return x + 1
print(match(1))
match(2)
class Obj:
    pass
match = Obj()
match.x = 3
print(match.x)
case = Obj()
case.y = 4
print(case.y)
match: int = 7
print(match)
case: int
match -1 if False else 0
print(match)
match = {"a": 1}
print(match["a"])
for match in range(2):
    print(match)
match = lambda: "lambda"
print(match())
def f(match, case):
    return match + case
print(f(match=1, case=2))
x = 5
match x:
    case 5:
        match = "inner"
        case = "c"
        print(match, case)
match (x):
    case (5):
        print("paren subject")
match x,:
    case (5,):
        print("tuple subject")
match x, x:
    case [a, b]:
        print("pair", a, b)
match [x]:
    case [5]: print("one-line body")
match {"case": 1}:
    case {"case": case}:
        print("case bound", case)
match x:
    case match:
        print("captured as match", match)
def g(match):
    match match:
        case [case]:
            return case
        case case:
            return -case
print(g([9]), g(4))
if True: match = 3
print(match)
import sys
print(eval("match"), eval("case"))
exec("match = 11\nprint(match)")
match x:
    case 5 if (lambda: True)(): print("lambda guard")
_ = 12
match 12:
    case _ if _ == 12: print("underscore name", _)
print([match for match in range(3)])
