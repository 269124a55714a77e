# A model of CPython 3.11's set table as observed from outside (iteration
# order), checked against real sets by random.py. The Rust code in
# src/vm/settable.rs follows the same rules.

EMPTY = None
DUMMY = "<dummy>"
M64 = (1 << 64) - 1


class S:
    def __init__(self, frozen=False):
        self.t = [EMPTY] * 8
        self.fill = 0
        self.used = 0
        self.finger = 0
        self.frozen = frozen

    @property
    def mask(self):
        return len(self.t) - 1

    def probe(self, h):
        mask = self.mask
        u = h & M64
        i = u & mask
        perturb = u
        while True:
            n = 9 if i + 9 <= mask else 0
            for j in range(i, i + n + 1):
                yield j
            perturb >>= 5
            i = (i * 5 + 1 + perturb) & mask

    def find(self, k):
        h = hash(k)
        for j in self.probe(h):
            e = self.t[j]
            if e is EMPTY:
                return None
            if e is not DUMMY and e[0] == h and e[1] == k:
                return j

    def __iter__(self):
        return (e[1] for e in self.t if e is not EMPTY and e is not DUMMY)

    def entries(self):
        return [e for e in self.t if e is not EMPTY and e is not DUMMY]

    def add_entry(self, h, k):
        free = None
        for j in self.probe(h):
            e = self.t[j]
            if e is EMPTY:
                break
            if e is DUMMY:
                free = j
            elif e[0] == h and e[1] == k:
                return
        if free is not None:
            self.t[free] = (h, k)
            self.used += 1
            return
        self.t[j] = (h, k)
        self.fill += 1
        self.used += 1
        if self.fill * 5 >= self.mask * 3:
            self.resize(self.used * 2 if self.used > 50000 else self.used * 4)

    def add(self, k):
        self.add_entry(hash(k), k)

    def insert_clean(self, h, k):
        for j in self.probe(h):
            if self.t[j] is EMPTY:
                self.t[j] = (h, k)
                return

    def resize(self, minused):
        n = 8
        while n <= minused:
            n <<= 1
        old = self.entries()
        self.t = [EMPTY] * n
        self.fill = self.used = len(old)
        for h, k in old:
            self.insert_clean(h, k)

    def discard(self, k):
        j = self.find(k)
        if j is None:
            return False
        self.t[j] = DUMMY
        self.used -= 1
        return True

    def pop(self):
        if self.used == 0:
            raise KeyError
        j = self.finger & self.mask
        while self.t[j] is EMPTY or self.t[j] is DUMMY:
            j = (j + 1) & self.mask
        k = self.t[j][1]
        self.t[j] = DUMMY
        self.used -= 1
        self.finger = j + 1
        return k

    def clear(self):
        self.t = [EMPTY] * 8
        self.fill = self.used = 0

    def merge(self, o):
        if o is self or o.used == 0:
            return
        if (self.fill + o.used) * 5 >= self.mask * 3:
            self.resize((self.used + o.used) * 2)
        if self.fill == 0 and self.mask == o.mask and o.fill == o.used:
            self.t = list(o.t)
            self.fill, self.used = o.fill, o.used
            return
        if self.fill == 0:
            self.fill = self.used = o.used
            for h, k in o.entries():
                self.insert_clean(h, k)
            return
        for h, k in o.entries():
            self.add_entry(h, k)

    def update(self, other):
        if isinstance(other, S):
            self.merge(other)
        elif isinstance(other, dict):
            if (self.fill + len(other)) * 5 >= self.mask * 3:
                self.resize((self.used + len(other)) * 2)
            for k in other:
                self.add(k)
        else:
            for k in other:
                self.add(k)

    def copy(self):
        r = S(self.frozen)
        r.merge(self)
        return r

    def contains(self, k):
        return self.find(k) is not None

    def union(self, *others):
        r = self.copy()
        for o in others:
            if o is self:
                continue
            r.update(o)
        return r

    def intersection1(self, other):
        if other is self:
            return self.copy()
        r = S(self.frozen)
        if isinstance(other, S):
            a, b = self, other
            if b.used > a.used:
                a, b = b, a
            for h, k in b.entries():
                if a.contains(k):
                    r.add_entry(h, k)
        else:
            for k in other:
                if self.contains(k):
                    r.add(k)
        return r

    def intersection(self, *others):
        r = self
        if not others:
            return self.copy()
        for o in others:
            r = r.intersection1(o)
        return r

    def swap_from(self, r):
        self.t, self.fill, self.used = r.t, r.fill, r.used

    def intersection_update(self, *others):
        r = self.intersection(*others)
        self.swap_from(r)

    def difference_update1(self, other):
        if other is self:
            self.clear()
            return
        for k in (other.entries() if isinstance(other, S) else other):
            if isinstance(other, S):
                k = k[1]
            self.discard(k)
        if self.fill - self.used <= self.mask // 4:
            return
        self.resize(self.used * 2 if self.used > 50000 else self.used * 4)

    def difference1(self, other):
        if isinstance(other, (S, dict)):
            osize = other.used if isinstance(other, S) else len(other)
        else:
            r = self.copy()
            r.difference_update1(other)
            return r
        if (self.used >> 2) > osize:
            r = self.copy()
            r.difference_update1(other)
            return r
        r = S(self.frozen)
        for h, k in self.entries():
            if not (other.contains(k) if isinstance(other, S) else k in other):
                r.add_entry(h, k)
        return r

    def difference(self, *others):
        if not others:
            return self.copy()
        r = self.difference1(others[0])
        for o in others[1:]:
            r.difference_update1(o)
        return r

    def difference_update(self, *others):
        for o in others:
            self.difference_update1(o)

    def symmetric_difference_update(self, other):
        if other is self:
            self.clear()
            return
        if isinstance(other, dict):
            for k in other:
                if not self.discard(k):
                    self.add(k)
            return
        if not isinstance(other, S):
            o = S()
            o.update(other)
            other = o
        for h, k in other.entries():
            if not self.discard(k):
                self.add_entry(h, k)

    def symmetric_difference(self, other):
        r = S(self.frozen)
        r.update(other)
        r.symmetric_difference_update(self)
        return r
