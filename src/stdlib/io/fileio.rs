//! `FileIO`: unbuffered reads and writes on a file descriptor.

use super::*;
use crate::stdlib::posix::{self, PathArg};
use std::sync::atomic::AtomicI32;
use std::sync::Arc;

/// An open (or closed: `fd` is -1) file descriptor and what it may do.
/// Shared by the `FileIO` object and the buffered object on top of it, which
/// reads and writes the descriptor directly. The descriptor is closed when
/// the last holder goes, unless `closefd` is false.
pub struct RawFile {
    pub fd: AtomicI32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// -1 unknown, 0 no, 1 yes.
    seekable: AtomicI32,
    pub blksize: i64,
    /// Set once a write to a standard stream's descriptor must first flush
    /// what `print` buffered.
    pub std: Option<u8>,
}

impl RawFile {
    pub fn fd(&self) -> i32 {
        self.fd.load(Ordering::Acquire)
    }

    pub fn is_closed(&self) -> bool {
        self.fd() < 0
    }

    /// Closes the descriptor (once); the result of `close(2)`.
    pub fn close(&self) -> std::io::Result<()> {
        let fd = self.fd.swap(-1, Ordering::AcqRel);
        if fd >= 0 && self.closefd {
            posix::close_raw(fd)
        } else {
            Ok(())
        }
    }

    pub fn seekable(&self) -> bool {
        match self.seekable.load(Ordering::Relaxed) {
            -1 => {
                let ok = posix::lseek_raw(self.fd(), 0, libc::SEEK_CUR).is_ok();
                self.seekable.store(ok as i32, Ordering::Relaxed);
                ok
            }
            n => n == 1,
        }
    }

    /// `FileIO.mode` as CPython spells it.
    pub fn mode(&self) -> &'static str {
        match (self.created, self.appending, self.readable, self.writable) {
            (true, _, true, _) => "xb+",
            (true, _, false, _) => "xb",
            (_, true, true, _) => "ab+",
            (_, true, false, _) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }

    /// A raw file over an already open descriptor (the standard streams).
    pub fn from_fd(fd: i32, readable: bool, writable: bool, std: Option<u8>) -> RawFile {
        RawFile {
            fd: AtomicI32::new(fd),
            readable,
            writable,
            appending: false,
            created: false,
            closefd: false,
            seekable: AtomicI32::new(-1),
            blksize: DEFAULT_BUFFER_SIZE as i64,
            std,
        }
    }

    // The operations, with the GIL released around each system call.

    pub fn read_into(&self, vm: &mut Vm, buf: &mut [u8]) -> PyResult<std::io::Result<usize>> {
        let fd = self.fd();
        vm.blocking_io(Wait::File, || posix::read_raw(fd, buf))
    }

    /// Reads up to `n` bytes.
    pub fn read_vec(&self, vm: &mut Vm, n: usize) -> PyResult<std::io::Result<Vec<u8>>> {
        let fd = self.fd();
        vm.blocking_io(Wait::File, || {
            super::read_new(n, |buf| posix::read_raw(fd, buf))
        })
    }

