//! `int`, `float` and `bool`: constructors and methods.

use crate::vm::arith::to_big;
use crate::vm::convert::{parse_int, to_float, to_int};
use crate::vm::native::*;
use crate::vm::*;
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

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
            ("is_integer", Arity::ANY, int_is_integer),
            ("as_integer_ratio", Arity::ANY, int_ratio),
            ("to_bytes", Arity::ANY, int_to_bytes),
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
        ],
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
        let Value::Str(s) = x else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        return parse_int(vm, s.as_str(), b as u32);
    }
    to_int(vm, x)
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

fn int_is_integer(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Bool(true))
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
    if !f.is_finite() {
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
    if f == 0.0 {
        return Ok(new_str(if f.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1023;
    let mant = bits & ((1 << 52) - 1);
    let mut m = format!("{:013x}", mant);
    while m.ends_with('0') && m.len() > 1 {
        m.pop();
    }
    Ok(new_str(format!(
        "{}0x1.{}p{:+}",
        if f < 0.0 { "-" } else { "" },
        m,
        exp
    )))
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
