//! `math`: the common functions and constants.

use crate::builtins::{builtin, check_arity};
use crate::fmt as pyfmt;
use crate::vm::arith::to_big;
use crate::vm::dict::DictMap;
use crate::vm::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

fn num(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::BigInt(b) => pyfmt::int_to_f64(b)
            .ok_or_else(|| PyErr::from(vm.overflow_error("int too large to convert to float"))),
        _ => match crate::vm::arith::to_f64(v) {
            Some(f) => Ok(f),
            None => {
                if let Some(m) = vm.lookup_special(v, "__float__") {
                    let r = vm.call(&m, &[], &[])?;
                    return num(vm, &r);
                }
                Err(PyErr::from(vm.type_error(format!(
                    "must be real number, not {}",
                    vm.type_name(v)
                ))))
            }
        },
    }
}

fn domain(vm: &Vm) -> Value {
    vm.value_error("math domain error")
}

/// A one-argument float function with a domain check.
fn unary(
    vm: &mut Vm,
    args: &[Value],
    name: &str,
    f: fn(f64) -> f64,
    ok: fn(f64) -> bool,
) -> PyResult<Value> {
    check_arity(vm, name, args, 1, 1)?;
    let x = num(vm, &args[0])?;
    if !ok(x) {
        return Err(PyErr::from(domain(vm)));
    }
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(PyErr::from(domain(vm)));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::from(vm.overflow_error("math range error")));
    }
    Ok(Value::Float(r))
}

macro_rules! unary_fns {
    ($($name:ident => $f:expr, $ok:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            unary(vm, args, stringify!($name), $f, $ok)
        })*
    };
}

unary_fns! {
    sqrt => f64::sqrt, |x| x >= 0.0 || x.is_nan();
    exp => f64::exp, |_| true;
    log2 => f64::log2, |x| x > 0.0 || x.is_nan();
    log10 => f64::log10, |x| x > 0.0 || x.is_nan();
    sin => f64::sin, |x| !x.is_infinite();
    cos => f64::cos, |x| !x.is_infinite();
    tan => f64::tan, |x| !x.is_infinite();
    asin => f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    acos => f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan();
    atan => f64::atan, |_| true;
    sinh => f64::sinh, |_| true;
    cosh => f64::cosh, |_| true;
    tanh => f64::tanh, |_| true;
    fabs => f64::abs, |_| true;
    degrees => f64::to_degrees, |_| true;
    radians => f64::to_radians, |_| true;
    expm1 => f64::exp_m1, |_| true;
    log1p => f64::ln_1p, |x| x > -1.0 || x.is_nan();
}

fn log(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "log", args, 1, 2)?;
    let ln = |vm: &mut Vm, v: &Value| -> PyResult<f64> {
        if let Value::BigInt(b) = v {
            if b.is_positive() {
                // ln of a huge int without overflowing a float.
                let bits = b.bits() as i64;
                let shift = (bits - 60).max(0);
                let top = (&**b >> shift as usize).to_f64().unwrap_or(1.0);
                return Ok(top.ln() + shift as f64 * std::f64::consts::LN_2);
            }
        }
        let x = num(vm, v)?;
        if x <= 0.0 {
            return Err(PyErr::from(domain(vm)));
        }
        Ok(x.ln())
    };
    let a = ln(vm, &args[0])?;
    match args.get(1) {
        None => Ok(Value::Float(a)),
        Some(b) => {
            let b = ln(vm, b)?;
            if b == 0.0 {
                return Err(PyErr::from(vm.zero_division("float division by zero")));
            }
            Ok(Value::Float(a / b))
        }
    }
}

fn to_int_result(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, name: &str) -> PyResult<Value> {
    check_arity(vm, name, std::slice::from_ref(v), 1, 1)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => {
            let dunder = format!("__{}__", name);
            if let Value::Instance(_) = v {
                if let Some(m) = vm.lookup_special(v, &dunder) {
                    return vm.call(&m, &[], &[]);
                }
            }
            let x = num(vm, v)?;
            if x.is_nan() {
                return Err(PyErr::from(
                    vm.value_error("cannot convert float NaN to integer"),
                ));
            }
            if x.is_infinite() {
                return Err(PyErr::from(
                    vm.overflow_error("cannot convert float infinity to integer"),
                ));
            }
            Ok(crate::builtins::float_to_int_value(f(x)))
        }
    }
}

