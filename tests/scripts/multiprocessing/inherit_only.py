# Locks, queues and shared memory cross to other processes by fork only:
# sending one to a pool worker is a RuntimeError saying so.
import multiprocessing as mp
import pickle


def f(a):
    return 1


if __name__ == '__main__':
    objs = [mp.Lock(), mp.RLock(), mp.Semaphore(2), mp.BoundedSemaphore(), mp.Event(),
            mp.Barrier(2), mp.Condition(), mp.Queue(), mp.JoinableQueue(), mp.SimpleQueue(),
            mp.Value('i', 1), mp.Array('i', 3), mp.RawValue('i', 1), mp.RawArray('d', 2),
            mp.Value('i', 1, lock=False)]
    with mp.Pool(1) as p:
        for obj in objs:
            try:
                p.apply(f, (obj,))
                print('sent')
            except RuntimeError as e:
                print(e)
    try:
        pickle.dumps(mp.Lock())
    except RuntimeError as e:
        print('pickle:', e)
