//! `_resource`: the process's resource usage (`getrusage`) and limits
//! (`getrlimit`, `setrlimit`, `prlimit`), the calls under `resource.py`.

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Str, Vm};

/// `RLIMIT_*` and `RUSAGE_*` as Linux numbers them.
const CONSTANTS: &[(&str, i64)] = &[
    ("RLIMIT_CPU", libc::RLIMIT_CPU as i64),
    ("RLIMIT_FSIZE", libc::RLIMIT_FSIZE as i64),
    ("RLIMIT_DATA", libc::RLIMIT_DATA as i64),
    ("RLIMIT_STACK", libc::RLIMIT_STACK as i64),
    ("RLIMIT_CORE", libc::RLIMIT_CORE as i64),
    ("RLIMIT_RSS", libc::RLIMIT_RSS as i64),
    ("RLIMIT_NPROC", libc::RLIMIT_NPROC as i64),
    ("RLIMIT_NOFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_OFILE", libc::RLIMIT_NOFILE as i64),
    ("RLIMIT_MEMLOCK", libc::RLIMIT_MEMLOCK as i64),
    ("RLIMIT_AS", libc::RLIMIT_AS as i64),
    ("RLIMIT_SIGPENDING", libc::RLIMIT_SIGPENDING as i64),
    ("RLIMIT_MSGQUEUE", libc::RLIMIT_MSGQUEUE as i64),
    ("RLIMIT_NICE", libc::RLIMIT_NICE as i64),
    ("RLIMIT_RTPRIO", libc::RLIMIT_RTPRIO as i64),
    ("RLIMIT_RTTIME", libc::RLIMIT_RTTIME as i64),
    ("RUSAGE_SELF", libc::RUSAGE_SELF as i64),
    ("RUSAGE_CHILDREN", libc::RUSAGE_CHILDREN as i64),
    ("RUSAGE_THREAD", libc::RUSAGE_THREAD as i64),
    // Python shows "no limit" as -1.
    ("RLIM_INFINITY", -1),
];

/// Seconds as CPython makes them from a `timeval`.
fn seconds(t: libc::timeval) -> Value {
    Value::Float(t.tv_sec as f64 + t.tv_usec as f64 * 0.000001)
}

/// `getrusage(who)`: the sixteen fields of `struct_rusage`, as a tuple.
fn getrusage(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let who = crate::stdlib::io::int_arg(vm, &args[0])?;
    let who = libc::c_int::try_from(who).map_err(|_| vm.value_error("invalid who parameter"))?;
    // SAFETY: rusage is plain old data; all zeroes is a valid value.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `ru` is a valid, writable rusage for the call to fill.
    if unsafe { libc::getrusage(who, &mut ru) } < 0 {
        let err = std::io::Error::last_os_error();
        if err.raw_os_error() == Some(libc::EINVAL) {
            return Err(vm.value_error("invalid who parameter"));
        }
        return Err(vm.os_error(&err, None));
    }
    let longs = [
        ru.ru_maxrss,
        ru.ru_ixrss,
        ru.ru_idrss,
        ru.ru_isrss,
        ru.ru_minflt,
        ru.ru_majflt,
        ru.ru_nswap,
        ru.ru_inblock,
        ru.ru_oublock,
        ru.ru_msgsnd,
        ru.ru_msgrcv,
        ru.ru_nsignals,
        ru.ru_nvcsw,
        ru.ru_nivcsw,
    ];
    let mut items = vec![seconds(ru.ru_utime), seconds(ru.ru_stime)];
    items.extend(longs.iter().map(|&n| Value::Int(n)));
    Ok(Value::tuple(items))
}

/// How many limits this build knows (RLIMIT_RTTIME is the last).
const NLIMITS: u32 = libc::RLIMIT_RTTIME + 1;

