//! Weak references (`weakref`): a handle that reaches an object while it
//! lives without keeping it alive, and the callbacks that run when an
//! instance dies. The `weakref` module builds `ref`, `proxy`, the weak
//! dictionaries and `finalize` on these.
//!
//! An instance that has weak references is flagged; when it dies its entry
//! in [`WATCHED`] moves to a queue, and the callbacks of the references
//! still alive run at the next safe point (as `__del__` does). Functions,
//! classes, sets, methods and modules can be referred to weakly too; only
//! instances call back.

use super::lock::{Mutex, MutexGuard};
use super::object::{Function, Instance, Method, Module, Native};
use super::sync::{Shared, WeakShared};
use super::value::{PySet, Value};
use super::Vm;
use rustc_hash::FxHashMap;
use std::sync::atomic::Ordering;

/// A weak reference to an object of a kind that allows one.
pub enum WeakHandle {
    Instance(WeakShared<Instance>),
    Func(WeakShared<Function>),
    Class(WeakShared<super::object::Class>),
    Set(WeakShared<PySet>),
    Method(WeakShared<Method>),
    Module(WeakShared<Module>),
    Native(WeakShared<Native>),
}

impl WeakHandle {
    /// A handle to `v`, or None for kinds CPython refuses (`int`, `str`,
    /// `list`, `dict`, `tuple`, ...).
    pub fn new(v: &Value) -> Option<WeakHandle> {
        Some(match v {
            Value::Instance(x) => WeakHandle::Instance(Shared::downgrade(x)),
            Value::Func(x) => WeakHandle::Func(Shared::downgrade(x)),
            Value::Class(x) => WeakHandle::Class(Shared::downgrade(x)),
            Value::Set(x) => WeakHandle::Set(Shared::downgrade(x)),
            Value::Method(x) => WeakHandle::Method(Shared::downgrade(x)),
            Value::Module(x) => WeakHandle::Module(Shared::downgrade(x)),
            Value::Native(x) => match &**x {
                Native::Generator(_) | Native::Code(_) | Native::Property { .. } => {
                    WeakHandle::Native(Shared::downgrade(x))
                }
                Native::Object { .. } => WeakHandle::Native(Shared::downgrade(x)),
                _ => return None,
            },
            _ => return None,
        })
    }

    /// The object, if it is alive.
    pub fn get(&self) -> Option<Value> {
        Some(match self {
            WeakHandle::Instance(w) => Value::Instance(w.upgrade()?),
            WeakHandle::Func(w) => Value::Func(w.upgrade()?),
            WeakHandle::Class(w) => Value::Class(w.upgrade()?),
            WeakHandle::Set(w) => Value::Set(w.upgrade()?),
            WeakHandle::Method(w) => Value::Method(w.upgrade()?),
            WeakHandle::Module(w) => Value::Module(w.upgrade()?),
            WeakHandle::Native(w) => Value::Native(w.upgrade()?),
        })
    }
}

/// One weak reference to a watched instance: the reference object (held
/// weakly: a reference that dies first never calls back) and its callback.
struct Watcher {
    reference: WeakHandle,
    callback: Value,
}

/// Weak references to live instances, by the instance's address.
static WATCHED: Mutex<Option<FxHashMap<usize, Vec<Watcher>>>> = Mutex::new(None);

/// Weak references whose instance died, waiting for their callbacks.
static DEAD: Mutex<Vec<Watcher>> = Mutex::new(Vec::new());

/// Records that `reference` (a `weakref.ref`) refers to `target`, with
/// `callback` (None for none). Only instances are watched.
pub fn watch(target: &Value, reference: &Value, callback: Value) {
    let Value::Instance(i) = target else {
        return;
    };
    let Some(reference) = WeakHandle::new(reference) else {
        return;
    };
    i.weakly_referenced.store(true, Ordering::Relaxed);
    let key = Shared::as_ptr(i) as usize;
    WATCHED
        .lock()
        .get_or_insert_with(Default::default)
        .entry(key)
        .or_default()
        .push(Watcher {
            reference,
            callback,
        });
}

/// The live weak reference objects to `target` (`getweakrefs`).
pub fn references_to(target: &Value) -> Vec<Value> {
    let Value::Instance(i) = target else {
        return Vec::new();
    };
    let key = Shared::as_ptr(i) as usize;
    let refs: Vec<Value> = WATCHED
        .lock()
        .as_ref()
        .and_then(|m| m.get(&key))
        .map(|ws| ws.iter().filter_map(|w| w.reference.get()).collect())
        .unwrap_or_default();
    refs
}

/// Called as a flagged instance at `addr` dies: its weak references are
/// dead from now on, and their callbacks are due.
pub fn instance_died(addr: usize) {
    let gone = WATCHED.lock().as_mut().and_then(|m| m.remove(&addr));
    if let Some(gone) = gone {
        if gone.iter().any(|w| !w.callback.is_none()) {
            DEAD.lock().extend(gone);
            super::breaker::set(super::breaker::FINALIZERS_PENDING);
        }
    }
}

/// The weak-reference tables, held across `fork()` (see `gc::before_fork`).
pub struct ForkGuard {
    _watched: MutexGuard<'static, Option<FxHashMap<usize, Vec<Watcher>>>>,
    _dead: MutexGuard<'static, Vec<Watcher>>,
}

pub fn before_fork() -> ForkGuard {
    ForkGuard {
        _watched: WATCHED.lock(),
        _dead: DEAD.lock(),
    }
}

impl Vm {
    /// Runs the callbacks of weak references whose instance died.
    pub fn run_weak_callbacks(&mut self) {
        loop {
            let batch = std::mem::take(&mut *DEAD.lock());
            if batch.is_empty() {
                return;
            }
            for w in batch {
                if w.callback.is_none() {
                    continue;
                }
                if let Some(reference) = w.reference.get() {
                    self.call_del(&w.callback, &reference);
                }
            }
        }
    }
}
