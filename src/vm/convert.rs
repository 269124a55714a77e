//! Conversions to int and float as `int(x)` and `float(x)` make them (also
//! used by `%`-formatting and the `math` module).

use super::object::PyResult;
use super::repr::str_repr;
use super::value::Value;
use super::Vm;
use crate::fmt as pyfmt;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `sys.set_int_max_str_digits`: the most decimal digits a conversion
/// between int and str may have (0: no limit), as CPython 3.11, which
/// refuses longer ones because the conversion takes quadratic time.
pub static INT_MAX_STR_DIGITS: AtomicUsize = AtomicUsize::new(4300);

/// The limit's message, after "Exceeds the limit (N digits) for integer
/// string conversion".
fn int_limit_error(vm: &Vm, detail: &str) -> super::object::PyErr {
    vm.value_error(format!(
        "Exceeds the limit ({} digits) for integer string conversion{}; use \
         sys.set_int_max_str_digits() to increase the limit",
        INT_MAX_STR_DIGITS.load(Ordering::Relaxed),
        detail
    ))
}

/// The limit's `ValueError` if `b` has more decimal digits than allowed.
/// The bit length bounds the digit count; only a number at the border is
/// converted to count exactly.
pub fn check_int_str_digits(vm: &Vm, b: &BigInt) -> PyResult<()> {
    let limit = INT_MAX_STR_DIGITS.load(Ordering::Relaxed);
    if limit == 0 {
        return Ok(());
    }
    let bits = b.bits() as f64;
    let fewest = ((bits - 1.0).max(0.0) * std::f64::consts::LOG10_2).floor() as usize + 1;
    let most = (bits * std::f64::consts::LOG10_2).floor() as usize + 1;
    let too_long = if fewest > limit {
        true
    } else if most <= limit {
        false
    } else {
        b.to_string().trim_start_matches('-').len() > limit
    };
    if too_long {
        return Err(int_limit_error(vm, ""));
    }
    Ok(())
}

/// The decimal text of a big int, or the limit's `ValueError`.
pub fn bigint_to_decimal(vm: &Vm, b: &BigInt) -> PyResult<String> {
    check_int_str_digits(vm, b)?;
    Ok(b.to_string())
}

/// Digits of `s` that count against the limit: none in a base that is a
/// power of two (those conversions are linear).
fn limited_digits(s: &str, base: u32) -> usize {
    let t = s.trim().trim_start_matches(['+', '-']);
    let prefixed = t.len() > 1
        && t.starts_with('0')
        && matches!(t.as_bytes()[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B');
    if base.is_power_of_two() || (base == 0 && prefixed) {
        return 0;
    }
    t.bytes().filter(u8::is_ascii_alphanumeric).count()
}

pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match pyfmt::parse_int(s, base) {
        Some(b) => {
            let limit = INT_MAX_STR_DIGITS.load(Ordering::Relaxed);
            if limit > 0 && b.to_i64().is_none() {
                let digits = limited_digits(s, base);
                if digits > limit {
                    return Err(int_limit_error(
                        vm,
                        &format!(": value has {} digits", digits),
                    ));
                }
            }
            Ok(Value::from_bigint(b))
        }
        None => Err(vm.value_error(format!(
            "invalid literal for int() with base {}: {}",
            base,
            str_repr(s)
        ))),
    }
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            Ok(float_to_int(f.trunc()))
        }
        Value::Str(s) => parse_int(vm, s.as_str(), 10),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(m) = vm.lookup_special(x, name) {
                    return vm.call(&m, &[], &[]);
                }
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(vm.overflow_error("int too large to convert to float")),
        },
        Value::Str(s) => pyfmt::parse_float(s.as_str()).ok_or_else(|| {
            vm.value_error(format!(
                "could not convert string to float: {}",
                str_repr(s.as_str())
            ))
        }),
        _ => {
            for name in ["__float__", "__index__"] {
                if let Some(m) = vm.lookup_special(x, name) {
                    let r = vm.call(&m, &[], &[])?;
                    return to_float(vm, &r);
                }
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

/// A float with an integral value as a Python int.
pub fn float_to_int(f: f64) -> Value {
    if f.abs() < 9.2e18 {
        Value::Int(f as i64)
    } else {
        use num_traits::FromPrimitive;
        Value::from_bigint(BigInt::from_f64(f).unwrap_or_default())
    }
}
