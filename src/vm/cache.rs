//! The class attribute cache: a per-thread, direct-mapped table of recent
//! `(class, name) -> attribute found along the MRO` lookups, absent results
//! included (an instance attribute such as `self.x` is first looked for, and
//! not found, on the class).
//!
//! An entry is valid while the global type version (see
//! [`super::object::TYPE_VERSION`]) equals the one it was filled under; any
//! change to any class namespace bumps it. The table belongs to one thread's
//! `Vm`, so reading it takes no lock in either build.

use super::object::{type_version, ClassRef};
use super::sync::Shared;
use super::value::{Str, Value};
use super::Vm;
use std::cell::RefCell;

const SIZE: usize = 1024;

#[derive(Default)]
struct Entry {
    version: u64,
    /// Holding the class keeps its address from being reused while cached.
    class: Option<ClassRef>,
    name: Option<Str>,
    value: Option<Value>,
    /// Where `name` was last found in the `__dict__` of an instance of
    /// `class` (`u32::MAX`: unknown). Only a hint: the reader checks the key
    /// at that position, so a stale hint costs a hash lookup, never a wrong value.
    hint: u32,
}

pub struct AttrCache {
    entries: RefCell<Box<[Entry]>>,
}

/// Tables of finished threads, reused by new ones: starting a thread then
/// costs no allocation and no clearing. Entries stay valid across threads
/// (they are checked against the global type version on every use).
static SPARE: parking_lot::Mutex<Vec<Box<[Entry]>>> = parking_lot::Mutex::new(Vec::new());

impl Default for AttrCache {
    fn default() -> Self {
        let table = SPARE.lock().pop();
        AttrCache {
            entries: RefCell::new(
                table.unwrap_or_else(|| (0..SIZE).map(|_| Entry::default()).collect()),
            ),
        }
    }
}

impl Drop for AttrCache {
    fn drop(&mut self) {
        let table = std::mem::take(self.entries.get_mut());
        if table.len() == SIZE {
            let mut spare = SPARE.lock();
            if spare.len() < 64 {
                spare.push(table);
            }
        }
    }
}

#[inline(always)]
fn slot(cls: &ClassRef, name: &str) -> usize {
    let c = Shared::as_ptr(cls) as usize;
    let n = name.as_ptr() as usize;
    ((c >> 4) ^ (n >> 3).wrapping_mul(0x9E37_79B9) ^ name.len()) & (SIZE - 1)
}

impl Vm {
    /// `cls.lookup(name)` through the attribute cache.
    #[inline]
    pub fn class_lookup(&self, cls: &ClassRef, name: &Str) -> Option<Value> {
        self.cached_lookup(cls, name.as_str(), || cls.lookup(name), || name.clone())
            .0
    }

    /// `class_lookup`, plus the instance dict position hint for `name`.
    #[inline]
    pub fn class_lookup_hinted(&self, cls: &ClassRef, name: &Str) -> (Option<Value>, u32) {
        self.cached_lookup(cls, name.as_str(), || cls.lookup(name), || name.clone())
    }

    /// Remembers that `name` sits at `pos` in an instance dict of `cls`.
    #[inline]
    pub fn set_instance_hint(&self, cls: &ClassRef, name: &Str, pos: usize) {
        let i = slot(cls, name.as_str());
        let mut entries = self.attr_cache.entries.borrow_mut();
        let e = &mut entries[i];
        if e.class.as_ref().is_some_and(|c| Shared::ptr_eq(c, cls))
            && e.name.as_ref().is_some_and(|n| Shared::ptr_eq(n, name))
        {
            e.hint = u32::try_from(pos).unwrap_or(u32::MAX);
        }
    }

    /// `cls.lookup_str(name)` through the attribute cache.
    #[inline]
    pub fn class_lookup_str(&self, cls: &ClassRef, name: &str) -> Option<Value> {
        self.cached_lookup(
            cls,
            name,
            || cls.lookup_str(name),
            || Shared::new(super::value::PyStr::new(name)),
        )
        .0
    }

    #[inline(always)]
    fn cached_lookup(
        &self,
        cls: &ClassRef,
        name: &str,
        miss: impl FnOnce() -> Option<Value>,
        key: impl FnOnce() -> Str,
    ) -> (Option<Value>, u32) {
        let version = type_version();
        let i = slot(cls, name);
        {
            let entries = self.attr_cache.entries.borrow();
            let e = &entries[i];
            if e.version == version
                && e.class.as_ref().is_some_and(|c| Shared::ptr_eq(c, cls))
                && e.name.as_ref().is_some_and(|n| {
                    let k = n.as_str();
                    // Same bytes (the entry keeps them alive), or equal text.
                    (k.as_ptr() == name.as_ptr() && k.len() == name.len()) || k == name
                })
            {
                return (e.value.clone(), e.hint);
            }
        }
        let value = miss();
        // Filled under the version read before the lookup: if the namespace
        // changed meanwhile, the entry is simply stale from the start.
        let mut entries = self.attr_cache.entries.borrow_mut();
        let e = &mut entries[i];
        e.version = version;
        e.class = Some(cls.clone());
        e.name = Some(key());
        e.value = value.clone();
        e.hint = u32::MAX;
        (value, u32::MAX)
    }
}
