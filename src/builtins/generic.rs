//! `types.GenericAlias` (`list[int]`) and `types.UnionType` (`int | None`):
//! what the built-in classes' `__class_getitem__` and `type.__or__` make.
//! Nothing is checked against them at run time, as in CPython; they print,
//! compare and hash as CPython's, and a union works with `isinstance`.

use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::*;

/// `origin[args]`.
pub struct GenericAlias {
    origin: Value,
    args: Vec<Value>,
}

/// `a | b | ...`, without duplicates.
pub struct UnionType {
    args: Vec<Value>,
}

/// What `type.__or__` accepts on either side.
fn union_member(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Class(_) | Value::None)
        || downcast::<GenericAlias>(v).is_some()
        || downcast::<UnionType>(v).is_some()
        || vm.type_name(v) == "TypeVar"
}

/// `a | b` for types, aliases and unions; NotImplemented for the rest.
fn make_union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if !union_member(vm, a) || !union_member(vm, b) {
        return Ok(vm.types().not_implemented.clone());
    }
    let mut args: Vec<Value> = Vec::new();
    for side in [a, b] {
        let items = match downcast::<UnionType>(side) {
            Some(u) => u.args.clone(),
            None => vec![side.clone()],
        };
        for item in items {
            let item = match item {
                Value::Class(c) if Shared::ptr_eq(&c, &vm.types().none) => Value::None,
                other => other,
            };
            let mut seen = false;
            for a in &args {
                if vm.eq(a, &item)? {
                    seen = true;
                    break;
                }
            }
            if !seen {
                args.push(item);
            }
        }
    }
    if args.len() == 1 {
        return Ok(args.pop().unwrap_or(Value::None));
    }
    Ok(new_object(vm, UnionType { args }))
}

/// How an alias or a union shows one of its arguments: a class by its
/// qualified name (with its module unless builtins), `...` as itself.
fn arg_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Class(c) => {
            let module = match c.dict.read().get_by_str("__module__") {
                Some(Value::Str(m)) => m.as_str().to_string(),
                _ => "builtins".to_string(),
            };
            let qualname = c.qualname.as_str().to_string();
            Ok(if module == "builtins" {
                qualname
            } else {
                format!("{module}.{qualname}")
            })
        }
        Value::None => Ok("None".into()),
        v if vm.type_name(v) == "ellipsis" => Ok("...".into()),
        v => vm.repr(v).map(|s| s.as_str().to_string()),
    }
}

fn alias_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a GenericAlias> {
    this_object::<GenericAlias>(vm, args, "types.GenericAlias")
}

fn union_of<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a UnionType> {
    this_object::<UnionType>(vm, args, "types.UnionType")
}

/// `cls.__class_getitem__(item)` of the built-in generic classes.
fn class_getitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 2 {
        let cls = args.first().map_or("type".into(), |c| match c {
            Value::Class(c) => c.name.as_str().to_string(),
            other => vm.type_name(other),
        });
        return Err(vm.type_error(format!(
            "{cls}.__class_getitem__() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    }
    let items = match &args[1] {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    Ok(new_object(
        vm,
        GenericAlias {
            origin: args[0].clone(),
            args: items,
        },
    ))
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = alias_of(vm, args)?;
    let (origin, items) = (a.origin.clone(), a.args.clone());
    let mut out = arg_repr(vm, &origin)?;
    out.push('[');
    if items.is_empty() {
        out.push_str("()");
    }
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&arg_repr(vm, item)?);
    }
    out.push(']');
    Ok(new_str(out))
}

fn alias_origin(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(alias_of(vm, args)?.origin.clone())
}

fn alias_args(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::tuple(alias_of(vm, args)?.args.clone()))
}

fn no_parameters(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::tuple(Vec::new()))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let origin = alias_of(vm, args)?.origin.clone();
    vm.call(&origin, &args[1..], kw)
}

fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::tuple(vec![alias_of(vm, args)?.origin.clone()]))
}

fn all_eq(vm: &mut Vm, a: &[Value], b: &[Value]) -> PyResult<bool> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !vm.eq(x, y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = alias_of(vm, args)?;
    let Some(b) = downcast::<GenericAlias>(&args[1]) else {
        return Ok(vm.types().not_implemented.clone());
    };
    let (ao, aa, bo, ba) = (
        a.origin.clone(),
        a.args.clone(),
        b.origin.clone(),
        b.args.clone(),
    );
    Ok(Value::Bool(vm.eq(&ao, &bo)? && all_eq(vm, &aa, &ba)?))
}

fn hash_all(vm: &mut Vm, items: &[Value]) -> PyResult<i64> {
    let mut h: i64 = 0x345678;
    for v in items {
        h = h.wrapping_mul(1_000_003) ^ vm.hash(v)?;
    }
    Ok(h)
}

fn alias_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = alias_of(vm, args)?;
    let (origin, items) = (a.origin.clone(), a.args.clone());
    let h = vm.hash(&origin)? ^ hash_all(vm, &items)?;
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

