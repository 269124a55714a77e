//! `BaseExceptionGroup` and `ExceptionGroup` (PEP 654): construction with
//! CPython's checks, `exceptions`, `message`, `split`, `subgroup`, `derive`.

use crate::vm::exc_group::Matcher;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::*;

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let cls = cls.clone();
    let name = cls.name.as_str().to_string();
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    if !matches!(args[1], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[1])
        )));
    }
    let excs = match &args[2] {
        Value::List(_) | Value::Tuple(_) => vm.iterate(&args[2])?,
        v if vm.lookup_special(v, "__getitem__").is_some()
            && vm.lookup_special(v, "__len__").is_some()
            && !matches!(v, Value::Dict(_)) =>
        {
            vm.iterate(v)?
        }
        _ => {
            return Err(vm.type_error("second argument (exceptions) must be a sequence"));
        }
    };
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let t = &vm.types().exc;
    let exc = (
        t.BaseException.clone(),
        t.Exception.clone(),
        t.BaseExceptionGroup.clone(),
        t.ExceptionGroup.clone(),
    );
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        if !vm.isinstance(e, &exc.0) {
            return Err(vm.value_error(format!(
                "Item {i} of second argument (exceptions) is not an exception"
            )));
        }
        all_exceptions &= vm.isinstance(e, &exc.1);
    }
    let cls = if Shared::ptr_eq(&cls, &exc.2) {
        // A plain BaseExceptionGroup of Exceptions is an ExceptionGroup.
        if all_exceptions {
            exc.3.clone()
        } else {
            cls
        }
    } else if cls.is_subclass(&exc.1) && !all_exceptions {
        return Err(vm.type_error(if Shared::ptr_eq(&cls, &exc.3) {
            "Cannot nest BaseExceptions in an ExceptionGroup".to_string()
        } else {
            format!("Cannot nest BaseExceptions in '{name}'")
        }));
    } else {
        cls
    };
    Ok(vm.new_instance(&cls, &args[1..]))
}

fn group_items(vm: &Vm, v: &Value) -> Vec<Value> {
    vm.group_exceptions(v).unwrap_or_default()
}

fn message_of(vm: &Vm, v: &Value) -> Value {
    match vm.exc_data(v).map(|d| d.lock().args.clone()) {
        Some(Value::Tuple(t)) => t.items.first().cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn group_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = group_items(vm, &args[0]).len();
    let msg = message_of(vm, &args[0]);
    let msg = vm.str_(&msg)?;
    Ok(new_str(format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    )))
}

fn group_exceptions(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::tuple(group_items(vm, &args[0])))
}

fn group_message(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(message_of(vm, &args[0]))
}

/// A class or tuple of classes, or a predicate.
fn matcher(vm: &mut Vm, cond: &Value) -> PyResult<Matcher> {
    let base = vm.types().exc.BaseException.clone();
    let is_exc_class = |v: &Value| matches!(v, Value::Class(c) if c.is_subclass(&base));
    match cond {
        v if is_exc_class(v) => Ok(Matcher::Type(v.clone())),
        Value::Tuple(t) if t.items.iter().all(is_exc_class) => Ok(Matcher::Type(cond.clone())),
        v if crate::builtins::is_callable(vm, v) && !matches!(v, Value::Class(_)) => {
            Ok(Matcher::Predicate(v.clone()))
        }
        _ => Err(vm.type_error("expected a function, exception type or tuple of exception types")),
    }
}

fn group_split(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = matcher(vm, &args[1])?;
    let (hit, rest) = vm.group_split(&args[0], &m)?;
    Ok(Value::tuple(vec![hit, rest]))
}

fn group_subgroup(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = matcher(vm, &args[1])?;
    Ok(vm.group_split(&args[0], &m)?.0)
}

/// `eg.derive(excs)`: a group of the same message (a subclass overrides it
/// to keep its own type).
fn group_derive(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let msg = message_of(vm, &args[0]);
    let cls = Value::Class(vm.types().exc.BaseExceptionGroup.clone());
    vm.call(&cls, &[msg, args[1].clone()], &[])
}

pub fn install(vm: &mut Vm) {
    let cls = vm.types().exc.BaseExceptionGroup.clone();
    cls.dict.lock().set_str(
        &vm.intern("__new__"),
        Value::native(Native::StaticMethod(builtin("__new__", group_new))),
    );
    add_methods(
        vm,
        &cls,
        &[
            ("__str__", Arity::exact(0), group_str),
            ("split", Arity::exact(1), group_split),
            ("subgroup", Arity::exact(1), group_subgroup),
            ("derive", Arity::exact(1), group_derive),
        ],
    );
    add_getters(
        vm,
        &cls,
        &[("exceptions", group_exceptions), ("message", group_message)],
    );
}