fn floor(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "floor", args, 1, 1)?;
    to_int_result(vm, &args[0], f64::floor, "floor")
}
fn ceil(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "ceil", args, 1, 1)?;
    to_int_result(vm, &args[0], f64::ceil, "ceil")
}
fn trunc(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "trunc", args, 1, 1)?;
    to_int_result(vm, &args[0], f64::trunc, "trunc")
}

fn two(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(f64, f64)> {
    check_arity(vm, name, args, 2, 2)?;
    Ok((num(vm, &args[0])?, num(vm, &args[1])?))
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(PyErr::from(domain(vm)));
    }
    if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
        return Err(PyErr::from(domain(vm)));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(PyErr::from(vm.overflow_error("math range error")));
    }
    Ok(Value::Float(r))
}

fn atan2(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (y, x) = two(vm, args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn fmod(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "fmod")?;
    if y == 0.0 || x.is_infinite() {
        return Err(PyErr::from(domain(vm)));
    }
    Ok(Value::Float(x % y))
}

fn copysign(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (x, y) = two(vm, args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn hypot(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for a in args {
        let x = num(vm, a)?;
        acc = acc.hypot(x);
    }
    Ok(Value::Float(acc))
}

fn dist(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "dist", args, 2, 2)?;
    let (p, q) = (vm.iterate(&args[0])?, vm.iterate(&args[1])?);
    if p.len() != q.len() {
        return Err(PyErr::from(vm.value_error(
            "both points must have the same number of dimensions",
        )));
    }
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        acc = acc.hypot(num(vm, a)? - num(vm, b)?);
    }
    Ok(Value::Float(acc))
}

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    check_arity(vm, name, args, 1, 1)?;
    let x = num(vm, &args[0])?;
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

fn isclose(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "isclose", args, 2, 2)?;
    let (a, b) = (num(vm, &args[0])?, num(vm, &args[1])?);
    let rel = match crate::builtins::kwarg(kw, "rel_tol") {
        Some(v) => num(vm, v)?,
        None => 1e-9,
    };
    let abs = match crate::builtins::kwarg(kw, "abs_tol") {
        Some(v) => num(vm, v)?,
        None => 0.0,
    };
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let d = (a - b).abs();
    Ok(Value::Bool(
        d <= (rel * b.abs()).max(rel * a.abs()) || d <= abs,
    ))
}

fn int_arg(vm: &mut Vm, v: &Value, name: &str) -> PyResult<BigInt> {
    match to_big(v) {
        Some(b) => Ok(b),
        None => match v {
            Value::Instance(_) => Ok(BigInt::from(vm.to_index(v)?)),
            _ => Err(PyErr::from(vm.type_error(format!(
                "{}(): '{}' object cannot be interpreted as an integer",
                name,
                vm.type_name(v)
            )))),
        },
    }
}

fn gcd(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut acc = BigInt::zero();
    for a in args {
        let b = int_arg(vm, a, "gcd")?;
        acc = acc.gcd(&b);
    }
    Ok(Value::from_bigint(acc))
}

fn lcm(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let mut acc = BigInt::one();
    for a in args {
        let b = int_arg(vm, a, "lcm")?;
        if b.is_zero() {
            return Ok(Value::Int(0));
        }
        acc = acc.lcm(&b);
    }
    Ok(Value::from_bigint(acc.abs()))
}

