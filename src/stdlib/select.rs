//! `select`: waiting for several descriptors at once (`select`, `poll`
//! objects, `epoll` objects), always with the GIL released. `select()` is
//! built on poll(2), so descriptors above FD_SETSIZE work too.

use super::socket::Fd;
use super::socket_addr::int_arg;
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use indexmap::IndexMap;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The descriptor of an object: an int, or what its `fileno()` returns.
fn fd_of(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let base = crate::vm::ops::unwrap_base(v);
    let n = match base {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_arg(vm, &base)?,
        _ => {
            let Some(f) = vm.getattr_opt(v, &vm.intern("fileno"))? else {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            };
            let r = vm.call(&f, &[], &[])?;
            match crate::vm::ops::unwrap_base(&r) {
                r @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => int_arg(vm, &r)?,
                _ => return Err(vm.type_error("fileno() returned a non-integer")),
            }
        }
    };
    if n < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({})",
            n
        )));
    }
    i32::try_from(n).map_err(|_| {
        vm.new_error(
            &vm.types().exc.OverflowError,
            "Python int too large to convert to C int",
        )
    })
}

/// poll(2) on `fds` until one is ready or `deadline` passes; the time left
/// is recomputed on each call, so a retry after EINTR waits no longer.
fn poll_fds(fds: &mut [libc::pollfd], deadline: Option<Instant>) -> io::Result<usize> {
    let ms = match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
        }
    };
    // SAFETY: `fds` is a valid, writable array of its length.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    if n < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(n as usize)
    }
}

fn deadline_after(secs: Option<f64>) -> Option<Instant> {
    secs.map(|s| Instant::now() + Duration::from_secs_f64(s.min(1e9)))
}

/// `select(rlist, wlist, xlist[, timeout])`: the objects of each list whose
/// descriptor is ready to read, to write, or has an exceptional condition.
fn select(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let timeout = match args.get(3) {
        None | Some(Value::None) => None,
        Some(v) => {
            let Some(t) = crate::vm::arith::to_f64(&crate::vm::ops::unwrap_base(v)) else {
                return Err(vm.type_error("timeout must be a float or None"));
            };
            if t < 0.0 {
                return Err(vm.value_error("timeout must be non-negative"));
            }
            Some(t)
        }
    };
    let mut lists: Vec<Vec<(Value, i32)>> = Vec::with_capacity(3);
    for v in &args[..3] {
        if !vm.is_iterable(v) {
            return Err(vm.type_error("arguments 1-3 must be sequences"));
        }
        let items = vm.iterate(v)?;
        let mut list = Vec::with_capacity(items.len());
        for item in items {
            let fd = fd_of(vm, &item)?;
            list.push((item, fd));
        }
        lists.push(list);
    }
    let wanted = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut index: IndexMap<i32, i16> = IndexMap::new();
    for (list, &ev) in lists.iter().zip(&wanted) {
        for &(_, fd) in list {
            *index.entry(fd).or_insert(0) |= ev;
        }
    }
    let mut fds: Vec<libc::pollfd> = index
        .iter()
        .map(|(&fd, &events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let deadline = deadline_after(timeout);
    let r = vm.blocking_io(Wait::Socket, || poll_fds(&mut fds, deadline))?;
    if let Err(e) = r {
        return Err(vm.os_error(&e, None));
    }
    if fds.iter().any(|p| p.revents & libc::POLLNVAL != 0) {
        return Err(vm.os_error_errno(libc::EBADF, None));
    }
    // What select(2) reports for each: hang-ups and errors count as readable
    // (and errors as writable), since a read or write then returns at once.
    let ready = [
        libc::POLLIN | libc::POLLHUP | libc::POLLERR,
        libc::POLLOUT | libc::POLLERR,
        libc::POLLPRI,
    ];
    let mut out = Vec::with_capacity(3);
    for (k, list) in lists.into_iter().enumerate() {
        let got: Vec<Value> = list
            .into_iter()
            .filter(|(_, fd)| {
                let i = index.get_index_of(fd).unwrap_or(0);
                fds[i].revents & ready[k] != 0
            })
            .map(|(v, _)| v)
            .collect();
        out.push(Value::list(got));
    }
    Ok(Value::tuple(out))
}

fn event_mask(vm: &mut Vm, v: Option<&Value>, default: i64, max: i64) -> PyResult<i64> {
    let Some(v) = v else {
        return Ok(default);
    };
    let m = int_arg(vm, v)?;
    if m < 0 || m > max {
        let what = if max == 0xffff {
            "Python int too large for C unsigned short"
        } else {
            "Python int too large to convert to C unsigned int"
        };
        return Err(vm.new_error(&vm.types().exc.OverflowError, what));
    }
    Ok(m)
}

/// A `select.poll` object: the registered descriptors and their events.
pub struct Poll {
    fds: Mutex<IndexMap<i32, i16>>,
    polling: AtomicBool,
}

fn this_poll<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Poll> {
    this_object::<Poll>(vm, args, "select.poll")
}

fn poll_new(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_object(
        vm,
        Poll {
            fds: Mutex::new(IndexMap::new()),
            polling: AtomicBool::new(false),
        },
    ))
}

const POLL_DEFAULT: i64 = (libc::POLLIN | libc::POLLPRI | libc::POLLOUT) as i64;

fn poll_register(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = this_poll(vm, args)?;
    let fd = fd_of(vm, &args[1])?;
    let mask = event_mask(vm, args.get(2), POLL_DEFAULT, 0xffff)?;
    p.fds.lock().insert(fd, mask as u16 as i16);
    Ok(Value::None)
}

fn poll_modify(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = this_poll(vm, args)?;
    let fd = fd_of(vm, &args[1])?;
    let mask = event_mask(vm, args.get(2), 0, 0xffff)?;
    match p.fds.lock().get_mut(&fd) {
        Some(m) => *m = mask as u16 as i16,
        None => return Err(vm.os_error_errno(libc::ENOENT, None)),
    }
    Ok(Value::None)
}

fn poll_unregister(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = this_poll(vm, args)?;
    let fd = fd_of(vm, &args[1])?;
    let removed = p.fds.lock().shift_remove(&fd);
    match removed {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(Value::Int(fd as i64))),
    }
}

