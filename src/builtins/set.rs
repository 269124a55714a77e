//! `set` and `frozenset`.

use crate::vm::native::*;
use crate::vm::setops::{self, copy_like, discard_hashed, is_frozen, map_of, member, update_from};
use crate::vm::settable::SetMap;
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
                Arity::exact(1),
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
    if let (Some(target @ Value::Set(_)), Some(src)) = (args.first(), args.get(1)) {
        update_from(vm, target, src)?;
    }
    Ok(Value::None)
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if crate::vm::native::is_subclass_call(args) {
        return Ok(vm.wrap_for_subclass(&args[0], Value::set(SetMap::new(), false)));
    }
    check_arity(vm, "set", &args[1..], 0, 1)?;
    let s = Value::set(SetMap::new(), false);
    if let Some(v) = args.get(1) {
        update_from(vm, &s, v)?;
    }
    Ok(s)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "frozenset", &args[1..], 0, 1)?;
    let builtin = matches!(&args[0], Value::Class(c) if c.builtin);
    if let Some(v @ Value::Set(s)) = args.get(1) {
        if s.frozen && builtin {
            return Ok(v.clone());
        }
    }
    let s = Value::set(SetMap::new(), true);
    if let Some(v) = args.get(1) {
        update_from(vm, &s, v)?;
    }
    Ok(vm.wrap_for_subclass(&args[0], s))
}

fn items_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    vm.iterate(v)
}

fn this(vm: &mut Vm, args: &[Value]) -> PyResult<Value> {
    match args.first() {
        Some(v @ Value::Set(_)) => Ok(v.clone()),
        _ => Err(vm.type_error("descriptor requires a 'set' object")),
    }
}

fn union(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    setops::union(vm, &so, &args[1..])
}
fn intersection(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    setops::intersection(vm, &so, &args[1..])
}
fn difference(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    setops::difference(vm, &so, &args[1..])
}
fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    setops::symmetric_difference(vm, &so, &args[1])
}

fn update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    for other in &args[1..] {
        update_from(vm, &so, other)?;
    }
    Ok(Value::None)
}
fn intersection_update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    let r = setops::intersection(vm, &so, &args[1..])?;
    if let Value::Set(s) = &so {
        let body = match &r {
            Value::Set(rs) if !crate::vm::sync::Shared::ptr_eq(rs, s) => {
                std::mem::take(&mut *rs.map.lock())
            }
            _ => map_of(&r),
        };
        s.map.lock().take_body(body);
    }
    Ok(Value::None)
}
fn difference_update(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let so = this(vm, args)?;
    for other in &args[1..] {
        setops::difference_update1(vm, &so, other)?;
    }
    Ok(Value::None)
}
fn symmetric_difference_update(
    vm: &mut Vm,
    args: &[Value],
    _kw: &[(Str, Value)],
) -> PyResult<Value> {
    let so = this(vm, args)?;
    setops::symmetric_update(vm, &so, &args[1])?;
    Ok(Value::None)
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
    let so = this(vm, args)?;
    if is_frozen(&so) {
        return Ok(so);
    }
    Ok(copy_like(&so, &so))
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
    discard_hashed(vm, set, h, item)
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
    let popped = s.map.lock().pop();
    match popped {
        Some(k) => Ok(k),
        None => Err(vm.new_error(&vm.types().exc.KeyError.clone(), "pop from an empty set")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Set(s)) = args.first() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    let old = std::mem::take(&mut *s.map.lock());
    s.map.lock().keep_finger(&old);
    drop(old);
    Ok(Value::None)
}
