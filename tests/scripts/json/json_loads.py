import json
from collections import OrderedDict

doc = '''
{"name": "gilpy", "n": 3, "pi": 3.14159, "big": 1000000000000000000000000000000,
 "neg": -0.0, "exp": 1E+3, "e2": 2e-3, "flags": [true, false, null],
 "nested": {"a": [1, 2, {"b": []}], "empty": {}},
 "text": "quote \\" backslash \\\\ slash \\/ tab \\t nl \\n \\b\\f\\r",
 "uni": "h\\u00e9llo \\u2603 \\ud83d\\ude00 wörld", "dup": 1, "dup": 2}
'''
v = json.loads(doc)
print(v)
print(type(v["big"]), type(v["exp"]), v["neg"], repr(v["text"]), v["uni"])
print(json.loads("[NaN, Infinity, -Infinity]"), json.loads("  [ 1 , 2 ]  "), json.loads('"x"'), json.loads("-12"), json.loads("0.5"))
print(json.loads(b'{"a": [1]}'), json.loads(bytearray(b'[2]')))
print(json.loads('{"a": 1, "b": 2}', object_pairs_hook=OrderedDict))
print(json.loads('{"a": 1, "b": [{"c": 2}]}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"a": 1}', object_hook=lambda d: 1, object_pairs_hook=lambda p: p))
print(json.loads('[1.5, 2, 3e2]', parse_float=lambda s: "F" + s, parse_int=lambda s: "I" + s))
print(json.loads('[NaN, -Infinity]', parse_constant=lambda s: "C" + s))
print(json.loads('"a\tb"', strict=False), json.loads('{"k": "v\\n"}', strict=True))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} tail'), dec.raw_decode('xx[1, 2]yy', 2), dec.decode(' [] '))
print(dec.raw_decode('"héllo" rest'), json.loads('"\\u00e9" '))
print(json.decoder.scanstring('"abc" x', 1), json.decoder.scanstring('"a\\nb"', 1))

class Dec(json.JSONDecoder):
    def __init__(self, **kw):
        super().__init__(object_hook=self.hook, **kw)
    def hook(self, d):
        return {k.upper(): v for k, v in d.items()}

print(json.loads('{"a": {"b": 1}}', cls=Dec))

import io
print(json.load(io.StringIO('{"from": "file"}')))
roundtrip = {"list": [1, 2.5, "x", None, True], "obj": {"k": "é\n"}}
print(json.loads(json.dumps(roundtrip)) == roundtrip, json.loads(json.dumps(roundtrip, indent=3)) == roundtrip)

deep = "[" * 100000 + "]" * 100000
try:
    json.loads(deep)
except RecursionError:
    print("RecursionError array")
deep = '{"a":' * 100000 + '1' + '}' * 100000
try:
    json.loads(deep)
except RecursionError:
    print("RecursionError object")
print(len(json.loads("[" * 200 + "]" * 200)))
