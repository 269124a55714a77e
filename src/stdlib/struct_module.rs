//! `struct`: packing values into C-layout bytes and back. A format string
//! is compiled once into a list of codes with their offsets; packing first
//! converts every value (which may run Python code), then writes.
//!
//! Byte orders: `@` native sizes and alignment, `=` and `<` little-endian
//! standard sizes, `>` and `!` big-endian standard sizes (this build
//! assumes a little-endian host, as x86-64 and AArch64 are). The error
//! messages follow CPython's, which differ by table: the native and
//! little-endian tables share the native packers on such a host.

use crate::vm::bytes::{bytes_like, with_bytes, with_bytes_mut};
use crate::vm::dict::DictMap;
use crate::vm::lock::Mutex;
use crate::vm::native::*;
use crate::vm::*;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::Arc;

/// Marks the `struct.error` class in the registry of native classes.
struct StructError;

/// A compiled `Struct`.
pub struct StructObj {
    format: Arc<Format>,
}

/// The state of `iter_unpack`'s iterator: its own copy of the buffer.
struct UnpackIter {
    format: Arc<Format>,
    state: Mutex<(Vec<u8>, usize)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Order {
    /// `@`: native sizes, alignment and order.
    Native,
    /// `=` and `<`: standard sizes, little-endian.
    Little,
    /// `>` and `!`: standard sizes, big-endian.
    Big,
}

/// One code of a format: `count` items of `code` from `offset` on; for
/// `s` and `p`, one item of `count` bytes.
#[derive(Clone, Copy, Debug)]
struct Code {
    code: u8,
    count: usize,
    offset: usize,
    size: usize,
}

pub struct Format {
    text: String,
    order: Order,
    codes: Vec<Code>,
    size: usize,
    /// How many values `pack` takes.
    nargs: usize,
}

/// The size and alignment of a code in the native table.
fn native_size(c: u8) -> Option<(usize, usize)> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => (1, 1),
        b'h' | b'H' | b'e' => (2, 2),
        b'i' | b'I' | b'f' => (4, 4),
        b'l' | b'L' | b'q' | b'Q' | b'n' | b'N' | b'P' | b'd' => (8, 8),
        _ => return None,
    })
}

/// The size of a code with standard sizes (no alignment).
fn standard_size(c: u8) -> Option<usize> {
    Some(match c {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'l' | b'L' | b'f' => 4,
        b'q' | b'Q' | b'd' => 8,
        _ => return None,
    })
}

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&class_for::<StructError>(vm), msg)
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// Compiles a format string; the error is `struct.error`'s message.
fn compile(text: &str) -> Result<Format, &'static str> {
    let b = text.as_bytes();
    if b.contains(&0) {
        return Err("embedded null character");
    }
    let (order, rest) = match b.first() {
        Some(b'@') => (Order::Native, &b[1..]),
        Some(b'=' | b'<') => (Order::Little, &b[1..]),
        Some(b'>' | b'!') => (Order::Big, &b[1..]),
        _ => (Order::Native, b),
    };
    const TOO_LONG: &str = "total struct size too long";
    let mut codes = Vec::new();
    let (mut size, mut nargs) = (0usize, 0usize);
    let mut i = 0;
    while i < rest.len() {
        let mut c = rest[i];
        if is_space(c) {
            i += 1;
            continue;
        }
        let mut count = 1usize;
        if c.is_ascii_digit() {
            count = 0;
            while i < rest.len() && rest[i].is_ascii_digit() {
                count = count
                    .checked_mul(10)
                    .and_then(|n| n.checked_add((rest[i] - b'0') as usize))
                    .filter(|n| *n <= isize::MAX as usize)
                    .ok_or(TOO_LONG)?;
                i += 1;
            }
            if i == rest.len() {
                return Err("repeat count given without format specifier");
            }
            c = rest[i];
        }
        i += 1;
        let item = if order == Order::Native {
            let (item, align) = native_size(c).ok_or("bad char in struct format")?;
            size = size.checked_next_multiple_of(align).ok_or(TOO_LONG)?;
            item
        } else {
            standard_size(c).ok_or("bad char in struct format")?
        };
        let offset = size;
        let bytes = match c {
            b's' | b'p' => {
                nargs += 1;
                count
            }
            b'x' => count,
            _ => {
                nargs = nargs.checked_add(count).ok_or(TOO_LONG)?;
                count.checked_mul(item).ok_or(TOO_LONG)?
            }
        };
        size = size
            .checked_add(bytes)
            .filter(|n| *n <= isize::MAX as usize)
            .ok_or(TOO_LONG)?;
        if c != b'x' {
            codes.push(Code {
                code: c,
                count,
                offset,
                size: item,
            });
        }
    }
    Ok(Format {
        text: text.to_string(),
        order,
        codes,
        size,
        nargs,
    })
}

