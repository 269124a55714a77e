//! The process part of `posix`: `fork` (with the after-fork clean-up and
//! `register_at_fork` hooks), `waitpid`/`wait` and the wait-status macros.

use crate::builtins::functions::is_callable;
use crate::stdlib::io::int_arg;
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;

/// `register_at_fork` hooks: before (run last-registered first), after in
/// the parent, after in the child. Touched only under the GIL.
static HOOKS: Mutex<[Vec<Value>; 3]> = Mutex::new([Vec::new(), Vec::new(), Vec::new()]);

const BEFORE: usize = 0;
const PARENT: usize = 1;
const CHILD: usize = 2;

/// Runs hooks, reporting (not raising) their exceptions, as CPython does.
fn run_hooks(vm: &mut Vm, which: usize) {
    let mut hooks = HOOKS.lock()[which].clone();
    if which == BEFORE {
        hooks.reverse();
    }
    for h in hooks {
        if let Err(e) = vm.call(&h, &[], &[]) {
            let text = vm.format_exception(&e.into_value());
            let msg = format!(
                "Exception ignored in: {}\n{}",
                vm.repr(&h).unwrap_or_default(),
                text
            );
            crate::vm::stdio::write_stderr(vm, &msg);
        }
    }
}

/// `threading._after_fork()`, if threading was imported.
fn threading_after_fork(vm: &mut Vm) {
    let threading = vm.interp.modules.lock().get_by_str("threading").cloned();
    if let Some(m) = threading {
        if let Ok(Some(f)) = vm.getattr_opt(&m, &vm.intern("_after_fork")) {
            if let Err(e) = vm.call(&f, &[], &[]) {
                let text = vm.format_exception(&e.into_value());
                crate::vm::stdio::write_stderr(vm, &text);
            }
        }
    }
}

/// Held across `fork()`, so that the child never finds it held.
pub(super) fn before_fork() -> impl Sized {
    HOOKS.lock()
}

fn fork(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    run_hooks(vm, BEFORE);
    match crate::stdlib::thread::fork(vm) {
        Ok(0) => {
            threading_after_fork(vm);
            run_hooks(vm, CHILD);
            Ok(Value::Int(0))
        }
        Ok(pid) => {
            run_hooks(vm, PARENT);
            Ok(Value::Int(pid as i64))
        }
        Err(e) => {
            run_hooks(vm, PARENT);
            Err(vm.os_error(&e, None))
        }
    }
}

fn register_at_fork(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "register_at_fork() takes exactly 0 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut found: [Option<Value>; 3] = [None, None, None];
    for (k, v) in kw {
        let i = match k.as_str() {
            "before" => BEFORE,
            "after_in_parent" => PARENT,
            "after_in_child" => CHILD,
            other => {
                return Err(vm.type_error(format!(
                    "register_at_fork() got an unexpected keyword argument '{}'",
                    other
                )))
            }
        };
        if !matches!(v, Value::None) {
            if !is_callable(vm, v) {
                return Err(vm.type_error(format!(
                    "'{}' must be callable, not {}",
                    k.as_str(),
                    vm.type_name(v)
                )));
            }
            found[i] = Some(v.clone());
        }
    }
    if found.iter().all(|f| f.is_none()) {
        return Err(vm.type_error("At least one argument is required."));
    }
    let mut hooks = HOOKS.lock();
    for (i, f) in found.into_iter().enumerate() {
        if let Some(f) = f {
            hooks[i].push(f);
        }
    }
    Ok(Value::None)
}

fn wait_pid(vm: &mut Vm, pid: i64, options: i64) -> PyResult<Value> {
    let r = vm.blocking_io(Wait::Process, move || {
        let mut status: libc::c_int = 0;
        // SAFETY: `status` is a valid, writable int for the call.
        let r = unsafe { libc::waitpid(pid as libc::pid_t, &mut status, options as libc::c_int) };
        if r < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok((r, status))
        }
    })?;
    match r {
        Ok((p, status)) => Ok(Value::tuple(vec![
            Value::Int(p as i64),
            Value::Int(status as i64),
        ])),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn waitpid(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pid = int_arg(vm, &args[0])?;
    let options = int_arg(vm, &args[1])?;
    wait_pid(vm, pid, options)
}

fn wait(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    wait_pid(vm, -1, 0)
}

fn status_arg(vm: &mut Vm, args: &[Value]) -> PyResult<libc::c_int> {
    Ok(int_arg(vm, &args[0])? as libc::c_int)
}

macro_rules! status_fns {
    ($($name:ident => $f:expr),* $(,)?) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            let s = status_arg(vm, args)?;
            Ok($f(s))
        })*
    };
}

status_fns! {
    wifexited => |s| Value::Bool(libc::WIFEXITED(s)),
    wexitstatus => |s| Value::Int(libc::WEXITSTATUS(s) as i64),
    wifsignaled => |s| Value::Bool(libc::WIFSIGNALED(s)),
    wtermsig => |s| Value::Int(libc::WTERMSIG(s) as i64),
    wifstopped => |s| Value::Bool(libc::WIFSTOPPED(s)),
    wstopsig => |s| Value::Int(libc::WSTOPSIG(s) as i64),
    wifcontinued => |s| Value::Bool(libc::WIFCONTINUED(s)),
    wcoredump => |s| Value::Bool(libc::WCOREDUMP(s)),
}

fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let v = match arg_or_kw(args, kw, 0, "status") {
        Some(v) => v.clone(),
        None => {
            return Err(vm
                .type_error("waitstatus_to_exitcode() missing required argument 'status' (pos 1)"))
        }
    };
    if matches!(v, Value::Float(_)) {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let s = int_arg(vm, &v)? as libc::c_int;
    if libc::WIFEXITED(s) {
        return Ok(Value::Int(libc::WEXITSTATUS(s) as i64));
    }
    if libc::WIFSIGNALED(s) {
        return Ok(Value::Int(-(libc::WTERMSIG(s) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {}", s)))
}

/// Adds the process functions to `posix`.
pub fn init(vm: &mut Vm, d: &mut DictMap) {
    let fns: &[NativeDef] = &[
        ("fork", Arity::exact(0), fork),
        ("register_at_fork", Arity::ANY, register_at_fork),
        ("waitpid", Arity::exact(2), waitpid),
        ("wait", Arity::exact(0), wait),
        ("WIFEXITED", Arity::exact(1), wifexited),
        ("WEXITSTATUS", Arity::exact(1), wexitstatus),
        ("WIFSIGNALED", Arity::exact(1), wifsignaled),
        ("WTERMSIG", Arity::exact(1), wtermsig),
        ("WIFSTOPPED", Arity::exact(1), wifstopped),
        ("WSTOPSIG", Arity::exact(1), wstopsig),
        ("WIFCONTINUED", Arity::exact(1), wifcontinued),
        ("WCOREDUMP", Arity::exact(1), wcoredump),
        ("waitstatus_to_exitcode", Arity::ANY, waitstatus_to_exitcode),
    ];
    add_functions(vm, d, fns);
    for (name, v) in [
        ("WUNTRACED", libc::WUNTRACED),
        ("WCONTINUED", libc::WCONTINUED),
    ] {
        d.set_by_str(name, Value::Int(v as i64));
    }
}
