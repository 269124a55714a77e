//! `dict`: constructor and methods.

use super::{add_methods, check_arity};
use crate::vm::dict::DictMap;
use crate::vm::sync::Shared;
use crate::vm::value::PyDict;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let d = vm.types().dict.clone();
    add_methods(
        vm,
        &d,
        &[
            ("__new__", dict_new),
            ("__init__", dict_init),
            ("get", get),
            ("setdefault", setdefault),
            ("pop", pop),
            ("popitem", popitem),
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("update", update),
            ("clear", clear),
            ("copy", copy),
            ("fromkeys", fromkeys),
            ("__len__", len),
            ("__getitem__", getitem),
            ("__setitem__", setitem),
            ("__delitem__", delitem),
            ("__contains__", contains),
            ("__iter__", iter),
        ],
    );
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<Shared<PyDict>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(PyErr::from(
            vm.type_error("descriptor requires a 'dict' object"),
        )),
    }
}

/// `d.update(other)`: a mapping (dict or object with `keys`) or pairs.
pub fn update_from(vm: &mut Vm, d: &Shared<PyDict>, other: &Value) -> PyResult<()> {
    match other {
        Value::Dict(src) => {
            let entries: Vec<(Value, Value)> = src
                .lock()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            for (k, v) in entries {
                vm.dict_set(d, k, v)?;
            }
        }
        _ if vm.getattr_opt(other, &vm.intern("keys"))?.is_some()
            && !matches!(other, Value::List(_) | Value::Tuple(_)) =>
        {
            let keys = vm.call_method(other, "keys", &[])?;
            for k in vm.iterate(&keys)? {
                let v = vm.getitem(other, &k)?;
                vm.dict_set(d, k, v)?;
            }
        }
        _ => {
            let items = vm.iterate(other)?;
            for (i, item) in items.iter().enumerate() {
                let pair = vm.iterate(item).map_err(|_| {
                    vm.type_error(format!(
                        "cannot convert dictionary update sequence element #{} to a sequence",
                        i
                    ))
                })?;
                if pair.len() != 2 {
                    return Err(PyErr::from(vm.value_error(format!(
                        "dictionary update sequence element #{} has length {}; 2 is required",
                        i,
                        pair.len()
                    ))));
                }
                let mut it = pair.into_iter();
                let (k, v) = (
                    it.next().unwrap_or(Value::None),
                    it.next().unwrap_or(Value::None),
                );
                vm.dict_set(d, k, v)?;
            }
        }
    }
    Ok(())
}

/// `dict.__init__(self, mapping_or_pairs=(), **kw)`: for subclasses.
fn dict_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "dict", &args[1..], 0, 1)?;
    let d = this(vm, args)?;
    if let Some(src) = args.get(1) {
        update_from(vm, &d, src)?;
    }
    for (k, x) in kw {
        d.lock().set_str(k, x.clone());
    }
    Ok(Value::None)
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if super::is_subclass_call(args) {
        return Ok(vm.wrap_for_subclass(&args[0], Value::dict(DictMap::new())));
    }
    check_arity(vm, "dict", &args[1..], 0, 1)?;
    let v = Value::dict(DictMap::new());
    let Value::Dict(d) = &v else {
        unreachable!("just made a dict")
    };
    if let Some(src) = args.get(1) {
        update_from(vm, d, src)?;
    }
    for (k, x) in kw {
        d.lock().set_str(k, x.clone());
    }
    Ok(v)
}

fn get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "get", args, 2, 3)?;
    let d = this(vm, args)?;
    Ok(vm
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "setdefault", args, 2, 3)?;
    let d = this(vm, args)?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "pop", args, 2, 3)?;
    let d = this(vm, args)?;
    match vm.dict_del(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(x) => Ok(x.clone()),
            None => Err(PyErr::from(vm.key_error(args[1].clone()))),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let e = d.lock().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(PyErr::from(vm.new_exc(
            &vm.types().exc.KeyError.clone(),
            "popitem(): dictionary is empty",
        ))),
    }
}

fn view(vm: &Vm, args: &[Value], kind: ViewKind) -> PyResult<Value> {
    let dict = this(vm, args)?;
    Ok(Value::native(Native::DictView { dict, kind }))
}

fn keys(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args, ViewKind::Keys)
}
fn values(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args, ViewKind::Values)
}
fn items(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args, ViewKind::Items)
}

fn update(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "update", args, 1, 2)?;
    let d = this(vm, args)?;
    if let Some(src) = args.get(1) {
        update_from(vm, &d, src)?;
    }
    for (k, v) in kw {
        d.lock().set_str(k, v.clone());
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let old = std::mem::take(&mut *d.lock());
    drop(old);
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let m = d.lock().clone();
    Ok(Value::dict(m))
}

fn fromkeys(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // Called as dict.fromkeys(keys, value): args[0] is the keys (no self).
    let (keys, value) = match args {
        [Value::Class(_), k, rest @ ..] | [Value::Dict(_), k, rest @ ..] => {
            (k.clone(), rest.first().cloned())
        }
        [k, rest @ ..] => (k.clone(), rest.first().cloned()),
        [] => {
            return Err(PyErr::from(
                vm.type_error("fromkeys expected at least 1 argument, got 0"),
            ))
        }
    };
    let v = Value::dict(DictMap::new());
    let Value::Dict(d) = &v else {
        unreachable!("just made a dict")
    };
    for k in vm.iterate(&keys)? {
        vm.dict_set(d, k, value.clone().unwrap_or(Value::None))?;
    }
    Ok(v)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.lock().len() as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "__getitem__", args, 2, 2)?;
    vm.getitem(&args[0], &args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "__setitem__", args, 3, 3)?;
    let d = this(vm, args)?;
    vm.dict_set(&d, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "__delitem__", args, 2, 2)?;
    vm.delitem(&args[0], &args[1])?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "__contains__", args, 2, 2)?;
    let d = this(vm, args)?;
    Ok(Value::Bool(vm.dict_get(&d, &args[1])?.is_some()))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.iter(&args[0])
}
