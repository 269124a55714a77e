//! `math`: CPython 3.11's functions, with its domain and range errors
//! ("math domain error" as ValueError, "math range error" as
//! OverflowError), its exact `fsum` and its accurate `hypot`.

use super::libm;
use crate::fmt as pyfmt;
use crate::vm::arith::to_big;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

/// A real number argument, as C's `PyFloat_AsDouble` takes it.
pub fn real_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => pyfmt::int_to_f64(b)
            .ok_or_else(|| vm.overflow_error("int too large to convert to float")),
        _ => {
            for name in ["__float__", "__index__"] {
                if let Some(m) = vm.lookup_special(v, name) {
                    let r = vm.call(&m, &[], &[])?;
                    if name == "__float__" && !matches!(r, Value::Float(_)) {
                        if let Some(Value::Float(f)) = ops::base_of(&r) {
                            return Ok(*f);
                        }
                        return Err(vm.type_error(format!(
                            "{}.__float__ returned non-float (type {})",
                            vm.type_name(v),
                            vm.type_name(&r)
                        )));
                    }
                    return real_arg(vm, &r);
                }
            }
            Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
        }
    }
}

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// "math.sqrt() takes exactly one argument (2 given)".
fn one(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<f64> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    real_arg(vm, &args[0])
}

/// "pow expected 2 arguments, got 1".
fn expect(vm: &Vm, args: &[Value], name: &str, n: usize) -> PyResult<()> {
    if args.len() != n {
        return Err(vm.type_error(format!("{name} expected {n} arguments, got {}", args.len())));
    }
    Ok(())
}

/// A float function of one argument: a nan from a non-nan is a domain
/// error; an infinity from a finite argument is a range error when the
/// function can overflow, else a domain error (a pole).
fn unary(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = one(vm, args, name)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! unary_fns {
    ($($name:ident => $f:expr, $overflow:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            unary(vm, args, stringify!($name), $f, $overflow)
        })*
    };
}

unary_fns! {
    sqrt => f64::sqrt, false;
    exp => f64::exp, true;
    exp2 => f64::exp2, true;
    expm1 => f64::exp_m1, true;
    log1p => f64::ln_1p, false;
    sin => f64::sin, false;
    cos => f64::cos, false;
    tan => f64::tan, false;
    asin => f64::asin, false;
    acos => f64::acos, false;
    atan => f64::atan, false;
    sinh => f64::sinh, true;
    cosh => f64::cosh, true;
    tanh => f64::tanh, false;
    asinh => |x| libm::asinh(x), false;
    acosh => |x| libm::acosh(x), false;
    atanh => |x| libm::atanh(x), false;
    erf => |x| libm::erf(x), false;
    erfc => |x| libm::erfc(x), false;
    cbrt => f64::cbrt, false;
    fabs => f64::abs, false;
}

