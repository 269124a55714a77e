//! `_socket`: BSD sockets, as CPython's native module (the `socket` module
//! is gilpy Python on top of it). Every call that can block releases the
//! GIL; a socket with a timeout is non-blocking and waits in poll(2) for
//! at most the time left, as CPython does.
//!
//! A socket's descriptor sits in an `Arc` that each blocking call clones
//! for its duration: `close()` from another thread never lets the number be
//! reused under a call still running on it (the last holder closes it).

use super::socket_addr::{self as addr, int_arg, os_error_msg, AddrBuf};
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// An open descriptor; closed when the last user lets it go, unless detached.
pub(super) struct Fd {
    pub(super) raw: i32,
    owned: AtomicBool,
}

impl Fd {
    /// Takes ownership of an open descriptor.
    pub(super) fn new(raw: i32) -> Arc<Fd> {
        Arc::new(Fd {
            raw,
            owned: AtomicBool::new(true),
        })
    }
}

impl Drop for Fd {
    fn drop(&mut self) {
        if self.owned.load(Ordering::Acquire) {
            // SAFETY: we own `raw` (nobody detached it) and this is its last
            // user: closing it cannot affect a descriptor someone else holds.
            unsafe { libc::close(self.raw) };
        }
    }
}

struct State {
    fd: Option<Arc<Fd>>,
    family: i32,
    kind: i32,
    proto: i32,
    /// `None`: blocking; `Some(0.0)`: non-blocking; else seconds per call.
    timeout: Option<f64>,
}

/// The data of a `_socket.socket` object.
pub struct Socket {
    st: Mutex<State>,
}

/// `socket.setdefaulttimeout()`: f64 bits, or `NO_TIMEOUT`.
static DEFAULT_TIMEOUT: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(NO_TIMEOUT);
const NO_TIMEOUT: u64 = u64::MAX;

fn default_timeout() -> Option<f64> {
    match DEFAULT_TIMEOUT.load(Ordering::Relaxed) {
        NO_TIMEOUT => None,
        bits => Some(f64::from_bits(bits)),
    }
}

fn last_error() -> io::Error {
    io::Error::last_os_error()
}

fn check(rc: libc::c_int) -> io::Result<libc::c_int> {
    if rc < 0 {
        Err(last_error())
    } else {
        Ok(rc)
    }
}

fn check_size(rc: isize) -> io::Result<usize> {
    if rc < 0 {
        Err(last_error())
    } else {
        Ok(rc as usize)
    }
}

