//! `posix`: the operating system calls under the Python-written `os`, as
//! CPython's `Modules/posixmodule.c` sits under `Lib/os.py`. File names are
//! str (UTF-8, undecodable bytes kept as in `surrogateescape`) or bytes; a
//! call given bytes returns bytes. Every call that touches the file system
//! or a descriptor runs with the GIL released.

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::ffi::{CString, OsStr};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

// ---- file names ----

/// File name text as the file system's bytes: UTF-8, with the characters
/// that stand for undecodable bytes (see `vm::bytes`, `surrogateescape`)
/// turned back into those bytes.
pub fn fs_encode(s: &str) -> Vec<u8> {
    crate::vm::bytes::encode_utf8_escaped(s)
}

/// File system bytes as text (undecodable bytes kept as in `surrogateescape`).
pub fn fs_decode(b: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(b) {
        return s.to_string();
    }
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len() - good);
                for &x in &rest[good..good + bad] {
                    out.push(char::from_u32(0xf700 + x as u32).unwrap_or('\u{fffd}'));
                }
                rest = &rest[good + bad..];
            }
        }
    }
    out
}

/// A path argument: a file name (and whether it was given as bytes, which
/// decides the type of names returned) or an open file descriptor.
pub enum PathArg {
    Name { bytes: Vec<u8>, is_bytes: bool },
    Fd(i32),
}

impl PathArg {
    pub fn path(&self) -> &Path {
        match self {
            PathArg::Name { bytes, .. } => Path::new(OsStr::from_bytes(bytes)),
            PathArg::Fd(_) => Path::new(""),
        }
    }
    pub fn cstring(&self) -> CString {
        match self {
            // Checked for NUL bytes when made.
            PathArg::Name { bytes, .. } => CString::new(bytes.clone()).unwrap_or_default(),
            PathArg::Fd(_) => CString::default(),
        }
    }
    pub fn is_bytes(&self) -> bool {
        matches!(self, PathArg::Name { is_bytes: true, .. })
    }
}

/// `os.fspath(v)`: str and bytes as they are, else `__fspath__()`.
pub fn fspath_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Value>> {
    match v {
        Value::Str(_) | Value::Bytes(_) => return Ok(Some(v.clone())),
        Value::Instance(i) if matches!(i.base, Some(Value::Str(_)) | Some(Value::Bytes(_))) => {
            return Ok(Some(v.clone()))
        }
        _ => {}
    }
    let Some(m) = vm.lookup_special(v, "__fspath__") else {
        return Ok(None);
    };
    let r = vm.call(&m, &[], &[])?;
    match crate::vm::ops::unwrap_base(&r) {
        Value::Str(_) | Value::Bytes(_) => Ok(Some(r)),
        _ => Err(vm.type_error(format!(
            "expected {}.__fspath__() to return str or bytes, not {}",
            vm.type_name(v),
            vm.type_name(&r)
        ))),
    }
}

/// Reads a path argument of `func` as CPython's `path_converter` does.
pub fn path_arg(vm: &mut Vm, v: &Value, func: &str, allow_fd: bool) -> PyResult<PathArg> {
    if allow_fd && matches!(v, Value::Int(_) | Value::Bool(_)) {
        let fd = vm.to_index(v)?;
        return Ok(PathArg::Fd(fd as i32));
    }
    let kinds = if allow_fd {
        "string, bytes, os.PathLike or integer"
    } else {
        "string, bytes or os.PathLike"
    };
    let Some(p) = fspath_value(vm, v)? else {
        return Err(vm.type_error(format!(
            "{}: path should be {}, not {}",
            func,
            kinds,
            vm.type_name(v)
        )));
    };
    let (bytes, is_bytes) = match crate::vm::ops::unwrap_base(&p) {
        Value::Str(s) => (fs_encode(s.as_str()), false),
        Value::Bytes(b) => (b.as_bytes().to_vec(), true),
        _ => unreachable!("fspath_value returns str or bytes"),
    };
    if bytes.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(PathArg::Name { bytes, is_bytes })
}

/// A file name as the caller gave it: str, or bytes for a bytes path.
fn name_value(b: &[u8], as_bytes: bool) -> Value {
    if as_bytes {
        new_bytes(b.to_vec())
    } else {
        new_str(fs_decode(b))
    }
}

fn os_err(vm: &Vm, e: std::io::Error, name: &Value) -> PyErr {
    vm.os_error(&e, Some(name.clone()))
}

/// A `std::io::Error` for the `errno` of a failed libc call.
fn last_error() -> std::io::Error {
    std::io::Error::last_os_error()
}

fn check(rc: libc::c_int) -> std::io::Result<libc::c_int> {
    if rc < 0 {
        Err(last_error())
    } else {
        Ok(rc)
    }
}

fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = crate::stdlib::io::int_arg(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

// ---- stat ----

/// The fields of `os.stat_result`, in the order `os.py` expects them.
struct StatFields {
    mode: u32,
    ino: u64,
    dev: u64,
    nlink: u64,
    uid: u32,
    gid: u32,
    size: i64,
    times: [(i64, i64); 3],
    blksize: i64,
    blocks: i64,
    rdev: u64,
}

impl StatFields {
    fn from_meta(m: &std::fs::Metadata) -> StatFields {
        StatFields {
            mode: m.mode(),
            ino: m.ino(),
            dev: m.dev(),
            nlink: m.nlink(),
            uid: m.uid(),
            gid: m.gid(),
            size: m.size() as i64,
            times: [
                (m.atime(), m.atime_nsec()),
                (m.mtime(), m.mtime_nsec()),
                (m.ctime(), m.ctime_nsec()),
            ],
            blksize: m.blksize() as i64,
            blocks: m.blocks() as i64,
            rdev: m.rdev(),
        }
    }

    fn from_raw(s: &libc::stat) -> StatFields {
        StatFields {
            mode: s.st_mode,
            ino: s.st_ino,
            dev: s.st_dev,
            nlink: s.st_nlink,
            uid: s.st_uid,
            gid: s.st_gid,
            size: s.st_size,
            times: [
                (s.st_atime, s.st_atime_nsec),
                (s.st_mtime, s.st_mtime_nsec),
                (s.st_ctime, s.st_ctime_nsec),
            ],
            blksize: s.st_blksize,
            blocks: s.st_blocks,
            rdev: s.st_rdev,
        }
    }

    /// `(mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime,
    /// atime_f, mtime_f, ctime_f, atime_ns, mtime_ns, ctime_ns, blksize,
    /// blocks, rdev)`.
    fn to_value(&self) -> Value {
        let int = |n: i128| Value::from_bigint(num_bigint::BigInt::from(n));
        let mut v = vec![
            Value::Int(self.mode as i64),
            int(self.ino as i128),
            int(self.dev as i128),
            Value::Int(self.nlink as i64),
            Value::Int(self.uid as i64),
            Value::Int(self.gid as i64),
            Value::Int(self.size),
        ];
        for (s, _) in self.times {
            v.push(Value::Int(s));
        }
        for (s, ns) in self.times {
            v.push(Value::Float(s as f64 + ns as f64 * 1e-9));
        }
        for (s, ns) in self.times {
            v.push(int(s as i128 * 1_000_000_000 + ns as i128));
        }
        v.push(Value::Int(self.blksize));
        v.push(Value::Int(self.blocks));
        v.push(int(self.rdev as i128));
        Value::tuple(v)
    }
}

fn fstat_raw(fd: i32) -> std::io::Result<libc::stat> {
    // SAFETY: an all-zero `stat` is a valid value of this plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: `st` is a valid, writable stat buffer; fstat only writes it.
    check(unsafe { libc::fstat(fd, &mut st) })?;
    Ok(st)
}

/// `stat` of an open descriptor (also used by `_io` to look at a file).
pub fn fstat_mode_size(fd: i32) -> std::io::Result<(u32, i64, i64)> {
    let st = fstat_raw(fd)?;
    Ok((st.st_mode, st.st_size, st.st_blksize))
}

fn do_stat(vm: &mut Vm, path: &Value, follow: bool, func: &str) -> PyResult<Value> {
    let p = path_arg(vm, path, func, true)?;
    let r = match &p {
        PathArg::Fd(fd) => {
            let fd = *fd;
            vm.blocking_io(Wait::File, move || fstat_raw(fd))?
                .map(|s| StatFields::from_raw(&s))
        }
        PathArg::Name { .. } => {
            let path_buf = p.path().to_path_buf();
            vm.blocking_io(Wait::File, move || {
                if follow {
                    std::fs::metadata(&path_buf)
                } else {
                    std::fs::symlink_metadata(&path_buf)
                }
            })?
            .map(|m| StatFields::from_meta(&m))
        }
    };
    match r {
        Ok(f) => Ok(f.to_value()),
        Err(e) => Err(os_err(vm, e, path)),
    }
}

fn follow_kw(vm: &mut Vm, kw: &[(Str, Value)]) -> PyResult<bool> {
    match kwarg(kw, "follow_symlinks") {
        Some(v) => vm.truthy(v),
        None => Ok(true),
    }
}

fn stat(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "stat")?;
    let follow = follow_kw(vm, kw)?;
    do_stat(vm, &path, follow, "stat")
}

fn lstat(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "lstat")?;
    do_stat(vm, &path, false, "lstat")
}

