//! The parts of `sys` that describe the interpreter and look at running
//! code: `_getframe`, `displayhook`, `excepthook`, `implementation`,
//! `version_info` and the other named tuples (made by `py/_sysinfo.py`).

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;

pub fn add(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(
        vm,
        d,
        &[
            ("_getframe", Arity::range(0, 1), getframe),
            ("displayhook", Arity::exact(1), displayhook),
            ("excepthook", Arity::exact(3), excepthook),
            ("getdefaultencoding", Arity::exact(0), utf8),
            ("getfilesystemencoding", Arity::exact(0), utf8),
            (
                "getfilesystemencodeerrors",
                Arity::exact(0),
                surrogateescape,
            ),
            ("getrefcount", Arity::exact(1), getrefcount),
            ("is_finalizing", Arity::exact(0), is_finalizing),
        ],
    );
    for (hook, name) in [
        ("displayhook", "__displayhook__"),
        ("excepthook", "__excepthook__"),
    ] {
        if let Some(f) = d.get_by_str(hook).cloned() {
            d.set_by_str(name, f);
        }
    }
    let builtin_names: Vec<Value> = vm
        .interp
        .host
        .modules
        .iter()
        .filter(|m| matches!(m.init, crate::vm::host::ModuleInit::Native(_)))
        .map(|m| new_str(m.name))
        .chain(std::iter::once(new_str("builtins")))
        .collect();
    d.set_by_str("builtin_module_names", Value::tuple(builtin_names));
    // The named tuples are Python classes: made by a small gilpy module.
    let info = vm.import("_sysinfo", false)?;
    let make = vm.getattr_str(&info, "make")?;
    let version = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(0),
        new_str("final"),
        Value::Int(0),
    ]);
    let executable = d.get_by_str("executable").cloned().unwrap_or(Value::None);
    let made = vm.call(&make, &[version, executable, Value::Int(i64::MAX)], &[])?;
    if let Value::Dict(m) = made {
        for (k, v) in m.lock().items() {
            if let Value::Str(k) = k {
                d.set_str(&k, v);
            }
        }
    }
    vm.interp.modules.lock().remove_str("_sysinfo");
    Ok(())
}

fn getframe(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let depth = match args.first() {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    match usize::try_from(depth).ok().and_then(|d| vm.frame_object(d)) {
        Some(f) => Ok(f),
        None => Err(vm.value_error("call stack is not deep enough")),
    }
}

/// `sys.displayhook`: the repr of a value on stdout, kept in `builtins._`.
fn displayhook(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let v = args[0].clone();
    if v.is_none() {
        return Ok(Value::None);
    }
    vm.interp.builtins.lock().set_by_str("_", Value::None);
    let text = vm.repr(&v)?;
    crate::vm::stdio::write_to(vm, &Value::None, &format!("{}\n", text), false)?;
    vm.interp.builtins.lock().set_by_str("_", v);
    Ok(Value::None)
}

/// `sys.excepthook(type, value, traceback)`: the traceback report on stderr.
fn excepthook(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let report = if args[1].is_none() {
        format!("{}\n", vm.str_(&args[0])?)
    } else {
        vm.format_exception(&args[1])
    };
    crate::vm::stdio::write_stderr_raw(&report);
    Ok(Value::None)
}

fn utf8(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str("utf-8"))
}

fn surrogateescape(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str("surrogateescape"))
}

/// The reference count the caller would see (the argument holds one more,
/// as in CPython).
fn getrefcount(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(args[0].ref_count() as i64))
}

fn is_finalizing(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(false))
}
