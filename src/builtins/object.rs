//! `object`, `type`, exceptions, descriptors (`property`, `staticmethod`,
//! `classmethod`), `super`, generators and iterators.

use crate::vm::dict::DictMap;
use crate::vm::generator::GenResult;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::*;

/// `x.__add__(y)` and friends on built-in values: the operator itself, with
/// `NotImplemented` when the operand types do not fit.
macro_rules! operator_dunders {
    ($($fname:ident = $text:literal => $op:expr, $reflected:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            let (a, b) = if $reflected { (&args[1], &args[0]) } else { (&args[0], &args[1]) };
            // The built-in type's own operator: on the built-in values inside
            // instances of its subclasses.
            let (a, b) = (crate::vm::ops::unwrap_base(a), crate::vm::ops::unwrap_base(b));
            match vm.binary_op($op, &a, &b) {
                Ok(v) => Ok(v),
                Err(e) if vm.isinstance(&e, &vm.types().exc.TypeError.clone()) => Ok(vm.types().not_implemented.clone()),
                Err(e) => Err(e),
            }
        })*
        const OPERATOR_DUNDERS: &[NativeDef] = &[$(($text, Arity::exact(1), $fname),)*];
    };
}

use crate::compiler::bytecode::BinOp as B;
operator_dunders! {
    op_add = "__add__" => B::Add, false; op_radd = "__radd__" => B::Add, true;
    op_sub = "__sub__" => B::Sub, false; op_rsub = "__rsub__" => B::Sub, true;
    op_mul = "__mul__" => B::Mul, false; op_rmul = "__rmul__" => B::Mul, true;
    op_truediv = "__truediv__" => B::Div, false; op_rtruediv = "__rtruediv__" => B::Div, true;
    op_floordiv = "__floordiv__" => B::FloorDiv, false; op_rfloordiv = "__rfloordiv__" => B::FloorDiv, true;
    op_mod = "__mod__" => B::Mod, false; op_rmod = "__rmod__" => B::Mod, true;
    op_pow = "__pow__" => B::Pow, false; op_rpow = "__rpow__" => B::Pow, true;
    op_lshift = "__lshift__" => B::LShift, false; op_rshift = "__rshift__" => B::RShift, false;
    op_and = "__and__" => B::BitAnd, false; op_or = "__or__" => B::BitOr, false; op_xor = "__xor__" => B::BitXor, false;
}

macro_rules! compare_dunders {
    ($($fname:ident = $text:literal => $op:ident;)*) => {
        $(fn $fname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            match vm.compare(crate::compiler::bytecode::CmpOp::$op, &args[0], &args[1]) {
                Ok(v) => Ok(v),
                Err(e) if vm.isinstance(&e, &vm.types().exc.TypeError.clone()) => Ok(vm.types().not_implemented.clone()),
                Err(e) => Err(e),
            }
        })*
        const COMPARE_DUNDERS: &[NativeDef] = &[$(($text, Arity::exact(1), $fname),)*];
    };
}

compare_dunders! { op_lt = "__lt__" => Lt; op_le = "__le__" => LtE; op_gt = "__gt__" => Gt; op_ge = "__ge__" => GtE; }

fn dunder_neg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.unary_op(crate::compiler::bytecode::UnaryOp::Neg, &args[0])
}

fn dunder_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(&args[0])?))
}

fn install_operator_dunders(vm: &mut Vm) {
    let t = vm.types();
    let numeric = [t.int.clone(), t.float.clone()];
    let sequences = [t.str_.clone(), t.list.clone(), t.tuple.clone()];
    for c in numeric.iter().chain(sequences.iter()) {
        for (name, arity, f) in OPERATOR_DUNDERS.iter().chain(COMPARE_DUNDERS.iter()) {
            // Only what the type really supports: sequences add and repeat.
            let seq_ok = matches!(
                *name,
                "__add__"
                    | "__mul__"
                    | "__rmul__"
                    | "__mod__"
                    | "__lt__"
                    | "__le__"
                    | "__gt__"
                    | "__ge__"
            );
            if numeric.iter().any(|n| Shared::ptr_eq(n, c)) || seq_ok {
                let name: &'static str = name;
                if c.dict.read().get_by_str(name).is_none() {
                    c.dict
                        .lock()
                        .set_by_str(name, native_method(name, *arity, *f));
                }
            }
        }
    }
    for c in numeric.iter() {
        c.dict.lock().set_by_str(
            "__neg__",
            native_method("__neg__", Arity::exact(0), dunder_neg),
        );
        c.dict.lock().set_by_str(
            "__bool__",
            native_method("__bool__", Arity::exact(0), dunder_bool),
        );
    }
}

