//! `complex`: the constructor (numbers, strings, `__complex__`) and methods.

use crate::compiler::bytecode::{BinOp, CmpOp};
use crate::fmt as pyfmt;
use crate::vm::complex::{self as cx, new_complex, C};
use crate::vm::native::*;
use crate::vm::repr::str_repr;
use crate::vm::*;

pub fn install(vm: &mut Vm) {
    let complex = vm.types().complex.clone();
    add_methods(
        vm,
        &complex,
        &[
            ("__new__", Arity::ANY, complex_new),
            ("conjugate", Arity::exact(0), conjugate),
            ("__complex__", Arity::exact(0), dunder_complex),
            ("__getnewargs__", Arity::exact(0), getnewargs),
            ("__abs__", Arity::exact(0), dunder_abs),
            ("__bool__", Arity::exact(0), dunder_bool),
            ("__neg__", Arity::exact(0), dunder_neg),
            ("__pos__", Arity::exact(0), dunder_pos),
            ("__hash__", Arity::exact(0), dunder_hash),
            ("__repr__", Arity::exact(0), dunder_repr),
            ("__format__", Arity::exact(1), dunder_format),
            ("__eq__", Arity::exact(1), dunder_eq),
            ("__ne__", Arity::exact(1), dunder_ne),
            ("__lt__", Arity::exact(1), not_implemented),
            ("__le__", Arity::exact(1), not_implemented),
            ("__gt__", Arity::exact(1), not_implemented),
            ("__ge__", Arity::exact(1), not_implemented),
            ("__add__", Arity::exact(1), add),
            ("__radd__", Arity::exact(1), radd),
            ("__sub__", Arity::exact(1), sub),
            ("__rsub__", Arity::exact(1), rsub),
            ("__mul__", Arity::exact(1), mul),
            ("__rmul__", Arity::exact(1), rmul),
            ("__truediv__", Arity::exact(1), truediv),
            ("__rtruediv__", Arity::exact(1), rtruediv),
            ("__pow__", Arity::range(1, 2), pow),
            ("__rpow__", Arity::range(1, 2), rpow),
        ],
    );
    add_getters(vm, &complex, &[("real", real), ("imag", imag)]);
}

/// `self` as a complex (a subclass instance gives its value).
fn this(vm: &Vm, args: &[Value]) -> PyResult<C> {
    args.first()
        .and_then(|v| vm.complex_value(v))
        .ok_or_else(|| {
            vm.type_error(format!(
                "descriptor requires a 'complex' object but received a '{}'",
                args.first()
                    .map_or("nothing".to_string(), |a| vm.type_name(a))
            ))
        })
}

/// Whether `v` can be a part of a complex: what C code sees as a number
/// with `__float__` or `__index__`, or a complex.
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => true,
        _ => {
            vm.complex_value(v).is_some()
                || vm.lookup_special(v, "__float__").is_some()
                || vm.lookup_special(v, "__index__").is_some()
        }
    }
}

fn complex_new(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let cls = args[0].clone();
    let pos = &args[1..];
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let mut real = pos.first().cloned();
    let mut imag = pos.get(1).cloned();
    for (k, v) in kw {
        let (slot, index) = match k.as_str() {
            "real" => (&mut real, 1),
            "imag" => (&mut imag, 2),
            other => {
                return Err(vm.type_error(format!(
                    "'{other}' is an invalid keyword argument for complex()"
                )))
            }
        };
        if slot.is_some() {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{}') and position ({index})",
                k.as_str()
            )));
        }
        *slot = Some(v.clone());
    }
    // complex(z) is z itself.
    if let (Some(r), None, Value::Class(c)) = (&real, &imag, &cls) {
        if cx::is_complex(r) && c.builtin {
            return Ok(r.clone());
        }
    }
    let z = complex_from(vm, real, imag)?;
    Ok(vm.wrap_for_subclass(&cls, new_complex(z.re, z.im)))
}

