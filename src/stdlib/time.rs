//! `_time`: the native part of `time` (clocks, `sleep`, which releases the
//! GIL, and the C library's broken-down times); `py/time.py` adds
//! `struct_time`, `strptime` and the zone globals.

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::os;
use crate::vm::*;
use std::ffi::CString;
use std::time::Duration;

const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The clocks `time` names, with their `CLOCK_*` ids.
const CLOCKS: &[(&str, libc::clockid_t)] = &[
    ("CLOCK_REALTIME", libc::CLOCK_REALTIME),
    ("CLOCK_MONOTONIC", libc::CLOCK_MONOTONIC),
    ("CLOCK_PROCESS_CPUTIME_ID", libc::CLOCK_PROCESS_CPUTIME_ID),
    ("CLOCK_THREAD_CPUTIME_ID", libc::CLOCK_THREAD_CPUTIME_ID),
    ("CLOCK_MONOTONIC_RAW", libc::CLOCK_MONOTONIC_RAW),
    ("CLOCK_BOOTTIME", libc::CLOCK_BOOTTIME),
    ("CLOCK_TAI", libc::CLOCK_TAI),
];

fn read_clock(vm: &Vm, id: libc::clockid_t, res: bool) -> PyResult<(i64, i64)> {
    os::clock(id, res).map_err(|e| vm.os_error_errno(e, None))
}

fn secs_value(t: (i64, i64)) -> Value {
    Value::Float(t.0 as f64 + t.1 as f64 * 1e-9)
}

fn ns_value(t: (i64, i64)) -> Value {
    let ns = t.0 as i128 * 1_000_000_000 + t.1 as i128;
    Value::from_bigint(ns.into())
}

macro_rules! clock_fns {
    ($($float:ident, $ns:ident, $id:expr;)*) => {$(
        fn $float(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            Ok(secs_value(read_clock(vm, $id, false)?))
        }
        fn $ns(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            Ok(ns_value(read_clock(vm, $id, false)?))
        }
    )*};
}

clock_fns! {
    time, time_ns, libc::CLOCK_REALTIME;
    monotonic, monotonic_ns, libc::CLOCK_MONOTONIC;
    process_time, process_time_ns, libc::CLOCK_PROCESS_CPUTIME_ID;
    thread_time, thread_time_ns, libc::CLOCK_THREAD_CPUTIME_ID;
}

fn clock_id(vm: &mut Vm, v: &Value) -> PyResult<libc::clockid_t> {
    let id = int_arg(vm, v)?;
    Ok(id as libc::clockid_t)
}

fn clock_gettime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let id = clock_id(vm, &args[0])?;
    Ok(secs_value(read_clock(vm, id, false)?))
}

fn clock_gettime_ns(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let id = clock_id(vm, &args[0])?;
    Ok(ns_value(read_clock(vm, id, false)?))
}

fn clock_getres(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let id = clock_id(vm, &args[0])?;
    Ok(secs_value(read_clock(vm, id, true)?))
}

/// `clock_settime(clk_id, time)`: seconds as a float, floored to
/// nanoseconds; `clock_settime_ns` takes whole nanoseconds.
fn clock_settime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let id = clock_id(vm, &args[0])?;
    let too_large = |vm: &Vm| vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    let ns = match &args[1] {
        Value::Float(f) if f.is_nan() => return Err(nan_error(vm)),
        Value::Float(f) => {
            let ns = (f * 1e9).floor();
            if ns.abs() >= 9.223_372_036_854_776e18 {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            ns as i64
        }
        Value::BigInt(_) => return Err(too_large(vm)),
        v => vm
            .to_index(v)?
            .checked_mul(1_000_000_000)
            .ok_or_else(|| too_large(vm))?,
    };
    set_clock_ns(vm, id, ns)
}

