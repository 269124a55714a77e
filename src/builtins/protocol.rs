//! The container protocol methods that every built-in container exposes to
//! Python code (`list.__getitem__`, `dict.__contains__`, ...): one native
//! function each, serving every type through the VM's own operations.

use crate::vm::*;

/// `__len__`, `__contains__`, `__iter__`: every container.
pub const COLLECTION: &[NativeDef] = &[
    ("__len__", Arity::exact(0), len),
    ("__contains__", Arity::exact(1), contains),
    ("__iter__", Arity::exact(0), iter),
];

/// `__getitem__`: sequences and mappings.
pub const SUBSCRIPT: &[NativeDef] = &[("__getitem__", Arity::exact(1), getitem)];

/// `__setitem__` and `__delitem__`, for the mutable ones.
pub const MUTABLE: &[NativeDef] = &[
    ("__setitem__", Arity::exact(2), setitem),
    ("__delitem__", Arity::exact(1), delitem),
];

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.getitem(&args[0], &args[1])
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(&args[0], &args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.iter(&args[0])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.setitem(&args[0], args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.delitem(&args[0], &args[1])?;
    Ok(Value::None)
}