    /// Reads to the end of the file.
    pub fn read_all(&self, vm: &mut Vm) -> PyResult<std::io::Result<Vec<u8>>> {
        let fd = self.fd();
        let regular = matches!(
            posix::fstat_mode_size(fd),
            Ok((mode, _, _)) if mode & libc::S_IFMT == libc::S_IFREG
        );
        if regular {
            // The standard library sizes the buffer from the file's size
            // and reads without zeroing it first.
            return vm.blocking_io(Wait::File, move || {
                use std::io::Read;
                use std::os::fd::FromRawFd;
                // SAFETY: `fd` is open (owned by this RawFile, which outlives
                // the call); ManuallyDrop keeps the File from closing it.
                let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(fd) });
                let mut out = Vec::new();
                (&*file).read_to_end(&mut out).map(|_| out)
            });
        }
        let mut out: Vec<u8> = Vec::new();
        let mut chunk = vec![0u8; DEFAULT_BUFFER_SIZE * 8];
        loop {
            let r = vm.blocking_io(Wait::File, || posix::read_raw(fd, &mut chunk))?;
            match r {
                Ok(0) => return Ok(Ok(out)),
                Ok(k) => out.extend_from_slice(&chunk[..k]),
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock && !out.is_empty() => {
                    return Ok(Ok(out))
                }
                Err(e) => return Ok(Err(e)),
            }
        }
    }

    /// One write; may write less than given.
    pub fn write_some(&self, vm: &mut Vm, data: &[u8]) -> PyResult<std::io::Result<usize>> {
        if let Some(1 | 2) = self.std {
            crate::vm::stdio::flush_stdout(vm)?;
        }
        let fd = self.fd();
        vm.blocking_io(Wait::File, || posix::write_raw(fd, data))
    }

    /// Writes everything (retrying short writes).
    pub fn write_all(&self, vm: &mut Vm, data: &[u8]) -> PyResult<std::io::Result<()>> {
        let mut done = 0;
        while done < data.len() {
            match self.write_some(vm, &data[done..])? {
                Ok(0) => return Ok(Err(std::io::ErrorKind::WriteZero.into())),
                Ok(k) => done += k,
                Err(e) => return Ok(Err(e)),
            }
        }
        Ok(Ok(()))
    }

    /// Writes everything without the interpreter (destructors, exit).
    pub fn write_all_plain(&self, data: &[u8]) {
        let fd = self.fd();
        let mut done = 0;
        while done < data.len() && fd >= 0 {
            match posix::write_raw(fd, &data[done..]) {
                Ok(0) => return,
                Ok(k) => done += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return,
            }
        }
    }

    pub fn seek(&self, vm: &mut Vm, pos: i64, whence: i32) -> PyResult<std::io::Result<i64>> {
        let fd = self.fd();
        vm.blocking_io(Wait::File, move || posix::lseek_raw(fd, pos, whence))
    }

    pub fn truncate(&self, vm: &mut Vm, size: i64) -> PyResult<std::io::Result<()>> {
        let fd = self.fd();
        vm.blocking_io(Wait::File, move || posix::ftruncate_raw(fd, size))
    }
}

impl Drop for RawFile {
    fn drop(&mut self) {
        let fd = *self.fd.get_mut();
        if fd >= 0 && self.closefd {
            let _ = posix::close_raw(fd);
        }
    }
}

/// The data of a `FileIO` object.
pub struct FileIO {
    pub raw: Mutex<Arc<RawFile>>,
    pub name: Mutex<Value>,
}

impl FileIO {
    pub fn raw(&self) -> Arc<RawFile> {
        self.raw.lock().clone()
    }
}

fn this(vm: &Vm, args: &[Value]) -> PyResult<Arc<RawFile>> {
    let f = this_object::<FileIO>(vm, args, "_io.FileIO")?;
    Ok(f.raw())
}