/// Built-in types that define their own `__repr__`, `__str__` and
/// `__format__` get their own method objects, so `dict.__repr__` is neither
/// `object.__repr__` nor `list.__repr__` (code dispatching on them, like
/// pprint's and enum's, tells the types apart by these).
fn install_own_slots(vm: &mut Vm) {
    let t = vm.types();
    let with_repr = [
        &t.bool_,
        &t.int,
        &t.float,
        &t.str_,
        &t.bytes,
        &t.bytearray,
        &t.memoryview,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
        &t.slice,
        &t.type_,
        &t.property,
        &t.staticmethod,
        &t.classmethod,
        &t.super_,
    ];
    own(&with_repr, "__repr__", Arity::exact(0), object_repr);
    own(
        &[&t.str_, &t.bytes, &t.bytearray],
        "__str__",
        Arity::exact(0),
        object_str,
    );
    // Mutable containers are unhashable: their `__hash__` is None.
    for c in [&t.list, &t.dict, &t.set, &t.bytearray] {
        c.dict.lock().set_by_str("__hash__", Value::None);
    }
    let hashable = [&t.int, &t.float, &t.str_, &t.bytes, &t.tuple, &t.frozenset];
    own(&hashable, "__hash__", Arity::exact(0), value_hash);
    own(
        &[&t.int, &t.float, &t.str_],
        "__format__",
        Arity::exact(1),
        value_format,
    );
}

/// Gives each of `classes` that has no `name` of its own a native method
/// `name` calling `f`.
fn own(classes: &[&ClassRef], name: &'static str, arity: Arity, f: NativeFn) {
    for c in classes {
        if c.dict.read().get_by_str(name).is_none() {
            c.dict
                .lock()
                .set_by_str(name, native_method(name, arity, f));
        }
    }
}

/// `int.__hash__` and the other hashable built-in types': the hash of the
/// value (a subclass instance's built-in value).
fn value_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let v = match crate::vm::ops::base_of(&args[0]) {
        Some(b) => b.clone(),
        None => args[0].clone(),
    };
    Ok(Value::Int(vm.hash(&v)?))
}

/// `int.__format__`, `float.__format__` and `str.__format__`: the format
/// mini-language on the value (a subclass instance's built-in value).
fn value_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(spec) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "format() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let spec = spec.to_string();
    let v = match crate::vm::ops::base_of(&args[0]) {
        Some(b) => b.clone(),
        None => args[0].clone(),
    };
    Ok(new_str(vm.format(&v, &spec)?))
}

