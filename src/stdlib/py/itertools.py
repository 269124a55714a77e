"""Functional tools for creating and using iterators.

gilpy's `itertools`, written in plain Python after the "roughly equivalent"
code of CPython's documentation and Modules/itertoolsmodule.c: same results,
same order and the same consumption of the input iterators.

Infinite iterators:
count(start=0, step=1) --> start, start+step, start+2*step, ...
cycle(p) --> p0, p1, ... plast, p0, p1, ...
repeat(elem [,n]) --> elem, elem, elem, ... endlessly or up to n times

Iterators terminating on the shortest input sequence:
accumulate(p[, func]) --> p0, p0+p1, p0+p1+p2
chain(p, q, ...) --> p0, p1, ... plast, q0, q1, ...
chain.from_iterable([p, q, ...]) --> p0, p1, ... plast, q0, q1, ...
compress(data, selectors) --> (d[0] if s[0]), (d[1] if s[1]), ...
dropwhile(pred, seq) --> seq[n], seq[n+1], starting when pred fails
groupby(iterable[, keyfunc]) --> sub-iterators grouped by value of keyfunc(v)
filterfalse(pred, seq) --> elements of seq where pred(elem) is False
islice(seq, [start,] stop [, step]) --> elements from seq[start:stop:step]
pairwise(s) --> (s[0],s[1]), (s[1],s[2]), (s[2], s[3]), ...
starmap(fun, seq) --> fun(*seq[0]), fun(*seq[1]), ...
tee(it, n=2) --> (it1, it2 , ... itn) splits one iterator into n
takewhile(pred, seq) --> seq[0], seq[1], until pred fails
zip_longest(p, q, ...) --> (p[0], q[0]), (p[1], q[1]), ...

Combinatoric generators:
product(p, q, ... [repeat=1]) --> cartesian product
permutations(p[, r])
combinations(p, r)
combinations_with_replacement(p, r)
"""

import sys as _sys

__all__ = ['accumulate', 'chain', 'combinations', 'combinations_with_replacement',
           'compress', 'count', 'cycle', 'dropwhile', 'filterfalse', 'groupby',
           'islice', 'pairwise', 'permutations', 'product', 'repeat', 'starmap',
           'takewhile', 'tee', 'zip_longest', 'batched']


def _is_number(x):
    return isinstance(x, (int, float))


class count:
    """Return a count object whose .__next__() method returns consecutive values.

    Equivalent to:
        def count(firstval=0, step=1):
            x = firstval
            while 1:
                yield x
                x += step
    """

    def __init__(self, start=0, step=1):
        if not _is_number(start) and (isinstance(start, (str, list, tuple))
                                      or not hasattr(start, '__add__')):
            raise TypeError("a number is required")
        self._cnt = start
        self._step = step

    def __iter__(self):
        return self

    def __next__(self):
        value = self._cnt
        self._cnt = value + self._step
        return value

    def __repr__(self):
        step = self._step
        if isinstance(step, int) and not isinstance(step, bool) and step == 1:
            return '%s(%r)' % (type(self).__name__, self._cnt)
        return '%s(%r, %r)' % (type(self).__name__, self._cnt, step)


class repeat:
    """repeat(object [,times]) -> create an iterator which returns the object
    for the specified number of times.  If not specified, returns the object
    endlessly.
    """

    def __init__(self, object, times=None):
        self._element = object
        if times is not None:
            if not isinstance(times, int):
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(times).__name__)
            if times < 0:
                times = 0
        self._cnt = times

    def __iter__(self):
        return self

    def __next__(self):
        if self._cnt is None:
            return self._element
        if self._cnt <= 0:
            raise StopIteration
        self._cnt -= 1
        return self._element

    def __length_hint__(self):
        if self._cnt is None:
            raise TypeError("len() of unsized object")
        return self._cnt

    def __repr__(self):
        if self._cnt is None:
            return '%s(%r)' % (type(self).__name__, self._element)
        return '%s(%r, %d)' % (type(self).__name__, self._element, self._cnt)


