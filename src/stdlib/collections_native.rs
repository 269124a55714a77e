//! `_collections`: the native `deque` (a ring buffer: O(1) at both ends)
//! and its iterators. `collections.py` adds the methods that only combine
//! these (repr, comparisons, `+`, `*`, pickling, copies).

use crate::vm::deque::Deque;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::value::Value;
use crate::vm::{PyResult, Str, Vm};
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Deque> {
    this_object::<Deque>(vm, args, "collections.deque")
}

/// `deque.__new__(cls, ...)`: an empty deque (`__init__` fills it).
fn deque_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let cls = args.first().cloned().unwrap_or(Value::None);
    let obj = new_object(vm, Deque::new(VecDeque::new(), None));
    Ok(vm.wrap_for_subclass(&cls, obj))
}

/// `deque([iterable[, maxlen]])`: the items replaced by the iterable's.
fn deque_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "deque() takes at most 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    for (k, _) in kw {
        if !matches!(k.as_str(), "iterable" | "maxlen") {
            return Err(vm.type_error(format!(
                "deque() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    let maxlen = match arg_or_kw(args, kw, 2, "maxlen") {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
            let n = vm.to_index(v)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            Some(n as usize)
        }
        Some(_) => return Err(vm.type_error("an integer is required")),
    };
    let items = match arg_or_kw(args, kw, 1, "iterable") {
        Some(it) => vm.iterate(it)?,
        None => Vec::new(),
    };
    let mut q = d.items.lock();
    let old = std::mem::take(&mut *q);
    *d.maxlen.lock() = maxlen;
    let dropped = push(&mut q, items, maxlen, false);
    drop(q);
    d.changed();
    drop((old, dropped));
    Ok(Value::None)
}

/// Adds `items` one by one at the left or right end; past `maxlen`, each
/// addition drops an item from the other end. The dropped items are
/// returned, to be let go once the deque is unlocked (a `__del__` may
/// look at it).
#[must_use]
fn push(
    q: &mut VecDeque<Value>,
    items: impl IntoIterator<Item = Value>,
    maxlen: Option<usize>,
    left: bool,
) -> Vec<Value> {
    let mut dropped = Vec::new();
    if maxlen == Some(0) {
        return dropped;
    }
    for x in items {
        if Some(q.len()) == maxlen {
            dropped.extend(if left { q.pop_back() } else { q.pop_front() });
        }
        if left {
            q.push_front(x);
        } else {
            q.push_back(x);
        }
    }
    dropped
}

/// Adds `items` at one end of the deque in `args[0]`.
fn add(
    vm: &mut Vm,
    args: &[Value],
    items: impl IntoIterator<Item = Value>,
    left: bool,
) -> PyResult<Value> {
    let d = this(vm, args)?;
    let maxlen = *d.maxlen.lock();
    let dropped = push(&mut d.items.lock(), items, maxlen, left);
    d.changed();
    drop(dropped);
    Ok(Value::None)
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    add(vm, args, [args[1].clone()], false)
}

fn appendleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    add(vm, args, [args[1].clone()], true)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let x = d.items.lock().pop_back();
    d.changed();
    x.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn popleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let x = d.items.lock().pop_front();
    d.changed();
    x.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?;
    let items = vm.iterate(&args[1])?;
    add(vm, args, items, false)
}

fn extendleft(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this(vm, args)?;
    let items = vm.iterate(&args[1])?;
    add(vm, args, items, true)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let old = std::mem::take(&mut *d.items.lock());
    d.changed();
    drop(old);
    Ok(Value::None)
}

/// The items now, for work that calls back into Python (comparisons).
fn snapshot(d: &Deque) -> Vec<Value> {
    d.items.lock().iter().cloned().collect()
}

/// Calls `hit` with the position of each item equal to `value` in
/// `start..stop` until it returns true; CPython's error if the deque
/// changes meanwhile.
fn scan(
    vm: &mut Vm,
    d: &Deque,
    value: &Value,
    (start, stop): (usize, usize),
    mut hit: impl FnMut(usize) -> bool,
) -> PyResult<()> {
    let state = d.state();
    let items = snapshot(d);
    for (i, x) in items.iter().enumerate().take(stop).skip(start) {
        let eq = vm.eq(x, value)?;
        if d.state() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        if eq && hit(i) {
            break;
        }
    }
    Ok(())
}

