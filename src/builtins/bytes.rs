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
            ("tobytes", Arity::ANY, memoryview_tobytes),
            ("tolist", Arity::ANY, memoryview_tolist),
            ("toreadonly", Arity::ANY, memoryview_toreadonly),
            ("release", Arity::ANY, memoryview_release),
            ("cast", Arity::ANY, memoryview_cast),
            ("hex", Arity::range(0, 2), memoryview_hex),
            ("__enter__", Arity::exact(0), memoryview_enter),
            ("__exit__", Arity::ANY, memoryview_exit),
            ("__setitem__", Arity::exact(2), memoryview_setitem),
            ("__delitem__", Arity::exact(1), memoryview_delitem),
        ],
    );
    add_getters(
        vm,
        &memoryview,
        &[
            ("nbytes", memoryview_nbytes),
            ("readonly", memoryview_readonly),
            ("itemsize", memoryview_itemsize),
            ("format", memoryview_format),
            ("obj", memoryview_obj),
            ("shape", memoryview_shape),
            ("strides", memoryview_strides),
            ("ndim", memoryview_ndim),
            ("suboffsets", memoryview_suboffsets),
            ("c_contiguous", memoryview_contiguous),
            ("f_contiguous", memoryview_contiguous),
            ("contiguous", memoryview_contiguous),
        ],
    );
    super::bytes_methods::install(vm);
    super::bytes_mut::install(vm);
}

/// What the `encoding` and `errors` arguments name: a codec and error
/// handler gilpy runs natively, or others, found through `codecs` (the
/// code pages, utf-16/32, unicode_escape, handlers such as
/// `xmlcharrefreplace` and those registered with `codecs.register_error`).
pub enum CodecChoice {
    Native(Codec, Errors),
    Registry { encoding: String, errors: String },
}

impl CodecChoice {
    pub fn encode(&self, vm: &mut Vm, s: &str) -> PyResult<Vec<u8>> {
        match self {
            CodecChoice::Native(codec, errors) => vm.encode(s, *codec, *errors),
            CodecChoice::Registry { encoding, errors } => {
                let r = registry_call(vm, "_text_encode", new_str(s), encoding, errors)?;
                Ok(bytes_like(&r).map(|b| b.into_owned()).unwrap_or_default())
            }
        }
    }

    pub fn decode(&self, vm: &mut Vm, data: &[u8]) -> PyResult<Value> {
        match self {
            CodecChoice::Native(codec, errors) => Ok(new_str(vm.decode(data, *codec, *errors)?)),
            CodecChoice::Registry { encoding, errors } => registry_call(
                vm,
                "_text_decode",
                new_bytes(data.to_vec()),
                encoding,
                errors,
            ),
        }
    }
}

/// `codecs.<func>(data, encoding, errors)`.
fn registry_call(
    vm: &mut Vm,
    func: &str,
    data: Value,
    encoding: &str,
    errors: &str,
) -> PyResult<Value> {
    let codecs = vm.import("codecs", false)?;
    let f = vm.getattr(&codecs, &vm.intern(func))?;
    vm.call(&f, &[data, new_str(encoding), new_str(errors)], &[])
}

/// The `encoding` and `errors` arguments (`str.encode`, `bytes.decode`,
/// `bytes(str, ...)`), positional from `first` on or by keyword.
pub fn codec_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    first: usize,
    what: &str,
) -> PyResult<CodecChoice> {
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
    Ok(match (vm.codec(&enc), vm.codec_errors(&err)) {
        (Ok(codec), Ok(errors)) => CodecChoice::Native(codec, errors),
        _ => CodecChoice::Registry {
            encoding: enc,
            errors: err,
        },
    })
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
        let choice = codec_args(vm, args, kw, 2, what)?;
        return choice.encode(vm, s.as_str());
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
        vm.check_alloc(n as usize, 1)?;
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
    codec_args(vm, args, kw, 1, "decode")?.decode(vm, data)
}

/// `b.hex(sep=None, bytes_per_sep=1)`.
fn hex(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = this(vm, args)?;
    let sep = arg_or_kw(args, kw, 1, "sep");
    let per = arg_or_kw(args, kw, 2, "bytes_per_sep");
    Ok(new_str(hex_string(vm, &data, sep, per)?))
}

