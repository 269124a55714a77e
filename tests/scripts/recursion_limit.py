# Deep recursion raises RecursionError instead of crashing.
import sys
def down(n):
    return down(n + 1) + 1
try:
    down(0)
except RecursionError as e:
    print("RecursionError caught")
sys.setrecursionlimit(5000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(4000), sys.getrecursionlimit())
