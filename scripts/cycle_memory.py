# Memory kept per iteration by loops that make and drop reference cycles the
# collector must find: classes made at run time, code exec'd in a namespace
# of its own (functions, classes, generators and exceptions there hold the
# namespace), and the one-million-cycles loop of lists, instances, closures
# and exceptions. Prints the resident size added per iteration after a
# warm-up, in KB; run it under python3 for comparison.
# gilpy scripts/cycle_memory.py [ITERATIONS]
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 20000


def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'):
                return int(line.split()[1])


def per_iteration(step, n=N):
    warm = n // 10
    for i in range(n):
        step(i)
        if i == warm:
            base = rss_kb()
    return (rss_kb() - base) / (n - warm)


def class_in_function(i):
    class C:
        def m(self):
            return i
    C().m()


def exec_source(source):
    code = compile(source, '<exec>', 'exec')

    def step(i):
        exec(code, {})
    return step


class Node:
    pass


def cycles(i):
    a = [i]
    a.append(a)
    n = Node()
    n.me = n

    def f():
        return f
    try:
        raise ValueError(i)
    except ValueError as e:
        e.tb = e.__traceback__


cases = [
    ('class made in a function', class_in_function),
    ('exec: function', exec_source('def f(a):\n    return a\nx = f(1)\n')),
    ('exec: class with methods',
     exec_source('class C:\n    def __init__(self):\n        self.x = 1\n'
                 '    def m(self):\n        return C\nC().m()\n')),
    ('exec: generator', exec_source('g = (x for x in [1, 2])\nnext(g)\n')),
    ('exec: exception kept',
     exec_source('try:\n    1/0\nexcept Exception as e:\n    err = e\n'
                 'tb = err.__traceback__\n')),
    ('list, instance, closure, exception cycles', cycles),
]
for name, step in cases:
    print('%-45s %7.3f KB per iteration' % (name, per_iteration(step)))
