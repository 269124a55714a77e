//! `cmath`: complex elementary functions with the branch cuts and special
//! values of C99 Annex G, computed as CPython 3.11 computes them (scaling
//! for huge and tiny arguments, Kahan's formulas for the inverse functions),
//! so that results agree to the last bit.

use super::libm;
use crate::vm::complex::{self as cx, new_complex, Errno, C};
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::f64::consts::{E, FRAC_PI_2, FRAC_PI_4, LN_2, PI};

/// Above this a part is "huge": formulas switch to forms that cannot
/// overflow in intermediate steps.
const LARGE: f64 = f64::MAX / 4.0;
const THREE_PI_4: f64 = 0.75 * PI;

fn sqrt_large() -> f64 {
    LARGE.sqrt()
}

fn log_large() -> f64 {
    LARGE.ln()
}

fn sqrt_dbl_min() -> f64 {
    f64::MIN_POSITIVE.sqrt()
}

type Res = (C, Errno);

fn ok(re: f64, im: f64) -> Res {
    (C::new(re, im), Errno::Ok)
}

fn nan2() -> Res {
    ok(f64::NAN, f64::NAN)
}

fn finite(z: C) -> bool {
    z.re.is_finite() && z.im.is_finite()
}

/// Multiplies by 2**n exactly (the arguments here stay normal).
fn ldexp(x: f64, n: i32) -> f64 {
    x * 2f64.powi(n)
}

/// A range error when a part of the result is infinite.
fn range_checked(r: C) -> Res {
    let e = if r.re.is_infinite() || r.im.is_infinite() {
        Errno::Range
    } else {
        Errno::Ok
    };
    (r, e)
}

/// `i * z` rotated back: the functions `f(z) = -i g(iz)` (asin, atan, sin,
/// tan) as a rotation of `g`'s argument and result.
fn rotated(z: C, g: fn(C) -> Res) -> Res {
    let (s, e) = g(C::new(-z.im, z.re));
    (C::new(s.im, -s.re), e)
}

/// An angle for arguments with infinite parts: `a` for a real part of
/// -inf, `b` for +inf, `c` for a finite one, nan for a nan.
fn angle(x: f64, a: f64, b: f64, c: f64) -> f64 {
    if x.is_nan() {
        f64::NAN
    } else if x == f64::NEG_INFINITY {
        a
    } else if x == f64::INFINITY {
        b
    } else {
        c
    }
}

pub fn sqrt(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return if y.is_infinite() {
            ok(f64::INFINITY, y)
        } else if x == f64::NEG_INFINITY {
            if y.is_nan() {
                ok(f64::NAN, f64::INFINITY)
            } else {
                ok(0.0, f64::INFINITY.copysign(y))
            }
        } else if x == f64::INFINITY {
            if y.is_nan() {
                ok(f64::INFINITY, f64::NAN)
            } else {
                ok(f64::INFINITY, 0.0f64.copysign(y))
            }
        } else {
            nan2()
        };
    }
    if x == 0.0 && y == 0.0 {
        return ok(0.0, y);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let s = if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        // Scale up, so that hypot's result is not subnormal.
        let ax = ldexp(ax, 53);
        ldexp((ax + ax.hypot(ldexp(ay, 53))).sqrt(), -27)
    } else {
        let ax = ax / 8.0;
        2.0 * (ax + ax.hypot(ay / 8.0)).sqrt()
    };
    let d = ay / (2.0 * s);
    if x >= 0.0 {
        ok(s, d.copysign(y))
    } else {
        ok(d, s.copysign(y))
    }
}

pub fn exp(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            if x > 0.0 {
                C::new(
                    f64::INFINITY.copysign(y.cos()),
                    f64::INFINITY.copysign(y.sin()),
                )
            } else {
                C::new(0.0f64.copysign(y.cos()), 0.0f64.copysign(y.sin()))
            }
        } else if x == f64::NEG_INFINITY {
            C::new(0.0, if y == 0.0 { y } else { 0.0 })
        } else if x == f64::INFINITY && (y == 0.0 || y.is_nan()) {
            C::new(f64::INFINITY, y)
        } else if x.is_nan() && y == 0.0 {
            C::new(f64::NAN, y)
        } else {
            C::new(f64::NAN, f64::NAN)
        };
        let domain = y.is_infinite() && (x.is_finite() || x == f64::INFINITY);
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    let r = if x > log_large() {
        let l = (x - 1.0).exp();
        C::new(l * y.cos() * E, l * y.sin() * E)
    } else {
        let l = x.exp();
        C::new(l * y.cos(), l * y.sin())
    };
    range_checked(r)
}

