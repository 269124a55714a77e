//! `_signal`: Python handlers for signals (run by the main thread at its
//! next check, see `vm/signals.rs`), `alarm`, `raise_signal`, `pause`.
//! The `signal` module wraps it with the `Signals`/`Handlers` enums.

use crate::builtins::functions::is_callable;
use crate::stdlib::io::int_arg;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::signals::{self, Disposition, MAX_SIGNAL};
use crate::vm::*;

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

fn signum(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = int_arg(vm, v)?;
    if n < 1 || n > MAX_SIGNAL as i64 {
        return Err(vm.value_error("signal number out of range"));
    }
    Ok(n as i32)
}

fn signal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sig = signum(vm, &args[0])?;
    let h = args[1].clone();
    if !vm.is_main {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let how = match &h {
        Value::Int(SIG_DFL) => Disposition::Default,
        Value::Int(SIG_IGN) => Disposition::Ignore,
        v if is_callable(vm, v) => Disposition::Python,
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    if sig == libc::SIGKILL || sig == libc::SIGSTOP {
        return Err(vm.os_error_errno(libc::EINVAL, None));
    }
    let prev_ignored = c_ignored(sig);
    if let Err(e) = signals::set_disposition(sig, how) {
        return Err(vm.os_error(&e, None));
    }
    let old = signals::set_handler(sig, h);
    if matches!(old, Value::None) && sig != libc::SIGINT {
        return Ok(Value::Int(if prev_ignored { SIG_IGN } else { SIG_DFL }));
    }
    Ok(old)
}

/// The handler set from Python, else `None` for SIGINT's built-in handling,
/// else the C-level disposition (`SIG_DFL`/`SIG_IGN`).
fn getsignal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sig = signum(vm, &args[0])?;
    let h = signals::handler(sig);
    if !matches!(h, Value::None) || sig == libc::SIGINT {
        return Ok(h);
    }
    Ok(Value::Int(if c_ignored(sig) { SIG_IGN } else { SIG_DFL }))
}

/// Whether `sig`'s C-level disposition is to ignore it.
fn c_ignored(sig: i32) -> bool {
    // SAFETY: an all-zero `sigaction` is a valid value of this plain C struct.
    let mut old: libc::sigaction = unsafe { std::mem::zeroed() };
    // SAFETY: a null new action only queries; `old` is valid and writable.
    let rc = unsafe { libc::sigaction(sig, std::ptr::null(), &mut old) };
    rc == 0 && old.sa_sigaction == libc::SIG_IGN
}

fn default_int_handler(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let e = vm.new_instance(&vm.types().exc.KeyboardInterrupt.clone(), &[]);
    Err(PyErr::new(e))
}

fn alarm(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let secs = int_arg(vm, &args[0])?;
    // SAFETY: alarm only sets the process's timer.
    let left = unsafe { libc::alarm(secs.clamp(0, u32::MAX as i64) as libc::c_uint) };
    Ok(Value::Int(left as i64))
}

fn raise_signal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sig = signum(vm, &args[0])?;
    // SAFETY: raise only sends a signal to the calling thread.
    if unsafe { libc::raise(sig) } != 0 {
        return Err(vm.os_error(&std::io::Error::last_os_error(), None));
    }
    vm.handle_signals()?;
    Ok(Value::None)
}

fn pause(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.allow_threads(Wait::Sleep, || {
        // SAFETY: pause only waits for a signal.
        unsafe { libc::pause() };
    });
    vm.handle_signals()?;
    Ok(Value::None)
}

fn strsignal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sig = signum(vm, &args[0])?;
    // SAFETY: strsignal returns a pointer to a static (or thread-local)
    // NUL-terminated string, copied out at once.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: `p` is a valid NUL-terminated C string (checked non-null).
    let s = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    if s.starts_with("Unknown signal") || s.starts_with("Real-time signal") {
        return Ok(Value::None);
    }
    Ok(new_str(s))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("signal", Arity::exact(2), signal),
        ("getsignal", Arity::exact(1), getsignal),
        ("default_int_handler", Arity::ANY, default_int_handler),
        ("alarm", Arity::exact(1), alarm),
        ("raise_signal", Arity::exact(1), raise_signal),
        ("pause", Arity::exact(0), pause),
        ("strsignal", Arity::exact(1), strsignal),
    ];
    add_functions(vm, d, fns);
    let ints: &[(&str, i32)] = &[
        ("SIGHUP", libc::SIGHUP),
        ("SIGINT", libc::SIGINT),
        ("SIGQUIT", libc::SIGQUIT),
        ("SIGILL", libc::SIGILL),
        ("SIGTRAP", libc::SIGTRAP),
        ("SIGABRT", libc::SIGABRT),
        ("SIGIOT", libc::SIGIOT),
        ("SIGBUS", libc::SIGBUS),
        ("SIGFPE", libc::SIGFPE),
        ("SIGKILL", libc::SIGKILL),
        ("SIGUSR1", libc::SIGUSR1),
        ("SIGSEGV", libc::SIGSEGV),
        ("SIGUSR2", libc::SIGUSR2),
        ("SIGPIPE", libc::SIGPIPE),
        ("SIGALRM", libc::SIGALRM),
        ("SIGTERM", libc::SIGTERM),
        ("SIGSTKFLT", libc::SIGSTKFLT),
        ("SIGCHLD", libc::SIGCHLD),
        ("SIGCONT", libc::SIGCONT),
        ("SIGSTOP", libc::SIGSTOP),
        ("SIGTSTP", libc::SIGTSTP),
        ("SIGTTIN", libc::SIGTTIN),
        ("SIGTTOU", libc::SIGTTOU),
        ("SIGURG", libc::SIGURG),
        ("SIGXCPU", libc::SIGXCPU),
        ("SIGXFSZ", libc::SIGXFSZ),
        ("SIGVTALRM", libc::SIGVTALRM),
        ("SIGPROF", libc::SIGPROF),
        ("SIGWINCH", libc::SIGWINCH),
        ("SIGIO", libc::SIGIO),
        ("SIGPOLL", libc::SIGPOLL),
        ("SIGPWR", libc::SIGPWR),
        ("SIGSYS", libc::SIGSYS),
        ("SIGRTMIN", libc::SIGRTMIN()),
        ("SIGRTMAX", libc::SIGRTMAX()),
        ("SIG_DFL", SIG_DFL as i32),
        ("SIG_IGN", SIG_IGN as i32),
        ("NSIG", MAX_SIGNAL as i32 + 1),
        ("SIG_BLOCK", libc::SIG_BLOCK),
        ("SIG_UNBLOCK", libc::SIG_UNBLOCK),
        ("SIG_SETMASK", libc::SIG_SETMASK),
    ];
    for &(name, v) in ints {
        d.set_by_str(name, Value::Int(v as i64));
    }
    Ok(())
}