/// The format argument (str or bytes), compiled.
fn format_arg(vm: &Vm, v: &Value) -> PyResult<Arc<Format>> {
    let text = match v {
        Value::Str(s) => s.as_str().to_string(),
        Value::Bytes(b) => String::from_utf8_lossy(b.as_bytes()).into_owned(),
        _ => {
            return Err(vm.type_error(format!(
                "Struct() argument 1 must be a str or bytes object, not {}",
                vm.type_name(v)
            )))
        }
    };
    compile(&text).map(Arc::new).map_err(|m| error(vm, m))
}

// ---- packing ----

/// The name CPython's range errors give a code.
fn range_name(c: u8, order: Order) -> String {
    match (c, order) {
        (b'b', _) => "byte format".into(),
        (b'B', _) => "ubyte format".into(),
        (b'h', Order::Native | Order::Little) => "short format".into(),
        (b'H', Order::Native | Order::Little) => "ushort format".into(),
        _ => format!("'{}' format", c as char),
    }
}

/// An integer code's value as the `size` bytes it is stored in (two's
/// complement, little-endian; reversed later for big-endian).
fn int_item(vm: &mut Vm, v: &Value, c: u8, size: usize, order: Order) -> PyResult<[u8; 8]> {
    let n: BigInt = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            crate::vm::arith::to_big(v).unwrap_or_default()
        }
        Value::Instance(_) if vm.lookup_special(v, "__index__").is_some() => {
            let r = vm.call_method(v, "__index__", &[])?;
            match crate::vm::arith::to_big(&r) {
                Some(n) => n,
                None => return Err(vm.type_error("__index__ returned non-int")),
            }
        }
        _ => return Err(error(vm, "required argument is not an integer")),
    };
    let wide = n.to_i128();
    let as_i64 = wide.filter(|w| i64::try_from(*w).is_ok());
    let as_u64 = wide.filter(|w| u64::try_from(*w).is_ok());
    let big_endian_long = order == Order::Big && size == 8;
    let value: i128 = if c == b'P' {
        match wide.filter(|w| (i64::MIN as i128..=u64::MAX as i128).contains(w)) {
            Some(w) => w,
            None => return Err(error(vm, "int too large to convert")),
        }
    } else {
        // Which conversion CPython's packer uses decides the message.
        let signed_path = matches!(c, b'b' | b'h' | b'i' | b'l' | b'q' | b'n' | b'B')
            || (c == b'H' && order != Order::Big);
        let got = if signed_path { as_i64 } else { as_u64 };
        let Some(w) = got else {
            return Err(error(
                vm,
                if big_endian_long {
                    "int too large to convert"
                } else {
                    "argument out of range"
                },
            ));
        };
        if size < 8 {
            let bits = size as u32 * 8;
            let (lo, hi) = if matches!(c, b'b' | b'h' | b'i' | b'l') {
                (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
            } else {
                (0, (1i128 << bits) - 1)
            };
            if w < lo || w > hi {
                return Err(error(
                    vm,
                    format!(
                        "{} requires {} <= number <= {}",
                        range_name(c, order),
                        lo,
                        hi
                    ),
                ));
            }
        }
        w
    };
    let mut out = [0u8; 8];
    out.copy_from_slice(&(value as u64).to_le_bytes());
    Ok(out)
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    let f = match v {
        Value::Float(f) => Some(*f),
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => crate::fmt::int_to_f64(b),
        Value::Instance(_) => {
            if vm.lookup_special(v, "__float__").is_some() {
                match vm.call_method(v, "__float__", &[])? {
                    Value::Float(f) => Some(f),
                    _ => None,
                }
            } else if vm.lookup_special(v, "__index__").is_some() {
                let r = vm.call_method(v, "__index__", &[])?;
                crate::vm::arith::to_f64(&r)
            } else {
                None
            }
        }
        _ => None,
    };
    f.ok_or_else(|| error(vm, "required argument is not a float"))
}

