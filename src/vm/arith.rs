//! Binary and unary operators: fast paths for the built-in types, then the
//! `__op__` / `__rop__` protocol for instances.

use super::object::{Native, PyErr, PyResult};
use super::sync::Shared;
use super::value::Value;
use super::Vm;
use crate::compiler::bytecode::{BinOp, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};

pub fn op_symbol(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "+",
        BinOp::Sub => "-",
        BinOp::Mul => "*",
        BinOp::MatMul => "@",
        BinOp::Div => "/",
        BinOp::FloorDiv => "//",
        BinOp::Mod => "%",
        BinOp::Pow => "** or pow()",
        BinOp::LShift => "<<",
        BinOp::RShift => ">>",
        BinOp::BitOr => "|",
        BinOp::BitXor => "^",
        BinOp::BitAnd => "&",
    }
}

pub fn op_dunders(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinOp::Sub => ("__sub__", "__rsub__", "__isub__"),
        BinOp::Mul => ("__mul__", "__rmul__", "__imul__"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinOp::Div => ("__truediv__", "__rtruediv__", "__itruediv__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinOp::Mod => ("__mod__", "__rmod__", "__imod__"),
        BinOp::Pow => ("__pow__", "__rpow__", "__ipow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinOp::BitOr => ("__or__", "__ror__", "__ior__"),
        BinOp::BitXor => ("__xor__", "__rxor__", "__ixor__"),
        BinOp::BitAnd => ("__and__", "__rand__", "__iand__"),
    }
}

/// An int operand as a big int (bools count as ints).
pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// An int operand as a big int, borrowed when it already is one.
fn big_ref(v: &Value) -> std::borrow::Cow<'_, BigInt> {
    match v {
        Value::BigInt(b) => std::borrow::Cow::Borrowed(&**b),
        _ => std::borrow::Cow::Owned(to_big(v).unwrap_or_default()),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn to_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => Some(b.to_f64().unwrap_or(f64::INFINITY)),
        _ => None,
    }
}

pub fn float_mod(a: f64, b: f64) -> f64 {
    let m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m + b
        } else {
            m
        }
    } else {
        0.0f64.copysign(b)
    }
}

/// CPython's float divmod (floor division and modulo).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

