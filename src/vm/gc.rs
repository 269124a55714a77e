//! The cycle collector. Reference counting frees everything except groups
//! of objects that refer to each other; this finds such groups among the
//! containers and empties them, as CPython's `gc` does: generational,
//! started by allocation counts, callable as `gc.collect()`.
//!
//! Containers register as they are made, as weak references, so the
//! collector keeps nothing alive. A collection counts, for each object of
//! the generations it examines, the references it gets from the other
//! examined objects: an object with more references than that is held from
//! outside (a frame, a native structure, an older object), and so is
//! everything it reaches. What is left is garbage: the `__del__` methods
//! of its instances run once (PEP 442), then its containers are emptied,
//! which frees the whole group. An object whose state cannot be read at
//! that moment (in use) counts as held from outside: a collection may free
//! less than it could, never an object still in use.

use super::gilstats::Phase;
use super::introspect::{FrameInfo, TracebackInfo};
use super::lock::{Mutex, MutexGuard};
use super::object::{Function, Instance, Method, Native};
use super::sync::{PyCell, Shared, WeakShared};
use super::value::{PyDict, PyList, PySet, PyTuple, Value};
use super::Vm;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// A registered container.
pub enum Tracked {
    List(WeakShared<PyList>),
    Dict(WeakShared<PyDict>),
    Set(WeakShared<PySet>),
    Tuple(WeakShared<PyTuple>),
    Instance(WeakShared<Instance>),
    Func(WeakShared<Function>),
    Method(WeakShared<Method>),
    Cell(WeakShared<PyCell<Value>>),
    /// Generators (their suspended frames).
    Native(WeakShared<Native>),
    /// Classes made by Python code (their namespace holds functions whose
    /// globals, or `__class__` cell, hold the class).
    Class(WeakShared<super::object::Class>),
}

impl Tracked {
    fn is_alive(&self) -> bool {
        match self {
            Tracked::List(w) => w.is_alive(),
            Tracked::Dict(w) => w.is_alive(),
            Tracked::Set(w) => w.is_alive(),
            Tracked::Tuple(w) => w.is_alive(),
            Tracked::Instance(w) => w.is_alive(),
            Tracked::Func(w) => w.is_alive(),
            Tracked::Method(w) => w.is_alive(),
            Tracked::Cell(w) => w.is_alive(),
            Tracked::Native(w) => w.is_alive(),
            Tracked::Class(w) => w.is_alive(),
        }
    }

    fn upgrade(&self) -> Option<Value> {
        Some(match self {
            Tracked::List(w) => Value::List(w.upgrade()?),
            Tracked::Dict(w) => Value::Dict(w.upgrade()?),
            Tracked::Set(w) => Value::Set(w.upgrade()?),
            Tracked::Tuple(w) => Value::Tuple(w.upgrade()?),
            Tracked::Instance(w) => Value::Instance(w.upgrade()?),
            Tracked::Func(w) => Value::Func(w.upgrade()?),
            Tracked::Method(w) => Value::Method(w.upgrade()?),
            Tracked::Cell(w) => Value::native(Native::Cell(w.upgrade()?)),
            Tracked::Native(w) => Value::Native(w.upgrade()?),
            Tracked::Class(w) => Value::Class(w.upgrade()?),
        })
    }
}

/// Objects registered by this thread since its last hand-over. Most die
/// young (temporaries): each time the nursery fills, the dead are dropped
/// (which frees their memory while it is still in the cache) and only when
/// enough are alive does the batch go to the collector, under its lock.
struct Nursery(Vec<Tracked>);

/// Capacity of a thread's nursery.
const NURSERY_SIZE: usize = 64;
/// Survivors of a sweep above which the nursery is handed over.
const HAND_OVER_AT: usize = NURSERY_SIZE / 2;

impl Drop for Nursery {
    /// A finishing thread hands its last objects over.
    fn drop(&mut self) {
        if !self.0.is_empty() {
            hand_over(std::mem::take(&mut self.0));
        }
    }
}

thread_local! {
    static NURSERY: RefCell<Nursery> = const { RefCell::new(Nursery(Vec::new())) };
}

/// Per-generation counts for `gc.get_stats()`.
#[derive(Clone, Copy, Default)]
pub struct GenStats {
    pub collections: usize,
    pub collected: usize,
    pub uncollectable: usize,
}

struct State {
    gens: [Vec<Tracked>; 3],
    /// `gc.freeze()`: never examined again.
    permanent: Vec<Tracked>,
    /// Objects registered since the last collection of generation 0, then
    /// the collections of the generation below since each one's last.
    count: [usize; 3],
    threshold: [usize; 3],
    stats: [GenStats; 3],
    /// Objects moved into the oldest generation since its last collection,
    /// and its size then: it is collected again only once a quarter of it
    /// is new (as CPython), so a program with many long-lived objects does
    /// not pay for examining them all again and again.
    long_lived_pending: usize,
    long_lived_total: usize,
    /// Size of generation 0 after its last sweep without a collection.
    swept_len: usize,
    /// Where the next sweep of the oldest generation starts (see
    /// `sweep_oldest`).
    oldest_cursor: usize,
}

