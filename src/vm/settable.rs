//! The storage of `set` and `frozenset`: a [`DictMap`] for lookups plus an
//! open-addressing slot table laid out as CPython's set table is, so that
//! iteration, `repr` and `pop()` give CPython's order (the order of slots
//! in that table, which follows from the hashes and the history of adds,
//! removals and resizes).
//!
//! The slot table holds positions in the `DictMap`; a removal leaves a
//! dummy slot, as CPython does, and a hole in the map, squeezed out once
//! the holes outnumber the table's slots.

use super::dict::{DictMap, Entry};
use super::value::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SLOTS: usize = 8;
const LINEAR_PROBES: usize = 9;

#[derive(Clone, Default)]
pub struct SetMap {
    map: DictMap,
    /// Empty means the 8 empty slots of a new set (saves the allocation).
    slots: Vec<u32>,
    /// Slots ever filled since the last rebuild (live plus dummies).
    fill: usize,
    /// Where `pop()` starts looking.
    finger: usize,
}

impl std::ops::Deref for SetMap {
    type Target = DictMap;
    fn deref(&self) -> &DictMap {
        &self.map
    }
}

/// The slots an item with this hash visits, in order: from a start slot, a
/// run of up to nine following slots when they fit in the table, then a
/// jump from the start mixed with the hash's higher bits.
struct Probe {
    mask: usize,
    start: usize,
    /// The next slot of the current run, and its last.
    at: usize,
    end: usize,
    perturb: u64,
}

impl Probe {
    #[inline]
    fn new(hash: i64, mask: usize) -> Probe {
        let u = hash as u64;
        let mut p = Probe {
            mask,
            start: 0,
            at: 0,
            end: 0,
            perturb: u,
        };
        p.begin((u as usize) & mask);
        p
    }

    #[inline]
    fn begin(&mut self, start: usize) {
        self.start = start;
        self.at = start;
        self.end = if start + LINEAR_PROBES <= self.mask {
            start + LINEAR_PROBES
        } else {
            start
        };
    }
}

impl Iterator for Probe {
    type Item = usize;
    #[inline]
    fn next(&mut self) -> Option<usize> {
        let j = self.at;
        if j < self.end {
            self.at += 1;
        } else {
            self.perturb >>= 5;
            let next = self
                .start
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(self.perturb as usize)
                & self.mask;
            self.begin(next);
        }
        Some(j)
    }
}

/// Puts `pos` in the first empty slot on `hash`'s path (no dummies there).
fn insert_clean(slots: &mut [u32], hash: i64, pos: u32) {
    let mask = slots.len() - 1;
    for j in Probe::new(hash, mask) {
        if slots[j] == EMPTY {
            slots[j] = pos;
            return;
        }
    }
}

impl SetMap {
    pub fn new() -> SetMap {
        SetMap::default()
    }

    #[inline]
    fn mask(&self) -> usize {
        self.slots.len().max(MIN_SLOTS) - 1
    }

    fn table(&mut self) -> &mut Vec<u32> {
        if self.slots.is_empty() {
            self.slots = vec![EMPTY; MIN_SLOTS];
        }
        &mut self.slots
    }

    /// The live entry in table slot `j`.
    #[inline]
    fn live(&self, j: usize) -> Option<&Entry> {
        match self.slots.get(j) {
            Some(&p) if p < DUMMY => self.map.entry(p as usize),
            _ => None,
        }
    }

    /// Number of table slots; `at_slot(0..table_len())` walks the set in
    /// iteration order.
    pub fn table_len(&self) -> usize {
        self.slots.len()
    }

    pub fn at_slot(&self, j: usize) -> Option<&Entry> {
        self.live(j)
    }