pub fn install(vm: &mut Vm) {
    install_operator_dunders(vm);
    let t = vm.types();
    let (object, type_, base_exc) = (
        t.object.clone(),
        t.type_.clone(),
        t.exc.BaseException.clone(),
    );
    add_methods(
        vm,
        &object,
        &[
            ("__new__", Arity::ANY, object_new),
            ("__init__", Arity::ANY, object_init),
            ("__repr__", Arity::exact(0), object_repr),
            ("__str__", Arity::exact(0), object_str),
            ("__eq__", Arity::exact(1), object_eq),
            ("__ne__", Arity::exact(1), object_ne),
            ("__hash__", Arity::exact(0), object_hash),
            ("__reduce_ex__", Arity::exact(1), object_reduce_ex),
            ("__reduce__", Arity::exact(0), object_reduce),
            ("__format__", Arity::exact(1), object_format),
            ("__setattr__", Arity::exact(2), object_setattr),
            ("__getattribute__", Arity::exact(1), object_getattribute),
            ("__delattr__", Arity::exact(1), object_delattr),
        ],
    );
    install_own_slots(vm);
    add_methods(
        vm,
        &type_,
        &[
            ("__new__", Arity::ANY, type_new),
            ("__init__", Arity::ANY, type_init),
            ("__call__", Arity::ANY, type_call),
            ("__prepare__", Arity::ANY, type_prepare),
            ("__subclasses__", Arity::exact(0), type_subclasses),
            ("__instancecheck__", Arity::exact(1), type_instancecheck),
            ("__subclasscheck__", Arity::exact(1), type_subclasscheck),
            ("mro", Arity::ANY, type_mro),
        ],
    );
    object.dict.lock().set_by_str("__init_subclass__", {
        let f = crate::vm::native::native_method(
            "__init_subclass__",
            Arity::exact(0),
            object_init_subclass,
        );
        Value::native(Native::ClassMethod(f))
    });
    // `object.__subclasshook__()`: no opinion, the ABC machinery decides.
    object.dict.lock().set_by_str("__subclasshook__", {
        let f =
            crate::vm::native::native_method("__subclasshook__", Arity::ANY, object_subclasshook);
        Value::native(Native::ClassMethod(f))
    });
    add_methods(
        vm,
        &base_exc,
        &[
            ("__init__", Arity::ANY, exc_init),
            ("__str__", Arity::exact(0), exc_str),
            ("__repr__", Arity::exact(0), exc_repr),
            ("with_traceback", Arity::ANY, exc_with_traceback),
            ("add_note", Arity::exact(1), exc_add_note),
        ],
    );
    let key_error = vm.types().exc.KeyError.clone();
    add_methods(
        vm,
        &key_error,
        &[("__str__", Arity::exact(0), key_error_str)],
    );
    let syntax_error = vm.types().exc.SyntaxError.clone();
    add_methods(
        vm,
        &syntax_error,
        &[
            ("__init__", Arity::ANY, syntax_error_init),
            ("__str__", Arity::exact(0), syntax_error_str),
        ],
    );
    let os_error = vm.types().exc.OSError.clone();
    add_methods(
        vm,
        &os_error,
        &[
            ("__new__", Arity::ANY, os_error_new),
            ("__init__", Arity::ANY, os_error_init),
            ("__str__", Arity::exact(0), os_error_str),
        ],
    );
    for (cls, name) in [
        (vm.types().exc.StopIteration.clone(), "value"),
        (vm.types().exc.SystemExit.clone(), "code"),
    ] {
        let prop = Value::native(Native::Property {
            fget: builtin("first_arg", exc_first_arg),
            fset: Value::None,
            fdel: Value::None,
            doc: Value::None,
        });
        cls.dict.lock().set_by_str(name, prop);
    }
    let t = vm.types();
    let (property, staticmethod, classmethod, super_, generator) = (
        t.property.clone(),
        t.staticmethod.clone(),
        t.classmethod.clone(),
        t.super_.clone(),
        t.generator.clone(),
    );
    add_methods(
        vm,
        &property,
        &[
            ("__new__", Arity::ANY, property_new),
            ("getter", Arity::ANY, property_getter),
            ("setter", Arity::ANY, property_setter),
            ("deleter", Arity::ANY, property_deleter),
            ("__get__", Arity::range(1, 2), property_get),
            ("__set__", Arity::exact(2), property_set),
            ("__delete__", Arity::exact(1), property_delete),
        ],
    );
    add_methods(
        vm,
        &staticmethod,
        &[
            ("__new__", Arity::ANY, staticmethod_new),
            ("__get__", Arity::range(1, 2), wrapper_get),
        ],
    );
    add_methods(
        vm,
        &classmethod,
        &[
            ("__new__", Arity::ANY, classmethod_new),
            ("__get__", Arity::range(1, 2), wrapper_get),
        ],
    );
    let function = vm.types().function.clone();
    add_methods(
        vm,
        &function,
        &[("__get__", Arity::range(1, 2), function_get)],
    );
    add_methods(vm, &super_, &[("__new__", Arity::ANY, super_new)]);
    add_methods(
        vm,
        &generator,
        &[
            ("send", Arity::exact(1), gen_send),
            ("throw", Arity::range(1, 3), gen_throw),
            ("close", Arity::exact(0), gen_close),
            ("__next__", Arity::exact(0), iter_next),
            ("__iter__", Arity::ANY, iter_self),
        ],
    );
    let t = vm.types();
    for it in [
        t.iterator.clone(),
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
    ] {
        add_methods(
            vm,
            &it,
            &[
                ("__next__", Arity::exact(0), iter_next),
                ("__iter__", Arity::ANY, iter_self),
            ],
        );
    }
    let t = vm.types();
    let (enumerate, zip, map, filter, reversed) = (
        t.enumerate.clone(),
        t.zip.clone(),
        t.map.clone(),
        t.filter.clone(),
        t.reversed.clone(),
    );
    add_methods(vm, &enumerate, &[("__new__", Arity::ANY, enumerate_new)]);
    add_methods(vm, &zip, &[("__new__", Arity::ANY, zip_new)]);
    add_methods(vm, &map, &[("__new__", Arity::ANY, map_new)]);
    add_methods(vm, &filter, &[("__new__", Arity::ANY, filter_new)]);
    add_methods(vm, &reversed, &[("__new__", Arity::ANY, reversed_new)]);
    let none = vm.types().none.clone();
    add_methods(vm, &none, &[("__new__", Arity::ANY, none_new)]);
}

