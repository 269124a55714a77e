import json

data = {"name": "gilpy", "n": 3, "pi": 3.14159, "big": 10**30, "neg": -0.0,
        "tiny": 1e-7, "huge": 1e22, "flags": [True, False, None],
        "nested": {"a": [1, 2, {"b": ()}], "empty": {}, "e2": []},
        "text": 'quote " backslash \\ slash / tab \t nl \n cr \r bell \x07 del \x7f',
        "uni": "héllo wörld ☃ 😀"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data["nested"], indent="\t"))
print(json.dumps(data["nested"], indent=0))
print(json.dumps(data["flags"], separators=(",", ":")), json.dumps({"a": 1, "b": [1, 2]}, separators=(",", ":")))
print(json.dumps([1, [2, [3]]], indent=4, separators=(", ", " = ")))
print(json.dumps({3: "int", 2.5: "float", True: "t", False: "f", None: "n"}))
print(json.dumps({"b": 1, "a": 2, "c": {"z": 0, "y": 1}}, sort_keys=True))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1.0, 0.1, 1/3, 2.5e-300, 123456789012345678.0]))
print(json.dumps("plain"), json.dumps(5), json.dumps(None), json.dumps(2.0), json.dumps(True), json.dumps([]), json.dumps({}))
print(json.dumps("é\u2028\U0001f600", ensure_ascii=True), json.dumps("é\u2028", ensure_ascii=False))
print(json.dumps((1, 2)), json.dumps({"t": (1, (2,))}))

for bad in [float("nan"), [float("inf")], {"k": float("-inf")}, {float("nan"): 1}]:
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print("ValueError", e)

class Thing:
    def __init__(self, v):
        self.v = v

for bad in [Thing(1), {"x": {1, 2}}, b"bytes", {(1, 2): 3}]:
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
print(json.dumps({(1, 2): 3, "ok": 1}, skipkeys=True))
print(json.dumps([Thing(1), Thing("x")], default=lambda o: {"v": o.v}))
print(json.dumps({1, 2} and sorted({2, 1})))

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        if isinstance(o, Thing):
            return ["Thing", o.v]
        return super().default(o)

print(json.dumps({"s": {3, 1, 2}, "t": Thing(Thing(2))}, cls=Enc))
print(Enc(indent=1).encode([1, {"a": Thing(0)}]), ''.join(Enc().iterencode({"a": [1]})))
try:
    Enc().encode(object())
except TypeError as e:
    print("TypeError", e)

a = [1]
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError", e)
d = {}
d["self"] = d
try:
    json.dumps(d)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(Thing(0), default=lambda o: o)
except ValueError as e:
    print("ValueError", e)
try:
    json.dumps(a, check_circular=False)
except RecursionError as e:
    print("RecursionError")
shared = [1]
print(json.dumps([shared, shared, {"x": shared}]))

deep = []
cur = deep
for _ in range(100000):
    cur.append([])
    cur = cur[0]
try:
    json.dumps(deep)
except RecursionError:
    print("RecursionError deep")

class MyInt(int):
    pass
class MyFloat(float):
    pass
class MyStr(str):
    pass
class MyDict(dict):
    pass
class MyList(list):
    pass
print(json.dumps([MyInt(5), MyFloat(1.5), MyStr("s"), MyDict(a=1), MyList([1, 2])]))
print(json.dumps({MyStr("k"): 1, MyInt(2): 2}))
print(json.encoder.encode_basestring_ascii("a\"é"), json.encoder.encode_basestring("a\"é\n"))

import io
buf = io.StringIO()
json.dump({"a": [1, 2, 3]}, buf, indent=1)
print(buf.getvalue())
