//! An insertion-ordered hash map from `Value` to `Value`, the storage behind
//! `dict`, `set`, instance and class namespaces and module globals.
//!
//! Like CPython's compact dict: entries sit in a vector in insertion order, an
//! index table maps hashes to positions, and deletion leaves a hole that a
//! later compaction squeezes out. Equality that needs Python code (`__eq__`
//! of instances) is resolved by the VM outside any borrow of the map: see
//! [`DictMap::lookup`].

use super::value::{Str, Value};
use hashbrown::HashTable;

#[derive(Clone)]
pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Up to this many slots, a lookup scans the entries and there is no index
/// table at all: most dicts (instance namespaces, keyword arguments, small
/// records) stay this small, and save the table's allocation and upkeep.
const SMALL: usize = 8;

#[derive(Clone, Default)]
pub struct DictMap {
    /// Empty while `entries.len() <= SMALL`; then it indexes every live entry.
    table: HashTable<usize>,
    entries: Vec<Option<Entry>>,
    len: usize,
    /// Changes whenever a key is added or removed (not when a value is
    /// replaced), so a cached entry position stays valid while it is equal.
    pub keys_version: u32,
}

/// The outcome of a lookup that may need Python-level `__eq__`.
pub enum Lookup {
    Found(usize),
    Missing,
    /// Entries with the same hash whose equality only Python code can decide,
    /// as (position, key); the caller compares them and re-checks the slot.
    Ask(Vec<(usize, Value)>),
}

/// Equality decided without running Python code; `None` when `__eq__` of an
/// instance might be involved.
pub fn native_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    if a.is(b) {
        return Some(true);
    }
    Some(match (a, b) {
        (Str(x), Str(y)) => x.hash() == y.hash() && x.s == y.s,
        (Int(x), Int(y)) => x == y,
        (Bytes(x), Bytes(y)) => x.data == y.data,
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (Native(n), _) | (_, Native(n)) if matches!(&**n, super::object::Native::Object { .. }) => {
            return Option::None
        }
        (Bytes(_) | Native(_), Bytes(_) | Native(_))
            if super::bytes::is_bytes_like(a) && super::bytes::is_bytes_like(b) =>
        {
            super::bytes::bytes_like(a) == super::bytes::bytes_like(b)
        }
        (Tuple(x), Tuple(y)) => {
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !native_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Set(x), Set(y)) => {
            // One guard at a time: the two may be the same object.
            let mx = x.map.lock().clone();
            let my = y.map.lock().clone();
            if mx.len() != my.len() {
                return Some(false);
            }
            for e in mx.entries() {
                match my.lookup(e.hash, &e.key) {
                    Lookup::Found(_) => {}
                    Lookup::Missing => return Some(false),
                    Lookup::Ask(_) => return Option::None,
                }
            }
            true
        }
        _ => match (num(a), num(b)) {
            (Some(x), Some(y)) => return numeric_eq(&x, &y),
            _ => super::complex::num_eq(a, b).unwrap_or(false),
        },
    })
}

enum Num<'a> {
    I(i64),
    F(f64),
    B(&'a num_bigint::BigInt),
}

fn num(v: &Value) -> Option<Num<'_>> {
    match v {
        Value::Bool(b) => Some(Num::I(*b as i64)),
        Value::Int(i) => Some(Num::I(*i)),
        Value::Float(f) => Some(Num::F(*f)),
        Value::BigInt(b) => Some(Num::B(b)),
        _ => None,
    }
}

fn numeric_eq(a: &Num, b: &Num) -> Option<bool> {
    Some(match (a, b) {
        (Num::I(x), Num::I(y)) => x == y,
        (Num::F(x), Num::F(y)) => x == y,
        (Num::I(x), Num::F(y)) | (Num::F(y), Num::I(x)) => {
            (*x as f64) == *y && (*y as i128) == (*x as i128)
        }
        (Num::B(x), Num::B(y)) => x == y,
        (Num::B(_), Num::I(_)) | (Num::I(_), Num::B(_)) => false,
        (Num::B(x), Num::F(y)) | (Num::F(y), Num::B(x)) => {
            use num_traits::FromPrimitive;
            y.is_finite()
                && y.fract() == 0.0
                && num_bigint::BigInt::from_f64(*y).as_ref() == Some(*x)
        }
    })
}