fn fstat(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    match vm.blocking_io(Wait::File, move || fstat_raw(fd))? {
        Ok(s) => Ok(StatFields::from_raw(&s).to_value()),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

/// A required argument, positional or by keyword.
fn need(
    vm: &Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    i: usize,
    name: &str,
    func: &str,
) -> PyResult<Value> {
    arg_or_kw(args, kw, i, name).cloned().ok_or_else(|| {
        vm.type_error(format!(
            "{}() missing required argument '{}' (pos {})",
            func,
            name,
            i + 1
        ))
    })
}

// ---- directories and names ----

fn getcwd(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match vm.blocking_io(Wait::File, std::env::current_dir)? {
        Ok(p) => Ok(new_str(fs_decode(p.as_os_str().as_bytes()))),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn getcwdb(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match vm.blocking_io(Wait::File, std::env::current_dir)? {
        Ok(p) => Ok(new_bytes(p.as_os_str().as_bytes().to_vec())),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, &args[0], "chdir", false)?;
    let path = p.path().to_path_buf();
    match vm.blocking_io(Wait::File, move || std::env::set_current_dir(&path))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_err(vm, e, &args[0])),
    }
}

/// The names in a directory (without `.` and `..`), with their kinds.
/// Directory entries: name, kind (see `_scandir`), inode.
type DirEntries = Vec<(Vec<u8>, u8, u64)>;

fn read_dir(vm: &mut Vm, path: &Value, func: &str) -> PyResult<(DirEntries, bool)> {
    let (p, shown) = if path.is_none() {
        (
            PathArg::Name {
                bytes: b".".to_vec(),
                is_bytes: false,
            },
            new_str("."),
        )
    } else {
        (path_arg(vm, path, func, false)?, path.clone())
    };
    let dir = p.path().to_path_buf();
    let r = vm.blocking_io(Wait::File, move || {
        let mut out = Vec::new();
        for e in std::fs::read_dir(&dir)? {
            let e = e?;
            use std::os::unix::fs::DirEntryExt;
            let kind = match e.file_type() {
                Ok(t) if t.is_symlink() => 3,
                Ok(t) if t.is_dir() => 2,
                Ok(t) if t.is_file() => 1,
                Ok(_) => 4,
                Err(_) => 0,
            };
            out.push((e.file_name().as_bytes().to_vec(), kind, e.ino()));
        }
        Ok(out)
    })?;
    match r {
        Ok(v) => Ok((v, p.is_bytes())),
        Err(e) => Err(os_err(vm, e, &shown)),
    }
}

fn listdir(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = arg_or_kw(args, kw, 0, "path")
        .cloned()
        .unwrap_or(Value::None);
    if !path.is_none() && !matches!(path, Value::Str(_) | Value::Bytes(_) | Value::Instance(_)) {
        return Err(vm.type_error(format!(
            "listdir: path should be string, bytes, os.PathLike, integer or None, not {}",
            vm.type_name(&path)
        )));
    }
    let (entries, as_bytes) = read_dir(vm, &path, "listdir")?;
    Ok(Value::list(
        entries
            .iter()
            .map(|(n, _, _)| name_value(n, as_bytes))
            .collect(),
    ))
}

/// `_scandir(path)`: `[(name, kind, inode)]`, kind 1 file, 2 directory,
/// 3 symlink, 4 other, 0 unknown; names are bytes for a bytes path.
fn scandir_list(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = args.first().cloned().unwrap_or(Value::None);
    let (entries, as_bytes) = read_dir(vm, &path, "scandir")?;
    Ok(Value::list(
        entries
            .iter()
            .map(|(n, k, ino)| {
                Value::tuple(vec![
                    name_value(n, as_bytes),
                    Value::Int(*k as i64),
                    Value::from_bigint(num_bigint::BigInt::from(*ino)),
                ])
            })
            .collect(),
    ))
}

fn mode_arg(vm: &mut Vm, v: Option<&Value>, default: u32) -> PyResult<u32> {
    match v {
        None => Ok(default),
        Some(v) => Ok(crate::stdlib::io::int_arg(vm, v)? as u32),
    }
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "mkdir")?;
    let p = path_arg(vm, &path, "mkdir", false)?;
    let mode = mode_arg(vm, arg_or_kw(args, kw, 1, "mode"), 0o777)?;
    let dir = p.path().to_path_buf();
    let r = vm.blocking_io(Wait::File, move || {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new().mode(mode).create(&dir)
    })?;
    r.map(|_| Value::None).map_err(|e| os_err(vm, e, &path))
}

/// A call on one path that returns nothing.
fn path_call(
    vm: &mut Vm,
    path: &Value,
    func: &str,
    call: fn(&Path) -> std::io::Result<()>,
) -> PyResult<Value> {
    let p = path_arg(vm, path, func, false)?;
    let buf = p.path().to_path_buf();
    match vm.blocking_io(Wait::File, move || call(&buf))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_err(vm, e, path)),
    }
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "rmdir")?;
    path_call(vm, &path, "rmdir", |p| std::fs::remove_dir(p))
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "unlink")?;
    path_call(vm, &path, "unlink", |p| std::fs::remove_file(p))
}

