# An echo server and a client over 127.0.0.1 with asyncio streams.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    print("server: connection from", peer[0])
    async for line in reader:
        writer.write(line.upper())
        await writer.drain()
    print("server: client done")
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        print(writer.get_extra_info('peername')[0])
        for w in [b'hello\n', b'world\n']:
            writer.write(w)
            await writer.drain()
            print(await reader.readline())
        writer.write(b'abc\ndef\nxyz')
        print(await reader.readexactly(4), await reader.readuntil(b'\n'))
        writer.write(b'\n' + b'k' * 30000 + b'\n')
        await writer.drain()
        print(await reader.readline())
        print(len(await reader.readline()))
        writer.write_eof()
        print(await reader.read())
        try:
            await reader.readexactly(3)
        except asyncio.IncompleteReadError as e:
            print("incomplete", e.partial, e.expected)
        writer.close()
        await writer.wait_closed()
        await asyncio.sleep(0.05)
    print("closed", server.is_serving())

asyncio.run(main())
