//! `_posixsubprocess`: starting and reaping child processes for the
//! Python-written `subprocess`. The spawn goes through `std::process::Command`
//! (posix_spawn, or fork+exec with only async-signal-safe calls in the child),
//! which is safe in a process that runs other threads. Every wait for a child
//! runs with the GIL released as a `Process` wait.

use crate::stdlib::io::int_arg;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::ffi::OsStr;
use std::os::fd::{FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::CommandExt;
use std::process::{Command, Stdio};
use std::time::Duration;

/// The bytes of a str (file-system encoded) or bytes argument.
fn os_bytes(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    let b = match crate::vm::ops::unwrap_base(v) {
        Value::Str(s) => crate::stdlib::posix::fs_encode(s.as_str()),
        Value::Bytes(b) => b.as_bytes().to_vec(),
        _ => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object for {}, not {}",
                what,
                vm.type_name(v)
            )))
        }
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

/// A descriptor of the child's standard stream: a private duplicate, so the
/// caller keeps (and closes) its own; -1 leaves the stream inherited.
fn child_stdio(vm: &Vm, fd: i64) -> PyResult<Stdio> {
    if fd < 0 {
        return Ok(Stdio::inherit());
    }
    // SAFETY: F_DUPFD_CLOEXEC only reads the integer descriptor; on success
    // the new descriptor is ours alone, so OwnedFd may own and close it.
    let new = unsafe { libc::fcntl(fd as libc::c_int, libc::F_DUPFD_CLOEXEC, 3) };
    if new < 0 {
        return Err(vm.os_error(&std::io::Error::last_os_error(), None));
    }
    // SAFETY: `new` is a fresh descriptor owned by nobody else (see above).
    Ok(Stdio::from(unsafe { OwnedFd::from_raw_fd(new) }))
}