fn object_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(c)) => {
            if c.meta.is_some() {
                vm.check_not_abstract(c)?;
            }
            // An exception keeps its constructor's arguments, whatever its
            // `__init__` does.
            Ok(vm.new_instance(c, &args[1..]))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match &args[0] {
        Value::Instance(i) => match &i.base {
            Some(b) => {
                let b = b.clone();
                Ok(new_str(vm.repr(&b)?))
            }
            None => Ok(new_str(vm.default_repr(&args[0]))),
        },
        // A native class's object (`_io.BytesIO`) without a repr of its own.
        Value::Native(n) if matches!(&**n, Native::Object { .. }) => {
            Ok(new_str(vm.default_repr(&args[0])))
        }
        v => Ok(new_str(vm.repr(v)?)),
    }
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match &args[0] {
        Value::Instance(i) if i.base.is_none() => Ok(new_str(vm.repr(&args[0])?)),
        Value::Instance(i) => {
            // A subclass of a built-in type prints as its value, unless it
            // defines __repr__ (which str() then uses, as CPython).
            let own_repr = matches!(
                vm.class_lookup_str(i.class(), "__repr__"),
                Some(Value::Func(_))
            );
            let b = i.base.clone().unwrap_or(Value::None);
            if own_repr {
                Ok(new_str(vm.repr(&args[0])?))
            } else {
                Ok(new_str(vm.str_(&b)?))
            }
        }
        // A native object's str() comes here when its type has no `__str__`.
        v @ Value::Native(n) if matches!(**n, Native::Object { .. }) => Ok(new_str(vm.repr(v)?)),
        v => Ok(new_str(vm.str_(v)?)),
    }
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if !matches!(args[0], Value::Instance(_)) && !matches!(args[1], Value::Instance(_)) {
        return vm.compare(crate::compiler::bytecode::CmpOp::Eq, &args[0], &args[1]);
    }
    Ok(if args[0].is(&args[1]) {
        Value::Bool(true)
    } else {
        vm.types().not_implemented.clone()
    })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let eq = vm.compare(crate::compiler::bytecode::CmpOp::Eq, &args[0], &args[1])?;
    Ok(Value::Bool(!vm.truthy(&eq)?))
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if !matches!(args[0], Value::Instance(_)) {
        return Ok(Value::Int(vm.hash(&args[0])?));
    }
    Ok(Value::Int(
        (args[0].heap_ptr().map_or(0, |p| p as usize) >> 4) as i64,
    ))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let spec = args[1].as_str().unwrap_or("");
    if !spec.is_empty() {
        return Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        )));
    }
    Ok(new_str(vm.str_(&args[0])?))
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(name) = args[1].as_str() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(name);
    match &args[0] {
        Value::Instance(i) => {
            let i = i.clone();
            vm.generic_setattr_instance(&args[0], &i, &name, args[2].clone())?;
            Ok(Value::None)
        }
        Value::Class(c) if !c.builtin => {
            vm.generic_setattr_class(c, &name, args[2].clone());
            Ok(Value::None)
        }
        other => {
            vm.setattr(other, &name, args[2].clone())?;
            Ok(Value::None)
        }
    }
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(name) = args[1].as_str() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(name);
    match vm.generic_getattr(&args[0], &name)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&args[0], name.as_str())),
    }
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(name) = args[1].as_str() else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let removed = match &args[0] {
        Value::Instance(i) => i.dict.lock().remove_str(name).is_some(),
        Value::Class(c) if !c.builtin => c.dict.lock().remove_str(name).is_some(),
        _ => false,
    };
    if removed {
        return Ok(Value::None);
    }
    Err(vm.no_attribute(&args[0], name))
}

/// `type(x)`, or `type(name, bases, namespace, **kwds)` / `type.__new__(meta, ...)`.
fn type_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(meta)) = args.first() else {
        return Err(vm.type_error("type.__new__(X): X is not a type object"));
    };
    if args.len() == 2 && kw.is_empty() && Shared::ptr_eq(meta, &vm.types().type_) {
        return Ok(Value::Class(vm.class_of(&args[1])));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let Value::Str(name) = &args[1] else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 1 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let Value::Tuple(bases_t) = &args[2] else {
        return Err(vm.type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            vm.type_name(&args[2])
        )));
    };
    let mut bases = Vec::new();
    for b in bases_t.items.iter() {
        match b {
            Value::Class(c) => bases.push(c.clone()),
            other => {
                return Err(
                    vm.type_error(format!("bases must be types, not {}", vm.type_name(other)))
                )
            }
        }
    }
    let dict = match crate::vm::ops::unwrap_base(&args[3]) {
        Value::Dict(d) => d.lock().clone(),
        other => {
            return Err(vm.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let meta = vm.most_derived_meta(meta, &bases)?;
    let cls = vm.create_class(&meta, name.clone(), bases, dict, kw)?;
    Ok(Value::Class(cls))
}

/// `type.__init__`: the class is made already; the arguments are checked.
fn type_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match args.len() {
        2 | 4 => Ok(Value::None),
        _ => Err(vm.type_error("type.__init__() takes 1 or 3 arguments")),
    }
}

/// `type.__call__(cls, *args, **kw)`: `cls.__new__`, then `__init__`.
fn type_call(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("descriptor '__call__' requires a 'type' object"));
    };
    let cls = cls.clone();
    vm.instantiate_plain(&cls, &args[1..], kw)
}

