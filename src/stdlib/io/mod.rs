//! `_io`: files, buffers and text streams, natively (CPython's `Modules/_io`),
//! under the Python-written `io`.
//!
//! The layers are CPython's: `FileIO` (a file descriptor) under
//! `BufferedReader`/`BufferedWriter`/`BufferedRandom` under `TextIOWrapper`,
//! plus the in-memory `BytesIO` and `StringIO`. When a layer sits on gilpy's
//! own lower layer it reaches it directly (no Python call per operation); on
//! any other object it calls that object's Python methods.
//!
//! Each object keeps its mutable state behind a [`Locked`] mutex: two threads
//! using one file see whole operations, never a torn buffer. Every system
//! call that can block runs with the GIL released.

mod base;
mod buffered;
mod fileio;
mod lock;
mod memio;
mod open;
mod text;
mod textcore;

pub use fileio::RawFile;
pub use lock::{Locked, LockedGuard};

use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use std::sync::atomic::Ordering;

/// `io.DEFAULT_BUFFER_SIZE`.
pub const DEFAULT_BUFFER_SIZE: usize = 8192;

// ---- errors ----

/// `ValueError: I/O operation on closed file.`
pub fn closed_error(vm: &Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

/// Marker for the class `io.UnsupportedOperation` in the native class table.
struct UnsupportedMarker;

/// `io.UnsupportedOperation(msg)`.
pub fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    let cls = class_for::<UnsupportedMarker>(vm);
    let e = vm.new_error(&cls, msg);
    // As an OSError made from one argument.
    if let Value::Instance(i) = &*e {
        let mut d = i.dict.lock();
        for name in ["errno", "strerror", "filename", "filename2"] {
            d.set_by_str(name, Value::None);
        }
    }
    e
}

/// `ValueError: raw stream has been detached` and its text twin.
pub fn detached_error(vm: &Vm, what: &str) -> PyErr {
    vm.value_error(format!("{} has been detached", what))
}

/// Raises the `OSError` for a failed system call.
pub fn io_result<T>(vm: &Vm, r: std::io::Result<T>) -> PyResult<T> {
    r.map_err(|e| vm.os_error(&e, None))
}

// ---- arguments ----

/// A `size` argument: `None` or negative means "all".
pub fn size_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_))) => {
            let n = vm.to_index(v)?;
            Ok(usize::try_from(n).ok())
        }
        Some(v) => Err(vm.type_error(format!(
            "argument should be integer or None, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The `size` of `read`: `None` or -1 means "all"; below -1 is an error.
pub fn read_size(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(x) => {
            if !matches!(
                x,
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_)
            ) {
                return Err(vm.type_error(format!(
                    "argument should be integer or None, not '{}'",
                    vm.type_name(x)
                )));
            }
            match vm.to_index(x)? {
                -1 => Ok(None),
                n if n < 0 => Err(vm.value_error("read length must be non-negative or -1")),
                n => Ok(Some(n as usize)),
            }
        }
    }
}

/// Reads at most `n` bytes with `read` (one system call) into a new
/// buffer of the size read. A large request that returns little (asyncio's
/// `recv(262144)`, `os.read(fd, 65536)` on a pipe) goes through a per-thread
/// scratch buffer, instead of zeroing a fresh allocation of `n` bytes and
/// shrinking it on every call.
pub fn read_new(
    n: usize,
    read: impl FnOnce(&mut [u8]) -> std::io::Result<usize>,
) -> std::io::Result<Vec<u8>> {
    const SMALL: usize = 4096;
    const SCRATCH_MAX: usize = 1 << 20;
    if n <= SMALL || n > SCRATCH_MAX {
        let mut buf = vec![0u8; n];
        let k = read(&mut buf)?;
        buf.truncate(k);
        return Ok(buf);
    }
    thread_local! {
        static SCRATCH: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    SCRATCH.with(|scratch| {
        // `read` is a system call: nothing re-enters while it is borrowed.
        let mut scratch = scratch.borrow_mut();
        if scratch.len() < n {
            scratch.resize(n, 0);
        }
        let k = read(&mut scratch[..n])?;
        Ok(scratch[..k].to_vec())
    })
}

/// An integer argument (`whence`, an offset, a file descriptor).
pub fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Float(_) | Value::Str(_) | Value::None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
        _ => vm.to_index(v),
    }
}

/// A boolean flag given as any object (its truth value).
pub fn flag(vm: &mut Vm, v: Option<&Value>, default: bool) -> PyResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => vm.truthy(v),
    }
}

/// A str-or-None argument.
pub fn opt_str(vm: &Vm, v: Option<&Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(v) => Err(vm.type_error(format!(
            "{} must be str or None, not {}",
            what,
            vm.type_name(v)
        ))),
    }
}

/// The data of a bytes-like argument of `write`.
pub fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match crate::vm::bytes::bytes_like(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The writable length of a `readinto` target.
pub fn target_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    let v = crate::vm::ops::unwrap_base(v);
    if let Value::Native(n) = &v {
        match &**n {
            Native::ByteArray(a) => return Ok(a.lock().len()),
            Native::MemoryView(m) if !m.readonly => return Ok(m.to_vec().len()),
            _ => {}
        }
    }
    Err(vm.type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        vm.type_name(&v)
    )))
}

