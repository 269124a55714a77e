//! The byte strings' core, which the operators, `repr`, comparison and
//! subscripts need: reading any bytes-like value (`bytes`, `bytearray`,
//! `memoryview`), their repr, and conversions to and from text.

use super::object::{MemoryView, Native, PyResult};
use super::sync::PyCell;
use super::value::{new_bytes, Value};
use super::Vm;
use crate::compiler::bytecode::BinOp;
use std::borrow::Cow;
use std::sync::atomic::AtomicBool;

/// The contents of a bytes-like value: borrowed from a `bytes`, copied
/// from a mutable one (so that no lock is held while the caller works,
/// and `b.extend(b)` reads a stable copy).
pub fn bytes_like(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v {
        Value::Bytes(b) => Some(Cow::Borrowed(b.as_bytes())),
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => Some(Cow::Owned(a.lock().clone())),
            Native::MemoryView(m) => Some(Cow::Owned(m.to_vec())),
            _ => None,
        },
        Value::Instance(i) => i.base.as_ref().and_then(|b| match b {
            Value::Bytes(b) => Some(Cow::Owned(b.as_bytes().to_vec())),
            Value::Native(_) => bytes_like(b).map(|c| Cow::Owned(c.into_owned())),
            _ => None,
        }),
        _ => None,
    }
}

/// Runs `f` over the bytes of a bytes-like value in place: a `bytearray`
/// stays locked meanwhile, so `f` must not run Python code (take the
/// arguments' values first). `None` if `v` is not bytes-like.
pub fn with_bytes<R>(v: &Value, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
    match v {
        Value::Bytes(b) => Some(f(b.as_bytes())),
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => Some(f(&a.lock())),
            Native::MemoryView(m) => {
                let window = |data: &[u8]| -> R {
                    let start = m.start.min(data.len());
                    let end = match m.len {
                        Some(n) => (start + n).min(data.len()),
                        None => data.len(),
                    };
                    f(&data[start..end])
                };
                match &m.obj {
                    Value::Bytes(b) => Some(window(b.as_bytes())),
                    Value::Native(o) => match &**o {
                        Native::ByteArray(a) => Some(window(&a.lock())),
                        // A view of a view: its bytes copied.
                        _ => Some(window(&bytes_like(&m.obj)?)),
                    },
                    _ => None,
                }
            }
            _ => None,
        },
        Value::Instance(i) => i.base.as_ref().and_then(|b| with_bytes(b, f)),
        _ => None,
    }
}

/// Runs `f` over the bytes of a writable buffer in place: a `bytearray`,
/// or a writable memoryview of one. `None` if `v` is not one.
pub fn with_bytes_mut<R>(v: &Value, f: impl FnOnce(&mut [u8]) -> R) -> Option<R> {
    match v {
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => Some(f(&mut a.lock())),
            Native::MemoryView(m)
                if !m.readonly && !m.released.load(std::sync::atomic::Ordering::Relaxed) =>
            {
                let Value::Native(o) = &m.obj else {
                    return None;
                };
                let Native::ByteArray(a) = &**o else {
                    return None;
                };
                let mut data = a.lock();
                let start = m.start.min(data.len());
                let end = match m.len {
                    Some(n) => (start + n).min(data.len()),
                    None => data.len(),
                };
                Some(f(&mut data[start..end]))
            }
            _ => None,
        },
        Value::Instance(i) => i.base.as_ref().and_then(|b| with_bytes_mut(b, f)),
        _ => None,
    }
}

/// An item of a memoryview of format `format`, from its byte.
pub fn view_item(format: u8, b: u8) -> Value {
    match format {
        b'c' => new_bytes(vec![b]),
        b'b' => Value::Int(b as i8 as i64),
        _ => Value::Int(b as i64),
    }
}

/// `repr(bytearray)`: as `bytes`, except that CPython escapes a single
/// quote even inside double quotes there.
pub fn bytearray_repr(data: &[u8]) -> String {
    let r = bytes_repr(data);
    if r.starts_with("b\"") {
        format!("bytearray({})", r.replace('\'', "\\'"))
    } else {
        format!("bytearray({})", r)
    }
}

