//! `complex` values: a heap `Native::Complex(re, im)` (two floats do not fit
//! an unboxed `Value`). Arithmetic follows CPython 3.11's algorithms
//! (Smith's division, repeated squaring for small integer powers) so
//! results agree to the last bit, infinities and nans included.

use super::object::{Native, PyResult};
use super::value::{numhash, Value};
use super::Vm;
use crate::compiler::bytecode::BinOp;
use num_traits::{FromPrimitive, ToPrimitive};

/// A complex number as its two parts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct C {
    pub re: f64,
    pub im: f64,
}

impl C {
    pub const fn new(re: f64, im: f64) -> C {
        C { re, im }
    }
}

const ONE: C = C::new(1.0, 0.0);

pub fn new_complex(re: f64, im: f64) -> Value {
    Value::native(Native::Complex(re, im))
}

/// The parts of a `complex` value (not of a subclass instance).
#[inline]
pub fn parts(v: &Value) -> Option<C> {
    match v {
        Value::Native(n) => match **n {
            Native::Complex(re, im) => Some(C::new(re, im)),
            _ => None,
        },
        _ => None,
    }
}

#[inline]
pub fn is_complex(v: &Value) -> bool {
    parts(v).is_some()
}

/// What went wrong in a complex operation, as C's errno would say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Errno {
    Ok,
    /// Division by zero, or zero to a negative or complex power.
    Domain,
    /// A result too large.
    Range,
}

pub fn sum(a: C, b: C) -> C {
    C::new(a.re + b.re, a.im + b.im)
}

pub fn diff(a: C, b: C) -> C {
    C::new(a.re - b.re, a.im - b.im)
}

pub fn prod(a: C, b: C) -> C {
    C::new(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)
}

/// `a / b` by Smith's method: divide through by the larger part of `b`,
/// so that no intermediate overflows needlessly.
pub fn quot(a: C, b: C) -> (C, Errno) {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return (C::new(0.0, 0.0), Errno::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        (
            C::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom),
            Errno::Ok,
        )
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        (
            C::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom),
            Errno::Ok,
        )
    } else {
        // A nan in b.
        (C::new(f64::NAN, f64::NAN), Errno::Ok)
    }
}

/// glibc reports a domain error for the cosine or sine of an infinity.
fn trig_errno(x: f64) -> Errno {
    if x.is_infinite() {
        Errno::Domain
    } else {
        Errno::Ok
    }
}

