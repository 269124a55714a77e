//! `bytes`, `bytearray` and `memoryview`: construction, `decode`, and the
//! methods they share (written once over byte slices; each result takes the
//! type of the object the method was called on).

use crate::vm::bytes::{bytes_like, Codec, Errors};
use crate::vm::native::*;
use crate::vm::sync::PyCell;
use crate::vm::*;
use std::sync::atomic::AtomicBool;

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (bytes, bytearray, memoryview) =
        (t.bytes.clone(), t.bytearray.clone(), t.memoryview.clone());
    add_methods(vm, &bytes, super::protocol::COLLECTION);
    add_methods(vm, &bytes, super::protocol::SUBSCRIPT);
    add_methods(vm, &bytearray, super::protocol::COLLECTION);
    add_methods(vm, &bytearray, super::protocol::SUBSCRIPT);
    add_methods(vm, &bytearray, super::protocol::MUTABLE);
    add_methods(vm, &memoryview, super::protocol::COLLECTION);
    add_methods(vm, &memoryview, super::protocol::SUBSCRIPT);
    add_methods(vm, &bytes, &[("__new__", Arity::ANY, bytes_new)]);
    add_methods(
        vm,
        &bytearray,
        &[
            ("__new__", Arity::ANY, bytearray_new),
            ("__init__", Arity::ANY, bytearray_init),
        ],
    );
    for c in [&bytes, &bytearray] {
        add_methods(
            vm,
            c,
            &[
                ("decode", Arity::range(0, 2), decode),
                ("hex", Arity::range(0, 2), hex),
            ],
        );
    }
    add_methods(
        vm,
        &memoryview,
        &[
            ("__new__", Arity::ANY, memoryview_new),
            ("tobytes", Arity::exact(0), memoryview_tobytes),
            ("tolist", Arity::exact(0), memoryview_tolist),
            ("release", Arity::exact(0), memoryview_release),
            ("hex", Arity::range(0, 2), hex),
            ("__enter__", Arity::exact(0), memoryview_enter),
            ("__exit__", Arity::ANY, memoryview_release),
        ],
    );
}

/// The `encoding` and `errors` arguments (`str.encode`, `bytes.decode`,
/// `bytes(str, ...)`), positional from `first` on or by keyword.
pub fn codec_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    first: usize,
    what: &str,
) -> PyResult<(Codec, Errors)> {
    let text = |vm: &mut Vm, v: Option<&Value>, arg: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(vm.type_error(format!(
                "{}() argument '{}' must be str, not {}",
                what,
                arg,
                vm.type_name(other)
            ))),
        }
    };
    let enc = text(
        vm,
        arg_or_kw(args, kw, first, "encoding"),
        "encoding",
        "utf-8",
    )?;
    let err = text(
        vm,
        arg_or_kw(args, kw, first + 1, "errors"),
        "errors",
        "strict",
    )?;
    Ok((vm.codec(&enc)?, vm.codec_errors(&err)?))
}

/// The bytes `bytes(x)` makes of `x`.
fn bytes_from(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], what: &str) -> PyResult<Vec<u8>> {
    let source = arg_or_kw(args, kw, 1, "source");
    let has_codec =
        args.len() > 2 || kwarg(kw, "encoding").is_some() || kwarg(kw, "errors").is_some();
    let Some(source) = source else {
        if has_codec {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    };
    if let Value::Str(s) = source {
        if !has_codec {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let (codec, errors) = codec_args(vm, args, kw, 2, what)?;
        return vm.encode(s.as_str(), codec, errors);
    }
    if has_codec {
        return Err(vm.type_error(if what == "bytes" {
            "encoding without a string argument"
        } else {
            "encoding or errors without a string argument"
        }));
    }
    if let Some(b) = bytes_like(source) {
        return Ok(b.into_owned());
    }
    if let Some(m) = vm.lookup_special(source, "__bytes__") {
        let r = vm.call(&m, &[], &[])?;
        return match bytes_like(&r) {
            Some(b) => Ok(b.into_owned()),
            None => Err(vm.type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    let is_index = matches!(source, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
        || (matches!(source, Value::Instance(_))
            && vm.lookup_special(source, "__index__").is_some());
    if is_index {
        let n = vm.to_index(source)?;
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; n as usize]);
    }
    if !vm.is_iterable(source) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {}",
            vm.type_name(source),
            what
        )));
    }
    let items = vm.iterate(source)?;
    let mut out = Vec::with_capacity(items.len());
    for x in &items {
        if !matches!(
            x,
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_)
        ) {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(x)
            )));
        }
        out.push(vm.byte_value(x)?);
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = bytes_from(vm, args, kw, "bytes")?;
    Ok(vm.wrap_for_subclass(&args[0], new_bytes(data)))
}

