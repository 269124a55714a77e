"""The convoy effect (David Beazley, "Understanding the Python GIL", 2010).

An echo server thread and a client thread talk over a local TCP socket while
one CPU-bound thread computes. The server takes 1 ms to answer (a sleep,
standing for a disk or a database), so the CPU-bound thread has the GIL while
a request is under way. When the request reaches the server, and again when
its sleep ends, the server thread wakes up with the GIL released and must
take it back before it can go on; the CPU-bound thread never blocks, so it
gives the GIL up only when asked, after the waiter has waited a whole switch
interval. So each round trip pays about two switch intervals
(`sys.setswitchinterval`) on top of its 1 ms: the response time follows the
switch interval, not the work.

    convoy.py                 # a table: response time against switch interval
    convoy.py --interval MS   # one interval only (for -X giltrace pictures)

Runs under python3 too.
"""
import socket
import sys
import threading
import time

INTERVALS_MS = [0.5, 1, 5, 20]
ROUND_TRIPS = 200  # at most, per interval
BUDGET = 0.8  # seconds at most per interval
MESSAGE = b"ping" * 16
SERVICE = 0.001  # seconds the server takes to answer


def echo_server(listener):
    conn, _ = listener.accept()
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            time.sleep(SERVICE)
            conn.sendall(data)


def spin(stop, counter):
    """CPU-bound: never blocks, never releases the GIL by itself."""
    n = 0
    while not stop.is_set():
        for i in range(1000):
            n += i % 3
        counter[0] += 1


def measure(with_cpu):
    """Mean, median and worst response time (seconds), and the round trips made."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    server = threading.Thread(target=echo_server, args=(listener,), name="echo server")
    server.start()
    client = socket.create_connection(listener.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    stop = threading.Event()
    counter = [0]
    cpu = threading.Thread(target=spin, args=(stop, counter), name="CPU-bound")
    if with_cpu:
        cpu.start()
        time.sleep(0.05)  # let it get going
    times = []
    deadline = time.perf_counter() + BUDGET
    while len(times) < ROUND_TRIPS and time.perf_counter() < deadline:
        t0 = time.perf_counter()
        client.sendall(MESSAGE)
        got = 0
        while got < len(MESSAGE):
            got += len(client.recv(4096))
        times.append(time.perf_counter() - t0)
    client.close()
    stop.set()
    server.join()
    if with_cpu:
        cpu.join()
    listener.close()
    mean = sum(times) / len(times)
    times.sort()
    return mean, times[len(times) // 2], times[-1], len(times)


def main():
    args = sys.argv[1:]
    intervals = INTERVALS_MS
    if len(args) == 2 and args[0] == "--interval":
        intervals = [float(args[1])]
    elif args:
        sys.exit("usage: convoy.py [--interval MS]")
    threading.current_thread().name = "I/O client"
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"{sys.version.split()[0]}, GIL {'on' if gil else 'off'}: "
          f"echo round trips over 127.0.0.1 beside one CPU-bound thread")
    print(f"{'switch interval':>16}{'mean':>12}{'median':>12}{'worst':>12}{'round trips':>13}")
    for ms in intervals:
        sys.setswitchinterval(ms / 1000)
        for with_cpu in ((False, True) if ms == intervals[0] else (True,)):
            mean, median, worst, n = measure(with_cpu)
            label = f"{ms:g} ms" if with_cpu else "no CPU thread"
            print(f"{label:>16}{mean * 1e3:>9.3f} ms{median * 1e3:>9.3f} ms"
                  f"{worst * 1e3:>9.3f} ms{n:>13}")


if __name__ == "__main__":
    main()
