import json

cases = ['', ' ', '[1,]', '{"a":1,}', '{"a" 1}', '[1 2]', '"abc', '"a\\x"',
         '"\\u12x4"', '"\\ud83d\\uzzzz"', '{1:2}', '[1] x', '"a\tb"', 'nul', '-', '1.', '01',
         '[', '{', '{"a"', '{"a":', '[1,', 'tru', '\n\n  [1,\n  2 x]', '"\\', '{"a": 1 "b": 2}',
         '[-]', '1e', '.5', '+1', "'single'", '[1]\n\n]', '"é" x', 'é', '{"é": 1,}']
for s in cases:
    try:
        print(repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), "|", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == s)

print(issubclass(json.JSONDecodeError, ValueError), json.JSONDecodeError.__module__)
try:
    json.loads(5)
except TypeError as e:
    print(e)
try:
    json.loads('\ufeff[1]')
except json.JSONDecodeError as e:
    print(e)
try:
    json.JSONDecoder().raw_decode(' 1')
except json.JSONDecodeError as e:
    print(e)
e = json.JSONDecodeError("Boom", "ab\ncd", 4)
print(e, e.lineno, e.colno, e.args)
try:
    json.loads('[1, 2, 3', parse_int=lambda s: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