fn alias_instancecheck(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(vm.type_error("isinstance() argument 2 cannot be a parameterized generic"))
}

fn alias_subclasscheck(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(vm.type_error("issubclass() argument 2 cannot be a parameterized generic"))
}

fn either_or(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    make_union(vm, &args[0], &args[1])
}

fn either_ror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    make_union(vm, &args[1], &args[0])
}

fn union_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = union_of(vm, args)?.args.clone();
    let mut parts = Vec::with_capacity(items.len());
    for item in &items {
        parts.push(arg_repr(vm, item)?);
    }
    Ok(new_str(parts.join(" | ")))
}

fn union_args(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = union_of(vm, args)?.args.clone();
    let none = Value::Class(vm.types().none.clone());
    Ok(Value::tuple(
        items
            .into_iter()
            .map(|v| if v.is_none() { none.clone() } else { v })
            .collect(),
    ))
}

fn union_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = union_of(vm, args)?.args.clone();
    let Some(b) = downcast::<UnionType>(&args[1]) else {
        return Ok(vm.types().not_implemented.clone());
    };
    let b = b.args.clone();
    // Order does not matter: each side's members are in the other.
    for (x, y) in [(&a, &b), (&b, &a)] {
        for item in x.iter() {
            let mut found = false;
            for other in y.iter() {
                if vm.eq(item, other)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(Value::Bool(false));
            }
        }
    }
    Ok(Value::Bool(true))
}

fn union_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = union_of(vm, args)?.args.clone();
    // Order-independent, as equality is.
    let mut h: i64 = 0x1f3a;
    for v in &items {
        h ^= vm.hash(v)?;
    }
    Ok(Value::Int(if h == -1 { -2 } else { h }))
}

/// The classes a union stands for in `isinstance`/`issubclass`; an alias
/// among them is an error, as in CPython.
pub fn union_classes(vm: &Vm, v: &Value) -> Option<PyResult<Vec<ClassRef>>> {
    let u = downcast::<UnionType>(v)?;
    let mut out = Vec::new();
    for item in &u.args {
        match item {
            Value::Class(c) => out.push(c.clone()),
            Value::None => out.push(vm.types().none.clone()),
            _ => {
                return Some(Err(vm.type_error(
                    "isinstance() argument 2 cannot be a parameterized generic",
                )))
            }
        }
    }
    Some(Ok(out))
}

pub fn install(vm: &mut Vm) {
    let alias = native_class::<GenericAlias>(
        vm,
        "GenericAlias",
        "types",
        None,
        &[
            ("__repr__", Arity::exact(0), alias_repr),
            ("__call__", Arity::ANY, alias_call),
            ("__mro_entries__", Arity::exact(1), alias_mro_entries),
            ("__eq__", Arity::exact(1), alias_eq),
            ("__hash__", Arity::exact(0), alias_hash),
            ("__instancecheck__", Arity::exact(1), alias_instancecheck),
            ("__subclasscheck__", Arity::exact(1), alias_subclasscheck),
            ("__or__", Arity::exact(1), either_or),
            ("__ror__", Arity::exact(1), either_ror),
        ],
    );
    alias
        .dict
        .lock()
        .set_str(&vm.intern("__new__"), builtin("GenericAlias", alias_new));
    add_getters(
        vm,
        &alias,
        &[
            ("__origin__", alias_origin),
            ("__args__", alias_args),
            ("__parameters__", no_parameters),
        ],
    );
    let union = native_class::<UnionType>(
        vm,
        "UnionType",
        "types",
        None,
        &[
            ("__repr__", Arity::exact(0), union_repr),
            ("__eq__", Arity::exact(1), union_eq),
            ("__hash__", Arity::exact(0), union_hash),
            ("__or__", Arity::exact(1), either_or),
            ("__ror__", Arity::exact(1), either_ror),
        ],
    );
    add_getters(
        vm,
        &union,
        &[("__args__", union_args), ("__parameters__", no_parameters)],
    );
    let t = vm.types();
    add_methods(
        vm,
        &t.type_.clone(),
        &[
            ("__or__", Arity::exact(1), either_or),
            ("__ror__", Arity::exact(1), either_ror),
        ],
    );
    let generic = [
        t.list.clone(),
        t.tuple.clone(),
        t.dict.clone(),
        t.set.clone(),
        t.frozenset.clone(),
        t.enumerate.clone(),
    ];
    let getitem = Value::native(Native::ClassMethod(builtin(
        "__class_getitem__",
        class_getitem,
    )));
    for c in generic {
        c.dict
            .lock()
            .set_str(&vm.intern("__class_getitem__"), getitem.clone());
    }
}

/// `types.GenericAlias(origin, args)`, for classes written in Python that
/// make themselves generic (`__class_getitem__ = classmethod(GenericAlias)`).
fn alias_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "GenericAlias", &args[1..], 2, 2)?;
    class_getitem(vm, &args[1..], kw)
}