/// A float as IEEE 754 half precision, rounded half to even; `None` when
/// it is too large.
fn pack_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    // a = f * 2^e with 1 <= f < 2.
    let mut e = a.log2().floor() as i32;
    let mut f = a / 2f64.powi(e);
    if f >= 2.0 {
        f /= 2.0;
        e += 1;
    } else if f < 1.0 {
        f *= 2.0;
        e -= 1;
    }
    if e >= 16 {
        return None;
    }
    let (mut exp, scaled) = if e < -14 {
        // Subnormal: units of 2^-24.
        (0i32, a * 2f64.powi(24))
    } else {
        (e + 15, (f - 1.0) * 1024.0)
    };
    let mut bits = scaled.floor();
    let rest = scaled - bits;
    if rest > 0.5 || (rest == 0.5 && bits % 2.0 == 1.0) {
        bits += 1.0;
    }
    let mut bits = bits as u32;
    if exp == 0 && bits == 1024 {
        // Rounded up into the smallest normal number.
        bits = 0;
        exp = 1;
    } else if exp > 0 && bits == 1024 {
        bits = 0;
        exp += 1;
        if exp >= 31 {
            return None;
        }
    }
    Some(sign | ((exp as u16) << 10) | bits as u16)
}

fn unpack_half(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let exp = ((h >> 10) & 0x1f) as i32;
    let mant = (h & 0x3ff) as f64;
    sign * match exp {
        0 => mant * 2f64.powi(-24),
        31 if mant == 0.0 => f64::INFINITY,
        31 => f64::NAN,
        _ => (1.0 + mant / 1024.0) * 2f64.powi(exp - 15),
    }
}