/// `self`'s raw file, checked open.
fn open_raw(vm: &Vm, args: &[Value]) -> PyResult<Arc<RawFile>> {
    let raw = this(vm, args)?;
    if raw.is_closed() {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(raw)
}

fn check_readable(vm: &Vm, raw: &RawFile) -> PyResult<()> {
    if raw.readable {
        Ok(())
    } else {
        Err(unsupported(vm, "File not open for reading"))
    }
}

fn check_writable(vm: &Vm, raw: &RawFile) -> PyResult<()> {
    if raw.writable {
        Ok(())
    } else {
        Err(unsupported(vm, "File not open for writing"))
    }
}

/// What a `mode` string of `FileIO` asks for.
pub struct RawMode {
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub truncate: bool,
}

pub fn parse_raw_mode(vm: &Vm, mode: &str) -> PyResult<RawMode> {
    let mut m = RawMode {
        readable: false,
        writable: false,
        appending: false,
        created: false,
        truncate: false,
    };
    let (mut rwa, mut plus) = (0, false);
    let bad = || {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    for c in mode.chars() {
        match c {
            'x' => {
                rwa += 1;
                m.created = true;
                m.writable = true;
            }
            'r' => {
                rwa += 1;
                m.readable = true;
            }
            'w' => {
                rwa += 1;
                m.writable = true;
                m.truncate = true;
            }
            'a' => {
                rwa += 1;
                m.writable = true;
                m.appending = true;
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                plus = true;
                m.readable = true;
                m.writable = true;
            }
            'b' => {}
            _ => return Err(vm.value_error(format!("invalid mode: {}", mode))),
        }
    }
    if rwa != 1 {
        return Err(bad());
    }
    Ok(m)
}

/// Opens `file` (a name, bytes, a path-like object or a descriptor) as
/// `FileIO(file, mode, closefd, opener)` does; the raw file and its `name`.
pub fn open_raw_file(
    vm: &mut Vm,
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: &Value,
) -> PyResult<(RawFile, Value)> {
    let m = parse_raw_mode(vm, mode)?;
    let mut flags = if m.readable && m.writable {
        libc::O_RDWR
    } else if m.readable {
        libc::O_RDONLY
    } else {
        libc::O_WRONLY
    };
    if m.created {
        flags |= libc::O_EXCL | libc::O_CREAT;
    }
    if m.truncate {
        flags |= libc::O_CREAT | libc::O_TRUNC;
    }
    if m.appending {
        flags |= libc::O_APPEND | libc::O_CREAT;
    }
    flags |= libc::O_CLOEXEC;
    if matches!(file, Value::Float(_)) {
        return Err(vm.type_error("integer argument expected, got float"));
    }
    let (fd, name, closefd) = if matches!(file, Value::Int(_) | Value::Bool(_)) {
        let fd = vm.to_index(file)?;
        if fd < 0 {
            return Err(vm.value_error("negative file descriptor"));
        }
        (fd as i32, file.clone(), closefd)
    } else {
        if !closefd {
            return Err(vm.value_error("Cannot use closefd=False with file name"));
        }
        let p = match posix::path_arg(vm, file, "open", false) {
            Ok(p) => p,
            Err(e) if vm.isinstance(&e, &vm.types().exc.TypeError.clone()) => {
                if posix::fspath_value(vm, file).is_ok_and(|v| v.is_none()) {
                    return Err(vm.type_error(format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        vm.type_name(file)
                    )));
                }
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        let fd = if opener.is_none() {
            let c = match &p {
                PathArg::Name { .. } => p.cstring(),
                PathArg::Fd(_) => unreachable!("path_arg without descriptors"),
            };
            let r = vm.blocking_io(Wait::File, move || {
                // SAFETY: `c` is a valid NUL-terminated string for the call.
                let fd = unsafe { libc::open(c.as_ptr(), flags, 0o666 as libc::c_uint) };
                if fd < 0 {
                    Err(std::io::Error::last_os_error())
                } else {
                    Ok(fd)
                }
            })?;
            r.map_err(|e| vm.os_error(&e, Some(file.clone())))?
        } else {
            let r = vm.call(opener, &[file.clone(), Value::Int(flags as i64)], &[])?;
            let fd = int_arg(vm, &r)?;
            if fd < 0 {
                return Err(vm.value_error(format!("opener returned {}", fd)));
            }
            fd as i32
        };
        (fd, file.clone(), true)
    };
    let close_on_error = |vm: &Vm, e: std::io::Error| {
        if closefd {
            let _ = posix::close_raw(fd);
        }
        vm.os_error(&e, Some(name.clone()))
    };
    let (st_mode, _, blksize) = vm
        .blocking_io(Wait::File, move || posix::fstat_mode_size(fd))?
        .map_err(|e| close_on_error(vm, e))?;
    if st_mode & libc::S_IFMT == libc::S_IFDIR {
        return Err(close_on_error(
            vm,
            std::io::Error::from_raw_os_error(libc::EISDIR),
        ));
    }
    if m.appending {
        // Where a later tell() expects to be; failure (a pipe) is fine.
        let _ = posix::lseek_raw(fd, 0, libc::SEEK_END);
    }
    let raw = RawFile {
        fd: AtomicI32::new(fd),
        readable: m.readable,
        writable: m.writable,
        appending: m.appending,
        created: m.created,
        closefd,
        seekable: AtomicI32::new(-1),
        blksize: if blksize > 1 {
            blksize
        } else {
            DEFAULT_BUFFER_SIZE as i64
        },
        std: None,
    };
    Ok((raw, name))
}

/// `FileIO.__new__`: an object with no file yet (`__init__` opens it).
fn fileio_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut raw = RawFile::from_fd(-1, false, false, None);
    raw.closefd = true;
    let obj = new_object_of(
        match args.first() {
            Some(Value::Class(c)) if c.builtin => c.clone(),
            _ => class_for::<FileIO>(vm),
        },
        FileIO {
            raw: Mutex::new(Arc::new(raw)),
            name: Mutex::new(Value::None),
        },
    );
    Ok(match args.first() {
        Some(cls @ Value::Class(c)) if !c.builtin => vm.wrap_for_subclass(cls, obj),
        _ => obj,
    })
}

/// `FileIO(file, mode='r', closefd=True, opener=None)`.
fn fileio_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(file) = arg_or_kw(args, kw, 1, "file").cloned() else {
        return Err(vm.type_error("FileIO() missing required argument 'file' (pos 1)"));
    };
    let mode = match arg_or_kw(args, kw, 2, "mode") {
        None => "r".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(v) => {
            return Err(vm.type_error(format!(
                "FileIO() argument 'mode' must be str, not {}",
                vm.type_name(v)
            )))
        }
    };
    let closefd = flag(vm, arg_or_kw(args, kw, 3, "closefd"), true)?;
    let opener = arg_or_kw(args, kw, 4, "opener")
        .cloned()
        .unwrap_or(Value::None);
    let (raw, name) = open_raw_file(vm, &file, &mode, closefd, &opener)?;
    let Some(f) = args.first().and_then(downcast::<FileIO>) else {
        return Err(vm.type_error("descriptor '__init__' requires a '_io.FileIO' object"));
    };
    // The object made by __new__ holds an unopened file: put the real one
    // in (a file opened by an earlier __init__ closes when its last holder goes).
    *f.raw.lock() = Arc::new(raw);
    *f.name.lock() = name;
    Ok(Value::None)
}

/// Makes a `FileIO` object around an open raw file.
pub fn new_fileio(vm: &Vm, raw: Arc<RawFile>, name: Value) -> Value {
    new_object(
        vm,
        FileIO {
            raw: Mutex::new(raw),
            name: Mutex::new(name),
        },
    )
}

fn read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    check_readable(vm, &raw)?;
    let r = match size_arg(vm, args.get(1))? {
        None => raw.read_all(vm)?,
        Some(n) => raw.read_vec(vm, n)?,
    };
    match r {
        Ok(b) => Ok(new_bytes(b)),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn readall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    check_readable(vm, &raw)?;
    match raw.read_all(vm)? {
        Ok(b) => Ok(new_bytes(b)),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    check_readable(vm, &raw)?;
    let n = target_len(vm, &args[1])?;
    match raw.read_vec(vm, n)? {
        Ok(b) => Ok(Value::Int(fill_target(vm, &args[1], &b)? as i64)),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    check_writable(vm, &raw)?;
    let data = bytes_arg(vm, &args[1])?;
    match raw.write_some(vm, &data)? {
        Ok(k) => Ok(Value::Int(k as i64)),
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Ok(Value::None),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

/// `whence` of a `seek` call, checked.
pub fn whence_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i32> {
    let w = match v {
        None => 0,
        Some(v) => int_arg(vm, v)?,
    };
    if !(0..=4).contains(&w) {
        return Err(vm.value_error(format!("invalid whence ({}, should be 0, 1 or 2)", w)));
    }
    Ok(w as i32)
}

fn seek(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    let pos = int_arg(vm, &args[1])?;
    // An unknown whence is the system's EINVAL, as in CPython.
    let whence = match args.get(2) {
        Some(w) => int_arg(vm, w)? as i32,
        None => 0,
    };
    match raw.seek(vm, pos, whence)? {
        Ok(p) => Ok(Value::Int(p)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    match raw.seek(vm, 0, libc::SEEK_CUR)? {
        Ok(p) => Ok(Value::Int(p)),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn truncate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    check_writable(vm, &raw)?;
    let size = match args.get(1) {
        None | Some(Value::None) => {
            let r = raw.seek(vm, 0, libc::SEEK_CUR)?;
            io_result(vm, r)?
        }
        Some(v) => int_arg(vm, v)?,
    };
    let r = raw.truncate(vm, size)?;
    io_result(vm, r)?;
    Ok(Value::Int(size))
}

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = this(vm, args)?;
    let r = vm.allow_threads(Wait::File, || raw.close());
    io_result(vm, r)?;
    Ok(Value::None)
}

fn closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args)?.is_closed()))
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(open_raw(vm, args)?.fd() as i64))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = open_raw(vm, args)?;
    let fd = raw.fd();
    Ok(Value::Bool(
        vm.allow_threads(Wait::File, move || posix::isatty_raw(fd)),
    ))
}

fn readable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(open_raw(vm, args)?.readable))
}