/// The special values shared by `log` and `acosh` (they agree there).
fn log_special(x: f64, y: f64) -> Res {
    if y.is_infinite() {
        ok(
            f64::INFINITY,
            angle(x, THREE_PI_4, FRAC_PI_4, FRAC_PI_2).copysign(y),
        )
    } else if x.is_infinite() {
        if y.is_nan() {
            ok(f64::INFINITY, f64::NAN)
        } else {
            ok(f64::INFINITY, if x < 0.0 { PI } else { 0.0 }.copysign(y))
        }
    } else {
        nan2()
    }
}

pub fn log(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return log_special(x, y);
    }
    let (ax, ay) = (x.abs(), y.abs());
    let re = if ax > LARGE || ay > LARGE {
        (ax / 2.0).hypot(ay / 2.0).ln() + LN_2
    } else if ax < f64::MIN_POSITIVE && ay < f64::MIN_POSITIVE {
        if ax > 0.0 || ay > 0.0 {
            ldexp(ax, 53).hypot(ldexp(ay, 53)).ln() - 53.0 * LN_2
        } else {
            return (C::new(f64::NEG_INFINITY, y.atan2(x)), Errno::Domain);
        }
    } else {
        let h = ax.hypot(ay);
        if (0.71..=1.73).contains(&h) {
            // Near the unit circle, log1p keeps the digits that log loses.
            let (am, an) = if ax > ay { (ax, ay) } else { (ay, ax) };
            ((am - 1.0) * (am + 1.0) + an * an).ln_1p() / 2.0
        } else {
            h.ln()
        }
    };
    ok(re, y.atan2(x))
}

fn log10(z: C) -> Res {
    let (s, e) = log(z);
    (
        C::new(
            s.re / std::f64::consts::LN_10,
            s.im / std::f64::consts::LN_10,
        ),
        e,
    )
}

pub fn acos(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return if y.is_infinite() {
            ok(angle(x, THREE_PI_4, FRAC_PI_4, FRAC_PI_2), -y)
        } else if x.is_infinite() {
            if y.is_nan() {
                ok(f64::NAN, f64::INFINITY)
            } else {
                ok(if x < 0.0 { PI } else { 0.0 }, -f64::INFINITY.copysign(y))
            }
        } else if x == 0.0 && y.is_nan() {
            ok(FRAC_PI_2, f64::NAN)
        } else {
            nan2()
        };
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let re = y.abs().atan2(x);
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0;
        let im = if x < 0.0 {
            -l.copysign(y)
        } else {
            l.copysign(-y)
        };
        return ok(re, im);
    }
    let (s1, _) = sqrt(C::new(1.0 - x, -y));
    let (s2, _) = sqrt(C::new(1.0 + x, y));
    ok(
        2.0 * s1.re.atan2(s2.re),
        libm::asinh(s2.re * s1.im - s2.im * s1.re),
    )
}

pub fn acosh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return log_special(x, y);
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        return ok((x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0, y.atan2(x));
    }
    let (s1, _) = sqrt(C::new(x - 1.0, y));
    let (s2, _) = sqrt(C::new(x + 1.0, y));
    ok(
        libm::asinh(s1.re * s2.re + s1.im * s2.im),
        2.0 * s1.im.atan2(s2.re),
    )
}

pub fn asinh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return if y.is_infinite() {
            let re = if x.is_nan() {
                f64::INFINITY
            } else {
                f64::INFINITY.copysign(x)
            };
            let a = if x.is_nan() {
                f64::NAN
            } else if x.is_infinite() {
                FRAC_PI_4
            } else {
                FRAC_PI_2
            };
            ok(re, a.copysign(y))
        } else if x.is_infinite() {
            ok(x, if y.is_nan() { y } else { 0.0f64.copysign(y) })
        } else if x.is_nan() && y == 0.0 {
            ok(f64::NAN, y)
        } else {
            nan2()
        };
    }
    if x.abs() > LARGE || y.abs() > LARGE {
        let l = (x / 2.0).hypot(y / 2.0).ln() + LN_2 * 2.0;
        let re = if y >= 0.0 {
            l.copysign(x)
        } else {
            -l.copysign(-x)
        };
        return ok(re, y.atan2(x.abs()));
    }
    let (s1, _) = sqrt(C::new(1.0 + y, -x));
    let (s2, _) = sqrt(C::new(1.0 - y, x));
    ok(
        libm::asinh(s1.re * s2.im - s2.re * s1.im),
        y.atan2(s1.re * s2.re - s1.im * s2.im),
    )
}