/// The resource number argument, checked as CPython checks it.
fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<u32> {
    let r = crate::stdlib::io::int_arg(vm, v)?;
    match u32::try_from(r) {
        Ok(r) if r < NLIMITS => Ok(r),
        _ => Err(vm.value_error("invalid resource specified")),
    }
}

fn limit_value(n: libc::rlim_t) -> Value {
    if n == libc::RLIM_INFINITY {
        Value::Int(-1)
    } else {
        Value::Int(n as i64)
    }
}

fn limits_tuple(l: &libc::rlimit) -> Value {
    Value::tuple(vec![limit_value(l.rlim_cur), limit_value(l.rlim_max)])
}

/// `(soft, hard)` from a 2-sequence of integers; -1 (or any negative, as
/// CPython's cast does) is "no limit".
fn limits_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::rlimit> {
    let items = vm.iterate(v)?;
    if items.len() != 2 {
        return Err(vm.value_error("expected a tuple of 2 integers"));
    }
    let soft = crate::stdlib::io::int_arg(vm, &items[0])?;
    let hard = crate::stdlib::io::int_arg(vm, &items[1])?;
    Ok(libc::rlimit {
        rlim_cur: soft as libc::rlim_t,
        rlim_max: hard as libc::rlim_t,
    })
}

/// CPython's messages for the two refusals it names.
fn limit_error(vm: &Vm, err: std::io::Error) -> PyErr {
    match err.raw_os_error() {
        Some(libc::EINVAL) => vm.value_error("current limit exceeds maximum limit"),
        Some(libc::EPERM) => vm.value_error("not allowed to raise maximum limit"),
        _ => vm.os_error(&err, None),
    }
}

/// `prlimit(2)` on `pid` (0: this process), setting `new` when given and
/// returning the limits before.
fn prlimit_call(
    vm: &Vm,
    pid: libc::pid_t,
    resource: u32,
    new: Option<libc::rlimit>,
) -> PyResult<libc::rlimit> {
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    let new_ptr = new
        .as_ref()
        .map_or(std::ptr::null(), |l| l as *const libc::rlimit);
    // SAFETY: `new_ptr` is null or points at a live rlimit; `old` is writable.
    let rc = unsafe { libc::prlimit(pid, resource as _, new_ptr, &mut old) };
    if rc < 0 {
        let err = std::io::Error::last_os_error();
        return Err(if new.is_some() {
            limit_error(vm, err)
        } else {
            vm.os_error(&err, None)
        });
    }
    Ok(old)
}

fn getrlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let r = resource_arg(vm, &args[0])?;
    Ok(limits_tuple(&prlimit_call(vm, 0, r, None)?))
}

fn setrlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let r = resource_arg(vm, &args[0])?;
    let limits = limits_arg(vm, &args[1])?;
    prlimit_call(vm, 0, r, Some(limits))?;
    Ok(Value::None)
}

/// `prlimit(pid, resource[, limits])`: the old limits of any process.
fn prlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pid = crate::stdlib::io::int_arg(vm, &args[0])?;
    let pid = libc::pid_t::try_from(pid)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    let r = resource_arg(vm, &args[1])?;
    let new = match args.get(2) {
        Some(v) if !matches!(v, Value::None) => Some(limits_arg(vm, v)?),
        _ => None,
    };
    Ok(limits_tuple(&prlimit_call(vm, pid, r, new)?))
}

fn getpagesize(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: sysconf only reads its integer argument.
    Ok(Value::Int(
        unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64
    ))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("getrusage", Arity::exact(1), getrusage),
        ("getrlimit", Arity::exact(1), getrlimit),
        ("setrlimit", Arity::exact(2), setrlimit),
        ("prlimit", Arity::range(2, 3), prlimit),
        ("getpagesize", Arity::exact(0), getpagesize),
    ];
    add_functions(vm, d, fns);
    for (name, n) in CONSTANTS {
        d.set_by_str(name, Value::Int(*n));
    }
    Ok(())
}
