//! Functions written in Rust, as Python sees them: how a native function or
//! method is declared (name, positional arity, function: once, in a table),
//! the arity check every call goes through, and the small helpers native
//! code uses to read its arguments.

use super::dict::DictMap;
use super::object::{Builtin, ClassRef, FastBuiltin, Native, NativeFn, PyResult};
use super::sync::Shared;
use super::value::{new_str, Str, Value};
use super::Vm;
use std::any::{Any, TypeId};

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
    make_owned(name, arity, func, method, None)
}

fn make_owned(
    name: &'static str,
    arity: Arity,
    func: NativeFn,
    method: bool,
    owner: Option<Str>,
) -> Value {
    Value::Builtin(Shared::new(Builtin {
        name,
        func,
        method,
        bound: None,
        arity,
        owner,
        fast: FastBuiltin::None,
    }))
}

/// A built-in function the interpreter loop may run inline (`fast`).
pub fn fast_builtin(name: &'static str, arity: Arity, func: NativeFn, fast: FastBuiltin) -> Value {
    Value::Builtin(Shared::new(Builtin {
        name,
        func,
        method: false,
        bound: None,
        arity,
        owner: None,
        fast,
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
    let owner = Some(class.name.clone());
    let mut d = class.dict.lock();
    for &(name, arity, func) in defs {
        d.set_str(
            &vm.intern(name),
            make_owned(name, arity, func, true, owner.clone()),
        );
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

/// Makes the class of natively implemented objects whose data is a Rust
/// `T` (a socket, a file, a database connection): `name` as Python shows it,
/// in `module`, with `base` (default `object`) and `methods`. The class is
/// registered, so that [`new_object`] finds it.
pub fn native_class<T: Any>(
    vm: &Vm,
    name: &str,
    module: &str,
    base: Option<ClassRef>,
    methods: &[NativeDef],
) -> ClassRef {
    let base = base.unwrap_or_else(|| vm.types().object.clone());
    let mut dict = DictMap::new();
    dict.set_by_str("__module__", new_str(module));
    let class = super::make_class(vm.intern(name), vm.intern(name), vec![base], dict, true)
        .expect("one base has a consistent MRO");
    add_methods(vm, &class, methods);
    vm.interp
        .native_classes
        .lock()
        .insert(TypeId::of::<T>(), class.clone());
    class
}

/// The class registered for `T` by [`native_class`].
pub fn class_for<T: Any>(vm: &Vm) -> ClassRef {
    vm.interp
        .native_classes
        .lock()
        .get(&TypeId::of::<T>())
        .cloned()
        .unwrap_or_else(|| vm.types().object.clone())
}

/// A new object of the class registered for `T`, holding `data`.
pub fn new_object<T: Any + Send + Sync>(vm: &Vm, data: T) -> Value {
    Value::native(Native::Object {
        class: class_for::<T>(vm),
        data: Box::new(data),
    })
}

/// A new object of `class` (a subclass instance's own class) holding `data`.
pub fn new_object_of<T: Any + Send + Sync>(class: ClassRef, data: T) -> Value {
    Value::native(Native::Object {
        class,
        data: Box::new(data),
    })
}

/// The Rust data of a native object (or of the native base of an instance
/// of a Python subclass), if it is a `T`.
pub fn downcast<T: Any>(v: &Value) -> Option<&T> {
    match v {
        Value::Native(n) => match &**n {
            Native::Object { data, .. } => data.downcast_ref::<T>(),
            _ => None,
        },
        Value::Instance(i) => i.base.as_ref().and_then(downcast::<T>),
        _ => None,
    }
}

/// The native object itself: `v`, or the native value inside an instance
/// of a Python subclass.
pub fn native_value(v: &Value) -> Value {
    match v {
        Value::Instance(i) => i.base.clone().unwrap_or_else(|| v.clone()),
        v => v.clone(),
    }
}

/// `self` of a native method as a `T`, or CPython's `TypeError` for a
/// method called on the wrong kind of object.
pub fn this_object<'a, T: Any>(vm: &Vm, args: &'a [Value], class: &str) -> PyResult<&'a T> {
    match args.first().and_then(downcast::<T>) {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format!(
            "descriptor requires a '{}' object but received a '{}'",
            class,
            args.first()
                .map_or("nothing".to_string(), |a| vm.type_name(a))
        ))),
    }
}

/// Read-only attributes computed by native functions (`f.closed`,
/// `sock.family`): each is a property whose getter receives the object.
pub fn add_getters(vm: &Vm, class: &ClassRef, getters: &[(&'static str, NativeFn)]) {
    for &(name, getter) in getters {
        add_property(vm, class, name, getter, None);
    }
}

/// One attribute computed by native functions: `setter` receives the object
/// and the new value; without one the attribute is read-only.
pub fn add_property(
    vm: &Vm,
    class: &ClassRef,
    name: &'static str,
    getter: NativeFn,
    setter: Option<NativeFn>,
) {
    let prop = Value::native(Native::Property {
        fget: make(name, Arity::exact(1), getter, false),
        fset: setter.map_or(Value::None, |f| make(name, Arity::exact(2), f, false)),
        fdel: Value::None,
        doc: Value::None,
    });
    class.dict.lock().set_str(&vm.intern(name), prop);
}