/// The hex digits of `data`, with `sep` (a str or bytes of length 1)
/// between groups of `per` bytes, counted from the right when `per` is
/// positive: `bytes.hex` and `binascii.hexlify` share it.
pub fn hex_string(
    vm: &mut Vm,
    data: &[u8],
    sep: Option<&Value>,
    per: Option<&Value>,
) -> PyResult<String> {
    let sep = match sep {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) if s.char_len() == 1 => {
            let c = s.as_str().chars().next().unwrap_or(' ');
            if !c.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c as u8)
        }
        Some(v) if crate::vm::bytes::is_bytes_like(v) => {
            let b = bytes_like(v).unwrap_or_default();
            if b.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !b[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(b[0])
        }
        Some(Value::Str(_)) => return Err(vm.value_error("sep must be length 1.")),
        Some(v) => {
            return Err(vm.type_error(format!("sep must be str or bytes, not {}", vm.type_name(v))))
        }
    };
    let per = match per {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let n = per.unsigned_abs() as usize;
    let sep = sep.filter(|_| n != 0 && !data.is_empty());
    let mut out = String::with_capacity(data.len() * 3);
    // With a positive count the first group is the short one.
    let offset = if per > 0 && n != 0 {
        (n - data.len() % n) % n
    } else {
        0
    };
    for (i, &b) in data.iter().enumerate() {
        if let Some(sep) = sep {
            if i > 0 && (i + offset) % n == 0 {
                out.push(sep as char);
            }
        }
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    Ok(out)
}

// ---- memoryview ----

fn memoryview_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(obj) = arg_or_kw(args, kw, 1, "object") else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    let obj = crate::vm::ops::unwrap_base(obj);
    let (base, start, len, readonly, format) = match &obj {
        Value::Bytes(_) => (obj.clone(), 0, None, true, b'B'),
        Value::Native(n) => match &**n {
            Native::ByteArray(_) => (obj.clone(), 0, None, false, b'B'),
            // A view of a view sees the same object.
            Native::MemoryView(m) => {
                vm.check_released(m)?;
                (m.obj.clone(), m.start, m.len, m.readonly, m.format)
            }
            _ => return Err(not_buffer(vm, &obj)),
        },
        _ => return Err(not_buffer(vm, &obj)),
    };
    Ok(new_view(base, start, len, readonly, format))
}

fn new_view(obj: Value, start: usize, len: Option<usize>, readonly: bool, format: u8) -> Value {
    Value::native(Native::MemoryView(MemoryView {
        obj,
        start,
        len,
        readonly,
        released: AtomicBool::new(false),
        format,
    }))
}

fn not_buffer(vm: &Vm, v: &Value) -> PyErr {
    vm.type_error(format!(
        "memoryview: a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

/// `self` of a memoryview method, checked not to be released.
fn view<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<&'a MemoryView> {
    fn find(v: &Value) -> Option<&MemoryView> {
        match v {
            Value::Native(n) => match &**n {
                Native::MemoryView(m) => Some(m),
                _ => None,
            },
            Value::Instance(i) => i.base.as_ref().and_then(find),
            _ => None,
        }
    }
    let m = args
        .first()
        .and_then(find)
        .ok_or_else(|| vm.type_error("descriptor requires a 'memoryview' object"))?;
    vm.check_released(m)?;
    Ok(m)
}

/// The number of bytes seen through the view now.
fn view_len(m: &MemoryView) -> usize {
    m.nbytes()
}

fn memoryview_tobytes(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    check_arity(vm, "tobytes", args, 1, 2)?;
    if let Some(order) = arg_or_kw(args, kw, 1, "order") {
        match order {
            Value::None => {}
            Value::Str(s) if matches!(s.as_str(), "C" | "F" | "A") => {}
            _ => return Err(vm.value_error("order must be 'C', 'F' or 'A'")),
        }
    }
    Ok(new_bytes(m.to_vec()))
}

fn memoryview_tolist(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    no_kwargs(vm, "tolist", kw)?;
    check_arity(vm, "tolist", args, 1, 1)?;
    let format = m.format;
    Ok(Value::list(
        m.to_vec()
            .into_iter()
            .map(|b| crate::vm::bytes::view_item(format, b))
            .collect(),
    ))
}

fn memoryview_toreadonly(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    Ok(new_view(m.obj.clone(), m.start, m.len, true, m.format))
}

fn memoryview_hex(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    hex(vm, args, kw)
}

fn memoryview_release(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Some(Value::Native(n)) = args.first() {
        if let Native::MemoryView(m) = &**n {
            m.released.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    }
    Ok(Value::None)
}

fn memoryview_enter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(args[0].clone())
}

fn memoryview_exit(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    memoryview_release(vm, args, kw)
}

/// `m.cast(format, shape)`: gilpy's views hold bytes only, so the formats
/// whose items are one byte.
fn memoryview_cast(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    check_arity(vm, "cast", args, 1, 3)?;
    let Some(format) = arg_or_kw(args, kw, 1, "format") else {
        return Err(vm.type_error("cast() missing required argument 'format' (pos 1)"));
    };
    let Value::Str(f) = format else {
        return Err(vm.type_error(format!(
            "cast() argument 'format' must be str, not {}",
            vm.type_name(format)
        )));
    };
    let code = f.as_str().strip_prefix('@').unwrap_or(f.as_str());
    let c = match code.as_bytes() {
        [c] if b"cbB?hHiIlLqQnNfdeP".contains(c) => *c,
        _ => {
            return Err(vm.value_error(
                "memoryview: destination format must be a native single character format prefixed with an optional '@'",
            ))
        }
    };
    if !matches!(c, b'B' | b'b' | b'c') {
        return Err(vm.new_error(
            &vm.types().exc.NotImplementedError,
            format!(
                "memoryview: cast to format '{}' is not supported (only 'B', 'b' and 'c')",
                c as char
            ),
        ));
    }
    let len = view_len(m);
    if let Some(shape) = arg_or_kw(args, kw, 2, "shape") {
        let dims = match shape {
            Value::List(_) | Value::Tuple(_) => vm.iterate(shape)?,
            _ => return Err(vm.type_error("shape must be a list or a tuple")),
        };
        let mut product: i64 = 1;
        for d in &dims {
            product = product.saturating_mul(vm.to_index(d)?);
        }
        if product != len as i64 {
            return Err(vm.type_error("memoryview: product(shape) * itemsize != buffer size"));
        }
        if dims.len() != 1 {
            return Err(vm.new_error(
                &vm.types().exc.NotImplementedError,
                "memoryview: only one-dimensional shapes are supported",
            ));
        }
    }
    Ok(new_view(m.obj.clone(), m.start, Some(len), m.readonly, c))
}

fn memoryview_setitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Value::Native(n) = &m.obj else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let Native::ByteArray(store) = &**n else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let (key, value) = (&args[1], &args[2]);
    let len = view_len(m);
    if let Value::Native(k) = key {
        if let Native::Slice { start, stop, step } = &**k {
            let idx = vm.slice_indices(start, stop, step, len)?;
            if idx.step != 1 {
                return Err(vm.new_error(
                    &vm.types().exc.NotImplementedError,
                    "memoryview slices with a step are not supported",
                ));
            }
            let Some(new) = bytes_like(value) else {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(value)
                )));
            };
            let a = (idx.start.max(0) as usize).min(len);
            let z = (idx.stop.max(0) as usize).clamp(a, len);
            if new.len() != z - a {
                return Err(vm.value_error(
                    "memoryview assignment: lvalue and rvalue have different structures",
                ));
            }
            let mut data = store.lock();
            let (from, to) = (m.start + a, m.start + z);
            if to <= data.len() {
                data[from..to].copy_from_slice(&new);
            }
            return Ok(Value::None);
        }
    }
    let i = match key {
        Value::Int(_) | Value::Bool(_) => vm.to_index(key)?,
        Value::BigInt(_) => return Err(vm.index_error("index out of bounds on dimension 1")),
        Value::Instance(_) if vm.lookup_special(key, "__index__").is_some() => vm.to_index(key)?,
        _ => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let byte = view_byte(vm, m.format, value)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    if let Some(slot) = store.lock().get_mut(m.start + j as usize) {
        *slot = byte;
    }
    Ok(Value::None)
}

