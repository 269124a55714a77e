# Methods of built-in types taken from their class and called with no
# instance, or with a wrong one (found by the run_programs fuzz target:
# `bytes.split()` crashed the interpreter).
for cls in (bytes, bytearray, str, list, dict, set, int, float, tuple):
    for name in ("split", "decode", "upper", "append", "keys", "add", "bit_length", "hex", "count", "copy"):
        m = getattr(cls, name, None)
        if m is None:
            continue
        try:
            m()
        except TypeError as e:
            print(cls.__name__, name, "->", e)

for cls in (list, dict, tuple, set, frozenset):
    try:
        cls.__class_getitem__()
    except TypeError as e:
        print(e)
    try:
        cls.__class_getitem__(int, str)
    except TypeError as e:
        print(e)
    print(cls.__class_getitem__(int))