fn writable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(open_raw(vm, args)?.writable))
}

fn seekable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(open_raw(vm, args)?.seekable()))
}

fn mode(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(this(vm, args)?.mode()))
}

fn closefd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(this(vm, args)?.closefd))
}

fn name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = this_object::<FileIO>(vm, args, "_io.FileIO")?;
    let n = f.name.lock().clone();
    if n.is_none() {
        return Err(vm.attr_error("'_io.FileIO' object has no attribute 'name'"));
    }
    Ok(n)
}

fn blksize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this(vm, args)?.blksize))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let raw = this(vm, args)?;
    if raw.is_closed() {
        return Ok(new_str("<_io.FileIO [closed]>"));
    }
    let name = {
        let f = this_object::<FileIO>(vm, args, "_io.FileIO")?;
        let n = f.name.lock().clone();
        n
    };
    let closefd = if raw.closefd { "True" } else { "False" };
    Ok(new_str(if name.is_none() {
        format!(
            "<_io.FileIO fd={} mode='{}' closefd={}>",
            raw.fd(),
            raw.mode(),
            closefd
        )
    } else {
        format!(
            "<_io.FileIO name={} mode='{}' closefd={}>",
            vm.repr(&name)?,
            raw.mode(),
            closefd
        )
    }))
}

