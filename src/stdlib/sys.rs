//! `sys`, and the process's standard streams.

use crate::builtins::{builtin, check_arity};
use crate::vm::dict::DictMap;
use crate::vm::sync::Shared;
use crate::vm::*;
use parking_lot::Mutex;
use std::io::{IsTerminal, Write};
use std::sync::atomic::Ordering;
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
    vm.allow_threads(flush_stdout_raw);
}

fn write_stdout(vm: &mut Vm, s: &str, flush: bool) {
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

fn write_stderr(vm: &mut Vm, s: &str) {
    let s = s.to_string();
    vm.allow_threads(move || write_stderr_raw(&s));
}

/// Which standard stream a `sys.stdout`-like object writes to.
struct Stream(u8);

fn stream_of(v: &Value) -> Option<u8> {
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

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "write", args, 2, 2)?;
    let Value::Str(s) = &args[1] else {
        return Err(PyErr::from(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        ))));
    };
    let s = s.clone();
    match stream_of(&args[0]) {
        Some(2) => write_stderr(vm, s.as_str()),
        _ => write_stdout(vm, s.as_str(), false),
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if stream_of(args.first().unwrap_or(&Value::None)) != Some(2) {
        flush_stdout(vm);
    }
    Ok(Value::None)
}

fn stream_isatty(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(
        match stream_of(args.first().unwrap_or(&Value::None)) {
            Some(2) => std::io::stderr().is_terminal(),
            _ => std::io::stdout().is_terminal(),
        },
    ))
}

fn stream_fileno(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(
        stream_of(args.first().unwrap_or(&Value::None)).unwrap_or(1) as i64,
    ))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "exit", args, 0, 1)?;
    let code: Vec<Value> = args.to_vec();
    Err(PyErr::from(
        vm.new_instance(&vm.types().exc.SystemExit.clone(), &code),
    ))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(
        vm.interp.recursion_limit.load(Ordering::Relaxed) as i64,
    ))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "setrecursionlimit", args, 1, 1)?;
    let n = vm.to_index(&args[0])?;
    if n < 1 {
        return Err(PyErr::from(
            vm.value_error("recursion limit must be greater or equal than 1"),
        ));
    }
    vm.interp
        .recursion_limit
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.gil.switch_interval().as_secs_f64()))
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "setswitchinterval", args, 1, 1)?;
    let f =
        crate::vm::arith::to_f64(&args[0]).ok_or_else(|| vm.type_error("must be real number"))?;
    if f <= 0.0 || !f.is_finite() {
        return Err(PyErr::from(
            vm.value_error("switch interval must be strictly positive"),
        ));
    }
    vm.interp
        .gil
        .set_switch_interval(std::time::Duration::from_secs_f64(f));
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match vm.exc_stack.last().cloned() {
        Some(e) => {
            let tb = vm.getattr_str(&e, "__traceback__").unwrap_or(Value::None);
            Value::tuple(vec![Value::Class(vm.class_of(&e)), e, tb])
        }
        None => Value::tuple(vec![Value::None, Value::None, Value::None]),
    })
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(vm.exc_stack.last().cloned().unwrap_or(Value::None))
}

fn is_gil_enabled(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(vm.interp.gil.enabled()))
}

fn intern(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "intern", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => Ok(Value::Str(vm.intern(s.as_str()))),
        v => Err(PyErr::from(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(v)
        )))),
    }
}

fn getsizeof(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "getsizeof", args, 1, 2)?;
    let n = match &args[0] {
        Value::Str(s) => 49 + s.as_str().len(),
        Value::List(l) => 56 + 8 * l.lock().len(),
        Value::Tuple(t) => 40 + 8 * t.items.len(),
        Value::Dict(d) => 64 + 24 * d.lock().len(),
        _ => 28,
    };
    Ok(Value::Int(n as i64))
}

/// The version string `sys.version` and `-V` report.
pub fn version_string() -> String {
    format!(
        "3.11.0 (gilpy {}, {}) [Rust]",
        env!("CARGO_PKG_VERSION"),
        if crate::vm::sync::FREE_THREADING {
            "free-threading build"
        } else {
            "GIL build"
        }
    )
}

pub fn install(vm: &mut Vm) {
    let obj = vm.types().object.clone();
    let io_class = make_class(
        vm.intern("TextIOWrapper"),
        vm.intern("TextIOWrapper"),
        vec![obj],
        DictMap::new(),
        true,
    )
    .expect("a single base has a consistent MRO");
    crate::builtins::add_methods(
        vm,
        &io_class,
        &[
            ("write", stream_write),
            ("flush", stream_flush),
            ("isatty", stream_isatty),
            ("fileno", stream_fileno),
        ],
    );
    let stream = |n: u8| {
        Value::native(Native::Object {
            class: io_class.clone(),
            data: Box::new(Stream(n)),
        })
    };
    let mut d = DictMap::new();
    let fns: &[(&'static str, NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("getswitchinterval", getswitchinterval),
        ("setswitchinterval", setswitchinterval),
        ("exc_info", exc_info),
        ("exception", exception),
        ("_is_gil_enabled", is_gil_enabled),
        ("intern", intern),
        ("getsizeof", getsizeof),
    ];
    for (name, f) in fns {
        d.set_by_str(name, builtin(name, *f));
    }
    let (out, err) = (stream(1), stream(2));
    d.set_by_str("stdout", out.clone());
    d.set_by_str("__stdout__", out);
    d.set_by_str("stderr", err.clone());
    d.set_by_str("__stderr__", err);
    d.set_by_str("stdin", stream(0));
    d.set_by_str("maxsize", Value::Int(i64::MAX));
    d.set_by_str("version", new_str(version_string()));
    d.set_by_str(
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(11),
            Value::Int(0),
            new_str("final"),
            Value::Int(0),
        ]),
    );
    d.set_by_str("platform", new_str(std::env::consts::OS));
    d.set_by_str(
        "byteorder",
        new_str(if cfg!(target_endian = "little") {
            "little"
        } else {
            "big"
        }),
    );
    d.set_by_str(
        "executable",
        new_str(
            std::env::current_exe()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
        ),
    );
    d.set_by_str("path", Value::list(Vec::new()));
    d.set_by_str("argv", Value::list(Vec::new()));
    d.set_by_str("modules", Value::Dict(vm.interp.modules.clone()));
    d.set_by_str("flags", Value::tuple(Vec::new()));
    vm.add_module("sys", d);
}

/// Sets `sys.argv`.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    if let Some(Value::Module(m)) = vm.interp.modules.lock().get_by_str("sys").cloned() {
        m.dict.lock().set_by_str(
            "argv",
            Value::list(argv.iter().map(|a| new_str(a.as_str())).collect()),
        );
    }
    let _ = Shared::<u8>::new;
}