/// Clears the "being polled" flag however `poll()` ends.
struct Polling<'a>(&'a AtomicBool);

impl Drop for Polling<'_> {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Release);
    }
}

/// `poll([timeout])`: `(fd, events)` pairs; the timeout is in milliseconds
/// (`None` or negative: wait for ever).
fn poll_poll(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = this_poll(vm, args)?;
    let ms = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => match crate::vm::arith::to_f64(&crate::vm::ops::unwrap_base(v)) {
            Some(t) if t < 0.0 => None,
            Some(t) => Some(t / 1000.0),
            None => return Err(vm.type_error("timeout must be an integer or None")),
        },
    };
    if p.polling.swap(true, Ordering::AcqRel) {
        return Err(vm.runtime_error("concurrent poll() invocation"));
    }
    let _polling = Polling(&p.polling);
    let mut fds: Vec<libc::pollfd> = p
        .fds
        .lock()
        .iter()
        .map(|(&fd, &events)| libc::pollfd {
            fd,
            events,
            revents: 0,
        })
        .collect();
    let deadline = deadline_after(ms);
    if let Err(e) = vm.blocking_io(Wait::Socket, || poll_fds(&mut fds, deadline))? {
        return Err(vm.os_error(&e, None));
    }
    let out = fds
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            Value::tuple(vec![
                Value::Int(p.fd as i64),
                Value::Int(p.revents as u16 as i64),
            ])
        })
        .collect();
    Ok(Value::list(out))
}

fn poll_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(vm.default_repr(&args[0])))
}

/// A `select.epoll` object. The descriptor is shared with `poll()` calls
/// in progress, as a socket's is.
pub struct Epoll {
    fd: Mutex<Option<Arc<Fd>>>,
}

fn this_epoll<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Epoll> {
    this_object::<Epoll>(vm, args, "select.epoll")
}

impl Epoll {
    fn fd(&self, vm: &Vm) -> PyResult<Arc<Fd>> {
        self.fd
            .lock()
            .clone()
            .ok_or_else(|| vm.value_error("I/O operation on closed epoll object"))
    }
}

fn epoll_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "epoll", &args[1..], 0, 2)?;
    let a = &args[1..];
    let sizehint = match arg_or_kw(a, kw, 0, "sizehint") {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    if sizehint == 0 || sizehint < -1 {
        return Err(vm.value_error("negative sizehint"));
    }
    // SAFETY: epoll_create1 only returns a new descriptor or -1.
    let raw = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if raw < 0 {
        return Err(vm.os_error(&io::Error::last_os_error(), None));
    }
    let obj = new_object(
        vm,
        Epoll {
            fd: Mutex::new(Some(Fd::new(raw))),
        },
    );
    Ok(vm.wrap_for_subclass(&args[0], obj))
}