/// `a ** b` through polar form.
fn pow_general(a: C, b: C) -> (C, Errno) {
    if b.re == 0.0 && b.im == 0.0 {
        return (ONE, Errno::Ok);
    }
    if a.re == 0.0 && a.im == 0.0 {
        let e = if b.im != 0.0 || b.re < 0.0 {
            Errno::Domain
        } else {
            Errno::Ok
        };
        return (C::new(0.0, 0.0), e);
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    (
        C::new(len * phase.cos(), len * phase.sin()),
        trig_errno(phase),
    )
}

/// `x ** n` for `n >= 0` by repeated squaring.
fn pow_unsigned(x: C, n: u64) -> C {
    let mut r = ONE;
    let mut p = x;
    let mut mask: u64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

fn pow_int(x: C, n: i64) -> (C, Errno) {
    if !(-100..=100).contains(&n) {
        pow_general(x, C::new(n as f64, 0.0))
    } else if n > 0 {
        (pow_unsigned(x, n as u64), Errno::Ok)
    } else {
        quot(ONE, pow_unsigned(x, n.unsigned_abs()))
    }
}

/// `a ** b` as CPython computes it: exact integer exponents by repeated
/// multiplication, others through polar form. An infinite part in the
/// result counts as a range error.
pub fn pow(a: C, b: C) -> (C, Errno) {
    // C's (long) cast: out-of-range exponents are never "integers" here.
    let int_exp = if b.re.abs() < 9.2e18 {
        Some(b.re as i64)
    } else {
        None
    };
    let (r, mut e) = match int_exp {
        Some(n) if b.im == 0.0 && b.re == n as f64 => pow_int(a, n),
        _ => pow_general(a, b),
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        if e == Errno::Ok {
            e = Errno::Range;
        }
    } else if e == Errno::Range {
        e = Errno::Ok;
    }
    (r, e)
}

/// `abs(z)`: an infinite part wins over a nan, as C99 says.
pub fn abs(z: C) -> (f64, Errno) {
    if !z.re.is_finite() || !z.im.is_finite() {
        if z.re.is_infinite() {
            return (z.re.abs(), Errno::Ok);
        }
        if z.im.is_infinite() {
            return (z.im.abs(), Errno::Ok);
        }
        return (f64::NAN, Errno::Ok);
    }
    let r = z.re.hypot(z.im);
    (
        r,
        if r.is_finite() {
            Errno::Ok
        } else {
            Errno::Range
        },
    )
}

/// CPython's hash: the real part's hash plus 1000003 times the imaginary
/// part's, in wrapping arithmetic, with -1 reserved.
pub fn hash(z: C) -> i64 {
    let h = (numhash::float(z.re) as u64)
        .wrapping_add(1000003u64.wrapping_mul(numhash::float(z.im) as u64));
    numhash::fix(h as i64)
}

/// `z == other` for complex against complex, float, int or bool; `None`
/// when `other` is not a number (or neither side is complex).
pub fn num_eq(a: &Value, b: &Value) -> Option<bool> {
    let (z, other) = match (parts(a), parts(b)) {
        (Some(x), Some(y)) => return Some(x.re == y.re && x.im == y.im),
        (Some(z), None) => (z, b),
        (None, Some(z)) => (z, a),
        (None, None) => return None,
    };
    Some(match other {
        Value::Float(f) => z.re == *f && z.im == 0.0,
        Value::Int(i) => z.im == 0.0 && float_eq_int(z.re, *i),
        Value::Bool(b) => z.im == 0.0 && z.re == *b as i64 as f64,
        Value::BigInt(b) => {
            z.im == 0.0
                && z.re.is_finite()
                && z.re.fract() == 0.0
                && num_bigint::BigInt::from_f64(z.re).as_ref() == Some(&**b)
        }
        _ => return None,
    })
}

/// Exact equality of a float and an int (no rounding of the int).
fn float_eq_int(f: f64, i: i64) -> bool {
    f == i as f64 && f.is_finite() && (f as i128) == i as i128
}

impl Vm {
    /// A number as a complex operand: `Ok(None)` when it is not one.
    pub fn complex_operand(&self, v: &Value) -> PyResult<Option<C>> {
        Ok(Some(match v {
            Value::Native(_) => match parts(v) {
                Some(z) => z,
                None => return Ok(None),
            },
            Value::Float(f) => C::new(*f, 0.0),
            Value::Int(i) => C::new(*i as f64, 0.0),
            Value::Bool(b) => C::new(*b as i64 as f64, 0.0),
            Value::BigInt(b) => match b.to_f64() {
                Some(f) if f.is_finite() => C::new(f, 0.0),
                _ => return Err(self.overflow_error("int too large to convert to float")),
            },
            _ => return Ok(None),
        }))
    }

    /// A binary operator with a complex operand; `Ok(None)` when the other
    /// operand is not a number or the operator is not defined on complex.
    pub fn complex_binary(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if !matches!(
            op,
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div | BinOp::Pow
        ) {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.complex_operand(a)?, self.complex_operand(b)?) else {
            return Ok(None);
        };
        let r = match op {
            BinOp::Add => sum(x, y),
            BinOp::Sub => diff(x, y),
            BinOp::Mul => prod(x, y),
            BinOp::Div => match quot(x, y) {
                (_, Errno::Domain) => return Err(self.zero_division("complex division by zero")),
                (r, _) => r,
            },
            _ => match pow(x, y) {
                (_, Errno::Domain) => {
                    return Err(self.zero_division("0.0 to a negative or complex power"))
                }
                (_, Errno::Range) => return Err(self.overflow_error("complex exponentiation")),
                (r, Errno::Ok) => r,
            },
        };
        Ok(Some(new_complex(r.re, r.im)))
    }
}

impl Vm {
    /// The complex inside `v`, looking through a subclass instance.
    pub fn complex_value(&self, v: &Value) -> Option<C> {
        parts(v).or_else(|| super::ops::base_of(v).and_then(parts))
    }

    /// Calls `v.__complex__()` if its type has one: the result must be a
    /// complex. `Ok(None)` when there is no such method.
    pub fn complex_special(&mut self, v: &Value) -> PyResult<Option<C>> {
        if parts(v).is_some() {
            return Ok(parts(v));
        }
        let Some(m) = self.lookup_special(v, "__complex__") else {
            return Ok(None);
        };
        let r = self.call(&m, &[], &[])?;
        match self.complex_value(&r) {
            Some(z) => Ok(Some(z)),
            None => Err(self.type_error(format!(
                "__complex__ returned non-complex (type {})",
                self.type_name(&r)
            ))),
        }
    }

    /// A number as a complex, as C code's `PyComplex_AsCComplex` sees it
    /// (the argument of the `cmath` functions): complex, `__complex__`,
    /// else a real number.
    pub fn to_complex(&mut self, v: &Value) -> PyResult<C> {
        if let Some(z) = self.complex_special(v)? {
            return Ok(z);
        }
        match v {
            Value::Float(f) => Ok(C::new(*f, 0.0)),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => self
                .complex_operand(v)
                .map(|z| z.unwrap_or(C::new(0.0, 0.0))),
            _ => {
                for name in ["__float__", "__index__"] {
                    if let Some(m) = self.lookup_special(v, name) {
                        let r = self.call(&m, &[], &[])?;
                        let f = super::convert::to_float(self, &r)?;
                        return Ok(C::new(f, 0.0));
                    }
                }
                Err(self.type_error(format!("must be real number, not {}", self.type_name(v))))
            }
        }
    }
}