static STATE: Mutex<State> = Mutex::new(State {
    gens: [Vec::new(), Vec::new(), Vec::new()],
    permanent: Vec::new(),
    count: [0; 3],
    threshold: [700, 10, 10],
    stats: [GenStats {
        collections: 0,
        collected: 0,
        uncollectable: 0,
    }; 3],
    long_lived_pending: 0,
    long_lived_total: 0,
    swept_len: 0,
    oldest_cursor: 0,
});

/// Lets go of up to `n` entries' worth of dead objects in the oldest
/// generation, resuming where the last sweep stopped. A weak entry keeps
/// its object's memory after the object dies, and the oldest generation is
/// collected rarely: without these sweeps, objects that die old (a
/// server's per-connection state) would hold their memory until then.
/// Each younger collection sweeps as many entries as it may have examined,
/// so the cost is O(1) per allocation and every entry is looked at once per
/// pass over the generation.
fn sweep_oldest(st: &mut State, n: usize) {
    let oldest = &mut st.gens[2];
    let mut i = st.oldest_cursor;
    for _ in 0..n.min(oldest.len()) {
        if i >= oldest.len() {
            i = 0;
        }
        if oldest[i].is_alive() {
            i += 1;
        } else {
            oldest.swap_remove(i);
        }
    }
    st.oldest_cursor = i;
}

static ENABLED: AtomicBool = AtomicBool::new(true);
/// A collection is running (no other starts meanwhile).
static COLLECTING: AtomicBool = AtomicBool::new(false);
/// Threads running Python code (their `Vm`s). In the free-threaded build a
/// collection runs only while there is one: other threads would change the
/// objects while they are counted.
pub static LIVE_THREADS: AtomicUsize = AtomicUsize::new(0);

fn hand_over(batch: Vec<Tracked>) {
    let mut st = STATE.lock();
    st.count[0] += batch.len();
    st.gens[0].extend(batch);
    if st.count[0] > st.threshold[0] && st.threshold[0] > 0 && ENABLED.load(Ordering::Relaxed) {
        super::breaker::set(super::breaker::GC_PENDING);
    }
}

/// Registers a new container with the collector.
#[inline]
pub fn track(t: Tracked) {
    let full = NURSERY.with(|n| {
        let mut n = n.borrow_mut();
        n.0.push(t);
        if n.0.len() < NURSERY_SIZE {
            return None;
        }
        n.0.retain(Tracked::is_alive);
        (n.0.len() >= HAND_OVER_AT)
            .then(|| std::mem::replace(&mut n.0, Vec::with_capacity(NURSERY_SIZE)))
    });
    if let Some(batch) = full {
        hand_over(batch);
    }
}

/// This thread's unregistered objects, handed over now.
fn flush_nursery() {
    let batch = NURSERY
        .try_with(|n| std::mem::take(&mut n.borrow_mut().0))
        .unwrap_or_default();
    if !batch.is_empty() {
        hand_over(batch);
    }
}

/// A new instance, registered.
pub fn new_instance(
    class: super::object::ClassRef,
    exc: Option<Box<PyCell<super::object::ExcData>>>,
    base: Option<Value>,
) -> Value {
    let i = Shared::new(Instance {
        class_slot: super::sync::Replaceable::new(class),
        dict: Shared::new(PyCell::new(Default::default())),
        exc,
        base,
        finalized: AtomicBool::new(false),
        weakly_referenced: AtomicBool::new(false),
    });
    track(Tracked::Instance(Shared::downgrade(&i)));
    Value::Instance(i)
}

/// A new closure cell, registered.
pub fn new_cell(v: Value) -> super::object::CellRef {
    let c = Shared::new(PyCell::new(v));
    track(Tracked::Cell(Shared::downgrade(&c)));
    c
}

pub fn track_list(s: &Shared<PyList>) {
    track(Tracked::List(Shared::downgrade(s)));
}
pub fn track_dict(s: &Shared<PyDict>) {
    track(Tracked::Dict(Shared::downgrade(s)));
}

/// Whether `v` is of a kind the collector may track (strings, numbers
/// and the like never are).
#[inline]
pub fn may_be_tracked(v: &Value) -> bool {
    matches!(
        v,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Instance(_)
            | Value::Func(_)
            | Value::Method(_)
            | Value::Native(_)
            | Value::Class(_)
    )
}

/// Whether a tuple can be part of a cycle: it holds a container.
pub fn tuple_may_cycle(items: &[Value]) -> bool {
    items
        .iter()
        .any(|v| may_be_tracked(v) || matches!(v, Value::Class(_)))
}