/// `type.__prepare__(name, bases, **kwds)`: a fresh namespace.
fn type_prepare(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::dict(DictMap::new()))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object"));
    };
    let subs: Vec<Value> = cls
        .subclasses
        .lock()
        .iter()
        .filter_map(|w| w.upgrade().map(Value::Class))
        .collect();
    Ok(Value::list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Class(cls) = &args[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.class_of(&args[1]).is_subclass(cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match (&args[0], &args[1]) {
        (Value::Class(cls), Value::Class(sub)) => Ok(Value::Bool(sub.is_subclass(cls))),
        _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
    }
}

/// `object.__reduce_ex__(protocol)`: a class's own `__reduce__` if it has
/// one, else the default reduction (`pickle` writes it in Python).
fn object_reduce_ex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let cls = vm.class_of(&args[0]);
    let own = vm.class_lookup_str(&cls, "__reduce__");
    let plain = vm
        .types()
        .object
        .dict
        .read()
        .get_by_str("__reduce__")
        .cloned();
    if let (Some(own), Some(plain)) = (&own, &plain) {
        if !own.is(plain) {
            let m = vm.getattr_str(&args[0], "__reduce__")?;
            return vm.call(&m, &[], &[]);
        }
    }
    default_reduce(vm, &args[0], args[1].clone())
}

fn object_reduce(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    default_reduce(vm, &args[0], Value::Int(0))
}

fn default_reduce(vm: &mut Vm, obj: &Value, proto: Value) -> PyResult<Value> {
    let pickle = vm.import("pickle", false)?;
    let f = vm.getattr_str(&pickle, "_default_reduce")?;
    vm.call(&f, &[obj.clone(), proto], &[])
}

fn object_subclasshook(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(vm.types().not_implemented.clone())
}

/// `object.__init_subclass__()`: takes no keywords.
fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if let (Some(Value::Class(c)), false) = (args.first(), kw.is_empty()) {
        return Err(vm.type_error(format!(
            "{}.__init_subclass__() takes no keyword arguments",
            c.name.as_str()
        )));
    }
    Ok(Value::None)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(c)) = args.first() else {
        return Err(vm.type_error("mro() needs a type"));
    };
    let mut v = vec![Value::Class(c.clone())];
    v.extend(c.mro.iter().map(|m| Value::Class(m.clone())));
    Ok(Value::list(v))
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Some(d) = args.first().and_then(|e| vm.exc_data(e)) {
        d.lock().args = Value::tuple(args[1..].to_vec());
    }
    Ok(Value::None)
}

fn exc_args(vm: &Vm, e: &Value) -> Vec<Value> {
    match vm.exc_data(e).map(|d| d.lock().args.clone()) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = exc_args(vm, &args[0]);
    Ok(new_str(match a.len() {
        0 => String::new(),
        1 => vm.str_(&a[0])?,
        _ => vm.repr(&Value::tuple(a))?,
    }))
}

/// `SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))`.
fn syntax_error_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let e = &args[0];
    if let Some(d) = vm.exc_data(e) {
        d.lock().args = Value::tuple(args[1..].to_vec());
    }
    let mut attrs: Vec<(&str, Value)> = vec![
        ("msg", args.get(1).cloned().unwrap_or(Value::None)),
        ("filename", Value::None),
        ("lineno", Value::None),
        ("offset", Value::None),
        ("text", Value::None),
        ("end_lineno", Value::None),
        ("end_offset", Value::None),
        ("print_file_and_line", Value::None),
    ];
    if args.len() == 3 {
        let details = vm.iterate(&args[2])?;
        if !(4..=6).contains(&details.len()) {
            return Err(vm.index_error("tuple index out of range"));
        }
        for (slot, v) in attrs[1..].iter_mut().zip(details) {
            slot.1 = v;
        }
    }
    if let Value::Instance(i) = e {
        let mut d = i.dict.lock();
        for (name, v) in attrs {
            d.set_by_str(name, v);
        }
    }
    Ok(Value::None)
}

