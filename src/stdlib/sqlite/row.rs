//! `sqlite3.Row`: a row factory whose rows are indexed by position and by
//! column name (ASCII case-insensitive), compare equal by description and
//! values, and hash alike when equal.

use super::cursor::Cursor;
use crate::vm::native::{builtin, class_for, downcast, native_class, new_object_of, this_object};
use crate::vm::{Arity, ClassRef, Native, PyResult, Str, Value, Vm};

pub struct Row {
    /// The cursor's `description` when the row was made.
    desc: Value,
    /// The values (a tuple).
    data: Value,
}

pub fn register(vm: &mut Vm) -> ClassRef {
    let class = native_class::<Row>(
        vm,
        "Row",
        "sqlite3",
        None,
        &[
            ("keys", Arity::exact(0), keys),
            ("__repr__", Arity::exact(0), super::native_repr),
            ("__getitem__", Arity::exact(1), getitem),
            ("__len__", Arity::exact(0), len),
            ("__iter__", Arity::exact(0), iter),
            ("__eq__", Arity::exact(1), eq),
            ("__ne__", Arity::exact(1), ne),
            ("__hash__", Arity::exact(0), hash),
        ],
    );
    class
        .dict
        .lock()
        .set_by_str("__new__", builtin("Row.__new__", new));
    class
}

fn new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    crate::vm::native::no_kwargs(vm, "Row", kw)?;
    let (cls, rest) = match args.split_first() {
        Some((c @ Value::Class(_), rest)) => (c.clone(), rest),
        _ => (Value::Class(class_for::<Row>(vm)), args),
    };
    if rest.len() != 2 {
        return Err(vm.type_error(format!("Row expected 2 arguments, got {}", rest.len())));
    }
    if downcast::<Cursor>(&rest[0]).is_none() {
        return Err(vm.type_error(format!(
            "Row() argument 1 must be sqlite3.Cursor, not {}",
            vm.type_name(&rest[0])
        )));
    }
    if !matches!(rest[1], Value::Tuple(_)) {
        return Err(vm.type_error(format!(
            "Row() argument 2 must be tuple, not {}",
            vm.type_name(&rest[1])
        )));
    }
    let desc = vm.getattr_str(&rest[0], "description")?;
    let row = Row {
        desc,
        data: rest[1].clone(),
    };
    let obj = new_object_of(class_for::<Row>(vm), row);
    Ok(vm.wrap_for_subclass(&cls, obj))
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Row> {
    this_object::<Row>(vm, args, "sqlite3.Row")
}

fn items(v: &Value) -> &[Value] {
    match v {
        Value::Tuple(t) => &t.items,
        _ => &[],
    }
}

/// The column names of a description.
fn names(desc: &Value) -> impl Iterator<Item = &Value> {
    items(desc).iter().map(|d| match d {
        Value::Tuple(t) => &t.items[0],
        other => other,
    })
}

fn keys(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let row = this(vm, args)?;
    Ok(Value::list(names(&row.desc).cloned().collect()))
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let row = this(vm, args)?;
    let data = items(&row.data);
    match &args[1] {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let i = vm.to_index(&args[1])?;
            let j = if i < 0 { i + data.len() as i64 } else { i };
            if j < 0 || j as usize >= data.len() {
                return Err(vm.index_error("tuple index out of range"));
            }
            Ok(data[j as usize].clone())
        }
        Value::Str(key) => {
            for (i, name) in names(&row.desc).enumerate() {
                if let Some(n) = name.as_str() {
                    if n.eq_ignore_ascii_case(key.as_str()) {
                        return Ok(data.get(i).cloned().unwrap_or(Value::None));
                    }
                }
            }
            Err(vm.index_error("No item with that key"))
        }
        Value::Native(n) if matches!(**n, Native::Slice { .. }) => {
            let d = row.data.clone();
            vm.getitem(&d, &args[1])
        }
        _ => Err(vm.index_error("Index must be int or string")),
    }
}

fn len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(items(&this(vm, args)?.data).len() as i64))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?.data.clone();
    vm.iter(&d)
}

fn equal(vm: &mut Vm, args: &[Value]) -> PyResult<Option<bool>> {
    let row = this(vm, args)?;
    let Some(other) = downcast::<Row>(&args[1]) else {
        return Ok(None);
    };
    let (a, b) = (row.desc.clone(), other.desc.clone());
    if !vm.eq(&a, &b)? {
        return Ok(Some(false));
    }
    let (a, b) = (row.data.clone(), other.data.clone());
    Ok(Some(vm.eq(&a, &b)?))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match equal(vm, args)? {
        Some(b) => Value::Bool(b),
        None => vm.types().not_implemented.clone(),
    })
}

fn ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match equal(vm, args)? {
        Some(b) => Value::Bool(!b),
        None => vm.types().not_implemented.clone(),
    })
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let row = this(vm, args)?;
    let (d, v) = (row.desc.clone(), row.data.clone());
    let h = vm.hash(&d)? ^ vm.hash(&v)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}