pub fn enable(on: bool) {
    ENABLED.store(on, Ordering::Relaxed);
}
pub fn is_enabled() -> bool {
    ENABLED.load(Ordering::Relaxed)
}
pub fn get_count() -> [usize; 3] {
    STATE.lock().count
}
pub fn get_threshold() -> [usize; 3] {
    STATE.lock().threshold
}
pub fn set_threshold(t: [usize; 3]) {
    STATE.lock().threshold = t;
}
pub fn get_stats() -> [GenStats; 3] {
    STATE.lock().stats
}

/// `gc.freeze()`: everything tracked now is left alone from now on.
pub fn freeze() {
    flush_nursery();
    let mut st = STATE.lock();
    let mut moved = Vec::new();
    for g in st.gens.iter_mut() {
        moved.append(g);
    }
    st.permanent.extend(moved);
    st.count[0] = 0;
}
pub fn unfreeze() {
    let mut st = STATE.lock();
    let moved = std::mem::take(&mut st.permanent);
    st.gens[2].extend(moved);
}
pub fn freeze_count() -> usize {
    let mut st = STATE.lock();
    st.permanent.retain(|t| t.upgrade().is_some());
    st.permanent.len()
}

/// The live objects of `generation` (all three for `None`), for
/// `gc.get_objects()`.
pub fn objects(generation: Option<usize>) -> Vec<Value> {
    flush_nursery();
    let st = STATE.lock();
    let gens: Vec<&Vec<Tracked>> = match generation {
        Some(g) => vec![&st.gens[g]],
        None => st.gens.iter().collect(),
    };
    gens.into_iter()
        .flatten()
        .filter_map(|t| t.upgrade())
        .filter(|v| !matches!(v, Value::Native(n) if matches!(**n, Native::Cell(_))))
        .collect()
}

/// What one collection found.
#[derive(Default, Clone, Copy)]
pub struct Outcome {
    pub collected: usize,
    pub uncollectable: usize,
}

/// Calls `f` with the address (as [`identity`] gives it) of every object
/// `v` refers to that may be tracked: each reference once, as many times as
/// it is held. False if `v`'s state is in use and could not be read: then
/// nothing was visited.
fn referents(v: &Value, f: &mut dyn FnMut(usize)) -> bool {
    let mut value = |c: &Value| {
        if may_be_tracked(c) {
            if let Some(p) = identity(c) {
                f(p);
            }
        }
    };
    match v {
        Value::List(l) => match l.try_lock() {
            Some(items) => items.iter().for_each(value),
            None => return false,
        },
        Value::Tuple(t) => t.items.iter().for_each(value),
        Value::Dict(d) => return dict_referents(d, &mut value),
        Value::Set(s) => match s.map.try_lock() {
            Some(m) => m.iter().for_each(|(k, _)| value(k)),
            None => return false,
        },
        Value::Instance(i) => {
            // The instance and its namespace are one unit (CPython keeps an
            // instance's attributes in the object itself): the namespace is
            // read through it, and must have no other holder.
            if Shared::strong_count(&i.dict) != 1 {
                return false;
            }
            if let Some(exc) = &i.exc {
                let Some(e) = exc.try_lock() else {
                    return false;
                };
                value(&e.args);
                value(&e.cause);
                value(&e.context);
                if let Some((_, chain)) = &e.tb_objects {
                    value(chain);
                }
                for t in &e.traceback {
                    value(&Value::Dict(t.globals.clone()));
                }
            }
            if !dict_referents(&i.dict, &mut value) {
                return false;
            }
            if let Some(b) = &i.base {
                value(b);
            }
            // Its class, by address (no reference count taken).
            f(Shared::as_ptr(i.class()) as usize);
        }
        Value::Func(func) => {
            if !dict_referents(&func.dict, &mut value) {
                return false;
            }
            func.defaults.iter().for_each(&mut value);
            for c in func.closure.iter() {
                f(Shared::as_ptr(c) as usize);
            }
            // The namespace it was defined in: `exec`'d code's functions and
            // their globals dict hold each other.
            f(Shared::as_ptr(&func.globals) as usize);
            if let Some(kw) = &func.kwdefaults {
                f(Shared::as_ptr(kw) as usize);
            }
        }
        Value::Method(m) => {
            value(&m.func);
            value(&m.self_);
        }
        Value::Class(c) => {
            let Some(d) = c.dict.try_read() else {
                return false;
            };
            d.iter().for_each(|(k, v)| {
                value(k);
                value(v)
            });
            for b in c.bases.iter().chain(&c.mro).chain(&c.meta) {
                f(Shared::as_ptr(b) as usize);
            }
        }
        Value::Native(n) => match &**n {
            Native::Cell(c) => match c.try_lock() {
                Some(v) => value(&v),
                None => return false,
            },
            Native::Generator(g) => {
                let Some(st) = g.try_lock() else {
                    return false;
                };
                st.saved_exc.iter().for_each(&mut value);
                if let Some(frame) = &st.frame {
                    frame.stack.iter().for_each(&mut value);
                    if let Some(m) = &frame.locals_mapping {
                        value(m);
                    }
                    // A generator kept in the namespace it runs in.
                    value(&Value::Dict(frame.globals.clone()));
                    if let Some(l) = &frame.locals {
                        value(&Value::Dict(l.clone()));
                    }
                    for c in &frame.cells {
                        f(Shared::as_ptr(c) as usize);
                    }
                }
            }
            Native::StaticMethod(v) | Native::ClassMethod(v) => value(v),
            Native::Property {
                fget,
                fset,
                fdel,
                doc,
            } => [fget, fset, fdel, doc].into_iter().for_each(value),
            Native::Object { data, .. } => {
                if let Some(tb) = data.downcast_ref::<TracebackInfo>() {
                    let Some(next) = tb.next.try_lock() else {
                        return false;
                    };
                    value(&next);
                    value(&tb.frame);
                    drop(next);
                    value(&Value::Dict(tb.entry.globals.clone()));
                } else if let Some(d) = data.downcast_ref::<super::deque::Deque>() {
                    let Some(items) = d.items.try_lock() else {
                        return false;
                    };
                    items.iter().for_each(value);
                } else if let Some(frame) = data.downcast_ref::<FrameInfo>() {
                    value(&frame.locals);
                    frame.slots.iter().flatten().for_each(&mut value);
                    value(&frame.back);
                    value(&Value::Dict(frame.globals.clone()));
                } else {
                    return false;
                }
            }
            _ => return false,
        },
        _ => return false,
    }
    true
}