/// `spawn(args, executable, cwd, env, stdin, stdout, stderr, pass_fds,
/// start_new_session, name)`: starts the child and returns its pid. `env` is
/// None or a list of (key, value) pairs; the std fds are -1 to inherit.
/// `name` is the file name a failed exec reports.
fn spawn(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let argv: Vec<Vec<u8>> = vm
        .iterate(&args[0])?
        .iter()
        .map(|a| os_bytes(vm, a, "args"))
        .collect::<PyResult<_>>()?;
    if argv.is_empty() {
        return Err(vm.value_error("args must not be empty"));
    }
    let exe = os_bytes(vm, &args[1], "executable")?;
    let mut cmd = Command::new(OsStr::from_bytes(&exe));
    cmd.arg0(OsStr::from_bytes(&argv[0]));
    cmd.args(argv[1..].iter().map(|a| OsStr::from_bytes(a)));
    let cwd = match &args[2] {
        Value::None => None,
        v => Some(os_bytes(vm, v, "cwd")?),
    };
    if let Some(c) = &cwd {
        cmd.current_dir(OsStr::from_bytes(c));
    }
    if !matches!(args[3], Value::None) {
        cmd.env_clear();
        for pair in vm.iterate(&args[3])? {
            let kv = vm.iterate(&pair)?;
            if kv.len() != 2 {
                return Err(vm.value_error("env items must be pairs"));
            }
            let k = os_bytes(vm, &kv[0], "env")?;
            let v = os_bytes(vm, &kv[1], "env")?;
            if k.is_empty() || k.contains(&b'=') {
                return Err(vm.value_error("illegal environment variable name"));
            }
            cmd.env(OsStr::from_bytes(&k), OsStr::from_bytes(&v));
        }
    }
    let fds = [
        int_arg(vm, &args[4])?,
        int_arg(vm, &args[5])?,
        int_arg(vm, &args[6])?,
    ];
    cmd.stdin(child_stdio(vm, fds[0])?);
    cmd.stdout(child_stdio(vm, fds[1])?);
    cmd.stderr(child_stdio(vm, fds[2])?);
    let pass_fds: Vec<libc::c_int> = vm
        .iterate(&args[7])?
        .iter()
        .map(|v| int_arg(vm, v).map(|n| n as libc::c_int))
        .collect::<PyResult<_>>()?;
    let new_session = vm.truthy(&args[8])?;
    if new_session || !pass_fds.is_empty() {
        let hook = move || {
            if new_session {
                // SAFETY: setsid is async-signal-safe and takes no pointers.
                if unsafe { libc::setsid() } < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            for &fd in &pass_fds {
                // SAFETY: fcntl on an integer descriptor is async-signal-safe;
                // clearing FD_CLOEXEC keeps the descriptor across exec.
                if unsafe { libc::fcntl(fd, libc::F_SETFD, 0) } < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        };
        // SAFETY: the hook runs in the forked child before exec and only makes
        // async-signal-safe calls (setsid, fcntl) on values it owns; it
        // allocates nothing and takes no lock.
        unsafe {
            cmd.pre_exec(hook);
        }
    }
    match vm.allow_threads(Wait::Process, move || cmd.spawn()) {
        Ok(child) => Ok(Value::Int(child.id() as i64)),
        Err(e) => {
            // A missing working folder is reported under its own name.
            let bad_cwd = cwd
                .as_ref()
                .is_some_and(|c| !std::path::Path::new(OsStr::from_bytes(c)).is_dir());
            let name = if bad_cwd {
                args[2].clone()
            } else {
                args[9].clone()
            };
            Err(vm.os_error(&e, Some(name)))
        }
    }
}

fn waitpid_raw(pid: libc::pid_t, options: libc::c_int) -> std::io::Result<(i64, i64)> {
    let mut status: libc::c_int = 0;
    // SAFETY: `status` is a valid, writable int for the call's duration.
    let r = unsafe { libc::waitpid(pid, &mut status, options) };
    if r < 0 {
        Err(std::io::Error::last_os_error())
    } else {
        Ok((r as i64, status as i64))
    }
}

/// `waitpid(pid, options)` -> (pid, status), as `os.waitpid`.
fn waitpid(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pid = int_arg(vm, &args[0])? as libc::pid_t;
    let options = int_arg(vm, &args[1])? as libc::c_int;
    let r = if options & libc::WNOHANG != 0 {
        waitpid_raw(pid, options)
    } else {
        vm.blocking_io(Wait::Process, move || waitpid_raw(pid, options))?
    };
    match r {
        Ok((p, s)) => Ok(Value::tuple(vec![Value::Int(p), Value::Int(s)])),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

/// `wait_exit(pid, timeout)`: waits with the GIL released until the child
/// `pid` has ended (without reaping it) or `timeout` seconds have passed;
/// returns whether it ended. Needs pidfd_open (Linux 5.3); elsewhere
/// returns None and the caller polls.
fn wait_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pid = int_arg(vm, &args[0])? as libc::pid_t;
    let secs = crate::vm::convert::to_float(vm, &args[1])?;
    // SAFETY: pidfd_open takes two integers and returns a new descriptor.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as libc::c_int;
    if pidfd < 0 {
        return Ok(Value::None);
    }
    // SAFETY: `pidfd` is a fresh descriptor that only this function owns.
    let owned = unsafe { OwnedFd::from_raw_fd(pidfd) };
    let limit = Duration::try_from_secs_f64(secs.max(0.0)).unwrap_or(Duration::MAX);
    let done = vm.blocking_wait(Wait::Process, Some(limit), |deadline| {
        let ms = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(std::time::Instant::now());
                left.as_millis().min(i32::MAX as u128) as libc::c_int
            }
            None => -1,
        };
        let mut p = libc::pollfd {
            fd: pidfd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: `p` is one valid pollfd for the call's duration.
        unsafe { libc::poll(&mut p, 1, ms) > 0 }
    })?;
    drop(owned);
    Ok(Value::Bool(done))
}

/// `poll(fds, events, timeout_ms)`: poll(2) on the child's pipes with the
/// GIL released, counted as a Process wait (the caller waits for its
/// child). `timeout_ms` None waits without limit. Returns the list of
/// (fd, revents) that are ready.
fn poll_pipes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut fds: Vec<libc::pollfd> = Vec::new();
    for v in vm.iterate(&args[0])? {
        let fd = int_arg(vm, &v)? as libc::c_int;
        fds.push(libc::pollfd {
            fd,
            events: 0,
            revents: 0,
        });
    }
    for (p, v) in fds.iter_mut().zip(vm.iterate(&args[1])?) {
        p.events = int_arg(vm, &v)? as libc::c_short;
    }
    let deadline = match &args[2] {
        Value::None => None,
        v => {
            let ms = crate::vm::convert::to_float(vm, v)?.max(0.0);
            let d = Duration::try_from_secs_f64(ms / 1000.0).unwrap_or(Duration::MAX);
            std::time::Instant::now().checked_add(d)
        }
    };
    let r = vm.blocking_io(Wait::Process, || {
        let ms = match deadline {
            Some(d) => {
                let left = d.saturating_duration_since(std::time::Instant::now());
                // Round up, so a wait never ends just before the deadline.
                (left.as_micros().div_ceil(1000)).min(i32::MAX as u128) as libc::c_int
            }
            None => -1,
        };
        // SAFETY: `fds` is a valid array of `fds.len()` pollfd structs.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
        if n < 0 {
            Err(std::io::Error::last_os_error())
        } else {
            Ok(())
        }
    })?;
    if let Err(e) = r {
        return Err(vm.os_error(&e, None));
    }
    let ready = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| Value::tuple(vec![Value::Int(p.fd as i64), Value::Int(p.revents as i64)]))
        .collect();
    Ok(Value::list(ready))
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the signal.
fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let status = int_arg(vm, &args[0])? as libc::c_int;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(libc::WEXITSTATUS(status) as i64));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-(libc::WTERMSIG(status) as i64)));
    }
    Err(vm.value_error(format!("invalid wait status: {}", status)))
}

/// Fills the `_posixsubprocess` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("spawn", Arity::exact(10), spawn),
        ("waitpid", Arity::exact(2), waitpid),
        ("wait_exit", Arity::exact(2), wait_exit),
        ("poll", Arity::exact(3), poll_pipes),
        (
            "waitstatus_to_exitcode",
            Arity::exact(1),
            waitstatus_to_exitcode,
        ),
    ];
    add_functions(vm, d, fns);
    Ok(())
}