fn clock_settime_ns(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let id = clock_id(vm, &args[0])?;
    let ns = match &args[1] {
        Value::BigInt(_) => {
            return Err(vm.overflow_error("timestamp too large to convert to C _PyTime_t"))
        }
        Value::Int(n) => *n,
        v => {
            return Err(vm.type_error(format!("expect int, got {}", vm.type_name(v))));
        }
    };
    set_clock_ns(vm, id, ns)
}

fn set_clock_ns(vm: &Vm, id: libc::clockid_t, ns: i64) -> PyResult<Value> {
    let (secs, nanos) = (ns.div_euclid(1_000_000_000), ns.rem_euclid(1_000_000_000));
    os::set_clock(id, secs, nanos).map_err(|e| vm.os_error_errno(e, None))?;
    Ok(Value::None)
}

fn nan_error(vm: &Vm) -> PyErr {
    vm.value_error("Invalid value NaN (not a number)")
}

/// `time.sleep(secs)`: releases the GIL while sleeping; Ctrl-C interrupts it.
fn sleep(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let too_large = |vm: &Vm| vm.overflow_error("timestamp too large to convert to C _PyTime_t");
    let secs = match &args[0] {
        Value::Float(f) if f.is_nan() => return Err(nan_error(vm)),
        Value::Float(f) if f.abs() * 1e9 >= 9.223_372_036_854_776e18 => {
            return Err(vm.overflow_error("timestamp out of range for platform time_t"))
        }
        Value::Float(f) => *f,
        Value::BigInt(_) => return Err(too_large(vm)),
        v => vm.to_index(v)? as f64,
    };
    // CPython keeps sleeps as signed 64-bit nanoseconds.
    if secs.abs() * 1e9 >= 9.223_372_036_854_776e18 {
        return Err(too_large(vm));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.sleep(Duration::from_secs_f64(secs))?;
    Ok(Value::None)
}

/// A C `int` argument, with CPython's conversion errors.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let n = match v {
        Value::BigInt(_) => {
            return Err(vm.overflow_error("Python int too large to convert to C long"))
        }
        v => vm.to_index(v)?,
    };
    if n > i32::MAX as i64 {
        return Err(vm.overflow_error("signed integer is greater than maximum"));
    }
    if n < i32::MIN as i64 {
        return Err(vm.overflow_error("signed integer is less than minimum"));
    }
    Ok(n)
}

/// Seconds since the epoch from an optional argument (now when absent or
/// None), floored to whole seconds as C `time_t`.
fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    let range = |vm: &Vm| vm.overflow_error("timestamp out of range for platform time_t");
    match v {
        None | Some(Value::None) => Ok(read_clock(vm, libc::CLOCK_REALTIME, false)?.0),
        Some(Value::Float(f)) => {
            if f.is_nan() {
                return Err(nan_error(vm));
            }
            let f = f.floor();
            if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                return Err(range(vm));
            }
            Ok(f as i64)
        }
        Some(Value::BigInt(_)) => Err(range(vm)),
        Some(v) => vm.to_index(v),
    }
}

/// The 11 `struct_time` fields of a C `tm`.
fn tm_fields(tm: &libc::tm) -> Vec<Value> {
    let mut out: Vec<Value> = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ]
    .iter()
    .map(|x| Value::Int(*x))
    .collect();
    out.push(os::tm_zone(tm).map_or(Value::None, new_str));
    out.push(Value::Int(tm.tm_gmtoff));
    out
}

/// A `time.struct_time` (set on `_time` by `time.py`), or a plain tuple.
fn struct_time(vm: &mut Vm, tm: &libc::tm) -> PyResult<Value> {
    let fields = Value::tuple(tm_fields(tm));
    let module = vm.import("_time", false)?;
    match vm.getattr_str(&module, "struct_time") {
        Ok(cls) => vm.call(&cls, &[fields], &[]),
        Err(_) => Ok(fields),
    }
}

fn broken_down(vm: &mut Vm, args: &[Value], local: bool) -> PyResult<libc::tm> {
    let secs = secs_arg(vm, args.first())?;
    os::broken_down(secs, local).map_err(|e| vm.os_error_errno(e, None))
}