/// Packs `values` by `f` into a new buffer of `f.size` bytes.
fn pack_values(vm: &mut Vm, f: &Format, values: &[Value], what: &str) -> PyResult<Vec<u8>> {
    if values.len() != f.nargs {
        return Err(error(
            vm,
            format!(
                "{} expected {} items for packing (got {})",
                what,
                f.nargs,
                values.len()
            ),
        ));
    }
    let mut out = Vec::new();
    if out.try_reserve_exact(f.size).is_err() {
        return Err(vm.new_error(&vm.types().exc.MemoryError, ""));
    }
    out.resize(f.size, 0);
    let mut next = values.iter();
    for code in &f.codes {
        let c = code.code;
        if c == b's' || c == b'p' {
            let v = next.next().expect("counted");
            let data = match v {
                Value::Bytes(_) => bytes_like(v).unwrap_or_default().into_owned(),
                Value::Native(n) if matches!(&**n, Native::ByteArray(_)) => {
                    bytes_like(v).unwrap_or_default().into_owned()
                }
                _ => {
                    return Err(error(
                        vm,
                        format!("argument for '{}' must be a bytes object", c as char),
                    ))
                }
            };
            let dst = &mut out[code.offset..code.offset + code.count];
            if c == b's' {
                let n = data.len().min(code.count);
                dst[..n].copy_from_slice(&data[..n]);
            } else if code.count > 0 {
                let n = data.len().min(code.count - 1);
                dst[1..1 + n].copy_from_slice(&data[..n]);
                dst[0] = n.min(255) as u8;
            }
            continue;
        }
        for k in 0..code.count {
            let v = next.next().expect("counted");
            let at = code.offset + k * code.size;
            let mut item = [0u8; 8];
            match c {
                b'?' => item[0] = vm.truthy(v)? as u8,
                b'c' => {
                    let one = match v {
                        Value::Bytes(b) if b.as_bytes().len() == 1 => Some(b.as_bytes()[0]),
                        _ => None,
                    };
                    match one {
                        Some(b) => item[0] = b,
                        None => {
                            return Err(error(
                                vm,
                                "char format requires a bytes object of length 1",
                            ))
                        }
                    }
                }
                b'e' => {
                    let x = float_arg(vm, v)?;
                    match pack_half(x) {
                        Some(h) => item[..2].copy_from_slice(&h.to_le_bytes()),
                        None => {
                            return Err(vm.overflow_error("float too large to pack with e format"))
                        }
                    }
                }
                b'f' => {
                    let x = float_arg(vm, v)?;
                    let y = x as f32;
                    if y.is_infinite() && x.is_finite() {
                        return Err(vm.overflow_error("float too large to pack with f format"));
                    }
                    item[..4].copy_from_slice(&y.to_le_bytes());
                }
                b'd' => {
                    let x = float_arg(vm, v)?;
                    item.copy_from_slice(&x.to_le_bytes());
                }
                _ => item = int_item(vm, v, c, code.size, f.order)?,
            }
            let dst = &mut out[at..at + code.size];
            dst.copy_from_slice(&item[..code.size]);
            if f.order == Order::Big {
                dst.reverse();
            }
        }
    }
    Ok(out)
}

// ---- unpacking ----

/// The values `f` reads from `data` (exactly `f.size` bytes).
fn unpack_values(f: &Format, data: &[u8]) -> Vec<Value> {
    let mut out = Vec::with_capacity(f.nargs);
    for code in &f.codes {
        let c = code.code;
        match c {
            b's' => out.push(new_bytes(&data[code.offset..code.offset + code.count])),
            b'p' => {
                let item = &data[code.offset..code.offset + code.count];
                let n = match item.first() {
                    Some(&len) => (len as usize).min(code.count - 1),
                    None => 0,
                };
                out.push(new_bytes(item.get(1..1 + n).unwrap_or_default()));
            }
            _ => {
                for k in 0..code.count {
                    let at = code.offset + k * code.size;
                    let mut raw = [0u8; 8];
                    raw[..code.size].copy_from_slice(&data[at..at + code.size]);
                    if f.order == Order::Big {
                        raw[..code.size].reverse();
                    }
                    out.push(item_value(c, code.size, raw));
                }
            }
        }
    }
    out
}

/// One item from its little-endian bytes.
fn item_value(c: u8, size: usize, raw: [u8; 8]) -> Value {
    let u = u64::from_le_bytes(raw);
    match c {
        b'?' => Value::Bool(u != 0),
        b'c' => new_bytes(vec![raw[0]]),
        b'e' => Value::Float(unpack_half(u as u16)),
        b'f' => Value::Float(f32::from_le_bytes([raw[0], raw[1], raw[2], raw[3]]) as f64),
        b'd' => Value::Float(f64::from_bits(u)),
        b'b' | b'h' | b'i' | b'l' | b'q' | b'n' => {
            let shift = 64 - size as u32 * 8;
            Value::Int(((u << shift) as i64) >> shift)
        }
        _ => match i64::try_from(u) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::from_bigint(BigInt::from(u)),
        },
    }
}

