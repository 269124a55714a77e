//! Conversions to int and float as `int(x)` and `float(x)` make them (also
//! used by `%`-formatting and the `math` module).

use super::object::PyResult;
use super::repr::str_repr;
use super::value::Value;
use super::Vm;
use crate::fmt as pyfmt;
use num_bigint::BigInt;
use num_traits::ToPrimitive;

pub fn parse_int(vm: &mut Vm, s: &str, base: u32) -> PyResult<Value> {
    match pyfmt::parse_int(s, base) {
        Some(b) => Ok(Value::from_bigint(b)),
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
