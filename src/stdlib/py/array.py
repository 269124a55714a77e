"""Arrays of numbers (or characters) of one C type, stored compactly in
CPython: array(typecode[, initializer]).

gilpy keeps the values in a list, checked and converted on the way in
exactly as CPython's C types would be (ranges, float rounding for 'f'),
and packs them with struct for the bytes-level methods.  bytes(a) works;
memoryview(a) does not (no buffer protocol for Python classes).
"""

import struct as _struct
import sys as _sys

__all__ = ["array", "ArrayType", "typecodes"]

typecodes = "bBuhHiIlLqQfd"

_SIZES = {"b": 1, "B": 1, "u": 4, "h": 2, "H": 2, "i": 4, "I": 4,
          "l": 8, "L": 8, "q": 8, "Q": 8, "f": 4, "d": 8}
# struct codes with standard sizes, native (little-endian) order.
_STRUCT = {"b": "b", "B": "B", "h": "h", "H": "H", "i": "i", "I": "I",
           "l": "q", "L": "Q", "q": "q", "Q": "Q", "f": "f", "d": "d"}

_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_TOO_BIG_LONG = "Python int too large to convert to C long"
_TOO_BIG_ULONG = "Python int too large to convert to C unsigned long"
_NEG_UINT = "can't convert negative value to unsigned int"

# For the types converted through a C long first: (min, max, C name).
_NARROW = {
    "b": (-128, 127, "signed char"),
    "B": (0, 255, "unsigned byte integer"),
    "h": (-32768, 32767, "signed short integer"),
    "H": (0, 65535, "unsigned short"),
    "i": (-(1 << 31), (1 << 31) - 1, "signed integer"),
}

# Rounding to a C float gives infinity from here up.
_FLT_OVERFLOW = 2.0 ** 128 - 2.0 ** 103


def _as_index(value):
    if isinstance(value, int):
        return int(value)
    index = getattr(type(value), "__index__", None)
    if index is None or isinstance(value, float):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(value).__name__)
    return index(value)


def _check(tc, value):
    """The value an item of typecode tc holds for `value`, or the error
    CPython raises storing it."""
    if tc == "d" or tc == "f":
        if isinstance(value, float):
            x = value
        elif isinstance(value, int):
            if value >= 2 ** 1024 or value <= -(2 ** 1024):
                raise OverflowError("int too large to convert to float")
            x = float(value)
        elif hasattr(type(value), "__float__"):
            x = float(value)
        elif hasattr(type(value), "__index__"):
            x = float(_as_index(value))
        else:
            raise TypeError("must be real number, not %s"
                            % type(value).__name__)
        if tc == "f":
            if x != x or x in (float("inf"), float("-inf")):
                return x
            if abs(x) >= _FLT_OVERFLOW:
                return float("inf") if x > 0 else float("-inf")
            return _struct.unpack("<f", _struct.pack("<f", x))[0]
        return x
    if tc == "u":
        if not isinstance(value, str) or len(value) != 1:
            raise TypeError("array item must be unicode character")
        return value
    n = _as_index(value)
    if tc in _NARROW:
        if n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError(_TOO_BIG_LONG)
        lo, hi, name = _NARROW[tc]
        if n < lo:
            raise OverflowError(name + " is less than minimum")
        if n > hi:
            raise OverflowError(name + " is greater than maximum")
        return n
    if tc == "l":
        if n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError(_TOO_BIG_LONG)
        return n
    if tc == "I" or tc == "L":
        if n < 0:
            raise OverflowError(_NEG_UINT)
        if n >= 1 << 64:
            raise OverflowError(_TOO_BIG_ULONG)
        if tc == "I" and n >= 1 << 32:
            raise OverflowError("unsigned int is greater than maximum")
        return n
    if tc == "q":
        if n < _LONG_MIN or n > _LONG_MAX:
            raise OverflowError("int too big to convert")
        return n
    # Q
    if n < 0:
        raise OverflowError("can't convert negative int to unsigned")
    if n >= 1 << 64:
        raise OverflowError("int too big to convert")
    return n