fn gmtime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let tm = broken_down(vm, args, false)?;
    struct_time(vm, &tm)
}

fn localtime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let tm = broken_down(vm, args, true)?;
    struct_time(vm, &tm)
}

/// A C `tm` from a 9-tuple or `struct_time` (whose zone and offset come
/// along); the zone's C string must outlive the `tm`'s use.
fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<(libc::tm, Option<CString>)> {
    let items: Vec<Value> = match v {
        Value::Tuple(t) => t.items.to_vec(),
        _ => match crate::vm::ops::base_of(v) {
            Some(Value::Tuple(t)) => t.items.to_vec(),
            _ => return Err(vm.type_error("Tuple or struct_time argument required")),
        },
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut n = [0i64; 9];
    for (slot, item) in n.iter_mut().zip(&items) {
        *slot = int_arg(vm, item)?;
    }
    let mut tm = os::zero_tm();
    tm.tm_year = (n[0] - 1900) as i32;
    tm.tm_mon = (n[1] - 1) as i32;
    tm.tm_mday = n[2] as i32;
    tm.tm_hour = n[3] as i32;
    tm.tm_min = n[4] as i32;
    tm.tm_sec = n[5] as i32;
    // Monday 0 becomes C's Sunday 0; C's `%` keeps a negative weekday
    // negative, so checks below still see it.
    tm.tm_wday = ((n[6] + 1) % 7) as i32;
    tm.tm_yday = (n[7] - 1) as i32;
    tm.tm_isdst = n[8] as i32;
    let mut zone = None;
    if matches!(v, Value::Instance(_)) {
        if let Ok(Value::Str(z)) = vm.getattr_str(v, "tm_zone") {
            zone = CString::new(z.as_str()).ok();
        }
        if let Ok(off) = vm.getattr_str(v, "tm_gmtoff") {
            if !off.is_none() {
                tm.tm_gmtoff = vm.to_index(&off)? as libc::c_long;
            }
        }
    }
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    Ok((tm, zone))
}

/// CPython's range checks of a time tuple for `strftime` and `asctime`,
/// turning the "unknown" zeros into the first month, day and day of year.
fn check_tm(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    if tm.tm_mon == -1 {
        tm.tm_mon = 0;
    } else if !(0..=11).contains(&tm.tm_mon) {
        return Err(vm.value_error("month out of range"));
    }
    if tm.tm_mday == 0 {
        tm.tm_mday = 1;
    } else if !(0..=31).contains(&tm.tm_mday) {
        return Err(vm.value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.tm_hour) {
        return Err(vm.value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.tm_min) {
        return Err(vm.value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.tm_sec) {
        return Err(vm.value_error("seconds out of range"));
    }
    if tm.tm_wday < 0 {
        return Err(vm.value_error("day of week out of range"));
    }
    if tm.tm_yday == -1 {
        tm.tm_yday = 0;
    } else if !(0..=365).contains(&tm.tm_yday) {
        return Err(vm.value_error("day of year out of range"));
    }
    Ok(())
}

/// The current local time as a C `tm`.
fn now_local(vm: &mut Vm) -> PyResult<libc::tm> {
    broken_down(vm, &[], true)
}

fn mktime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (mut tm, _zone) = tm_arg(vm, &args[0], "mktime")?;
    match os::mktime(&mut tm) {
        Some(t) => Ok(Value::Float(t as f64)),
        None => Err(vm.overflow_error("mktime argument out of range")),
    }
}

fn asctime_text(tm: &libc::tm) -> String {
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        DAYS[tm.tm_wday.rem_euclid(7) as usize],
        MONTHS[tm.tm_mon.rem_euclid(12) as usize],
        tm.tm_mday,
        tm.tm_hour,
        tm.tm_min,
        tm.tm_sec,
        tm.tm_year as i64 + 1900
    )
}

fn asctime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let tm = match args.first() {
        Some(v) => {
            let (mut tm, _zone) = tm_arg(vm, v, "asctime")?;
            check_tm(vm, &mut tm)?;
            tm
        }
        None => now_local(vm)?,
    };
    Ok(new_str(asctime_text(&tm)))
}

fn ctime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let tm = broken_down(vm, args, true)?;
    Ok(new_str(asctime_text(&tm)))
}

