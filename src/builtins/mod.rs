//! The `builtins` module and the methods of the built-in types.

pub mod bytes;
mod bytes_methods;
mod bytes_mut;
mod code;
mod complex;
mod coro;
pub mod dict;
mod exc_group;
mod unicode_error;

pub mod functions;
mod generic;
mod list;
mod mappingproxy;
mod num;
mod object;
mod protocol;
pub mod set;
mod str;
mod str_tables;
mod str_translate;
mod strformat;

pub use functions::is_callable;

use crate::vm::dict::DictMap;
use crate::vm::sync::Shared;
use crate::vm::{ClassRef, Value, Vm};

/// Installs everything: type methods, the builtins namespace, native modules.
pub fn install(vm: &mut Vm) {
    object::install(vm);
    coro::install(vm);
    num::install(vm);
    complex::install(vm);
    str::install(vm);
    str_translate::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    bytes::install(vm);
    generic::install(vm);
    exc_group::install(vm);
    unicode_error::install(vm);
    mappingproxy::install(vm);
    let mut b = DictMap::new();
    functions::install(vm, &mut b);
    code::install(vm, &mut b);
    let t = vm.types();
    let classes: Vec<(&str, ClassRef)> = vec![
        ("object", t.object.clone()),
        ("type", t.type_.clone()),
        ("int", t.int.clone()),
        ("bool", t.bool_.clone()),
        ("float", t.float.clone()),
        ("complex", t.complex.clone()),
        ("str", t.str_.clone()),
        ("bytes", t.bytes.clone()),
        ("bytearray", t.bytearray.clone()),
        ("memoryview", t.memoryview.clone()),
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
