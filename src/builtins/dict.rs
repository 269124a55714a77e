//! `dict`: constructor and methods.

use crate::compiler::bytecode::CmpOp;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::value::PyDict;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let d = vm.types().dict.clone();
    add_methods(vm, &d, super::protocol::COLLECTION);
    add_methods(vm, &d, super::protocol::SUBSCRIPT);
    add_methods(vm, &d, super::protocol::MUTABLE);
    add_methods(
        vm,
        &d,
        &[
            ("__new__", Arity::ANY, dict_new),
            ("__init__", Arity::ANY, dict_init),
            ("get", Arity::range(1, 2), get),
            ("setdefault", Arity::range(1, 2), setdefault),
            ("pop", Arity::range(1, 2), pop),
            ("popitem", Arity::ANY, popitem),
            ("keys", Arity::ANY, keys),
            ("values", Arity::ANY, values),
            ("items", Arity::ANY, items),
            ("update", Arity::range(0, 1), update),
            ("clear", Arity::ANY, clear),
            ("copy", Arity::ANY, copy),
            ("fromkeys", Arity::ANY, fromkeys),
        ],
    );
    // Keys and items views are sets too (collections.abc.Set): the set
    // operators take any iterable and give a set, and they compare with
    // sets. Values views are not.
    let set_like: &[NativeDef] = &[
        ("__or__", Arity::exact(1), view_or),
        ("__ror__", Arity::exact(1), view_ror),
        ("__and__", Arity::exact(1), view_and),
        ("__rand__", Arity::exact(1), view_rand),
        ("__sub__", Arity::exact(1), view_sub),
        ("__rsub__", Arity::exact(1), view_rsub),
        ("__xor__", Arity::exact(1), view_xor),
        ("__rxor__", Arity::exact(1), view_rxor),
        ("isdisjoint", Arity::exact(1), view_isdisjoint),
        ("__eq__", Arity::exact(1), view_eq),
        ("__ne__", Arity::exact(1), view_ne),
        ("__lt__", Arity::exact(1), view_lt),
        ("__le__", Arity::exact(1), view_le),
        ("__gt__", Arity::exact(1), view_gt),
        ("__ge__", Arity::exact(1), view_ge),
    ];
    for class in [vm.types().dict_keys.clone(), vm.types().dict_items.clone()] {
        add_methods(vm, &class, set_like);
    }
}

/// `set(v)`.
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let set = Value::Class(vm.types().set.clone());
    vm.call(&set, std::slice::from_ref(v), &[])
}

/// `set(left)` updated in place by `right` with the set method `update`
/// (as CPython's view operators, which accept any iterable on either side).
fn view_set_op(vm: &mut Vm, left: &Value, right: &Value, update: &str) -> PyResult<Value> {
    let s = as_set(vm, left)?;
    vm.call_method(&s, update, std::slice::from_ref(right))?;
    Ok(s)
}

macro_rules! view_set_ops {
    ($($name:ident, $rname:ident => $update:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            view_set_op(vm, &args[0], &args[1], $update)
        }
        fn $rname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            view_set_op(vm, &args[1], &args[0], $update)
        })*
    };
}

view_set_ops! {
    view_or, view_ror => "update";
    view_and, view_rand => "intersection_update";
    view_sub, view_rsub => "difference_update";
    view_xor, view_rxor => "symmetric_difference_update";
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = as_set(vm, &args[0])?;
    vm.call_method(&s, "isdisjoint", &args[1..2])
}

/// A set, a frozenset, or a keys or items view.
fn is_set_like(v: &Value) -> bool {
    match v {
        Value::Set(_) => true,
        Value::Native(n) => matches!(
            &**n,
            Native::DictView {
                kind: ViewKind::Keys | ViewKind::Items,
                ..
            }
        ),
        _ => false,
    }
}

/// Compares as sets do (sizes, then containment), without hashing the
/// values of an items view; `NotImplemented` against anything that is not
/// a set.
fn view_compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    if !is_set_like(&args[1]) {
        return Ok(vm.types().not_implemented.clone());
    }
    let (a, b) = (&args[0], &args[1]);
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    let sizes_allow = match op {
        CmpOp::Eq | CmpOp::NotEq => la == lb,
        CmpOp::Lt => la < lb,
        CmpOp::LtE => la <= lb,
        CmpOp::Gt => la > lb,
        _ => la >= lb,
    };
    // Whether every item of `x` is in `y`.
    let contained = |vm: &mut Vm, x: &Value, y: &Value| -> PyResult<bool> {
        for item in vm.iterate(x)? {
            if !vm.contains(y, &item)? {
                return Ok(false);
            }
        }
        Ok(true)
    };
    let holds = sizes_allow
        && match op {
            CmpOp::Gt | CmpOp::GtE => contained(vm, b, a)?,
            _ => contained(vm, a, b)?,
        };
    Ok(Value::Bool(if op == CmpOp::NotEq { !holds } else { holds }))
}

macro_rules! view_compares {
    ($($name:ident => $op:ident;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            view_compare(vm, args, CmpOp::$op)
        })*
    };
}

view_compares! {
    view_eq => Eq;
    view_ne => NotEq;
    view_lt => Lt;
    view_le => LtE;
    view_gt => Gt;
    view_ge => GtE;
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<Shared<PyDict>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

/// `dict.__init__(self, mapping_or_pairs=(), **kw)`: for subclasses.
fn dict_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "dict", &args[1..], 0, 1)?;
    let d = this(vm, args)?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&d, src)?;
    }
    for (k, x) in kw {
        d.lock().set_str(k, x.clone());
    }
    Ok(Value::None)
}

fn dict_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if crate::vm::native::is_subclass_call(args) {
        return Ok(vm.wrap_for_subclass(&args[0], Value::dict(DictMap::new())));
    }
    check_arity(vm, "dict", &args[1..], 0, 1)?;
    let v = Value::dict(DictMap::new());
    let Value::Dict(d) = &v else {
        unreachable!("just made a dict")
    };
    if let Some(src) = args.get(1) {
        vm.dict_update(d, src)?;
    }
    for (k, x) in kw {
        d.lock().set_str(k, x.clone());
    }
    Ok(v)
}

fn get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    Ok(vm
        .dict_get(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    if let Some(v) = vm.dict_get(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    match vm.dict_del(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(x) => Ok(x.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = this(vm, args)?;
    let e = d.lock().pop_last();
    match e {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(vm.new_error(
            &vm.types().exc.KeyError.clone(),
            "popitem(): dictionary is empty",
        )),
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
    let d = this(vm, args)?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&d, src)?;
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
        [] => return Err(vm.type_error("fromkeys expected at least 1 argument, got 0")),
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
