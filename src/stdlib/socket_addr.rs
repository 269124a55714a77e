//! Socket addresses for `_socket`: Python tuples and paths to C `sockaddr`s
//! and back, name resolution (`getaddrinfo` and the functions built on it),
//! and the address conversions (`inet_aton`, `inet_pton`, ...).

use crate::vm::native::*;
use crate::vm::*;
use std::ffi::{CStr, CString};
use std::mem::size_of;

/// A C socket address ready for `bind`, `connect` or `sendto`.
pub enum SockAddr {
    V4(libc::sockaddr_in),
    V6(libc::sockaddr_in6),
    Unix(libc::sockaddr_un, libc::socklen_t),
}

impl SockAddr {
    /// The pointer and length the system calls take; valid while `self` is.
    pub fn raw(&self) -> (*const libc::sockaddr, libc::socklen_t) {
        match self {
            SockAddr::V4(a) => (
                a as *const _ as *const libc::sockaddr,
                size_of::<libc::sockaddr_in>() as libc::socklen_t,
            ),
            SockAddr::V6(a) => (
                a as *const _ as *const libc::sockaddr,
                size_of::<libc::sockaddr_in6>() as libc::socklen_t,
            ),
            SockAddr::Unix(a, len) => (a as *const _ as *const libc::sockaddr, *len),
        }
    }
}