fn set_nonblocking(fd: i32, on: bool) -> io::Result<()> {
    // SAFETY: fcntl on a descriptor we hold open; F_GETFL/F_SETFL only read
    // and set its status flags.
    unsafe {
        let flags = check(libc::fcntl(fd, libc::F_GETFL))?;
        let new = if on {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if new != flags {
            check(libc::fcntl(fd, libc::F_SETFL, new))?;
        }
    }
    Ok(())
}

fn getsockopt_int(fd: i32, level: i32, name: i32) -> io::Result<i32> {
    let mut v: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `v` and `len` are valid, writable and sized for a c_int.
    check(unsafe {
        libc::getsockopt(
            fd,
            level,
            name,
            &mut v as *mut _ as *mut libc::c_void,
            &mut len,
        )
    })?;
    Ok(v)
}

/// Waits until `fd` is ready for `events` or `deadline` passes (false).
fn wait_ready(fd: i32, events: i16, deadline: Option<Instant>) -> io::Result<bool> {
    let ms = match deadline {
        None => -1,
        Some(d) => {
            let left = d.saturating_duration_since(Instant::now());
            // Rounded up, as CPython's: a wait never ends before the deadline.
            left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
        }
    };
    let mut p = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and we pass a count of one.
    let n = check(unsafe { libc::poll(&mut p, 1, ms) })?;
    Ok(n > 0)
}

/// `TimeoutError('timed out')`, made by calling the class so that its
/// OSError attributes (`errno` None, ...) are set.
fn timeout_error(vm: &mut Vm) -> PyErr {
    let cls = Value::Class(vm.types().exc.TimeoutError.clone());
    match vm.call(&cls, &[new_str("timed out")], &[]) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

fn this<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a Socket> {
    this_object::<Socket>(vm, args, "_socket.socket")
}

impl Socket {
    /// The descriptor (kept open for the caller) and timeout, or EBADF.
    fn fd(&self, vm: &Vm) -> PyResult<(Arc<Fd>, Option<f64>)> {
        let st = self.st.lock();
        match &st.fd {
            Some(fd) => Ok((fd.clone(), st.timeout)),
            None => Err(vm.os_error_errno(libc::EBADF, None)),
        }
    }

    fn family(&self) -> i32 {
        self.st.lock().family
    }

    /// Runs `op` on the descriptor as CPython's `sock_call`: with a timeout,
    /// first waits in poll for `events` (raising `TimeoutError` when the time
    /// is up) and retries while the call would block; without one, the call
    /// itself blocks. The GIL is released throughout.
    fn call<T: Send>(
        &self,
        vm: &mut Vm,
        events: i16,
        deadline: Option<Option<Instant>>,
        mut op: impl FnMut(i32) -> io::Result<T> + Send,
    ) -> PyResult<T> {
        let (fd, timeout) = self.fd(vm)?;
        let raw = fd.raw;
        let deadline = match deadline {
            Some(d) => d,
            None => timeout
                .filter(|t| *t > 0.0)
                .map(|t| Instant::now() + Duration::from_secs_f64(t)),
        };
        loop {
            if deadline.is_some() {
                match vm.blocking_io(Wait::Socket, || wait_ready(raw, events, deadline))? {
                    Ok(true) => {}
                    Ok(false) => return Err(timeout_error(vm)),
                    Err(e) => return Err(vm.os_error(&e, None)),
                }
            }
            match vm.blocking_io(Wait::Socket, || op(raw))? {
                Ok(v) => return Ok(v),
                Err(e) if deadline.is_some() && e.kind() == io::ErrorKind::WouldBlock => {}
                Err(e) => return Err(vm.os_error(&e, None)),
            }
        }
    }

    /// The deadline of a whole operation made of several calls (`sendall`).
    fn deadline(&self) -> Option<Instant> {
        self.st
            .lock()
            .timeout
            .filter(|t| *t > 0.0)
            .map(|t| Instant::now() + Duration::from_secs_f64(t))
    }
}

fn sock_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = Socket {
        st: Mutex::new(State {
            fd: None,
            family: libc::AF_INET,
            kind: libc::SOCK_STREAM,
            proto: 0,
            timeout: None,
        }),
    };
    let obj = new_object(vm, sock);
    match args.first() {
        Some(cls @ Value::Class(_)) => Ok(vm.wrap_for_subclass(cls, obj)),
        _ => Ok(obj),
    }
}

fn opt_int_arg(vm: &mut Vm, v: Option<&Value>, default: i64) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => int_arg(vm, v),
    }
}

/// `socket(family=-1, type=-1, proto=-1, fileno=None)`: opens a socket, or
/// wraps the descriptor `fileno` (its family, type and protocol asked of
/// the kernel when not given).
fn sock_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "socket", &args[1..], 0, 4)?;
    let a = &args[1..];
    let mut family = opt_int_arg(vm, arg_or_kw(a, kw, 0, "family"), -1)? as i32;
    let mut kind = opt_int_arg(vm, arg_or_kw(a, kw, 1, "type"), -1)? as i32;
    let mut proto = opt_int_arg(vm, arg_or_kw(a, kw, 2, "proto"), -1)? as i32;
    let fileno = match arg_or_kw(a, kw, 3, "fileno") {
        None | Some(Value::None) => None,
        Some(v) => {
            if matches!(v, Value::Float(_)) {
                return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
            }
            let n = int_arg(vm, v)?;
            if n < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            Some(n as i32)
        }
    };
    let sock = this(vm, args)?;
    let raw = match fileno {
        Some(fd) => {
            let ask = |opt, have: i32| -> io::Result<i32> {
                if have != -1 {
                    return Ok(have);
                }
                getsockopt_int(fd, libc::SOL_SOCKET, opt)
            };
            let got = ask(libc::SO_DOMAIN, family)
                .and_then(|f| Ok((f, ask(libc::SO_TYPE, kind)?, ask(libc::SO_PROTOCOL, proto)?)));
            match got {
                Ok((f, k, p)) => (family, kind, proto) = (f, k, p),
                Err(e) => return Err(vm.os_error(&e, None)),
            }
            fd
        }
        None => {
            if family == -1 {
                family = libc::AF_INET;
            }
            if kind == -1 {
                kind = libc::SOCK_STREAM;
            }
            if proto == -1 {
                proto = 0;
            }
            // SAFETY: socket(2) only returns a new descriptor or -1.
            let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
            if fd < 0 {
                return Err(vm.os_error(&last_error(), None));
            }
            fd
        }
    };
    let nonblock_flag = kind & libc::SOCK_NONBLOCK != 0;
    let kind = kind & !(libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC);
    let timeout = if nonblock_flag {
        Some(0.0)
    } else {
        default_timeout()
    };
    if let Some(t) = timeout {
        let _ = set_nonblocking(raw, t >= 0.0);
    }
    let fd = Arc::new(Fd {
        raw,
        owned: AtomicBool::new(true),
    });
    let old = {
        let mut st = sock.st.lock();
        let old = st.fd.replace(fd);
        (st.family, st.kind, st.proto, st.timeout) = (family, kind, proto, timeout);
        old
    };
    drop(old);
    Ok(Value::None)
}

