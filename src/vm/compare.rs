//! Comparison: `==` and the ordering operators on the built-in types
//! (numbers of every kind against each other, strings, sequences item by
//! item, dicts), then the rich-comparison protocol with its reflected
//! operands, as CPython's `PyObject_RichCompare`.

use super::dict::{native_eq, DictMap};
use super::object::*;
use super::ops::{base_of, unwrap_base};
use super::sync::Shared;
use super::value::{PyDict, Value};
use super::Vm;
use crate::compiler::bytecode::CmpOp;
use std::cmp::Ordering;

/// Identity and the cheap built-in cases of `==`, without Python code.
fn native_eq_shallow(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Instance(_), _) | (_, Value::Instance(_)) => None,
        (Value::List(_), _) | (_, Value::List(_)) | (Value::Dict(_), _) | (_, Value::Dict(_)) => {
            None
        }
        (Value::Tuple(_), Value::Tuple(_))
        | (Value::Set(_), Value::Set(_))
        | (Value::Native(_), _) => None,
        _ => native_eq(a, b),
    }
}

pub fn cmp_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn swap_op(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::GtE => CmpOp::LtE,
        o => o,
    }
}

#[inline]
pub fn cmp_ord(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::NotEq => o != Ordering::Equal,
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::LtE => o != Ordering::Greater,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::GtE => o != Ordering::Less,
        _ => false,
    }
}

#[inline]
pub fn cmp_f64(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => false,
    }
}

fn num_of(v: &Value) -> Option<NumRef<'_>> {
    match v {
        Value::Int(i) => Some(NumRef::I(*i)),
        Value::Bool(b) => Some(NumRef::I(*b as i64)),
        Value::Float(f) => Some(NumRef::F(*f)),
        Value::BigInt(b) => Some(NumRef::B(b)),
        _ => None,
    }
}

/// Exact comparison of mixed int/float (None when a NaN is involved).
fn num_cmp(a: &NumRef, b: &NumRef) -> Option<Ordering> {
    use num_bigint::BigInt;
    use num_traits::FromPrimitive;
    fn big_f(x: &BigInt, f: f64) -> Option<Ordering> {
        if f.is_nan() {
            return None;
        }
        if f.is_infinite() {
            return Some(if f > 0.0 {
                Ordering::Less
            } else {
                Ordering::Greater
            });
        }
        let fl = f.floor();
        let fb = BigInt::from_f64(fl)?;
        Some(match x.cmp(&fb) {
            Ordering::Equal => {
                if f > fl {
                    Ordering::Less
                } else {
                    Ordering::Equal
                }
            }
            o => o,
        })
    }
    match (a, b) {
        (NumRef::I(x), NumRef::I(y)) => Some(x.cmp(y)),
        (NumRef::F(x), NumRef::F(y)) => x.partial_cmp(y),
        (NumRef::I(x), NumRef::F(y)) => {
            if x.unsigned_abs() < (1 << 53) {
                (*x as f64).partial_cmp(y)
            } else {
                big_f(&BigInt::from(*x), *y)
            }
        }
        (NumRef::F(x), NumRef::I(y)) => {
            num_cmp(&NumRef::I(*y), &NumRef::F(*x)).map(Ordering::reverse)
        }
        (NumRef::B(x), NumRef::B(y)) => Some(x.cmp(y)),
        (NumRef::B(x), NumRef::I(y)) => Some((*x).cmp(&BigInt::from(*y))),
        (NumRef::I(x), NumRef::B(y)) => Some(BigInt::from(*x).cmp(y)),
        (NumRef::B(x), NumRef::F(y)) => big_f(x, *y),
        (NumRef::F(x), NumRef::B(y)) => big_f(y, *x).map(Ordering::reverse),
    }
}

/// The end of the `RecursionError` message of a comparison.
const IN_COMPARISON: &str = " in comparison";

impl Vm {
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, as in CPython's containers.
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = native_eq_shallow(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        self.truthy(&r)
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        use Value::*;
        match op {
            CmpOp::Is => return Ok(Bool(a.is(b))),
            CmpOp::IsNot => return Ok(Bool(!a.is(b))),
            CmpOp::In => return Ok(Bool(self.contains(b, a)?)),
            CmpOp::NotIn => return Ok(Bool(!self.contains(b, a)?)),
            _ => {}
        }
        // Fast paths.
        match (a, b) {
            (Int(x), Int(y)) => return Ok(Bool(cmp_ord(op, x.cmp(y)))),
            (Float(x), Float(y)) => return Ok(Bool(cmp_f64(op, *x, *y))),
            (Str(x), Str(y)) => return Ok(Bool(cmp_ord(op, x.s.cmp(&y.s)))),
            _ => {}
        }
        if matches!(a, Instance(_)) || matches!(b, Instance(_)) {
            return self.rich_compare_protocol(op, a, b);
        }
        if let Some(r) = self.native_object_compare(op, a, b)? {
            return Ok(r);
        }
        if let Some(ord) = self.builtin_order(op, a, b)? {
            return Ok(Bool(ord));
        }
        match op {
            CmpOp::Eq => Ok(Bool(a.is(b))),
            CmpOp::NotEq => Ok(Bool(!a.is(b))),
            _ => Err(self.compare_error(op, a, b)),
        }
    }

