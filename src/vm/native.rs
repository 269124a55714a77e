//! Functions written in Rust, as Python sees them: how a native function or
//! method is declared (name, positional arity, function: once, in a table),
//! the arity check every call goes through, and the small helpers native
//! code uses to read its arguments.

use super::dict::DictMap;
use super::object::{Builtin, ClassRef, NativeFn, PyResult};
use super::sync::Shared;
use super::value::{Str, Value};
use super::Vm;

/// How many positional arguments a native function takes (for a method, not
/// counting `self`). Checked by the call, before the function runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    pub min: u16,
    /// `u16::MAX`: no upper bound.
    pub max: u16,
}

impl Arity {
    /// Any number of arguments: the function checks them itself.
    pub const ANY: Arity = Arity {
        min: 0,
        max: u16::MAX,
    };
    pub const fn exact(n: u16) -> Arity {
        Arity { min: n, max: n }
    }
    pub const fn range(min: u16, max: u16) -> Arity {
        Arity { min, max }
    }
    pub const fn at_least(min: u16) -> Arity {
        Arity { min, max: u16::MAX }
    }
    #[inline]
    pub fn accepts(self, n: usize) -> bool {
        n >= self.min as usize && n <= self.max as usize
    }
}

/// One native function or method: Python name, arity, Rust function.
pub type NativeDef = (&'static str, Arity, NativeFn);

fn make(name: &'static str, arity: Arity, func: NativeFn, method: bool) -> Value {
    Value::Builtin(Shared::new(Builtin {
        name,
        func,
        method,
        bound: None,
        arity,
    }))
}

/// A method of a built-in type with a declared arity.
pub fn native_method(name: &'static str, arity: Arity, func: NativeFn) -> Value {
    make(name, arity, func, true)
}

/// Wraps a Rust function as a Python callable that checks its own arguments.
pub fn builtin(name: &'static str, func: NativeFn) -> Value {
    make(name, Arity::ANY, func, false)
}

/// Wraps a Rust function as a method of a built-in type (binds like a `def`).
pub fn builtin_method(name: &'static str, func: NativeFn) -> Value {
    make(name, Arity::ANY, func, true)
}

/// Adds native functions to a module namespace (names interned, as the
/// compiler's are).
pub fn add_functions(vm: &Vm, dict: &mut DictMap, defs: &[NativeDef]) {
    for &(name, arity, func) in defs {
        dict.set_str(&vm.intern(name), make(name, arity, func, false));
    }
}

/// Adds methods to a built-in class's namespace.
pub fn add_methods(vm: &Vm, class: &ClassRef, defs: &[NativeDef]) {
    let mut d = class.dict.lock();
    for &(name, arity, func) in defs {
        d.set_str(&vm.intern(name), make(name, arity, func, true));
    }
}

/// Adds methods that take their arguments as they come to a module
/// namespace (functions bound to an instance when found on a class).
pub fn add_method_functions(dict: &mut DictMap, defs: &[NativeDef]) {
    for &(name, arity, func) in defs {
        dict.set_by_str(name, make(name, arity, func, true));
    }
}

/// The `TypeError` for a call with the wrong number of positional
/// arguments, worded as CPython words it.
#[cold]
pub fn arity_error(vm: &Vm, name: &str, arity: Arity, given: usize) -> super::PyErr {
    let (min, max) = (arity.min as usize, arity.max as usize);
    let msg = if min == max {
        match min {
            0 => format!("{}() takes no arguments ({} given)", name, given),
            1 => format!("{}() takes exactly one argument ({} given)", name, given),
            _ => format!(
                "{}() takes exactly {} arguments ({} given)",
                name, min, given
            ),
        }
    } else if given < min {
        format!(
            "{} expected at least {} argument{}, got {}",
            name,
            min,
            if min == 1 { "" } else { "s" },
            given
        )
    } else {
        format!(
            "{} expected at most {} argument{}, got {}",
            name,
            max,
            if max == 1 { "" } else { "s" },
            given
        )
    };
    vm.type_error(msg)
}

/// Checks the positional argument count where a table cannot (a helper
/// shared by several functions, or a count that depends on the arguments).
pub fn check_arity(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    if args.len() >= min && args.len() <= max {
        return Ok(());
    }
    let clamp = |n: usize| n.min(u16::MAX as usize) as u16;
    Err(arity_error(
        vm,
        name,
        Arity::range(clamp(min), clamp(max)),
        args.len(),
    ))
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

/// Rejects keyword arguments for functions that take none.
pub fn no_kwargs(vm: &Vm, name: &str, kw: &[(Str, Value)]) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// Whether a built-in constructor was called for a Python subclass of its type.
pub fn is_subclass_call(args: &[Value]) -> bool {
    matches!(args.first(), Some(Value::Class(c)) if !c.builtin)
}