fn bind(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let sa = addr::parse_addr(vm, sock.family(), &args[1], "bind")?;
    let (fd, _) = sock.fd(vm)?;
    let (p, len) = sa.raw();
    // SAFETY: `p`/`len` describe a valid address owned by `sa`.
    match check(unsafe { libc::bind(fd.raw, p, len) }) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn listen(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let backlog = match args.get(1) {
        Some(v) => int_arg(vm, v)?.clamp(0, i32::MAX as i64) as i32,
        None => libc::SOMAXCONN.min(128),
    };
    let (fd, _) = sock.fd(vm)?;
    // SAFETY: listen(2) on a descriptor we hold open.
    match check(unsafe { libc::listen(fd.raw, backlog) }) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

/// `_accept()`: `(fd, address)` of a new connection (the `socket` module
/// wraps the descriptor in a socket object).
fn accept(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let (fd, buf) = sock.call(vm, libc::POLLIN, None, |fd| {
        let mut buf = AddrBuf::new();
        let (p, len) = buf.ptr();
        // SAFETY: `p`/`len` point into `buf`, sized for any address.
        let n = check(unsafe { libc::accept4(fd, p, len, libc::SOCK_CLOEXEC) })?;
        Ok((n, buf))
    })?;
    Ok(Value::tuple(vec![
        Value::Int(fd as i64),
        addr::addr_value(&buf),
    ]))
}

/// Connects; `Ok(errno)` is the error `connect_ex` returns (0: connected).
fn do_connect(vm: &mut Vm, sock: &Socket, target: &Value, caller: &str) -> PyResult<i32> {
    let sa = addr::parse_addr(vm, sock.family(), target, caller)?;
    let (fd, timeout) = sock.fd(vm)?;
    let raw = fd.raw;
    let rc = vm.allow_threads(Wait::Socket, || {
        let (p, len) = sa.raw();
        // SAFETY: `p`/`len` describe a valid address owned by `sa`.
        check(unsafe { libc::connect(raw, p, len) }).map(|_| ())
    });
    let err = match rc {
        Ok(()) => return Ok(0),
        Err(e) => e.raw_os_error().unwrap_or(libc::EINVAL),
    };
    let waiting = err == libc::EINTR || (err == libc::EINPROGRESS && timeout != Some(0.0));
    if !waiting {
        return Ok(err);
    }
    if err == libc::EINTR {
        vm.handle_signals()?;
    }
    // The connection goes on in the background: wait until it is made.
    let deadline = timeout
        .filter(|t| *t > 0.0)
        .map(|t| Instant::now() + Duration::from_secs_f64(t));
    match vm.blocking_io(Wait::Socket, || wait_ready(raw, libc::POLLOUT, deadline))? {
        Ok(true) => {}
        Ok(false) => return Err(timeout_error(vm)),
        Err(e) => return Err(vm.os_error(&e, None)),
    }
    match getsockopt_int(raw, libc::SOL_SOCKET, libc::SO_ERROR) {
        Ok(e) => Ok(e),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn connect(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    match do_connect(vm, sock, &args[1], "connect")? {
        0 => Ok(Value::None),
        e => Err(vm.os_error_errno(e, None)),
    }
}

fn connect_ex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    Ok(Value::Int(
        do_connect(vm, sock, &args[1], "connect_ex")? as i64
    ))
}

fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::vm::bytes::bytes_like(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn flags_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        Some(v) => Ok(int_arg(vm, v)? as i32),
        None => Ok(0),
    }
}

fn send_some(fd: i32, data: &[u8], flags: i32) -> io::Result<usize> {
    // SAFETY: `data` is readable for its length. MSG_NOSIGNAL: a closed
    // peer gives EPIPE instead of a SIGPIPE that would kill the process.
    check_size(unsafe {
        libc::send(
            fd,
            data.as_ptr() as *const libc::c_void,
            data.len(),
            flags | libc::MSG_NOSIGNAL,
        )
    })
}

fn send(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let data = data_arg(vm, &args[1])?;
    let flags = flags_arg(vm, args.get(2))?;
    let n = sock.call(vm, libc::POLLOUT, None, |fd| send_some(fd, &data, flags))?;
    Ok(Value::Int(n as i64))
}

fn sendall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let data = data_arg(vm, &args[1])?;
    let flags = flags_arg(vm, args.get(2))?;
    let deadline = sock.deadline();
    let mut sent = 0;
    loop {
        let rest = &data[sent..];
        sent += sock.call(vm, libc::POLLOUT, Some(deadline), |fd| {
            send_some(fd, rest, flags)
        })?;
        if sent >= data.len() {
            return Ok(Value::None);
        }
        vm.handle_signals()?;
    }
}

fn sendto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let (flags, target) = match args.len() {
        3 => (0, &args[2]),
        4 => (int_arg(vm, &args[2])? as i32, &args[3]),
        n => {
            return Err(vm.type_error(format!("sendto() takes 2 or 3 arguments ({} given)", n - 1)))
        }
    };
    let data = data_arg(vm, &args[1])?;
    let sa = addr::parse_addr(vm, sock.family(), target, "sendto")?;
    let n = sock.call(vm, libc::POLLOUT, None, |fd| {
        let (p, len) = sa.raw();
        // SAFETY: `data` is readable for its length; `p`/`len` describe a
        // valid address owned by `sa`.
        check_size(unsafe {
            libc::sendto(
                fd,
                data.as_ptr() as *const libc::c_void,
                data.len(),
                flags | libc::MSG_NOSIGNAL,
                p,
                len,
            )
        })
    })?;
    Ok(Value::Int(n as i64))
}

