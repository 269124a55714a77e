"""`Value` and `Array`: numbers in memory shared with forked children."""

import struct
import _multiprocessing

from .synchronize import RLock

__all__ = ['RawValue', 'RawArray', 'Value', 'Array']

typecode_to_type = {
    'c': 'c', 'u': 'u', 'b': 'b', 'B': 'B', 'h': 'h', 'H': 'H', 'i': 'i', 'I': 'I',
    'l': 'l', 'L': 'L', 'q': 'q', 'Q': 'Q', 'f': 'f', 'd': 'd',
}

_CTYPES = {
    'c': 'c_char', 'b': 'c_byte', 'B': 'c_ubyte', 'h': 'c_short', 'H': 'c_ushort',
    'i': 'c_int', 'I': 'c_uint', 'l': 'c_long', 'L': 'c_ulong', 'q': 'c_longlong',
    'Q': 'c_ulonglong', 'f': 'c_float', 'd': 'c_double', 'u': 'c_wchar',
}


def _inherit_only(name):
    raise RuntimeError('%s objects should only be shared between processes'
                       ' through inheritance' % name)


def _fmt(typecode):
    if typecode not in _CTYPES:
        raise TypeError("unsupported typecode %r" % (typecode,))
    return '=' + ('I' if typecode == 'u' else typecode)


class _Raw:

    def __init__(self, typecode, length):
        self._typecode = typecode
        self._struct = struct.Struct(_fmt(typecode))
        self._size = self._struct.size
        self._length = length
        self._buf = _multiprocessing.shared_buffer(self._size * max(length, 1))

    def _get(self, i):
        v, = self._struct.unpack(self._buf.read(i * self._size, self._size))
        if self._typecode == 'u':
            return chr(v)
        return v

    def _set(self, i, v):
        if self._typecode == 'u':
            v = ord(v)
        elif self._typecode == 'c' and not (isinstance(v, bytes) and len(v) == 1):
            raise TypeError("one character bytes, bytearray or integer expected")
        elif self._typecode in 'fd':
            v = float(v)
        self._buf.write(i * self._size, self._struct.pack(v))


class RawValueType(_Raw):

    def __init__(self, typecode, value):
        _Raw.__init__(self, typecode, 1)
        if value is not None:
            self._set(0, value)
        elif typecode == 'c':
            self._set(0, b'\x00')

    @property
    def value(self):
        return self._get(0)

    @value.setter
    def value(self, v):
        self._set(0, v)

    def __repr__(self):
        return '%s(%r)' % (_CTYPES[self._typecode], self.value)

    def __reduce__(self):
        _inherit_only(_CTYPES[self._typecode])


class RawArrayType(_Raw):

    def __reduce__(self):
        _inherit_only('%s_Array_%d' % (_CTYPES[self._typecode], self._length))

    def __init__(self, typecode, init):
        if isinstance(init, int):
            _Raw.__init__(self, typecode, init)
        else:
            init = list(init)
            _Raw.__init__(self, typecode, len(init))
            for i, v in enumerate(init):
                self._set(i, v)

    def __len__(self):
        return self._length

    def _index(self, i):
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("invalid index")
        return i

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._get(j) for j in range(*i.indices(self._length))]
        return self._get(self._index(i))

    def __setitem__(self, i, v):
        if isinstance(i, slice):
            idx = range(*i.indices(self._length))
            v = list(v)
            if len(v) != len(idx):
                raise ValueError("Can only assign sequence of same size")
            for j, x in zip(idx, v):
                self._set(j, x)
            return
        self._set(self._index(i), v)

    def __iter__(self):
        for i in range(self._length):
            yield self._get(i)

    @property
    def value(self):
        if self._typecode == 'c':
            data = b''.join(self[:])
            return data.split(b'\x00', 1)[0]
        raise AttributeError("value")

    @property
    def raw(self):
        return b''.join(self[:])


def RawValue(typecode_or_type, *args):
    return RawValueType(typecode_or_type, args[0] if args else None)


def RawArray(typecode_or_type, size_or_initializer):
    return RawArrayType(typecode_or_type, size_or_initializer)


class Synchronized:

    def __init__(self, obj, lock=None):
        self._obj = obj
        self._lock = lock or RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        _inherit_only(type(self).__name__)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    @property
    def value(self):
        with self._lock:
            return self._obj.value

    @value.setter
    def value(self, v):
        with self._lock:
            self._obj.value = v

    def __repr__(self):
        return '<Synchronized wrapper for %r>' % self._obj


class SynchronizedArray(Synchronized):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, v):
        with self._lock:
            self._obj[i] = v

    def __iter__(self):
        return iter(self[:])


def Value(typecode_or_type, *args, lock=True):
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    return Synchronized(obj, lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True):
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    return SynchronizedArray(obj, lock)