/// The first position of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(0),
        1 => memchr::memchr(needle[0], hay),
        _ => memchr::memmem::find(hay, needle),
    }
}

/// Whether `v` is a `bytes`, `bytearray` or `memoryview` (or a subclass).
pub fn is_bytes_like(v: &Value) -> bool {
    match v {
        Value::Bytes(_) => true,
        Value::Native(n) => matches!(&**n, Native::ByteArray(_) | Native::MemoryView(_)),
        Value::Instance(i) => i.base.as_ref().is_some_and(is_bytes_like),
        _ => false,
    }
}

/// `repr(b)` of a byte string: `b'...'`, single quotes unless the data holds
/// a single quote and no double quote, as CPython chooses.
pub fn bytes_repr(data: &[u8]) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &c in data {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote as char);
    out
}

/// The codecs gilpy knows, by CPython's normalised names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

/// How a codec treats what it cannot convert.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errors {
    Strict,
    Replace,
    Ignore,
    SurrogateEscape,
    BackslashReplace,
    /// `&#NNN;` (encoding only).
    XmlCharRefReplace,
}

impl Vm {
    /// CPython's error for any use of a released memoryview.
    pub fn check_released(&self, m: &MemoryView) -> PyResult<()> {
        if m.released.load(std::sync::atomic::Ordering::Relaxed) {
            return Err(self.value_error("operation forbidden on released memoryview object"));
        }
        Ok(())
    }

