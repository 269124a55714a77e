//! `time`: clocks and `sleep` (which releases the GIL).

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

fn epoch() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn time(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Float(d.as_secs_f64()))
}

fn time_ns(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let d = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    Ok(Value::Int(d.as_nanos() as i64))
}

fn monotonic(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(epoch().elapsed().as_secs_f64()))
}

fn monotonic_ns(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(epoch().elapsed().as_nanos() as i64))
}

fn process_time(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(crate::vm::os::process_time()))
}

fn thread_time(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(crate::vm::os::thread_time()))
}

/// `time.sleep(secs)`: releases the GIL while sleeping; Ctrl-C interrupts it.
fn sleep(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let secs = crate::vm::arith::to_f64(&args[0]).ok_or_else(|| {
        vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&args[0])
        ))
    })?;
    if secs < 0.0 || secs.is_nan() {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.sleep(Duration::from_secs_f64(secs.min(1e9)))?;
    Ok(Value::None)
}

fn localtime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let secs = match args.first() {
        Some(v) if !v.is_none() => crate::vm::arith::to_f64(v).unwrap_or(0.0),
        _ => SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default()
            .as_secs_f64(),
    };
    let _ = vm;
    let t = crate::vm::os::local_time(secs as i64);
    Ok(Value::tuple(t.iter().map(|x| Value::Int(*x)).collect()))
}

fn strftime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(fmt) = args[0].as_str() else {
        return Err(vm.type_error("strftime() argument 1 must be str"));
    };
    let fmt = fmt.to_string();
    let tm: Vec<i64> = match args.get(1) {
        Some(t) => {
            let items = vm.iterate(t)?;
            let mut out = Vec::new();
            for x in items {
                out.push(vm.to_index(&x)?);
            }
            out
        }
        None => {
            let secs = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .unwrap_or_default()
                .as_secs() as i64;
            crate::vm::os::local_time(secs).to_vec()
        }
    };
    let get = |i: usize| tm.get(i).copied().unwrap_or(0);
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&format!("{:04}", get(0))),
            Some('m') => out.push_str(&format!("{:02}", get(1))),
            Some('d') => out.push_str(&format!("{:02}", get(2))),
            Some('H') => out.push_str(&format!("{:02}", get(3))),
            Some('M') => out.push_str(&format!("{:02}", get(4))),
            Some('S') => out.push_str(&format!("{:02}", get(5))),
            Some('y') => out.push_str(&format!("{:02}", get(0) % 100)),
            Some('%') => out.push('%'),
            Some(o) => {
                out.push('%');
                out.push(o);
            }
            None => out.push('%'),
        }
    }
    Ok(new_str(out))
}

/// Fills the `time` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    epoch();
    let fns: &[NativeDef] = &[
        ("time", Arity::ANY, time),
        ("time_ns", Arity::ANY, time_ns),
        ("perf_counter", Arity::ANY, monotonic),
        ("perf_counter_ns", Arity::ANY, monotonic_ns),
        ("monotonic", Arity::ANY, monotonic),
        ("monotonic_ns", Arity::ANY, monotonic_ns),
        ("process_time", Arity::ANY, process_time),
        ("thread_time", Arity::ANY, thread_time),
        ("sleep", Arity::exact(1), sleep),
        ("localtime", Arity::ANY, localtime),
        ("strftime", Arity::range(1, 2), strftime),
    ];
    add_functions(vm, d, fns);
    Ok(())
}