fn dict_referents(d: &PyDict, value: &mut dyn FnMut(&Value)) -> bool {
    match d.try_lock() {
        Some(m) => {
            m.iter().for_each(|(k, v)| {
                value(k);
                value(v)
            });
            true
        }
        None => false,
    }
}

/// The address that identifies a tracked object (a cell by its own
/// allocation, not by the `Native` wrapping it for the moment).
fn identity(v: &Value) -> Option<usize> {
    match v {
        Value::Native(n) => match &**n {
            Native::Cell(c) => Some(Shared::as_ptr(c) as usize),
            _ => Some(Shared::as_ptr(n) as usize),
        },
        v => v.heap_ptr().map(|p| p as usize),
    }
}

/// The references `v` has that do not come from the objects examined.
fn outside_refs(v: &Value) -> usize {
    // One reference is the collector's own (the upgraded weak one); a cell
    // is reached through a `Native` made for the purpose, which holds one
    // more.
    match v {
        Value::Native(n) => match &**n {
            Native::Cell(c) => Shared::strong_count(c) - 1,
            _ => Shared::strong_count(n) - 1,
        },
        Value::List(x) => Shared::strong_count(x) - 1,
        Value::Dict(x) => Shared::strong_count(x) - 1,
        Value::Set(x) => Shared::strong_count(x) - 1,
        Value::Tuple(x) => Shared::strong_count(x) - 1,
        Value::Instance(x) => Shared::strong_count(x) - 1,
        Value::Func(x) => Shared::strong_count(x) - 1,
        Value::Method(x) => Shared::strong_count(x) - 1,
        Value::Class(x) => Shared::strong_count(x) - 1,
        _ => usize::MAX,
    }
}

/// One examined object in [`AddrTable`].
#[derive(Clone, Copy)]
struct Slot {
    /// Its address ([`identity`]); 0 for an empty slot.
    addr: usize,
    /// Its index in the examined objects, with the flags below.
    index: u32,
    /// References from outside the examined objects (saturating).
    refs: u32,
}

/// Reachable from outside the examined objects.
const REACHABLE: u32 = 1 << 31;
/// Its state could not be read: it is kept, with all it refers to.
const UNREADABLE: u32 = 1 << 30;
const INDEX_BITS: u32 = !(REACHABLE | UNREADABLE);

/// The examined objects by address: open addressing with linear probing,
/// an object's count and flags in the same slot as its key. A collection
/// looks an address up once or twice per reference it follows, at random:
/// with one cache line per look-up (a general hash map touches its control
/// bytes, its bucket and then the separate count arrays) the pass costs
/// about a third.
struct AddrTable {
    slots: Vec<Slot>,
    shift: u32,
}

impl AddrTable {
    fn new(n: usize) -> AddrTable {
        // At most three quarters full.
        let cap = (n + n / 3).next_power_of_two().max(1 << 9);
        AddrTable {
            slots: vec![
                Slot {
                    addr: 0,
                    index: 0,
                    refs: 0
                };
                cap
            ],
            shift: usize::BITS - (cap.trailing_zeros() - 8),
        }
    }

    #[inline]
    fn home(&self, addr: usize) -> usize {
        // An object's 4 KiB page picks a window of 256 slots at random and
        // its offset in the page its place there: objects made together lie
        // together, and a traversal that follows them (an object, its
        // namespace, the list made next) finds their slots in cache.
        let page = (addr >> 12).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift;
        (page << 8) | ((addr >> 4) & 0xFF)
    }