fn factorial(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "factorial", args, 1, 1)?;
    if let Value::Float(_) = args[0] {
        return Err(PyErr::from(
            vm.type_error("'float' object cannot be interpreted as an integer"),
        ));
    }
    let n = int_arg(vm, &args[0], "factorial")?;
    if n.is_negative() {
        return Err(PyErr::from(
            vm.value_error("factorial() not defined for negative values"),
        ));
    }
    let n = n.to_u64().ok_or_else(|| {
        vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
    })?;
    let mut acc = BigInt::one();
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn comb_perm(vm: &mut Vm, args: &[Value], comb: bool) -> PyResult<Value> {
    let name = if comb { "comb" } else { "perm" };
    check_arity(vm, name, args, if comb { 2 } else { 1 }, 2)?;
    let n = int_arg(vm, &args[0], name)?;
    let k = match args.get(1) {
        Some(v) if !v.is_none() => int_arg(vm, v, name)?,
        _ => n.clone(),
    };
    if n.is_negative() {
        return Err(PyErr::from(
            vm.value_error("n must be a non-negative integer"),
        ));
    }
    if k.is_negative() {
        return Err(PyErr::from(
            vm.value_error("k must be a non-negative integer"),
        ));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0);
    let k = if comb {
        k.min((&n - BigInt::from(k)).to_u64().unwrap_or(k))
    } else {
        k
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
    comb_perm(vm, args, true)
}
fn perm(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    comb_perm(vm, args, false)
}

fn isqrt(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "isqrt", args, 1, 1)?;
    let n = int_arg(vm, &args[0], "isqrt")?;
    if n.is_negative() {
        return Err(PyErr::from(
            vm.value_error("isqrt() argument must be nonnegative"),
        ));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn fsum(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "fsum", args, 1, 1)?;
    // Shewchuk's exact summation, as CPython's msum.
    let mut partials: Vec<f64> = Vec::new();
    for v in vm.iterate(&args[0])? {
        let mut x = num(vm, &v)?;
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
        partials.push(x);
    }
    Ok(Value::Float(partials.iter().sum()))
}

fn prod(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "prod", args, 1, 1)?;
    let mut acc = crate::builtins::kwarg(kw, "start")
        .cloned()
        .unwrap_or(Value::Int(1));
    for v in vm.iterate(&args[0])? {
        acc = vm.binary_op(crate::compiler::bytecode::BinOp::Mul, &acc, &v)?;
    }
    Ok(acc)
}

fn modf(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "modf", args, 1, 1)?;
    let x = num(vm, &args[0])?;
    let i = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - i).copysign(x)),
        Value::Float(i),
    ]))
}

fn frexp(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "frexp", args, 1, 1)?;
    let x = num(vm, &args[0])?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    let mut e = e;
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    } else if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn ldexp(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "ldexp", args, 2, 2)?;
    let x = num(vm, &args[0])?;
    let e = vm.to_index(&args[1])?;
    // Two steps keep each power of two representable (2**-1074 alone is not
    // a normal float, and powi would flush it to zero).
    let e = e.clamp(-2200, 2200) as i32;
    let (e1, e2) = (e / 2, e - e / 2);
    let r = x * 2f64.powi(e1) * 2f64.powi(e2);
    if r.is_infinite() && x.is_finite() {
        return Err(PyErr::from(vm.overflow_error("math range error")));
    }
    Ok(Value::Float(r))
}

pub fn install(vm: &mut Vm) {
    let mut d = DictMap::new();
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", sqrt),
        ("exp", exp),
        ("log", log),
        ("log2", log2),
        ("log10", log10),
        ("log1p", log1p),
        ("expm1", expm1),
        ("sin", sin),
        ("cos", cos),
        ("tan", tan),
        ("asin", asin),
        ("acos", acos),
        ("atan", atan),
        ("atan2", atan2),
        ("sinh", sinh),
        ("cosh", cosh),
        ("tanh", tanh),
        ("fabs", fabs),
        ("degrees", degrees),
        ("radians", radians),
        ("floor", floor),
        ("ceil", ceil),
        ("trunc", trunc),
        ("pow", pow),
        ("fmod", fmod),
        ("copysign", copysign),
        ("hypot", hypot),
        ("dist", dist),
        ("isnan", isnan),
        ("isinf", isinf),
        ("isfinite", isfinite),
        ("isclose", isclose),
        ("gcd", gcd),
        ("lcm", lcm),
        ("factorial", factorial),
        ("comb", comb),
        ("perm", perm),
        ("isqrt", isqrt),
        ("fsum", fsum),
        ("prod", prod),
        ("modf", modf),
        ("frexp", frexp),
        ("ldexp", ldexp),
    ];
    for (name, f) in fns {
        d.set_by_str(name, builtin(name, *f));
    }
    d.set_by_str("pi", Value::Float(std::f64::consts::PI));
    d.set_by_str("e", Value::Float(std::f64::consts::E));
    d.set_by_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_by_str("inf", Value::Float(f64::INFINITY));
    d.set_by_str("nan", Value::Float(f64::NAN));
    vm.add_module("math", d);
}