    /// Live entries in iteration order.
    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        (0..self.slots.len()).filter_map(|j| self.live(j))
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries().map(|e| (&e.key, &e.value))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().map(|e| e.key.clone()).collect()
    }

    /// (hash, key) pairs in iteration order.
    pub fn hashed(&self) -> Vec<(i64, Value)> {
        self.entries().map(|e| (e.hash, e.key.clone())).collect()
    }

    /// Adds a key known to be absent: it takes the last dummy slot passed on
    /// its path to an empty slot, or else that empty slot; the table grows
    /// when three fifths of it have been filled.
    pub fn push_new(&mut self, hash: i64, key: Value) {
        if self.map.slots() >= 2 * self.slots.len().max(MIN_SLOTS) {
            self.compact();
        }
        let pos = self.map.slots() as u32;
        self.map.push_new(hash, key, Value::None);
        let mask = self.mask();
        let slots = self.table();
        let mut free = None;
        let mut empty = 0;
        for j in Probe::new(hash, mask) {
            match slots[j] {
                EMPTY => {
                    empty = j;
                    break;
                }
                DUMMY => free = Some(j),
                _ => {}
            }
        }
        if let Some(j) = free {
            slots[j] = pos;
            return;
        }
        slots[empty] = pos;
        self.fill += 1;
        if self.fill * 5 >= mask * 3 {
            let used = self.map.len();
            self.resize(if used > 50_000 { used * 2 } else { used * 4 });
        }
    }

    /// Rebuilds the table with more than `minused` slots (a power of two),
    /// re-adding the live entries in their current order. The map stays
    /// as it is: its holes are squeezed out by `compact` when they pile up.
    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SLOTS;
        while size <= minused {
            size <<= 1;
        }
        let mut slots = vec![EMPTY; size];
        for &p in &self.slots {
            if let Some(e) = (p < DUMMY).then(|| self.map.entry(p as usize)).flatten() {
                insert_clean(&mut slots, e.hash, p);
            }
        }
        self.fill = self.map.len();
        self.slots = slots;
    }

    /// Squeezes the map's holes out without moving any slot.
    fn compact(&mut self) {
        let version = self.map.keys_version.wrapping_add(1);
        let mut map = DictMap::with_capacity(self.map.len());
        let mut old = std::mem::take(&mut self.map).into_slots();
        for slot in self.slots.iter_mut() {
            if let Some(e) = old.get_mut(*slot as usize).and_then(Option::take) {
                *slot = map.slots() as u32;
                map.push_new(e.hash, e.key, e.value);
            }
        }
        map.keys_version = version;
        self.map = map;
    }

    /// Removes the entry at map position `i`, leaving a dummy slot.
    pub fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let hash = self.map.entry(i)?.hash;
        let mask = self.mask();
        let slots = self.table();
        for j in Probe::new(hash, mask) {
            if slots[j] == i as u32 {
                slots[j] = DUMMY;
                break;
            }
            if slots[j] == EMPTY {
                break;
            }
        }
        self.map.remove_keep(i)
    }

    /// `set.pop()`: the first live slot from the finger on, wrapping.
    pub fn pop(&mut self) -> Option<Value> {
        if self.map.is_empty() {
            return None;
        }
        let mask = self.mask();
        let mut j = self.finger & mask;
        while self.live(j).is_none() {
            j = (j + 1) & mask;
        }
        let pos = self.slots[j] as usize;
        self.slots[j] = DUMMY;
        self.finger = j + 1;
        self.map.remove_keep(pos).map(|e| e.key)
    }

    /// Empties the set (the finger stays where it was).
    pub fn clear(&mut self) {
        let v = self.map.keys_version.wrapping_add(1);
        self.map = DictMap::new();
        self.map.keys_version = v;
        self.slots = Vec::new();
        self.fill = 0;
    }

    /// After `std::mem::take` of a set's storage (to drop the keys outside
    /// its lock): `clear()` keeps the finger.
    pub fn keep_finger(&mut self, old: &SetMap) {
        self.finger = old.finger;
        self.map.keys_version = old.map.keys_version.wrapping_add(1);
    }

    /// Slots filled since the last rebuild, live or dummy.
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// Grows the table ahead of `extra` more keys, as a merge or an update
    /// from a dict does before it adds them.
    pub fn reserve_for(&mut self, extra: usize) {
        if (self.fill + extra) * 5 >= self.mask() * 3 {
            self.resize((self.map.len() + extra) * 2);
        }
    }

    /// Copies `other` into this set, which must be empty (fill 0): the same
    /// slots when the tables are the same size and `other` has no dummies,
    /// else each key in `other`'s order into the first free slot.
    pub fn copy_from(&mut self, other: &SetMap) {
        debug_assert_eq!(self.fill, 0);
        if other.map.is_empty() {
            return;
        }
        self.reserve_for(other.map.len());
        if self.mask() == other.mask() && other.fill == other.map.len() {
            let finger = self.finger;
            let v = self.map.keys_version.wrapping_add(1);
            *self = other.clone();
            self.finger = finger;
            self.map.keys_version = v;
            if other.map.slots() != other.map.len() {
                self.compact();
            }
            return;
        }
        let mask = self.mask();
        let mut slots = std::mem::take(self.table());
        let mut map = DictMap::with_capacity(other.map.len());
        for e in other.entries() {
            insert_clean(&mut slots, e.hash, map.slots() as u32);
            map.push_new(e.hash, e.key.clone(), e.value.clone());
        }
        debug_assert_eq!(slots.len(), mask + 1);
        map.keys_version = self.map.keys_version.wrapping_add(1);
        self.fill = map.len();
        self.map = map;
        self.slots = slots;
    }

    /// A new set holding `other`'s keys (`set(s)`, `s.copy()`).
    pub fn copied(other: &SetMap) -> SetMap {
        let mut s = SetMap::new();
        s.copy_from(other);
        s
    }

    /// Takes `other`'s table as its own (the finger stays).
    pub fn take_body(&mut self, other: SetMap) {
        let finger = self.finger;
        let v = self.map.keys_version.wrapping_add(1);
        *self = other;
        self.finger = finger;
        self.map.keys_version = v;
    }

    /// After many removals: rebuild when over a quarter of the slots are
    /// dummies (as `difference_update` does).
    pub fn shed_dummies(&mut self) {
        if self.fill - self.map.len() <= self.mask() / 4 {
            return;
        }
        let used = self.map.len();
        self.resize(if used > 50_000 { used * 2 } else { used * 4 });
    }
}