/// `gamma` and `lgamma`: the poles (0 and the negative integers) are
/// domain errors, a finite argument with an infinite result a range error.
fn gamma_like(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    let x = one(vm, args, name)?;
    if x.is_finite() && x <= 0.0 && x == x.floor() {
        return Err(domain(vm));
    }
    if name == "gamma" && x == f64::NEG_INFINITY {
        return Err(domain(vm));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn gamma(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gamma_like(vm, args, "gamma", |x| libm::tgamma(x))
}

fn lgamma(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    gamma_like(vm, args, "lgamma", |x| libm::lgamma(x))
}

/// `degrees` and `radians` are plain products: no range check.
fn scaled(vm: &mut Vm, args: &[Value], name: &str, factor: f64) -> PyResult<Value> {
    Ok(Value::Float(one(vm, args, name)? * factor))
}

fn degrees(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    scaled(vm, args, "degrees", 180.0 / std::f64::consts::PI)
}

fn radians(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    scaled(vm, args, "radians", std::f64::consts::PI / 180.0)
}

// ---- logarithms ----

/// A logarithm with the domain rules of C99 made explicit: zero gives
/// -inf and negatives nan, both reported as domain errors by the caller.
fn log_base(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            f(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// `x` as `m * 2**e` with `m` in [0.5, 1) rounded half-even to 53 bits,
/// for ints too large for a float.
fn big_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits() as i64;
    let shift = bits - 53;
    let mag = b.magnitude();
    let mut q = mag >> shift as usize;
    let rem = mag - (&q << shift as usize);
    let half = num_bigint::BigUint::one() << (shift as usize - 1);
    if rem > half || rem == half && q.is_odd() {
        q += 1u32;
    }
    let m = q.to_f64().unwrap_or(0.0) / 2f64.powi(53);
    if m == 1.0 {
        (0.5, bits + 1)
    } else {
        (m, bits)
    }
}

/// `log(x)` for a float or an int of any size, with `f` the logarithm.
fn log_helper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = to_big(v) {
        if !b.is_positive() {
            return Err(domain(vm));
        }
        return Ok(match pyfmt::int_to_f64(&b) {
            Some(x) => f(x),
            None => {
                let (m, e) = big_frexp(&b);
                f(m) + f(2.0) * e as f64
            }
        });
    }
    let x = real_arg(vm, v)?;
    let r = log_base(x, f);
    if r.is_nan() && !x.is_nan() || r.is_infinite() && x.is_finite() {
        return Err(domain(vm));
    }
    Ok(r)
}

fn log(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_helper(vm, &args[0], f64::ln)?;
    match args.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_helper(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn log2(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        one(vm, args, "log2")?;
    }
    log_helper(vm, &args[0], f64::log2).map(Value::Float)
}

fn log10(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        one(vm, args, "log10")?;
    }
    log_helper(vm, &args[0], f64::log10).map(Value::Float)
}

// ---- rounding to integers ----

/// `math.floor` and `math.ceil`: floats directly, else the type's
/// `__floor__`/`__ceil__`, else the value as a float.
fn to_int_result(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if args.len() != 1 {
        one(vm, args, name)?;
    }
    let v = &args[0];
    let x = match v {
        Value::Float(x) => *x,
        Value::Int(_) | Value::BigInt(_) => return Ok(v.clone()),
        Value::Bool(b) => return Ok(Value::Int(*b as i64)),
        _ => {
            if let Some(m) = vm.lookup_special(v, &format!("__{name}__")) {
                return vm.call(&m, &[], &[]);
            }
            real_arg(vm, v)?
        }
    };
    float_to_int(vm, f(x))
}

/// An integral float as an int (errors for infinities and nans).
pub fn float_to_int(vm: &Vm, x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(convert::float_to_int(x))
}

fn floor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    to_int_result(vm, args, "floor", f64::floor)
}

fn ceil(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    to_int_result(vm, args, "ceil", f64::ceil)
}

fn trunc(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        one(vm, args, "trunc")?;
    }
    let v = &args[0];
    if let Value::Float(x) = v {
        return float_to_int(vm, x.trunc());
    }
    match vm.lookup_special(v, "__trunc__") {
        Some(m) => vm.call(&m, &[], &[]),
        None => Err(vm.type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

// ---- functions of two floats ----

fn two(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    expect(vm, args, name, 2)?;
    Ok((real_arg(vm, &args[0])?, real_arg(vm, &args[1])?))
}

/// The errors of a two-argument function: nan from non-nans is a domain
/// error, an infinity from finite arguments a range error.
fn checked2(vm: &Vm, x: f64, y: f64, r: f64) -> PyResult<Value> {
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn odd_integer(y: f64) -> bool {
    y.is_finite() && y.abs() % 2.0 == 1.0
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            if y > 0.0 {
                if odd_integer(y) {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_integer(y) {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 || y < 0.0 && x.abs() < 1.0 {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() || r.is_infinite() && x == 0.0 {
            return Err(domain(vm));
        }
        if r.is_infinite() {
            return Err(range(vm));
        }
        r
    };
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (y, x) = two(vm, args, "atan2")?;
    checked2(vm, y, x, y.atan2(x))
}

fn fmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

/// IEEE 754 remainder: `x - n*y` with `n` the integer nearest `x/y`, ties
/// to even.
fn ieee_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let (ax, ay) = (x.abs(), y.abs());
        let m = ax % ay;
        let c = ay - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // Halfway: the choice that makes the quotient even.
            m - 2.0 * ((0.5 * (ax - m)) % ay)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn remainder(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "remainder")?;
    checked2(vm, x, y, ieee_remainder(x, y))
}

fn copysign(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn nextafter(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "nextafter")?;
    Ok(Value::Float(libm::nextafter(x, y)))
}

fn ulp(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = one(vm, args, "ulp")?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let up = libm::nextafter(x, f64::INFINITY);
    Ok(Value::Float(if up.is_infinite() {
        x - libm::nextafter(x, f64::NEG_INFINITY)
    } else {
        up - x
    }))
}

// ---- Euclidean norms ----

/// The length of a vector of finite magnitudes whose largest is `max`,
/// accurate to within an ulp: squares of the scaled values are summed
/// exactly in pieces (Dekker's splitting, compensated sums), then one
/// Newton step corrects the square root.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let max_e = frexp_parts(max).1;
    if max_e < -1023 {
        // 2**-max_e would overflow: divide by max instead.
        let (mut csum, mut frac) = (1.0f64, 0.0f64);
        for &v in vec {
            let x = v / max;
            let x = x * x;
            let old = csum;
            csum += x;
            frac += (old - csum) + x;
        }
        return max * (csum - 1.0 + frac).sqrt();
    }
    const SPLIT: f64 = 134217729.0; // 2**27 + 1
    let split = |x: f64| {
        let t = x * SPLIT;
        let hi = t - (t - x);
        (hi, x - hi)
    };
    let scale = libm::ldexp(1.0, -max_e as i32);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    let add = |csum: &mut f64, frac: &mut f64, x: f64| {
        let old = *csum;
        *csum += x;
        *frac += (old - *csum) + x;
    };
    for &v in vec {
        let (hi, lo) = split(v * scale);
        add(&mut csum, &mut frac1, hi * hi);
        add(&mut csum, &mut frac2, 2.0 * hi * lo);
        frac3 += lo * lo;
    }
    let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
    let (hi, lo) = split(h);
    add(&mut csum, &mut frac1, -hi * hi);
    add(&mut csum, &mut frac2, -2.0 * hi * lo);
    add(&mut csum, &mut frac3, -lo * lo);
    let x = csum - 1.0 + (frac1 + frac2 + frac3);
    (h + x / (2.0 * h)) / scale
}

fn hypot(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "hypot", kw)?;
    let mut vec = Vec::with_capacity(args.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for a in args {
        let x = real_arg(vm, a)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(Value::Float(vector_norm(&vec, max, found_nan)))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    expect(vm, args, "dist", 2)?;
    let p = vm.iterate(&args[0])?;
    let q = vm.iterate(&args[1])?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut vec = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (a, b) in p.iter().zip(q.iter()) {
        let x = (real_arg(vm, a)? - real_arg(vm, b)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        vec.push(x);
    }
    Ok(Value::Float(vector_norm(&vec, max, found_nan)))
}

// ---- predicates and isclose ----

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let x = one(vm, args, name)?;
    Ok(Value::Bool(f(x)))
}

fn isnan(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, "isnan", f64::is_nan)
}
fn isinf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, "isinf", f64::is_infinite)
}
fn isfinite(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pred(vm, args, "isfinite", f64::is_finite)
}

/// The arguments of `isclose(a, b, *, rel_tol, abs_tol)`.
pub struct CloseArgs {
    pub a: Value,
    pub b: Value,
    pub rel_tol: Option<Value>,
    pub abs_tol: Option<Value>,
}

pub fn close_args(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<CloseArgs> {
    if args.len() > 2 {
        return Err(vm.type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            args.len()
        )));
    }
    let mut slots: [Option<Value>; 4] = [args.first().cloned(), args.get(1).cloned(), None, None];
    for (k, v) in kw {
        let i = match k.as_str() {
            "a" => 0,
            "b" => 1,
            "rel_tol" => 2,
            "abs_tol" => 3,
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for isclose()"
                )))
            }
        };
        if slots[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for isclose() given by name ('{}') and position ({})",
                k.as_str(),
                i + 1
            )));
        }
        slots[i] = Some(v.clone());
    }
    let [a, b, rel_tol, abs_tol] = slots;
    let Some(a) = a else {
        return Err(vm.type_error("isclose() missing required argument 'a' (pos 1)"));
    };
    let Some(b) = b else {
        return Err(vm.type_error("isclose() missing required argument 'b' (pos 2)"));
    };
    Ok(CloseArgs {
        a,
        b,
        rel_tol,
        abs_tol,
    })
}

