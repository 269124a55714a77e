# inspect: currentframe, stack, getframeinfo, getouterframes, trace,
# getmro, get_annotations, getfullargspec, getcallargs, getargvalues.
import inspect
import os
import re
import sys


def where():
    info = inspect.getframeinfo(inspect.currentframe())
    return (os.path.basename(info.filename), info.lineno, info.function,
            info.code_context, info.index)


def outer():
    return inner()


def inner():
    records = inspect.stack()
    result = []
    for rec in records[:3]:
        result.append((os.path.basename(rec.filename), rec.lineno, rec.function,
                       [line.strip() for line in rec.code_context], rec.index))
    print(isinstance(records[0], inspect.FrameInfo), isinstance(records[0], tuple))
    print(records[0].frame is not None, records[0][3], len(records[0]))
    print(records[1].frame.f_code.co_name, records[-1].function)
    return result


print(where())
for entry in outer():
    print(entry)

frame = inspect.currentframe()
print(frame.f_code.co_name, inspect.isframe(frame))
print([r.function for r in inspect.getouterframes(frame)])


def ctx():
    info = inspect.getframeinfo(inspect.currentframe(), context=3)
    return [line.rstrip() for line in info.code_context], info.index


print(ctx())
print(inspect.getframeinfo(inspect.currentframe(), context=0)[3:])


def failing():
    raise ValueError('boom')


try:
    failing()
except ValueError:
    records = inspect.trace()
    print([(r.function, r.code_context[0].strip()) for r in records])


class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass


print(inspect.getmro(D))


class Annotated:
    x: int
    y: 'str' = 'a'


def fn(a: int, b: 'list[int]' = None, *args: str, c: 'float' = 1.0, **kw) -> 'bool':
    pass


print(inspect.get_annotations(Annotated))
print(inspect.get_annotations(Annotated, eval_str=True))
print(inspect.get_annotations(fn))
print(inspect.get_annotations(fn, eval_str=True))
print(inspect.get_annotations(B), inspect.get_annotations(len))
try:
    inspect.get_annotations(3)
except TypeError as exc:
    print('TypeError:', exc)

print(inspect.getfullargspec(fn))


def simple(a, b=2, /, c=3, *, d, e=5):
    pass


class K:
    def method(self, x, y=1):
        pass

    @classmethod
    def cm(cls, z):
        pass


print(inspect.getfullargspec(simple))
print(inspect.getfullargspec(K().method))
print(inspect.getfullargspec(K.cm))
print(inspect.getfullargspec(lambda *a, **k: None))

print(inspect.getcallargs(simple, 1, d=4))
print(inspect.getcallargs(fn, 1, 2, 3, 4, c=5, z=6))
print(re.sub(r'0x[0-9a-f]+', '0xADDR', str(inspect.getcallargs(K().method, 10))))
print(sorted(inspect.getcallargs(K.cm, 7).items(), key=lambda kv: kv[0])[1])
for call in [lambda: inspect.getcallargs(simple, 1, 2, 3, 4, d=1),
             lambda: inspect.getcallargs(simple, d=1),
             lambda: inspect.getcallargs(simple, 1),
             lambda: inspect.getcallargs(simple, 1, c=1, x=2, d=3),
             lambda: inspect.getcallargs(K().method),
             lambda: inspect.getcallargs(K().method, 1, 2, 3),
             lambda: inspect.getcallargs(fn, 1, a=2)]:
    try:
        print(call())
    except TypeError as exc:
        print('TypeError:', exc)


def with_args(p, q=2, *rest, **opts):
    return inspect.getargvalues(sys._getframe())


info = with_args(1, 2, 3, k=4)
print(info.args, info.varargs, info.keywords, info.locals['rest'], info.locals['opts'])
