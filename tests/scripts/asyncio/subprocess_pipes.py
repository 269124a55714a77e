"""asyncio.create_subprocess_exec / create_subprocess_shell with PIPEs:
communicate(), wait(), returncode, readline() on stdout, stdin writes."""
import asyncio
import sys
from asyncio.subprocess import PIPE, STDOUT, DEVNULL


async def main():
    # communicate with input, exit status
    p = await asyncio.create_subprocess_exec(
        sys.executable, '-c',
        'import sys; data = sys.stdin.read(); print(data.upper()); '
        'print("to err", file=sys.stderr); sys.exit(3)',
        stdin=PIPE, stdout=PIPE, stderr=PIPE)
    print('pid is int:', isinstance(p.pid, int), 'returncode:', p.returncode)
    out, err = await p.communicate(b'hello child')
    print('communicate:', out, err, p.returncode)
    print('wait again:', await p.wait())

    # shell, line by line
    p = await asyncio.create_subprocess_shell(
        'echo one; echo two; echo three', stdout=PIPE)
    lines = []
    while True:
        line = await p.stdout.readline()
        if not line:
            break
        lines.append(line)
    print('readline:', lines, await p.wait())

    # async for over stdout
    p = await asyncio.create_subprocess_exec('printf', 'a\\nb\\nc', stdout=PIPE)
    print('async for:', [line async for line in p.stdout], await p.wait())

    # stderr folded into stdout
    p = await asyncio.create_subprocess_shell(
        'echo out; echo err 1>&2', stdout=PIPE, stderr=STDOUT)
    out, err = await p.communicate()
    print('stderr=STDOUT:', sorted(out.split()), err)

    # no pipes: just wait
    p = await asyncio.create_subprocess_exec('sh', '-c', 'exit 7')
    print('wait only:', p.stdout, p.stdin, await p.wait(), p.returncode)

    # stdin written by hand, then read back
    p = await asyncio.create_subprocess_exec('cat', stdin=PIPE, stdout=PIPE)
    p.stdin.write(b'line 1\n')
    p.stdin.write(b'line 2\n')
    await p.stdin.drain()
    print('echoed:', await p.stdout.readline())
    p.stdin.close()
    print('rest:', await p.stdout.read(), await p.wait())

    # big output
    p = await asyncio.create_subprocess_exec(
        sys.executable, '-c', 'import sys; sys.stdout.write("x" * 300000)',
        stdout=PIPE, stderr=DEVNULL)
    out, _ = await p.communicate()
    print('big:', len(out), p.returncode)

    # several at once
    procs = [await asyncio.create_subprocess_shell(f'sleep 0.0{i}; echo {i}',
                                                   stdout=PIPE)
             for i in range(3)]
    results = await asyncio.gather(*(q.communicate() for q in procs))
    print('gather:', [r[0] for r in results], [q.returncode for q in procs])

    # kill
    p = await asyncio.create_subprocess_exec('sleep', '10')
    p.kill()
    print('killed:', await p.wait())

    # a missing program
    try:
        await asyncio.create_subprocess_exec('/nonexistent/program')
    except FileNotFoundError:
        print('FileNotFoundError')


asyncio.run(main())
