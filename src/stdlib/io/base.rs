//! The abstract bases `IOBase`, `RawIOBase`, `BufferedIOBase` and
//! `TextIOBase`: the methods every stream inherits, written on top of the
//! stream's own methods (so that Python subclasses get them too).

use super::*;

pub struct Bases {
    pub raw: ClassRef,
    pub buffered: ClassRef,
    pub text: ClassRef,
}

struct IOBaseClass;
struct RawBaseClass;
struct BufferedBaseClass;
struct TextBaseClass;

/// Whether `self.closed` is true.
fn is_closed(vm: &mut Vm, obj: &Value) -> PyResult<bool> {
    let c = vm.getattr_str(obj, "closed")?;
    vm.truthy(&c)
}

fn check_closed(vm: &mut Vm, obj: &Value) -> PyResult<()> {
    if is_closed(vm, obj)? {
        return Err(closed_error(vm));
    }
    Ok(())
}

fn enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_closed(vm, &args[0])?;
    Ok(args[0].clone())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.call_method(&args[0], "close", &[])?;
    Ok(Value::None)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_closed(vm, &args[0])?;
    Ok(args[0].clone())
}

fn next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let line = vm.call_method(&args[0], "readline", &[])?;
    if vm.len(&line)? == 0 {
        return Err(vm.stop_iteration(Value::None));
    }
    Ok(line)
}

/// The flag `IOBase.close` sets on Python-level streams.
const CLOSED_FLAG: &str = "__IOBase_closed";

fn close(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if is_closed(vm, &args[0])? {
        return Ok(Value::None);
    }
    let flushed = vm.call_method(&args[0], "flush", &[]);
    if let Value::Instance(_) = &args[0] {
        let name = vm.intern(CLOSED_FLAG);
        vm.setattr(&args[0], &name, Value::Bool(true))?;
    }
    flushed.map(|_| Value::None)
}

fn closed(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Value::Instance(i) = &args[0] {
        if let Some(v) = i.dict.lock().get_by_str(CLOSED_FLAG) {
            return Ok(v.clone());
        }
    }
    let _ = vm;
    Ok(Value::Bool(false))
}

fn flush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_closed(vm, &args[0])?;
    Ok(Value::None)
}

fn false_(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

fn none(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_closed(vm, &args[0])?;
    Ok(Value::Bool(false))
}

fn fileno(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "fileno"))
}

fn seek(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "seek"))
}

fn truncate(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "truncate"))
}

fn tell(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    vm.call_method(&args[0], "seek", &[Value::Int(0), Value::Int(1)])
}

/// `IOBase.readline(size=-1)`: bytes read one at a time up to `\n`.
fn readline(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let limit = size_arg(vm, args.get(1))?;
    let mut out = Vec::new();
    while limit.is_none_or(|l| out.len() < l) {
        let b = vm.call_method(&args[0], "read", &[Value::Int(1)])?;
        if b.is_none() {
            break;
        }
        let Some(data) = crate::vm::bytes::bytes_like(&b) else {
            return Err(vm.new_error(
                &vm.types().exc.OSError.clone(),
                format!(
                    "read() should have returned a bytes object, not '{}'",
                    vm.type_name(&b)
                ),
            ));
        };
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
        if out.ends_with(b"\n") {
            break;
        }
    }
    Ok(new_bytes(out))
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    lines_up_to(vm, args, false)
}

/// `readlines(hint)`: lines until their total length passes `hint`, or
/// reaches it when `stop_at_hint` (`BytesIO`'s rule in CPython).
pub(super) fn lines_up_to(vm: &mut Vm, args: &[Value], stop_at_hint: bool) -> PyResult<Value> {
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let it = vm.iter(&args[0])?;
    let mut lines = Vec::new();
    let mut total = 0;
    while let Some(line) = vm.next(&it)? {
        total += vm.len(&line)?;
        lines.push(line);
        if hint.is_some_and(|h| total > h || (stop_at_hint && total == h)) {
            break;
        }
    }
    Ok(Value::list(lines))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_closed(vm, &args[0])?;
    let it = vm.iter(&args[1])?;
    while let Some(line) = vm.next(&it)? {
        vm.call_method(&args[0], "write", &[line])?;
    }
    Ok(Value::None)
}

fn check_closed_method(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if is_closed(vm, &args[0])? {
        return Err(match args.get(1) {
            Some(Value::Str(m)) => vm.value_error(m.as_str()),
            _ => closed_error(vm),
        });
    }
    Ok(Value::None)
}

fn check_capability(vm: &mut Vm, args: &[Value], method: &str, what: &str) -> PyResult<Value> {
    let r = vm.call_method(&args[0], method, &[])?;
    if !vm.truthy(&r)? {
        return Err(match args.get(1) {
            Some(Value::Str(m)) => unsupported(vm, m.as_str()),
            _ => unsupported(vm, &format!("File or stream is not {}.", what)),
        });
    }
    Ok(Value::None)
}

fn check_readable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_capability(vm, args, "readable", "readable")
}

fn check_writable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_capability(vm, args, "writable", "writable")
}

fn check_seekable(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_capability(vm, args, "seekable", "seekable")
}

// RawIOBase

