//! `binascii`: hex, base64 and uuencode conversions and the CRCs, with
//! CPython's errors (`binascii.Error`, a `ValueError`).

use crate::builtins::bytes::hex_string;
use crate::vm::bytes::{bytes_like, with_bytes};
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;

/// Marks `binascii.Error` in the registry of native classes.
struct BinasciiError;

fn error(vm: &Vm, msg: impl Into<String>) -> PyErr {
    vm.new_error(&class_for::<BinasciiError>(vm), msg)
}

/// The data of a `b2a_*` argument: any bytes-like value.
fn binary_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match bytes_like(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The data of an `a2b_*` argument: bytes-like, or a str of ASCII only.
fn ascii_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Str(s) = v {
        if !s.as_str().is_ascii() {
            return Err(vm.value_error("string argument should contain only ASCII characters"));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    match bytes_like(v) {
        Some(b) => Ok(b.into_owned()),
        None => Err(vm.type_error(format!(
            "argument should be bytes, buffer or ASCII string, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// Rejects keywords other than `allowed`.
fn only_keywords(vm: &Vm, name: &str, kw: &[(Str, Value)], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                name,
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// At most `max` positional arguments: `b2a_base64() takes exactly 1
/// positional argument (2 given)`.
fn positional_max(vm: &Vm, name: &str, args: &[Value], max: usize) -> PyResult<()> {
    if args.len() > max {
        return Err(vm.type_error(format!(
            "{}() takes exactly {} positional argument{} ({} given)",
            name,
            max,
            if max == 1 { "" } else { "s" },
            args.len()
        )));
    }
    if args.is_empty() {
        return Err(vm.type_error(format!(
            "{}() missing required argument 'data' (pos 1)",
            name
        )));
    }
    Ok(())
}

// ---- hex ----

fn hexlify(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    only_keywords(vm, "hexlify", kw, &["data", "sep", "bytes_per_sep"])?;
    let Some(data) = arg_or_kw(args, kw, 0, "data") else {
        return Err(vm.type_error("hexlify() missing required argument 'data' (pos 1)"));
    };
    let data = binary_arg(vm, data)?;
    let sep = arg_or_kw(args, kw, 1, "sep");
    if let Some(s) = sep {
        if !s.is_none() && !matches!(s, Value::Str(_)) && bytes_like(s).is_none() {
            return Err(vm.type_error(format!("object of type '{}' has no len()", vm.type_name(s))));
        }
    }
    let per = arg_or_kw(args, kw, 2, "bytes_per_sep");
    Ok(new_bytes(hex_string(vm, &data, sep, per)?.into_bytes()))
}

fn unhexlify(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = ascii_arg(vm, &args[0])?;
    if data.len() % 2 != 0 {
        return Err(error(vm, "Odd-length string"));
    }
    let mut out = Vec::with_capacity(data.len() / 2);
    for pair in data.chunks(2) {
        let hi = (pair[0] as char).to_digit(16);
        let lo = (pair[1] as char).to_digit(16);
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => return Err(error(vm, "Non-hexadecimal digit found")),
        }
    }
    Ok(new_bytes(out))
}

// ---- base64 ----

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding.
pub fn base64_encode(data: &[u8], newline: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len().div_ceil(3) * 4 + 1);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.push(B64[(n >> 18) as usize & 63]);
        out.push(B64[(n >> 12) as usize & 63]);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63]
        } else {
            b'='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63]
        } else {
            b'='
        });
    }
    if newline {
        out.push(b'\n');
    }
    out
}

fn b64_value(c: u8) -> Option<u8> {
    Some(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    })
}

/// Decodes base64 as CPython does: outside strict mode, characters outside
/// the alphabet are skipped and decoding stops at the padding that ends a
/// group; strict mode rejects everything else.
pub fn base64_decode(data: &[u8], strict: bool) -> Result<Vec<u8>, String> {
    if strict && data.first() == Some(&b'=') {
        return Err("Leading padding not allowed".into());
    }
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 3);
    let (mut quad, mut pads, mut acc) = (0u32, 0u32, 0u32);
    let mut padding = false;
    for (i, &c) in data.iter().enumerate() {
        if c == b'=' {
            padding = true;
            if quad >= 2 {
                pads += 1;
                if quad + pads >= 4 {
                    if strict && i + 1 < data.len() {
                        return Err("Excess data after padding".into());
                    }
                    return Ok(out);
                }
            }
            continue;
        }
        let Some(v) = b64_value(c) else {
            if strict {
                return Err("Only base64 data is allowed".into());
            }
            continue;
        };
        if strict && padding {
            return Err("Discontinuous padding not allowed".into());
        }
        pads = 0;
        acc = (acc << 6) | v as u32;
        quad += 1;
        match quad {
            2 => out.push((acc >> 4) as u8),
            3 => out.push((acc >> 2) as u8),
            4 => {
                out.push(acc as u8);
                quad = 0;
                acc = 0;
            }
            _ => {}
        }
    }
    match quad {
        0 => Ok(out),
        1 => Err(format!(
            "Invalid base64-encoded string: number of data characters ({}) cannot be 1 more than a multiple of 4",
            out.len() / 3 * 4 + 1
        )),
        _ => Err("Incorrect padding".into()),
    }
}

fn b2a_base64(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    only_keywords(vm, "b2a_base64", kw, &["newline"])?;
    positional_max(vm, "b2a_base64", args, 1)?;
    let newline = match kwarg(kw, "newline") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let data = binary_arg(vm, &args[0])?;
    Ok(new_bytes(base64_encode(&data, newline)))
}

