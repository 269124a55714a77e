//! `mappingproxy` (`types.MappingProxyType`): a read-only view of a mapping,
//! what `cls.__dict__` gives. Reads go to the mapping; writes are refused.

use crate::compiler::bytecode::BinOp;
use crate::vm::native::*;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let cls = vm.types().mappingproxy.clone();
    add_methods(
        vm,
        &cls,
        &[
            ("__new__", Arity::ANY, new),
            ("__getitem__", Arity::exact(1), getitem),
            ("__contains__", Arity::exact(1), contains),
            ("__iter__", Arity::exact(0), iter),
            ("__len__", Arity::exact(0), len),
            ("__reversed__", Arity::exact(0), reversed),
            ("__eq__", Arity::exact(1), eq),
            ("__ne__", Arity::exact(1), ne),
            ("__or__", Arity::exact(1), or),
            ("__ror__", Arity::exact(1), ror),
            ("__repr__", Arity::exact(0), repr),
            ("__str__", Arity::exact(0), str_),
            ("get", Arity::range(1, 2), get),
            ("keys", Arity::exact(0), keys),
            ("values", Arity::exact(0), values),
            ("items", Arity::exact(0), items),
            ("copy", Arity::exact(0), copy),
        ],
    );
    cls.dict.lock().set_str(&vm.intern("__hash__"), Value::None);
}

/// The mapping behind the proxy `args[0]`.
fn target(vm: &Vm, args: &[Value]) -> PyResult<Value> {
    Ok(this_object::<MappingProxy>(vm, args, "mappingproxy")?
        .0
        .clone())
}

fn new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut mapping = args.get(1).cloned();
    for (k, v) in kw {
        match k.as_str() {
            "mapping" if mapping.is_none() => mapping = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "mappingproxy() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "mappingproxy() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let Some(m) = mapping else {
        return Err(vm.type_error("mappingproxy() missing required argument 'mapping' (pos 1)"));
    };
    // A mapping, not a sequence: what CPython's check accepts.
    let is_mapping = match &m {
        Value::Dict(_) => true,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => false,
        _ => {
            vm.getattr_opt(&m, &vm.intern("keys"))?.is_some() && {
                let cls = vm.class_of(&m);
                cls.lookup_str("__getitem__").is_some()
            }
        }
    };
    if !is_mapping {
        return Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(&m)
        )));
    }
    if downcast::<MappingProxy>(&m).is_some() {
        return Ok(m);
    }
    Ok(vm.mapping_proxy(m))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    vm.getitem(&m, &args[1])
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(Value::Bool(vm.contains(&m, &args[1])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    vm.iter(&m)
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(Value::Int(vm.len(&m)? as i64))
}

/// `name` called on the mapping with the rest of the arguments.
fn forward(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Value> {
    let m = target(vm, args)?;
    vm.call_method(&m, name, &args[1..])
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "__reversed__")
}
fn eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(Value::Bool(vm.eq(&m, &args[1])?))
}
fn ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(Value::Bool(!vm.eq(&m, &args[1])?))
}
fn or(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    let other = match downcast::<MappingProxy>(&args[1]) {
        Some(p) => p.0.clone(),
        None => args[1].clone(),
    };
    vm.binary_op(BinOp::BitOr, &m, &other)
}
fn ror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    vm.binary_op(BinOp::BitOr, &args[1], &m)
}
fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(new_str(format!("mappingproxy({})", vm.repr(&m)?)))
}
fn str_(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = target(vm, args)?;
    Ok(new_str(vm.str_(&m)?))
}
fn get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "get")
}
fn keys(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "keys")
}
fn values(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "values")
}
fn items(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "items")
}
fn copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    forward(vm, args, "copy")
}