/// The position of the first item equal to `value` in `start..stop`.
fn find(
    vm: &mut Vm,
    d: &Deque,
    value: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut found = None;
    scan(vm, d, value, (start, stop), |i| {
        found = Some(i);
        true
    })?;
    Ok(found)
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let mut n = 0;
    scan(vm, d, &args[1], (0, usize::MAX), |_| {
        n += 1;
        false
    })?;
    Ok(Value::Int(n))
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    Ok(Value::Bool(find(vm, d, &args[1], 0, usize::MAX)?.is_some()))
}

/// A `start`/`stop` bound of `index`, as slice bounds clamp.
fn bound(vm: &mut Vm, v: Option<&Value>, len: usize, default: usize) -> PyResult<usize> {
    let Some(v) = v else {
        return Ok(default);
    };
    let n = vm.to_index(v)?;
    Ok(if n < 0 {
        (n + len as i64).max(0) as usize
    } else {
        (n as usize).min(len)
    })
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let len = d.items.lock().len();
    let start = bound(vm, args.get(2), len, 0)?;
    let stop = bound(vm, args.get(3), len, len)?;
    match find(vm, d, &args[1], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    match find(vm, d, &args[1], 0, usize::MAX)? {
        Some(i) => {
            let x = d.items.lock().remove(i);
            d.changed();
            drop(x);
            Ok(Value::None)
        }
        None => {
            let r = vm.repr(&args[1])?;
            Err(vm.value_error(format!("{r} is not in deque")))
        }
    }
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let i = vm.to_index(&args[1])?;
    let maxlen = *d.maxlen.lock();
    let mut q = d.items.lock();
    if Some(q.len()) == maxlen {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let len = q.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    q.insert(at as usize, args[2].clone());
    drop(q);
    d.changed();
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    d.items.lock().make_contiguous().reverse();
    d.changed();
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let n = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let mut q = d.items.lock();
    let len = q.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        q.rotate_right(k);
    }
    drop(q);
    d.changed();
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    Ok(Value::Int(d.items.lock().len() as i64))
}

/// An item position from a Python index, with CPython's errors.
fn position(vm: &mut Vm, d: &Deque, index: &Value) -> PyResult<usize> {
    if !matches!(index, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        && vm.lookup_special(index, "__index__").is_none()
    {
        return Err(vm.type_error(format!(
            "sequence index must be integer, not '{}'",
            vm.type_name(index)
        )));
    }
    let i = vm.to_index(index)?;
    let len = d.items.lock().len() as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(at as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let at = position(vm, d, &args[1])?;
    d.items
        .lock()
        .get(at)
        .cloned()
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let at = position(vm, d, &args[1])?;
    let old = d
        .items
        .lock()
        .get_mut(at)
        .map(|slot| std::mem::replace(slot, args[2].clone()));
    drop(old);
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let at = position(vm, d, &args[1])?;
    let old = d.items.lock().remove(at);
    d.changed();
    drop(old);
    Ok(Value::None)
}

fn maxlen(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let m = *d.maxlen.lock();
    Ok(m.map_or(Value::None, |n| Value::Int(n as i64)))
}

/// A deque's iterator, forwards or backwards; it stops with CPython's
/// error if the deque changes under it.
struct DequeIter {
    deque: Value,
    next: AtomicUsize,
    state: usize,
}

struct DequeRevIter(DequeIter);

fn iter_of(vm: &mut Vm, args: &[Value]) -> PyResult<DequeIter> {
    let d = this(vm, args)?;
    Ok(DequeIter {
        deque: native_value(&args[0]),
        next: AtomicUsize::new(0),
        state: d.state(),
    })
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = iter_of(vm, args)?;
    Ok(new_object(vm, it))
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = iter_of(vm, args)?;
    Ok(new_object(vm, DequeRevIter(it)))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn step(vm: &mut Vm, it: &DequeIter, backwards: bool) -> PyResult<Value> {
    let Some(d) = downcast::<Deque>(&it.deque) else {
        return Err(vm.stop_iteration(Value::None));
    };
    if d.state() != it.state {
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let i = it.next.fetch_add(1, Ordering::Relaxed);
    let q = d.items.lock();
    let item = if backwards {
        q.len().checked_sub(i + 1).and_then(|j| q.get(j))
    } else {
        q.get(i)
    };
    match item.cloned() {
        Some(x) => Ok(x),
        None => {
            drop(q);
            it.next.store(usize::MAX / 2, Ordering::Relaxed);
            Err(vm.stop_iteration(Value::None))
        }
    }
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<DequeIter>(vm, args, "_collections._deque_iterator")?;
    step(vm, it, false)
}

fn rev_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<DequeRevIter>(vm, args, "_collections._deque_reverse_iterator")?;
    step(vm, &it.0, true)
}

fn remaining(it: &DequeIter) -> usize {
    let len = downcast::<Deque>(&it.deque).map_or(0, |d| d.items.lock().len());
    len.saturating_sub(it.next.load(Ordering::Relaxed))
}

fn iter_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<DequeIter>(vm, args, "_collections._deque_iterator")?;
    Ok(Value::Int(remaining(it) as i64))
}

fn rev_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<DequeRevIter>(vm, args, "_collections._deque_reverse_iterator")?;
    Ok(Value::Int(remaining(&it.0) as i64))
}

/// `_add_methods(namespace)`: the methods `collections.py` writes in Python
/// join the native ones.
fn add_python_methods(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Dict(ns) = &args[0] else {
        return Err(vm.type_error("a dict is required"));
    };
    let class = class_for::<Deque>(vm);
    let items: Vec<(Value, Value)> = ns
        .lock()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut d = class.dict.lock();
    for (k, v) in items {
        if let Some(name) = k.as_str() {
            d.set_str(&vm.intern(name), v);
        }
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let class = native_class::<Deque>(
        vm,
        "deque",
        "collections",
        None,
        &[
            ("__init__", Arity::ANY, deque_init),
            ("append", Arity::exact(1), append),
            ("appendleft", Arity::exact(1), appendleft),
            ("pop", Arity::exact(0), pop),
            ("popleft", Arity::exact(0), popleft),
            ("extend", Arity::exact(1), extend),
            ("extendleft", Arity::exact(1), extendleft),
            ("clear", Arity::exact(0), clear),
            ("count", Arity::exact(1), count),
            ("index", Arity::range(1, 3), index),
            ("insert", Arity::exact(2), insert),
            ("remove", Arity::exact(1), remove),
            ("reverse", Arity::exact(0), reverse),
            ("rotate", Arity::range(0, 1), rotate),
            ("__len__", Arity::exact(0), len),
            ("__iter__", Arity::exact(0), iter),
            ("__reversed__", Arity::exact(0), reversed),
            ("__contains__", Arity::exact(1), contains),
            ("__getitem__", Arity::exact(1), getitem),
            ("__setitem__", Arity::exact(2), setitem),
            ("__delitem__", Arity::exact(1), delitem),
        ],
    );
    add_getters(vm, &class, &[("maxlen", maxlen)]);
    class
        .dict
        .lock()
        .set_by_str("__new__", builtin("deque.__new__", deque_new));
    native_class::<DequeIter>(
        vm,
        "_deque_iterator",
        "_collections",
        None,
        &[
            ("__iter__", Arity::exact(0), iter_self),
            ("__next__", Arity::exact(0), iter_next),
            ("__length_hint__", Arity::exact(0), iter_len),
        ],
    );
    native_class::<DequeRevIter>(
        vm,
        "_deque_reverse_iterator",
        "_collections",
        None,
        &[
            ("__iter__", Arity::exact(0), iter_self),
            ("__next__", Arity::exact(0), rev_next),
            ("__length_hint__", Arity::exact(0), rev_len),
        ],
    );
    d.set_by_str("deque", Value::Class(class));
    add_functions(
        vm,
        d,
        &[("_add_methods", Arity::exact(1), add_python_methods)],
    );
    Ok(())
}