fn remove(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "remove")?;
    path_call(vm, &path, "remove", |p| std::fs::remove_file(p))
}

/// A call on two paths; a failure names both (`'a' -> 'b'`).
fn two_path_call(
    vm: &mut Vm,
    args: &[Value],
    func: &str,
    call: fn(&Path, &Path) -> std::io::Result<()>,
) -> PyResult<Value> {
    let a = path_arg(vm, &args[0], func, false)?;
    let b = path_arg(vm, &args[1], func, false)?;
    let (pa, pb) = (a.path().to_path_buf(), b.path().to_path_buf());
    match vm.blocking_io(Wait::File, move || call(&pa, &pb))? {
        Ok(()) => Ok(Value::None),
        Err(e) => {
            let err = os_err(vm, e, &args[0]);
            if let Value::Instance(i) = &*err {
                i.dict.lock().set_by_str("filename2", args[1].clone());
            }
            Err(err)
        }
    }
}

fn rename(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    two_path_call(vm, args, "rename", |a, b| std::fs::rename(a, b))
}

fn replace(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    two_path_call(vm, args, "replace", |a, b| std::fs::rename(a, b))
}

fn symlink(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    two_path_call(vm, &args[..2], "symlink", |a, b| {
        std::os::unix::fs::symlink(a, b)
    })
}

fn link(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    two_path_call(vm, &args[..2], "link", |a, b| std::fs::hard_link(a, b))
}

fn readlink(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, &args[0], "readlink", false)?;
    let buf = p.path().to_path_buf();
    match vm.blocking_io(Wait::File, move || std::fs::read_link(&buf))? {
        Ok(t) => Ok(name_value(t.as_os_str().as_bytes(), p.is_bytes())),
        Err(e) => Err(os_err(vm, e, &args[0])),
    }
}

fn chmod(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "chmod")?;
    let mode = mode_arg(vm, arg_or_kw(args, kw, 1, "mode"), 0)?;
    let p = path_arg(vm, &path, "chmod", true)?;
    let r = match &p {
        PathArg::Fd(fd) => {
            let fd = *fd;
            vm.blocking_io(Wait::File, move || {
                // SAFETY: fchmod only reads its integer arguments.
                check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }).map(|_| ())
            })?
        }
        PathArg::Name { .. } => {
            let buf = p.path().to_path_buf();
            vm.blocking_io(Wait::File, move || {
                std::fs::set_permissions(&buf, std::fs::Permissions::from_mode(mode))
            })?
        }
    };
    r.map(|_| Value::None).map_err(|e| os_err(vm, e, &path))
}

fn access(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, &args[0], "access", false)?;
    let mode = crate::stdlib::io::int_arg(vm, &args[1])? as libc::c_int;
    let c = p.cstring();
    // SAFETY: `c` is a valid NUL-terminated string that outlives the call.
    let rc = vm.allow_threads(Wait::File, move || unsafe {
        libc::access(c.as_ptr(), mode)
    });
    Ok(Value::Bool(rc == 0))
}

/// A time in seconds as (seconds, nanoseconds).
fn split_time(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let f = match v {
        Value::Int(i) => {
            return Ok(libc::timespec {
                tv_sec: *i as libc::time_t,
                tv_nsec: 0,
            })
        }
        Value::Float(f) => *f,
        _ => crate::vm::arith::to_f64(v).ok_or_else(|| {
            vm.type_error("utime: 'times' must be either a tuple of two ints or None")
        })?,
    };
    let s = f.floor();
    Ok(libc::timespec {
        tv_sec: s as libc::time_t,
        tv_nsec: ((f - s) * 1e9) as libc::c_long,
    })
}

