# multiprocessing.Process: start, join, exit codes, names, terminate.
import multiprocessing as mp
import os
import sys
import time


def work(q, n):
    q.put((mp.current_process().name, n * 2, mp.parent_process().pid == os.getppid()))


def exits(code):
    sys.exit(code)


def sleeper():
    time.sleep(30)


class Worker(mp.Process):
    def __init__(self, q):
        super().__init__()
        self.q = q

    def run(self):
        self.q.put('subclass run')


if __name__ == '__main__':
    print(mp.current_process().name, mp.parent_process())
    q = mp.Queue()
    ps = [mp.Process(target=work, args=(q, i), name='worker-%d' % i) for i in range(3)]
    for p in ps:
        print(p.name, p.is_alive(), p.exitcode)
        p.start()
    results = sorted(q.get() for _ in ps)
    for p in ps:
        p.join()
    print(results)
    print([p.exitcode for p in ps], [p.is_alive() for p in ps])

    p = mp.Process(target=work, kwargs={'q': q, 'n': 21})
    p.start()
    print(q.get()[1:])
    p.join()
    print(p.name.startswith('Process-'), p.exitcode)

    for code in (0, 3, None, 'text'):
        p = mp.Process(target=exits, args=(code,))
        p.start()
        p.join()
        print('sys.exit(%r) ->' % (code,), p.exitcode)

    p = mp.Process(target=sleeper, daemon=True)
    p.start()
    print(p.daemon, p.is_alive())
    p.join(0.1)
    print('after join timeout', p.is_alive(), p.exitcode)
    p.terminate()
    p.join()
    print('terminated', p.exitcode, p.is_alive())

    p = mp.Process(target=sleeper)
    p.start()
    p.kill()
    p.join()
    print('killed', p.exitcode)
    print(repr(p).endswith('exitcode=-SIGKILL>'))
    p.close()
    try:
        p.exitcode
    except ValueError as e:
        print('ValueError:', e)

    w = Worker(q)
    w.start()
    print(q.get())
    w.join()
    print(mp.active_children())
    print(mp.cpu_count() >= 1, mp.get_start_method(), mp.get_all_start_methods()[0] in ('fork', 'spawn', 'forkserver'))
    ctx = mp.get_context('fork')
    p = ctx.Process(target=exits, args=(5,))
    p.start()
    p.join()
    print('context process', p.exitcode)
    mp.freeze_support()
