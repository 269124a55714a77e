# multiprocessing's errors live in multiprocessing.context: they pickle,
# cross from a worker, and connection's BufferTooShort is the same class.
import multiprocessing as mp
import multiprocessing.connection
import pickle


def late(x):
    raise mp.TimeoutError('late %d' % x)


if __name__ == '__main__':
    for cls in (mp.ProcessError, mp.BufferTooShort, mp.TimeoutError, mp.AuthenticationError):
        e = pickle.loads(pickle.dumps(cls('x')))
        print(cls.__module__, cls.__qualname__, type(e) is cls, e.args,
              issubclass(cls, mp.ProcessError))
    with mp.Pool(1) as p:
        try:
            p.apply(late, (1,))
        except mp.TimeoutError as e:
            print('caught', repr(e))
    print(multiprocessing.connection.BufferTooShort is mp.BufferTooShort)
    a, b = mp.Pipe()
    a.send_bytes(b'hello')
    try:
        b.recv_bytes_into(bytearray(2))
    except mp.BufferTooShort as e:
        print('short', e.args)
