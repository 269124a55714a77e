import string

print(repr(string.ascii_letters), repr(string.ascii_lowercase), repr(string.ascii_uppercase))
print(repr(string.digits), repr(string.hexdigits), repr(string.octdigits))
print(repr(string.punctuation), repr(string.whitespace), repr(string.printable), len(string.printable))
print(string.capwords(" hello   world  foo "), string.capwords("a-b-c", "-"))
print(repr(string.capwords("")), string.capwords("x,y", ","))
t = string.Template("$who likes $what, ${who}s and $$ cost $$5")
print(t.substitute(who="tim", what="kung pao"))
print(t.substitute({"who": "ann", "what": "tea"}))
print(t.substitute({"who": "ann", "what": "tea"}, what="coffee"))
print(t.safe_substitute(who="x"))
print(t.get_identifiers(), t.is_valid(), t.template)
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
bad = string.Template("cost: $ 5\nand $")
print(bad.is_valid(), bad.safe_substitute(), bad.get_identifiers())
try:
    bad.substitute()
except ValueError as e:
    print("ValueError:", e)
try:
    string.Template("${1x}").substitute()
except ValueError as e:
    print("ValueError:", e)
print(string.Template("$x$y ${z}w $_a1").substitute(x=1, y=2.5, z=[3], _a1=None))

class Percent(string.Template):
    delimiter = "%"

print(Percent("%name is %% %{age}").substitute(name="Al", age=30))