fn a2b_base64(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    only_keywords(vm, "a2b_base64", kw, &["strict_mode"])?;
    positional_max(vm, "a2b_base64", args, 1)?;
    let strict = match kwarg(kw, "strict_mode") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let data = ascii_arg(vm, &args[0])?;
    base64_decode(&data, strict)
        .map(new_bytes)
        .map_err(|m| error(vm, m))
}

// ---- uuencode ----

fn b2a_uu(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    only_keywords(vm, "b2a_uu", kw, &["backtick"])?;
    positional_max(vm, "b2a_uu", args, 1)?;
    let backtick = match kwarg(kw, "backtick") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let data = binary_arg(vm, &args[0])?;
    if data.len() > 45 {
        return Err(error(vm, "At most 45 bytes at once"));
    }
    let enc = |v: u32| -> u8 {
        let v = (v & 63) as u8;
        if backtick && v == 0 {
            b'`'
        } else {
            b' ' + v
        }
    };
    let mut out = vec![enc(data.len() as u32)];
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        out.extend([enc(n >> 18), enc(n >> 12), enc(n >> 6), enc(n)]);
    }
    out.push(b'\n');
    Ok(new_bytes(out))
}

fn a2b_uu(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let data = ascii_arg(vm, &args[0])?;
    // An empty line reads as a NUL length byte, as CPython's does: 32 zeros.
    let first = data.first().copied().unwrap_or(0);
    let mut want = (first.wrapping_sub(b' ') & 63) as usize;
    let mut rest = data.get(1..).unwrap_or_default().iter();
    let mut out = Vec::with_capacity(want);
    let (mut acc, mut bits) = (0u32, 0u32);
    while want > 0 {
        let v = match rest.next() {
            None | Some(b'\n' | b'\r') => 0,
            Some(&c) if !(b' '..=b' ' + 64).contains(&c) => {
                return Err(error(vm, "Illegal char"));
            }
            Some(&c) => ((c - b' ') & 63) as u32,
        };
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
            want -= 1;
        }
    }
    if rest.any(|&c| !matches!(c, b' ' | b'`' | b'\n' | b'\r')) {
        return Err(error(vm, "Trailing garbage"));
    }
    Ok(new_bytes(out))
}

// ---- CRCs ----

/// A CRC's starting value: an int, taken modulo 2**bits.
fn crc_start(vm: &mut Vm, v: Option<&Value>, mask: u32) -> PyResult<u32> {
    match v {
        None => Ok(0),
        Some(v) => {
            let n = match v {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                    crate::vm::arith::to_big(v).unwrap_or_default()
                }
                _ => {
                    let i = vm.to_index(v)?;
                    num_bigint::BigInt::from(i)
                }
            };
            let low = n & num_bigint::BigInt::from(mask);
            Ok(num_traits::ToPrimitive::to_u32(&low).unwrap_or(0))
        }
    }
}

pub fn crc32_of(data: &[u8], start: u32) -> u32 {
    let mut h = crc32fast::Hasher::new_with_initial(start);
    h.update(data);
    h.finalize()
}

fn crc32(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let start = crc_start(vm, args.get(1), u32::MAX)?;
    match with_bytes(&args[0], |d| crc32_of(d, start)) {
        Some(c) => Ok(Value::Int(c as i64)),
        None => binary_arg(vm, &args[0]).map(|_| Value::None),
    }
}

/// CRC-CCITT (polynomial 0x1021, not reflected), as `crc_hqx`.
fn crc_hqx(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut crc = crc_start(vm, args.get(1), 0xffff)? as u16;
    let data = binary_arg(vm, &args[0])?;
    for &b in &data {
        crc ^= (b as u16) << 8;
        for _ in 0..8 {
            crc = if crc & 0x8000 != 0 {
                (crc << 1) ^ 0x1021
            } else {
                crc << 1
            };
        }
    }
    Ok(Value::Int(crc as i64))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let t = vm.types();
    let (value_error, exception) = (t.exc.ValueError.clone(), t.exc.Exception.clone());
    for (name, base, marker) in [
        ("Error", value_error, true),
        ("Incomplete", exception, false),
    ] {
        let mut ns = DictMap::new();
        ns.set_by_str("__module__", new_str("binascii"));
        let cls = make_class(vm.intern(name), vm.intern(name), vec![base], ns, false)
            .expect("one base has a consistent MRO");
        if marker {
            vm.interp
                .native_classes
                .lock()
                .insert(std::any::TypeId::of::<BinasciiError>(), cls.clone());
        }
        d.set_by_str(name, Value::Class(cls));
    }
    add_functions(
        vm,
        d,
        &[
            ("hexlify", Arity::ANY, hexlify),
            ("b2a_hex", Arity::ANY, hexlify),
            ("unhexlify", Arity::exact(1), unhexlify),
            ("a2b_hex", Arity::exact(1), unhexlify),
            ("b2a_base64", Arity::ANY, b2a_base64),
            ("a2b_base64", Arity::ANY, a2b_base64),
            ("b2a_uu", Arity::ANY, b2a_uu),
            ("a2b_uu", Arity::exact(1), a2b_uu),
            ("crc32", Arity::range(1, 2), crc32),
            ("crc_hqx", Arity::exact(2), crc_hqx),
        ],
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trip() {
        for n in 0..10 {
            let data: Vec<u8> = (0..n).map(|i| (i * 37) as u8).collect();
            let enc = base64_encode(&data, false);
            assert_eq!(base64_decode(&enc, true), Ok(data));
        }
        assert_eq!(base64_decode(b"Zg", false), Err("Incorrect padding".into()));
    }

    #[test]
    fn crc32_matches_zlib() {
        assert_eq!(crc32_of(b"hello world", 0), 222957957);
    }
}
