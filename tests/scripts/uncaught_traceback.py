# An uncaught exception prints a traceback with every frame and exits with 1.
def parse(value):
    return int(value)

def load(values):
    return [parse(v) for v in values]

print(load(["1", "2"]))
try:
    load(["x"])
except ValueError:
    print("handled once")
load(["3", "oops"])
