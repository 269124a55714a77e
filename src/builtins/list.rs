//! `list`, `tuple`, `range` and `slice`.

use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::value::PyList;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (list, tuple, range, slice) = (
        t.list.clone(),
        t.tuple.clone(),
        t.range.clone(),
        t.slice.clone(),
    );
    add_methods(vm, &list, super::protocol::COLLECTION);
    add_methods(vm, &list, super::protocol::SUBSCRIPT);
    add_methods(vm, &list, super::protocol::MUTABLE);
    add_methods(
        vm,
        &list,
        &[
            ("__new__", Arity::ANY, list_new),
            ("__init__", Arity::ANY, list_init),
            ("append", Arity::exact(1), append),
            ("extend", Arity::exact(1), extend),
            ("insert", Arity::exact(2), insert),
            ("pop", Arity::range(0, 1), pop),
            ("remove", Arity::exact(1), remove),
            ("clear", Arity::ANY, clear),
            ("index", Arity::range(1, 3), index),
            ("count", Arity::exact(1), count),
            ("sort", Arity::exact(0), sort),
            ("reverse", Arity::ANY, reverse),
            ("copy", Arity::ANY, copy),
        ],
    );
    add_methods(vm, &tuple, super::protocol::COLLECTION);
    add_methods(vm, &tuple, super::protocol::SUBSCRIPT);
    add_methods(
        vm,
        &tuple,
        &[
            ("__new__", Arity::ANY, tuple_new),
            ("index", Arity::range(1, 3), index),
            ("count", Arity::exact(1), count),
        ],
    );
    add_methods(
        vm,
        &range,
        &[
            ("__new__", Arity::ANY, range_new),
            ("index", Arity::range(1, 3), index),
            ("count", Arity::exact(1), count),
        ],
    );
    add_methods(
        vm,
        &slice,
        &[
            ("__new__", Arity::ANY, slice_new),
            ("indices", Arity::exact(1), slice_indices),
        ],
    );
}

fn this_list(vm: &Vm, args: &[Value]) -> PyResult<Shared<PyList>> {
    match args.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if crate::vm::native::is_subclass_call(args) {
        // A subclass fills its list in __init__ (list.__init__ or its own).
        return Ok(vm.wrap_for_subclass(&args[0], Value::list(Vec::new())));
    }
    check_arity(vm, "list", &args[1..], 0, 1)?;
    match args.get(1) {
        Some(v) => Ok(Value::list(vm.iterate(v)?)),
        None => Ok(Value::list(Vec::new())),
    }
}

/// `list.__init__(self, iterable=())`: for subclasses.
fn list_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "list", &args[1..], 0, 1)?;
    let l = this_list(vm, args)?;
    let items = match args.get(1) {
        Some(v) => vm.iterate(v)?,
        None => Vec::new(),
    };
    *l.lock() = items;
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "tuple", &args[1..], 0, 1)?;
    let t = match args.get(1) {
        Some(Value::Tuple(_)) => args[1].clone(),
        Some(v) => Value::tuple(vm.iterate(v)?),
        None => Value::tuple(Vec::new()),
    };
    Ok(vm.wrap_for_subclass(&args[0], t))
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this_list(vm, args)?.lock().push(args[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let items = vm.iterate(&args[1])?;
    l.lock().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let i = vm.to_index(&args[1])?;
    let mut v = l.lock();
    let n = v.len() as i64;
    let at = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    v.insert(at, args[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let i = match args.get(1) {
        Some(v) => vm.to_index(v)?,
        None => -1,
    };
    let mut v = l.lock();
    if v.is_empty() {
        drop(v);
        return Err(vm.index_error("pop from empty list"));
    }
    let n = v.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        drop(v);
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(v.remove(j as usize))
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let items = l.lock().clone();
    for (i, x) in items.iter().enumerate() {
        if vm.eq(x, &args[1])? {
            let mut v = l.lock();
            if i < v.len() {
                v.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let old = std::mem::take(&mut *l.lock());
    drop(old);
    Ok(Value::None)
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = vm.iterate(&args[0])?;
    let n = items.len();
    let none = Value::None;
    let idx = vm.slice_indices(
        args.get(2).unwrap_or(&none),
        args.get(3).unwrap_or(&none),
        &Value::None,
        n,
    )?;
    let (lo, hi) = (idx.start.max(0) as usize, (idx.stop.max(0) as usize).min(n));
    for (i, item) in items.iter().enumerate().take(hi).skip(lo) {
        if vm.eq(item, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let what = match &args[0] {
        Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
        Value::List(_) => {
            let r = vm.repr(&args[1])?;
            format!("{} is not in list", r)
        }
        _ => format!("{} is not in range", vm.repr(&args[1])?),
    };
    Err(vm.value_error(what))
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = vm.iterate(&args[0])?;
    let mut n = 0;
    for x in &items {
        if vm.eq(x, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    // Sort a copy and put it back, so key functions see an empty list, as CPython.
    let items = std::mem::take(&mut *l.lock());
    match super::functions::sort_values(vm, items.clone(), kw) {
        Ok(sorted) => {
            *l.lock() = sorted;
            Ok(Value::None)
        }
        Err(e) => {
            *l.lock() = items;
            Err(e)
        }
    }
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    this_list(vm, args)?.lock().reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let l = this_list(vm, args)?;
    let v = l.lock().clone();
    Ok(Value::list(v))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "range", kw)?;
    let a = &args[1..];
    let mut ints = Vec::with_capacity(3);
    for v in a {
        match v {
            Value::BigInt(_) => {
                return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
            }
            _ => ints.push(vm.to_index(v)?),
        }
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "range expected at most 3 arguments, got {}",
                ints.len()
            )))
        }
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::native(Native::Range { start, stop, step }))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a {
        [stop] => (Value::None, stop.clone(), Value::None),
        [start, stop] => (start.clone(), stop.clone(), Value::None),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => return Err(vm.type_error("slice expected 1 to 3 arguments")),
    };
    Ok(Value::native(Native::Slice { start, stop, step }))
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Native(n) = &args[0] else {
        return Err(vm.type_error("indices needs a slice"));
    };
    let Native::Slice { start, stop, step } = &**n else {
        return Err(vm.type_error("indices needs a slice"));
    };
    let len = vm.to_index(&args[1])?.max(0) as usize;
    let idx = vm.slice_indices(start, stop, step, len)?;
    Ok(Value::tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}
