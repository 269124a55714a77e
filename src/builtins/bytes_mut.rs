//! `bytearray`'s own methods: the ones that change it in place.

use super::bytes_methods::{one_arg, positional, Kind};
use crate::vm::bytes::bytes_like;
use crate::vm::native::*;
use crate::vm::sync::PyCell;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let bytearray = vm.types().bytearray.clone();
    add_methods(
        vm,
        &bytearray,
        &[
            ("append", Arity::ANY, append),
            ("extend", Arity::ANY, extend),
            ("insert", Arity::ANY, insert),
            ("pop", Arity::ANY, pop),
            ("remove", Arity::ANY, remove),
            ("clear", Arity::ANY, clear),
            ("reverse", Arity::ANY, reverse),
            ("copy", Arity::ANY, copy),
            ("__iadd__", Arity::exact(1), iadd),
            ("__imul__", Arity::exact(1), imul),
        ],
    );
}

/// The storage of a `bytearray` `self` (or of a subclass's instance).
fn storage<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a PyCell<Vec<u8>>> {
    fn find(v: &Value) -> Option<&PyCell<Vec<u8>>> {
        match v {
            Value::Native(n) => match &**n {
                Native::ByteArray(a) => Some(a),
                _ => None,
            },
            Value::Instance(i) => i.base.as_ref().and_then(find),
            _ => None,
        }
    }
    args.first().and_then(find).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor requires a 'bytearray' object but received a '{}'",
            args.first()
                .map_or("nothing".to_string(), |a| vm.type_name(a))
        ))
    })
}

/// `self.name()` taking no argument.
fn no_args(vm: &Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("bytearray.{}() takes no keyword arguments", name)));
    }
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "bytearray.{}() takes no arguments ({} given)",
            name,
            args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn append(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    one_arg(vm, args, kw, "append")?;
    let b = vm.byte_value(&args[1])?;
    storage(vm, args)?.lock().push(b);
    Ok(Value::None)
}

/// The bytes `extend` adds: a bytes-like value's, or an iterable's ints.
fn extend_data(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = bytes_like(v) {
        return Ok(b.into_owned());
    }
    if !vm.is_iterable(v) {
        return Err(vm.type_error(format!("can't extend bytearray with {}", vm.type_name(v))));
    }
    let items = vm.iterate(v)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        out.push(vm.byte_value(x)?);
    }
    Ok(out)
}

fn extend(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    one_arg(vm, args, kw, "extend")?;
    let data = extend_data(vm, &args[1])?;
    storage(vm, args)?.lock().extend_from_slice(&data);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    positional(vm, args, kw, "insert", 2, 2)?;
    let i = vm.to_index(&args[1])?;
    let b = vm.byte_value(&args[2])?;
    let mut v = storage(vm, args)?.lock();
    let len = v.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    v.insert(at as usize, b);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    positional(vm, args, kw, "pop", 0, 1)?;
    let i = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let store = storage(vm, args)?;
    let popped = {
        let mut v = store.lock();
        let len = v.len() as i64;
        if len == 0 {
            Err("pop from empty bytearray")
        } else {
            let j = if i < 0 { i + len } else { i };
            if (0..len).contains(&j) {
                Ok(v.remove(j as usize))
            } else {
                Err("pop index out of range")
            }
        }
    };
    match popped {
        Ok(b) => Ok(Value::Int(b as i64)),
        Err(msg) => Err(vm.index_error(msg)),
    }
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    one_arg(vm, args, kw, "remove")?;
    let b = vm.byte_value(&args[1])?;
    let store = storage(vm, args)?;
    let found = {
        let mut v = store.lock();
        match memchr::memchr(b, &v) {
            Some(i) => {
                v.remove(i);
                true
            }
            None => false,
        }
    };
    if found {
        Ok(Value::None)
    } else {
        Err(vm.value_error("value not found in bytearray"))
    }
}

fn clear(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_args(vm, args, kw, "clear")?;
    storage(vm, args)?.lock().clear();
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_args(vm, args, kw, "reverse")?;
    storage(vm, args)?.lock().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_args(vm, args, kw, "copy")?;
    let data = storage(vm, args)?.lock().clone();
    Ok(Kind::ByteArray.make(data))
}

/// The `Native` of a bytearray `self` (of a subclass's instance too).
fn native_self(args: &[Value]) -> Option<&Native> {
    fn find(v: &Value) -> Option<&Native> {
        match v {
            Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => Some(n),
            Value::Instance(i) => i.base.as_ref().and_then(find),
            _ => None,
        }
    }
    args.first().and_then(find)
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    storage(vm, args)?;
    let n = native_self(args).expect("checked by storage");
    if !vm.bytearray_inplace(crate::compiler::bytecode::BinOp::Add, n, &args[1])? {
        return Err(vm.type_error(format!(
            "can't concat {} to bytearray",
            vm.type_name(&args[1])
        )));
    }
    Ok(args[0].clone())
}

fn imul(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    storage(vm, args)?;
    let k = Value::Int(vm.to_index(&args[1])?);
    let n = native_self(args).expect("checked by storage");
    vm.bytearray_inplace(crate::compiler::bytecode::BinOp::Mul, n, &k)?;
    Ok(args[0].clone())
}
