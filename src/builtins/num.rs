//! `int`, `float` and `bool`: constructors and methods.

use crate::vm::arith::to_big;
use crate::vm::convert::{parse_int, to_float, to_int};
use crate::vm::native::*;
use crate::vm::*;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

pub fn install(vm: &mut Vm) {
    let t = vm.types();
    let (int, float, bool_) = (t.int.clone(), t.float.clone(), t.bool_.clone());
    add_methods(
        vm,
        &int,
        &[
            ("__new__", Arity::ANY, int_new),
            ("bit_length", Arity::ANY, int_bit_length),
            ("bit_count", Arity::ANY, int_bit_count),
            ("conjugate", Arity::ANY, num_self),
            ("__index__", Arity::ANY, num_self),
            ("__int__", Arity::ANY, num_self),
            ("__float__", Arity::exact(0), num_float),
            ("__abs__", Arity::exact(0), num_abs),
            ("as_integer_ratio", Arity::ANY, int_ratio),
            ("to_bytes", Arity::ANY, int_to_bytes),
            ("__trunc__", Arity::exact(0), int_self),
            ("__floor__", Arity::exact(0), int_self),
            ("__ceil__", Arity::exact(0), int_self),
            ("__round__", Arity::range(0, 1), int_round_method),
        ],
    );
    int.dict.lock().set_str(
        &vm.intern("from_bytes"),
        Value::native(Native::ClassMethod(builtin("from_bytes", int_from_bytes))),
    );
    add_methods(
        vm,
        &float,
        &[
            ("__new__", Arity::ANY, float_new),
            ("is_integer", Arity::ANY, float_is_integer),
            ("__int__", Arity::ANY, float_int),
            ("__float__", Arity::exact(0), num_float),
            ("__abs__", Arity::exact(0), num_abs),
            ("conjugate", Arity::ANY, num_self),
            ("as_integer_ratio", Arity::ANY, float_ratio),
            ("hex", Arity::ANY, float_hex),
            ("__trunc__", Arity::exact(0), float_trunc),
            ("__floor__", Arity::exact(0), float_floor),
            ("__ceil__", Arity::exact(0), float_ceil),
            ("__round__", Arity::range(0, 1), float_round_method),
        ],
    );
    float.dict.lock().set_by_str(
        "fromhex",
        Value::native(Native::ClassMethod(builtin("fromhex", float_fromhex))),
    );
    add_methods(vm, &bool_, &[("__new__", Arity::ANY, bool_new)]);
}

fn int_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let v = int_value(vm, args, kw)?;
    Ok(vm.wrap_for_subclass(&args[0], v))
}

fn int_value(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = arg_or_kw(args, kw, 1, "x");
    let base = arg_or_kw(args, kw, 2, "base");
    let Some(x) = x else {
        return Ok(Value::Int(0));
    };
    if let Some(b) = base {
        let b = vm.to_index(b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        if let Some(text) = bytes_text(x) {
            return parse_int(vm, &text, b as u32);
        }
        let Value::Str(s) = x else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, s.as_str(), b as u32);
    }
    // `int(b"12")` parses the ASCII digits.
    if let Some(text) = bytes_text(x) {
        return parse_int(vm, &text, 10);
    }
    to_int(vm, x)
}

/// The text of a bytes or bytearray argument of `int()`.
fn bytes_text(v: &Value) -> Option<String> {
    match v {
        Value::Bytes(_) => {}
        Value::Native(n) if matches!(**n, Native::ByteArray(_)) => {}
        _ => return None,
    }
    let b = crate::vm::bytes::bytes_like(v)?;
    Some(b.iter().map(|&c| c as char).collect())
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "float", args, 1, 2)?;
    let f = match args.get(1) {
        Some(x) => to_float(vm, x)?,
        None => 0.0,
    };
    Ok(vm.wrap_for_subclass(&args[0], Value::Float(f)))
}