/// `str(e)`: `msg (file, line N)`, as CPython shows it.
fn syntax_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let e = &args[0];
    let msg = vm.getattr_str(e, "msg").unwrap_or(Value::None);
    let msg = if msg.is_none() {
        String::new()
    } else {
        vm.str_(&msg)?
    };
    let filename = vm.getattr_str(e, "filename").unwrap_or(Value::None);
    let lineno = vm.getattr_str(e, "lineno").unwrap_or(Value::None);
    let file = filename.as_str().map(|f| {
        std::path::Path::new(f)
            .file_name()
            .map_or(f.to_string(), |n| n.to_string_lossy().into_owned())
    });
    Ok(new_str(match (file, &lineno) {
        (Some(f), Value::Int(n)) => format!("{} ({}, line {})", msg, f, n),
        (Some(f), _) => format!("{} ({})", msg, f),
        (None, Value::Int(n)) => format!("{} (line {})", msg, n),
        _ => msg,
    }))
}

/// `OSError(errno, strerror, ...)` called on `OSError` itself makes the
/// subclass for that errno (`OSError(2, "x")` is a `FileNotFoundError`).
fn os_error_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.first() else {
        return Err(vm.type_error("OSError.__new__(X): X is not a type object"));
    };
    let mut cls = cls.clone();
    if Shared::ptr_eq(&cls, &vm.types().exc.OSError) && (2..=5).contains(&(args.len() - 1)) {
        if let Value::Int(errno) = &args[1] {
            cls = vm.os_error_class(*errno as i32);
        }
    }
    Ok(vm.new_instance(&cls, &args[1..]))
}

/// Sets `errno`, `strerror`, `filename` and `filename2`; with a file name,
/// `args` keeps only the first two, as in CPython.
fn os_error_init(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let e = &args[0];
    let a = &args[1..];
    let (mut errno, mut strerror, mut filename, mut filename2) =
        (Value::None, Value::None, Value::None, Value::None);
    let mut kept: Vec<Value> = a.to_vec();
    if (2..=5).contains(&a.len()) {
        errno = a[0].clone();
        strerror = a[1].clone();
        if a.len() >= 3 {
            filename = a[2].clone();
            if a.len() == 5 {
                filename2 = a[4].clone();
            }
            kept.truncate(2);
        }
    }
    if let Some(d) = vm.exc_data(e) {
        d.lock().args = Value::tuple(kept);
    }
    if let Value::Instance(i) = e {
        let mut d = i.dict.lock();
        d.set_by_str("errno", errno);
        d.set_by_str("strerror", strerror);
        d.set_by_str("filename", filename);
        d.set_by_str("filename2", filename2);
    }
    Ok(Value::None)
}

fn os_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let e = &args[0];
    let attr = |vm: &mut Vm, name: &str| vm.getattr_str(e, name).unwrap_or(Value::None);
    let (errno, strerror) = (attr(vm, "errno"), attr(vm, "strerror"));
    let (filename, filename2) = (attr(vm, "filename"), attr(vm, "filename2"));
    if !filename.is_none() {
        let head = format!(
            "[Errno {}] {}: {}",
            vm.str_(&errno)?,
            vm.str_(&strerror)?,
            vm.repr(&filename)?
        );
        if !filename2.is_none() {
            return Ok(new_str(format!("{} -> {}", head, vm.repr(&filename2)?)));
        }
        return Ok(new_str(head));
    }
    if !errno.is_none() && !strerror.is_none() {
        return Ok(new_str(format!(
            "[Errno {}] {}",
            vm.str_(&errno)?,
            vm.str_(&strerror)?
        )));
    }
    exc_str(vm, args, &[])
}

fn key_error_str(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = exc_args(vm, &args[0]);
    Ok(new_str(match a.len() {
        0 => String::new(),
        1 => vm.repr(&a[0])?,
        _ => vm.repr(&Value::tuple(a))?,
    }))
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let a = exc_args(vm, &args[0]);
    let name = vm.class_of(&args[0]).name.as_str().to_string();
    Ok(new_str(match a.len() {
        1 => format!("{}({})", name, vm.repr(&a[0])?),
        _ => format!("{}{}", name, vm.repr(&Value::tuple(a))?),
    }))
}

fn exc_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let [this, tb] = args else {
        return Err(vm.type_error(format!(
            "BaseException.with_traceback() takes exactly one argument ({} given)",
            args.len().saturating_sub(1)
        )));
    };
    vm.set_traceback(this, tb)?;
    Ok(this.clone())
}