fn epoll_ctl(vm: &mut Vm, args: &[Value], op: i32, mask: Option<i64>) -> PyResult<Value> {
    let ep = this_epoll(vm, args)?;
    let epfd = ep.fd(vm)?;
    let fd = fd_of(vm, &args[1])?;
    let mut ev = libc::epoll_event {
        events: mask.unwrap_or(0) as u32,
        u64: fd as u64,
    };
    // SAFETY: `ev` is a valid event for the call (ignored by EPOLL_CTL_DEL).
    let rc = unsafe { libc::epoll_ctl(epfd.raw, op, fd, &mut ev) };
    if rc < 0 {
        return Err(vm.os_error(&io::Error::last_os_error(), None));
    }
    Ok(Value::None)
}

const EPOLL_DEFAULT: i64 = (libc::EPOLLIN | libc::EPOLLPRI | libc::EPOLLOUT) as i64;

fn epoll_register(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "register", &args[1..], 1, 2)?;
    let mask = event_mask(
        vm,
        arg_or_kw(&args[1..], kw, 1, "eventmask"),
        EPOLL_DEFAULT,
        u32::MAX as i64,
    )?;
    epoll_ctl(vm, args, libc::EPOLL_CTL_ADD, Some(mask))
}

fn epoll_modify(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mask = event_mask(vm, args.get(2), 0, u32::MAX as i64)?;
    epoll_ctl(vm, args, libc::EPOLL_CTL_MOD, Some(mask))
}

fn epoll_unregister(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    epoll_ctl(vm, args, libc::EPOLL_CTL_DEL, None)
}

/// `poll(timeout=None, maxevents=-1)`: `(fd, events)` pairs; the timeout
/// is in seconds (`None` or negative: wait for ever).
fn epoll_poll(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "poll", &args[1..], 0, 2)?;
    let ep = this_epoll(vm, args)?;
    let a = &args[1..];
    let secs = match arg_or_kw(a, kw, 0, "timeout") {
        None | Some(Value::None) => None,
        Some(v) => match crate::vm::arith::to_f64(&crate::vm::ops::unwrap_base(v)) {
            Some(t) if t < 0.0 => None,
            Some(t) => Some(t),
            None => return Err(vm.type_error("timeout must be an integer or None")),
        },
    };
    let maxevents = match arg_or_kw(a, kw, 1, "maxevents") {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let maxevents = match maxevents {
        -1 => libc::FD_SETSIZE - 1,
        n if n < 1 => {
            return Err(vm.value_error(format!("maxevents must be greater than 0, got {}", n)))
        }
        n => n.min(1 << 20) as usize,
    };
    let epfd = ep.fd(vm)?;
    let raw = epfd.raw;
    let deadline = deadline_after(secs);
    let r = vm.blocking_io(Wait::Socket, || {
        let ms = match deadline {
            None => -1,
            Some(d) => {
                let left = d.saturating_duration_since(Instant::now());
                left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
            }
        };
        let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; maxevents];
        // SAFETY: `events` is writable for `maxevents` entries.
        let n = unsafe { libc::epoll_wait(raw, events.as_mut_ptr(), maxevents as i32, ms) };
        if n < 0 {
            return Err(io::Error::last_os_error());
        }
        events.truncate(n as usize);
        Ok(events)
    })?;
    let events = r.map_err(|e| vm.os_error(&e, None))?;
    let out = events
        .iter()
        .map(|e| {
            let (fd, mask) = (e.u64, e.events);
            Value::tuple(vec![Value::Int(fd as i32 as i64), Value::Int(mask as i64)])
        })
        .collect();
    Ok(Value::list(out))
}

fn epoll_close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let ep = this_epoll(vm, args)?;
    drop(ep.fd.lock().take());
    Ok(Value::None)
}

fn epoll_closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let ep = this_epoll(vm, args)?;
    Ok(Value::Bool(ep.fd.lock().is_none()))
}

fn epoll_fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let ep = this_epoll(vm, args)?;
    Ok(Value::Int(ep.fd(vm)?.raw as i64))
}

fn epoll_enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let ep = this_epoll(vm, args)?;
    ep.fd(vm)?;
    Ok(args[0].clone())
}