pub fn register(vm: &mut Vm, d: &mut DictMap, base: &ClassRef) {
    let cls = native_class::<FileIO>(
        vm,
        "FileIO",
        "_io",
        Some(base.clone()),
        &[
            ("__new__", Arity::ANY, fileio_new),
            ("__init__", Arity::ANY, fileio_init),
            ("read", Arity::range(0, 1), read),
            ("readall", Arity::exact(0), readall),
            ("readinto", Arity::exact(1), readinto),
            ("write", Arity::exact(1), write),
            ("seek", Arity::range(1, 2), seek),
            ("tell", Arity::exact(0), tell),
            ("truncate", Arity::range(0, 1), truncate),
            ("close", Arity::exact(0), close),
            ("fileno", Arity::exact(0), fileno),
            ("isatty", Arity::exact(0), isatty),
            ("readable", Arity::exact(0), readable),
            ("writable", Arity::exact(0), writable),
            ("seekable", Arity::exact(0), seekable),
            ("__repr__", Arity::exact(0), repr),
        ],
    );
    add_getters(
        vm,
        &cls,
        &[
            ("closed", closed),
            ("mode", mode),
            ("closefd", closefd),
            ("name", name),
            ("_blksize", blksize),
        ],
    );
    d.set_by_str("FileIO", Value::Class(cls));
}
