//! The process's standard streams as the interpreter writes them: one
//! output buffer shared by all threads (one `print` call is one append under
//! its lock, so lines from different threads never interleave), flushed at
//! exit, before anything goes to stderr and before reading input.

use super::gilstats::Wait;
use super::object::{Native, PyResult};
use super::value::{new_str, Value};
use super::Vm;
use parking_lot::Mutex;
use std::io::{IsTerminal, Write};
use std::sync::OnceLock;

/// Buffered standard output shared by all threads; one `print` call is one
/// append under the lock, so lines from different threads never interleave.
struct Out {
    buf: Vec<u8>,
    tty: bool,
}

fn stdout_buf() -> &'static Mutex<Out> {
    static OUT: OnceLock<Mutex<Out>> = OnceLock::new();
    OUT.get_or_init(|| {
        Mutex::new(Out {
            buf: Vec::with_capacity(1 << 16),
            tty: std::io::stdout().is_terminal(),
        })
    })
}

/// Writes any buffered output (at exit, before stderr output, before input()).
pub fn flush_stdout_raw() {
    let mut out = stdout_buf().lock();
    if !out.buf.is_empty() {
        let mut so = std::io::stdout().lock();
        let _ = so.write_all(&out.buf);
        let _ = so.flush();
        out.buf.clear();
    }
}

pub fn flush_stdout(vm: &mut Vm) {
    vm.allow_threads(Wait::File, flush_stdout_raw);
}

pub fn write_stdout(vm: &mut Vm, s: &str, flush: bool) {
    let needs_flush = {
        let mut out = stdout_buf().lock();
        out.buf.extend_from_slice(s.as_bytes());
        flush || out.buf.len() >= (1 << 16) || (out.tty && s.contains('\n'))
    };
    if needs_flush {
        flush_stdout(vm);
    }
}

pub fn write_stderr_raw(s: &str) {
    flush_stdout_raw();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes());
    let _ = e.flush();
}

pub fn write_stderr(vm: &mut Vm, s: &str) {
    let s = s.to_string();
    vm.allow_threads(Wait::File, move || write_stderr_raw(&s));
}

/// Which standard stream a `sys.stdout`-like object writes to.
pub struct Stream(pub u8);

pub fn stream_of(v: &Value) -> Option<u8> {
    if let Value::Native(n) = v {
        if let Native::Object { data, .. } = &**n {
            return data.downcast_ref::<Stream>().map(|s| s.0);
        }
    }
    None
}

/// Writes `text` to `file` (None: the current `sys.stdout`).
pub fn write_to(vm: &mut Vm, file: &Value, text: &str, flush: bool) -> PyResult<()> {
    write_pieces(vm, file, &[text], flush)
}

/// `print`'s output: one write of the whole line to gilpy's own streams (so
/// threads never interleave inside a line), but, as CPython, one `write`
/// call per piece to a Python file object.
pub fn write_pieces(vm: &mut Vm, file: &Value, pieces: &[&str], flush: bool) -> PyResult<()> {
    let target = if file.is_none() {
        let sys = vm.interp.modules.lock().get_by_str("sys").cloned();
        match sys {
            Some(Value::Module(m)) => m
                .dict
                .lock()
                .get_by_str("stdout")
                .cloned()
                .unwrap_or(Value::None),
            _ => Value::None,
        }
    } else {
        file.clone()
    };
    match stream_of(&target) {
        Some(2) => write_stderr(vm, &pieces.concat()),
        Some(_) => write_stdout(vm, &pieces.concat(), flush),
        None if target.is_none() => write_stdout(vm, &pieces.concat(), flush),
        None => {
            for piece in pieces {
                vm.call_method(&target, "write", &[new_str(*piece)])?;
            }
            if flush {
                if let Ok(f) = vm.getattr_str(&target, "flush") {
                    vm.call(&f, &[], &[])?;
                }
            }
        }
    }
    Ok(())
}
