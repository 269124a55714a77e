//! `set` and `frozenset`.

use super::{add_methods, check_arity};
use crate::compiler::bytecode::BinOp;
use crate::vm::dict::{DictMap, Lookup};
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (set, frozenset) = (t.set.clone(), t.frozenset.clone());
    let shared: &[(&'static str, NativeFn)] = &[
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
        ("copy", copy),
        ("__len__", len),
        ("__contains__", contains),
        ("__iter__", iter),
    ];
    add_methods(vm, &set, shared);
    add_methods(vm, &frozenset, shared);
    add_methods(vm, &frozenset, &[("__new__", frozenset_new)]);
    add_methods(
        vm,
        &set,
        &[
            ("__new__", set_new),
            ("__init__", set_init),
            ("add", add),
            ("remove", remove),
            ("discard", discard),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
        ],
    );
}

fn set_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "set", &args[1..], 0, 1)?;
    if let Some(Value::Set(s)) = args.first() {
        s.map.lock().clear();
    }
    if let Some(src) = args.get(1) {
        for x in vm.iterate(src)? {
            vm.set_add(&args[0], x)?;
        }
    }
    Ok(Value::None)
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if super::is_subclass_call(args) {
        return Ok(vm.wrap_for_subclass(&args[0], Value::set(DictMap::new(), false)));
    }
    check_arity(vm, "set", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    vm.new_set(items, false)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "frozenset", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    let s = vm.new_set(items, true)?;
    Ok(vm.wrap_for_subclass(&args[0], s))
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.iterate(v)
}

fn map_of(v: &Value) -> DictMap {
    match v {
        Value::Set(s) => s.map.lock().clone(),
        _ => DictMap::new(),
    }
}

fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::Set(s) if s.frozen)
}

fn member(vm: &mut Vm, map: &DictMap, item: &Value) -> PyResult<bool> {
    let h = vm.hash(item)?;
    Ok(vm.map_find(map, h, item)?.is_some())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; the result has `a`'s type.
pub fn set_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (am, bm) = (map_of(a), map_of(b));
    let frozen = is_frozen(a);
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(am.keys());
            out.extend(bm.keys());
        }
        BinOp::BitAnd => {
            for k in am.keys() {
                if member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
        }
        BinOp::Sub => {
            for k in am.keys() {
                if !member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
        }
        _ => {
            for k in am.keys() {
                if !member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
            for k in bm.keys() {
                if !member(vm, &am, &k)? {
                    out.push(k);
                }
            }
        }
    }
    vm.new_set(out, frozen)
}

fn multi(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let mut acc = match &args[0] {
        Value::Set(_) => {
            let m = map_of(&args[0]);
            Value::set(m, is_frozen(&args[0]))
        }
        _ => {
            return Err(PyErr::from(
                vm.type_error("descriptor requires a 'set' object"),
            ))
        }
    };
    for other in &args[1..] {
        let o = match other {
            Value::Set(_) => other.clone(),
            _ => {
                let items = items_of(vm, other)?;
                vm.new_set(items, false)?
            }
        };
        acc = set_op(vm, op, &acc, &o)?;
    }
    Ok(acc)
}

fn union(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    multi(vm, args, BinOp::BitOr)
}
fn intersection(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    multi(vm, args, BinOp::BitAnd)
}
fn difference(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    multi(vm, args, BinOp::Sub)
}
fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "symmetric_difference", args, 2, 2)?;
    multi(vm, args, BinOp::BitXor)
}

fn in_place(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let r = multi(vm, args, op)?;
    if let (Value::Set(s), Value::Set(rs)) = (&args[0], &r) {
        let m = rs.map.lock().clone();
        *s.map.lock() = m;
    }
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    for other in &args[1..] {
        for x in vm.iterate(other)? {
            vm.set_add(&args[0], x)?;
        }
    }
    Ok(Value::None)
}
fn intersection_update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    in_place(vm, args, BinOp::BitAnd)
}
fn difference_update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    in_place(vm, args, BinOp::Sub)
}
fn symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    _kw: &[(Str, Value)],
) -> PyResult<Value> {
    in_place(vm, args, BinOp::BitXor)
}

fn subset(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let am = map_of(a);
    let bm = match b {
        Value::Set(_) => map_of(b),
        _ => {
            let items = items_of(vm, b)?;
            map_of(&vm.new_set(items, false)?)
        }
    };
    for k in am.keys() {
        if !member(vm, &bm, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn issubset(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "issubset", args, 2, 2)?;
    Ok(Value::Bool(subset(vm, &args[0], &args[1])?))
}

fn issuperset(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "issuperset", args, 2, 2)?;
    let other = match &args[1] {
        Value::Set(_) => args[1].clone(),
        v => {
            let items = items_of(vm, v)?;
            vm.new_set(items, false)?
        }
    };
    Ok(Value::Bool(subset(vm, &other, &args[0])?))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "isdisjoint", args, 2, 2)?;
    let am = map_of(&args[0]);
    for x in vm.iterate(&args[1])? {
        if member(vm, &am, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let _ = vm;
    Ok(Value::set(map_of(&args[0]), is_frozen(&args[0])))
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "__contains__", args, 2, 2)?;
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.iter(&args[0])
}

fn add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "add", args, 2, 2)?;
    vm.set_add(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn remove_item(vm: &mut Vm, s: &Value, item: &Value) -> PyResult<bool> {
    let Value::Set(set) = s else {
        return Err(PyErr::from(
            vm.type_error("descriptor requires a 'set' object"),
        ));
    };
    let h = vm.hash(item)?;
    {
        let mut m = set.map.lock();
        match m.lookup(h, item) {
            Lookup::Found(i) => return Ok(m.remove_at(i).is_some()),
            Lookup::Missing => return Ok(false),
            Lookup::Ask(_) => {}
        }
    }
    match vm.dict_find(&set.map, h, item)? {
        Some(i) => Ok(set.map.lock().remove_at(i).is_some()),
        None => Ok(false),
    }
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "remove", args, 2, 2)?;
    if remove_item(vm, &args[0], &args[1])? {
        Ok(Value::None)
    } else {
        Err(PyErr::from(vm.key_error(args[1].clone())))
    }
}

fn discard(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "discard", args, 2, 2)?;
    remove_item(vm, &args[0], &args[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.first() else {
        return Err(PyErr::from(
            vm.type_error("descriptor requires a 'set' object"),
        ));
    };
    let first = s.map.lock().first_index();
    let e = first.and_then(|i| s.map.lock().remove_at(i));
    match e {
        Some(e) => Ok(e.key),
        None => Err(PyErr::from(
            vm.new_exc(&vm.types().exc.KeyError.clone(), "pop from an empty set"),
        )),
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.first() else {
        return Err(PyErr::from(
            vm.type_error("descriptor requires a 'set' object"),
        ));
    };
    let old = std::mem::take(&mut *s.map.lock());
    drop(old);
    Ok(Value::None)
}