fn bool_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "bool", args, 1, 2)?;
    match args.get(1) {
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn self_int(vm: &Vm, args: &[Value]) -> PyResult<BigInt> {
    args.first()
        .and_then(to_big)
        .ok_or_else(|| vm.type_error("descriptor requires an 'int' object"))
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = self_int(vm, args)?;
    Ok(Value::Int(b.abs().bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = self_int(vm, args)?;
    let ones: u64 = b
        .abs()
        .to_u64_digits()
        .1
        .iter()
        .map(|d| d.count_ones() as u64)
        .sum();
    Ok(Value::Int(ones as i64))
}

fn int_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = self_int(vm, args)?;
    Ok(Value::tuple(vec![Value::from_bigint(b), Value::Int(1)]))
}

fn num_self(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        Some(v) => Ok(v.clone()),
        None => Err(vm.type_error("missing self")),
    }
}

fn num_float(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    to_float(vm, &args[0]).map(Value::Float)
}

fn num_abs(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Float(f) => Value::Float(f.abs()),
        v => Value::from_bigint(to_big(v).unwrap_or_default().abs()),
    })
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn float_int(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    to_int(vm, &args[0])
}

fn float_ratio(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = if exp == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let e = exp - 1075;
    let mut num = BigInt::from(mant);
    let mut den = BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    let g = num_integer::Integer::gcd(&num, &den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    if f < 0.0 {
        num = -num;
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    Ok(new_str(hexfloat::to_hex(f)))
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "fromhex", args, 2, 2)?;
    let Value::Str(s) = &args[1] else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let f = match hexfloat::from_hex(s.as_str()) {
        Ok(f) => f,
        Err(hexfloat::HexError::Invalid) => {
            return Err(vm.value_error("invalid hexadecimal floating-point string"))
        }
        Err(hexfloat::HexError::Overflow) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
    };
    // A subclass gets an instance of itself, as `cls(value)`.
    match &args[0] {
        Value::Class(c) if !c.builtin => vm.call(&args[0], &[Value::Float(f)], &[]),
        _ => Ok(Value::Float(f)),
    }
}

fn int_self(_vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(match &args[0] {
        Value::Bool(b) => Value::Int(*b as i64),
        v => v.clone(),
    })
}

fn float_to_int_checked(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(crate::vm::convert::float_to_int(x))
}

fn float_trunc(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    float_to_int_checked(vm, f.trunc())
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    float_to_int_checked(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    float_to_int_checked(vm, f.ceil())
}

/// `round(x[, ndigits])` for a float: to an int, half to even, without
/// `ndigits`; else to a float rounded correctly at that decimal place.
pub fn float_round(vm: &mut Vm, x: f64, ndigits: Option<&Value>) -> PyResult<Value> {
    let Some(nd) = ndigits.filter(|v| !v.is_none()) else {
        return float_to_int_checked(vm, x.round_ties_even());
    };
    let nd = vm.to_index(nd)?;
    let r = crate::fmt::round_float(x, nd);
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("rounded value too large to represent"));
    }
    Ok(Value::Float(r))
}

/// `round(n[, ndigits])` for an int: unchanged unless `ndigits` is
/// negative, then to a multiple of `10**-ndigits`, half to even.
pub fn int_round(vm: &mut Vm, n: &Value, ndigits: Option<&Value>) -> PyResult<Value> {
    let b = to_big(n).unwrap_or_default();
    let Some(nd) = ndigits.filter(|v| !v.is_none()) else {
        return Ok(Value::from_bigint(b));
    };
    let nd = match to_big(nd) {
        Some(v) => v,
        None => BigInt::from(vm.to_index(nd)?),
    };
    if !nd.is_negative() {
        return Ok(Value::from_bigint(b));
    }
    // |b| < 10**k / 2 rounds to zero: no need for a huge power of ten.
    let digits = b.bits() as f64 * std::f64::consts::LOG10_2 + 2.0;
    let Some(k) = (-nd).to_usize().filter(|k| (*k as f64) <= digits) else {
        return Ok(Value::Int(0));
    };
    let p = num_traits::pow(BigInt::from(10), k);
    let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
        q + 1
    } else {
        q
    };
    Ok(Value::from_bigint(q * p))
}

fn float_round_method(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let f = to_float(vm, &args[0])?;
    float_round(vm, f, args.get(1))
}

fn int_round_method(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    int_round(vm, &args[0], args.get(1))
}

