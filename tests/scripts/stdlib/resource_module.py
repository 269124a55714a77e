# resource: getrusage as a struct_rusage, limits read and set (a lowered
# RLIMIT_NOFILE gives EMFILE), and CPython's messages for bad arguments.
import resource as r
u = r.getrusage(r.RUSAGE_SELF)
print(type(u).__name__, len(u), u.n_fields, u.ru_maxrss > 0, isinstance(u.ru_utime, float))
print(sorted(x for x in dir(r) if not x.startswith('_')))
for f in [lambda: r.getrusage(5), lambda: r.getrlimit(100), lambda: r.setrlimit(r.RLIMIT_NOFILE,(10,)), lambda: r.setrlimit(r.RLIMIT_NOFILE,(10,5)), lambda: r.setrlimit(r.RLIMIT_NOFILE,5), lambda: r.getrlimit('a'), lambda: r.struct_rusage((1,2)), lambda: r.setrlimit(r.RLIMIT_NOFILE, (1.5, 2)), lambda: r.prlimit(999999, 1), lambda:r.setrlimit(r.RLIMIT_CORE,(-5,-1)), lambda: r.getrlimit(-1)]:
  try: print(f())
  except Exception as e: print(type(e).__name__, e)
print(r.getrlimit(r.RLIMIT_NOFILE) == r.prlimit(0, r.RLIMIT_NOFILE), r.RLIM_INFINITY, r.getpagesize(), r.error)
soft, hard = r.getrlimit(r.RLIMIT_NOFILE)
r.setrlimit(r.RLIMIT_NOFILE, (64, hard))
print(r.getrlimit(r.RLIMIT_NOFILE)[0])
files = []
try:
    for i in range(100):
        files.append(open(__file__))
except OSError as e:
    print(type(e).__name__, e.errno)
for f in files: f.close()
r.setrlimit(r.RLIMIT_NOFILE, (soft, hard))
u=r.getrusage(r.RUSAGE_CHILDREN); print(type(u), u.ru_maxrss>=0)
print(r.struct_rusage(range(16)))
print(r.RUSAGE_CHILDREN, r.RLIMIT_NOFILE)
try: u.ru_utime = 3
except AttributeError as e: print(e)
import pickle; print(pickle.loads(pickle.dumps(r.struct_rusage(range(16)))) == tuple(range(16)))
print(r.getrusage(r.RUSAGE_THREAD).ru_utime >= 0)