fn complex_from(vm: &mut Vm, real: Option<Value>, imag: Option<Value>) -> PyResult<C> {
    let r = real.unwrap_or(Value::Int(0));
    if let Value::Str(s) = &r {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        return match pyfmt::parse_complex(s.as_str()) {
            Ok((re, im)) => Ok(C::new(re, im)),
            Err(pyfmt::ComplexParseError::Malformed) => {
                Err(vm.value_error("complex() arg is a malformed string"))
            }
            Err(pyfmt::ComplexParseError::Underscore) => Err(vm.value_error(format!(
                "could not convert string to complex: {}",
                str_repr(s.as_str())
            ))),
        };
    }
    if let Some(Value::Str(_)) = imag {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let special = vm.complex_special(&r)?;
    if special.is_none() && !is_number(vm, &r) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        )));
    }
    if let Some(i) = &imag {
        if !is_number(vm, i) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(i)
            )));
        }
    }
    let (mut cr, r_is_complex) = match special {
        Some(z) => (z, true),
        None => (C::new(convert::to_float(vm, &r)?, 0.0), false),
    };
    let mut ci = match &imag {
        None => C::new(cr.im, 0.0),
        Some(i) => match vm.complex_value(i) {
            Some(z) => {
                cr.re -= z.im;
                z
            }
            None => C::new(convert::to_float(vm, i)?, 0.0),
        },
    };
    if r_is_complex && imag.is_some() {
        ci.re += cr.im;
    }
    Ok(C::new(cr.re, ci.re))
}

fn real(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(this(vm, args)?.re))
}

fn imag(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Float(this(vm, args)?.im))
}

fn conjugate(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(new_complex(z.re, -z.im))
}

fn dunder_complex(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(new_complex(z.re, z.im))
}

fn getnewargs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(Value::tuple(vec![Value::Float(z.re), Value::Float(z.im)]))
}

fn dunder_abs(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    match cx::abs(this(vm, args)?) {
        (_, cx::Errno::Range) => Err(vm.overflow_error("absolute value too large")),
        (r, _) => Ok(Value::Float(r)),
    }
}

fn dunder_bool(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(Value::Bool(z.re != 0.0 || z.im != 0.0))
}

fn dunder_neg(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(new_complex(-z.re, -z.im))
}

fn dunder_pos(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(new_complex(z.re, z.im))
}

fn dunder_hash(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(cx::hash(this(vm, args)?)))
}

fn dunder_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    Ok(new_str(pyfmt::complex_repr(z.re, z.im)))
}

fn dunder_format(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let z = this(vm, args)?;
    let Value::Str(spec) = &args[1] else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let s = vm.format(&new_complex(z.re, z.im), spec.as_str())?;
    Ok(new_str(s))
}

fn not_implemented(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(vm.types().not_implemented.clone())
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    let z = this(vm, args)?;
    let other = ops::unwrap_base(&args[1]);
    match cx::num_eq(&new_complex(z.re, z.im), &other) {
        Some(eq) => Ok(Value::Bool(eq == (op == CmpOp::Eq))),
        None => Ok(vm.types().not_implemented.clone()),
    }
}

fn dunder_eq(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}

fn dunder_ne(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}

/// An arithmetic dunder: `NotImplemented` when the other operand is not a
/// number.
fn arith(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    let z = this(vm, args)?;
    let me = new_complex(z.re, z.im);
    let other = ops::unwrap_base(&args[1]);
    let (a, b) = if reflected {
        (&other, &me)
    } else {
        (&me, &other)
    };
    match vm.complex_binary(op, a, b)? {
        Some(v) => Ok(v),
        None => Ok(vm.types().not_implemented.clone()),
    }
}

macro_rules! arith_dunders {
    ($($name:ident => $op:ident, $reflected:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
            arith(vm, args, BinOp::$op, $reflected)
        })*
    };
}

arith_dunders! {
    add => Add, false;
    radd => Add, true;
    sub => Sub, false;
    rsub => Sub, true;
    mul => Mul, false;
    rmul => Mul, true;
    truediv => Div, false;
    rtruediv => Div, true;
}

fn pow_dunder(vm: &mut Vm, args: &[Value], reflected: bool) -> PyResult<Value> {
    if args.get(2).is_some_and(|m| !m.is_none()) {
        return Err(vm.value_error("complex modulo"));
    }
    arith(vm, &args[..2], BinOp::Pow, reflected)
}

fn pow(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pow_dunder(vm, args, false)
}

fn rpow(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    pow_dunder(vm, args, true)
}