fn epoll_exit(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    epoll_close(vm, &args[..1], kw)
}

/// `epoll.fromfd(fd)`: an epoll object owning an existing descriptor.
fn epoll_fromfd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = int_arg(vm, args.last().unwrap_or(&Value::None))?;
    if fd < 0 {
        return Err(vm.value_error("negative file descriptor"));
    }
    Ok(new_object(
        vm,
        Epoll {
            fd: Mutex::new(Some(Fd::new(fd as i32))),
        },
    ))
}

const CONSTANTS: &[(&str, i64)] = &[
    ("POLLIN", libc::POLLIN as i64),
    ("POLLPRI", libc::POLLPRI as i64),
    ("POLLOUT", libc::POLLOUT as i64),
    ("POLLERR", libc::POLLERR as i64),
    ("POLLHUP", libc::POLLHUP as i64),
    ("POLLNVAL", libc::POLLNVAL as i64),
    ("POLLRDNORM", libc::POLLRDNORM as i64),
    ("POLLRDBAND", libc::POLLRDBAND as i64),
    ("POLLWRNORM", libc::POLLWRNORM as i64),
    ("POLLWRBAND", libc::POLLWRBAND as i64),
    ("POLLMSG", 0x400),
    ("POLLRDHUP", libc::POLLRDHUP as i64),
    ("EPOLLIN", libc::EPOLLIN as i64),
    ("EPOLLPRI", libc::EPOLLPRI as i64),
    ("EPOLLOUT", libc::EPOLLOUT as i64),
    ("EPOLLERR", libc::EPOLLERR as i64),
    ("EPOLLHUP", libc::EPOLLHUP as i64),
    ("EPOLLRDHUP", libc::EPOLLRDHUP as i64),
    ("EPOLLRDNORM", libc::EPOLLRDNORM as i64),
    ("EPOLLRDBAND", libc::EPOLLRDBAND as i64),
    ("EPOLLWRNORM", libc::EPOLLWRNORM as i64),
    ("EPOLLWRBAND", libc::EPOLLWRBAND as i64),
    ("EPOLLMSG", libc::EPOLLMSG as i64),
    ("EPOLLET", libc::EPOLLET as u32 as i64),
    ("EPOLLONESHOT", libc::EPOLLONESHOT as i64),
    ("EPOLLEXCLUSIVE", libc::EPOLLEXCLUSIVE as i64),
    ("EPOLL_CLOEXEC", libc::EPOLL_CLOEXEC as i64),
    ("PIPE_BUF", libc::PIPE_BUF as i64),
];

/// Fills the `select` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    native_class::<Poll>(
        vm,
        "poll",
        "select",
        None,
        &[
            ("register", Arity::range(1, 2), poll_register),
            ("modify", Arity::exact(2), poll_modify),
            ("unregister", Arity::exact(1), poll_unregister),
            ("poll", Arity::range(0, 1), poll_poll),
            ("__repr__", Arity::exact(0), poll_repr),
        ],
    );
    let epoll = native_class::<Epoll>(
        vm,
        "epoll",
        "select",
        None,
        &[
            ("__new__", Arity::ANY, epoll_new),
            ("register", Arity::ANY, epoll_register),
            ("modify", Arity::exact(2), epoll_modify),
            ("unregister", Arity::exact(1), epoll_unregister),
            ("poll", Arity::ANY, epoll_poll),
            ("close", Arity::exact(0), epoll_close),
            ("fileno", Arity::exact(0), epoll_fileno),
            ("__enter__", Arity::exact(0), epoll_enter),
            ("__exit__", Arity::ANY, epoll_exit),
            ("__repr__", Arity::exact(0), poll_repr),
        ],
    );
    add_getters(vm, &epoll, &[("closed", epoll_closed)]);
    epoll.dict.lock().set_by_str(
        "fromfd",
        Value::native(Native::ClassMethod(builtin("fromfd", epoll_fromfd))),
    );
    d.set_by_str("epoll", Value::Class(epoll));
    add_functions(
        vm,
        d,
        &[
            ("select", Arity::range(3, 4), select),
            ("poll", Arity::exact(0), poll_new),
        ],
    );
    for &(name, value) in CONSTANTS {
        d.set_by_str(name, Value::Int(value));
    }
    d.set_by_str("error", Value::Class(vm.types().exc.OSError.clone()));
    Ok(())
}
