//! The native core of `threading.Condition`: `__enter__`, `__exit__`,
//! `wait`, `notify` and `notify_all` without a Python frame per call.
//!
//! `threading.Condition` stays a Python class (subclassing, `wait_for`,
//! `repr`); its `__init__` sets `_native` when the lock is one of `_thread`'s
//! and the ownership hooks are the standard ones. Then these functions do what
//! the Python methods do, with the same waiter list (`self._waiters`, one
//! `_thread.lock` per waiting thread) and the same errors. Otherwise they
//! call the Python methods (`_wait_py`, `_notify_py`), so a Condition over
//! any other lock keeps CPython's behaviour.

use super::thread::{lock_kind, lock_value, reacquire, LockKind, NotifyLock, RawLock};
use crate::vm::deadlock::WaitTarget;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::os::thread_ident;
use crate::vm::sync::Shared;
use crate::vm::value::PyList;
use crate::vm::*;
use std::sync::Arc;
use std::time::Duration;

/// An attribute of the Condition: straight from the instance dict when it is
/// there (the common case), else by the general lookup.
fn field(vm: &mut Vm, this: &Value, name: &str) -> PyResult<Value> {
    if let Value::Instance(inst) = this {
        if let Some(v) = inst.dict.lock().get_by_str(name).cloned() {
            return Ok(v);
        }
    }
    vm.getattr_str(this, name)
}

fn this_arg<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Value> {
    args.first()
        .ok_or_else(|| vm.type_error("Condition method needs an instance"))
}

/// Whether `__init__` found the native core applicable.
fn is_native(this: &Value) -> bool {
    match this {
        Value::Instance(inst) => matches!(
            inst.dict.lock().get_by_str("_native"),
            Some(Value::Bool(true))
        ),
        _ => false,
    }
}

/// The lock and waiter list of a native Condition, or None to take the Python
/// path: arguments the native method does not take (`plain_call` false), a
/// Condition `__init__` left to Python, or parts replaced since.
fn native_parts(
    vm: &mut Vm,
    this: &Value,
    plain_call: bool,
) -> PyResult<Option<(LockKind, Shared<PyList>)>> {
    if !plain_call || !is_native(this) {
        return Ok(None);
    }
    let lock = field(vm, this, "_lock")?;
    let waiters = field(vm, this, "_waiters")?;
    Ok(match (lock_kind(&lock), waiters) {
        (Some(kind), Value::List(list)) => Some((kind, list)),
        _ => None,
    })
}

fn owned(kind: &LockKind) -> bool {
    match kind {
        LockKind::Plain(l) => l.is_locked(),
        LockKind::Reentrant(r) => r.is_owned(thread_ident()),
    }
}

fn call_python(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<Value> {
    let m = vm.getattr_str(&args[0], name)?;
    vm.call(&m, &args[1..], kw)
}

/// `Condition.__enter__`: `return self._lock.__enter__()`.
fn cond_enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = this_arg(vm, args)?;
    let lock = field(vm, this, "_lock")?;
    match lock_kind(&lock) {
        Some(kind) => kind.acquire(vm, &[], &[]),
        None => vm.call_method(&lock, "__enter__", &[]),
    }
}

/// `Condition.__exit__(*args)`: `return self._lock.__exit__(*args)`.
fn cond_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = this_arg(vm, args)?;
    let lock = field(vm, this, "_lock")?;
    match lock_kind(&lock) {
        Some(kind) => kind.release(vm),
        None => vm.call_method(&lock, "__exit__", &args[1..]),
    }
}

/// How long `wait(timeout)` blocks: `Some(None)` for ever, `Some(Some(d))`
/// for `d`, `None` not at all (a timeout that is not positive).
fn wait_limit(vm: &mut Vm, timeout: Option<&Value>) -> PyResult<Option<Option<Duration>>> {
    let t = match timeout {
        None | Some(Value::None) => return Ok(Some(None)),
        Some(v) => crate::vm::arith::to_f64(v).ok_or_else(|| {
            vm.type_error(format!(
                "'>' not supported between instances of '{}' and 'int'",
                vm.type_name(v)
            ))
        })?,
    };
    if t.is_nan() || t <= 0.0 {
        return Ok(None);
    }
    Ok(Some(Some(Duration::from_secs_f64(t.min(1e9)))))
}