/// Room for any address the kernel hands back.
pub struct AddrBuf {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl AddrBuf {
    pub fn new() -> AddrBuf {
        AddrBuf {
            // SAFETY: `sockaddr_storage` is a plain C struct; all zeroes is a
            // valid (unspecified-family) value.
            storage: unsafe { std::mem::zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }
    pub fn ptr(&mut self) -> (*mut libc::sockaddr, *mut libc::socklen_t) {
        (
            &mut self.storage as *mut _ as *mut libc::sockaddr,
            &mut self.len,
        )
    }
}

fn ntop(family: i32, bytes: &[u8]) -> String {
    match family {
        libc::AF_INET if bytes.len() == 4 => {
            std::net::Ipv4Addr::new(bytes[0], bytes[1], bytes[2], bytes[3]).to_string()
        }
        libc::AF_INET6 if bytes.len() == 16 => {
            let mut buf = [0 as libc::c_char; 64];
            // SAFETY: `bytes` holds the 16 bytes of an in6_addr and `buf` has
            // room for the longest text form (46 bytes) plus its NUL.
            let p = unsafe {
                inet_ntop_c(
                    libc::AF_INET6,
                    bytes.as_ptr() as *const libc::c_void,
                    buf.as_mut_ptr(),
                    buf.len() as libc::socklen_t,
                )
            };
            if p.is_null() {
                return String::new();
            }
            // SAFETY: on success inet_ntop wrote a NUL-terminated string into `buf`.
            unsafe { CStr::from_ptr(buf.as_ptr()) }
                .to_string_lossy()
                .into_owned()
        }
        _ => String::new(),
    }
}

/// The Python value of an address the kernel returned (`accept`,
/// `getsockname`, `recvfrom`): `(host, port)` for IPv4, `(host, port,
/// flowinfo, scope_id)` for IPv6, the path for AF_UNIX.
pub fn addr_value(buf: &AddrBuf) -> Value {
    let family = buf.storage.ss_family as i32;
    match family {
        libc::AF_INET => {
            // SAFETY: the kernel filled the storage with a `sockaddr_in` (its
            // family says so); storage is big and aligned enough for it.
            let a = unsafe { &*(&buf.storage as *const _ as *const libc::sockaddr_in) };
            let ip = a.sin_addr.s_addr.to_ne_bytes();
            Value::tuple(vec![
                new_str(ntop(libc::AF_INET, &ip)),
                Value::Int(u16::from_be(a.sin_port) as i64),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: as above, for a `sockaddr_in6`.
            let a = unsafe { &*(&buf.storage as *const _ as *const libc::sockaddr_in6) };
            Value::tuple(vec![
                new_str(ntop(libc::AF_INET6, &a.sin6_addr.s6_addr)),
                Value::Int(u16::from_be(a.sin6_port) as i64),
                Value::Int(u32::from_be(a.sin6_flowinfo) as i64),
                Value::Int(a.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: as above, for a `sockaddr_un`.
            let a = unsafe { &*(&buf.storage as *const _ as *const libc::sockaddr_un) };
            let offset = size_of::<libc::sa_family_t>();
            let n = (buf.len as usize)
                .saturating_sub(offset)
                .min(a.sun_path.len());
            let path: Vec<u8> = a.sun_path[..n].iter().map(|&c| c as u8).collect();
            if path.first() == Some(&0) {
                // The abstract namespace: bytes, as CPython gives them.
                return new_bytes(path);
            }
            let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
            new_str(String::from_utf8_lossy(&path[..end]).into_owned())
        }
        _ => Value::tuple(vec![Value::Int(family as i64), new_bytes(Vec::new())]),
    }
}

/// An `int` argument (an int subclass such as `AddressFamily` too).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let v = crate::vm::ops::unwrap_base(v);
    vm.to_index(&v)
}

/// The text of a host name argument: str, bytes or bytearray.
fn host_text(vm: &Vm, v: &Value) -> PyResult<String> {
    let v = crate::vm::ops::unwrap_base(v);
    if let Some(s) = v.as_str() {
        return Ok(s.to_string());
    }
    match crate::vm::bytes::bytes_like(&v) {
        Some(b) if !matches!(&v, Value::Native(n) if matches!(&**n, Native::MemoryView(_))) => {
            Ok(String::from_utf8_lossy(&b).into_owned())
        }
        _ => Err(vm.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            vm.type_name(&v)
        ))),
    }
}

/// `OSError(msg)`: an error with a message and no errno.
pub fn os_error_msg(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = Value::Class(vm.types().exc.OSError.clone());
    match vm.call(&cls, &[new_str(msg)], &[]) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

/// The module's own exception class (`gaierror`, `herror`).
fn module_class(vm: &Vm, name: &str) -> Value {
    let module = vm.interp.modules.lock().get_by_str("_socket").cloned();
    if let Some(Value::Module(m)) = module {
        if let Some(c) = m.dict.lock().get_by_str(name).cloned() {
            return c;
        }
    }
    Value::Class(vm.types().exc.OSError.clone())
}

/// `socket.gaierror` for a `getaddrinfo` failure code.
fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    if code == libc::EAI_SYSTEM {
        let e = std::io::Error::last_os_error();
        return vm.os_error(&e, None);
    }
    // SAFETY: gai_strerror returns a pointer to a static NUL-terminated string.
    let msg = unsafe { CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    let cls = module_class(vm, "gaierror");
    match vm.call(&cls, &[Value::Int(code as i64), new_str(msg)], &[]) {
        Ok(e) => PyErr::new(e),
        Err(e) => e,
    }
}

/// One result of `getaddrinfo`.
pub struct AddrInfo {
    pub family: i32,
    pub socktype: i32,
    pub proto: i32,
    pub canonname: String,
    pub addr: AddrBuf,
}

/// `getaddrinfo(3)` with the GIL released.
pub fn resolve(
    vm: &mut Vm,
    host: Option<&str>,
    port: Option<&str>,
    hints: (i32, i32, i32, i32),
) -> PyResult<Vec<AddrInfo>> {
    let to_c = |vm: &mut Vm, s: Option<&str>| -> PyResult<Option<CString>> {
        s.map(|s| CString::new(s).map_err(|_| vm.value_error("embedded null character")))
            .transpose()
    };
    let host = to_c(vm, host)?;
    let port = to_c(vm, port)?;
    let (family, socktype, proto, flags) = hints;
    let result = vm.allow_threads(Wait::Socket, move || {
        // SAFETY: an all-zero `addrinfo` is the documented empty hints value.
        let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
        hints.ai_family = family;
        hints.ai_socktype = socktype;
        hints.ai_protocol = proto;
        hints.ai_flags = flags;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        // SAFETY: the strings are NUL-terminated and live for the call; `res`
        // receives a list we free below with freeaddrinfo.
        let rc = unsafe {
            libc::getaddrinfo(
                host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
                port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
                &hints,
                &mut res,
            )
        };
        if rc != 0 {
            return Err(rc);
        }
        let mut out = Vec::new();
        let mut p = res;
        while !p.is_null() {
            // SAFETY: `p` walks the list getaddrinfo returned, not yet freed.
            let ai = unsafe { &*p };
            let mut addr = AddrBuf::new();
            let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
            // SAFETY: `ai_addr` points to `ai_addrlen` readable bytes and the
            // storage has room for `n` of them.
            unsafe {
                std::ptr::copy_nonoverlapping(
                    ai.ai_addr as *const u8,
                    &mut addr.storage as *mut _ as *mut u8,
                    n,
                );
            }
            addr.len = n as libc::socklen_t;
            let canonname = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                // SAFETY: a non-null canonical name is a NUL-terminated string.
                unsafe { CStr::from_ptr(ai.ai_canonname) }
                    .to_string_lossy()
                    .into_owned()
            };
            out.push(AddrInfo {
                family: ai.ai_family,
                socktype: ai.ai_socktype,
                proto: ai.ai_protocol,
                canonname,
                addr,
            });
            p = ai.ai_next;
        }
        // SAFETY: `res` came from a successful getaddrinfo and is freed once.
        unsafe { libc::freeaddrinfo(res) };
        Ok(out)
    });
    result.map_err(|code| gai_error(vm, code))
}

fn parse_v4(s: &str) -> Option<[u8; 4]> {
    s.parse::<std::net::Ipv4Addr>().ok().map(|a| a.octets())
}

fn parse_v6(s: &str) -> Option<[u8; 16]> {
    s.parse::<std::net::Ipv6Addr>().ok().map(|a| a.octets())
}

/// The address bytes of a host for `family`, as CPython's `setipaddr`:
/// `''` is "any", `'<broadcast>'` is the broadcast address, numeric forms
/// are taken as they are and names are looked up.
fn host_bytes(vm: &mut Vm, host: &str, family: i32) -> PyResult<(Vec<u8>, u32)> {
    if host.is_empty() {
        let n = if family == libc::AF_INET6 { 16 } else { 4 };
        return Ok((vec![0; n], 0));
    }
    if family == libc::AF_INET {
        if host == "<broadcast>" || host == "255.255.255.255" {
            return Ok((vec![255; 4], 0));
        }
        if let Some(b) = parse_v4(host) {
            return Ok((b.to_vec(), 0));
        }
    } else if let Some(b) = parse_v6(host) {
        return Ok((b.to_vec(), 0));
    }
    let found = resolve(vm, Some(host), None, (family, 0, 0, 0))?;
    for ai in &found {
        match ai.addr.storage.ss_family as i32 {
            libc::AF_INET if family == libc::AF_INET => {
                // SAFETY: the family says the storage holds a sockaddr_in.
                let a = unsafe { &*(&ai.addr.storage as *const _ as *const libc::sockaddr_in) };
                return Ok((a.sin_addr.s_addr.to_ne_bytes().to_vec(), 0));
            }
            libc::AF_INET6 if family == libc::AF_INET6 => {
                // SAFETY: the family says the storage holds a sockaddr_in6.
                let a = unsafe { &*(&ai.addr.storage as *const _ as *const libc::sockaddr_in6) };
                return Ok((a.sin6_addr.s6_addr.to_vec(), a.sin6_scope_id));
            }
            _ => {}
        }
    }
    Err(gai_error(vm, libc::EAI_NONAME))
}

fn port_arg(vm: &mut Vm, v: &Value, caller: &str) -> PyResult<u16> {
    let port = int_arg(vm, v)?;
    if !(0..=65535).contains(&port) {
        return Err(vm.new_error(
            &vm.types().exc.OverflowError,
            format!("{}(): port must be 0-65535.", caller),
        ));
    }
    Ok(port as u16)
}

/// A Python address for a socket of `family` as a C address (`caller`
/// names the method in error messages, as CPython's do).
pub fn parse_addr(vm: &mut Vm, family: i32, v: &Value, caller: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_INET => {
            let Value::Tuple(t) = v else {
                return Err(vm.type_error(format!(
                    "{}(): AF_INET address must be tuple, not {}",
                    caller,
                    vm.type_name(v)
                )));
            };
            if t.items.len() != 2 {
                return Err(vm.type_error("AF_INET address must be a pair (host, port)"));
            }
            let host = host_text(vm, &t.items[0])?;
            let port = port_arg(vm, &t.items[1], caller)?;
            let (ip, _) = host_bytes(vm, &host, libc::AF_INET)?;
            let mut octets = [0u8; 4];
            octets.copy_from_slice(&ip);
            Ok(SockAddr::V4(libc::sockaddr_in {
                sin_family: libc::AF_INET as libc::sa_family_t,
                sin_port: port.to_be(),
                sin_addr: libc::in_addr {
                    s_addr: u32::from_ne_bytes(octets),
                },
                sin_zero: [0; 8],
            }))
        }
        libc::AF_INET6 => {
            let msg = "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])";
            let Value::Tuple(t) = v else {
                return Err(vm.type_error(format!(
                    "{}(): AF_INET6 address must be tuple, not {}",
                    caller,
                    vm.type_name(v)
                )));
            };
            if !(2..=4).contains(&t.items.len()) {
                return Err(vm.type_error(msg));
            }
            let host = host_text(vm, &t.items[0])?;
            let port = port_arg(vm, &t.items[1], caller)?;
            let flowinfo = match t.items.get(2) {
                Some(f) => int_arg(vm, f)?,
                None => 0,
            };
            if !(0..=0xfffff).contains(&flowinfo) {
                return Err(vm.new_error(
                    &vm.types().exc.OverflowError,
                    format!("{}(): flowinfo must be 0-1048575.", caller),
                ));
            }
            let (ip, found_scope) = host_bytes(vm, &host, libc::AF_INET6)?;
            let scope = match t.items.get(3) {
                Some(s) => int_arg(vm, s)? as u32,
                None => found_scope,
            };
            let mut octets = [0u8; 16];
            octets.copy_from_slice(&ip);
            Ok(SockAddr::V6(libc::sockaddr_in6 {
                sin6_family: libc::AF_INET6 as libc::sa_family_t,
                sin6_port: port.to_be(),
                sin6_flowinfo: (flowinfo as u32).to_be(),
                sin6_addr: libc::in6_addr { s6_addr: octets },
                sin6_scope_id: scope,
            }))
        }
        libc::AF_UNIX => {
            let path: Vec<u8> = match v {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                _ => match crate::vm::bytes::bytes_like(v) {
                    Some(b) => b.into_owned(),
                    None => {
                        return Err(vm.type_error(format!(
                            "a bytes-like object is required, not '{}'",
                            vm.type_name(v)
                        )))
                    }
                },
            };
            let mut sun = libc::sockaddr_un {
                sun_family: libc::AF_UNIX as libc::sa_family_t,
                sun_path: [0; 108],
            };
            let abstract_ns = path.first() == Some(&0);
            let room = if abstract_ns {
                sun.sun_path.len()
            } else {
                sun.sun_path.len() - 1
            };
            if path.len() > room {
                return Err(os_error_msg(vm, "AF_UNIX path too long"));
            }
            for (dst, &b) in sun.sun_path.iter_mut().zip(&path) {
                *dst = b as libc::c_char;
            }
            let len = size_of::<libc::sa_family_t>() + path.len() + usize::from(!abstract_ns);
            Ok(SockAddr::Unix(sun, len as libc::socklen_t))
        }
        _ => Err(vm.os_error_errno(libc::EAFNOSUPPORT, None)),
    }
}

fn opt_text(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => host_text(vm, v).map(Some),
    }
}

fn opt_int(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    match v {
        None => Ok(0),
        Some(v) => Ok(int_arg(vm, v)? as i32),
    }
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`: a list of
/// `(family, type, proto, canonname, sockaddr)`.
fn getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "getaddrinfo", args, 2, 6)?;
    let host = opt_text(vm, arg_or_kw(args, kw, 0, "host"))?;
    let port = match arg_or_kw(args, kw, 1, "port") {
        None | Some(Value::None) => None,
        Some(v @ (Value::Int(_) | Value::Bool(_))) => Some(int_arg(vm, v)?.to_string()),
        Some(v @ Value::Instance(_)) if matches!(crate::vm::ops::unwrap_base(v), Value::Int(_)) => {
            Some(int_arg(vm, v)?.to_string())
        }
        Some(Value::Str(s)) => Some(s.as_str().to_string()),
        Some(v @ Value::Bytes(_)) => Some(host_text(vm, v)?),
        Some(_) => return Err(os_error_msg(vm, "Int or String expected")),
    };
    let family = opt_int(vm, arg_or_kw(args, kw, 2, "family"))?;
    let socktype = opt_int(vm, arg_or_kw(args, kw, 3, "type"))?;
    let proto = opt_int(vm, arg_or_kw(args, kw, 4, "proto"))?;
    let flags = opt_int(vm, arg_or_kw(args, kw, 5, "flags"))?;
    let found = resolve(
        vm,
        host.as_deref(),
        port.as_deref(),
        (family, socktype, proto, flags),
    )?;
    let items = found
        .iter()
        .map(|ai| {
            Value::tuple(vec![
                Value::Int(ai.family as i64),
                Value::Int(ai.socktype as i64),
                Value::Int(ai.proto as i64),
                new_str(ai.canonname.as_str()),
                addr_value(&ai.addr),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

fn gethostname(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut buf = [0 as libc::c_char; 256];
    // SAFETY: `buf` is writable for its whole length, which we pass.
    let rc = unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) };
    if rc != 0 {
        return Err(vm.os_error(&std::io::Error::last_os_error(), None));
    }
    // SAFETY: the buffer was zeroed and one byte short was passed, so it
    // ends with a NUL.
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(new_str(name.to_string_lossy().into_owned()))
}

fn gethostbyname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let host = host_text(vm, &args[0])?;
    let (ip, _) = host_bytes(vm, &host, libc::AF_INET)?;
    Ok(new_str(ntop(libc::AF_INET, &ip)))
}

/// `getnameinfo(3)` on a C address: (host, service).
fn nameinfo(vm: &mut Vm, addr: SockAddr, flags: i32) -> PyResult<Result<(String, String), i32>> {
    Ok(vm.allow_threads(Wait::Socket, move || {
        let (p, len) = addr.raw();
        let mut host = [0 as libc::c_char; 1025];
        let mut serv = [0 as libc::c_char; 32];
        // SAFETY: `p`/`len` describe a valid address owned by `addr`; the
        // buffers are writable for the lengths passed.
        let rc = unsafe {
            libc::getnameinfo(
                p,
                len,
                host.as_mut_ptr(),
                host.len() as libc::socklen_t,
                serv.as_mut_ptr(),
                serv.len() as libc::socklen_t,
                flags,
            )
        };
        if rc != 0 {
            return Err(rc);
        }
        // SAFETY: on success both buffers hold NUL-terminated strings.
        let (h, s) = unsafe { (CStr::from_ptr(host.as_ptr()), CStr::from_ptr(serv.as_ptr())) };
        Ok((
            h.to_string_lossy().into_owned(),
            s.to_string_lossy().into_owned(),
        ))
    }))
}

fn addr_family_of(vm: &mut Vm, host: &str) -> PyResult<(i32, Vec<u8>, u32)> {
    if let Some(b) = parse_v4(host) {
        return Ok((libc::AF_INET, b.to_vec(), 0));
    }
    if let Some(b) = parse_v6(host) {
        return Ok((libc::AF_INET6, b.to_vec(), 0));
    }
    let found = resolve(vm, Some(host), None, (0, libc::SOCK_STREAM, 0, 0))?;
    let Some(ai) = found.first() else {
        return Err(gai_error(vm, libc::EAI_NONAME));
    };
    let family = ai.addr.storage.ss_family as i32;
    let (ip, scope) = host_bytes(vm, host, family)?;
    Ok((family, ip, scope))
}

fn v4_or_v6(family: i32, ip: &[u8], port: u16, scope: u32) -> SockAddr {
    if family == libc::AF_INET {
        let mut o = [0u8; 4];
        o.copy_from_slice(ip);
        SockAddr::V4(libc::sockaddr_in {
            sin_family: libc::AF_INET as libc::sa_family_t,
            sin_port: port.to_be(),
            sin_addr: libc::in_addr {
                s_addr: u32::from_ne_bytes(o),
            },
            sin_zero: [0; 8],
        })
    } else {
        let mut o = [0u8; 16];
        o.copy_from_slice(ip);
        SockAddr::V6(libc::sockaddr_in6 {
            sin6_family: libc::AF_INET6 as libc::sa_family_t,
            sin6_port: port.to_be(),
            sin6_flowinfo: 0,
            sin6_addr: libc::in6_addr { s6_addr: o },
            sin6_scope_id: scope,
        })
    }
}

/// `gethostbyaddr(ip)`: `(hostname, aliases, addresses)`.
fn gethostbyaddr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let host = host_text(vm, &args[0])?;
    let (family, ip, scope) = addr_family_of(vm, &host)?;
    let addr = v4_or_v6(family, &ip, 0, scope);
    match nameinfo(vm, addr, libc::NI_NAMEREQD)? {
        Ok((name, _)) => Ok(Value::tuple(vec![
            new_str(name),
            Value::list(Vec::new()),
            Value::list(vec![new_str(ntop(family, &ip))]),
        ])),
        Err(_) => {
            let cls = module_class(vm, "herror");
            let e = vm.call(&cls, &[Value::Int(1), new_str("Unknown host")], &[])?;
            Err(PyErr::new(e))
        }
    }
}

/// `getnameinfo((host, port), flags)`: `(host, service)`.
fn getnameinfo(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Value::Tuple(t) = &args[0] else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    if !(2..=4).contains(&t.items.len()) {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = int_arg(vm, &args[1])? as i32;
    let host = host_text(vm, &t.items[0])?;
    let port = port_arg(vm, &t.items[1], "getnameinfo")?;
    let (family, ip, scope) = addr_family_of(vm, &host)?;
    let addr = v4_or_v6(family, &ip, port, scope);
    match nameinfo(vm, addr, flags)? {
        Ok((h, s)) => Ok(Value::tuple(vec![new_str(h), new_str(s)])),
        Err(code) => Err(gai_error(vm, code)),
    }
}

/// `getservbyname(name[, proto])`: the port of a service.
fn getservbyname(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let name = host_text(vm, &args[0])?;
    let socktype = match args.get(1).and_then(|v| v.as_str()) {
        Some("udp") => libc::SOCK_DGRAM,
        _ => libc::SOCK_STREAM,
    };
    let found = resolve(
        vm,
        None,
        Some(&name),
        (libc::AF_INET, socktype, 0, libc::AI_PASSIVE),
    );
    match found {
        Ok(list) if !list.is_empty() => {
            // SAFETY: an AF_INET lookup gives sockaddr_in addresses.
            let a = unsafe { &*(&list[0].addr.storage as *const _ as *const libc::sockaddr_in) };
            Ok(Value::Int(u16::from_be(a.sin_port) as i64))
        }
        _ => Err(os_error_msg(vm, "service/proto not found")),
    }
}

fn inet_aton(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(s) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let bad = |vm: &mut Vm| os_error_msg(vm, "illegal IP address string passed to inet_aton");
    let Ok(c) = CString::new(s) else {
        return Err(bad(vm));
    };
    let mut addr = libc::in_addr { s_addr: 0 };
    // SAFETY: `c` is NUL-terminated and `addr` writable; inet_aton only
    // reads the one and writes the other.
    let ok = unsafe { inet_aton_c(c.as_ptr(), &mut addr) };
    if ok == 0 {
        return Err(bad(vm));
    }
    Ok(new_bytes(addr.s_addr.to_ne_bytes().to_vec()))
}

// The C library's own parsers and printers (not in the `libc` crate), so
// that the accepted forms and the text match CPython's exactly.
extern "C" {
    #[link_name = "inet_aton"]
    fn inet_aton_c(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
    #[link_name = "inet_ntop"]
    fn inet_ntop_c(
        af: libc::c_int,
        src: *const libc::c_void,
        dst: *mut libc::c_char,
        size: libc::socklen_t,
    ) -> *const libc::c_char;
}

fn packed(vm: &Vm, v: &Value, name: &str) -> PyResult<Vec<u8>> {
    crate::vm::bytes::bytes_like(v)
        .map(|b| b.into_owned())
        .ok_or_else(|| {
            vm.type_error(format!(
                "{}() argument {} must be bytes-like object, not '{}'",
                name,
                if name == "inet_ntoa" { 1 } else { 2 },
                vm.type_name(v)
            ))
        })
}

fn inet_ntoa(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = packed(vm, &args[0], "inet_ntoa")?;
    if b.len() != 4 {
        return Err(os_error_msg(vm, "packed IP wrong length for inet_ntoa"));
    }
    Ok(new_str(ntop(libc::AF_INET, &b)))
}

fn inet_pton(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let family = int_arg(vm, &args[0])? as i32;
    let Some(s) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let parsed = match family {
        libc::AF_INET => parse_v4(s).map(|b| b.to_vec()),
        libc::AF_INET6 => parse_v6(s).map(|b| b.to_vec()),
        _ => return Err(vm.os_error_errno(libc::EAFNOSUPPORT, None)),
    };
    match parsed {
        Some(b) => Ok(new_bytes(b)),
        None => Err(os_error_msg(
            vm,
            "illegal IP address string passed to inet_pton",
        )),
    }
}

fn inet_ntop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let family = int_arg(vm, &args[0])? as i32;
    let b = packed(vm, &args[1], "inet_ntop")?;
    let want = match family {
        libc::AF_INET => 4,
        libc::AF_INET6 => 16,
        _ => return Err(vm.value_error(format!("unknown address family {}", family))),
    };
    if b.len() != want {
        return Err(vm.value_error("invalid length of packed IP address string"));
    }
    Ok(new_str(ntop(family, &b)))
}

fn short_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<u16> {
    let x = int_arg(vm, &args[0])?;
    if x < 0 {
        return Err(vm.new_error(
            &vm.types().exc.OverflowError,
            format!(
                "{}: can't convert negative Python int to C 16-bit unsigned integer",
                name
            ),
        ));
    }
    if x > 0xffff {
        return Err(vm.new_error(
            &vm.types().exc.OverflowError,
            format!(
                "{}: Python int too large to convert to C 16-bit unsigned integer",
                name
            ),
        ));
    }
    Ok(x as u16)
}

fn long_arg(vm: &mut Vm, args: &[Value]) -> PyResult<u32> {
    if let Value::BigInt(b) = crate::vm::ops::unwrap_base(&args[0]) {
        let msg = if b.sign() == num_bigint::Sign::Minus {
            "can't convert negative value to unsigned int"
        } else {
            "int larger than 32 bits"
        };
        return Err(vm.new_error(&vm.types().exc.OverflowError, msg));
    }
    let x = int_arg(vm, &args[0])?;
    if x < 0 {
        return Err(vm.new_error(
            &vm.types().exc.OverflowError,
            "can't convert negative value to unsigned int",
        ));
    }
    u32::try_from(x)
        .map_err(|_| vm.new_error(&vm.types().exc.OverflowError, "int larger than 32 bits"))
}

fn htons(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(short_arg(vm, args, "htons")?.to_be() as i64))
}

fn ntohs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(
        u16::from_be(short_arg(vm, args, "ntohs")?) as i64
    ))
}

fn htonl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(long_arg(vm, args)?.to_be() as i64))
}

fn ntohl(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(u32::from_be(long_arg(vm, args)?) as i64))
}

/// The name-service and address functions of `_socket`.
pub const FUNCTIONS: &[NativeDef] = &[
    ("getaddrinfo", Arity::ANY, getaddrinfo),
    ("gethostname", Arity::exact(0), gethostname),
    ("gethostbyname", Arity::exact(1), gethostbyname),
    ("gethostbyaddr", Arity::exact(1), gethostbyaddr),
    ("getnameinfo", Arity::exact(2), getnameinfo),
    ("getservbyname", Arity::range(1, 2), getservbyname),
    ("inet_aton", Arity::exact(1), inet_aton),
    ("inet_ntoa", Arity::exact(1), inet_ntoa),
    ("inet_pton", Arity::exact(2), inet_pton),
    ("inet_ntop", Arity::exact(2), inet_ntop),
    ("htons", Arity::exact(1), htons),
    ("ntohs", Arity::exact(1), ntohs),
    ("htonl", Arity::exact(1), htonl),
    ("ntohl", Arity::exact(1), ntohl),
];