fn isclose(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = close_args(vm, args, kw)?;
    let a = real_arg(vm, &p.a)?;
    let b = real_arg(vm, &p.b)?;
    let rel = match &p.rel_tol {
        Some(v) => real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &p.abs_tol {
        Some(v) => real_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol,
    ))
}

// ---- integer functions ----

/// An int argument through `__index__`.
fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(b) = to_big(v) {
        return Ok(b);
    }
    if let Some(m) = vm.lookup_special(v, "__index__") {
        let r = vm.call(&m, &[], &[])?;
        return to_big(&r).ok_or_else(|| {
            vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))
        });
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

fn gcd(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "gcd", kw)?;
    let mut acc = BigInt::zero();
    for a in args {
        let b = int_arg(vm, a)?;
        acc = acc.gcd(&b);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "lcm", kw)?;
    let mut acc = BigInt::one();
    let mut zero = false;
    for a in args {
        let b = int_arg(vm, a)?;
        if b.is_zero() || zero {
            zero = true;
            continue;
        }
        acc = acc.lcm(&b);
    }
    if zero {
        return Ok(Value::Int(0));
    }
    Ok(Value::from_bigint(acc.abs()))
}

/// The product of the integers in `lo..hi`, split in halves so the big
/// multiplications are balanced.
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        for i in lo..hi {
            acc *= i;
        }
        return acc;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.factorial() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let n = int_arg(vm, &args[0])?;
    let Some(n) = n.to_i64() else {
        return Err(if n.is_negative() {
            vm.value_error("factorial() not defined for negative values")
        } else {
            vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
        });
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    Ok(Value::from_bigint(range_product(1, n as u64 + 1)))
}