fn utime(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "utime")?;
    let p = path_arg(vm, &path, "utime", false)?;
    let times = arg_or_kw(args, kw, 1, "times")
        .cloned()
        .unwrap_or(Value::None);
    let ns = kwarg(kw, "ns").cloned().unwrap_or(Value::None);
    let follow = follow_kw(vm, kw)?;
    let now = libc::timespec {
        tv_sec: 0,
        tv_nsec: libc::UTIME_NOW,
    };
    let ts: [libc::timespec; 2] = if !times.is_none() {
        if !ns.is_none() {
            return Err(
                vm.value_error("utime: you may specify either 'times' or 'ns' but not both")
            );
        }
        let Value::Tuple(t) = &times else {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        };
        if t.items.len() != 2 {
            return Err(vm.type_error("utime: 'times' must be either a tuple of two ints or None"));
        }
        [split_time(vm, &t.items[0])?, split_time(vm, &t.items[1])?]
    } else if !ns.is_none() {
        let Value::Tuple(t) = &ns else {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        };
        if t.items.len() != 2 {
            return Err(vm.type_error("utime: 'ns' must be a tuple of two ints"));
        }
        let mut out = [now, now];
        for (i, x) in t.items.iter().enumerate() {
            let n = vm.to_index(x)?;
            out[i] = libc::timespec {
                tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
                tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
            };
        }
        out
    } else {
        [now, now]
    };
    let c = p.cstring();
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    let r = vm.blocking_io(Wait::File, move || {
        // SAFETY: `c` is NUL-terminated and `ts` holds two valid timespecs;
        // both outlive the call, which only reads them.
        check(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), ts.as_ptr(), flags) })
    })?;
    r.map(|_| Value::None).map_err(|e| os_err(vm, e, &path))
}

fn truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, &args[0], "truncate", true)?;
    let len = crate::stdlib::io::int_arg(vm, &args[1])?;
    let r = match &p {
        PathArg::Fd(fd) => {
            let fd = *fd;
            vm.blocking_io(Wait::File, move || ftruncate_raw(fd, len))?
        }
        PathArg::Name { .. } => {
            let c = p.cstring();
            vm.blocking_io(Wait::File, move || {
                // SAFETY: `c` is a valid NUL-terminated string for the call.
                check(unsafe { libc::truncate(c.as_ptr(), len as libc::off_t) }).map(|_| ())
            })?
        }
    };
    r.map(|_| Value::None).map_err(|e| os_err(vm, e, &args[0]))
}

pub fn ftruncate_raw(fd: i32, len: i64) -> std::io::Result<()> {
    // SAFETY: ftruncate only reads its integer arguments.
    check(unsafe { libc::ftruncate(fd, len as libc::off_t) }).map(|_| ())
}

// ---- file descriptors ----

fn os_open(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let path = need(vm, args, kw, 0, "path", "open")?;
    let p = path_arg(vm, &path, "open", false)?;
    let flags = match arg_or_kw(args, kw, 1, "flags") {
        Some(f) => crate::stdlib::io::int_arg(vm, f)? as libc::c_int,
        None => return Err(vm.type_error("open() missing required argument 'flags' (pos 2)")),
    };
    let mode = mode_arg(vm, arg_or_kw(args, kw, 2, "mode"), 0o777)?;
    let c = p.cstring();
    let r = vm.blocking_io(Wait::File, move || {
        // SAFETY: `c` is a valid NUL-terminated string for the call.
        check(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) })
    })?;
    r.map(|fd| Value::Int(fd as i64))
        .map_err(|e| os_err(vm, e, &path))
}

/// `read(2)` into a fresh buffer of at most `n` bytes.
pub fn read_raw(fd: i32, buf: &mut [u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for writes of `buf.len()` bytes.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(last_error())
    } else {
        Ok(n as usize)
    }
}

/// One `write(2)`; may write less than asked.
pub fn write_raw(fd: i32, buf: &[u8]) -> std::io::Result<usize> {
    // SAFETY: `buf` is valid for reads of `buf.len()` bytes.
    let n = unsafe { libc::write(fd, buf.as_ptr().cast(), buf.len()) };
    if n < 0 {
        Err(last_error())
    } else {
        Ok(n as usize)
    }
}

pub fn lseek_raw(fd: i32, pos: i64, how: i32) -> std::io::Result<i64> {
    // SAFETY: lseek only reads its integer arguments.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        Err(last_error())
    } else {
        Ok(r as i64)
    }
}

pub fn close_raw(fd: i32) -> std::io::Result<()> {
    // SAFETY: closing a descriptor number has no memory-safety effect; the
    // caller owns `fd` and never uses it again.
    check(unsafe { libc::close(fd) }).map(|_| ())
}

pub fn isatty_raw(fd: i32) -> bool {
    // SAFETY: isatty only reads its integer argument.
    unsafe { libc::isatty(fd) == 1 }
}

