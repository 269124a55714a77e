//! The class attribute cache: a per-thread, direct-mapped table of recent
//! `(class, name) -> attribute found along the MRO` lookups, absent results
//! included (an instance attribute such as `self.x` is first looked for, and
//! not found, on the class).
//!
//! An entry is valid while the global type version (see
//! [`super::object::TYPE_VERSION`]) equals the one it was filled under; any
//! change to any class namespace bumps it. The table belongs to one thread's
//! `Vm`, so reading it takes no lock in either build.

use super::object::{type_version, ClassRef, NativeFn};
use super::sync::Shared;
use super::value::{Str, Value};
use super::Vm;
use std::cell::RefCell;
use std::sync::atomic::{fence, AtomicU64, AtomicUsize, Ordering};

/// Entries of the main thread's table, and of every other thread's: most
/// threads run a few functions, and each table costs 48 bytes an entry
/// (a server with 1,000 threads would spend 48 MB on 1,024-entry tables).
const MAIN_SIZE: usize = 1024;
const THREAD_SIZE: usize = 256;

#[derive(Default)]
struct Entry {
    version: u64,
    /// The class's address (0: none). Not a reference, which would keep
    /// classes made and dropped in a loop alive: an address is only reused
    /// by a class created later, and creating a class bumps the version.
    class: usize,
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
static SPARE: crate::vm::lock::Mutex<Vec<Box<[Entry]>>> = crate::vm::lock::Mutex::new(Vec::new());

/// Held across `fork()`, so that the child never finds it held.
pub(super) fn before_fork() -> impl Sized {
    SPARE.lock()
}

impl AttrCache {
    /// The table of a thread (`main`: the interpreter's main thread).
    pub fn for_thread(main: bool) -> Self {
        let size = if main { MAIN_SIZE } else { THREAD_SIZE };
        let table = if main { None } else { SPARE.lock().pop() };
        AttrCache {
            entries: RefCell::new(
                table.unwrap_or_else(|| (0..size).map(|_| Entry::default()).collect()),
            ),
        }
    }

    /// Forgets every entry: the values it holds (methods, whose globals
    /// may be an `exec`'d namespace) would otherwise look alive to a full
    /// collection.
    pub fn clear(&self) {
        let old: Vec<Option<Value>> = self
            .entries
            .borrow_mut()
            .iter_mut()
            .map(|e| {
                e.version = 0;
                e.class = 0;
                e.value.take()
            })
            .collect();
        drop(old);
    }
}

impl Drop for AttrCache {
    fn drop(&mut self) {
        let table = std::mem::take(self.entries.get_mut());
        if table.len() == THREAD_SIZE {
            let mut spare = SPARE.lock();
            if spare.len() < 64 {
                spare.push(table);
            }
        }
    }
}

#[inline(always)]
fn slot(cls: &ClassRef, name: &str, size: usize) -> usize {
    let c = Shared::as_ptr(cls) as usize;
    let n = name.as_ptr() as usize;
    ((c >> 4) ^ (n >> 3).wrapping_mul(0x9E37_79B9) ^ name.len()) & (size - 1)
}

/// The slot for a name object: names in code are interned, so the object's
/// address identifies the name without reading its text.
#[inline(always)]
fn slot_of(cls: &ClassRef, name: &Str, size: usize) -> usize {
    let c = Shared::as_ptr(cls) as usize;
    let n = Shared::as_ptr(name) as usize;
    ((c >> 4) ^ (n >> 4).wrapping_mul(0x9E37_79B9)) & (size - 1)
}

impl Vm {
    /// `cls.lookup(name)` through the attribute cache.
    #[inline]
    pub fn class_lookup(&self, cls: &ClassRef, name: &Str) -> Option<Value> {
        self.class_lookup_hinted(cls, name).0
    }

    /// `class_lookup`, plus the instance dict position hint for `name`.
    /// Kept out of line: inlined into the eval loop it slows the loop down.
    #[inline(never)]
    pub fn class_lookup_hinted(&self, cls: &ClassRef, name: &Str) -> (Option<Value>, u32) {
        self.with_entry(cls, name, |e| (e.value.clone(), e.hint))
    }

    /// The native function `cls.name` is, when it is a method of a built-in
    /// type taking `argc` arguments besides `self`: such a method can be
    /// called in place, without a bound method or a copy of its value.
    #[inline]
    pub fn native_method_of(&self, cls: &ClassRef, name: &Str, argc: usize) -> Option<NativeFn> {
        self.with_entry(cls, name, |e| match &e.value {
            Some(Value::Builtin(b)) if b.method && b.bound.is_none() && b.arity.accepts(argc) => {
                Some(b.func)
            }
            _ => None,
        })
    }

    /// `read` applied to the cache entry of `cls.name`, filled first if
    /// it is missing or stale.
    #[inline(always)]
    fn with_entry<R>(&self, cls: &ClassRef, name: &Str, read: impl Fn(&Entry) -> R) -> R {
        let version = type_version();
        let entries = self.attr_cache.entries.borrow();
        let i = slot_of(cls, name, entries.len());
        let e = &entries[i];
        if e.version == version
            && e.class == Shared::as_ptr(cls) as usize
            && e.name
                .as_ref()
                .is_some_and(|n| Shared::ptr_eq(n, name) || n.s == name.s)
        {
            return read(e);
        }
        drop(entries);
        self.fill_entry(i, version, cls, cls.lookup(name), name.clone());
        read(&self.attr_cache.entries.borrow()[i])
    }

