//! The process's standard streams as the interpreter writes them: one
//! output buffer shared by all threads (one `print` call is one append under
//! its lock, so lines from different threads never interleave), flushed at
//! exit, before anything goes to stderr and before reading input.
//!
//! `sys.stdout` and `sys.stderr` are real text streams (made by `_io`);
//! they write here, and `print` recognises them and writes here directly.

use super::gilstats::Wait;
use super::object::PyResult;
use super::value::{new_str, Value};
use super::Vm;
use crate::vm::lock::Mutex;
use std::io::{IsTerminal, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::OnceLock;

/// Buffered standard output shared by all threads.
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

/// `-u` or `PYTHONUNBUFFERED`: every write to stdout goes out at once.
static UNBUFFERED: AtomicBool = AtomicBool::new(false);

pub fn set_unbuffered(on: bool) {
    UNBUFFERED.store(on, Ordering::Relaxed);
}

/// Writes any buffered output (at exit, before stderr output, before input()).
/// What could not be written stays, as in CPython's buffer after a failed
/// `flush()`.
pub fn flush_stdout_raw() -> std::io::Result<()> {
    let mut out = stdout_buf().lock();
    if out.buf.is_empty() {
        return Ok(());
    }
    let mut so = std::io::stdout().lock();
    so.write_all(&out.buf).and_then(|()| so.flush())?;
    out.buf.clear();
    Ok(())
}

/// `flush_stdout_raw` without the GIL; a failed write is an `OSError`
/// (`BrokenPipeError` for a closed pipe, errno 28 for a full disk).
pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    vm.allow_threads(Wait::File, flush_stdout_raw)
        .map_err(|e| vm.os_error(&e, None))
}

pub fn write_stdout(vm: &mut Vm, s: &str, flush: bool) -> PyResult<()> {
    write_stdout_bytes(vm, s.as_bytes(), flush)
}

/// Appends to the standard output buffer; flushed when full, when asked,
/// at each newline on a terminal, and at every write when unbuffered.
pub fn write_stdout_bytes(vm: &mut Vm, s: &[u8], flush: bool) -> PyResult<()> {
    let needs_flush = {
        let mut out = stdout_buf().lock();
        out.buf.extend_from_slice(s);
        flush
            || out.buf.len() >= (1 << 16)
            || UNBUFFERED.load(Ordering::Relaxed)
            || (out.tty && memchr::memchr(b'\n', s).is_some())
    };
    if needs_flush {
        if let Err(e) = flush_stdout(vm) {
            // A write that fails loses its data (CPython's buffer drops it),
            // so the error is not raised again at exit.
            stdout_buf().lock().buf.clear();
            return Err(e);
        }
    }
    Ok(())
}

pub fn write_stderr_raw(s: &str) {
    write_stderr_bytes_raw(s.as_bytes());
}

fn write_stderr_bytes_raw(s: &[u8]) {
    // A stdout that cannot be written to is reported where it is used.
    let _ = flush_stdout_raw();
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s);
    let _ = e.flush();
}

pub fn write_stderr(vm: &mut Vm, s: &str) {
    write_stderr_bytes(vm, s.as_bytes());
}

pub fn write_stderr_bytes(vm: &mut Vm, s: &[u8]) {
    vm.allow_threads(Wait::File, move || write_stderr_bytes_raw(s));
}

/// The addresses of the objects behind `sys.stdin`, `sys.stdout` and
/// `sys.stderr` (kept alive by [`KEEP`]), so that `print` knows them.
static STD_ADDR: [AtomicUsize; 3] = [
    AtomicUsize::new(0),
    AtomicUsize::new(0),
    AtomicUsize::new(0),
];
static STD_CLOSED: [AtomicBool; 3] = [
    AtomicBool::new(false),
    AtomicBool::new(false),
    AtomicBool::new(false),
];
static KEEP: Mutex<Vec<Value>> = Mutex::new(Vec::new());

/// Records `obj` as the standard stream `fd` (0, 1 or 2).
pub fn register_std_stream(fd: u8, obj: &Value) {
    if let Some(p) = obj.heap_ptr() {
        KEEP.lock().push(obj.clone());
        STD_ADDR[fd as usize].store(p as usize, Ordering::Release);
        STD_CLOSED[fd as usize].store(false, Ordering::Release);
    }
}

