# An exception in a thread is reported and the others go on; excepthook is replaceable.
import threading

def bad():
    raise ValueError("thread failed")

def good(out):
    out.append("good ran")

out = []
t1 = threading.Thread(target=bad, name="bad-one")
t2 = threading.Thread(target=good, args=(out,))
t1.start(); t1.join(); t2.start(); t2.join()
print(out, t1.is_alive())

caught = []
threading.excepthook = lambda args: caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
t3 = threading.Thread(target=bad, name="hooked")
t3.start(); t3.join()
print(caught)

t4 = threading.Thread(target=lambda: None)
t4.start(); t4.join()
try:
    t4.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    threading.Thread(target=lambda: None).join()
except RuntimeError as e:
    print("RuntimeError:", e)
