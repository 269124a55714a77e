# Load test of an asyncio stream server: CLIENTS concurrent clients (default
# 500), each an asyncio connection making PER_CLIENT requests (default 20),
# all in one event loop beside the server. Prints how many requests
# succeeded and whether the resident size after the run is within 10% of
# that after 1,000 requests.
# gilpy scripts/load_asyncio.py [CLIENTS [PER_CLIENT]]
import asyncio
import sys

CLIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
PER_CLIENT = int(sys.argv[2]) if len(sys.argv) > 2 else 20


def rss_kb():
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith('VmRSS'):
                return int(line.split()[1])


async def handle(reader, writer):
    # One line per request; the reply names it.
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(b"hello " + line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(k, port, start, state):
    await start.wait()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for i in range(PER_CLIENT):
        request = b"%d/%d\n" % (k, i)
        writer.write(request)
        await writer.drain()
        reply = await reader.readline()
        if reply != b"hello " + request:
            state["errors"].append((k, i, reply))
        state["done"] += 1
        if state["done"] == 1000:
            state["first"] = rss_kb()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=1024)
    port = server.sockets[0].getsockname()[1]
    state = {"done": 0, "errors": [], "first": None}
    start = asyncio.Event()
    tasks = [asyncio.create_task(client(k, port, start, state))
             for k in range(CLIENTS)]
    start.set()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    failed = [r for r in results if isinstance(r, BaseException)]
    server.close()
    await server.wait_closed()
    last = rss_kb()
    print("requests", state["done"], "errors", len(state["errors"]) + len(failed),
          (state["errors"] + failed)[:3])
    first = state["first"] or 0
    print("memory flat", last <= first * 1.10, first, last)


asyncio.run(main())