/// Receives at most `size` bytes, and the sender's address if `from`.
fn recv_some(
    vm: &mut Vm,
    sock: &Socket,
    size: usize,
    flags: i32,
    from: bool,
) -> PyResult<(Vec<u8>, Option<AddrBuf>)> {
    sock.call(vm, libc::POLLIN, None, |fd| {
        let mut addr = AddrBuf::new();
        let buf = crate::stdlib::io::read_new(size, |buf| {
            if from {
                let (p, len) = addr.ptr();
                // SAFETY: `buf` is writable for its length; `p`/`len` point
                // into `addr`, sized for any address.
                check_size(unsafe {
                    libc::recvfrom(
                        fd,
                        buf.as_mut_ptr() as *mut libc::c_void,
                        buf.len(),
                        flags,
                        p,
                        len,
                    )
                })
            } else {
                // SAFETY: `buf` is writable for its length.
                check_size(unsafe {
                    libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags)
                })
            }
        })?;
        Ok((buf, from.then_some(addr)))
    })
}

fn size_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<usize> {
    let n = int_arg(vm, v)?;
    if n < 0 {
        return Err(vm.value_error(format!("negative buffersize in {}", caller)));
    }
    Ok(n as usize)
}

fn recv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let size = size_arg(vm, &args[1], "recv")?;
    let flags = flags_arg(vm, args.get(2))?;
    let (data, _) = recv_some(vm, sock, size, flags, false)?;
    Ok(new_bytes(data))
}

fn recvfrom(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let size = size_arg(vm, &args[1], "recvfrom")?;
    let flags = flags_arg(vm, args.get(2))?;
    let (data, from) = recv_some(vm, sock, size, flags, true)?;
    let who = match from {
        Some(a) if a.len > 0 => addr::addr_value(&a),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![new_bytes(data), who]))
}

/// The length of a writable buffer (`bytearray`, writable `memoryview`).
fn writable_len(v: &Value) -> Option<usize> {
    match v {
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => Some(a.lock().len()),
            Native::MemoryView(m) if !m.readonly && !m.released.load(Ordering::Relaxed) => {
                let whole = writable_len(&m.obj)?;
                let start = m.start.min(whole);
                Some(m.len.map_or(whole - start, |n| n.min(whole - start)))
            }
            _ => None,
        },
        Value::Instance(i) => i.base.as_ref().and_then(writable_len),
        _ => None,
    }
}