def cycle(iterable):
    """Return elements from the iterable until it is exhausted. Then repeat
    the sequence indefinitely."""
    saved = []
    for element in iterable:
        yield element
        saved.append(element)
    if not saved:
        return
    while True:
        for element in saved:
            yield element


def accumulate(iterable, func=None, *, initial=None):
    """Return series of accumulated sums (or other binary function results)."""
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    if func is None:
        for element in it:
            total = total + element
            yield total
    else:
        for element in it:
            total = func(total, element)
            yield total


class chain:
    """Return a chain object whose .__next__() method returns elements from the
    first iterable until it is exhausted, then elements from the next
    iterable, until all of the iterables are exhausted."""

    def __init__(self, *iterables):
        self._source = iter(iterables)
        self._active = None

    @classmethod
    def from_iterable(cls, iterable):
        """Alternative chain() constructor taking a single iterable argument
        that evaluates lazily."""
        self = cls()
        self._source = iter(iterable)
        return self

    def __iter__(self):
        return self

    def __next__(self):
        while self._source is not None:
            if self._active is None:
                try:
                    iterable = next(self._source)
                except StopIteration:
                    self._source = None
                    raise
                self._active = iter(iterable)
            try:
                return next(self._active)
            except StopIteration:
                self._active = None
        raise StopIteration


def compress(data, selectors):
    """Return data elements corresponding to true selector elements."""
    for d, s in zip(data, selectors):
        if s:
            yield d


def dropwhile(predicate, iterable):
    """Drop items from the iterable while predicate(item) is true."""
    it = iter(iterable)
    for x in it:
        if not predicate(x):
            yield x
            break
    for x in it:
        yield x


def takewhile(predicate, iterable):
    """Return successive entries from an iterable as long as the predicate
    evaluates to true for each entry."""
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    """Return those items of iterable for which function(item) is false.
    If function is None, return the items that are false."""
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x


def starmap(function, iterable):
    """Return an iterator whose values are returned from the function
    evaluated with an argument tuple taken from the given sequence."""
    for args in iterable:
        yield function(*args)


_NULL = object()


class groupby:
    """make an iterator that returns consecutive keys and groups from the
    iterable (keyfunc defaults to an identity function)."""

    def __init__(self, iterable, key=None):
        self._keyfunc = key
        self._it = iter(iterable)
        self._tgtkey = _NULL
        self._currkey = _NULL
        self._currvalue = _NULL
        self._currgrouper = None

    def __iter__(self):
        return self

    def _step(self):
        newvalue = next(self._it)       # StopIteration ends the caller
        if self._keyfunc is None:
            newkey = newvalue
        else:
            newkey = self._keyfunc(newvalue)
        self._currvalue = newvalue
        self._currkey = newkey

    def __next__(self):
        self._currgrouper = None
        # skip to next iteration group
        while True:
            if self._currkey is _NULL:
                pass
            elif self._tgtkey is _NULL:
                break
            elif not (self._tgtkey == self._currkey):
                break
            self._step()
        self._tgtkey = self._currkey
        grouper = _grouper(self, self._tgtkey)
        self._currgrouper = grouper
        return (self._currkey, grouper)


class _grouper:
    def __init__(self, parent, tgtkey):
        self._parent = parent
        self._tgtkey = tgtkey

    def __iter__(self):
        return self

    def __next__(self):
        gbo = self._parent
        if gbo._currgrouper is not self:
            raise StopIteration
        if gbo._currvalue is _NULL:
            gbo._step()
        if not (self._tgtkey == gbo._currkey):
            raise StopIteration
        r = gbo._currvalue
        gbo._currvalue = _NULL
        gbo._currkey = _NULL
        return r


