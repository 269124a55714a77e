//! `_gc`: the cycle collector's controls (`src/vm/gc.rs`), under the `gc`
//! module written in Python (which checks arguments and runs callbacks).

use crate::vm::dict::DictMap;
use crate::vm::gc;
use crate::vm::native::{add_functions, Arity};
use crate::vm::{PyResult, Str, Value, Vm};

fn ints(v: &[usize]) -> Value {
    Value::tuple(v.iter().map(|&n| Value::Int(n as i64)).collect())
}

fn collect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let generation = vm.to_index(&args[0])?.clamp(0, 2) as usize;
    let out = vm.collect_garbage(generation);
    Ok(ints(&[out.collected, out.uncollectable]))
}

fn enable(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gc::enable(matches!(args[0], Value::Bool(true)));
    Ok(Value::None)
}

fn isenabled(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(gc::is_enabled()))
}

fn get_count(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(ints(&gc::get_count()))
}

fn get_threshold(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(ints(&gc::get_threshold()))
}

fn set_threshold(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut t = [0usize; 3];
    for (slot, v) in t.iter_mut().zip(args) {
        *slot = vm.to_index(v)?.max(0) as usize;
    }
    gc::set_threshold(t);
    Ok(Value::None)
}

fn get_stats(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let rows = gc::get_stats()
        .iter()
        .map(|s| ints(&[s.collections, s.collected, s.uncollectable]))
        .collect();
    Ok(Value::tuple(rows))
}

fn freeze(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gc::freeze();
    Ok(Value::None)
}

fn unfreeze(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gc::unfreeze();
    Ok(Value::None)
}

fn get_freeze_count(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(gc::freeze_count() as i64))
}

fn get_objects(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let generation = match &args[0] {
        Value::None => None,
        v => Some(vm.to_index(v)?.clamp(0, 2) as usize),
    };
    Ok(Value::list(gc::objects(generation)))
}

fn is_finalized(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(matches!(
        &args[0],
        Value::Instance(i) if i.finalized.load(std::sync::atomic::Ordering::Relaxed)
    )))
}

fn set_callback_runner(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gc::set_callback_runner(args[0].clone());
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(
        vm,
        d,
        &[
            ("collect", Arity::exact(1), collect),
            ("enable", Arity::exact(1), enable),
            ("isenabled", Arity::exact(0), isenabled),
            ("get_count", Arity::exact(0), get_count),
            ("get_threshold", Arity::exact(0), get_threshold),
            ("set_threshold", Arity::exact(3), set_threshold),
            ("get_stats", Arity::exact(0), get_stats),
            ("freeze", Arity::exact(0), freeze),
            ("unfreeze", Arity::exact(0), unfreeze),
            ("get_freeze_count", Arity::exact(0), get_freeze_count),
            ("get_objects", Arity::exact(1), get_objects),
            ("is_finalized", Arity::exact(1), is_finalized),
            ("_set_callback_runner", Arity::exact(1), set_callback_runner),
        ],
    );
    Ok(())
}