/// Copies `data` to the start of a writable buffer.
fn write_into(v: &Value, offset: usize, data: &[u8]) {
    match v {
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => {
                let mut a = a.lock();
                let end = (offset + data.len()).min(a.len());
                if offset < end {
                    a[offset..end].copy_from_slice(&data[..end - offset]);
                }
            }
            Native::MemoryView(m) => write_into(&m.obj, offset + m.start, data),
            _ => {}
        },
        Value::Instance(i) => {
            if let Some(b) = &i.base {
                write_into(b, offset, data)
            }
        }
        _ => {}
    }
}

fn recv_into_common(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    from: bool,
) -> PyResult<Value> {
    let name = if from { "recvfrom_into" } else { "recv_into" };
    check_arity(vm, name, &args[1..], 1, 3)?;
    let sock = this(vm, args)?;
    let a = &args[1..];
    let buffer = arg_or_kw(a, kw, 0, "buffer")
        .cloned()
        .unwrap_or(Value::None);
    let Some(room) = writable_len(&buffer) else {
        return Err(vm.type_error(format!(
            "{}() argument 1 must be read-write bytes-like object, not {}",
            name,
            vm.type_name(&buffer)
        )));
    };
    let nbytes = match arg_or_kw(a, kw, 1, "nbytes") {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    if nbytes < 0 {
        return Err(vm.value_error(format!("negative buffersize in {}", name)));
    }
    if nbytes as usize > room {
        return Err(vm.value_error(if from {
            "nbytes is greater than the length of the buffer"
        } else {
            "buffer too small for requested bytes"
        }));
    }
    let size = if nbytes == 0 { room } else { nbytes as usize };
    let flags = flags_arg(vm, arg_or_kw(a, kw, 2, "flags"))?;
    let (data, who) = recv_some(vm, sock, size, flags, from)?;
    write_into(&buffer, 0, &data);
    let n = Value::Int(data.len() as i64);
    if !from {
        return Ok(n);
    }
    let who = match who {
        Some(a) if a.len > 0 => addr::addr_value(&a),
        _ => Value::None,
    };
    Ok(Value::tuple(vec![n, who]))
}

fn recv_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    recv_into_common(vm, args, kw, false)
}

fn recvfrom_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    recv_into_common(vm, args, kw, true)
}

fn shutdown(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let how = int_arg(vm, &args[1])? as i32;
    let (fd, _) = sock.fd(vm)?;
    // SAFETY: shutdown(2) on a descriptor we hold open.
    match check(unsafe { libc::shutdown(fd.raw, how) }) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let Some(fd) = sock.st.lock().fd.take() else {
        return Ok(Value::None);
    };
    match Arc::try_unwrap(fd) {
        Ok(fd) => {
            fd.owned.store(false, Ordering::Release);
            // SAFETY: nobody else holds the descriptor and we just took
            // ownership of closing it away from `Fd::drop`.
            let rc = unsafe { libc::close(fd.raw) };
            if rc < 0 {
                let e = last_error();
                if e.raw_os_error() != Some(libc::ECONNRESET) {
                    return Err(vm.os_error(&e, None));
                }
            }
        }
        Err(fd) => {
            // Another thread is blocked on it: wake it (its call fails) and
            // let the last user close the descriptor.
            // SAFETY: shutdown(2) on a descriptor still held open by `fd`.
            unsafe { libc::shutdown(fd.raw, libc::SHUT_RDWR) };
        }
    }
    Ok(Value::None)
}

fn detach(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    match sock.st.lock().fd.take() {
        Some(fd) => {
            fd.owned.store(false, Ordering::Release);
            Ok(Value::Int(fd.raw as i64))
        }
        None => Ok(Value::Int(-1)),
    }
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let fd = sock.st.lock().fd.as_ref().map_or(-1, |f| f.raw);
    Ok(Value::Int(fd as i64))
}

fn name_of(vm: &mut Vm, args: &[Value], peer: bool) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let (fd, _) = sock.fd(vm)?;
    let mut buf = AddrBuf::new();
    let (p, len) = buf.ptr();
    // SAFETY: `p`/`len` point into `buf`, sized for any address.
    let rc = unsafe {
        if peer {
            libc::getpeername(fd.raw, p, len)
        } else {
            libc::getsockname(fd.raw, p, len)
        }
    };
    if rc < 0 {
        return Err(vm.os_error(&last_error(), None));
    }
    if buf.len as usize <= std::mem::size_of::<libc::sa_family_t>()
        && sock.family() == libc::AF_UNIX
    {
        return Ok(new_str(""));
    }
    Ok(addr::addr_value(&buf))
}