fn read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    let n = crate::stdlib::io::int_arg(vm, &args[1])?;
    if n < 0 {
        return Err(vm.os_error_errno(libc::EINVAL, None));
    }
    let r = vm.blocking_io(Wait::File, || {
        crate::stdlib::io::read_new(n as usize, |buf| read_raw(fd, buf))
    })?;
    match r {
        Ok(buf) => Ok(new_bytes(buf)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    let data = crate::stdlib::io::bytes_arg(vm, &args[1])?;
    if fd == 1 || fd == 2 {
        // Keep the order of what print() buffered before it.
        crate::vm::stdio::flush_stdout(vm)?;
    }
    match vm.blocking_io(Wait::File, || write_raw(fd, &data))? {
        Ok(k) => Ok(Value::Int(k as i64)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    match vm.allow_threads(Wait::File, move || close_raw(fd)) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn closerange(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lo = fd_arg(vm, &args[0])?;
    let hi = fd_arg(vm, &args[1])?;
    for fd in lo.max(0)..hi {
        let _ = close_raw(fd);
    }
    Ok(Value::None)
}

fn lseek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    let pos = crate::stdlib::io::int_arg(vm, &args[1])?;
    let how = crate::stdlib::io::int_arg(vm, &args[2])? as i32;
    match vm.blocking_io(Wait::File, move || lseek_raw(fd, pos, how))? {
        Ok(p) => Ok(Value::Int(p)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn fd_call(vm: &mut Vm, v: &Value, call: fn(i32) -> std::io::Result<i64>) -> PyResult<Value> {
    let fd = fd_arg(vm, v)?;
    match vm.blocking_io(Wait::File, move || call(fd))? {
        Ok(n) => Ok(Value::Int(n)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn fsync(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = match crate::stdlib::io::int_arg(vm, &args[0]) {
        Ok(fd) => Value::Int(fd),
        Err(_) => vm.call_method(&args[0], "fileno", &[])?,
    };
    // SAFETY: fsync only reads its integer argument.
    fd_call(vm, &fd, |fd| check(unsafe { libc::fsync(fd) }).map(|_| 0))?;
    Ok(Value::None)
}

fn ftruncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    let len = crate::stdlib::io::int_arg(vm, &args[1])?;
    match vm.blocking_io(Wait::File, move || ftruncate_raw(fd, len))? {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn dup(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // The copy is not inherited by child processes, as in CPython.
    fd_call(vm, &args[0], |fd| {
        // SAFETY: fcntl with F_DUPFD_CLOEXEC only reads its integer arguments.
        check(unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) }).map(|n| n as i64)
    })
}

fn dup2(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    let fd2 = fd_arg(vm, &args[1])?;
    let inheritable = match arg_or_kw(args, kw, 2, "inheritable") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let r = vm.blocking_io(Wait::File, move || {
        // SAFETY: dup2/dup3 only read their integer arguments.
        check(unsafe {
            if inheritable || fd == fd2 {
                libc::dup2(fd, fd2)
            } else {
                libc::dup3(fd, fd2, libc::O_CLOEXEC)
            }
        })
    })?;
    r.map(|n| Value::Int(n as i64))
        .map_err(|e| vm.os_error(&e, None))
}

fn pipe(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` is a valid, writable array of two ints.
    let r = check(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) });
    match r {
        Ok(_) => Ok(Value::tuple(vec![
            Value::Int(fds[0] as i64),
            Value::Int(fds[1] as i64),
        ])),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = fd_arg(vm, &args[0])?;
    Ok(Value::Bool(isatty_raw(fd)))
}

fn get_terminal_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let fd = match args.first() {
        Some(v) => fd_arg(vm, v)?,
        None => 1,
    };
    // SAFETY: an all-zero winsize is a valid value of this plain C struct.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize into `ws`, which is valid.
    let rc = unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) };
    if rc < 0 {
        return Err(vm.os_error(&last_error(), None));
    }
    Ok(Value::tuple(vec![
        Value::Int(ws.ws_col as i64),
        Value::Int(ws.ws_row as i64),
    ]))
}

// ---- the process ----

fn getpid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn getuid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: getuid has no preconditions.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn geteuid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: geteuid has no preconditions.
    Ok(Value::Int(unsafe { libc::geteuid() } as i64))
}

fn getgid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: getgid has no preconditions.
    Ok(Value::Int(unsafe { libc::getgid() } as i64))
}

fn getegid(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: getegid has no preconditions.
    Ok(Value::Int(unsafe { libc::getegid() } as i64))
}

fn cpu_count(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: sysconf only reads its integer argument.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    Ok(if n > 0 {
        Value::Int(n as i64)
    } else {
        Value::None
    })
}

fn umask(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = crate::stdlib::io::int_arg(vm, &args[0])?;
    // SAFETY: umask only sets the process's mask and returns the old one.
    Ok(Value::Int(unsafe { libc::umask(m as libc::mode_t) } as i64))
}

fn kill(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let pid = crate::stdlib::io::int_arg(vm, &args[0])?;
    let sig = crate::stdlib::io::int_arg(vm, &args[1])?;
    // SAFETY: kill only reads its integer arguments.
    match check(unsafe { libc::kill(pid as libc::pid_t, sig as libc::c_int) }) {
        Ok(_) => {
            // A signal to ourselves is handled before returning, as CPython does.
            vm.handle_signals()?;
            Ok(Value::None)
        }
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn exit_now(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let code = crate::stdlib::io::int_arg(vm, &args[0])?;
    // A forked child (a multiprocessing worker) ends here: its own GIL report.
    if crate::vm::fork::is_forked_child() {
        vm.report_gil();
    }
    // SAFETY: _exit ends the process at once; nothing runs after it.
    unsafe { libc::_exit(code as libc::c_int) }
}

fn strerror(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let code = crate::stdlib::io::int_arg(vm, &args[0])? as i32;
    let text = std::io::Error::from_raw_os_error(code).to_string();
    Ok(new_str(match text.rfind(" (os error ") {
        Some(i) => &text[..i],
        None => &text,
    }))
}

fn urandom(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = crate::stdlib::io::int_arg(vm, &args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    let r = vm.blocking_io(Wait::File, || {
        use std::io::Read;
        std::fs::File::open("/dev/urandom")?.read_exact(&mut buf)
    })?;
    match r {
        Ok(()) => Ok(new_bytes(buf)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn env_key(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let b = match v {
        Value::Str(s) => fs_encode(s.as_str()),
        Value::Bytes(b) => b.as_bytes().to_vec(),
        _ => return Err(vm.type_error(format!("str expected, not {}", vm.type_name(v)))),
    };
    if b.contains(&0) {
        return Err(vm.value_error("embedded null byte"));
    }
    Ok(b)
}

fn putenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let k = env_key(vm, &args[0])?;
    let v = env_key(vm, &args[1])?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::set_var(OsStr::from_bytes(&k), OsStr::from_bytes(&v));
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let k = env_key(vm, &args[0])?;
    if k.is_empty() || k.contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(OsStr::from_bytes(&k));
    Ok(Value::None)
}

fn fspath(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(p) = arg_or_kw(args, kw, 0, "path").cloned() else {
        return Err(vm.type_error("fspath() missing required argument 'path' (pos 1)"));
    };
    match fspath_value(vm, &p)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(&p)
        ))),
    }
}

fn uname(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    // SAFETY: an all-zero utsname is a valid value of this plain C struct.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: `u` is a valid, writable utsname; uname only writes it.
    unsafe { libc::uname(&mut u) };
    let field = |f: &[libc::c_char]| {
        let b: Vec<u8> = f
            .iter()
            .take_while(|&&c| c != 0)
            .map(|&c| c as u8)
            .collect();
        new_str(fs_decode(&b))
    };
    Ok(Value::tuple(vec![
        field(&u.sysname),
        field(&u.nodename),
        field(&u.release),
        field(&u.version),
        field(&u.machine),
    ]))
}

fn getloadavg(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut l = [0f64; 3];
    // SAFETY: `l` is a valid, writable array of three doubles.
    if unsafe { libc::getloadavg(l.as_mut_ptr(), 3) } != 3 {
        return Err(vm.new_error(
            &vm.types().exc.OSError.clone(),
            "Load averages are unobtainable",
        ));
    }
    Ok(Value::tuple(l.iter().map(|&x| Value::Float(x)).collect()))
}

/// `statvfs(path)`: `(bsize, frsize, blocks, bfree, bavail, files, ffree,
/// favail, flag, namemax)`.
fn statvfs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = path_arg(vm, &args[0], "statvfs", true)?;
    let c = p.cstring();
    let fd = match p {
        PathArg::Fd(fd) => Some(fd),
        PathArg::Name { .. } => None,
    };
    let r = vm.blocking_io(Wait::File, move || {
        // SAFETY: an all-zero statvfs is a valid value of this plain C struct.
        let mut s: libc::statvfs = unsafe { std::mem::zeroed() };
        // SAFETY: `s` is a valid, writable statvfs and `c` a NUL-terminated
        // string; both outlive the call, which only writes `s`.
        let rc = unsafe {
            match fd {
                Some(fd) => libc::fstatvfs(fd, &mut s),
                None => libc::statvfs(c.as_ptr(), &mut s),
            }
        };
        check(rc).map(|_| s)
    })?;
    match r {
        Ok(s) => {
            let int = |n: u64| Value::from_bigint(num_bigint::BigInt::from(n));
            Ok(Value::tuple(vec![
                int(s.f_bsize),
                int(s.f_frsize),
                int(s.f_blocks),
                int(s.f_bfree),
                int(s.f_bavail),
                int(s.f_files),
                int(s.f_ffree),
                int(s.f_favail),
                int(s.f_flag),
                int(s.f_namemax),
            ]))
        }
        Err(e) => Err(os_err(vm, e, &args[0])),
    }
}

/// Fills the `posix` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("stat", Arity::ANY, stat),
        ("lstat", Arity::ANY, lstat),
        ("fstat", Arity::exact(1), fstat),
        ("getcwd", Arity::exact(0), getcwd),
        ("getcwdb", Arity::exact(0), getcwdb),
        ("chdir", Arity::exact(1), chdir),
        ("listdir", Arity::range(0, 1), listdir),
        ("_scandir", Arity::range(0, 1), scandir_list),
        ("mkdir", Arity::ANY, mkdir),
        ("rmdir", Arity::ANY, rmdir),
        ("unlink", Arity::ANY, unlink),
        ("remove", Arity::ANY, remove),
        ("rename", Arity::exact(2), rename),
        ("replace", Arity::exact(2), replace),
        ("symlink", Arity::range(2, 3), symlink),
        ("link", Arity::exact(2), link),
        ("readlink", Arity::exact(1), readlink),
        ("chmod", Arity::ANY, chmod),
        ("access", Arity::exact(2), access),
        ("utime", Arity::ANY, utime),
        ("truncate", Arity::exact(2), truncate),
        ("open", Arity::ANY, os_open),
        ("read", Arity::exact(2), read),
        ("write", Arity::exact(2), write),
        ("close", Arity::exact(1), close),
        ("closerange", Arity::exact(2), closerange),
        ("lseek", Arity::exact(3), lseek),
        ("fsync", Arity::exact(1), fsync),
        ("ftruncate", Arity::exact(2), ftruncate),
        ("dup", Arity::exact(1), dup),
        ("dup2", Arity::range(2, 3), dup2),
        ("pipe", Arity::exact(0), pipe),
        ("isatty", Arity::exact(1), isatty),
        ("get_terminal_size", Arity::range(0, 1), get_terminal_size),
        ("getpid", Arity::exact(0), getpid),
        ("getppid", Arity::exact(0), getppid),
        ("getuid", Arity::exact(0), getuid),
        ("geteuid", Arity::exact(0), geteuid),
        ("getgid", Arity::exact(0), getgid),
        ("getegid", Arity::exact(0), getegid),
        ("cpu_count", Arity::exact(0), cpu_count),
        ("umask", Arity::exact(1), umask),
        ("kill", Arity::exact(2), kill),
        ("_exit", Arity::exact(1), exit_now),
        ("strerror", Arity::exact(1), strerror),
        ("urandom", Arity::exact(1), urandom),
        ("putenv", Arity::exact(2), putenv),
        ("unsetenv", Arity::exact(1), unsetenv),
        ("fspath", Arity::ANY, fspath),
        ("uname", Arity::exact(0), uname),
        ("getloadavg", Arity::exact(0), getloadavg),
        ("statvfs", Arity::exact(1), statvfs),
    ];
    add_functions(vm, d, fns);
    super::process::init(vm, d);
    let mut env = DictMap::new();
    for (k, v) in std::env::vars_os() {
        env.set_by_str(&fs_decode(k.as_bytes()), new_str(fs_decode(v.as_bytes())));
    }
    d.set_by_str("environ", Value::dict(env));
    let ints: &[(&str, i64)] = &[
        ("F_OK", libc::F_OK as i64),
        ("R_OK", libc::R_OK as i64),
        ("W_OK", libc::W_OK as i64),
        ("X_OK", libc::X_OK as i64),
        ("O_RDONLY", libc::O_RDONLY as i64),
        ("O_WRONLY", libc::O_WRONLY as i64),
        ("O_RDWR", libc::O_RDWR as i64),
        ("O_APPEND", libc::O_APPEND as i64),
        ("O_CREAT", libc::O_CREAT as i64),
        ("O_EXCL", libc::O_EXCL as i64),
        ("O_TRUNC", libc::O_TRUNC as i64),
        ("O_NONBLOCK", libc::O_NONBLOCK as i64),
        ("O_NOCTTY", libc::O_NOCTTY as i64),
        ("O_CLOEXEC", libc::O_CLOEXEC as i64),
        ("O_DIRECTORY", libc::O_DIRECTORY as i64),
        ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
        ("O_SYNC", libc::O_SYNC as i64),
        ("O_DSYNC", libc::O_DSYNC as i64),
        ("O_ACCMODE", libc::O_ACCMODE as i64),
        ("SEEK_SET", 0),
        ("SEEK_CUR", 1),
        ("SEEK_END", 2),
        ("SEEK_DATA", libc::SEEK_DATA as i64),
        ("SEEK_HOLE", libc::SEEK_HOLE as i64),
        ("EX_OK", 0),
        ("WNOHANG", libc::WNOHANG as i64),
    ];
    for &(name, v) in ints {
        d.set_by_str(name, Value::Int(v));
    }
    Ok(())
}