/// A subclass's instance is filled by `__init__`, as CPython's is.
fn bytearray_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = if is_subclass_call(args) {
        Vec::new()
    } else {
        bytes_from(vm, args, kw, "bytearray")?
    };
    let a = Value::native(Native::ByteArray(PyCell::new(data)));
    Ok(vm.wrap_for_subclass(&args[0], a))
}

fn bytearray_init(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = bytes_from(vm, args, kw, "bytearray")?;
    let target = crate::vm::ops::unwrap_base(&args[0]);
    if let Value::Native(n) = &target {
        if let Native::ByteArray(a) = &**n {
            *a.lock() = data;
        }
    }
    Ok(Value::None)
}

/// The data of `self` for a method of bytes, bytearray or memoryview.
pub fn this(vm: &Vm, args: &[Value]) -> PyResult<Vec<u8>> {
    match args.first().and_then(bytes_like) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error("descriptor requires a bytes-like object")),
    }
}

fn decode(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = match args.first() {
        Some(Value::Bytes(b)) => return decode_slice(vm, b.as_bytes(), args, kw),
        _ => this(vm, args)?,
    };
    decode_slice(vm, &data, args, kw)
}

fn decode_slice(vm: &mut Vm, data: &[u8], args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (codec, errors) = codec_args(vm, args, kw, 1, "decode")?;
    Ok(new_str(vm.decode(data, codec, errors)?))
}

/// `b.hex(sep=None, bytes_per_sep=1)`.
fn hex(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = this(vm, args)?;
    let sep = match arg_or_kw(args, kw, 1, "sep") {
        None => None,
        Some(Value::Str(s)) if s.char_len() == 1 => Some(s.as_str().to_string()),
        Some(v) if crate::vm::bytes::is_bytes_like(v) => {
            let b = bytes_like(v).unwrap_or_default();
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            Some((b[0] as char).to_string())
        }
        Some(Value::Str(_)) => return Err(vm.value_error("sep must be length 1.")),
        Some(v) => {
            return Err(vm.type_error(format!("sep must be str or bytes, not {}", vm.type_name(v))))
        }
    };
    let per = match arg_or_kw(args, kw, 2, "bytes_per_sep") {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let digits: Vec<String> = data.iter().map(|b| format!("{:02x}", b)).collect();
    let Some(sep) = sep.filter(|_| per != 0 && !data.is_empty()) else {
        return Ok(new_str(digits.concat()));
    };
    // Groups of |per| bytes, counted from the right for a positive count.
    let n = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let first = data.len() % n;
        if first > 0 {
            groups.push(digits[..first].concat());
        }
        for chunk in digits[first..].chunks(n) {
            groups.push(chunk.concat());
        }
    } else {
        for chunk in digits.chunks(n) {
            groups.push(chunk.concat());
        }
    }
    Ok(new_str(groups.join(&sep)))
}

fn memoryview_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(obj) = arg_or_kw(args, kw, 1, "object") else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    let obj = crate::vm::ops::unwrap_base(obj);
    let readonly = match &obj {
        Value::Bytes(_) => true,
        Value::Native(n) => match &**n {
            Native::ByteArray(_) => false,
            Native::MemoryView(m) => m.readonly,
            _ => return Err(not_buffer(vm, &obj)),
        },
        _ => return Err(not_buffer(vm, &obj)),
    };
    Ok(Value::native(Native::MemoryView(MemoryView {
        obj,
        start: 0,
        len: None,
        readonly,
        released: AtomicBool::new(false),
    })))
}

fn not_buffer(vm: &Vm, v: &Value) -> PyErr {
    vm.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

fn memoryview_tobytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_bytes(this(vm, args)?))
}

fn memoryview_tolist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = this(vm, args)?;
    Ok(Value::list(
        data.iter().map(|&b| Value::Int(b as i64)).collect(),
    ))
}

fn memoryview_release(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Some(Value::Native(n)) = args.first() {
        if let Native::MemoryView(m) = &**n {
            m.released.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    Ok(Value::None)
}

fn memoryview_enter(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}