def _as_ssize(value):
    """The int value of an index-like object, or None if it is not one
    or does not fit a C Py_ssize_t."""
    if isinstance(value, int):
        value = int(value)
    else:
        index = getattr(type(value), '__index__', None)
        if index is None:
            return None
        value = index(value)
    # Beyond the C Py_ssize_t range: an error, as in PyNumber_AsSsize_t().
    if value > _sys.maxsize or value < -_sys.maxsize - 1:
        return None
    return value


_STOP_MSG = ("Stop argument for islice() must be None or an integer: "
             "0 <= x <= sys.maxsize.")
_INDEX_MSG = ("Indices for islice() must be None or an integer: "
              "0 <= x <= sys.maxsize.")
_STEP_MSG = "Step for islice() must be a positive integer or None."


def islice(iterable, *args):
    """islice(iterable, stop) --> islice object
    islice(iterable, start, stop[, step]) --> islice object

    Return an iterator whose next() method returns selected values from an
    iterable."""
    nargs = len(args)
    if nargs == 0:
        raise TypeError("islice expected at least 2 arguments, got 1")
    if nargs > 3:
        raise TypeError("islice expected at most 4 arguments, got %d" % (nargs + 1))
    start = 0
    stop = -1
    step = 1
    if nargs == 1:
        if args[0] is not None:
            stop = _as_ssize(args[0])
            if stop is None or stop == -1:
                raise ValueError(_STOP_MSG)
    else:
        if args[0] is not None:
            start = _as_ssize(args[0])
            if start is None:
                start = -1
        if args[1] is not None:
            stop = _as_ssize(args[1])
            if stop is None or stop == -1:
                raise ValueError(_STOP_MSG)
    if start < 0 or stop < -1:
        raise ValueError(_INDEX_MSG)
    if nargs == 3 and args[2] is not None:
        step = _as_ssize(args[2])
        if step is None:
            step = -1
    if step < 1:
        raise ValueError(_STEP_MSG)
    if stop == -1:
        stop = None
    return _islice_gen(iter(iterable), start, stop, step)


def _islice_gen(it, nxt, stop, step):
    # As islice_next() in Modules/itertoolsmodule.c: never consumes more
    # items of the source than needed.
    cnt = 0
    while True:
        while cnt < nxt:
            try:
                next(it)
            except StopIteration:
                return
            cnt += 1
        if stop is not None and cnt >= stop:
            return
        try:
            item = next(it)
        except StopIteration:
            return
        cnt += 1
        nxt += step
        if stop is not None and nxt > stop:
            nxt = stop
        yield item


class _TeeLink:
    def __init__(self):
        self.value = None
        self.next = None     # the following link, once value is filled


class _TeeData:
    def __init__(self, it):
        self.it = it


class _tee:
    """Iterator wrapped to make it copyable."""

    def __init__(self, data, link):
        self._data = data
        self._link = link

    def __iter__(self):
        return self

    def __next__(self):
        link = self._link
        if link.next is None:
            value = next(self._data.it)     # StopIteration ends this one
            link.value = value
            link.next = _TeeLink()
        self._link = link.next
        return link.value

    def __copy__(self):
        return _tee(self._data, self._link)


def tee(iterable, n=2):
    """Returns a tuple of n independent iterators."""
    if not isinstance(n, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(n).__name__)
    if n < 0:
        raise ValueError("n must be >= 0")
    if n == 0:
        return ()
    if isinstance(iterable, _tee):
        first = iterable.__copy__()
    else:
        first = _tee(_TeeData(iter(iterable)), _TeeLink())
    result = [first]
    for i in range(1, n):
        result.append(first.__copy__())
    return tuple(result)


def zip_longest(*args, fillvalue=None):
    """Return a zip_longest object whose .__next__() method returns a tuple
    where the i-th element comes from the i-th iterable argument."""
    iterators = [iter(it) for it in args]
    num_active = len(iterators)
    if not num_active:
        return
    while True:
        values = []
        for i in range(len(iterators)):
            it = iterators[i]
            if it is None:
                values.append(fillvalue)
                continue
            try:
                value = next(it)
            except StopIteration:
                num_active -= 1
                if not num_active:
                    return
                iterators[i] = None
                value = fillvalue
            values.append(value)
        yield tuple(values)