pub fn atanh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        return if x.is_infinite() || y.is_infinite() {
            let re = if x.is_nan() { 0.0 } else { 0.0f64.copysign(x) };
            ok(re, if y.is_nan() { y } else { FRAC_PI_2.copysign(y) })
        } else if x == 0.0 {
            ok(x, f64::NAN)
        } else {
            nan2()
        };
    }
    // atanh is odd: work in the right half-plane.
    if x < 0.0 {
        let (r, e) = atanh(C::new(-x, -y));
        return (C::new(-r.re, -r.im), e);
    }
    let ay = y.abs();
    if x > sqrt_large() || ay > sqrt_large() {
        let h = (x / 2.0).hypot(y / 2.0);
        return ok(x / 4.0 / h / h, -FRAC_PI_2.copysign(-y));
    }
    if x == 1.0 && ay < sqrt_dbl_min() {
        if ay == 0.0 {
            return (C::new(f64::INFINITY, y), Errno::Domain);
        }
        return ok(
            -(ay.sqrt() / ay.hypot(2.0).sqrt()).ln(),
            (2.0f64.atan2(-ay) / 2.0).copysign(y),
        );
    }
    ok(
        (4.0 * x / ((1.0 - x) * (1.0 - x) + ay * ay)).ln_1p() / 4.0,
        -(-2.0 * y).atan2((1.0 - x) * (1.0 + x) - ay * ay) / 2.0,
    )
}

/// `cosh` and `sinh` for an infinite real part and a finite nonzero
/// imaginary one: an infinity in the direction of `cis(y)`.
fn infinite_cis(y: f64, re_sign: f64, im_sign: f64) -> C {
    C::new(
        f64::INFINITY.copysign(y.cos()) * re_sign,
        f64::INFINITY.copysign(y.sin()) * im_sign,
    )
}

pub fn cosh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            infinite_cis(y, 1.0, if x > 0.0 { 1.0 } else { -1.0 })
        } else if x.is_infinite() {
            if y == 0.0 {
                C::new(f64::INFINITY, y * x.signum())
            } else {
                C::new(f64::INFINITY, f64::NAN)
            }
        } else if y.is_nan() && x == 0.0 || x.is_nan() && y == 0.0 {
            C::new(f64::NAN, 0.0)
        } else {
            C::new(f64::NAN, f64::NAN)
        };
        let domain = y.is_infinite() && !x.is_nan();
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        C::new(y.cos() * xm1.cosh() * E, y.sin() * xm1.sinh() * E)
    } else {
        C::new(y.cos() * x.cosh(), y.sin() * x.sinh())
    };
    range_checked(r)
}

pub fn sinh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        let r = if x.is_infinite() && y.is_finite() && y != 0.0 {
            infinite_cis(y, if x > 0.0 { 1.0 } else { -1.0 }, 1.0)
        } else if x.is_infinite() {
            if y == 0.0 {
                C::new(x, y)
            } else {
                C::new(f64::INFINITY, f64::NAN)
            }
        } else if x == 0.0 && y.is_nan() {
            C::new(0.0, f64::NAN)
        } else if x.is_nan() && y == 0.0 {
            C::new(f64::NAN, y)
        } else {
            C::new(f64::NAN, f64::NAN)
        };
        let domain = y.is_infinite() && !x.is_nan();
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    let r = if x.abs() > log_large() {
        let xm1 = x - 1.0f64.copysign(x);
        C::new(y.cos() * xm1.sinh() * E, y.sin() * xm1.cosh() * E)
    } else {
        C::new(y.cos() * x.sinh(), y.sin() * x.cosh())
    };
    range_checked(r)
}