impl DictMap {
    pub fn new() -> DictMap {
        DictMap::default()
    }

    pub fn with_capacity(n: usize) -> DictMap {
        DictMap {
            table: if n > SMALL {
                HashTable::with_capacity(n)
            } else {
                HashTable::new()
            },
            entries: Vec::with_capacity(n),
            len: 0,
            keys_version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The position of the live entry with this hash that `eq` accepts.
    #[inline]
    fn find(&self, hash: i64, mut eq: impl FnMut(usize, &Entry) -> bool) -> Option<usize> {
        let entries = &self.entries;
        if entries.len() <= SMALL {
            return entries.iter().enumerate().find_map(|(i, e)| match e {
                Some(e) if e.hash == hash && eq(i, e) => Some(i),
                _ => None,
            });
        }
        self.table
            .find(hash as u64, |&i| {
                let e = entries[i].as_ref().expect("table points at a live entry");
                e.hash == hash && eq(i, e)
            })
            .copied()
    }

    /// Finds `key` by native equality, or says which entries need `__eq__`.
    pub fn lookup(&self, hash: i64, key: &Value) -> Lookup {
        let mut ask = Vec::new();
        let found = self.find(hash, |i, e| match native_eq(&e.key, key) {
            Some(eq) => eq,
            None => {
                ask.push((i, e.key.clone()));
                false
            }
        });
        match found {
            Some(i) => Lookup::Found(i),
            None if ask.is_empty() => Lookup::Missing,
            None => Lookup::Ask(ask),
        }
    }

    /// Lookup for a string key (attribute and global names): never needs Python.
    #[inline]
    pub fn get_str(&self, key: &Str) -> Option<&Value> {
        let i = self.str_index(key)?;
        self.entries[i].as_ref().map(|e| &e.value)
    }

    /// Position of an interned-string key.
    pub fn str_index(&self, key: &Str) -> Option<usize> {
        let hash = key.hash() as i64;
        self.find(hash, |_, e| {
            matches!(&e.key, Value::Str(s) if super::sync::Shared::ptr_eq(s, key) || s.s == key.s)
        })
    }

    pub fn get_str_index(&self, key: &str) -> Option<usize> {
        let hash = super::value::str_hash(key) as i64;
        self.find(hash, |_, e| matches!(&e.key, Value::Str(s) if &*s.s == key))
    }

    pub fn get_by_str(&self, key: &str) -> Option<&Value> {
        self.get_str_index(key)
            .map(|i| &self.entries[i].as_ref().expect("live entry").value)
    }

    /// The value at position `i` if its key is the string `name` (a cache check).
    #[inline]
    pub fn value_if_key(&self, i: usize, name: &Str) -> Option<&Value> {
        match self.entries.get(i) {
            Some(Some(e)) => match &e.key {
                Value::Str(s) if super::sync::Shared::ptr_eq(s, name) || s.s == name.s => {
                    Some(&e.value)
                }
                _ => None,
            },
            _ => None,
        }
    }

    /// Mutable access to the value at position `i` if its key is the string
    /// `name` (a cache check).
    #[inline]
    pub fn value_if_key_mut(&mut self, i: usize, name: &Str) -> Option<&mut Value> {
        match self.entries.get_mut(i) {
            Some(Some(e)) => match &e.key {
                Value::Str(s) if super::sync::Shared::ptr_eq(s, name) || s.s == name.s => {
                    Some(&mut e.value)
                }
                _ => None,
            },
            _ => None,
        }
    }

    pub fn entry(&self, i: usize) -> Option<&Entry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    pub fn value_at_mut(&mut self, i: usize) -> &mut Value {
        &mut self.entries[i].as_mut().expect("live entry").value
    }

    /// Number of slots (live or not): iterators walk `0..slots()`.
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// Appends a key known to be absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let idx = self.entries.len();
        self.keys_version = self.keys_version.wrapping_add(1);
        self.entries.push(Some(Entry { hash, key, value }));
        self.len += 1;
        if idx < SMALL {
            return;
        }
        let entries = &self.entries;
        let rehash = |&i: &usize| entries[i].as_ref().expect("live entry").hash as u64;
        if idx == SMALL {
            // Outgrew the scan: index every live entry.
            for (i, e) in entries.iter().enumerate() {
                if let Some(e) = e {
                    self.table.insert_unique(e.hash as u64, i, rehash);
                }
            }
        } else {
            self.table.insert_unique(hash as u64, idx, rehash);
        }
    }

    /// Inserts or replaces, for keys whose equality is native (str, int, ...).
    /// Returns the old value. Keys needing `__eq__` go through the VM.
    pub fn insert_native(&mut self, hash: i64, key: Value, value: Value) -> Option<Value> {
        match self.lookup(hash, &key) {
            Lookup::Found(i) => Some(std::mem::replace(self.value_at_mut(i), value)),
            _ => {
                self.push_new(hash, key, value);
                None
            }
        }
    }

    pub fn set_str(&mut self, key: &Str, value: Value) -> Option<Value> {
        let hash = key.hash() as i64;
        self.insert_native(hash, Value::Str(key.clone()), value)
    }

    pub fn set_by_str(&mut self, key: &str, value: Value) -> Option<Value> {
        let k = super::sync::Shared::new(super::value::PyStr::new(key));
        self.set_str(&k, value)
    }

    /// Removes the entry at position `i`, returning it.
    pub fn remove_at(&mut self, i: usize) -> Option<Entry> {
        let e = self.remove_keep(i)?;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(e)
    }

    /// Removes the entry at position `i`, leaving the other positions as
    /// they are (a set's slot table points at them).
    pub fn remove_keep(&mut self, i: usize) -> Option<Entry> {
        let e = self.entries.get_mut(i)?.take()?;
        self.keys_version = self.keys_version.wrapping_add(1);
        if self.entries.len() > SMALL {
            if let Ok(occ) = self.table.find_entry(e.hash as u64, |&j| j == i) {
                occ.remove();
            }
        }
        self.len -= 1;
        Some(e)
    }

    pub fn remove_str(&mut self, key: &str) -> Option<Value> {
        let i = self.get_str_index(key)?;
        self.remove_at(i).map(|e| e.value)
    }

    fn compact(&mut self) {
        let entries: Vec<Entry> = self.entries.drain(..).flatten().collect();
        self.table.clear();
        self.len = 0;
        for e in entries {
            self.push_new(e.hash, e.key, e.value);
        }
    }

    pub fn clear(&mut self) {
        self.keys_version = self.keys_version.wrapping_add(1);
        self.table.clear();
        self.entries.clear();
        self.len = 0;
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|e| (&e.key, &e.value))
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.iter().flatten()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(k, _)| k.clone()).collect()
    }

    /// The value for a string key, inserting `make()` first if absent.
    pub fn entry_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> Value) -> Value {
        if let Some(v) = self.get_by_str(key) {
            return v.clone();
        }
        let v = make();
        self.set_by_str(key, v.clone());
        v
    }

    /// A snapshot of the entries (to iterate while calling back into Python).
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|(_, v)| v.clone()).collect()
    }

    /// Removes and returns the last entry (`dict.popitem`, `set.pop`).
    pub fn pop_last(&mut self) -> Option<Entry> {
        let i = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(i)
    }

    /// The entries by position, holes included (a set rebuilding its table).
    pub fn into_slots(self) -> Vec<Option<Entry>> {
        self.entries
    }

    pub fn first_index(&self) -> Option<usize> {
        self.entries.iter().position(|e| e.is_some())
    }
}