def pairwise(iterable):
    """Return an iterator of overlapping pairs taken from the input iterator.

        s -> (s0,s1), (s1,s2), (s2, s3), ..."""
    it = iter(iterable)
    try:
        a = next(it)
    except StopIteration:
        return
    for b in it:
        yield (a, b)
        a = b


def batched(iterable, n):
    """Batch data into tuples of length n. The last batch may be shorter."""
    if n < 1:
        raise ValueError('n must be at least one')
    it = iter(iterable)
    while True:
        batch = []
        for i in range(n):
            try:
                batch.append(next(it))
            except StopIteration:
                break
        if not batch:
            return
        yield tuple(batch)
        if len(batch) < n:
            return


def product(*args, repeat=1):
    """Cartesian product of input iterables.  Equivalent to nested for-loops."""
    if not isinstance(repeat, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(repeat).__name__)
    if repeat < 0:
        raise ValueError("repeat argument cannot be negative")
    pools = [tuple(pool) for pool in args] * repeat
    return _product_gen(pools)


def _product_gen(pools):
    # Odometer order, as the C implementation.
    npools = len(pools)
    for pool in pools:
        if not pool:
            return
    indices = [0] * npools
    yield tuple([pool[0] for pool in pools])
    while True:
        i = npools - 1
        while i >= 0:
            indices[i] += 1
            if indices[i] < len(pools[i]):
                break
            indices[i] = 0
            i -= 1
        if i < 0:
            return
        yield tuple([pools[j][indices[j]] for j in range(npools)])


def permutations(iterable, r=None):
    """Return successive r-length permutations of elements in the iterable."""
    pool = tuple(iterable)
    n = len(pool)
    if r is None:
        r = n
    elif not isinstance(r, int):
        raise TypeError("Expected int as r")
    elif r < 0:
        raise ValueError("r must be non-negative")
    return _permutations_gen(pool, n, r)


def _permutations_gen(pool, n, r):
    if r > n:
        return
    indices = list(range(n))
    cycles = list(range(n, n - r, -1))
    yield tuple([pool[i] for i in indices[:r]])
    while n:
        i = r - 1
        found = False
        while i >= 0:
            cycles[i] -= 1
            if cycles[i] == 0:
                indices[i:] = indices[i + 1:] + indices[i:i + 1]
                cycles[i] = n - i
            else:
                j = cycles[i]
                indices[i], indices[-j] = indices[-j], indices[i]
                yield tuple([pool[k] for k in indices[:r]])
                found = True
                break
            i -= 1
        if not found:
            return


def combinations(iterable, r):
    """Return successive r-length combinations of elements in the iterable."""
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    return _combinations_gen(pool, r)


def _combinations_gen(pool, r):
    n = len(pool)
    if r > n:
        return
    indices = list(range(r))
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0:
            if indices[i] != i + n - r:
                break
            i -= 1
        if i < 0:
            return
        indices[i] += 1
        for j in range(i + 1, r):
            indices[j] = indices[j - 1] + 1
        yield tuple([pool[k] for k in indices])


def combinations_with_replacement(iterable, r):
    """Return successive r-length combinations of elements in the iterable
    allowing individual elements to have successive repeats."""
    if not isinstance(r, int):
        raise TypeError("'%s' object cannot be interpreted as an integer"
                        % type(r).__name__)
    if r < 0:
        raise ValueError("r must be non-negative")
    pool = tuple(iterable)
    return _cwr_gen(pool, r)


def _cwr_gen(pool, r):
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple([pool[i] for i in indices])
    while True:
        i = r - 1
        while i >= 0:
            if indices[i] != n - 1:
                break
            i -= 1
        if i < 0:
            return
        value = indices[i] + 1
        for j in range(i, r):
            indices[j] = value
        yield tuple([pool[k] for k in indices])
