//! `_weakref`: the native part of `weakref` (`src/vm/weak.rs`): handles that
//! reach an object without keeping it alive, and callbacks on its death.

use crate::vm::dict::DictMap;
use crate::vm::native::{add_functions, downcast, new_object, Arity};
use crate::vm::weak::{self, WeakHandle};
use crate::vm::{PyResult, Str, Value, Vm};

fn handle(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match WeakHandle::new(&args[0]) {
        Some(h) => Ok(new_object(vm, h)),
        None => Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(&args[0])
        ))),
    }
}

fn get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match downcast::<WeakHandle>(&args[0]) {
        Some(h) => Ok(h.get().unwrap_or(Value::None)),
        None => Err(vm.type_error("not a weak reference handle")),
    }
}

fn watch(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    weak::watch(&args[0], &args[1], args[2].clone());
    Ok(Value::None)
}

fn getweakrefs(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::list(weak::references_to(&args[0])))
}

fn getweakrefcount(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(weak::references_to(&args[0]).len() as i64))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(
        vm,
        d,
        &[
            ("handle", Arity::exact(1), handle),
            ("get", Arity::exact(1), get),
            ("watch", Arity::exact(3), watch),
            ("getweakrefs", Arity::exact(1), getweakrefs),
            ("getweakrefcount", Arity::exact(1), getweakrefcount),
        ],
    );
    Ok(())
}