    /// Adds an object; false if its address is there already.
    fn insert(&mut self, addr: usize, index: u32, refs: u32) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.home(addr);
        loop {
            let s = &mut self.slots[i];
            if s.addr == 0 {
                *s = Slot { addr, index, refs };
                return true;
            }
            if s.addr == addr {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    #[inline]
    fn find(&mut self, addr: usize) -> Option<&mut Slot> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(addr);
        loop {
            let a = self.slots[i].addr;
            if a == addr {
                return Some(&mut self.slots[i]);
            }
            if a == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// Which of `objs` are unreachable from outside the set.
fn unreachable(objs: &[Value]) -> Vec<bool> {
    let mut table = AddrTable::new(objs.len());
    // An object the table cannot hold (no address, or a second entry for
    // one address) counts as reachable.
    let mut garbage = vec![false; objs.len()];
    for (i, v) in objs.iter().enumerate() {
        if i as u32 > INDEX_BITS {
            break;
        }
        if let Some(p) = identity(v) {
            let refs = u32::try_from(outside_refs(v)).unwrap_or(u32::MAX);
            if !table.insert(p, i as u32, refs) {
                if let Some(s) = table.find(p) {
                    s.index |= UNREADABLE;
                }
            }
        }
    }
    for v in objs {
        let readable = referents(v, &mut |p| {
            if let Some(s) = table.find(p) {
                s.refs = s.refs.saturating_sub(1);
            }
        });
        if !readable {
            if let Some(s) = identity(v).and_then(|p| table.find(p)) {
                s.index |= UNREADABLE;
            }
        }
    }
    let mut work: Vec<u32> = Vec::new();
    for s in table.slots.iter_mut() {
        if s.addr != 0 && (s.refs > 0 || s.index & UNREADABLE != 0) {
            s.index |= REACHABLE;
            work.push(s.index & INDEX_BITS);
        }
    }
    while let Some(i) = work.pop() {
        referents(&objs[i as usize], &mut |p| {
            if let Some(s) = table.find(p) {
                if s.index & REACHABLE == 0 {
                    s.index |= REACHABLE;
                    work.push(s.index & INDEX_BITS);
                }
            }
        });
    }
    for s in &table.slots {
        if s.addr != 0 && s.index & REACHABLE == 0 {
            garbage[(s.index & INDEX_BITS) as usize] = true;
        }
    }
    garbage
}

/// Empties a garbage container, which drops its references. Each part is
/// dropped once its lock is released: the garbage itself stays alive until
/// the collection ends (the collector holds it), so this frees only what
/// hung off it.
fn clear(v: &Value) {
    fn take<T: Default>(cell: &PyCell<T>) {
        if let Some(mut guard) = cell.try_lock() {
            let old = std::mem::take(&mut *guard);
            drop(guard);
            drop(old);
        }
    }
    match v {
        Value::List(l) => take(l),
        Value::Dict(d) => take(d),
        Value::Set(s) => take(&s.map),
        Value::Instance(i) => {
            take(&*i.dict);
            if let Some(exc) = &i.exc {
                if let Some(mut e) = exc.try_lock() {
                    let old = [
                        std::mem::replace(&mut e.args, Value::None),
                        std::mem::replace(&mut e.cause, Value::None),
                        std::mem::replace(&mut e.context, Value::None),
                    ];
                    let entries = std::mem::take(&mut e.traceback);
                    let chain = e.tb_objects.take();
                    drop(e);
                    drop((old, entries, chain));
                }
            }
        }
        Value::Func(f) => take(&f.dict),
        Value::Class(c) => drop(c.dict.try_take()),
        Value::Native(n) => match &**n {
            Native::Cell(c) => {
                if let Some(mut x) = c.try_lock() {
                    let old = std::mem::replace(&mut *x, Value::Null);
                    drop(x);
                    drop(old);
                }
            }
            Native::Object { data, .. } => {
                if let Some(tb) = data.downcast_ref::<TracebackInfo>() {
                    if let Some(mut next) = tb.next.try_lock() {
                        let old = std::mem::replace(&mut *next, Value::None);
                        drop(next);
                        drop(old);
                    }
                } else if let Some(d) = data.downcast_ref::<super::deque::Deque>() {
                    take(&d.items);
                }
            }
            Native::Generator(g) => {
                if let Some(mut st) = g.try_lock() {
                    // A generator suspended inside `try`/`with` is closed
                    // (its `finally` runs) as when it is dropped.
                    if let Some(frame) = st.frame.take() {
                        st.finished = true;
                        drop(st);
                        super::generator::close_orphan(*frame);
                    }
                }
            }
            _ => {}
        },
        _ => {}
    }
}

/// Moves the survivors of a collection to `generation`.
fn promote(generation: usize, survivors: Vec<Tracked>) {
    let mut st = STATE.lock();
    if generation == 2 {
        st.long_lived_pending += survivors.len();
    }
    let gen = &mut st.gens[generation];
    // The survivors of a full collection are the whole generation: moved
    // back, not copied.
    if gen.is_empty() {
        *gen = survivors;
    } else {
        gen.extend(survivors);
    }
}

/// How `gc.collect()` counts a garbage object: a function with a closure is
/// two (CPython's closure is a tuple object of its own).
fn weight(v: &Value) -> usize {
    match v {
        Value::Func(f) if !f.closure.is_empty() => 2,
        Value::Class(c) => class_weight(c),
        Value::Instance(i) => match &i.exc {
            Some(exc) => exception_weight(i, exc),
            None => 1,
        },
        // CPython's copy of the function's name and doc, in a `__dict__`.
        Value::Native(n) if matches!(&**n, Native::StaticMethod(_) | Native::ClassMethod(_)) => 2,
        _ => 1,
    }
}

/// The objects CPython has for an exception: the exception, its namespace
/// once it holds something, its `args` tuple, and a traceback object for
/// each level it passed (made here only when asked for), with the frame
/// object of each level that has returned (module frames are taken to be
/// still running).
fn exception_weight(i: &Instance, exc: &PyCell<super::object::ExcData>) -> usize {
    let Some(e) = exc.try_lock() else {
        return 1;
    };
    let dict = i.dict.try_lock().is_some_and(|d| !d.is_empty()) as usize;
    // A tuple that holds no container is not tracked here but is by CPython.
    let args = matches!(&e.args, Value::Tuple(t) if !t.items.is_empty() && !tuple_may_cycle(&t.items))
        as usize;
    let made = e
        .tb_objects
        .as_ref()
        .map_or(0, |t| t.0)
        .min(e.traceback.len());
    let levels: usize = e.traceback[made..]
        .iter()
        .map(|t| 1 + (&*t.code.name != "<module>") as usize)
        .sum();
    1 + dict + args + levels
}

/// The objects CPython makes for a class: the type, its namespace, its
/// `__mro__` and `__bases__` tuples, and a descriptor per slot, or for
/// `__dict__` and `__weakref__` where no base has them already.
fn class_weight(c: &super::object::Class) -> usize {
    let own_slots = c
        .dict
        .try_read()
        .and_then(|d| match d.get_by_str("__slots__") {
            Some(Value::Str(_)) => Some(1),
            Some(Value::Tuple(t)) => Some(t.items.len()),
            Some(Value::List(l)) => l.try_lock().map(|l| l.len()),
            _ => None,
        });
    if let Some(n) = own_slots {
        return 4 + n;
    }
    if c.mro.iter().any(|b| !b.builtin && b.slots.is_none()) {
        return 4;
    }
    let solid = c
        .mro
        .iter()
        .find(|b| b.builtin && b.name.as_str() != "object");
    match solid {
        None => 6,
        Some(b) if b.layout == super::object::Layout::Exception => 5,
        Some(b) => match b.name.as_str() {
            "type" => 4,
            "int" | "tuple" | "bytes" => 5,
            _ => 6,
        },
    }
}

/// Clears the "collecting" flag however the collection ends.
struct Running;

impl Drop for Running {
    fn drop(&mut self) {
        COLLECTING.store(false, Ordering::Release);
    }
}

impl Vm {
    /// The eval breaker's request: collect the oldest generation whose
    /// count passed its threshold (the oldest only when a quarter of the
    /// objects there are new since its last collection, as CPython).
    pub fn collect_garbage_auto(&mut self) {
        super::breaker::clear(super::breaker::GC_PENDING);
        if !is_enabled() {
            return;
        }
        let generation = {
            let st = STATE.lock();
            if st.count[0] <= st.threshold[0] || st.threshold[0] == 0 {
                return;
            }
            if st.count[2] > st.threshold[2] && st.long_lived_pending > st.long_lived_total / 4 {
                2
            } else if st.count[1] > st.threshold[1] {
                1
            } else {
                0
            }
        };
        let runner = CALLBACK_RUNNER.lock().clone();
        if let Some(r) = &runner {
            self.run_gc_callbacks(r, "start", generation, Outcome::default());
        }
        let outcome = self.collect_garbage(generation);
        if let Some(r) = &runner {
            self.run_gc_callbacks(r, "stop", generation, outcome);
        }
    }

    /// Tells `gc.callbacks` of an automatic collection, through the `gc`
    /// module's runner (which reports a failing callback itself).
    fn run_gc_callbacks(&mut self, runner: &Value, phase: &str, generation: usize, out: Outcome) {
        let saved = std::mem::take(&mut self.exc_stack);
        let args = [
            super::value::new_str(phase),
            Value::Int(generation as i64),
            Value::Int(out.collected as i64),
            Value::Int(out.uncollectable as i64),
        ];
        if let Err(e) = self.call(runner, &args, &[]) {
            let report = self.format_exception(&e.into_value());
            super::stdio::write_stderr_raw(&format!(
                "Exception ignored in garbage collection callbacks:\n{report}"
            ));
        }
        self.exc_stack = saved;
    }

    /// Collects generations `0..=generation`; the survivors move one
    /// generation up. Nothing happens if a collection is already running
    /// (a `__del__` method that allocates). Without the GIL the other
    /// threads are stopped meanwhile; if one cannot be stopped in time, the
    /// collection is skipped.
    pub fn collect_garbage(&mut self, generation: usize) -> Outcome {
        if COLLECTING.swap(true, Ordering::Acquire) {
            return Outcome::default();
        }
        let _running = Running;
        // Without the GIL, other threads running Python code are parked at
        // their next safe point while the collector looks at the objects.
        let must_stop = super::sync::FREE_THREADING
            && !self.interp.gil.enabled()
            && LIVE_THREADS.load(Ordering::Acquire) > 1;
        let mut world = World::new(self, must_stop);
        if !world.stop() {
            // No collection, but what died is let go (a weak entry keeps
            // its object's memory), each time the youngest list has
            // doubled, so that the sweeps cost O(1) per object.
            let mut st = STATE.lock();
            if st.gens[0].len() > 2 * st.swept_len.max(st.threshold[0]) {
                st.gens[0].retain(Tracked::is_alive);
                st.swept_len = st.gens[0].len();
            }
            st.count[0] = 0;
            return Outcome::default();
        }
        flush_nursery();
        if generation == 2 {
            self.attr_cache.clear();
        }
        let started = std::time::Instant::now();
        self.interp.gil.stats.enter(Phase::Collecting);
        let mut entries: Vec<Tracked>;
        {
            let mut st = STATE.lock();
            // The oldest of them (usually the largest) is taken whole, the
            // younger ones appended to it.
            entries = std::mem::take(&mut st.gens[generation]);
            for g in 0..=generation {
                if g < generation {
                    entries.append(&mut st.gens[g]);
                }
                st.count[g] = 0;
            }
            if generation < 2 {
                st.count[generation + 1] += 1;
            }
        }
        // Upgrading drops what died since (most of a young generation).
        // Vectors are sized up front: a generation can hold 100,000s of
        // entries, and growing by doubling copies them again and again.
        let mut live = Vec::with_capacity(entries.len());
        let mut objs = Vec::with_capacity(entries.len());
        for t in entries {
            if let Some(v) = t.upgrade() {
                live.push(t);
                objs.push(v);
            }
        }
        let entries = live;
        let garbage = unreachable(&objs);
        let older = (generation + 1).min(2);
        let mut doomed = Vec::new();
        let mut kept = Vec::with_capacity(entries.len());
        for ((t, v), g) in entries.into_iter().zip(objs).zip(garbage) {
            if g {
                doomed.push((t, v));
            } else {
                kept.push(t);
            }
        }
        promote(older, kept);
        let mut outcome = Outcome::default();
        if !doomed.is_empty() {
            let (entries, objs): (Vec<Tracked>, Vec<Value>) = doomed.into_iter().unzip();
            // `__del__` methods run with the world going (they may wait for
            // another thread).
            let needs_del = objs.iter().any(|v| {
                matches!(v, Value::Instance(i)
                if !i.finalized.load(Ordering::Relaxed) && i.class().has_del())
            });
            let mut finalized = false;
            if needs_del {
                world.start();
                self.interp.gil.stats.enter(Phase::Running);
                finalized = self.finalize_garbage(&objs);
                self.interp.gil.stats.enter(Phase::Collecting);
            }
            // A `__del__` may have stored one of them somewhere: those and
            // all they reach live on (all of them, if the world cannot be
            // stopped again to look).
            let garbage = if !world.stop() {
                vec![false; objs.len()]
            } else if finalized {
                unreachable(&objs)
            } else {
                vec![true; objs.len()]
            };
            let mut revived = Vec::new();
            for ((t, v), g) in entries.into_iter().zip(&objs).zip(garbage) {
                if g {
                    outcome.collected += weight(v);
                    clear(v);
                } else {
                    revived.push(t);
                }
            }
            promote(older, revived);
            drop(objs);
        }
        {
            let mut st = STATE.lock();
            st.stats[generation].collections += 1;
            st.stats[generation].collected += outcome.collected;
            if generation == 2 {
                st.long_lived_pending = 0;
                st.long_lived_total = st.gens[2].len();
            } else {
                let n = st.threshold[0].max(256);
                sweep_oldest(&mut st, n);
            }
        }
        self.interp.gil.stats.record_gc(started.elapsed());
        self.interp.gil.stats.enter(Phase::Running);
        outcome
    }

    /// Runs `__del__` of the garbage instances not finalized before; true
    /// if any ran.
    fn finalize_garbage(&mut self, objs: &[Value]) -> bool {
        let mut ran = false;
        for v in objs {
            if let Value::Instance(i) = v {
                if i.finalized.swap(true, Ordering::Relaxed) {
                    continue;
                }
                if let Some(del) = i.class().lookup_str("__del__") {
                    ran = true;
                    self.call_del(&del, v);
                }
            }
        }
        ran
    }

    /// Calls a `__del__` method; an exception is reported as CPython
    /// reports one it cannot raise ("Exception ignored in: ...").
    pub fn call_del(&mut self, del: &Value, obj: &Value) {
        let saved = std::mem::take(&mut self.exc_stack);
        if let Err(e) = self.call(del, std::slice::from_ref(obj), &[]) {
            let what = self.repr(del).unwrap_or_else(|_| "<object>".to_string());
            let report = self.format_exception(&e.into_value());
            super::stdio::write_stderr_raw(&format!("Exception ignored in: {}\n{}", what, report));
        }
        self.exc_stack = saved;
    }
}

/// The `gc` module's runner of `gc.callbacks`, once it is imported:
/// automatic collections call it before and after, as `gc.collect()` does.
static CALLBACK_RUNNER: Mutex<Option<Value>> = Mutex::new(None);

pub fn set_callback_runner(runner: Value) {
    *CALLBACK_RUNNER.lock() = Some(runner);
}

/// Instances dropped with a `__del__` to run, their state moved to a new
/// instance already marked finalized (a dropped object cannot come back).
static DEL_QUEUE: Mutex<Vec<Value>> = Mutex::new(Vec::new());

/// Whether any class has defined `__del__` (until then, dropping an
/// instance looks nothing up).
pub static ANY_DEL: AtomicBool = AtomicBool::new(false);

/// The other threads, stopped (free-threaded build, several threads) while
/// the collector looks at the objects; started again when dropped.
struct World {
    interp: std::sync::Arc<super::Interp>,
    needed: bool,
    stopped: bool,
}

impl World {
    fn new(vm: &Vm, needed: bool) -> World {
        World {
            interp: vm.interp.clone(),
            needed,
            stopped: false,
        }
    }

    /// True when the collector may look (stopped, or nothing to stop).
    fn stop(&mut self) -> bool {
        if self.needed && !self.stopped {
            self.stopped = self.interp.gil.stop_the_world();
            return self.stopped;
        }
        true
    }

    fn start(&mut self) {
        if std::mem::take(&mut self.stopped) {
            self.interp.gil.start_the_world();
        }
    }
}

impl Drop for World {
    fn drop(&mut self) {
        self.start();
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        if *self.weakly_referenced.get_mut() {
            super::weak::instance_died(self as *const Instance as usize);
        }
        if !ANY_DEL.load(Ordering::Relaxed) || *self.finalized.get_mut() {
            return;
        }
        if !self.class().has_del() {
            return;
        }
        let dict = std::mem::replace(&mut self.dict, Shared::new(PyCell::new(Default::default())));
        let heir = Instance {
            class_slot: super::sync::Replaceable::new(self.class().clone()),
            dict,
            exc: self.exc.take(),
            base: self.base.take(),
            finalized: AtomicBool::new(true),
            weakly_referenced: AtomicBool::new(false),
        };
        DEL_QUEUE.lock().push(Value::Instance(Shared::new(heir)));
        super::breaker::set(super::breaker::FINALIZERS_PENDING);
    }
}

impl Vm {
    /// Runs the `__del__` methods of instances dropped since last time.
    pub fn run_del_queue(&mut self) {
        loop {
            let batch = std::mem::take(&mut *DEL_QUEUE.lock());
            if batch.is_empty() {
                return;
            }
            for obj in batch {
                let Value::Instance(i) = &obj else { continue };
                if let Some(del) = i.class().lookup_str("__del__") {
                    self.call_del(&del, &obj);
                }
            }
        }
    }
}

impl Vm {
    /// At exit, when some class has a `__del__`: the `__main__` module's
    /// names are dropped in order, as CPython's shutdown does, so that the
    /// objects only they held are finalized; then cycles are collected.
    pub fn finalize_main_module(&mut self) {
        if !ANY_DEL.load(Ordering::Relaxed) {
            return;
        }
        let main = self.interp.modules.lock().get_by_str("__main__").cloned();
        if let Some(Value::Module(m)) = main {
            let keys: Vec<Value> = m.dict.lock().keys();
            for k in keys {
                let Value::Str(name) = &k else { continue };
                if name.as_str() == "__builtins__" {
                    continue;
                }
                let old = m.dict.lock().set_by_str(name.as_str(), Value::None);
                drop(old);
                self.run_finalizers();
            }
        }
        self.collect_garbage(2);
        self.run_finalizers();
    }
}

/// The collector's locks, held by the forking thread across `fork()` so
/// that the child finds them free and their state whole.
pub struct ForkGuard {
    _state: MutexGuard<'static, State>,
    _queue: MutexGuard<'static, Vec<Value>>,
    _weak: super::weak::ForkGuard,
}

pub fn before_fork() -> ForkGuard {
    ForkGuard {
        _state: STATE.lock(),
        _queue: DEL_QUEUE.lock(),
        _weak: super::weak::before_fork(),
    }
}

/// In the child: its one thread is the only one running Python code.
pub fn after_fork_child() {
    LIVE_THREADS.store(1, Ordering::Release);
}

impl Drop for Vm {
    fn drop(&mut self) {
        LIVE_THREADS.fetch_sub(1, Ordering::AcqRel);
    }
}
