//! Built-in functions: `print`, `len`, `sorted`, `min`, `isinstance`, ...

use super::generic;
use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::fmt as pyfmt;
use crate::vm::arith::to_big;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm, b: &mut DictMap) {
    let fns: &[NativeDef] = &[
        ("print", Arity::ANY, print),
        ("repr", Arity::exact(1), repr),
        ("ascii", Arity::exact(1), ascii),
        ("abs", Arity::exact(1), abs),
        ("all", Arity::exact(1), all),
        ("any", Arity::exact(1), any),
        ("bin", Arity::ANY, bin),
        ("oct", Arity::ANY, oct),
        ("hex", Arity::ANY, hex),
        ("callable", Arity::exact(1), callable),
        ("chr", Arity::exact(1), chr),
        ("ord", Arity::exact(1), ord),
        ("divmod", Arity::exact(2), divmod),
        ("format", Arity::range(1, 2), format),
        ("getattr", Arity::range(2, 3), getattr),
        ("setattr", Arity::exact(3), setattr),
        ("hasattr", Arity::exact(2), hasattr),
        ("delattr", Arity::exact(2), delattr),
        ("hash", Arity::exact(1), hash),
        ("id", Arity::exact(1), id),
        ("input", Arity::range(0, 1), input),
        ("open", Arity::ANY, open),
        ("isinstance", Arity::exact(2), isinstance),
        ("issubclass", Arity::exact(2), issubclass),
        ("iter", Arity::range(1, 2), iter),
        ("next", Arity::range(1, 2), next),
        ("aiter", Arity::exact(1), aiter),
        ("anext", Arity::range(1, 2), anext),
        ("max", Arity::ANY, max),
        ("min", Arity::ANY, min),
        ("pow", Arity::ANY, pow),
        ("round", Arity::ANY, round),
        ("sorted", Arity::exact(1), sorted),
        ("sum", Arity::range(1, 2), sum),
        ("__build_class__", Arity::ANY, build_class),
        ("__import__", Arity::range(1, 5), import),
        ("exit", Arity::ANY, exit),
        ("quit", Arity::ANY, exit),
    ];
    add_functions(vm, b, fns);
    let len = fast_builtin("len", Arity::ANY, len, FastBuiltin::Len);
    b.set_str(&vm.intern("len"), len);
}

fn print(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let sep = match kwarg(kw, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "sep must be None or a string, not {}",
                vm.type_name(v)
            )))
        }
    };
    let end = match kwarg(kw, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "end must be None or a string, not {}",
                vm.type_name(v)
            )))
        }
    };
    for (k, _) in kw {
        if !matches!(k.as_str(), "sep" | "end" | "file" | "flush") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for print()",
                k.as_str()
            )));
        }
    }
    let mut texts: Vec<String> = Vec::with_capacity(args.len());
    for a in args {
        texts.push(match a {
            Value::Str(s) => s.as_str().to_string(),
            _ => vm.str_(a)?,
        });
    }
    let mut pieces: Vec<&str> = Vec::with_capacity(2 * texts.len() + 1);
    for (i, t) in texts.iter().enumerate() {
        if i > 0 {
            pieces.push(&sep);
        }
        pieces.push(t);
    }
    pieces.push(&end);
    let flush = match kwarg(kw, "flush") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    let file = kwarg(kw, "file").cloned().unwrap_or(Value::None);
    crate::vm::stdio::write_pieces(vm, &file, &pieces, flush)?;
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    check_arity(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let r = vm.repr(&args[0])?;
    Ok(new_str(crate::vm::repr::ascii_escape(&r)))
}

fn abs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(v) => Value::Int(v),
            None => Value::from_bigint(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => Value::from_bigint(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        v => match vm.lookup_special(v, "__abs__") {
            Some(m) => vm.call(&m, &[], &[])?,
            None => {
                return Err(
                    vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))
                )
            }
        },
    })
}

fn all(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn any(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match to_big(v) {
        Some(b) => Ok(b),
        None => {
            let i = vm.to_index(v)?;
            Ok(BigInt::from(i))
        }
    }
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, r: u32) -> PyResult<Value> {
    check_arity(vm, name, args, 1, 1)?;
    let b = int_arg(vm, &args[0])?;
    Ok(new_str(pyfmt::int_to_str_radix(&b, r, true)))
}

fn bin(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    radix(vm, args, "bin", 2)
}
fn oct(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    radix(vm, args, "oct", 8)
}
fn hex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    radix(vm, args, "hex", 16)
}

pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) | Value::Class(_) => true,
        Value::Instance(_) | Value::Native(_) => vm.class_of(v).lookup_str("__call__").is_some(),
        _ => false,
    }
}

fn callable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(is_callable(vm, &args[0])))
}

fn chr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let i = vm.to_index(&args[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(new_str(c.to_string())),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match &args[0] {
        Value::Str(s) => {
            let mut cs = s.as_str().chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        v => {
            // bytes and bytearray of length 1 give their byte.
            if matches!(v, Value::Bytes(_))
                || matches!(v, Value::Native(n) if matches!(&**n, Native::ByteArray(_)))
            {
                if let Some(b) = crate::vm::bytes::bytes_like(v) {
                    return match &b[..] {
                        [one] => Ok(Value::Int(*one as i64)),
                        _ => Err(vm.type_error(format!(
                            "ord() expected a character, but string of length {} found",
                            b.len()
                        ))),
                    };
                }
            }
            if let Value::Str(s) = &crate::vm::ops::unwrap_base(v) {
                let mut cs = s.as_str().chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    return Ok(Value::Int(c as i64));
                }
            }
            Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                vm.type_name(v)
            )))
        }
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (a, b) = (&args[0], &args[1]);
    if let (Value::Float(_), _) | (_, Value::Float(_)) = (a, b) {
        if let (Some(x), Some(y)) = (crate::vm::arith::to_f64(a), crate::vm::arith::to_f64(b)) {
            if y == 0.0 {
                return Err(vm.zero_division("float divmod()"));
            }
            let (q, r) = crate::vm::arith::float_divmod(x, y);
            return Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]));
        }
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        for (x, y, name) in [(a, b, "__divmod__"), (b, a, "__rdivmod__")] {
            if let Some(m) = vm.lookup_special(x, name) {
                let r = vm.call(&m, std::slice::from_ref(y), &[])?;
                if !vm.is_not_implemented(&r) {
                    return Ok(r);
                }
            }
        }
    }
    let real = |v: &Value| {
        matches!(
            v,
            Value::Int(_)
                | Value::Bool(_)
                | Value::BigInt(_)
                | Value::Float(_)
                | Value::Instance(_)
        )
    };
    if !real(a) || !real(b) {
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        )));
    }
    let q = vm.binary_op(BinOp::FloorDiv, a, b)?;
    let r = vm.binary_op(BinOp::Mod, a, b)?;
    Ok(Value::tuple(vec![q, r]))
}

fn format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        None => String::new(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(v)
            )))
        }
    };
    Ok(new_str(vm.format(&args[0], &spec)?))
}

fn name_arg(vm: &Vm, v: &Value) -> PyResult<Str> {
    match v {
        Value::Str(s) => Ok(vm.intern(s.as_str())),
        _ => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = name_arg(vm, &args[1])?;
    match vm.getattr_opt(&args[0], &name) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.no_attribute(&args[0], name.as_str())),
        },
        Err(e) => {
            if args.len() == 3 && vm.isinstance(&e, &vm.types().exc.AttributeError.clone()) {
                Ok(args[2].clone())
            } else {
                Err(e)
            }
        }
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = name_arg(vm, &args[1])?;
    vm.setattr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = name_arg(vm, &args[1])?;
    match vm.getattr_opt(&args[0], &name) {
        Ok(v) => Ok(Value::Bool(v.is_some())),
        Err(e) if vm.isinstance(&e, &vm.types().exc.AttributeError.clone()) => {
            Ok(Value::Bool(false))
        }
        Err(e) => Err(e),
    }
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = name_arg(vm, &args[1])?;
    vm.delattr(&args[0], &name)?;
    Ok(Value::None)
}

fn hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(&args[0])?))
}

pub fn id_of(v: &Value) -> i64 {
    match v.heap_ptr() {
        Some(p) => p as usize as i64,
        None => match v {
            Value::None => 0x1000,
            Value::Bool(b) => 0x2000 + *b as i64,
            Value::Int(i) => 0x10_0000_0000 ^ i.wrapping_mul(2654435761),
            Value::Float(f) => 0x20_0000_0000 ^ (f.to_bits() as i64),
            _ => 0,
        },
    }
}