fn getsockname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    name_of(vm, args, false)
}

fn getpeername(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    name_of(vm, args, true)
}

fn setsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let level = int_arg(vm, &args[1])? as i32;
    let opt = int_arg(vm, &args[2])? as i32;
    let value: Vec<u8> = match &args[3] {
        Value::None => {
            let Some(len) = args.get(4) else {
                return Err(vm.type_error("setsockopt() takes 3 or 4 arguments"));
            };
            vec![0; int_arg(vm, len)?.max(0) as usize]
        }
        v => match crate::vm::bytes::bytes_like(v) {
            Some(b) => b.into_owned(),
            None => (int_arg(vm, v)? as libc::c_int).to_ne_bytes().to_vec(),
        },
    };
    let (fd, _) = sock.fd(vm)?;
    // SAFETY: `value` is readable for the length passed.
    let rc = unsafe {
        libc::setsockopt(
            fd.raw,
            level,
            opt,
            value.as_ptr() as *const libc::c_void,
            value.len() as libc::socklen_t,
        )
    };
    match check(rc) {
        Ok(_) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn getsockopt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let level = int_arg(vm, &args[1])? as i32;
    let opt = int_arg(vm, &args[2])? as i32;
    let buflen = match args.get(3) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    let (fd, _) = sock.fd(vm)?;
    if buflen == 0 {
        return match getsockopt_int(fd.raw, level, opt) {
            Ok(v) => Ok(Value::Int(v as i64)),
            Err(e) => Err(vm.os_error(&e, None)),
        };
    }
    if !(1..=1024).contains(&buflen) {
        return Err(os_error_msg(vm, "getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes.
    let rc = unsafe {
        libc::getsockopt(
            fd.raw,
            level,
            opt,
            buf.as_mut_ptr() as *mut libc::c_void,
            &mut len,
        )
    };
    if rc < 0 {
        return Err(vm.os_error(&last_error(), None));
    }
    buf.truncate(len as usize);
    Ok(new_bytes(buf))
}

/// A timeout argument: `None`, or non-negative seconds.
fn timeout_arg(vm: &mut Vm, v: &Value) -> PyResult<Option<f64>> {
    if v.is_none() {
        return Ok(None);
    }
    let t = match crate::vm::arith::to_f64(&crate::vm::ops::unwrap_base(v)) {
        Some(t) => t,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    if t.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    if t < 0.0 {
        return Err(vm.value_error("Timeout value out of range"));
    }
    if t > 1e12 {
        return Err(vm.new_error(
            &vm.types().exc.OverflowError,
            "timestamp too large to convert to C _PyTime_t",
        ));
    }
    Ok(Some(t))
}

fn set_timeout(vm: &mut Vm, sock: &Socket, timeout: Option<f64>) -> PyResult<Value> {
    let fd = {
        let mut st = sock.st.lock();
        st.timeout = timeout;
        st.fd.clone()
    };
    if let Some(fd) = fd {
        if let Err(e) = set_nonblocking(fd.raw, timeout.is_some()) {
            return Err(vm.os_error(&e, None));
        }
    }
    Ok(Value::None)
}

fn settimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let t = timeout_arg(vm, &args[1])?;
    set_timeout(vm, sock, t)
}

fn timeout_value(t: Option<f64>) -> Value {
    t.map_or(Value::None, Value::Float)
}

fn gettimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let t = sock.st.lock().timeout;
    Ok(timeout_value(t))
}

fn setblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let on = vm.truthy(&args[1])?;
    set_timeout(vm, sock, if on { None } else { Some(0.0) })
}

fn getblocking(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let t = sock.st.lock().timeout;
    Ok(Value::Bool(t != Some(0.0)))
}

fn get_family(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.st.lock().family as i64))
}

fn get_type(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.st.lock().kind as i64))
}

fn get_proto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.st.lock().proto as i64))
}

fn get_timeout(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    gettimeout(vm, args, kw)
}

fn getdefaulttimeout(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(timeout_value(default_timeout()))
}