impl Vm {
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(v) = self.binary_native(op, a, b)? {
            return Ok(v);
        }
        self.binary_protocol(op, a, b, false)
    }

    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.iterate(b)?;
                l.lock().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mul, Value::List(l)) => {
                let len = l.lock().len();
                let n = match self.to_index(b)?.max(0) as usize {
                    _ if len == 0 => 0,
                    n => n,
                };
                self.check_alloc(len.saturating_mul(n), std::mem::size_of::<Value>())?;
                let mut v = l.lock();
                let orig = v.clone();
                v.clear();
                v.reserve(orig.len() * n);
                for _ in 0..n {
                    v.extend(orig.iter().cloned());
                }
                return Ok(a.clone());
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(s))
                if !s.frozen && matches!(b, Value::Set(_)) =>
            {
                let _ = s;
                super::setops::set_inplace(self, op, a, b)?;
                return Ok(a.clone());
            }
            (BinOp::BitOr, Value::Dict(d)) => {
                self.dict_update(d, b)?;
                return Ok(a.clone());
            }
            (BinOp::Add | BinOp::Mul, Value::Native(n))
                if matches!(&**n, super::object::Native::ByteArray(_))
                    && self.bytearray_inplace(op, n, b)? =>
            {
                return Ok(a.clone());
            }
            (_, Value::Instance(_) | Value::Native(_)) if a.has_python_class() => {
                let name = op_dunders(op).2;
                if let Some(m) = self.lookup_special(a, name) {
                    let r = self.call(&m, std::slice::from_ref(b), &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            }
            _ => {}
        }
        if let Some(v) = self.binary_native(op, a, b)? {
            return Ok(v);
        }
        self.binary_protocol(op, a, b, true)
    }

    fn binary_protocol(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        inplace: bool,
    ) -> PyResult<Value> {
        let (name, rname, _) = op_dunders(op);
        // Python-level operands: instances, classes (through their
        // metaclass, e.g. `int | None`) and natively implemented objects.
        let dispatches = |v: &Value| match v {
            Value::Instance(_) | Value::Class(_) => true,
            Value::Native(n) => matches!(&**n, Native::Object { .. } | Native::DictView { .. }),
            _ => false,
        };
        let (a_d, b_d) = (dispatches(a), dispatches(b));
        let (ta, tb) = (self.class_of(a), self.class_of(b));
        let same = Shared::ptr_eq(&ta, &tb);
        // A right operand of a subclass of the left one's type goes first.
        let b_first = b_d && !same && tb.is_subclass(&ta);
        if b_first {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
        }
        if a_d {
            if let Some(r) = self.try_dunder(a, name, b)? {
                return Ok(r);
            }
        }
        if b_d && !b_first && !same {
            if let Some(r) = self.try_dunder(b, rname, a)? {
                return Ok(r);
            }
        }
        // An instance of a subclass of a built-in type that defines nothing
        // for the operator acts as its built-in value (`tuple + T(...)`,
        // two namedtuples, ...).
        let (ua, ub) = (super::ops::base_of(a), super::ops::base_of(b));
        if ua.is_some() || ub.is_some() {
            let (a2, b2) = (ua.unwrap_or(a).clone(), ub.unwrap_or(b).clone());
            if let Some(v) = self.binary_native(op, &a2, &b2)? {
                return Ok(v);
            }
        }
        if op == BinOp::Mul {
            let is_seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
            if is_seq(a) || is_seq(b) {
                let other = if is_seq(a) { b } else { a };
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                )));
            }
        }
        if op == BinOp::Add {
            if let (Value::Str(_), _) = (a, b) {
                return Err(self.type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.type_name(b)
                )));
            }
            if let (Value::List(_), _) = (a, b) {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                )));
            }
            if let (Value::Tuple(_), _) = (a, b) {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                )));
            }
        }
        Err(self.type_error(format!(
            "unsupported operand type(s) for {}{}: '{}' and '{}'",
            match (op, inplace) {
                (BinOp::Pow, true) => "**".to_string(),
                _ => op_symbol(op).to_string(),
            },
            if inplace { "=" } else { "" },
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// `obj.dunder(other)` if `obj`'s type has it and it does not return
    /// `NotImplemented`.
    fn try_dunder(&mut self, obj: &Value, dunder: &str, other: &Value) -> PyResult<Option<Value>> {
        let Some(m) = self.lookup_special(obj, dunder) else {
            return Ok(None);
        };
        let r = self.call(&m, std::slice::from_ref(other), &[])?;
        Ok((!self.is_not_implemented(&r)).then_some(r))
    }

    /// Built-in operand types; `Ok(None)` when neither side is built in for `op`.
    fn binary_native(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        use Value::*;
        Ok(Some(match (a, b) {
            (Int(x), Int(y)) => return self.int_op(op, *x, *y).map(Some),
            (Float(x), Float(y)) => return self.float_op(op, *x, *y),
            (Float(x), Int(y)) => return self.float_op(op, *x, *y as f64),
            (Int(x), Float(y)) => return self.float_op(op, *x as f64, *y),
            (Str(x), Str(y)) if op == BinOp::Add => {
                let mut s = String::with_capacity(x.s.len() + y.s.len());
                s.push_str(&x.s);
                s.push_str(&y.s);
                super::new_str(s)
            }
            (Str(x), _) if op == BinOp::Mod => {
                return super::strfmt::percent_format(self, x.as_str(), b)
                    .map(|s| Some(super::new_str(s)));
            }
            (Str(s), n) | (n, Str(s)) if op == BinOp::Mul && is_int(n) => {
                let k = self.to_index(n)?.max(0) as usize;
                if s.s.is_empty() {
                    super::new_str(String::new())
                } else {
                    self.check_alloc(s.s.len(), k)?;
                    super::new_str(s.s.repeat(k))
                }
            }
            (List(x), List(y)) if op == BinOp::Add => {
                let mut v = x.lock().clone();
                v.extend(y.lock().iter().cloned());
                Value::list(v)
            }
            (List(l), n) | (n, List(l)) if op == BinOp::Mul && is_int(n) => {
                let items = l.lock().clone();
                let k = if items.is_empty() {
                    0
                } else {
                    self.to_index(n)?.max(0) as usize
                };
                self.check_alloc(items.len().saturating_mul(k), std::mem::size_of::<Value>())?;
                let mut v = Vec::with_capacity(items.len() * k);
                for _ in 0..k {
                    v.extend(items.iter().cloned());
                }
                Value::list(v)
            }
            (Tuple(x), Tuple(y)) if op == BinOp::Add => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (Tuple(t), n) | (n, Tuple(t)) if op == BinOp::Mul && is_int(n) => {
                let k = self.to_index(n)?.max(0) as usize;
                let k = if t.items.is_empty() { 0 } else { k };
                self.check_alloc(
                    t.items.len().saturating_mul(k),
                    std::mem::size_of::<Value>(),
                )?;
                let mut v = Vec::with_capacity(t.items.len() * k);
                for _ in 0..k {
                    v.extend(t.items.iter().cloned());
                }
                Value::tuple(v)
            }
            (Set(_), Set(_))
                if matches!(
                    op,
                    BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
                ) =>
            {
                return super::setops::set_op(self, op, a, b).map(Some);
            }
            _ if super::complex::is_complex(a) || super::complex::is_complex(b) => {
                return self.complex_binary(op, a, b);
            }
            (Bytes(_) | Native(_), _) | (_, Bytes(_) | Native(_))
                if matches!(op, BinOp::Add | BinOp::Mul | BinOp::Mod) =>
            {
                return self.bytes_op(op, a, b);
            }
            (Dict(x), Dict(_)) if op == BinOp::BitOr => {
                let m = x.lock().clone();
                let d = Value::dict(m);
                if let Dict(nd) = &d {
                    self.dict_update(nd, b)?;
                }
                d
            }
            (Bool(x), Bool(y)) if matches!(op, BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) => {
                Bool(match op {
                    BinOp::BitAnd => *x & *y,
                    BinOp::BitOr => *x | *y,
                    _ => *x ^ *y,
                })
            }
            _ if is_int(a) && is_int(b) => {
                if let (Some(x), Some(y)) = (small(a), small(b)) {
                    return self.int_op(op, x, y).map(Some);
                }
                // Borrow big operands instead of copying their digits.
                let (x, y) = (big_ref(a), big_ref(b));
                return self.bigint_op(op, &x, &y).map(Some);
            }
            _ if (is_int(a) || matches!(a, Float(_))) && (is_int(b) || matches!(b, Float(_))) => {
                let (x, y) = (to_f64(a).unwrap_or(0.0), to_f64(b).unwrap_or(0.0));
                if x.is_infinite() && !matches!(a, Float(_))
                    || y.is_infinite() && !matches!(b, Float(_))
                {
                    return Err(self.new_error(
                        &self.types().exc.OverflowError,
                        "int too large to convert to float",
                    ));
                }
                return self.float_op(op, x, y);
            }
            _ => return Ok(Option::None),
        }))
    }

    pub fn int_op(&mut self, op: BinOp, x: i64, y: i64) -> PyResult<Value> {
        use Value::Int;
        let r = match op {
            BinOp::Add => x.checked_add(y),
            BinOp::Sub => x.checked_sub(y),
            BinOp::Mul => x.checked_mul(y),
            BinOp::FloorDiv => {
                if y == 0 {
                    return Err(self.zero_division("integer division or modulo by zero"));
                }
                x.checked_div_euclid(y).map(|_| Integer::div_floor(&x, &y))
            }
            BinOp::Mod => {
                if y == 0 {
                    return Err(self.zero_division("integer modulo by zero"));
                }
                x.checked_rem(y).map(|_| Integer::mod_floor(&x, &y))
            }
            BinOp::Div => {
                if y == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
                return self.bigint_op(op, &BigInt::from(x), &BigInt::from(y));
            }
            BinOp::Pow => {
                if y < 0 {
                    return self.float_pow(x as f64, y as f64);
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else {
                    None
                }
            }
            BinOp::LShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if y < 63 && (x << y) >> y == x {
                    Some(x << y)
                } else {
                    None
                }
            }
            BinOp::RShift => {
                if y < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            BinOp::BitAnd => Some(x & y),
            BinOp::BitOr => Some(x | y),
            BinOp::BitXor => Some(x ^ y),
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
        };
        match r {
            Some(v) => Ok(Int(v)),
            None => self.bigint_op(op, &BigInt::from(x), &BigInt::from(y)),
        }
    }

    pub fn bigint_op(&mut self, op: BinOp, x: &BigInt, y: &BigInt) -> PyResult<Value> {
        Ok(Value::from_bigint(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::FloorDiv | BinOp::Mod => {
                if y.is_zero() {
                    return Err(self.zero_division(if op == BinOp::Mod {
                        "integer modulo by zero"
                    } else {
                        "integer division or modulo by zero"
                    }));
                }
                if op == BinOp::FloorDiv {
                    x.div_floor(y)
                } else {
                    x.mod_floor(y)
                }
            }
            BinOp::Div => {
                if y.is_zero() {
                    return Err(self.zero_division("division by zero"));
                }
                return Ok(Value::Float(self.big_true_div(x, y)?));
            }
            BinOp::Pow => {
                if y.is_negative() {
                    let (Some(a), Some(b)) = (
                        x.to_f64().filter(|f| f.is_finite()),
                        y.to_f64().filter(|f| f.is_finite()),
                    ) else {
                        return Err(self.overflow_error("int too large to convert to float"));
                    };
                    return self.float_pow(a, b);
                }
                match y.to_u32() {
                    Some(e) => Pow::pow(x, e),
                    None if x.abs() <= BigInt::from(1) => {
                        if x.is_negative() && y.is_odd() {
                            BigInt::from(-1)
                        } else if x.is_zero() {
                            BigInt::zero()
                        } else {
                            BigInt::from(1)
                        }
                    }
                    None => {
                        return Err(
                            self.new_error(&self.types().exc.OverflowError, "exponent too large")
                        )
                    }
                }
            }
            BinOp::LShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let Some(s) = y.to_usize().filter(|s| *s < (1 << 32)) else {
                    return Err(self.new_error(
                        &self.types().exc.OverflowError,
                        "too many digits in integer",
                    ));
                };
                x << s
            }
            BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                match y.to_usize() {
                    // BigInt's >> rounds toward negative infinity, as Python's.
                    Some(s) => x >> s,
                    None => {
                        if x.is_negative() {
                            BigInt::from(-1)
                        } else {
                            BigInt::zero()
                        }
                    }
                }
            }
            BinOp::BitAnd => x & y,
            BinOp::BitOr => x | y,
            BinOp::BitXor => x ^ y,
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"))
            }
        }))
    }

    fn big_true_div(&mut self, x: &BigInt, y: &BigInt) -> PyResult<f64> {
        if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
            if a.is_finite() && b.is_finite() && a.abs() < 9.0e15 && b.abs() < 9.0e15 {
                return Ok(a / b);
            }
        }
        // Scale so the quotient keeps 64 significant bits, then convert.
        let neg = x.is_negative() != y.is_negative();
        let (xa, ya) = (x.abs(), y.abs());
        let shift = ya.bits() as i64 - xa.bits() as i64 + 64;
        let q = if shift >= 0 {
            (xa << shift as usize) / &ya
        } else {
            xa / (ya << (-shift) as usize)
        };
        let f = q.to_f64().unwrap_or(f64::INFINITY) * 2f64.powi(-shift as i32);
        if f.is_infinite() {
            return Err(self.new_error(
                &self.types().exc.OverflowError,
                "integer division result too large for a float",
            ));
        }
        Ok(if neg { -f } else { f })
    }

    fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Option<Value>> {
        Ok(Some(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::Div => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo"));
                }
                float_mod(x, y)
            }
            BinOp::Pow => return self.float_pow(x, y).map(Some),
            _ => return Ok(None),
        })))
    }

    /// `x ** y` for floats with CPython's special cases; a negative base to
    /// a fractional power gives a complex result.
    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        let odd = |v: f64| v % 2.0 == 1.0 || v % 2.0 == -1.0;
        let r = if y == 0.0 {
            1.0
        } else if x.is_nan() {
            x
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if y.is_infinite() {
            let ax = x.abs();
            if ax == 1.0 {
                1.0
            } else if (y > 0.0) == (ax > 1.0) {
                f64::INFINITY
            } else {
                0.0
            }
        } else if x.is_infinite() {
            match (y > 0.0, odd(y)) {
                (true, true) => x,
                (true, false) => x.abs(),
                (false, true) => 0.0f64.copysign(x),
                (false, false) => 0.0,
            }
        } else if x == 0.0 {
            if y < 0.0 {
                return Err(self.zero_division("0.0 cannot be raised to a negative power"));
            }
            if odd(y) {
                x
            } else {
                0.0
            }
        } else {
            let negate = x < 0.0 && odd(y);
            if x < 0.0 && y != y.floor() {
                let z = super::complex::C::new(x, 0.0);
                return match super::complex::pow(z, super::complex::C::new(y, 0.0)) {
                    (r, super::complex::Errno::Ok) => Ok(super::complex::new_complex(r.re, r.im)),
                    (_, super::complex::Errno::Domain) => {
                        Err(self.zero_division("0.0 to a negative or complex power"))
                    }
                    (_, super::complex::Errno::Range) => {
                        Err(self.overflow_error("complex exponentiation"))
                    }
                };
            }
            let ax = x.abs();
            let r = if ax == 1.0 { 1.0 } else { ax.powf(y) };
            if r.is_infinite() {
                return Err(self.overflow_error("(34, 'Numerical result out of range')"));
            }
            if negate {
                -r
            } else {
                r
            }
        };
        Ok(Value::Float(r))
    }

    pub fn unary_op(&mut self, op: UnaryOp, a: &Value) -> PyResult<Value> {
        use Value::*;
        Ok(match (op, a) {
            (UnaryOp::Not, _) => Bool(!self.truthy(a)?),
            (UnaryOp::Neg, Int(i)) => match i.checked_neg() {
                Some(v) => Int(v),
                Option::None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
            },
            (UnaryOp::Neg, Bool(b)) => Int(-(*b as i64)),
            (UnaryOp::Neg, BigInt(b)) => Value::from_bigint(-(**b).clone()),
            (UnaryOp::Neg, Float(f)) => Float(-f),
            (UnaryOp::Pos, Int(_) | Float(_) | BigInt(_)) => a.clone(),
            (UnaryOp::Pos, Bool(b)) => Int(*b as i64),
            (UnaryOp::Invert, Int(i)) => Int(!i),
            (UnaryOp::Invert, Bool(b)) => Int(!(*b as i64)),
            (UnaryOp::Invert, BigInt(b)) => Value::from_bigint(!(**b).clone()),
            (UnaryOp::Neg | UnaryOp::Pos, Native(_)) if super::complex::is_complex(a) => {
                match super::complex::parts(a) {
                    Some(z) if op == UnaryOp::Neg => super::complex::new_complex(-z.re, -z.im),
                    _ => a.clone(),
                }
            }
            (_, Instance(_)) => {
                let name = match op {
                    UnaryOp::Neg => "__neg__",
                    UnaryOp::Pos => "__pos__",
                    _ => "__invert__",
                };
                match self.lookup_special(a, name) {
                    Some(m) => self.call(&m, &[], &[])?,
                    Option::None => return Err(self.bad_unary(op, a)),
                }
            }
            _ => return Err(self.bad_unary(op, a)),
        })
    }

    fn bad_unary(&self, op: UnaryOp, a: &Value) -> PyErr {
        let sym = match op {
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
            UnaryOp::Not => "not",
        };
        self.type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            self.type_name(a)
        ))
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Native(n) if matches!(**n, Native::NotImplemented))
    }
}

fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}
