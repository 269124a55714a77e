# An uncaught exception in the main thread is reported, then the interpreter
# still waits for the non-daemon threads; the exit status is 1.
import threading
import time

go = threading.Event()


def worker():
    go.wait()
    time.sleep(0.05)
    print("worker finished after the main thread failed", flush=True)


threading.Thread(target=worker).start()
print("main raises", flush=True)
go.set()
raise ValueError("main failed")