fn id(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(id_of(&args[0])))
}

fn input(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let prompt = match args.first() {
        Some(p) => Some(vm.str_(p)?),
        None => None,
    };
    match crate::vm::stdio::read_input_line(vm, prompt.as_deref())? {
        Some(line) => Ok(new_str(line)),
        None => Err(vm.new_error(&vm.types().exc.EOFError.clone(), "EOF when reading a line")),
    }
}

/// `open(...)`: `_io.open`, imported when first needed.
fn open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let io = vm.import("_io", false)?;
    let f = vm.getattr_str(&io, "open")?;
    vm.call(&f, args, kw)
}

/// `isinstance(obj, spec)` / `issubclass(obj, spec)`: `spec` a class, a
/// union or a tuple of them (nested). A class whose metaclass defines
/// `__instancecheck__`/`__subclasscheck__` (ABCs) decides for itself.
fn check_class_spec(vm: &mut Vm, obj: &Value, spec: &Value, func: &str) -> PyResult<bool> {
    let hook = if func == "isinstance" {
        "__instancecheck__"
    } else {
        "__subclasscheck__"
    };
    match spec {
        Value::Class(c) => {
            // An exact type match needs no hook.
            if func == "isinstance" && Shared::ptr_eq(&vm.class_of(obj), c) {
                return Ok(true);
            }
            if let Some(m) = vm.meta_special(c, hook) {
                let r = vm.call(&m, std::slice::from_ref(obj), &[])?;
                return vm.truthy(&r);
            }
            if func == "isinstance" {
                if vm.class_of(obj).is_subclass(c) {
                    return Ok(true);
                }
                // An instance whose `__class__` says otherwise (a proxy, a
                // mock with a spec) is an instance of that class too.
                if let Value::Instance(_) = obj {
                    let name = vm.intern("__class__");
                    if let Ok(Some(Value::Class(k))) = vm.getattr_opt(obj, &name) {
                        return Ok(k.is_subclass(c));
                    }
                }
                Ok(false)
            } else {
                match obj {
                    Value::Class(sub) => Ok(sub.is_subclass(c)),
                    _ => Err(vm.type_error("issubclass() arg 1 must be a class")),
                }
            }
        }
        Value::Tuple(t) => {
            for x in t.items.iter() {
                if check_class_spec(vm, obj, x, func)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(classes) = generic::union_classes(vm, spec) {
                for c in classes? {
                    if check_class_spec(vm, obj, &Value::Class(c), func)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            if let Some(m) = vm.lookup_special(spec, hook) {
                let r = vm.call(&m, std::slice::from_ref(obj), &[])?;
                return vm.truthy(&r);
            }
            Err(vm.type_error(format!(
                "{}() arg 2 must be a type, a tuple of types, or a union",
                func
            )))
        }
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_class_spec(vm, &args[0], &args[1], "isinstance").map(Value::Bool)
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if !matches!(&args[0], Value::Class(_)) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    check_class_spec(vm, &args[0], &args[1], "issubclass").map(Value::Bool)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Some(sentinel) = args.get(1) {
        return Ok(vm.new_iter(IterState::Callable {
            func: args[0].clone(),
            sentinel: sentinel.clone(),
        }));
    }
    vm.iter(&args[0])
}

/// `aiter(x)`: `x.__aiter__()`, which must give an async iterator.
fn aiter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = &args[0];
    let Some(m) = vm.lookup_special(x, "__aiter__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(x)
        )));
    };
    let it = vm.call(&m, &[], &[])?;
    if vm.lookup_special(&it, "__anext__").is_none() {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(it[, default])`: the awaitable `it.__anext__()`; with a default,
/// one that gives the default once the iterator is exhausted (a coroutine
/// of the `_anext` module).
fn anext(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = &args[0];
    let Some(m) = vm.lookup_special(it, "__anext__") else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(it)
        )));
    };
    match args.get(1) {
        None => vm.call(&m, &[], &[]),
        Some(default) => {
            let module = vm.import("_anext", false)?;
            let f = vm.getattr(&module, &vm.intern("anext_default"))?;
            vm.call(&f, &[it.clone(), default.clone()], &[])
        }
    }
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = &args[0];
    let is_iter = matches!(it, Value::Native(n) if matches!(**n, Native::Iter(_) | Native::Generator(_)))
        || vm.lookup_special(it, "__next__").is_some();
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    // Generators: keep the StopIteration value when there is no default.
    if let (Value::Native(n), None) = (it, args.get(1)) {
        if let Native::Generator(_) = &**n {
            return match vm.gen_resume(it, Value::None, None)? {
                crate::vm::generator::GenResult::Yielded(v) => Ok(v),
                crate::vm::generator::GenResult::Returned(v) => Err(vm.stop_iteration(v)),
            };
        }
    }
    // Other objects: their own StopIteration, value and all.
    if args.get(1).is_none()
        && matches!(it, Value::Native(n) if matches!(**n, Native::Object { .. }))
    {
        if let Some(m) = vm.lookup_special(it, "__next__") {
            return vm.call(&m, &[], &[]);
        }
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    op: CmpOp,
) -> PyResult<Value> {
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kw, "default").cloned();
    for (k, _) in kw {
        if !matches!(k.as_str(), "key" | "default") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {}()",
                k.as_str(),
                name
            )));
        }
    }
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => vm.iterate(&args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {}() with multiple positional arguments",
                    name
                )));
            }
            args.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&x), &[])?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                let better = vm.compare(op, &k, &bk)?;
                if vm.truthy(&better)? {
                    Some((k, x))
                } else {
                    Some((bk, bx))
                }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => {
            default.ok_or_else(|| vm.value_error(format!("{}() arg is an empty sequence", name)))
        }
    }
}

fn max(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn min(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}

fn pow(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let base = arg_or_kw(args, kw, 0, "base").cloned();
    let exp = arg_or_kw(args, kw, 1, "exp").cloned();
    let modulus = arg_or_kw(args, kw, 2, "mod")
        .cloned()
        .filter(|m| !m.is_none());
    let (Some(base), Some(exp)) = (base, exp) else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(m) = modulus else {
        return vm.binary_op(BinOp::Pow, &base, &exp);
    };
    // Three-argument power goes to the base's `__pow__` only (no `__rpow__`).
    if matches!(base, Value::Instance(_)) {
        if let Some(f) = vm.lookup_special(&base, "__pow__") {
            let r = vm.call(&f, &[exp.clone(), m.clone()], &[])?;
            if !vm.is_not_implemented(&r) {
                return Ok(r);
            }
        }
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            vm.type_name(&base),
            vm.type_name(&exp),
            vm.type_name(&m)
        )));
    }
    let is_complex = crate::vm::complex::is_complex;
    if is_complex(&base) || is_complex(&exp) || is_complex(&m) {
        return Err(vm.value_error("complex modulo"));
    }
    let (Some(b), Some(e), Some(m)) = (to_big(&base), to_big(&exp), to_big(&m)) else {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let r = if e.is_negative() {
        // Modular inverse, then the positive power.
        let ext = b.mod_floor(&m).extended_gcd(&m);
        if ext.gcd.abs().to_i64().is_none_or(|g| g != 1) {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        ext.x.mod_floor(&m).modpow(&(-e), &m.abs())
    } else {
        b.modpow(&e, &m.abs())
    };
    // Python's result takes the sign of the modulus.
    let r = if m.is_negative() && !r.is_zero() {
        r + &m
    } else {
        r
    };
    Ok(Value::from_bigint(r))
}

fn round(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = arg_or_kw(args, kw, 0, "number")
        .cloned()
        .ok_or_else(|| vm.type_error("round() missing required argument 'number' (pos 1)"))?;
    let nd = arg_or_kw(args, kw, 1, "ndigits")
        .cloned()
        .filter(|v| !v.is_none());
    match &x {
        Value::Float(f) => super::num::float_round(vm, *f, nd.as_ref()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            super::num::int_round(vm, &x, nd.as_ref())
        }
        v => match vm.lookup_special(v, "__round__") {
            Some(m) => {
                let a: Vec<Value> = nd.into_iter().collect();
                vm.call(&m, &a, &[])
            }
            None => Err(vm.type_error(format!(
                "type {} doesn't define __round__ method",
                vm.type_name(v)
            ))),
        },
    }
}

/// Stable merge sort with a comparison that may fail (Python's `<`).
pub fn merge_sort(vm: &mut Vm, items: &mut Vec<(Value, Value)>, reverse: bool) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    // Fast path: all keys small ints, all floats without NaN, or all strings.
    if items.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        let key = |v: &Value| if let Value::Int(i) = v { *i } else { 0 };
        if reverse {
            items.sort_by_key(|b| std::cmp::Reverse(key(&b.0)));
        } else {
            items.sort_by_key(|a| key(&a.0));
        }
        return Ok(());
    }
    if items.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
        let key = |v: &Value| {
            if let Value::Str(s) = v {
                s.clone()
            } else {
                unreachable!()
            }
        };
        if reverse {
            items.sort_by(|a, b| key(&b.0).as_str().cmp(key(&a.0).as_str()));
        } else {
            items.sort_by(|a, b| key(&a.0).as_str().cmp(key(&b.0).as_str()));
        }
        return Ok(());
    }
    let mut buf: Vec<(Value, Value)> = (0..n).map(|_| (Value::Null, Value::Null)).collect();
    merge_rec(vm, items, &mut buf, 0, n, reverse)
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        (Value::Str(x), Value::Str(y)) => Ok(x.as_str() < y.as_str()),
        _ => {
            let r = vm.compare(CmpOp::Lt, a, b)?;
            vm.truthy(&r)
        }
    }
}

fn merge_rec(
    vm: &mut Vm,
    a: &mut Vec<(Value, Value)>,
    buf: &mut Vec<(Value, Value)>,
    lo: usize,
    hi: usize,
    reverse: bool,
) -> PyResult<()> {
    if hi - lo <= 1 {
        return Ok(());
    }
    if hi - lo <= 8 {
        // Insertion sort for short runs.
        for i in lo + 1..hi {
            let mut j = i;
            while j > lo {
                let before = if reverse {
                    less(vm, &a[j - 1].0, &a[j].0)?
                } else {
                    less(vm, &a[j].0, &a[j - 1].0)?
                };
                if !before {
                    break;
                }
                a.swap(j, j - 1);
                j -= 1;
            }
        }
        return Ok(());
    }
    let mid = (lo + hi) / 2;
    merge_rec(vm, a, buf, lo, mid, reverse)?;
    merge_rec(vm, a, buf, mid, hi, reverse)?;
    // Halves already in order (presorted input): nothing to merge.
    let right_first = |vm: &mut Vm, a: &[(Value, Value)], i: usize, j: usize| {
        if reverse {
            less(vm, &a[i].0, &a[j].0)
        } else {
            less(vm, &a[j].0, &a[i].0)
        }
    };
    if !right_first(vm, a, mid - 1, mid)? {
        return Ok(());
    }
    // Items are moved (not cloned) through `buf`. After an error in a
    // comparison the rest is moved without comparing, so `a` still holds
    // every item when the error is returned.
    let (mut i, mut j) = (lo, mid);
    let mut err = None;
    for slot in buf[lo..hi].iter_mut() {
        // Take from the right only when strictly before: keeps the sort stable.
        let take_right = if i == mid {
            true
        } else if j == hi || err.is_some() {
            false
        } else {
            match right_first(vm, a, i, j) {
                Ok(r) => r,
                Err(e) => {
                    err = Some(e);
                    false
                }
            }
        };
        let from = if take_right {
            j += 1;
            j - 1
        } else {
            i += 1;
            i - 1
        };
        std::mem::swap(slot, &mut a[from]);
    }
    a[lo..hi].swap_with_slice(&mut buf[lo..hi]);
    match err {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// `list.sort(key=, reverse=)` on a vector of values.
pub fn sort_values(vm: &mut Vm, values: Vec<Value>, kw: &[(Str, Value)]) -> PyResult<Vec<Value>> {
    let key = kwarg(kw, "key").cloned().filter(|k| !k.is_none());
    let reverse = match kwarg(kw, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    for (k, _) in kw {
        if !matches!(k.as_str(), "key" | "reverse") {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for sort()",
                k.as_str()
            )));
        }
    }
    let mut pairs = Vec::with_capacity(values.len());
    for v in values {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&v), &[])?,
            None => v.clone(),
        };
        pairs.push((k, v));
    }
    merge_sort(vm, &mut pairs, reverse)?;
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

fn sorted(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let items = vm.iterate(&args[0])?;
    Ok(Value::list(sort_values(vm, items, kw)?))
}

fn sum(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut acc = arg_or_kw(args, kw, 1, "start")
        .cloned()
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    let it = vm.iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(a), Value::Int(b)) => match a.checked_add(*b) {
                Some(v) => Value::Int(v),
                None => vm.binary_op(BinOp::Add, &acc, &x)?,
            },
            (Value::Float(a), Value::Float(b)) => Value::Float(a + b),
            _ => vm.binary_op(BinOp::Add, &acc, &x)?,
        };
    }
    Ok(acc)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let code: Vec<Value> = args.iter().take(1).cloned().collect();
    Err(PyErr::from(
        vm.new_instance(&vm.types().exc.SystemExit.clone(), &code),
    ))
}

fn import(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(name) = args[0].as_str() else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let name = name.to_string();
    vm.import(&name, true)
}

/// `__build_class__(body, name, *bases, metaclass=..., **kwds)`: resolves
/// `__mro_entries__`, picks the most derived metaclass, asks it to
/// `__prepare__` the namespace, runs the class body there, then calls the
/// metaclass to make the class (`type.__new__` does the rest).
fn build_class(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (Some(Value::Func(body)), Some(Value::Str(name))) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    };
    let (body, name) = (body.clone(), name.clone());
    let orig_bases: Vec<Value> = args[2..].to_vec();
    let mut bases: Vec<Value> = Vec::with_capacity(orig_bases.len());
    let mut changed = false;
    for b in &orig_bases {
        if !matches!(b, Value::Class(_)) {
            if let Some(me) = vm.getattr_opt(b, &vm.intern("__mro_entries__"))? {
                let entries = vm.call(&me, &[Value::tuple(orig_bases.clone())], &[])?;
                let Value::Tuple(t) = entries else {
                    return Err(vm.type_error("__mro_entries__ must return a tuple"));
                };
                bases.extend(t.items.iter().cloned());
                changed = true;
                continue;
            }
        }
        bases.push(b.clone());
    }
    let mut classes = Vec::with_capacity(bases.len());
    for b in &bases {
        match b {
            Value::Class(c) => classes.push(c.clone()),
            other => {
                return Err(
                    vm.type_error(format!("bases must be types, not {}", vm.type_name(other)))
                )
            }
        }
    }
    let kwds: Vec<(Str, Value)> = kw
        .iter()
        .filter(|(k, _)| k.as_str() != "metaclass")
        .cloned()
        .collect();
    let meta = match kwarg(kw, "metaclass") {
        Some(m) => m.clone(),
        None => match classes.first() {
            Some(c) => Value::Class(vm.class_of(&Value::Class(c.clone()))),
            None => Value::Class(vm.types().type_.clone()),
        },
    };
    let meta = match &meta {
        Value::Class(m) => Value::Class(vm.most_derived_meta(m, &classes)?),
        other => other.clone(),
    };
    let bases_t = Value::tuple(bases);
    let ns = match vm.getattr_opt(&meta, &vm.intern("__prepare__"))? {
        Some(p) => vm.call(&p, &[Value::Str(name.clone()), bases_t.clone()], &kwds)?,
        None => Value::dict(DictMap::new()),
    };
    let ns_dict = match crate::vm::ops::unwrap_base(&ns) {
        Value::Dict(d) => d,
        other => {
            return Err(vm.type_error(format!(
                "{}.__prepare__() must return a mapping, not {}",
                match &meta {
                    Value::Class(m) => m.name.as_str().to_string(),
                    _ => "<metaclass>".to_string(),
                },
                vm.type_name(&other)
            )))
        }
    };
    let mut frame = vm.make_frame(&body, &[], &[])?;
    frame.locals = Some(ns_dict.clone());
    if matches!(ns, Value::Instance(_)) {
        frame.locals_mapping = Some(ns.clone());
    }
    vm.run_call(frame)?;
    if changed {
        ns_dict
            .lock()
            .set_by_str("__orig_bases__", Value::tuple(orig_bases));
    }
    let cls = vm.call(&meta, &[Value::Str(name), bases_t, ns], &kwds)?;
    // The `__class__` cell of the methods is the class the metaclass made.
    if let Value::Class(_) = &cls {
        if let Some(Value::Native(n)) = ns_dict.lock().get_by_str("__classcell__") {
            if let Native::Cell(c) = &**n {
                *c.lock() = cls.clone();
            }
        }
    }
    Ok(cls)
}