    /// `item in container` for a bytes-like container: a byte value or a
    /// bytes-like subsequence.
    pub fn bytes_contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Value::Native(n) = container {
            if let Native::MemoryView(m) = &**n {
                // A view's items are ints (or bytes of length 1): `in`
                // compares items, it does not look for a subsequence.
                self.check_released(m)?;
                let items = m.to_vec();
                for b in items {
                    let item_value = view_item(m.format, b);
                    if self.eq(&item_value, item)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
        }
        let needle = match bytes_like(item) {
            Some(n) => n.into_owned(),
            None => vec![self.byte_value(item)?],
        };
        Ok(with_bytes(container, |hay| find(hay, &needle).is_some()).unwrap_or(false))
    }

    /// An int in `range(256)`, as a byte.
    pub fn byte_value(&mut self, v: &Value) -> PyResult<u8> {
        if !matches!(
            v,
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_)
        ) {
            return Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(v)
            )));
        }
        let n = self.to_index(v)?;
        u8::try_from(n).map_err(|_| self.value_error("byte must be in range(0, 256)"))
    }

    /// The codec for an `encoding=` argument (`LookupError` if unknown).
    pub fn codec(&self, name: &str) -> PyResult<Codec> {
        let norm: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        Ok(match norm.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" => Codec::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1"
            | "latin" | "iso-ir-100" => Codec::Latin1,
            _ => {
                return Err(self.new_error(
                    &self.types().exc.LookupError,
                    format!("unknown encoding: {}", name),
                ))
            }
        })
    }

    /// The error handler for an `errors=` argument.
    pub fn codec_errors(&self, name: &str) -> PyResult<Errors> {
        Ok(match name {
            "strict" => Errors::Strict,
            "replace" => Errors::Replace,
            "ignore" => Errors::Ignore,
            "surrogateescape" => Errors::SurrogateEscape,
            "backslashreplace" => Errors::BackslashReplace,
            "xmlcharrefreplace" => Errors::XmlCharRefReplace,
            _ => {
                return Err(self.new_error(
                    &self.types().exc.LookupError,
                    format!("unknown error handler name '{}'", name),
                ))
            }
        })
    }

    /// `str.encode`.
    pub fn encode(&self, s: &str, codec: Codec, errors: Errors) -> PyResult<Vec<u8>> {
        let limit = match codec {
            Codec::Utf8 if matches!(errors, Errors::SurrogateEscape) => {
                return Ok(encode_utf8_escaped(s))
            }
            Codec::Utf8 => return Ok(s.as_bytes().to_vec()),
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        };
        let name = if codec == Codec::Ascii {
            "ascii"
        } else {
            "latin-1"
        };
        let mut out = Vec::with_capacity(s.len());
        for (i, c) in s.chars().enumerate() {
            let n = c as u32;
            if n < limit {
                out.push(n as u8);
                continue;
            }
            match errors {
                Errors::Ignore => {}
                Errors::Replace => out.push(b'?'),
                Errors::XmlCharRefReplace => out.extend_from_slice(format!("&#{};", n).as_bytes()),
                Errors::BackslashReplace => {
                    let esc = if n <= 0xff {
                        format!("\\x{:02x}", n)
                    } else if n <= 0xffff {
                        format!("\\u{:04x}", n)
                    } else {
                        format!("\\U{:08x}", n)
                    };
                    out.extend_from_slice(esc.as_bytes());
                }
                Errors::SurrogateEscape if escaped_byte(c).is_some() => {
                    out.extend(escaped_byte(c));
                }
                Errors::Strict | Errors::SurrogateEscape => {
                    let end = i + s.chars().skip(i).take_while(|c| *c as u32 >= limit).count();
                    let reason = format!("ordinal not in range({})", limit);
                    let object = super::value::new_str(s.to_string());
                    return Err(self.unicode_error(false, name, object, (i, end), &reason));
                }
            }
        }
        Ok(out)
    }

    /// An encode-only handler met a decoding error, as CPython says it.
    fn decode_handler_error(&self) -> super::PyErr {
        self.type_error("don't know how to handle UnicodeDecodeError in error callback")
    }

    /// `bytes.decode`.
    pub fn decode(&self, data: &[u8], codec: Codec, errors: Errors) -> PyResult<String> {
        match codec {
            Codec::Latin1 => Ok(data.iter().map(|&b| b as char).collect()),
            Codec::Ascii => {
                if data.is_ascii() {
                    return Ok(data.iter().map(|&b| b as char).collect());
                }
                let mut out = String::with_capacity(data.len());
                for (i, &b) in data.iter().enumerate() {
                    if b < 0x80 {
                        out.push(b as char);
                        continue;
                    }
                    match errors {
                        Errors::Ignore => {}
                        Errors::Replace => out.push('\u{fffd}'),
                        Errors::BackslashReplace => out.push_str(&format!("\\x{:02x}", b)),
                        Errors::SurrogateEscape => out.push(surrogate_escape(b)),
                        Errors::XmlCharRefReplace => return Err(self.decode_handler_error()),
                        Errors::Strict => {
                            return Err(self.unicode_error(
                                true,
                                "ascii",
                                new_bytes(data.to_vec()),
                                (i, i + 1),
                                "ordinal not in range(128)",
                            ))
                        }
                    }
                }
                Ok(out)
            }
            Codec::Utf8 => self.decode_utf8(data, errors),
        }
    }

    fn decode_utf8(&self, data: &[u8], errors: Errors) -> PyResult<String> {
        if let Ok(s) = std::str::from_utf8(data) {
            return Ok(s.to_string());
        }
        let mut out = String::with_capacity(data.len());
        let mut pos = 0;
        while pos < data.len() {
            match std::str::from_utf8(&data[pos..]) {
                Ok(s) => {
                    out.push_str(s);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    // The bytes before `good` are valid UTF-8.
                    out.push_str(&String::from_utf8_lossy(&data[pos..pos + good]));
                    let start = pos + good;
                    let bad_len = e.error_len().unwrap_or(data.len() - start);
                    let reason = match e.error_len() {
                        None => "unexpected end of data",
                        Some(_) if (0x80..0xc2).contains(&data[start]) || data[start] > 0xf4 => {
                            "invalid start byte"
                        }
                        Some(_) => "invalid continuation byte",
                    };
                    match errors {
                        Errors::Strict => {
                            return Err(self.unicode_error(
                                true,
                                "utf-8",
                                new_bytes(data.to_vec()),
                                (start, start + bad_len),
                                reason,
                            ));
                        }
                        Errors::Ignore => {}
                        Errors::Replace => out.push('\u{fffd}'),
                        Errors::BackslashReplace => {
                            for b in &data[start..start + bad_len] {
                                out.push_str(&format!("\\x{:02x}", b));
                            }
                        }
                        Errors::SurrogateEscape => {
                            for &b in &data[start..start + bad_len] {
                                out.push(surrogate_escape(b));
                            }
                        }
                        Errors::XmlCharRefReplace => return Err(self.decode_handler_error()),
                    }
                    pos = start + bad_len;
                }
            }
        }
        Ok(out)
    }
}

