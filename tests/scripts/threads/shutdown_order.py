# At exit the interpreter joins the non-daemon threads (also those started
# while it waits), releases main_thread().join(), and skips daemon threads.
import threading
import time


def second():
    time.sleep(0.05)
    print("second-generation thread finished", flush=True)


def first():
    threading.main_thread().join()
    print("main thread has finished:", not threading.main_thread().is_alive(), flush=True)
    threading.Thread(target=second).start()
    print("first started second", flush=True)


def forever():
    time.sleep(5)
    print("daemon: never printed")


threading.Thread(target=first).start()
threading.Thread(target=forever, daemon=True).start()
print("main ends", flush=True)