    /// The comparison a natively implemented module type (`sqlite3.Row`)
    /// defines in its own namespace, tried on either operand; `None` when
    /// neither defines it or both return `NotImplemented`.
    fn native_object_compare(
        &mut self,
        op: CmpOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => return Ok(None),
        };
        for (x, y, meth) in [(a, b, name), (b, a, reflected)] {
            let Value::Native(n) = x else { continue };
            let class = match &**n {
                Native::Object { class, .. } => class.clone(),
                Native::DictView { .. } => self.class_of(x),
                _ => continue,
            };
            let own = class.dict.read().get_by_str(meth).cloned();
            if let Some(f) = own {
                let r = self.call(&f, &[x.clone(), y.clone()], &[])?;
                if !self.is_not_implemented(&r) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    fn compare_error(&self, op: CmpOp, a: &Value, b: &Value) -> PyErr {
        self.type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            cmp_symbol(op),
            self.type_name(a),
            self.type_name(b)
        ))
    }

    fn rich_compare_protocol(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        let (name, reflected) = match op {
            CmpOp::Eq => ("__eq__", "__eq__"),
            CmpOp::NotEq => ("__ne__", "__ne__"),
            CmpOp::Lt => ("__lt__", "__gt__"),
            CmpOp::LtE => ("__le__", "__ge__"),
            CmpOp::Gt => ("__gt__", "__lt__"),
            CmpOp::GtE => ("__ge__", "__le__"),
            _ => unreachable!("identity and membership handled by compare"),
        };
        // Subclasses of built-in types compare as their values unless they
        // define the comparison themselves.
        if base_of(a).is_some() || base_of(b).is_some() {
            let defines = |vm: &Vm, v: &Value, m: &str| match v {
                Value::Instance(i) => {
                    matches!(vm.class_lookup_str(i.class(), m), Some(Value::Func(_)))
                }
                _ => false,
            };
            if !defines(self, a, name) && !defines(self, b, reflected) {
                let (x, y) = (unwrap_base(a), unwrap_base(b));
                return self.compare(op, &x, &y);
            }
        }
        // A subclass's reflected method goes first, as in CPython.
        let b_first = matches!(b, Value::Instance(_)) && {
            let (ca, cb) = (self.class_of(a), self.class_of(b));
            !Shared::ptr_eq(&ca, &cb) && cb.is_subclass(&ca)
        };
        let order: [(&Value, &Value, &str); 2] = if b_first {
            [(b, a, reflected), (a, b, name)]
        } else {
            [(a, b, name), (b, a, reflected)]
        };
        for (x, y, meth) in order {
            if let Value::Instance(inst) = x {
                // A plain function is called with `x` prepended: no bound method.
                let attr = self.class_lookup_str(inst.class(), meth);
                if let Some(f @ Value::Func(_)) = attr {
                    let r = self.call_with_self(&f, x.clone(), std::slice::from_ref(y), &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                    continue;
                }
                if let Some(m) = self.lookup_special(x, meth) {
                    if matches!(m, Value::Method(ref mm) if matches!(mm.func, Value::Builtin(_))) {
                        continue;
                    }
                    let r = self.call(&m, std::slice::from_ref(y), &[])?;
                    if !self.is_not_implemented(&r) {
                        return Ok(r);
                    }
                }
            } else if let Some(r) =
                self.builtin_order(if meth == name { op } else { swap_op(op) }, x, y)?
            {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => {
                // Default __ne__ inverts __eq__.
                let eq = self.rich_compare_protocol(CmpOp::Eq, a, b)?;
                Ok(Value::Bool(!self.truthy(&eq)?))
            }
            _ => Err(self.compare_error(op, a, b)),
        }
    }

    /// Comparison among built-in types; `None` when not comparable natively.
    fn builtin_order(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        use Value::*;
        if let (Some(x), Some(y)) = (num_of(a), num_of(b)) {
            return Ok(Some(match num_cmp(&x, &y) {
                Some(o) => cmp_ord(op, o),
                Option::None => op == CmpOp::NotEq,
            }));
        }
        // complex: equality only; ordering falls through to the TypeError.
        if let Some(eq) = super::complex::num_eq(a, b) {
            return Ok(match op {
                CmpOp::Eq => Some(eq),
                CmpOp::NotEq => Some(!eq),
                _ => Option::None,
            });
        }
        Ok(Some(match (a, b) {
            (Str(x), Str(y)) => cmp_ord(op, x.s.cmp(&y.s)),
            (Bytes(x), Bytes(y)) => cmp_ord(op, x.data.cmp(&y.data)),
            (Bytes(_) | Native(_), Bytes(_) | Native(_))
                if super::bytes::is_bytes_like(a) && super::bytes::is_bytes_like(b) =>
            {
                let (x, y) = (
                    super::bytes::bytes_like(a).unwrap_or_default(),
                    super::bytes::bytes_like(b).unwrap_or_default(),
                );
                cmp_ord(op, x.cmp(&y))
            }
            (List(x), List(y)) => {
                // One guard at a time: the two may be the same object.
                let xs = x.lock().clone();
                let ys = y.lock().clone();
                return self.seq_compare(op, &xs, &ys).map(Some);
            }
            (Tuple(x), Tuple(y)) => {
                let (xs, ys) = (x.items.clone(), y.items.clone());
                return self.seq_compare(op, &xs, &ys).map(Some);
            }
            (Dict(x), Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::NotEq) => {
                self.enter_nested(IN_COMPARISON)?;
                let eq = self.dict_eq(x, y);
                self.depth -= 1;
                let eq = eq?;
                if op == CmpOp::Eq {
                    eq
                } else {
                    !eq
                }
            }
            (Set(x), Set(y)) => {
                // One guard at a time: the two may be the same object.
                let xm = x.map.lock().clone();
                let ym = y.map.lock().clone();
                let sub = |vm: &mut Vm, p: &DictMap, q: &DictMap| -> PyResult<bool> {
                    for e in p.entries() {
                        if !vm.map_contains(q, e.hash, &e.key)? {
                            return Ok(false);
                        }
                    }
                    Ok(true)
                };
                match op {
                    CmpOp::Eq => xm.len() == ym.len() && sub(self, &xm, &ym)?,
                    CmpOp::NotEq => !(xm.len() == ym.len() && sub(self, &xm, &ym)?),
                    CmpOp::LtE => sub(self, &xm, &ym)?,
                    CmpOp::Lt => xm.len() < ym.len() && sub(self, &xm, &ym)?,
                    CmpOp::GtE => sub(self, &ym, &xm)?,
                    CmpOp::Gt => xm.len() > ym.len() && sub(self, &ym, &xm)?,
                    _ => return Ok(Option::None),
                }
            }
            (Native(x), Native(y)) => match (&**x, &**y) {
                (super::object::Native::Range { .. }, super::object::Native::Range { .. })
                    if matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    let (xs, ys) = (self.iterate(a)?, self.iterate(b)?);
                    let eq = self.seq_compare(CmpOp::Eq, &xs, &ys)?;
                    eq == (op == CmpOp::Eq)
                }
                (
                    super::object::Native::DictView { kind: k1, dict: d1 },
                    super::object::Native::DictView { kind: k2, dict: d2 },
                ) if *k1 == ViewKind::Keys
                    && *k2 == ViewKind::Keys
                    && matches!(op, CmpOp::Eq | CmpOp::NotEq) =>
                {
                    // One guard at a time: the two may be the same object.
                    let xs = d1.lock().clone();
                    let ys = d2.lock().clone();
                    let mut eq = xs.len() == ys.len();
                    if eq {
                        for e in xs.entries() {
                            if !self.map_contains(&ys, e.hash, &e.key)? {
                                eq = false;
                                break;
                            }
                        }
                    }
                    eq == (op == CmpOp::Eq)
                }
                _ => return Ok(Option::None),
            },
            _ => return Ok(Option::None),
        }))
    }

    /// Counts a level of native recursion (comparing or printing nested
    /// containers) against the recursion limit, so deep nesting raises
    /// `RecursionError` instead of overflowing the native stack.
    pub fn enter_nested(&mut self, context: &str) -> PyResult<()> {
        self.depth += 1;
        if let Err(e) = self.check_recursion_in(context) {
            self.depth -= 1;
            return Err(e);
        }
        Ok(())
    }

    fn seq_compare(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) && xs.len() != ys.len() {
            return Ok(op == CmpOp::NotEq);
        }
        self.enter_nested(IN_COMPARISON)?;
        let r = self.seq_compare_items(op, xs, ys);
        self.depth -= 1;
        r
    }

    fn seq_compare_items(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        for (x, y) in xs.iter().zip(ys.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::NotEq => Ok(true),
                    _ => {
                        let r = self.compare(op, x, y)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(cmp_ord(op, xs.len().cmp(&ys.len())))
    }

    fn dict_eq(&mut self, x: &Shared<PyDict>, y: &Shared<PyDict>) -> PyResult<bool> {
        // One guard at a time: the two may be the same object.
        let xm = x.lock().clone();
        let ym = y.lock().clone();
        if xm.len() != ym.len() {
            return Ok(false);
        }
        for e in xm.entries() {
            match self.map_get(&ym, e.hash, &e.key)? {
                Some(v) => {
                    if !self.eq(&e.value, &v)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }
}

enum NumRef<'a> {
    I(i64),
    F(f64),
    B(&'a num_bigint::BigInt),
}