def _pack(tc, values):
    if tc == "u":
        return b"".join(ord(c).to_bytes(4, "little") for c in values)
    # In pieces: a call takes a bounded number of arguments.
    code = _STRUCT[tc]
    parts = []
    for i in range(0, len(values), 8192):
        piece = values[i:i + 8192]
        parts.append(_struct.pack("<%d%s" % (len(piece), code), *piece))
    return b"".join(parts)


def _unpack(tc, data):
    if tc == "u":
        out = []
        for i in range(0, len(data), 4):
            code = int.from_bytes(data[i:i + 4], "little")
            if code > 0x10FFFF:
                raise ValueError(
                    "character U+%x is not in range [U+0000; U+10ffff]"
                    % code)
            out.append(chr(code))
        return out
    n = len(data) // _SIZES[tc]
    return list(_struct.unpack("<%d%s" % (n, _STRUCT[tc]), data))


def _index_arg(i):
    if isinstance(i, int):
        return int(i)
    if hasattr(type(i), "__index__") and not isinstance(i, float):
        return _as_index(i)
    raise TypeError("array indices must be integers")


class array:
    """array(typecode [, initializer]) -> array

    Return a new array whose items are restricted by typecode, and
    initialized from the optional initializer value, which must be a list,
    a bytes-like object, or iterable over elements of the appropriate type.
    """

    __hash__ = None

    def __init__(self, typecode, initializer=None):
        if not isinstance(typecode, str) or len(typecode) != 1:
            raise TypeError("array() argument 1 must be a unicode character, "
                            "not %s" % type(typecode).__name__)
        if typecode not in _SIZES:
            raise ValueError("bad typecode (must be b, B, u, h, H, i, I, l, "
                             "L, q, Q, f or d)")
        self._tc = typecode
        self._v = []
        if initializer is None:
            return
        if isinstance(initializer, str):
            if typecode != "u":
                raise TypeError("cannot use a str to initialize an array "
                                "with typecode '%s'" % typecode)
            self._v = list(initializer)
        elif isinstance(initializer, array):
            if initializer._tc == "u" and typecode != "u":
                raise TypeError("cannot use a unicode array to initialize "
                                "an array with typecode '%s'" % typecode)
            self.extend(list(initializer._v))
        elif isinstance(initializer, (bytes, bytearray)):
            self.frombytes(initializer)
        else:
            self.extend(initializer)

    @property
    def typecode(self):
        """the typecode character used to create the array"""
        return self._tc

    @property
    def itemsize(self):
        """the size, in bytes, of one array item"""
        return _SIZES[self._tc]

    def _same(self, values):
        # Slices, sums, products and copies are plain arrays, even of a
        # subclass (as in CPython).
        new = array.__new__(array)
        new._tc = self._tc
        new._v = values
        return new

    def __repr__(self):
        name = type(self).__name__
        if not self._v:
            return "%s('%s')" % (name, self._tc)
        if self._tc == "u":
            return "%s('u', %r)" % (name, "".join(self._v))
        return "%s('%s', %r)" % (name, self._tc, self._v)

    def __len__(self):
        return len(self._v)

    def __iter__(self):
        return iter(self._v)

    def __contains__(self, value):
        return value in self._v

    def __bytes__(self):
        return self.tobytes()

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._same(self._v[i])
        i = _index_arg(i)
        if i < -len(self._v) or i >= len(self._v):
            raise IndexError("array index out of range")
        return self._v[i]

    def __setitem__(self, i, value):
        if isinstance(i, slice):
            if not isinstance(value, array):
                raise TypeError('can only assign array (not "%s") to array '
                                'slice' % type(value).__name__)
            if value._tc != self._tc:
                raise TypeError("bad argument type for built-in operation")
            start, stop, step = i.indices(len(self._v))
            if step != 1:
                size = len(range(start, stop, step))
                if len(value._v) != size:
                    raise ValueError("attempt to assign array of size %d to "
                                     "extended slice of size %d"
                                     % (len(value._v), size))
            self._v[i] = list(value._v)
            return
        i = _index_arg(i)
        if i < -len(self._v) or i >= len(self._v):
            raise IndexError("array assignment index out of range")
        self._v[i] = _check(self._tc, value)

    def __delitem__(self, i):
        if isinstance(i, slice):
            del self._v[i]
            return
        i = _index_arg(i)
        if i < -len(self._v) or i >= len(self._v):
            raise IndexError("array assignment index out of range")
        del self._v[i]

    def __add__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only append array (not "%s") to array'
                            % type(other).__name__)
        if other._tc != self._tc:
            raise TypeError("bad argument type for built-in operation")
        return self._same(self._v + other._v)

    def __iadd__(self, other):
        if not isinstance(other, array):
            raise TypeError('can only extend array with array (not "%s")'
                            % type(other).__name__)
        self.extend(other)
        return self

    def __mul__(self, n):
        if isinstance(n, float) or not hasattr(type(n), "__index__"):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        return self._same(self._v * _as_index(n))

    __rmul__ = __mul__

    def __imul__(self, n):
        if isinstance(n, float) or not hasattr(type(n), "__index__"):
            raise TypeError("can't multiply sequence by non-int of type '%s'"
                            % type(n).__name__)
        self._v *= _as_index(n)
        return self

    def __eq__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v == other._v

    def __ne__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v != other._v

    def __lt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v < other._v

    def __le__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v <= other._v

    def __gt__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v > other._v

    def __ge__(self, other):
        if not isinstance(other, array):
            return NotImplemented
        return self._v >= other._v

    def __copy__(self):
        return self._same(list(self._v))

    def __deepcopy__(self, memo):
        return self._same(list(self._v))

    def __reduce_ex__(self, protocol):
        state = getattr(self, "__dict__", None)
        if state is not None:
            state = {k: v for k, v in state.items() if k not in ("_tc", "_v")}
            if not state:
                state = None
        if protocol < 3:
            return (type(self), (self._tc, list(self._v)), state)
        return (_array_reconstructor,
                (type(self), self._tc, _MFORMAT[self._tc], self.tobytes()),
                state)

    def append(self, value):
        """Append new value v to the end of the array."""
        self._v.append(_check(self._tc, value))

    def extend(self, iterable):
        """Append items to the end of the array."""
        if isinstance(iterable, array):
            if iterable._tc != self._tc:
                raise TypeError("can only extend with array of same kind")
            self._v.extend(list(iterable._v))
            return
        for value in iterable:
            self._v.append(_check(self._tc, value))

    def insert(self, i, value):
        """Insert a new item v into the array before position i."""
        self._v.insert(_as_index(i), _check(self._tc, value))

    def pop(self, i=-1):
        """Return the i-th element and delete it from the array."""
        if not self._v:
            raise IndexError("pop from empty array")
        i = _as_index(i)
        if i < -len(self._v) or i >= len(self._v):
            raise IndexError("pop index out of range")
        return self._v.pop(i)

    def remove(self, value):
        """Remove the first occurrence of v in the array."""
        for i, v in enumerate(self._v):
            if v == value:
                del self._v[i]
                return
        raise ValueError("array.remove(x): x not in array")

    def index(self, value, start=0, stop=_sys.maxsize):
        """Return index of first occurrence of v in the array."""
        n = len(self._v)
        start = _as_index(start)
        stop = _as_index(stop)
        if start < 0:
            start = max(start + n, 0)
        if stop < 0:
            stop += n
        for i in range(start, min(stop, n)):
            if self._v[i] == value:
                return i
        raise ValueError("array.index(x): x not in array")

    def count(self, value):
        """Return number of occurrences of v in the array."""
        return sum(1 for v in self._v if v == value)

    def reverse(self):
        """Reverse the order of the items in the array."""
        self._v.reverse()

    def buffer_info(self):
        """(address, length): no address here, the object's id stands in."""
        return (id(self), len(self._v))

    def byteswap(self):
        """Byteswap all items of the array."""
        size = _SIZES[self._tc]
        if size == 1:
            return
        data = self.tobytes()
        swapped = b"".join(data[i:i + size][::-1]
                           for i in range(0, len(data), size))
        self._v = _unpack(self._tc, swapped)

    def tobytes(self):
        """Convert the array to an array of machine values and return the
        bytes representation."""
        return _pack(self._tc, self._v)

    def frombytes(self, data):
        """Appends items from the string, interpreting it as an array of
        machine values, as if it had been read from a file using the
        fromfile() method."""
        data = bytes(data)
        if len(data) % _SIZES[self._tc]:
            raise ValueError("bytes length not a multiple of item size")
        self._v.extend(_unpack(self._tc, data))

    def tolist(self):
        """Convert array to an ordinary list with the same items."""
        return list(self._v)

    def fromlist(self, values):
        """Append items to array from list."""
        if not isinstance(values, list):
            raise TypeError("arg must be list")
        # All or nothing: an item that does not fit adds none.
        checked = [_check(self._tc, v) for v in values]
        self._v.extend(checked)

    def tounicode(self):
        """Extends this array with data from the unicode string ustr."""
        if self._tc != "u":
            raise ValueError("tounicode() may only be called on unicode "
                             "type arrays")
        return "".join(self._v)

    def fromunicode(self, text):
        """Extends this array with data from the unicode string ustr."""
        if not isinstance(text, str):
            raise TypeError("fromunicode() argument must be str, not %s"
                            % type(text).__name__)
        if self._tc != "u":
            raise ValueError("fromunicode() may only be called on unicode "
                             "type arrays")
        self._v.extend(text)

    def tofile(self, f):
        """Write all items (as machine values) to the file object f."""
        f.write(self.tobytes())

    def fromfile(self, f, n):
        """Read n objects from the file object f and append them to the end
        of the array."""
        n = _as_index(n)
        if n < 0:
            raise ValueError("negative count")
        want = n * _SIZES[self._tc]
        data = f.read(want)
        if not isinstance(data, bytes):
            raise TypeError("read() didn't return bytes")
        usable = len(data) - len(data) % _SIZES[self._tc]
        self.frombytes(data[:usable])
        if len(data) != want:
            raise EOFError("read() didn't return enough bytes")


ArrayType = array

# The machine formats of pickles (protocol 3 and up), little-endian ones
# for each typecode, as CPython numbers them.
_MFORMAT = {"b": 1, "B": 0, "h": 4, "H": 2, "i": 8, "I": 6, "l": 12,
            "L": 10, "q": 12, "Q": 10, "f": 14, "d": 16, "u": 20}


def _array_reconstructor(arraytype, typecode, mformat_code, items):
    """Internal: used to unpickle an array."""
    if not isinstance(arraytype, type) or not issubclass(arraytype, array):
        raise TypeError("first argument must be a type object, not %s"
                        % type(arraytype).__name__)
    if typecode not in _SIZES:
        raise ValueError("second argument must be a valid type code")
    if not isinstance(items, bytes):
        raise TypeError("fourth argument should be bytes, not %s"
                        % type(items).__name__)
    # Only the formats gilpy itself writes: the little-endian one of the
    # same size.
    if _MFORMAT[typecode] != mformat_code and not (
            typecode in "lLqQ" and mformat_code in (10, 12)):
        raise ValueError("third argument must be a valid machine format code.")
    a = arraytype(typecode)
    a.frombytes(items)
    return a