fn setdefaulttimeout(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let t = timeout_arg(vm, &args[0])?;
    DEFAULT_TIMEOUT.store(t.map_or(NO_TIMEOUT, f64::to_bits), Ordering::Relaxed);
    Ok(Value::None)
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`: two connected
/// `_socket.socket`s.
fn socketpair(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "socketpair", args, 0, 3)?;
    let family = opt_int_arg(vm, arg_or_kw(args, kw, 0, "family"), libc::AF_UNIX as i64)? as i32;
    let kind = opt_int_arg(vm, arg_or_kw(args, kw, 1, "type"), libc::SOCK_STREAM as i64)? as i32;
    let proto = opt_int_arg(vm, arg_or_kw(args, kw, 2, "proto"), 0)? as i32;
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors socketpair writes.
    let rc =
        unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) };
    if rc < 0 {
        return Err(vm.os_error(&last_error(), None));
    }
    let timeout = default_timeout();
    let make = |fd: i32| {
        if timeout.is_some() {
            let _ = set_nonblocking(fd, true);
        }
        Socket {
            st: Mutex::new(State {
                fd: Some(Arc::new(Fd {
                    raw: fd,
                    owned: AtomicBool::new(true),
                })),
                family,
                kind,
                proto,
                timeout,
            }),
        }
    };
    let a = new_object(vm, make(fds[0]));
    let b = new_object(vm, make(fds[1]));
    Ok(Value::tuple(vec![a, b]))
}

/// `dup(fd)`: a duplicate descriptor, not inherited by child programs.
fn dup(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = int_arg(vm, &args[0])? as i32;
    // SAFETY: F_DUPFD_CLOEXEC only creates a new descriptor or fails.
    match check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }) {
        Ok(n) => Ok(Value::Int(n as i64)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

/// `close(fd)`: closes a descriptor (as `os.close`, ECONNRESET ignored).
fn close_fd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = int_arg(vm, &args[0])? as i32;
    // SAFETY: the caller hands over this descriptor to be closed.
    if unsafe { libc::close(fd) } < 0 {
        let e = last_error();
        if e.raw_os_error() != Some(libc::ECONNRESET) {
            return Err(vm.os_error(&e, None));
        }
    }
    Ok(Value::None)
}

/// `<socket object, fd=3, family=2, type=1, proto=0>`, as CPython's.
fn sock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let sock = this(vm, args)?;
    let st = sock.st.lock();
    Ok(new_str(format!(
        "<socket object, fd={}, family={}, type={}, proto={}>",
        st.fd.as_ref().map_or(-1, |f| f.raw),
        st.family,
        st.kind,
        st.proto
    )))
}

const METHODS: &[NativeDef] = &[
    ("__repr__", Arity::exact(0), sock_repr),
    ("__new__", Arity::ANY, sock_new),
    ("__init__", Arity::ANY, sock_init),
    ("bind", Arity::exact(1), bind),
    ("listen", Arity::range(0, 1), listen),
    ("_accept", Arity::exact(0), accept),
    ("connect", Arity::exact(1), connect),
    ("connect_ex", Arity::exact(1), connect_ex),
    ("send", Arity::range(1, 2), send),
    ("sendall", Arity::range(1, 2), sendall),
    ("sendto", Arity::range(2, 3), sendto),
    ("recv", Arity::range(1, 2), recv),
    ("recvfrom", Arity::range(1, 2), recvfrom),
    ("recv_into", Arity::ANY, recv_into),
    ("recvfrom_into", Arity::ANY, recvfrom_into),
    ("shutdown", Arity::exact(1), shutdown),
    ("close", Arity::exact(0), close),
    ("detach", Arity::exact(0), detach),
    ("fileno", Arity::exact(0), fileno),
    ("getsockname", Arity::exact(0), getsockname),
    ("getpeername", Arity::exact(0), getpeername),
    ("setsockopt", Arity::range(3, 4), setsockopt),
    ("getsockopt", Arity::range(2, 3), getsockopt),
    ("settimeout", Arity::exact(1), settimeout),
    ("gettimeout", Arity::exact(0), gettimeout),
    ("setblocking", Arity::exact(1), setblocking),
    ("getblocking", Arity::exact(0), getblocking),
];

const FUNCTIONS: &[NativeDef] = &[
    ("socketpair", Arity::ANY, socketpair),
    ("dup", Arity::exact(1), dup),
    ("close", Arity::exact(1), close_fd),
    ("getdefaulttimeout", Arity::exact(0), getdefaulttimeout),
    ("setdefaulttimeout", Arity::exact(1), setdefaulttimeout),
];

/// The integer constants of `_socket`, by name.
const CONSTANTS: &[(&str, i32)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_INET", libc::AF_INET),
    ("AF_INET6", libc::AF_INET6),
    ("AF_UNIX", libc::AF_UNIX),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOCK_RAW", libc::SOCK_RAW),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET),
    ("SOCK_RDM", libc::SOCK_RDM),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SOL_IP", libc::SOL_IP),
    ("SOL_TCP", libc::SOL_TCP),
    ("SOL_UDP", libc::SOL_UDP),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_ERROR", libc::SO_ERROR),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_LINGER", libc::SO_LINGER),
    ("SO_OOBINLINE", libc::SO_OOBINLINE),
    ("SO_DONTROUTE", libc::SO_DONTROUTE),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN),
    ("SO_DOMAIN", libc::SO_DOMAIN),
    ("SO_PROTOCOL", libc::SO_PROTOCOL),
    ("SO_PRIORITY", libc::SO_PRIORITY),
    ("SOMAXCONN", libc::SOMAXCONN),
    ("IPPROTO_IP", libc::IPPROTO_IP),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP),
    ("IPPROTO_ICMPV6", libc::IPPROTO_ICMPV6),
    ("IPPROTO_RAW", libc::IPPROTO_RAW),
    ("IP_TOS", libc::IP_TOS),
    ("IP_TTL", libc::IP_TTL),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP),
    ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("TCP_MAXSEG", libc::TCP_MAXSEG),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT),
    ("TCP_QUICKACK", libc::TCP_QUICKACK),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("MSG_OOB", libc::MSG_OOB),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("MSG_WAITALL", libc::MSG_WAITALL),
    ("MSG_TRUNC", libc::MSG_TRUNC),
    ("MSG_CTRUNC", libc::MSG_CTRUNC),
    ("MSG_EOR", libc::MSG_EOR),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL),
    ("MSG_CMSG_CLOEXEC", libc::MSG_CMSG_CLOEXEC),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("AI_CANONNAME", libc::AI_CANONNAME),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
    ("AI_V4MAPPED", libc::AI_V4MAPPED),
    ("AI_ALL", libc::AI_ALL),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV),
    ("NI_NOFQDN", libc::NI_NOFQDN),
    ("NI_NAMEREQD", libc::NI_NAMEREQD),
    ("NI_DGRAM", libc::NI_DGRAM),
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("EAI_ADDRFAMILY", -9),
    ("EAI_AGAIN", libc::EAI_AGAIN),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS),
    ("EAI_FAIL", libc::EAI_FAIL),
    ("EAI_FAMILY", libc::EAI_FAMILY),
    ("EAI_MEMORY", libc::EAI_MEMORY),
    ("EAI_NODATA", -5),
    ("EAI_NONAME", libc::EAI_NONAME),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW),
    ("EAI_SERVICE", libc::EAI_SERVICE),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE),
    ("EAI_SYSTEM", libc::EAI_SYSTEM),
];

/// Fills the `_socket` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let class = native_class::<Socket>(vm, "socket", "_socket", None, METHODS);
    add_getters(
        vm,
        &class,
        &[
            ("family", get_family),
            ("type", get_type),
            ("proto", get_proto),
            ("timeout", get_timeout),
        ],
    );
    d.set_by_str("socket", Value::Class(class.clone()));
    d.set_by_str("SocketType", Value::Class(class));
    add_functions(vm, d, FUNCTIONS);
    add_functions(vm, d, addr::FUNCTIONS);
    for &(name, value) in CONSTANTS {
        d.set_by_str(name, Value::Int(value as i64));
    }
    d.set_by_str("INADDR_ANY", Value::Int(0));
    d.set_by_str("INADDR_BROADCAST", Value::Int(0xffff_ffff));
    d.set_by_str("INADDR_LOOPBACK", Value::Int(0x7f00_0001));
    d.set_by_str("INADDR_NONE", Value::Int(0xffff_ffff));
    d.set_by_str("has_ipv6", Value::Bool(true));
    let os_error = vm.types().exc.OSError.clone();
    d.set_by_str("error", Value::Class(os_error.clone()));
    d.set_by_str("timeout", Value::Class(vm.types().exc.TimeoutError.clone()));
    for name in ["herror", "gaierror"] {
        let mut cd = DictMap::new();
        cd.set_by_str("__module__", new_str("socket"));
        let cls = make_class(
            vm.intern(name),
            vm.intern(name),
            vec![os_error.clone()],
            cd,
            false,
        )
        .map_err(|e| vm.type_error(e))?;
        d.set_by_str(name, Value::Class(cls));
    }
    Ok(())
}