/// Notes that the standard stream `fd` was closed.
pub fn mark_closed(fd: u8) {
    if let Some(c) = STD_CLOSED.get(fd as usize) {
        c.store(true, Ordering::Release);
    }
}

/// Whether the standard stream `fd` was closed.
pub fn is_closed(fd: u8) -> bool {
    STD_CLOSED
        .get(fd as usize)
        .is_some_and(|c| c.load(Ordering::Acquire))
}

/// Which standard stream `v` is, if it is one.
pub fn stream_of(v: &Value) -> Option<u8> {
    let p = v.heap_ptr()? as usize;
    (0..3u8).find(|&i| STD_ADDR[i as usize].load(Ordering::Acquire) == p)
}

/// Writes `text` to `file` (None: the current `sys.stdout`).
pub fn write_to(vm: &mut Vm, file: &Value, text: &str, flush: bool) -> PyResult<()> {
    write_pieces(vm, file, &[text], flush)
}

/// The current `sys.stdout` (None if unset).
pub fn sys_stream(vm: &mut Vm, name: &str) -> Value {
    let sys = vm.interp.modules.lock().get_by_str("sys").cloned();
    match sys {
        Some(Value::Module(m)) => m
            .dict
            .lock()
            .get_by_str(name)
            .cloned()
            .unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// `print`'s output: one write of the whole line to the standard streams
/// (so threads never interleave inside a line), but, as CPython, one
/// `write` call per piece to any other file object.
pub fn write_pieces(vm: &mut Vm, file: &Value, pieces: &[&str], flush: bool) -> PyResult<()> {
    let target = if file.is_none() {
        sys_stream(vm, "stdout")
    } else {
        file.clone()
    };
    match stream_of(&target) {
        Some(fd @ (1 | 2)) => {
            if STD_CLOSED[fd as usize].load(Ordering::Acquire) {
                return Err(vm.value_error("I/O operation on closed file."));
            }
            if fd == 2 {
                write_stderr(vm, &pieces.concat());
            } else {
                write_stdout(vm, &pieces.concat(), flush)?;
            }
        }
        // Without a sys.stdout, print does nothing (as in CPython).
        None if target.is_none() => {}
        _ => {
            for piece in pieces {
                vm.call_method(&target, "write", &[new_str(*piece)])?;
            }
            if flush {
                vm.call_method(&target, "flush", &[])?;
            }
        }
    }
    Ok(())
}

/// `input()`'s line: the prompt written to `sys.stdout`, then a line read
/// from `sys.stdin` (`None` at the end of input).
pub fn read_input_line(vm: &mut Vm, prompt: Option<&str>) -> PyResult<Option<String>> {
    let stdin = sys_stream(vm, "stdin");
    let stdout = sys_stream(vm, "stdout");
    if stdin.is_none() {
        return Err(vm.runtime_error("input(): lost sys.stdin"));
    }
    if stdout.is_none() {
        return Err(vm.runtime_error("input(): lost sys.stdout"));
    }
    // What is waiting on stderr goes first, as CPython flushes it too.
    if let Some(p) = prompt {
        write_to(vm, &stdout, p, false)?;
    }
    if stream_of(&stdout) == Some(1) {
        flush_stdout(vm)?;
    } else {
        vm.call_method(&stdout, "flush", &[])?;
    }
    let line = vm.call_method(&stdin, "readline", &[])?;
    let Value::Str(s) = &line else {
        return Err(vm.type_error("object.readline() returned non-string"));
    };
    let s = s.as_str();
    if s.is_empty() {
        return Ok(None);
    }
    Ok(Some(s.strip_suffix('\n').unwrap_or(s).to_string()))
}

/// The standard streams' locks, held across `fork()` so that the child
/// never inherits one locked by a thread it does not have.
pub struct ForkGuard {
    _err: std::io::StderrLock<'static>,
    _out: std::io::StdoutLock<'static>,
    _buf: crate::vm::lock::MutexGuard<'static, Out>,
    _keep: crate::vm::lock::MutexGuard<'static, Vec<Value>>,
}

/// Takes the locks in the order the writers take them.
pub fn before_fork() -> ForkGuard {
    let buf = stdout_buf().lock();
    let out = std::io::stdout().lock();
    let err = std::io::stderr().lock();
    ForkGuard {
        _err: err,
        _out: out,
        _buf: buf,
        _keep: KEEP.lock(),
    }
}