/// `Condition.wait(timeout=None)`.
fn cond_wait(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = this_arg(vm, args)?;
    let plain_call = args.len() <= 2 && kw.iter().all(|(k, _)| k.as_str() == "timeout");
    let Some((kind, waiters)) = native_parts(vm, this, plain_call)? else {
        return call_python(vm, args, kw, "_wait_py");
    };
    if !owned(&kind) {
        return Err(vm.runtime_error("cannot wait on un-acquired lock"));
    }
    let limit = wait_limit(vm, arg_or_kw(args, kw, 1, "timeout"))?;
    // Each waiter blocks on a lock of its own, which notify() releases.
    let raw = Arc::new(RawLock::default());
    raw.try_acquire();
    let waiter = lock_value(vm, raw.clone());
    waiters.lock().push(waiter.clone());
    let me = thread_ident();
    let depth = match &kind {
        LockKind::Plain(l) => {
            l.release();
            0
        }
        LockKind::Reentrant(r) => r.release_save(me).unwrap_or(0),
    };
    let result = match limit {
        None => Ok(raw.try_acquire()),
        Some(limit) => {
            let target: Arc<dyn WaitTarget> = Arc::new(NotifyLock(raw.clone()));
            vm.blocking_wait_on(Wait::Sync, limit, Some(target), |d| raw.acquire_until(d))
        }
    };
    // The lock comes back whatever happened (as the Python `finally`).
    let restored = match &kind {
        LockKind::Plain(l) => reacquire(vm, kind.target(), |d| l.acquire_until(d)),
        LockKind::Reentrant(r) => {
            reacquire(vm, kind.target(), |d| r.acquire_restore_until(me, depth, d))
        }
    };
    let got = matches!(result, Ok(true));
    if !got {
        remove_waiter(&waiters, &waiter);
    }
    restored?;
    result.map(Value::Bool)
}

fn remove_waiter(waiters: &Shared<PyList>, waiter: &Value) {
    let removed = {
        let mut l = waiters.lock();
        l.iter().position(|w| w.is(waiter)).map(|i| l.remove(i))
    };
    drop(removed);
}

/// `Condition.notify(n=1)`.
fn cond_notify(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = this_arg(vm, args)?;
    let plain_call = args.len() <= 2 && kw.iter().all(|(k, _)| k.as_str() == "n");
    let Some((kind, waiters)) = native_parts(vm, this, plain_call)? else {
        return call_python(vm, args, kw, "_notify_py");
    };
    let n = match arg_or_kw(args, kw, 1, "n") {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    notify_waiters(vm, &kind, &waiters, n)
}

/// `Condition.notify_all()`.
fn cond_notify_all(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let this = this_arg(vm, args)?;
    let plain_call = args.len() == 1 && kw.is_empty();
    let Some((kind, waiters)) = native_parts(vm, this, plain_call)? else {
        return call_python(vm, args, kw, "_notify_all_py");
    };
    let n = waiters.lock().len() as i64;
    notify_waiters(vm, &kind, &waiters, n)
}

/// Wakes up to `n` waiters, oldest first, taking each off the list.
fn notify_waiters(
    vm: &mut Vm,
    kind: &LockKind,
    waiters: &Shared<PyList>,
    mut n: i64,
) -> PyResult<Value> {
    if !owned(kind) {
        return Err(vm.runtime_error("cannot notify on un-acquired lock"));
    }
    while n > 0 {
        let Some(first) = waiters.lock().first().cloned() else {
            break;
        };
        // A waiter already released (a notify interrupted before it took the
        // waiter off the list) is skipped, as CPython's gh-92530 fix does.
        let released = match lock_kind(&first) {
            Some(LockKind::Plain(w)) => w.release(),
            _ => match vm.call_method(&first, "release", &[]) {
                Ok(_) => true,
                Err(e) => {
                    let runtime_error = vm.types().exc.RuntimeError.clone();
                    if !vm.exc_matches(&e, &runtime_error) {
                        return Err(e);
                    }
                    false
                }
            },
        };
        if released {
            n -= 1;
        }
        remove_waiter(waiters, &first);
    }
    Ok(Value::None)
}

/// Adds the core to `_thread` under private names; threading.py installs
/// them on `Condition`.
pub fn install(module: &mut DictMap) {
    let fns: &[NativeDef] = &[
        ("_condition_enter", Arity::ANY, cond_enter),
        ("_condition_exit", Arity::ANY, cond_exit),
        ("_condition_wait", Arity::ANY, cond_wait),
        ("_condition_notify", Arity::ANY, cond_notify),
        ("_condition_notify_all", Arity::ANY, cond_notify_all),
    ];
    add_method_functions(module, fns);
}