/// `float.hex()` and `float.fromhex()`: `[-]0x1.<13 hex digits>p<exp>`.
mod hexfloat {
    use num_bigint::BigUint;
    use num_traits::{ToPrimitive, Zero};

    pub fn to_hex(x: f64) -> String {
        if x.is_nan() {
            return "nan".into();
        }
        if x.is_infinite() {
            return if x < 0.0 { "-inf" } else { "inf" }.into();
        }
        let sign = if x.is_sign_negative() { "-" } else { "" };
        if x == 0.0 {
            return format!("{sign}0x0.0p+0");
        }
        let bits = x.to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i64;
        let frac = bits & ((1 << 52) - 1);
        // Subnormals keep a leading 0 and the smallest normal exponent.
        let (lead, exp) = if biased == 0 {
            (0, -1022)
        } else {
            (1, biased - 1023)
        };
        format!("{sign}0x{lead}.{frac:013x}p{exp:+}")
    }

    /// `m * 2**e`, exact whenever the result is representable: each step
    /// multiplies by a power of two that keeps the value normal.
    fn scale2(mut m: f64, mut e: i64) -> f64 {
        while e > 1000 {
            m *= 2f64.powi(1000);
            e -= 1000;
        }
        while e < -1000 {
            m *= 2f64.powi(-1000);
            e += 1000;
        }
        m * 2f64.powi(e as i32)
    }

    pub enum HexError {
        Invalid,
        Overflow,
    }

    fn is_space(c: u8) -> bool {
        matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
    }

    pub fn from_hex(text: &str) -> Result<f64, HexError> {
        let s = text.as_bytes();
        let (mut i, mut end) = (0, s.len());
        while i < end && is_space(s[i]) {
            i += 1;
        }
        while end > i && is_space(s[end - 1]) {
            end -= 1;
        }
        let s = &s[i..end];
        let (negative, s) = match s.first() {
            Some(b'-') => (true, &s[1..]),
            Some(b'+') => (false, &s[1..]),
            _ => (false, s),
        };
        let signed = |v: f64| if negative { -v } else { v };
        let lower = s.to_ascii_lowercase();
        match &lower[..] {
            b"inf" | b"infinity" => return Ok(signed(f64::INFINITY)),
            b"nan" => return Ok(signed(f64::NAN)),
            _ => {}
        }
        let s = lower.strip_prefix(b"0x").unwrap_or(&lower);
        let mut mant = BigUint::zero();
        let mut i = 0;
        let mut digits = 0;
        let mut frac_digits: i64 = 0;
        let mut seen_point = false;
        while i < s.len() {
            let c = s[i];
            if c == b'.' && !seen_point {
                seen_point = true;
            } else if let Some(d) = (c as char).to_digit(16) {
                mant = (mant << 4u32) + d;
                digits += 1;
                if seen_point {
                    frac_digits += 1;
                }
            } else {
                break;
            }
            i += 1;
        }
        if digits == 0 {
            return Err(HexError::Invalid);
        }
        let mut exp: i64 = 0;
        if i < s.len() && s[i] == b'p' {
            i += 1;
            let neg = match s.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            while i < s.len() && s[i].is_ascii_digit() {
                // Saturate: far beyond any float's range either way.
                exp = (exp * 10 + (s[i] - b'0') as i64).min(1 << 40);
                i += 1;
            }
            if i == start {
                return Err(HexError::Invalid);
            }
            if neg {
                exp = -exp;
            }
        }
        if i != s.len() {
            return Err(HexError::Invalid);
        }
        if mant.is_zero() {
            return Ok(signed(0.0));
        }
        // value = mant * 2**exp, rounded half-even to 53 bits (fewer for
        // subnormals).
        let exp = exp - 4 * frac_digits;
        let top = exp + mant.bits() as i64 - 1;
        if top > 1100 {
            return Err(HexError::Overflow);
        }
        if top < -1100 {
            return Ok(signed(0.0));
        }
        let lsb = (top - 52).max(-1074);
        let shift = lsb - exp;
        let q = if shift <= 0 {
            mant << (-shift) as u64
        } else {
            let q = &mant >> shift as u64;
            let rem = &mant - (&q << shift as u64);
            let half = BigUint::from(1u32) << (shift - 1) as u64;
            if rem > half || rem == half && q.bit(0) {
                q + 1u32
            } else {
                q
            }
        };
        let m = q.to_f64().unwrap_or(f64::INFINITY);
        let v = scale2(m, lsb);
        if v.is_infinite() {
            return Err(HexError::Overflow);
        }
        Ok(signed(v))
    }
}

