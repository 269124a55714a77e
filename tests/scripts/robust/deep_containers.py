# Native recursion over deeply nested containers is bounded by the
# recursion limit: RecursionError, never a crash.
import copy

def nest(n, make):
    x = make(())
    for _ in range(n):
        x = make((x,))
    return x

deep_list = nest(5000, list)
other_list = nest(5000, list)
deep_tuple = nest(5000, tuple)
deep_dict = {}
d = deep_dict
for _ in range(5000):
    d[0] = {}
    d = d[0]
other_dict = {}
for _ in range(5000):
    other_dict = {0: other_dict}

for name, f in [
    ("repr(list)", lambda: repr(deep_list)),
    ("str(list)", lambda: str(deep_list)),
    ("repr(tuple)", lambda: repr(deep_tuple)),
    ("repr(dict)", lambda: repr(deep_dict)),
    ("list == list", lambda: deep_list == other_list),
    ("list < list", lambda: deep_list < other_list),
    ("dict == dict", lambda: deep_dict == other_dict),
]:
    try:
        f()
        print(name, "ok")
    except RecursionError as e:
        print(name, "RecursionError:", e)
try:
    copy.deepcopy(deep_list)
except RecursionError:
    print("deepcopy RecursionError")
print("hash(tuple)", hash(deep_tuple) == hash(deep_tuple))
print("identity", deep_list == deep_list)