/// The byte an item assigned to a view of format `format` is stored as.
fn view_byte(vm: &mut Vm, format: u8, v: &Value) -> PyResult<u8> {
    let f = format as char;
    let bad_type = |vm: &Vm| vm.type_error(format!("memoryview: invalid type for format '{}'", f));
    let bad_value =
        |vm: &Vm| vm.value_error(format!("memoryview: invalid value for format '{}'", f));
    if format == b'c' {
        return match v {
            Value::Bytes(b) if b.as_bytes().len() == 1 => Ok(b.as_bytes()[0]),
            Value::Bytes(_) => Err(bad_value(vm)),
            _ => Err(bad_type(vm)),
        };
    }
    let n = match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => return Err(bad_value(vm)),
        Value::Instance(_) if vm.lookup_special(v, "__index__").is_some() => vm.to_index(v)?,
        _ => return Err(bad_type(vm)),
    };
    let ok = if format == b'b' {
        (-128..128).contains(&n)
    } else {
        (0..256).contains(&n)
    };
    if !ok {
        return Err(bad_value(vm));
    }
    Ok(n as u8)
}

fn memoryview_delitem(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let m = view(vm, args)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    Err(vm.type_error("cannot delete memory"))
}

fn memoryview_nbytes(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(view_len(view(vm, args)?) as i64))
}

fn memoryview_readonly(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, args)?.readonly))
}

fn memoryview_itemsize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(Value::Int(1))
}

fn memoryview_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str((view(vm, args)?.format as char).to_string()))
}

fn memoryview_obj(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(view(vm, args)?.obj.clone())
}

fn memoryview_shape(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = view_len(view(vm, args)?);
    Ok(Value::tuple(vec![Value::Int(n as i64)]))
}

fn memoryview_strides(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(Value::tuple(vec![Value::Int(1)]))
}

fn memoryview_ndim(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(Value::Int(1))
}

fn memoryview_suboffsets(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(Value::tuple(Vec::new()))
}

fn memoryview_contiguous(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    view(vm, args)?;
    Ok(Value::Bool(true))
}
