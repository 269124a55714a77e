eg = ExceptionGroup("grp", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.exceptions, eg.message)
print(type(BaseExceptionGroup("x", [ValueError()])), type(BaseExceptionGroup("x", [KeyboardInterrupt()])))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
for bad in [("x",), (1, [ValueError()]), ("x", 5), ("x", []), ("x", [1])]:
    try: ExceptionGroup(*bad)
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
try: ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e: print(e)
def f():
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ExceptionGroup("inner", [KeyError(3)])])
try:
    try:
        f()
    except* ValueError as e:
        print("V", repr(e))
    except* KeyError as e:
        print("K", repr(e))
        raise
    except* TypeError:
        print("T")
except ExceptionGroup as g:
    print("outer", repr(g))
try:
    try:
        raise ValueError(5)
    except* ValueError as e:
        print(repr(e))
except Exception as g: print("never")
else: print("handled")
try:
    try:
        raise KeyError(5)
    except* ValueError as e:
        print(repr(e))
except Exception as g: print("passed through", repr(g))
try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError:
        raise RuntimeError("new")
except ExceptionGroup as g: print("new:", repr(g), repr(g.exceptions[0].__context__))
try:
    try: raise ValueError(1)
    except* ExceptionGroup: pass
except TypeError as e: print(e)
class MyEG(ExceptionGroup):
    def derive(self, excs): return MyEG(self.message, excs)
m, r = MyEG("m", [ValueError(1), TypeError(2)]).split(ValueError)
print(type(m).__name__, repr(r))
e = ValueError("x"); e.add_note("n1")
g = ExceptionGroup("g", [e])
g.add_note("gn")
print(g.split(ValueError)[0].__notes__)
