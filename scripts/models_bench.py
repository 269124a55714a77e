"""Workloads of the other two answers to the GIL, processes and coroutines,
for comparing gilpy with CPython: one line per workload with its wall-clock
time and this process's CPU time in seconds (of the timed part only). Runs
unchanged under python3 and gilpy; `SCRIPT=models_bench.py
scripts/io_bench.sh BINARY` runs it several times per interpreter and
compares.

    models_bench.py [WORKLOAD...]     (default: all of them)
"""
import asyncio
import multiprocessing
import sys
import time

TASKS = 10_000
ROUND_TRIPS = 2_000
ITEMS = 10_000


def _clocks():
    return time.perf_counter(), time.process_time()


def _since(start):
    return (time.perf_counter() - start[0], time.process_time() - start[1])


def gather_sleep():
    """asyncio.gather of 10,000 tasks, each sleeping 0.1 s."""
    async def nap(i):
        await asyncio.sleep(0.1)
        return i

    async def main():
        return await asyncio.gather(*(nap(i) for i in range(TASKS)))

    start = _clocks()
    results = asyncio.run(main())
    elapsed = _since(start)
    assert results == list(range(TASKS))
    return elapsed


def stream_round_trips():
    """2,000 request/reply round trips over an asyncio stream pair."""
    async def echo(reader, writer):
        while line := await reader.readline():
            writer.write(line)
            await writer.drain()
        writer.close()

    async def main():
        server = await asyncio.start_server(echo, "127.0.0.1", 0)
        port = server.sockets[0].getsockname()[1]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for i in range(ROUND_TRIPS):
            writer.write(b"ping %d\n" % i)
            await writer.drain()
            assert await reader.readline() == b"ping %d\n" % i
        writer.close()
        await writer.wait_closed()
        server.close()
        await server.wait_closed()

    start = _clocks()
    asyncio.run(main())
    return _since(start)


def square(x):
    return x * x


def pool_map():
    """Pool(2).map over 10,000 small items."""
    start = _clocks()
    with multiprocessing.Pool(2) as pool:
        results = pool.map(square, range(ITEMS))
    elapsed = _since(start)
    assert results == [x * x for x in range(ITEMS)]
    return elapsed


WORKLOADS = {
    "gather_sleep": gather_sleep,
    "stream_round_trips": stream_round_trips,
    "pool_map": pool_map,
}


def main():
    names = sys.argv[1:] or list(WORKLOADS)
    for name in names:
        if name not in WORKLOADS:
            sys.exit(f"unknown workload {name!r}; choose from "
                     f"{', '.join(WORKLOADS)}")
    for name in names:
        wall, cpu = WORKLOADS[name]()
        print(f"{name} {wall:.4f} {cpu:.4f}", flush=True)


if __name__ == "__main__":
    main()
