//! Set algebra on `set` and `frozenset` values (`|`, `&`, `-`, `^` and the
//! methods). Each operation adds and removes keys in the same order as
//! CPython's, so that the result's slot table, and so its iteration order,
//! is the same as there.

use super::dict::{DictMap, Lookup};
use super::object::PyResult;
use super::settable::SetMap;
use super::sync::{PyCell, Shared};
use super::value::{PySet, Value};
use super::Vm;
use crate::compiler::bytecode::BinOp;

/// A snapshot of a set's storage (empty for anything else).
pub fn map_of(v: &Value) -> SetMap {
    match v {
        Value::Set(s) => s.map.lock().clone(),
        _ => SetMap::new(),
    }
}

pub fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::Set(s) if s.frozen)
}

pub fn member(vm: &mut Vm, map: &DictMap, item: &Value) -> PyResult<bool> {
    let h = vm.hash(item)?;
    Ok(vm.map_find(map, h, item)?.is_some())
}

/// The map position of `key` in a shared set, running `__eq__` outside the
/// lock when it must.
pub fn set_find(
    vm: &mut Vm,
    cell: &PyCell<SetMap>,
    hash: i64,
    key: &Value,
) -> PyResult<Option<usize>> {
    let lookup = cell.lock().lookup(hash, key);
    match lookup {
        Lookup::Found(i) => Ok(Some(i)),
        Lookup::Missing => Ok(None),
        Lookup::Ask(cands) => {
            for (i, k) in cands {
                if vm.eq(&k, key)? {
                    return Ok(Some(i));
                }
            }
            Ok(None)
        }
    }
}

/// Adds `key` unless an equal key is there; says whether it was added.
pub fn add_hashed(vm: &mut Vm, set: &PySet, hash: i64, key: Value) -> PyResult<bool> {
    {
        let mut m = set.map.lock();
        match m.lookup(hash, &key) {
            Lookup::Found(_) => return Ok(false),
            Lookup::Missing => {
                m.push_new(hash, key);
                return Ok(true);
            }
            Lookup::Ask(_) => {}
        }
    }
    if set_find(vm, &set.map, hash, &key)?.is_some() {
        return Ok(false);
    }
    set.map.lock().push_new(hash, key);
    Ok(true)
}

/// Removes the key equal to `key`; says whether there was one.
pub fn discard_hashed(vm: &mut Vm, set: &PySet, hash: i64, key: &Value) -> PyResult<bool> {
    {
        let mut m = set.map.lock();
        match m.lookup(hash, key) {
            Lookup::Found(i) => return Ok(m.remove_at(i).is_some()),
            Lookup::Missing => return Ok(false),
            Lookup::Ask(_) => {}
        }
    }
    match set_find(vm, &set.map, hash, key)? {
        Some(i) => Ok(set.map.lock().remove_at(i).is_some()),
        None => Ok(false),
    }
}

fn shared(v: &Value) -> &Shared<PySet> {
    match v {
        Value::Set(s) => s,
        _ => unreachable!("set operation on a non-set"),
    }
}

/// A new set of `like`'s kind (set or frozenset) with `src`'s keys.
pub fn copy_like(like: &Value, src: &Value) -> Value {
    let map = match src {
        Value::Set(s) => SetMap::copied(&s.map.lock()),
        _ => SetMap::new(),
    };
    Value::set(map, is_frozen(like))
}

/// Whether the shared set holds `key`.
fn has(vm: &mut Vm, set: &PySet, hash: i64, key: &Value) -> PyResult<bool> {
    Ok(set_find(vm, &set.map, hash, key)?.is_some())
}

/// Adds all keys of `other` to `target`, the way `set.update` does: a set
/// in its own order after growing the table once, a dict likewise, other
/// iterables item by item.
pub fn update_from(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    let t = shared(target);
    match other {
        Value::Set(o) => {
            if Shared::ptr_eq(t, o) {
                return Ok(());
            }
            let n = o.map.lock().len();
            if n == 0 {
                return Ok(());
            }
            let empty = {
                let mut m = t.map.lock();
                m.reserve_for(n);
                m.fill() == 0
            };
            if empty {
                let om = o.map.lock().clone();
                t.map.lock().copy_from(&om);
                return Ok(());
            }
            let keys = o.map.lock().hashed();
            for (h, k) in keys {
                add_hashed(vm, t, h, k)?;
            }
        }
        Value::Dict(d) => {
            let keys: Vec<(i64, Value)> = d
                .lock()
                .entries()
                .map(|e| (e.hash, e.key.clone()))
                .collect();
            t.map.lock().reserve_for(keys.len());
            for (h, k) in keys {
                add_hashed(vm, t, h, k)?;
            }
        }
        _ => {
            for x in vm.iterate(other)? {
                let h = vm.hash(&x)?;
                add_hashed(vm, t, h, x)?;
            }
        }
    }
    Ok(())
}

/// `so | other` and the first step of `union`.
pub fn union(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    let r = copy_like(so, so);
    for o in others {
        if let (Value::Set(a), Value::Set(b)) = (so, o) {
            if Shared::ptr_eq(a, b) {
                continue;
            }
        }
        update_from(vm, &r, o)?;
    }
    Ok(r)
}