/// Copies `data` to the start of a writable buffer (`bytearray` or a
/// writable `memoryview`); returns the bytes copied.
pub fn fill_target(vm: &Vm, v: &Value, data: &[u8]) -> PyResult<usize> {
    let v = crate::vm::ops::unwrap_base(v);
    if let Value::Native(n) = &v {
        match &**n {
            Native::ByteArray(a) => {
                let mut a = a.lock();
                let k = data.len().min(a.len());
                a[..k].copy_from_slice(&data[..k]);
                return Ok(k);
            }
            Native::MemoryView(m) if !m.readonly => {
                let k = data.len().min(m.to_vec().len());
                if let Value::Native(o) = crate::vm::ops::unwrap_base(&m.obj) {
                    if let Native::ByteArray(a) = &*o {
                        let mut a = a.lock();
                        let end = (m.start + k).min(a.len());
                        let k = end.saturating_sub(m.start);
                        a[m.start..end].copy_from_slice(&data[..k]);
                        return Ok(k);
                    }
                }
                return Ok(0);
            }
            _ => {}
        }
    }
    Err(vm.type_error(format!(
        "readinto() argument must be read-write bytes-like object, not {}",
        vm.type_name(&v)
    )))
}

/// A fresh `bytearray` of `n` zero bytes (for `readinto` on Python objects).
pub fn new_bytearray(n: usize) -> Value {
    Value::native(Native::ByteArray(crate::vm::sync::PyCell::new(vec![0; n])))
}

/// The first `n` bytes of a `bytearray` made by [`new_bytearray`].
pub fn bytearray_prefix(v: &Value, n: usize) -> Vec<u8> {
    match v {
        Value::Native(x) => match &**x {
            Native::ByteArray(a) => {
                let a = a.lock();
                a[..n.min(a.len())].to_vec()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `self`'s `repr`-visible name: `name=...` part of a file's repr, or
/// nothing when the object has no `name` attribute.
pub fn name_repr(vm: &mut Vm, obj: &Value) -> PyResult<Option<String>> {
    match vm.getattr_str(obj, "name") {
        Ok(n) => Ok(Some(vm.repr(&n)?)),
        Err(e)
            if vm.isinstance(&e, &vm.types().exc.AttributeError.clone())
                || vm.isinstance(&e, &vm.types().exc.ValueError.clone()) =>
        {
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

// ---- the module ----

/// Fills the `_io` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let exc = &vm.types().exc;
    let mut ns = DictMap::new();
    ns.set_by_str("__module__", new_str("io"));
    let unsupported = make_class(
        vm.intern("UnsupportedOperation"),
        vm.intern("UnsupportedOperation"),
        vec![exc.OSError.clone(), exc.ValueError.clone()],
        ns,
        false,
    )
    .expect("OSError and ValueError have a consistent MRO");
    vm.interp.native_classes.lock().insert(
        std::any::TypeId::of::<UnsupportedMarker>(),
        unsupported.clone(),
    );
    d.set_by_str("UnsupportedOperation", Value::Class(unsupported));
    d.set_by_str(
        "BlockingIOError",
        Value::Class(vm.types().exc.BlockingIOError.clone()),
    );
    d.set_by_str(
        "DEFAULT_BUFFER_SIZE",
        Value::Int(DEFAULT_BUFFER_SIZE as i64),
    );
    let bases = base::register(vm, d);
    fileio::register(vm, d, &bases.raw);
    buffered::register(vm, d, &bases.buffered);
    memio::register(vm, d, &bases.buffered, &bases.text);
    text::register(vm, d, &bases.text);
    add_functions(
        vm,
        d,
        &[
            ("open", Arity::ANY, open::open),
            ("open_code", Arity::exact(1), open::open_code),
            ("text_encoding", Arity::range(1, 2), open::text_encoding),
        ],
    );
    // The built-in open() is this one from now on (`io.open is open`).
    if let Some(f) = d.get_by_str("open").cloned() {
        vm.interp.builtins.lock().set_by_str("open", f);
    }
    exit_flush::install();
    Ok(())
}

/// The objects behind `sys.stdin`, `sys.stdout` and `sys.stderr`.
pub fn std_streams(vm: &mut Vm) -> PyResult<[Value; 3]> {
    vm.import("_io", false)?;
    Ok([
        open::std_stream(vm, 0)?,
        open::std_stream(vm, 1)?,
        open::std_stream(vm, 2)?,
    ])
}

/// Buffered writers still open at exit are flushed then (CPython flushes
/// them when the interpreter finalises its objects).
/// The registry of open buffered files, held across `fork()`.
pub(crate) fn before_fork() -> impl Sized {
    exit_flush::before_fork()
}

mod exit_flush {
    use super::buffered::BufState;
    use super::Locked;
    use crate::vm::lock::Mutex;
    use std::sync::{Arc, Once, Weak};

    struct Registry {
        items: Vec<Weak<Locked<BufState>>>,
        /// Prune dead entries when `items` reaches this length.
        mark: usize,
    }

    static OPEN: Mutex<Registry> = Mutex::new(Registry {
        items: Vec::new(),
        mark: 64,
    });

    /// Held across `fork()`, so that the child never finds it held.
    pub fn before_fork() -> impl Sized {
        OPEN.lock()
    }

    pub fn register(st: &Arc<Locked<BufState>>) {
        let mut r = OPEN.lock();
        if r.items.len() >= r.mark {
            r.items.retain(|w| w.strong_count() > 0);
            r.mark = (r.items.len() * 2).max(64);
        }
        r.items.push(Arc::downgrade(st));
    }

    extern "C" fn at_exit() {
        let items = match OPEN.try_lock() {
            Some(mut r) => std::mem::take(&mut r.items),
            None => return,
        };
        for w in items {
            if let Some(st) = w.upgrade() {
                st.with_plain(|s| s.flush_plain());
            }
        }
    }

    pub fn install() {
        static ONCE: Once = Once::new();
        ONCE.call_once(|| {
            // SAFETY: registers a plain `extern "C"` function with no
            // arguments, which lives for the whole program; `atexit` only
            // stores the pointer.
            unsafe {
                libc::atexit(at_exit);
            }
        });
    }
}