fn strftime(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("strftime() takes at least 1 argument (0 given)"));
    }
    let Some(fmt) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let Ok(fmt) = CString::new(fmt) else {
        return Err(vm.value_error("embedded null character"));
    };
    let (mut tm, zone) = match args.get(1) {
        Some(v) => {
            let (mut tm, zone) = tm_arg(vm, v, "strftime")?;
            check_tm(vm, &mut tm)?;
            tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
            (tm, zone)
        }
        None => (now_local(vm)?, None),
    };
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    let out = os::strftime(&fmt, &tm);
    drop(zone);
    Ok(new_str(String::from_utf8_lossy(&out).into_owned()))
}

/// `(timezone, altzone, daylight, tzname)` after re-reading `TZ`, found as
/// CPython does on glibc: from the local times of January and July of the
/// current year (the summer one is January's in the southern hemisphere).
fn zone_info(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    os::tz_reset();
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let now = read_clock(vm, libc::CLOCK_REALTIME, false)?.0;
    let start = now / YEAR * YEAR;
    let probe = |t: i64| match os::broken_down(t, true) {
        Ok(tm) => (-tm.tm_gmtoff, os::tm_zone(&tm).unwrap_or_default()),
        Err(_) => (0, "UTC".to_string()),
    };
    let (jan, jan_name) = probe(start);
    let (jul, jul_name) = probe(start + YEAR / 2);
    let (tz, alt, std_name, dst_name) = if jan < jul {
        (jul, jan, jul_name, jan_name)
    } else {
        (jan, jul, jan_name, jul_name)
    };
    Ok(Value::tuple(vec![
        Value::Int(tz),
        Value::Int(alt),
        Value::Int((jan != jul) as i64),
        Value::tuple(vec![new_str(std_name), new_str(dst_name)]),
    ]))
}

/// Fills the `_time` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("time", Arity::exact(0), time),
        ("time_ns", Arity::exact(0), time_ns),
        ("perf_counter", Arity::exact(0), monotonic),
        ("perf_counter_ns", Arity::exact(0), monotonic_ns),
        ("monotonic", Arity::exact(0), monotonic),
        ("monotonic_ns", Arity::exact(0), monotonic_ns),
        ("process_time", Arity::exact(0), process_time),
        ("process_time_ns", Arity::exact(0), process_time_ns),
        ("thread_time", Arity::exact(0), thread_time),
        ("thread_time_ns", Arity::exact(0), thread_time_ns),
        ("clock_gettime", Arity::exact(1), clock_gettime),
        ("clock_gettime_ns", Arity::exact(1), clock_gettime_ns),
        ("clock_getres", Arity::exact(1), clock_getres),
        ("clock_settime", Arity::exact(2), clock_settime),
        ("clock_settime_ns", Arity::exact(2), clock_settime_ns),
        ("sleep", Arity::exact(1), sleep),
        ("gmtime", Arity::range(0, 1), gmtime),
        ("localtime", Arity::range(0, 1), localtime),
        ("mktime", Arity::exact(1), mktime),
        ("asctime", Arity::range(0, 1), asctime),
        ("ctime", Arity::range(0, 1), ctime),
        ("strftime", Arity::range(0, 2), strftime),
        ("_zone_info", Arity::exact(0), zone_info),
    ];
    add_functions(vm, d, fns);
    for (name, id) in CLOCKS {
        d.set_by_str(name, Value::Int(*id as i64));
    }
    Ok(())
}