/// `e.add_note(note)`: appends to `e.__notes__`, made on first use.
fn exc_add_note(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if !matches!(args[1], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(&args[1])
        )));
    }
    let notes = match vm.getattr_opt(&args[0], &vm.intern("__notes__"))? {
        Some(n) => n,
        None => {
            let n = Value::list(Vec::new());
            vm.setattr(&args[0], &vm.intern("__notes__"), n.clone())?;
            n
        }
    };
    let Value::List(l) = &notes else {
        return Err(vm.type_error("Cannot add note: __notes__ is not a list"));
    };
    l.lock().push(args[1].clone());
    Ok(Value::None)
}

fn exc_first_arg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args.first().map_or(Value::None, |e| vm.exc_first_arg(e)))
}

fn property_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let get = |i: usize, name: &str| {
        args.get(i + 1)
            .or_else(|| kwarg(kw, name))
            .cloned()
            .unwrap_or(Value::None)
    };
    let _ = vm;
    let fget = get(0, "fget");
    let doc = get(3, "doc");
    let doc = if doc.is_none() {
        match &fget {
            Value::Func(f) => f
                .code
                .co
                .docstring
                .as_ref()
                .map_or(Value::None, |d| new_str(d.as_str())),
            _ => Value::None,
        }
    } else {
        doc
    };
    let prop = Value::native(Native::Property {
        fget,
        fset: get(1, "fset"),
        fdel: get(2, "fdel"),
        doc,
    });
    // A subclass of property makes instances of itself.
    Ok(match args.first() {
        Some(cls) => vm.wrap_for_subclass(cls, prop),
        None => prop,
    })
}

fn property_parts(vm: &Vm, v: &Value) -> PyResult<(Value, Value, Value, Value)> {
    if let Value::Native(n) = v {
        if let Native::Property {
            fget,
            fset,
            fdel,
            doc,
        } = &**n
        {
            return Ok((fget.clone(), fset.clone(), fdel.clone(), doc.clone()));
        }
    }
    Err(vm.type_error("descriptor requires a 'property' object"))
}

fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    check_arity(vm, "property", args, 2, 2)?;
    let (mut g, mut s, mut d, doc) = property_parts(vm, &args[0])?;
    match which {
        0 => g = args[1].clone(),
        1 => s = args[1].clone(),
        _ => d = args[1].clone(),
    }
    Ok(Value::native(Native::Property {
        fget: g,
        fset: s,
        fdel: d,
        doc,
    }))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (g, ..) = property_parts(vm, &args[0])?;
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    vm.call(&g, &[args[1].clone()], &[])
}

/// `property.__set__` / `property.__delete__` (`value` None): the setter or
/// deleter, called as a descriptor (how subclasses of property work).
fn property_store(vm: &mut Vm, args: &[Value], value: Option<Value>) -> PyResult<Value> {
    let (g, s, d, _) = property_parts(vm, &args[0])?;
    let f = if value.is_some() { s } else { d };
    if f.is_none() {
        let name = vm
            .getattr_opt(&g, &vm.intern("__name__"))
            .ok()
            .flatten()
            .and_then(|n| n.as_str().map(str::to_string))
            .unwrap_or_default();
        return Err(vm.attr_error(format!(
            "property '{}' of '{}' object has no {}",
            name,
            vm.type_name(&args[1]),
            if value.is_some() { "setter" } else { "deleter" }
        )));
    }
    let mut call_args = vec![args[1].clone()];
    call_args.extend(value);
    vm.call(&f, &call_args, &[])?;
    Ok(Value::None)
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    property_store(vm, args, Some(args[2].clone()))
}

fn property_delete(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    property_store(vm, args, None)
}

/// `function.__get__(obj, type=None)`: a method bound to `obj`, or the
/// function itself when there is no instance.
fn function_get(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args[1].is_none() {
        return Ok(args[0].clone());
    }
    Ok(Value::method(args[0].clone(), args[1].clone()))
}

/// `staticmethod.__get__` (the function) and `classmethod.__get__` (the
/// function bound to the class: `type`, else the instance's class).
fn wrapper_get(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Native(n) = &args[0] else {
        return Err(vm.type_error("descriptor '__get__' needs a wrapper"));
    };
    match &**n {
        Native::StaticMethod(f) => Ok(f.clone()),
        Native::ClassMethod(f) => {
            let owner = match args.get(2) {
                Some(t) if !t.is_none() => t.clone(),
                _ => Value::Class(vm.class_of(&args[1])),
            };
            Ok(Value::method(f.clone(), owner))
        }
        _ => Err(vm.type_error("descriptor '__get__' needs a wrapper")),
    }
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "staticmethod", args, 2, 2)?;
    Ok(Value::native(Native::StaticMethod(args[1].clone())))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "classmethod", args, 2, 2)?;
    Ok(Value::native(Native::ClassMethod(args[1].clone())))
}

