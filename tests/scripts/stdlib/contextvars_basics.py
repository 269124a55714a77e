import contextvars
import re
import threading
from contextvars import Context, ContextVar, Token, copy_context


def clean(text):
    return re.sub(r"0x[0-9a-f]+", "0x...", str(text))


def attempt(f, *args):
    try:
        r = f(*args)
        print("ok", clean(repr(r)))
    except Exception as e:
        print(type(e).__name__, clean(e))


print(contextvars.__all__)
request = ContextVar("request", default="none")
user = ContextVar("user")
print(request.name, user.name)
print(clean(repr(request)), clean(repr(user)))
print(request.get(), request.get("explicit"), user.get("fallback"))
attempt(user.get)

tok = user.set("alice")
print(user.get(), tok.var is user, tok.old_value is Token.MISSING, Token.MISSING)
print(clean(repr(tok)))
tok2 = user.set("bob")
print(user.get(), tok2.old_value)
user.reset(tok2)
print(user.get())
print(clean(repr(tok2)))
attempt(user.reset, tok2)
attempt(request.reset, tok)
user.reset(tok)
print(user.get("gone"))

# Context: run, copy, the mapping protocol
request.set("r1")
ctx = copy_context()
print(len(ctx), request in ctx, user in ctx, ctx[request], ctx.get(user), ctx.get(user, 5))
print(sorted(v.name for v in ctx), sorted(v.name for v in ctx.keys()))
print(list(ctx.values()), [(k.name, v) for k, v in ctx.items()])


def work(x, scale=1):
    request.set("inside")
    user.set(x * scale)
    return request.get(), user.get()


print(ctx.run(work, 3, scale=10))
print(request.get(), user.get("unset outside"))
print(ctx[request], ctx[user])
print(ctx == copy_context(), copy_context() == copy_context())
copied = ctx.copy()
print(copied == ctx, copied is ctx, copied[user])
copied.run(user.set, 99)
print(copied[user], ctx[user])


def reenter():
    ctx.run(reenter)


attempt(ctx.run, reenter)
attempt(lambda: ctx[1])
attempt(lambda: 1 in ctx)
attempt(ctx.get, "x")
attempt(Context, 1)
attempt(ContextVar, 5)
attempt(Token)
attempt(hash, ctx)


def setitem():
    ctx[user] = 1


attempt(setitem)


def bad_reset():
    t = user.set("in other")
    return t


t = Context().run(bad_reset)
attempt(user.reset, t)
attempt(lambda: user.set())


def set_name():
    request.name = "x"


attempt(set_name)


def subclass():
    class Sub(ContextVar):
        pass


attempt(subclass)
print(ContextVar[int], type(request).__module__)
empty = Context()
print(len(empty), list(empty), empty.run(request.get), empty.run(user.get, "d"))

# each thread starts with an empty context
user.set("main")
seen = []


def in_thread():
    seen.append(user.get("no value in a new thread"))
    user.set("thread")
    seen.append(user.get())
    seen.append(len(copy_context()))


th = threading.Thread(target=in_thread)
th.start()
th.join()
print(seen, user.get())
results = []
th = threading.Thread(target=lambda: results.append(ctx.run(user.get)))
th.start()
th.join()
print(results)