fn not_buffer(vm: &Vm, v: &Value) -> PyErr {
    vm.type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(v)
    ))
}

fn unpack_impl(vm: &mut Vm, f: &Format, buffer: &Value) -> PyResult<Value> {
    let r = with_bytes(buffer, |d| (d.len() == f.size).then(|| unpack_values(f, d)));
    match r {
        None => Err(not_buffer(vm, buffer)),
        Some(None) => Err(error(
            vm,
            format!("unpack requires a buffer of {} bytes", f.size),
        )),
        Some(Some(items)) => Ok(Value::tuple(items)),
    }
}

fn unpack_from_impl(vm: &mut Vm, f: &Format, buffer: &Value, offset: i64) -> PyResult<Value> {
    let r = with_bytes(buffer, |d| {
        let len = d.len() as i64;
        let size = f.size as i64;
        let mut at = offset;
        if at < 0 {
            if at + len < 0 {
                return Err(format!(
                    "offset {} out of range for {}-byte buffer",
                    at, len
                ));
            }
            at += len;
            if len - at < size {
                return Err(format!(
                    "not enough data to unpack {} bytes at offset {}",
                    size, offset
                ));
            }
        } else if len - at < size {
            return Err(format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {})",
                size as i128 + at as i128, size, at, len
            ));
        }
        let at = at as usize;
        Ok(unpack_values(f, &d[at..at + f.size]))
    });
    match r {
        None => Err(not_buffer(vm, buffer)),
        Some(Err(m)) => Err(error(vm, m)),
        Some(Ok(items)) => Ok(Value::tuple(items)),
    }
}

fn pack_into_impl(
    vm: &mut Vm,
    f: &Format,
    buffer: &Value,
    offset: &Value,
    values: &[Value],
) -> PyResult<Value> {
    if with_bytes_mut(buffer, |_| ()).is_none() {
        return Err(vm.type_error(format!(
            "argument must be read-write bytes-like object, not {}",
            vm.type_name(buffer)
        )));
    }
    let offset = vm.to_index(offset)?;
    let data = pack_values(vm, f, values, "pack_into")?;
    let r = with_bytes_mut(buffer, |d| {
        let len = d.len() as i64;
        let size = f.size as i64;
        let mut at = offset;
        if at < 0 {
            if at + len < 0 {
                return Err(format!(
                    "offset {} out of range for {}-byte buffer",
                    at, len
                ));
            }
            at += len;
            if len - at < size {
                return Err(format!(
                    "no space to pack {} bytes at offset {}",
                    size, offset
                ));
            }
        } else if len - at < size {
            return Err(format!(
                "pack_into requires a buffer of at least {} bytes for packing {} bytes at offset {} (actual buffer size is {})",
                size as i128 + at as i128, size, at, len
            ));
        }
        let at = at as usize;
        d[at..at + f.size].copy_from_slice(&data);
        Ok(())
    });
    match r {
        Some(Err(m)) => Err(error(vm, m)),
        _ => Ok(Value::None),
    }
}

fn iter_unpack_impl(vm: &mut Vm, f: Arc<Format>, buffer: &Value) -> PyResult<Value> {
    let Some(data) = bytes_like(buffer).map(|d| d.into_owned()) else {
        return Err(not_buffer(vm, buffer));
    };
    if f.size == 0 {
        return Err(error(
            vm,
            "cannot iteratively unpack with a struct of length 0",
        ));
    }
    if data.len() % f.size != 0 {
        return Err(error(
            vm,
            format!(
                "iterative unpacking requires a buffer of a multiple of {} bytes",
                f.size
            ),
        ));
    }
    Ok(new_object(
        vm,
        UnpackIter {
            format: f,
            state: Mutex::new((data, 0)),
        },
    ))
}

// ---- module functions ----

/// The format (first argument) of a module function.
fn first_format(vm: &Vm, args: &[Value]) -> PyResult<Arc<Format>> {
    match args.first() {
        Some(v) => format_arg(vm, v),
        None => Err(vm.type_error("missing format argument")),
    }
}