pub fn tanh(z: C) -> Res {
    let (x, y) = (z.re, z.im);
    if !finite(z) {
        let r = if x.is_infinite() {
            let im = if y.is_finite() && y != 0.0 {
                0.0f64.copysign(2.0 * y.sin() * y.cos())
            } else if y == 0.0 {
                y
            } else {
                0.0
            };
            C::new(1.0f64.copysign(x), im)
        } else if x.is_nan() && y == 0.0 {
            C::new(f64::NAN, y)
        } else {
            C::new(f64::NAN, f64::NAN)
        };
        let domain = y.is_infinite() && x.is_finite();
        return (r, if domain { Errno::Domain } else { Errno::Ok });
    }
    if x.abs() > log_large() {
        return ok(
            1.0f64.copysign(x),
            4.0 * y.sin() * y.cos() * (-2.0 * x.abs()).exp(),
        );
    }
    let tx = x.tanh();
    let ty = y.tan();
    let cx = 1.0 / x.cosh();
    let txty = tx * ty;
    let denom = 1.0 + txty * txty;
    ok(tx * (1.0 + ty * ty) / denom, ((ty / denom) * cx) * cx)
}

fn asin(z: C) -> Res {
    rotated(z, asinh)
}

fn atan(z: C) -> Res {
    rotated(z, atanh)
}

fn sin(z: C) -> Res {
    rotated(z, sinh)
}

fn tan(z: C) -> Res {
    rotated(z, tanh)
}

fn cos(z: C) -> Res {
    cosh(C::new(-z.im, z.re))
}

pub fn rect(r: f64, phi: f64) -> Res {
    if !r.is_finite() || !phi.is_finite() {
        let z = if r.is_infinite() && phi.is_finite() && phi != 0.0 {
            let s = if r > 0.0 { 1.0 } else { -1.0 };
            infinite_cis(phi, s, s)
        } else if r.is_infinite() {
            if phi == 0.0 {
                C::new(r, phi * r.signum())
            } else {
                C::new(f64::INFINITY, f64::NAN)
            }
        } else if r == 0.0 {
            C::new(0.0, 0.0)
        } else if r.is_nan() && phi == 0.0 {
            C::new(f64::NAN, 0.0)
        } else {
            C::new(f64::NAN, f64::NAN)
        };
        let domain = r != 0.0 && !r.is_nan() && phi.is_infinite();
        return (z, if domain { Errno::Domain } else { Errno::Ok });
    }
    if phi == 0.0 {
        ok(r, r * phi)
    } else {
        ok(r * phi.cos(), r * phi.sin())
    }
}

// ---- the module functions ----

fn math_error(vm: &Vm, e: Errno) -> PyErr {
    match e {
        Errno::Range => vm.overflow_error("math range error"),
        _ => vm.value_error("math domain error"),
    }
}

fn result(vm: &Vm, (z, e): Res) -> PyResult<Value> {
    match e {
        Errno::Ok => Ok(new_complex(z.re, z.im)),
        e => Err(math_error(vm, e)),
    }
}

/// The one argument of a function of `z`, with CPython's arity message.
fn one_arg(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)], name: &str) -> PyResult<C> {
    no_kwargs(vm, &format!("cmath.{name}"), kw)?;
    if args.len() != 1 {
        return Err(vm.type_error(format!(
            "cmath.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    }
    vm.to_complex(&args[0])
}

macro_rules! functions_of_z {
    ($($name:ident),* $(,)?) => {
        mod wrap {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
                let z = one_arg(vm, args, kw, stringify!($name))?;
                result(vm, super::$name(z))
            })*
        }
    };
}

functions_of_z!(
    sqrt, exp, log10, acos, acosh, asin, asinh, atan, atanh, cos, cosh, sin, sinh, tan, tanh,
);

fn log_fn(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "cmath.log", kw)?;
    check_arity(vm, "log", args, 1, 2)?;
    let z = vm.to_complex(&args[0])?;
    let (mut r, mut e) = log(z);
    if let Some(b) = args.get(1) {
        let b = vm.to_complex(b)?;
        // As C's errno: the last step that sets it decides.
        let (lb, eb) = log(b);
        e = eb;
        let (q, eq) = cx::quot(r, lb);
        r = q;
        if eq != Errno::Ok {
            e = eq;
        }
    }
    result(vm, (r, e))
}

fn phase(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = one_arg(vm, args, kw, "phase")?;
    let phi = z.im.atan2(z.re);
    // The C library reports an angle that underflows to zero as a range
    // error, which CPython raises.
    if phi == 0.0 && z.im != 0.0 && z.re.is_finite() && !z.im.is_nan() {
        return Err(math_error(vm, Errno::Range));
    }
    Ok(Value::Float(phi))
}

fn polar(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = one_arg(vm, args, kw, "polar")?;
    let (r, e) = cx::abs(z);
    if e != Errno::Ok {
        return Err(math_error(vm, e));
    }
    Ok(Value::tuple(vec![
        Value::Float(r),
        Value::Float(z.im.atan2(z.re)),
    ]))
}

fn rect_fn(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    no_kwargs(vm, "rect", kw)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("rect expected 2 arguments, got {}", args.len())));
    }
    let r = super::math::real_arg(vm, &args[0])?;
    let phi = super::math::real_arg(vm, &args[1])?;
    result(vm, rect(r, phi))
}