fn raw_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(n) = size_arg(vm, args.get(1))? else {
        return vm.call_method(&args[0], "readall", &[]);
    };
    let buf = new_bytearray(n);
    let r = vm.call_method(&args[0], "readinto", std::slice::from_ref(&buf))?;
    if r.is_none() {
        return Ok(Value::None);
    }
    let k = int_arg(vm, &r)?;
    if k < 0 || k as usize > n {
        return Err(vm.value_error(format!("readinto returned {} outside buffer size {}", k, n)));
    }
    Ok(new_bytes(bytearray_prefix(&buf, k as usize)))
}

fn raw_readall(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut out = Vec::new();
    loop {
        let b = vm.call_method(&args[0], "read", &[Value::Int(DEFAULT_BUFFER_SIZE as i64)])?;
        if b.is_none() {
            if out.is_empty() {
                return Ok(Value::None);
            }
            break;
        }
        let data = bytes_arg(vm, &b)?;
        if data.is_empty() {
            break;
        }
        out.extend_from_slice(&data);
    }
    Ok(new_bytes(out))
}

fn raw_readinto(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(vm.new_error(&vm.types().exc.NotImplementedError.clone(), ""))
}

// BufferedIOBase and TextIOBase

fn unsupported_read(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "read"))
}

fn unsupported_read1(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "read1"))
}

fn unsupported_readline(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "readline"))
}

fn unsupported_write(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "write"))
}

fn unsupported_detach(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Err(unsupported(vm, "detach"))
}

fn buffered_readinto_common(vm: &mut Vm, args: &[Value], method: &str) -> PyResult<Value> {
    let n = target_len(vm, &args[1])?;
    let data = vm.call_method(&args[0], method, &[Value::Int(n as i64)])?;
    let data = bytes_arg(vm, &data)?;
    Ok(Value::Int(fill_target(vm, &args[1], &data)? as i64))
}

fn buffered_readinto(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    buffered_readinto_common(vm, args, "read")
}

fn buffered_readinto1(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    buffered_readinto_common(vm, args, "read1")
}

/// `__new__` of the bases: a plain instance for Python subclasses.
fn base_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Class(cls)) => Ok(vm.new_instance(cls, &[])),
        _ => Err(vm.type_error("__new__ needs a class")),
    }
}

pub fn register(vm: &mut Vm, d: &mut DictMap) -> Bases {
    let iobase = native_class::<IOBaseClass>(
        vm,
        "IOBase",
        "io",
        None,
        &[
            ("__new__", Arity::ANY, base_new),
            ("__enter__", Arity::exact(0), enter),
            ("__exit__", Arity::ANY, exit),
            ("__iter__", Arity::exact(0), iter),
            ("__next__", Arity::exact(0), next),
            ("close", Arity::exact(0), close),
            ("flush", Arity::exact(0), flush),
            ("readable", Arity::exact(0), false_),
            ("writable", Arity::exact(0), false_),
            ("seekable", Arity::exact(0), false_),
            ("isatty", Arity::exact(0), isatty),
            ("fileno", Arity::exact(0), fileno),
            ("seek", Arity::ANY, seek),
            ("truncate", Arity::ANY, truncate),
            ("tell", Arity::exact(0), tell),
            ("readline", Arity::range(0, 1), readline),
            ("readlines", Arity::range(0, 1), readlines),
            ("writelines", Arity::exact(1), writelines),
            ("_checkClosed", Arity::range(0, 1), check_closed_method),
            ("_checkReadable", Arity::range(0, 1), check_readable),
            ("_checkWritable", Arity::range(0, 1), check_writable),
            ("_checkSeekable", Arity::range(0, 1), check_seekable),
        ],
    );
    add_getters(vm, &iobase, &[("closed", closed)]);
    let raw = native_class::<RawBaseClass>(
        vm,
        "RawIOBase",
        "io",
        Some(iobase.clone()),
        &[
            ("read", Arity::range(0, 1), raw_read),
            ("readall", Arity::exact(0), raw_readall),
            ("readinto", Arity::exact(1), raw_readinto),
            ("write", Arity::exact(1), raw_readinto),
        ],
    );
    let buffered = native_class::<BufferedBaseClass>(
        vm,
        "BufferedIOBase",
        "io",
        Some(iobase.clone()),
        &[
            ("read", Arity::ANY, unsupported_read),
            ("read1", Arity::ANY, unsupported_read1),
            ("write", Arity::ANY, unsupported_write),
            ("detach", Arity::exact(0), unsupported_detach),
            ("readinto", Arity::exact(1), buffered_readinto),
            ("readinto1", Arity::exact(1), buffered_readinto1),
        ],
    );
    let text = native_class::<TextBaseClass>(
        vm,
        "TextIOBase",
        "io",
        Some(iobase.clone()),
        &[
            ("read", Arity::ANY, unsupported_read),
            ("readline", Arity::ANY, unsupported_readline),
            ("write", Arity::ANY, unsupported_write),
            ("detach", Arity::exact(0), unsupported_detach),
        ],
    );
    add_getters(
        vm,
        &text,
        &[("encoding", none), ("newlines", none), ("errors", none)],
    );
    d.set_by_str("_IOBase", Value::Class(iobase));
    d.set_by_str("_RawIOBase", Value::Class(raw.clone()));
    d.set_by_str("_BufferedIOBase", Value::Class(buffered.clone()));
    d.set_by_str("_TextIOBase", Value::Class(text.clone()));
    Bases {
        raw,
        buffered,
        text,
    }
}
