//! `set` and `frozenset`.

use crate::compiler::bytecode::BinOp;
use crate::vm::dict::{DictMap, Lookup};
use crate::vm::native::*;
use crate::vm::setops::{is_frozen, map_of, member, set_op};
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (set, frozenset) = (t.set.clone(), t.frozenset.clone());
    let shared: &[NativeDef] = &[
        ("union", Arity::ANY, union),
        ("intersection", Arity::ANY, intersection),
        ("difference", Arity::ANY, difference),
        (
            "symmetric_difference",
            Arity::exact(1),
            symmetric_difference,
        ),
        ("issubset", Arity::exact(1), issubset),
        ("issuperset", Arity::exact(1), issuperset),
        ("isdisjoint", Arity::exact(1), isdisjoint),
        ("copy", Arity::ANY, copy),
    ];
    add_methods(vm, &set, shared);
    add_methods(vm, &set, super::protocol::COLLECTION);
    add_methods(vm, &frozenset, super::protocol::COLLECTION);
    add_methods(vm, &frozenset, shared);
    add_methods(vm, &frozenset, &[("__new__", Arity::ANY, frozenset_new)]);
    add_methods(
        vm,
        &set,
        &[
            ("__new__", Arity::ANY, set_new),
            ("__init__", Arity::ANY, set_init),
            ("add", Arity::exact(1), add),
            ("remove", Arity::exact(1), remove),
            ("discard", Arity::exact(1), discard),
            ("pop", Arity::ANY, pop),
            ("clear", Arity::ANY, clear),
            ("update", Arity::ANY, update),
            ("intersection_update", Arity::ANY, intersection_update),
            ("difference_update", Arity::ANY, difference_update),
            (
                "symmetric_difference_update",
                Arity::ANY,
                symmetric_difference_update,
            ),
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
    if crate::vm::native::is_subclass_call(args) {
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

fn multi(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let mut acc = match &args[0] {
        Value::Set(_) => {
            let m = map_of(&args[0]);
            Value::set(m, is_frozen(&args[0]))
        }
        _ => return Err(vm.type_error("descriptor requires a 'set' object")),
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
    Ok(Value::Bool(subset(vm, &args[0], &args[1])?))
}

fn issuperset(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
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

fn add(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.set_add(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn remove_item(vm: &mut Vm, s: &Value, item: &Value) -> PyResult<bool> {
    let Value::Set(set) = s else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
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
    if remove_item(vm, &args[0], &args[1])? {
        Ok(Value::None)
    } else {
        Err(vm.key_error(args[1].clone()))
    }
}

fn discard(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    remove_item(vm, &args[0], &args[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    let first = s.map.lock().first_index();
    let e = first.and_then(|i| s.map.lock().remove_at(i));
    match e {
        Some(e) => Ok(e.key),
        None => Err(vm.new_error(&vm.types().exc.KeyError.clone(), "pop from an empty set")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    let old = std::mem::take(&mut *s.map.lock());
    drop(old);
    Ok(Value::None)
}
