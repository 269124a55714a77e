print("before")
x = [None] * 10**13
print("not reached")