    /// Remembers that `name` sits at `pos` in an instance dict of `cls`.
    #[inline]
    pub fn set_instance_hint(&self, cls: &ClassRef, name: &Str, pos: usize) {
        let mut entries = self.attr_cache.entries.borrow_mut();
        let i = slot_of(cls, name, entries.len());
        let e = &mut entries[i];
        if e.class == Shared::as_ptr(cls) as usize
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
        let i;
        {
            let entries = self.attr_cache.entries.borrow();
            i = slot(cls, name, entries.len());
            let e = &entries[i];
            if e.version == version
                && e.class == Shared::as_ptr(cls) as usize
                && e.name.as_ref().is_some_and(|n| {
                    let k = n.as_str();
                    // Same bytes (the entry keeps them alive), or equal text.
                    (k.as_ptr() == name.as_ptr() && k.len() == name.len()) || k == name
                })
            {
                return (e.value.clone(), e.hint);
            }
        }
        self.fill_entry(i, version, cls, miss(), key())
    }

    /// Fills slot `i` under the version read before the lookup: if the
    /// namespace changed meanwhile, the entry is simply stale from the start.
    #[inline(never)]
    fn fill_entry(
        &self,
        i: usize,
        version: u64,
        cls: &ClassRef,
        value: Option<Value>,
        name: Str,
    ) -> (Option<Value>, u32) {
        let mut entries = self.attr_cache.entries.borrow_mut();
        let e = &mut entries[i];
        e.version = version;
        e.class = Shared::as_ptr(cls) as usize;
        e.name = Some(name);
        e.value = value.clone();
        e.hint = u32::MAX;
        (value, u32::MAX)
    }
}

/// An inline cache for attribute access on instances, one per name of a code
/// object (for loads, and separately for stores). Each of its ways records one
/// fact: "under type version V, the class at address C has no data
/// descriptor of this name along its MRO (for stores: no descriptor at all
/// and no `__setattr__` of its own), and its instances keep the name at
/// position `hint` of their `__dict__`". While a fact holds, `obj.name` is a
/// position check in the instance dict. Four ways, because a method inherited
/// by a few subclasses sees instances of each.
///
/// A class address is only reused by a class created later, and creating a
/// class namespace bumps the version, so (C, V) names one class.
///
/// The words are published under a sequence lock, so that a reader in the
/// free-threaded build never mixes the fields of two fills.
#[derive(Default)]
pub struct AttrSite {
    seq: AtomicU64,
    ways: [Way; WAYS],
    /// The way the next new class replaces.
    next: AtomicUsize,
    /// Facts of live classes replaced; past a limit the site is megamorphic
    /// and stops recording, leaving such accesses to the class attribute cache.
    replaced: AtomicUsize,
}

#[derive(Default)]
struct Way {
    class: AtomicUsize,
    version: AtomicU64,
    hint: AtomicUsize,
}

const WAYS: usize = 4;
const MEGAMORPHIC: usize = 16;

impl AttrSite {
    /// Whether the site has given up recording (see `replaced`).
    #[inline]
    pub fn megamorphic(&self) -> bool {
        self.replaced.load(Ordering::Relaxed) >= MEGAMORPHIC
    }

    /// The recorded dict position, if a fact holds for `cls` now.
    #[inline(always)]
    pub fn hint(&self, cls: &ClassRef) -> Option<usize> {
        let class = Shared::as_ptr(cls) as usize;
        let version = type_version();
        let s1 = self.seq.load(Ordering::Acquire);
        let mut found = None;
        for w in &self.ways {
            if w.class.load(Ordering::Relaxed) == class
                && w.version.load(Ordering::Relaxed) == version
            {
                found = Some(w.hint.load(Ordering::Relaxed));
                break;
            }
        }
        fence(Ordering::Acquire);
        let s2 = self.seq.load(Ordering::Relaxed);
        if s1 == s2 && s1 & 1 == 0 {
            found
        } else {
            None
        }
    }

    /// Records the fact for `cls` as of `version` (read before the class
    /// lookup that established it). A concurrent writer wins; this one skips.
    #[cold]
    pub fn record(&self, cls: &ClassRef, version: u64, hint: usize) {
        if self.megamorphic() {
            return;
        }
        let class = Shared::as_ptr(cls) as usize;
        let s = self.seq.load(Ordering::Relaxed);
        if s & 1 != 0
            || self
                .seq
                .compare_exchange(s, s + 1, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return;
        }
        fence(Ordering::Release);
        // The class's own way, else a stale one, else the next in turn.
        let current = type_version();
        let way = self
            .ways
            .iter()
            .position(|w| w.class.load(Ordering::Relaxed) == class)
            .or_else(|| {
                self.ways
                    .iter()
                    .position(|w| w.version.load(Ordering::Relaxed) != current)
            })
            .unwrap_or_else(|| {
                self.replaced.fetch_add(1, Ordering::Relaxed);
                self.next.fetch_add(1, Ordering::Relaxed) % WAYS
            });
        let w = &self.ways[way];
        w.class.store(class, Ordering::Relaxed);
        w.version.store(version, Ordering::Relaxed);
        w.hint.store(hint, Ordering::Relaxed);
        self.seq.store(s + 2, Ordering::Release);
    }
}