fn calcsize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = format_arg(vm, &args[0])?;
    Ok(Value::Int(f.size as i64))
}

fn pack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "pack", kw)?;
    let f = first_format(vm, args)?;
    Ok(new_bytes(pack_values(vm, &f, &args[1..], "pack")?))
}

fn pack_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "pack_into", kw)?;
    let f = first_format(vm, args)?;
    pack_into_args(vm, &f, &args[1..])
}

fn pack_into_args(vm: &mut Vm, f: &Format, args: &[Value]) -> PyResult<Value> {
    match args {
        [] => Err(error(vm, "pack_into expected buffer argument")),
        [_] => Err(error(vm, "pack_into expected offset argument")),
        [buffer, offset, values @ ..] => pack_into_impl(vm, f, buffer, offset, values),
    }
}

fn unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "unpack", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("unpack expected 2 arguments, got {}", args.len())));
    }
    let f = format_arg(vm, &args[0])?;
    unpack_impl(vm, &f, &args[1])
}

/// The `buffer` and `offset` arguments of `unpack_from`, from `args[from]` on.
fn from_args<'a>(
    vm: &mut Vm,
    args: &'a [Value],
    kw: &'a [(Str, Value)],
    from: usize,
) -> PyResult<(&'a Value, i64)> {
    for (k, _) in kw {
        if k.as_str() != "buffer" && k.as_str() != "offset" {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for unpack_from()",
                k.as_str()
            )));
        }
    }
    if args.len() > from + 2 {
        return Err(vm.type_error(format!(
            "unpack_from() takes at most {} arguments ({} given)",
            from + 2,
            args.len()
        )));
    }
    let Some(buffer) = arg_or_kw(args, kw, from, "buffer") else {
        return Err(vm.type_error(format!(
            "unpack_from() missing required argument 'buffer' (pos {})",
            from + 1
        )));
    };
    let offset = match arg_or_kw(args, kw, from + 1, "offset") {
        Some(v) => vm.to_index(v)?,
        None => 0,
    };
    Ok((buffer, offset))
}

fn unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = first_format(vm, args)?;
    let (buffer, offset) = from_args(vm, args, kw, 1)?;
    unpack_from_impl(vm, &f, buffer, offset)
}

fn iter_unpack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "iter_unpack", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "iter_unpack expected 2 arguments, got {}",
            args.len()
        )));
    }
    let f = format_arg(vm, &args[0])?;
    iter_unpack_impl(vm, f, &args[1])
}

fn clearcache(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::None)
}

// ---- Struct ----

fn struct_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(fmt) = arg_or_kw(args, kw, 1, "format") else {
        return Err(vm.type_error("Struct() missing required argument 'format' (pos 1)"));
    };
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "Struct() takes at most 1 argument ({} given)",
            args.len() - 1
        )));
    }
    let format = format_arg(vm, fmt)?;
    let obj = new_object(vm, StructObj { format });
    Ok(vm.wrap_for_subclass(&args[0], obj))
}

fn this_struct(vm: &Vm, args: &[Value]) -> PyResult<Arc<Format>> {
    Ok(this_object::<StructObj>(vm, args, "Struct")?.format.clone())
}

fn struct_pack(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "pack", kw)?;
    let f = this_struct(vm, args)?;
    Ok(new_bytes(pack_values(vm, &f, &args[1..], "pack")?))
}

fn struct_pack_into(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "pack_into", kw)?;
    let f = this_struct(vm, args)?;
    pack_into_args(vm, &f, &args[1..])
}

fn struct_unpack(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = this_struct(vm, args)?;
    unpack_impl(vm, &f, &args[1])
}

fn struct_unpack_from(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = this_struct(vm, args)?;
    let (buffer, offset) = from_args(vm, args, kw, 1)?;
    unpack_from_impl(vm, &f, buffer, offset)
}