/// The byte a character made by `surrogate_escape` stands for.
pub fn escaped_byte(c: char) -> Option<u8> {
    let n = c as u32;
    (0xf780..=0xf7ff).contains(&n).then(|| (n - 0xf700) as u8)
}

/// Text as UTF-8, with the characters that stand for undecodable bytes
/// (`surrogateescape`) turned back into those bytes.
pub fn encode_utf8_escaped(s: &str) -> Vec<u8> {
    if s.chars().all(|c| escaped_byte(c).is_none()) {
        return s.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut buf = [0u8; 4];
    for c in s.chars() {
        match escaped_byte(c) {
            Some(b) => out.push(b),
            None => out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
        }
    }
    out
}

/// Rust strings cannot hold lone surrogates, which CPython's
/// `surrogateescape` produces: the byte is kept in a private-use character
/// instead, so that decoding an undecodable file name never fails.
fn surrogate_escape(b: u8) -> char {
    char::from_u32(0xf700 + b as u32).unwrap_or('\u{fffd}')
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// The byte at `i` of a bytes-like value, without copying it.
pub fn byte_at(v: &Value, i: usize) -> Option<u8> {
    match v {
        Value::Bytes(b) => b.as_bytes().get(i).copied(),
        Value::Native(n) => match &**n {
            Native::ByteArray(a) => a.lock().get(i).copied(),
            Native::MemoryView(m) => {
                let at = m.start + i;
                match m.len {
                    Some(len) if i >= len => None,
                    _ => byte_at(&m.obj, at),
                }
            }
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// `a + b`, `a * n` and `a % args` when a bytes-like value is involved
    /// (`None`: not for bytes; the operator protocol goes on). The result
    /// has the left operand's type.
    pub fn bytes_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        let make = |like: &Value, data: Vec<u8>| match like {
            Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => {
                Value::native(Native::ByteArray(PyCell::new(data)))
            }
            _ => new_bytes(data),
        };
        match op {
            BinOp::Add => {
                let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
                    if is_bytes_like(a) && !matches!(b, Value::Instance(_)) {
                        return Err(self.type_error(format!(
                            "can't concat {} to {}",
                            self.type_name(b),
                            self.type_name(a)
                        )));
                    }
                    return Ok(None);
                };
                let mut out = Vec::with_capacity(x.len() + y.len());
                out.extend_from_slice(&x);
                out.extend_from_slice(&y);
                Ok(Some(make(a, out)))
            }
            BinOp::Mul => {
                let (data, n, like) = match (bytes_like(a), bytes_like(b)) {
                    (Some(x), None) if is_int(b) => (x, b, a),
                    (None, Some(y)) if is_int(a) => (y, a, b),
                    _ => return Ok(None),
                };
                let k = self.to_index(n)?.max(0) as usize;
                let k = if data.is_empty() { 0 } else { k };
                self.check_alloc(data.len(), k)?;
                let total = data.len() * k;
                let mut out = Vec::with_capacity(total);
                for _ in 0..k {
                    out.extend_from_slice(&data);
                }
                Ok(Some(make(like, out)))
            }
            BinOp::Mod => match bytes_like(a) {
                Some(fmt) if !matches!(a, Value::Native(n) if matches!(&**n, Native::MemoryView(_))) =>
                {
                    let out = super::strfmt::bytes_percent_format(self, &fmt, b)?;
                    Ok(Some(make(a, out)))
                }
                _ => Ok(None),
            },
            _ => Ok(None),
        }
    }

    /// `a += b` and `a *= n` for a bytearray `a`, in place (amortised
    /// linear, so that a loop of `+=` is not quadratic). False: not for
    /// these operands.
    pub fn bytearray_inplace(&mut self, op: BinOp, a: &Native, b: &Value) -> PyResult<bool> {
        let Native::ByteArray(dst) = a else {
            return Ok(false);
        };
        match op {
            BinOp::Add => match bytes_like(b) {
                Some(data) => {
                    let data = data.into_owned();
                    dst.lock().extend_from_slice(&data);
                    Ok(true)
                }
                None if matches!(b, Value::Instance(_)) => Ok(false),
                None => {
                    Err(self.type_error(format!("can't concat {} to bytearray", self.type_name(b))))
                }
            },
            BinOp::Mul if is_int(b) || matches!(b, Value::Instance(_)) => {
                if matches!(b, Value::Instance(_)) && self.lookup_special(b, "__index__").is_none()
                {
                    return Ok(false);
                }
                let k = self.to_index(b)?.max(0) as usize;
                let len = dst.lock().len();
                self.check_alloc(len, k)?;
                let mut v = dst.lock();
                match v.len().checked_mul(k).filter(|t| *t <= isize::MAX as usize) {
                    Some(_) => {
                        let one = std::mem::take(&mut *v);
                        *v = one.repeat(k);
                        Ok(true)
                    }
                    None => {
                        drop(v);
                        Err(self.new_error(&self.types().exc.MemoryError, ""))
                    }
                }
            }
            _ => Ok(false),
        }
    }

    /// `obj[key]` for a bytes-like `obj` (`None` if it is not one): an int
    /// for an index, a value of the same type for a slice.
    pub fn bytes_getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Option<Value>> {
        let what = match obj {
            Value::Bytes(_) => "byte",
            Value::Native(n) => match &**n {
                Native::ByteArray(_) => "bytearray",
                Native::MemoryView(m) => {
                    self.check_released(m)?;
                    "memoryview"
                }
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        if let Value::Native(k) = key {
            if let Native::Slice { start, stop, step } = &**k {
                let len = with_bytes(obj, <[u8]>::len).unwrap_or(0);
                let idx = self.slice_indices(start, stop, step, len)?;
                // In place: slicing a large bytearray copies only the slice.
                let out: Vec<u8> = with_bytes(obj, |data| {
                    if idx.step == 1 {
                        let a = (idx.start.max(0) as usize).min(data.len());
                        let z = (idx.stop.max(0) as usize).clamp(a, data.len());
                        data[a..z].to_vec()
                    } else {
                        idx.indices().filter_map(|i| data.get(i).copied()).collect()
                    }
                })
                .unwrap_or_default();
                let data_len = len;
                return Ok(Some(match obj {
                    Value::Bytes(_) => new_bytes(out),
                    Value::Native(n) => match &**n {
                        Native::MemoryView(m) if idx.step == 1 => {
                            let a = (idx.start.max(0) as usize).min(data_len);
                            Value::native(Native::MemoryView(MemoryView {
                                obj: m.obj.clone(),
                                start: m.start + a,
                                len: Some(out.len()),
                                readonly: m.readonly,
                                released: AtomicBool::new(false),
                                format: m.format,
                            }))
                        }
                        Native::MemoryView(_) => {
                            return Err(self.new_error(
                                &self.types().exc.NotImplementedError,
                                "memoryview slices with a step are not supported",
                            ))
                        }
                        _ => Value::native(Native::ByteArray(PyCell::new(out))),
                    },
                    _ => unreachable!("checked above"),
                }));
            }
        }
        let (bad_key, out_of_range) = match what {
            "byte" => (
                "byte indices must be integers or slices",
                "index out of range",
            ),
            "bytearray" => (
                "bytearray indices must be integers or slices",
                "bytearray index out of range",
            ),
            _ => (
                "memoryview: invalid slice key",
                "index out of bounds on dimension 1",
            ),
        };
        let i = match key {
            Value::Int(i) => *i,
            Value::Bool(b) => *b as i64,
            Value::BigInt(_) => return Err(self.index_error(out_of_range)),
            Value::Instance(_) if self.lookup_special(key, "__index__").is_some() => {
                self.to_index(key)?
            }
            _ if what == "memoryview" => return Err(self.type_error(bad_key)),
            _ => return Err(self.type_error(format!("{}, not {}", bad_key, self.type_name(key)))),
        };
        let len = self.len(obj)? as i64;
        let j = if i < 0 { i + len } else { i };
        match usize::try_from(j).ok().and_then(|j| byte_at(obj, j)) {
            Some(b) => Ok(Some(match obj {
                Value::Native(n) => match &**n {
                    Native::MemoryView(m) => view_item(m.format, b),
                    _ => Value::Int(b as i64),
                },
                _ => Value::Int(b as i64),
            })),
            None => Err(self.index_error(out_of_range)),
        }
    }

    /// `a[key] = value` for a bytearray (or a writable memoryview).
    pub fn bytearray_setitem(
        &mut self,
        data: &PyCell<Vec<u8>>,
        key: &Value,
        value: &Value,
    ) -> PyResult<()> {
        if let Value::Native(k) = key {
            if let Native::Slice { start, stop, step } = &**k {
                let new: Vec<u8> = match bytes_like(value) {
                    Some(b) => b.into_owned(),
                    None => {
                        if matches!(value, Value::Int(_) | Value::Str(_)) {
                            return Err(self.type_error(
                                "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                            ));
                        }
                        let items = self.iterate(value)?;
                        let mut out = Vec::with_capacity(items.len());
                        for x in &items {
                            out.push(self.byte_value(x)?);
                        }
                        out
                    }
                };
                let len = data.lock().len();
                let idx = self.slice_indices(start, stop, step, len)?;
                let mut v = data.lock();
                if idx.step == 1 {
                    let a = (idx.start.max(0) as usize).min(v.len());
                    let z = (idx.stop.max(0) as usize).clamp(a, v.len());
                    v.splice(a..z, new);
                    return Ok(());
                }
                if new.len() != idx.len() {
                    let n = idx.len();
                    drop(v);
                    return Err(self.value_error(format!(
                        "attempt to assign bytes of size {} to extended slice of size {}",
                        new.len(),
                        n
                    )));
                }
                for (i, x) in idx.indices().zip(new) {
                    if let Some(slot) = v.get_mut(i) {
                        *slot = x;
                    }
                }
                return Ok(());
            }
        }
        let len = data.lock().len();
        let i = self.seq_index(key, len, "bytearray")?;
        let b = self.byte_value(value)?;
        match data.lock().get_mut(i) {
            Some(slot) => {
                *slot = b;
                Ok(())
            }
            None => Err(self.index_error("bytearray index out of range")),
        }
    }

    /// `del a[key]` for a bytearray.
    pub fn bytearray_delitem(&mut self, data: &PyCell<Vec<u8>>, key: &Value) -> PyResult<()> {
        if let Value::Native(k) = key {
            if let Native::Slice { start, stop, step } = &**k {
                let len = data.lock().len();
                let idx = self.slice_indices(start, stop, step, len)?;
                let mut remove: Vec<usize> = idx.indices().collect();
                remove.sort_unstable();
                let mut v = data.lock();
                let mut keep = Vec::with_capacity(v.len());
                let mut r = remove.iter().peekable();
                for (i, &b) in v.iter().enumerate() {
                    if r.peek() == Some(&&i) {
                        r.next();
                    } else {
                        keep.push(b);
                    }
                }
                *v = keep;
                return Ok(());
            }
        }
        let len = data.lock().len();
        let i = self.seq_index(key, len, "bytearray")?;
        let mut v = data.lock();
        if i < v.len() {
            v.remove(i);
            Ok(())
        } else {
            drop(v);
            Err(self.index_error("bytearray index out of range"))
        }
    }
}
