//! `sys`; its standard streams are `_io` text streams.

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::sync::atomic::Ordering;

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
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
    let n = vm.to_index(&args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.interp
        .recursion_limit
        .store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    use crate::vm::convert::INT_MAX_STR_DIGITS;
    Ok(Value::Int(INT_MAX_STR_DIGITS.load(Ordering::Relaxed) as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    use crate::vm::convert::INT_MAX_STR_DIGITS;
    let arg = match (args.first(), kw) {
        (Some(v), []) => v.clone(),
        (None, [(k, v)]) if k.as_str() == "maxdigits" => v.clone(),
        (None, []) => {
            return Err(vm.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
        _ => {
            return Err(
                vm.type_error("set_int_max_str_digits() takes exactly one argument (2 given)")
            )
        }
    };
    let n = vm.to_index(&arg)?;
    if n != 0 && n < 640 {
        return Err(vm.value_error("maxdigits must be 0 or larger than 640"));
    }
    INT_MAX_STR_DIGITS.store(n as usize, Ordering::Relaxed);
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(vm.interp.gil.switch_interval().as_secs_f64()))
}

fn setswitchinterval(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f =
        crate::vm::arith::to_f64(&args[0]).ok_or_else(|| vm.type_error("must be real number"))?;
    if f <= 0.0 || !f.is_finite() {
        return Err(vm.value_error("switch interval must be strictly positive"));
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
    match &args[0] {
        Value::Str(s) => Ok(Value::Str(vm.intern(s.as_str()))),
        v => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

fn getsizeof(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
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

/// Fills the `sys` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("exit", Arity::range(0, 1), exit),
        ("getrecursionlimit", Arity::ANY, getrecursionlimit),
        ("setrecursionlimit", Arity::exact(1), setrecursionlimit),
        ("getswitchinterval", Arity::ANY, getswitchinterval),
        (
            "get_int_max_str_digits",
            Arity::exact(0),
            get_int_max_str_digits,
        ),
        ("set_int_max_str_digits", Arity::ANY, set_int_max_str_digits),
        ("setswitchinterval", Arity::exact(1), setswitchinterval),
        ("exc_info", Arity::ANY, exc_info),
        ("exception", Arity::ANY, exception),
        ("_is_gil_enabled", Arity::ANY, is_gil_enabled),
        ("intern", Arity::exact(1), intern),
        ("getsizeof", Arity::range(1, 2), getsizeof),
    ];
    add_functions(vm, d, fns);
    let [stdin, stdout, stderr] = crate::stdlib::io::std_streams(vm)?;
    for (name, v) in [("stdin", stdin), ("stdout", stdout), ("stderr", stderr)] {
        d.set_by_str(name, v.clone());
        d.set_by_str(&format!("__{}__", name), v);
    }
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
    super::sys_info::add(vm, d)
}

/// Sets `sys.argv`.
pub fn set_argv(vm: &mut Vm, argv: &[String]) {
    // The GIL timeline names the program by it.
    *vm.interp.argv.lock() = argv.to_vec();
    if let Some(Value::Module(m)) = vm.interp.modules.lock().get_by_str("sys").cloned() {
        m.dict.lock().set_by_str(
            "argv",
            Value::list(argv.iter().map(|a| new_str(a.as_str())).collect()),
        );
    }
}

/// Sets `sys.warnoptions`: `PYTHONWARNINGS`'s comma-separated options, then
/// the `-W` ones. When there are any, `warnings` is imported now, so that its
/// filters hold from the start and a bad option is reported at once (as
/// CPython does).
pub fn set_warnoptions(vm: &mut Vm, cli: &[String]) {
    let mut opts: Vec<String> = std::env::var("PYTHONWARNINGS")
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default();
    opts.extend(cli.iter().cloned());
    if opts.is_empty() {
        return;
    }
    if let Some(Value::Module(m)) = vm.interp.modules.lock().get_by_str("sys").cloned() {
        m.dict.lock().set_by_str(
            "warnoptions",
            Value::list(opts.iter().map(|a| new_str(a.as_str())).collect()),
        );
    }
    if let Err(e) = vm.import("warnings", false) {
        let text = vm.format_exception(&e.into_value());
        eprint!("{}", text);
    }
}

/// Sets `sys.path` as CPython starts it: `first` (the script's folder, the
/// current folder for `-m`, or `''` for `-c`, stdin and the prompt), then
/// the folders of `PYTHONPATH`.
pub fn set_path(vm: &mut Vm, first: &str) {
    let mut path = vec![new_str(first)];
    if let Ok(extra) = std::env::var("PYTHONPATH") {
        path.extend(extra.split(':').filter(|p| !p.is_empty()).map(new_str));
    }
    if let Some(Value::Module(m)) = vm.interp.modules.lock().get_by_str("sys").cloned() {
        m.dict.lock().set_by_str("path", Value::list(path));
    }
}
