# Reads a real set's table through ctypes (CPython 3.11, 64-bit layout).
import ctypes


def state(s):
    a = id(s)
    rd = lambda off: ctypes.c_ssize_t.from_address(a + off).value
    fill, used, mask, table, finger = rd(16), rd(24), rd(32), rd(40), rd(56)
    ids = {}
    for k in s:
        ids[id(k)] = k
    slots = []
    for i in range(mask + 1):
        kp = ctypes.c_void_p.from_address(table + 16 * i).value
        h = ctypes.c_ssize_t.from_address(table + 16 * i + 8).value
        if not kp:
            slots.append(None)
        elif h == -1 and kp not in ids:
            slots.append("<dummy>")
        else:
            slots.append((h, ids[kp]))
    return fill, used, mask, finger, slots


def mstate(m):
    return m.fill, m.used, m.mask, m.finger, m.t