/// The `length`/`bytes`, `byteorder` and `signed` arguments of
/// `to_bytes` and `from_bytes` (3.11: `byteorder` defaults to 'big').
fn bytes_args<'a>(
    vm: &Vm,
    name: &str,
    first: &str,
    args: &'a [Value],
    kw: &'a [(Str, Value)],
) -> PyResult<(Option<&'a Value>, bool, Option<&'a Value>)> {
    if args.len() > 3 {
        return Err(vm.type_error(format!(
            "{}() takes at most 2 positional arguments ({} given)",
            name,
            args.len() - 1
        )));
    }
    let names = [first, "byteorder", "signed"];
    let mut got: [Option<&Value>; 3] = [args.get(1), args.get(2), None];
    for (k, v) in kw {
        match names.iter().position(|n| *n == k.as_str()) {
            Some(i) if got[i].is_some() => {
                return Err(vm.type_error(format!(
                    "argument for {}() given by name ('{}') and position ({})",
                    name,
                    k.as_str(),
                    i + 1
                )))
            }
            Some(i) => got[i] = Some(v),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' is an invalid keyword argument for {}()",
                    k.as_str(),
                    name
                )))
            }
        }
    }
    let little = match got[1] {
        None => false,
        Some(Value::Str(s)) => match s.as_str() {
            "big" => false,
            "little" => true,
            _ => return Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(v) => {
            return Err(vm.type_error(format!(
                "{}() argument 'byteorder' must be str, not {}",
                name,
                vm.type_name(v)
            )))
        }
    };
    Ok((got[0], little, got[2]))
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = self_int(vm, args)?;
    let (length, little, signed) = bytes_args(vm, "to_bytes", "length", args, kw)?;
    let length = match length {
        Some(v) => vm.to_index(v)?,
        None => 1,
    };
    let signed = match signed {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let length = length as usize;
    let (mut digits, fill) = if n.is_negative() {
        if !signed {
            return Err(vm.overflow_error("can't convert negative int to unsigned"));
        }
        let d = n.to_signed_bytes_le();
        // -1 fits in no bytes at all, as CPython has it.
        if length == 0 && d == [0xff] {
            return Ok(new_bytes(Vec::new()));
        }
        (d, 0xff)
    } else if n.is_zero() {
        (Vec::new(), 0)
    } else if signed {
        (n.to_signed_bytes_le(), 0)
    } else {
        (n.to_bytes_le().1, 0)
    };
    if digits.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    digits.resize(length, fill);
    if !little {
        digits.reverse();
    }
    Ok(new_bytes(digits))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a class
/// method: `args[0]` is the class.
fn int_from_bytes(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let (data, little, signed) = bytes_args(vm, "from_bytes", "bytes", args, kw)?;
    let Some(data) = data else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let signed = match signed {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut bytes: Vec<u8> = match crate::vm::bytes::bytes_like(data) {
        Some(b) => b.into_owned(),
        None => {
            if matches!(data, Value::Str(_)) || !vm.is_iterable(data) {
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(data)
                )));
            }
            let mut out = Vec::new();
            for x in vm.iterate(data)? {
                let b = vm.to_index(&x)?;
                match u8::try_from(b) {
                    Ok(b) => out.push(b),
                    Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !little {
        bytes.reverse();
    }
    let n = if signed {
        BigInt::from_signed_bytes_le(&bytes)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &bytes)
    };
    let v = Value::from_bigint(n);
    match &args[0] {
        Value::Class(c) if !crate::vm::sync::Shared::ptr_eq(c, &vm.types().int) => {
            vm.call(&args[0].clone(), &[v], &[])
        }
        _ => Ok(v),
    }
}
