import pickle, collections
class A: pass
a=A(); a.x=1  # instances print by type only
vals = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -300, 2**31-1, 2**31, -2**31, -2**31-1, 2**63, -2**63, 2**70, -2**70, 2**2000,
  1.5, -0.0, float('inf'), 'abc', '', 'é\u1234\U0001f600', 'a'*300, b'', b'ab', b'x'*300, bytearray(b'ab'), bytearray(),
  (), (1,), (1,2), (1,2,3), (1,2,3,4), [], [1], [1,2], list(range(1001)), {}, {1:2}, {'a':1,'b':[1,2]}, dict.fromkeys(range(1000)),
  set(), {1}, {1,2,3}, frozenset(), frozenset({1,2}), complex(1,2), ValueError(1,'x'), KeyError('k'), a, A, len, collections.OrderedDict(a=1),
  range(1,5), type(None), ..., NotImplemented]
for p in range(6):
    for v in vals:
        try:
            d = pickle.dumps(v, p)
        except Exception as e:
            print(p, repr(v)[:30], 'ERR', type(e).__name__, e); continue
        print(p, type(v).__name__, d.hex())
        r = pickle.loads(d)
        if type(v) not in (A, ValueError, KeyError) and r != v and v == v:
            print('MISMATCH', repr(r)[:50])