fn struct_iter_unpack(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = this_struct(vm, args)?;
    iter_unpack_impl(vm, f, &args[1])
}

fn struct_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(this_struct(vm, args)?.text.as_str()))
}

fn struct_size(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(this_struct(vm, args)?.size as i64))
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(args[0].clone())
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<UnpackIter>(vm, args, "unpack_iterator")?;
    let items = {
        let mut st = it.state.lock();
        let (data, pos) = &mut *st;
        if *pos + it.format.size > data.len() {
            None
        } else {
            let items = unpack_values(&it.format, &data[*pos..*pos + it.format.size]);
            *pos += it.format.size;
            Some(items)
        }
    };
    match items {
        Some(items) => Ok(Value::tuple(items)),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_length_hint(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let it = this_object::<UnpackIter>(vm, args, "unpack_iterator")?;
    let st = it.state.lock();
    Ok(Value::Int(
        ((st.0.len() - st.1.min(st.0.len())) / it.format.size) as i64,
    ))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let exc = vm.types().exc.Exception.clone();
    let mut ns = DictMap::new();
    ns.set_by_str("__module__", new_str("struct"));
    let err = make_class(vm.intern("error"), vm.intern("error"), vec![exc], ns, false)
        .expect("one base has a consistent MRO");
    vm.interp
        .native_classes
        .lock()
        .insert(std::any::TypeId::of::<StructError>(), err.clone());
    d.set_by_str("error", Value::Class(err));
    add_functions(
        vm,
        d,
        &[
            ("calcsize", Arity::exact(1), calcsize),
            ("pack", Arity::ANY, pack),
            ("pack_into", Arity::ANY, pack_into),
            ("unpack", Arity::ANY, unpack),
            ("unpack_from", Arity::ANY, unpack_from),
            ("iter_unpack", Arity::ANY, iter_unpack),
            ("_clearcache", Arity::exact(0), clearcache),
        ],
    );
    let st = native_class::<StructObj>(
        vm,
        "Struct",
        "struct",
        None,
        &[
            ("__new__", Arity::ANY, struct_new),
            ("pack", Arity::ANY, struct_pack),
            ("pack_into", Arity::ANY, struct_pack_into),
            ("unpack", Arity::exact(1), struct_unpack),
            ("unpack_from", Arity::ANY, struct_unpack_from),
            ("iter_unpack", Arity::exact(1), struct_iter_unpack),
        ],
    );
    add_getters(vm, &st, &[("format", struct_format), ("size", struct_size)]);
    d.set_by_str("Struct", Value::Class(st));
    native_class::<UnpackIter>(
        vm,
        "unpack_iterator",
        "struct",
        None,
        &[
            ("__iter__", Arity::exact(0), iter_self),
            ("__next__", Arity::exact(0), iter_next),
            ("__length_hint__", Arity::exact(0), iter_length_hint),
        ],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_and_alignment() {
        assert_eq!(compile("ci").map(|f| f.size), Ok(8));
        assert_eq!(compile("=ci").map(|f| f.size), Ok(5));
        assert_eq!(compile("c0l").map(|f| f.size), Ok(8));
        assert_eq!(
            compile("3").err(),
            Some("repeat count given without format specifier")
        );
        assert_eq!(compile("<n").err(), Some("bad char in struct format"));
    }

    #[test]
    fn half_floats_round_to_even() {
        assert_eq!(pack_half(1.0), Some(0x3c00));
        assert_eq!(pack_half(65504.0), Some(0x7bff));
        assert_eq!(pack_half(65519.0), Some(0x7bff));
        assert_eq!(pack_half(65520.0), None);
        assert_eq!(pack_half(5.960464477539063e-08), Some(1));
        assert_eq!(pack_half(2.9802322387695312e-08), Some(0));
        assert_eq!(unpack_half(0x7bff), 65504.0);
    }
}
