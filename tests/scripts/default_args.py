# Calls that leave trailing parameters to their defaults, through every path:
# plain functions, methods, nested calls, recursion, mutable defaults.
def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)

print(f(1))
print(f(1, 5))
print(f(1, 5, []))
print(f(7))

class Q:
    def put(self, item, block=True, timeout=None):
        return item, block, timeout

q = Q()
print(q.put(1))
print(q.put(1, False))
print(q.put(1, False, 0.5))
print(Q.put(q, 3))

def count(n, acc=0):
    return acc if n == 0 else count(n - 1, acc + n)

print(count(100))

def g(a, b=1):
    return a + b

try:
    g()
except TypeError as e:
    print(e)
try:
    g(1, 2, 3)
except TypeError as e:
    print(e)
print([g(i) for i in range(3)])
