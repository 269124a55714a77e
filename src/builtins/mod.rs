//! The `builtins` module and the methods of the built-in types.

pub mod dict;
mod functions;
mod list;
mod num;
mod object;
pub mod set;
mod str;
pub mod strfmt;

pub use functions::is_callable;

use crate::vm::dict::DictMap;
use crate::vm::sync::Shared;
use crate::vm::{Builtin, ClassRef, NativeFn, PyErr, PyResult, Str, Value, Vm};

/// Wraps a Rust function as a Python callable.
pub fn builtin(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Shared::new(Builtin {
        name,
        func,
        bound: None,
        method: false,
    }))
}

/// Wraps a Rust function as a method of a built-in type (binds like a `def`).
pub fn builtin_method(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Shared::new(Builtin {
        name,
        func,
        bound: None,
        method: true,
    }))
}

/// Adds methods to a built-in class's namespace.
pub fn add_methods(vm: &Vm, class: &ClassRef, methods: &[(&'static str, NativeFn)]) {
    let mut d = class.dict.lock();
    for (name, f) in methods {
        d.set_str(&vm.intern(name), builtin_method(name, *f));
    }
}

/// Whether a built-in constructor was called for a Python subclass of its type.
pub fn is_subclass_call(args: &[Value]) -> bool {
    matches!(args.first(), Some(Value::Class(c)) if !c.builtin)
}

/// A keyword argument by name.
pub fn kwarg<'a>(kw: &'a [(Str, Value)], name: &str) -> Option<&'a Value> {
    kw.iter().find(|(k, _)| k.as_str() == name).map(|(_, v)| v)
}

/// Positional argument `i`, or keyword `name`.
pub fn arg_or_kw<'a>(
    args: &'a [Value],
    kw: &'a [(Str, Value)],
    i: usize,
    name: &str,
) -> Option<&'a Value> {
    args.get(i).or_else(|| kwarg(kw, name))
}

/// Checks the positional argument count of a builtin, with CPython's message.
pub fn check_arity(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{}() takes no arguments ({} given)", name, n),
            1 => format!("{}() takes exactly one argument ({} given)", name, n),
            _ => format!("{}() takes exactly {} arguments ({} given)", name, min, n),
        }
    } else if n < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            n
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            n
        )
    };
    Err(PyErr::from(vm.type_error(msg)))
}

/// Rejects keyword arguments for builtins that take none.
pub fn no_kwargs(vm: &Vm, name: &str, kw: &[(Str, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(PyErr::from(vm.type_error(format!(
            "{}() takes no keyword arguments",
            name
        ))))
    }
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n <= 0xff {
            out.push_str(&format!("\\x{:02x}", n));
        } else if n <= 0xffff {
            out.push_str(&format!("\\u{:04x}", n));
        } else {
            out.push_str(&format!("\\U{:08x}", n));
        }
    }
    out
}

/// Installs everything: type methods, the builtins namespace, native modules.
pub fn install(vm: &mut Vm) {
    object::install(vm);
    num::install(vm);
    str::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    let mut b = DictMap::new();
    functions::install(vm, &mut b);
    let t = vm.types();
    let classes: Vec<(&str, ClassRef)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("str", t.str_.clone()),
        ("list", t.list.clone()),
        ("tuple", t.tuple.clone()),
        ("dict", t.dict.clone()),
        ("set", t.set.clone()),
        ("frozenset", t.frozenset.clone()),
        ("range", t.range.clone()),
        ("slice", t.slice.clone()),
        ("property", t.property.clone()),
        ("staticmethod", t.staticmethod.clone()),
        ("classmethod", t.classmethod.clone()),
        ("super", t.super_.clone()),
        ("enumerate", t.enumerate.clone()),
        ("zip", t.zip.clone()),
        ("map", t.map.clone()),
        ("filter", t.filter.clone()),
        ("reversed", t.reversed.clone()),
    ];
    for (name, c) in classes {
        b.set_str(&vm.intern(name), Value::Class(c));
    }
    for c in vm.types().exc.all() {
        b.set_str(&c.name, Value::Class(c.clone()));
    }
    b.set_by_str(
        "EnvironmentError",
        Value::Class(vm.types().exc.OSError.clone()),
    );
    b.set_by_str("IOError", Value::Class(vm.types().exc.OSError.clone()));
    b.set_by_str("None", Value::None);
    b.set_by_str("True", Value::Bool(true));
    b.set_by_str("False", Value::Bool(false));
    b.set_by_str("NotImplemented", vm.types().not_implemented.clone());
    b.set_by_str("Ellipsis", vm.types().ellipsis.clone());
    b.set_by_str("__name__", crate::vm::new_str("builtins"));
    b.set_by_str("__debug__", Value::Bool(true));
    *vm.interp.builtins.lock() = b;
    let bdict = vm.interp.builtins.clone();
    let m = Value::Module(Shared::new(crate::vm::Module {
        name: vm.intern("builtins"),
        dict: bdict,
    }));
    vm.interp.modules.lock().set_by_str("builtins", m);
    crate::stdlib::install(vm);
    // Built-in functions, types and their methods live as long as the
    // program: immortal, so threads share them without writing to them.
    Shared::make_immortal(&vm.interp.builtins);
    let builtins: Vec<Value> = vm.interp.builtins.lock().values();
    for v in builtins {
        v.make_immortal();
        if let Value::Class(c) = &v {
            for m in c.dict.read().values() {
                m.make_immortal();
            }
        }
    }
}

/// A float with an integral value as a Python int.
pub fn float_to_int_value(f: f64) -> Value {
    functions::float_to_int(f)
}