/// `so & other`: walks the smaller of two sets, else the iterable.
pub fn intersection1(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let r = Value::set(SetMap::new(), is_frozen(so));
    let rs = shared(&r);
    match other {
        Value::Set(o) => {
            if Shared::ptr_eq(shared(so), o) {
                return Ok(copy_like(so, so));
            }
            let s = shared(so);
            let (mut big, mut small) = (s, o);
            // One lock at a time.
            let small_len = small.map.lock().len();
            if small_len > big.map.lock().len() {
                std::mem::swap(&mut big, &mut small);
            }
            let keys = small.map.lock().hashed();
            for (h, k) in keys {
                if has(vm, big, h, &k)? {
                    add_hashed(vm, rs, h, k)?;
                }
            }
        }
        _ => {
            let s = shared(so);
            for x in vm.iterate(other)? {
                let h = vm.hash(&x)?;
                if has(vm, s, h, &x)? {
                    add_hashed(vm, rs, h, x)?;
                }
            }
        }
    }
    Ok(r)
}

pub fn intersection(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return Ok(copy_like(so, so));
    }
    let mut r = so.clone();
    for o in others {
        r = intersection1(vm, &r, o)?;
    }
    Ok(r)
}

/// `so -= other`: removes `other`'s keys, then sheds the dummies if they
/// have come to fill over a quarter of the table.
pub fn difference_update1(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let s = shared(so);
    match other {
        Value::Set(o) if Shared::ptr_eq(s, o) => {
            s.map.lock().clear();
            return Ok(());
        }
        Value::Set(o) => {
            let om = o.map.lock().hashed();
            for (h, k) in om {
                discard_hashed(vm, s, h, &k)?;
            }
        }
        _ => {
            for x in vm.iterate(other)? {
                let h = vm.hash(&x)?;
                discard_hashed(vm, s, h, &x)?;
            }
        }
    }
    s.map.lock().shed_dummies();
    Ok(())
}

/// `so - other`: a fresh set of `so`'s keys not in `other`, or a copy of
/// `so` with `other`'s keys removed when `other` is much smaller or not a
/// set or dict.
pub fn difference1(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let other_len = match other {
        Value::Set(o) => Some(o.map.lock().len()),
        Value::Dict(d) => Some(d.lock().len()),
        _ => None,
    };
    let so_len = shared(so).map.lock().len();
    match other_len {
        Some(n) if so_len >> 2 <= n => {}
        _ => {
            let r = copy_like(so, so);
            difference_update1(vm, &r, other)?;
            return Ok(r);
        }
    }
    let r = Value::set(SetMap::new(), is_frozen(so));
    let rs = shared(&r);
    let keys = shared(so).map.lock().hashed();
    for (h, k) in keys {
        let found = match other {
            Value::Set(o) => has(vm, o, h, &k)?,
            Value::Dict(d) => vm.dict_find(d, h, &k)?.is_some(),
            _ => false,
        };
        if !found {
            add_hashed(vm, rs, h, k)?;
        }
    }
    Ok(r)
}

pub fn difference(vm: &mut Vm, so: &Value, others: &[Value]) -> PyResult<Value> {
    let Some((first, rest)) = others.split_first() else {
        return Ok(copy_like(so, so));
    };
    let r = difference1(vm, so, first)?;
    for o in rest {
        difference_update1(vm, &r, o)?;
    }
    Ok(r)
}

/// `so ^= other`: each key of `other` (in its order) is removed if there,
/// else added.
pub fn symmetric_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    let s = shared(so);
    let keys = match other {
        Value::Set(o) if Shared::ptr_eq(s, o) => {
            s.map.lock().clear();
            return Ok(());
        }
        Value::Set(o) => o.map.lock().hashed(),
        Value::Dict(d) => d
            .lock()
            .entries()
            .map(|e| (e.hash, e.key.clone()))
            .collect(),
        _ => {
            let tmp = Value::set(SetMap::new(), false);
            update_from(vm, &tmp, other)?;
            map_of(&tmp).hashed()
        }
    };
    for (h, k) in keys {
        if !discard_hashed(vm, s, h, &k)? {
            add_hashed(vm, s, h, k)?;
        }
    }
    Ok(())
}

/// `so ^ other`: a new set of `so`'s kind made from `other`, updated with
/// `so`.
pub fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let r = Value::set(SetMap::new(), is_frozen(so));
    update_from(vm, &r, other)?;
    symmetric_update(vm, &r, so)?;
    Ok(r)
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; the result has `a`'s type.
pub fn set_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match op {
        BinOp::BitOr => union(vm, a, std::slice::from_ref(b)),
        BinOp::BitAnd => intersection1(vm, a, b),
        BinOp::Sub => difference1(vm, a, b),
        _ => symmetric_difference(vm, a, b),
    }
}

/// `a |= b`, `a &= b`, `a -= b`, `a ^= b` on a mutable set.
pub fn set_inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<()> {
    match op {
        BinOp::BitOr => update_from(vm, a, b),
        BinOp::BitAnd => {
            let r = intersection1(vm, a, b)?;
            let body = std::mem::take(&mut *shared(&r).map.lock());
            shared(a).map.lock().take_body(body);
            Ok(())
        }
        BinOp::Sub => difference_update1(vm, a, b),
        _ => symmetric_update(vm, a, b),
    }
}