fn predicate(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
    name: &str,
    f: fn(C) -> bool,
) -> PyResult<Value> {
    let z = one_arg(vm, args, kw, name)?;
    Ok(Value::Bool(f(z)))
}

fn isfinite(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    predicate(vm, args, kw, "isfinite", finite)
}

fn isinf(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    predicate(vm, args, kw, "isinf", |z| {
        z.re.is_infinite() || z.im.is_infinite()
    })
}

fn isnan(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    predicate(vm, args, kw, "isnan", |z| z.re.is_nan() || z.im.is_nan())
}

fn isclose(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let p = super::math::close_args(vm, args, kw)?;
    let a = vm.to_complex(&p.a)?;
    let b = vm.to_complex(&p.b)?;
    let rel = match &p.rel_tol {
        Some(v) => super::math::real_arg(vm, v)?,
        None => 1e-9,
    };
    let abs_tol = match &p.abs_tol {
        Some(v) => super::math::real_arg(vm, v)?,
        None => 0.0,
    };
    if rel < 0.0 || abs_tol < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if !finite(a) && (a.re.is_infinite() || a.im.is_infinite())
        || !finite(b) && (b.re.is_infinite() || b.im.is_infinite())
    {
        return Ok(Value::Bool(false));
    }
    let diff = cx::abs(cx::diff(a, b)).0;
    Ok(Value::Bool(
        diff <= rel * cx::abs(b).0 || diff <= rel * cx::abs(a).0 || diff <= abs_tol,
    ))
}

/// Fills the `cmath` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let fns: &[NativeDef] = &[
        ("sqrt", Arity::ANY, wrap::sqrt),
        ("exp", Arity::ANY, wrap::exp),
        ("log", Arity::ANY, log_fn),
        ("log10", Arity::ANY, wrap::log10),
        ("acos", Arity::ANY, wrap::acos),
        ("acosh", Arity::ANY, wrap::acosh),
        ("asin", Arity::ANY, wrap::asin),
        ("asinh", Arity::ANY, wrap::asinh),
        ("atan", Arity::ANY, wrap::atan),
        ("atanh", Arity::ANY, wrap::atanh),
        ("cos", Arity::ANY, wrap::cos),
        ("cosh", Arity::ANY, wrap::cosh),
        ("sin", Arity::ANY, wrap::sin),
        ("sinh", Arity::ANY, wrap::sinh),
        ("tan", Arity::ANY, wrap::tan),
        ("tanh", Arity::ANY, wrap::tanh),
        ("phase", Arity::ANY, phase),
        ("polar", Arity::ANY, polar),
        ("rect", Arity::ANY, rect_fn),
        ("isfinite", Arity::ANY, isfinite),
        ("isinf", Arity::ANY, isinf),
        ("isnan", Arity::ANY, isnan),
        ("isclose", Arity::ANY, isclose),
    ];
    add_functions(vm, d, fns);
    d.set_by_str("pi", Value::Float(PI));
    d.set_by_str("e", Value::Float(E));
    d.set_by_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_by_str("inf", Value::Float(f64::INFINITY));
    d.set_by_str("nan", Value::Float(f64::NAN));
    d.set_by_str("infj", new_complex(0.0, f64::INFINITY));
    d.set_by_str("nanj", new_complex(0.0, f64::NAN));
    Ok(())
}