/// `super(cls, obj)`; the zero-argument form is resolved by the eval loop,
/// which knows the calling frame.
fn super_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match args {
        [_, Value::Class(c), obj] => Ok(Value::native(Native::Super {
            class: c.clone(),
            obj: obj.clone(),
        })),
        [_] => Err(vm.runtime_error("super(): no arguments")),
        _ => Err(vm.type_error("super() argument 1 must be a type")),
    }
}

pub(super) fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match vm.gen_resume(&args[0], args[1].clone(), None)? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

pub(super) fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut exc = args[1].clone();
    if let (Value::Class(_), Some(v)) = (&exc, args.get(2)) {
        if !v.is_none() {
            exc = vm.call(&exc, std::slice::from_ref(v), &[])?;
        }
    }
    let exc = vm.make_raisable(exc)?;
    match vm.gen_resume(&args[0], Value::None, Some(exc))? {
        GenResult::Yielded(v) => Ok(v),
        GenResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

pub(super) fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.gen_close(&args[0])
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

pub(super) fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(it) = args.get(1).or_else(|| kwarg(kw, "iterable")) else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = args
        .get(2)
        .or_else(|| kwarg(kw, "start"))
        .cloned()
        .unwrap_or(Value::Int(0));
    let it = vm.iter(it)?;
    Ok(vm.new_iter(IterState::Enumerate { it, count: start }))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let strict = match kwarg(kw, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut its = Vec::new();
    for a in &args[1..] {
        its.push(vm.iter(a)?);
    }
    if its.is_empty() {
        return Ok(vm.new_iter(IterState::Done));
    }
    Ok(vm.new_iter(IterState::Zip { its, strict }))
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut its = Vec::new();
    for a in &args[2..] {
        its.push(vm.iter(a)?);
    }
    Ok(vm.new_iter(IterState::Map {
        func: args[1].clone(),
        its,
    }))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "filter", &args[1..], 2, 2)?;
    let it = vm.iter(&args[2])?;
    Ok(vm.new_iter(IterState::Filter {
        func: args[1].clone(),
        it,
    }))
}

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "reversed", &args[1..], 1, 1)?;
    let seq = &args[1];
    if let Value::Instance(_) = seq {
        if let Some(m) = vm.lookup_special(seq, "__reversed__") {
            return vm.call(&m, &[], &[]);
        }
    }
    if let Value::Class(c) = seq {
        if let Some(m) = vm.meta_special(c, "__reversed__") {
            return vm.call(&m, &[], &[]);
        }
    }
    let seq = match seq {
        Value::List(_) | Value::Tuple(_) | Value::Instance(_) => seq.clone(),
        Value::Dict(d) => Value::list(d.lock().keys()),
        Value::Str(_) | Value::Native(_) => Value::list(vm.iterate(seq)?),
        _ => return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq)))),
    };
    let n = vm.len(&seq)?;
    Ok(vm.new_iter(IterState::Reversed { seq, index: n }))
}

fn none_new(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

impl Vm {
    /// Attribute lookup through a `super` object: the MRO after `class`.
    pub fn super_getattr(
        &mut self,
        class: &ClassRef,
        obj: &Value,
        name: &Str,
    ) -> PyResult<Option<Value>> {
        let (start_cls, is_class) = match obj {
            Value::Class(c) if c.is_subclass(class) => (c.clone(), true),
            _ => (self.class_of(obj), false),
        };
        let mut full = vec![start_cls.clone()];
        full.extend(start_cls.mro.iter().cloned());
        let pos = full
            .iter()
            .position(|c| Shared::ptr_eq(c, class))
            .map_or(full.len(), |p| p + 1);
        for c in &full[pos..] {
            let found = c.dict.read().get_str(name).cloned();
            if let Some(a) = found {
                return Ok(Some(match &a {
                    f if f.binds_to_instance() && !is_class => {
                        Value::method(f.clone(), obj.clone())
                    }
                    Value::Native(n) => match &**n {
                        Native::StaticMethod(f) => f.clone(),
                        Native::ClassMethod(f) => Value::method(
                            f.clone(),
                            if is_class {
                                obj.clone()
                            } else {
                                Value::Class(start_cls.clone())
                            },
                        ),
                        Native::Property { fget, .. } if !is_class => {
                            self.call(&fget.clone(), std::slice::from_ref(obj), &[])?
                        }
                        _ => a,
                    },
                    _ => a,
                }));
            }
        }
        Ok(None)
    }

    /// Creates an empty dict value.
    pub fn empty_dict(&self) -> Value {
        Value::dict(DictMap::new())
    }
}