fn comb_perm(vm: &mut Vm, n: &Value, k: Option<&Value>, comb: bool) -> PyResult<Value> {
    let n = int_arg(vm, n)?;
    let k = match k {
        Some(v) => int_arg(vm, v)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = if comb { k.clone().min(&n - &k) } else { k };
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error(if comb {
            "min(n - k, k) must not exceed 9223372036854775807"
        } else {
            "k must not exceed 9223372036854775807"
        }));
    };
    let mut acc = BigInt::one();
    for i in 0..k {
        acc *= &n - BigInt::from(i);
        if comb {
            acc /= BigInt::from(i + 1);
        }
    }
    Ok(Value::from_bigint(acc))
}

fn comb(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    expect(vm, args, "comb", 2)?;
    comb_perm(vm, &args[0], Some(&args[1]), true)
}

fn perm(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "perm", args, 1, 2)?;
    let k = args.get(1).filter(|k| !k.is_none());
    comb_perm(vm, &args[0], k, false)
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.isqrt() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let n = int_arg(vm, &args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

// ---- sums and products ----

/// Shewchuk's exact summation: the partial sums never lose a bit, and the
/// result is the correctly rounded sum (ties to even across partials).
fn fsum(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "math.fsum() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    for v in vm.iterate(&args[0])? {
        let mut x = real_arg(vm, &v)?;
        let original = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                // From an overflow of finite summands, or an inf or nan
                // among them.
                if original.is_finite() {
                    return Err(vm.overflow_error("intermediate overflow in fsum"));
                }
                if original.is_infinite() {
                    inf_sum += original;
                }
                special_sum += original;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(vm.value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            lo = y - (hi - x);
            if lo != 0.0 {
                break;
            }
        }
        // Round half to even across the partials left below.
        if n > 0 && (lo < 0.0 && partials[n - 1] < 0.0 || lo > 0.0 && partials[n - 1] > 0.0) {
            let y = lo * 2.0;
            let x = hi + y;
            if y == x - hi {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn prod(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            args.len()
        )));
    }
    let mut acc = Value::Int(1);
    for (k, v) in kw {
        if k.as_str() != "start" {
            return Err(vm.type_error(format!(
                "prod() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
        acc = v.clone();
    }
    for v in vm.iterate(&args[0])? {
        acc = vm.binary_op(crate::compiler::bytecode::BinOp::Mul, &acc, &v)?;
    }
    Ok(acc)
}

// ---- float representation ----

fn modf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = one(vm, args, "modf")?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

/// `x` as `m * 2**e` with `0.5 <= |m| < 1` (zero, infinities and nans as
/// they are, with `e == 0`).
pub fn frexp_parts(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    if biased == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp_parts(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, biased - 1022)
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let x = one(vm, args, "frexp")?;
    let (m, e) = frexp_parts(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e)]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    expect(vm, args, "ldexp", 2)?;
    let x = real_arg(vm, &args[0])?;
    let Some(e) = to_big(&args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let e = e
        .to_i64()
        .unwrap_or(if e.is_negative() { i64::MIN } else { i64::MAX });
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if e > i32::MAX as i64 {
        return Err(range(vm));
    } else if e < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        libm::ldexp(x, e as i32)
    };
    if r.is_infinite() && x.is_finite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

/// Fills the `math` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("sqrt", Arity::ANY, sqrt),
        ("exp", Arity::ANY, exp),
        ("exp2", Arity::ANY, exp2),
        ("expm1", Arity::ANY, expm1),
        ("log", Arity::ANY, log),
        ("log2", Arity::ANY, log2),
        ("log10", Arity::ANY, log10),
        ("log1p", Arity::ANY, log1p),
        ("sin", Arity::ANY, sin),
        ("cos", Arity::ANY, cos),
        ("tan", Arity::ANY, tan),
        ("asin", Arity::ANY, asin),
        ("acos", Arity::ANY, acos),
        ("atan", Arity::ANY, atan),
        ("atan2", Arity::ANY, atan2),
        ("sinh", Arity::ANY, sinh),
        ("cosh", Arity::ANY, cosh),
        ("tanh", Arity::ANY, tanh),
        ("asinh", Arity::ANY, asinh),
        ("acosh", Arity::ANY, acosh),
        ("atanh", Arity::ANY, atanh),
        ("erf", Arity::ANY, erf),
        ("gamma", Arity::ANY, gamma),
        ("lgamma", Arity::ANY, lgamma),
        ("erfc", Arity::ANY, erfc),
        ("cbrt", Arity::ANY, cbrt),
        ("fabs", Arity::ANY, fabs),
        ("degrees", Arity::ANY, degrees),
        ("radians", Arity::ANY, radians),
        ("floor", Arity::ANY, floor),
        ("ceil", Arity::ANY, ceil),
        ("trunc", Arity::ANY, trunc),
        ("pow", Arity::ANY, pow),
        ("fmod", Arity::ANY, fmod),
        ("remainder", Arity::ANY, remainder),
        ("copysign", Arity::ANY, copysign),
        ("nextafter", Arity::ANY, nextafter),
        ("ulp", Arity::ANY, ulp),
        ("hypot", Arity::ANY, hypot),
        ("dist", Arity::ANY, dist),
        ("isnan", Arity::ANY, isnan),
        ("isinf", Arity::ANY, isinf),
        ("isfinite", Arity::ANY, isfinite),
        ("isclose", Arity::ANY, isclose),
        ("gcd", Arity::ANY, gcd),
        ("lcm", Arity::ANY, lcm),
        ("factorial", Arity::ANY, factorial),
        ("comb", Arity::ANY, comb),
        ("perm", Arity::ANY, perm),
        ("isqrt", Arity::ANY, isqrt),
        ("fsum", Arity::ANY, fsum),
        ("prod", Arity::ANY, prod),
        ("modf", Arity::ANY, modf),
        ("frexp", Arity::ANY, frexp),
        ("ldexp", Arity::ANY, ldexp),
    ];
    add_functions(vm, d, fns);
    d.set_by_str("pi", Value::Float(std::f64::consts::PI));
    d.set_by_str("e", Value::Float(std::f64::consts::E));
    d.set_by_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_by_str("inf", Value::Float(f64::INFINITY));
    d.set_by_str("nan", Value::Float(f64::NAN));
    Ok(())
}
