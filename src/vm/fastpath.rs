//! The eval loop's inline fast paths: small-int and float arithmetic and
//! comparisons, sequence indexing and iterator steps that need no call,
//! tried before the general operation.

use super::object::*;
use super::sync::PyCell;
use super::value::Value;
use crate::compiler::bytecode::{BinOp, CmpOp};

/// Small-int arithmetic that cannot overflow or raise; `None` sends the
/// operation to the general path.
#[inline(always)]
pub(super) fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::BitAnd => Some(x & y),
        BinOp::BitOr => Some(x | y),
        BinOp::BitXor => Some(x ^ y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        _ => None,
    }
}

/// Float operations that cannot raise (division by a non-zero divisor).
#[inline(always)]
pub(super) fn float_fast_op(op: BinOp, y: f64) -> bool {
    match op {
        BinOp::Add | BinOp::Sub | BinOp::Mul => true,
        BinOp::Div => y != 0.0,
        _ => false,
    }
}

#[inline(always)]
pub(super) fn float_fast(op: BinOp, x: f64, y: f64) -> f64 {
    match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        _ => x / y,
    }
}

/// `a op b` for two ints or two floats under an ordering operator, inline.
#[inline(always)]
pub(super) fn compare_fast(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    if !matches!(
        op,
        CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE | CmpOp::Eq | CmpOp::NotEq
    ) {
        return None;
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(super::compare::cmp_ord(op, x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Some(super::compare::cmp_f64(op, *x, *y)),
        _ => None,
    }
}

/// `obj[key]` for a list or tuple and an int index in range, inline.
#[inline(always)]
pub(super) fn seq_item(obj: &Value, key: &Value) -> Option<Value> {
    match (obj, key) {
        (Value::List(l), Value::Int(i)) => {
            let l = l.lock();
            let j = if *i < 0 { *i + l.len() as i64 } else { *i };
            if j >= 0 {
                l.get(j as usize).cloned()
            } else {
                None
            }
        }
        (Value::Tuple(t), Value::Int(i)) => {
            let j = if *i < 0 {
                *i + t.items.len() as i64
            } else {
                *i
            };
            if j >= 0 {
                t.items.get(j as usize).cloned()
            } else {
                None
            }
        }
        _ => None,
    }
}

/// The outcome of `ForIter`'s inline step.
pub(super) enum IterFast {
    Item(Value),
    Done,
    /// Not a range or list/tuple iterator: call `next`.
    Slow,
}

/// One step of a range or list/tuple iterator without leaving the loop.
#[inline(always)]
pub(super) fn iter_fast(state: &PyCell<IterState>) -> IterFast {
    let mut st = state.lock();
    match &mut *st {
        IterState::Range { next, stop, step } => {
            if (*step > 0 && *next < *stop) || (*step < 0 && *next > *stop) {
                let v = *next;
                *next = next.saturating_add(*step);
                IterFast::Item(Value::Int(v))
            } else {
                IterFast::Done
            }
        }
        IterState::Seq {
            seq: Value::List(l),
            index,
        } => match l.lock().get(*index) {
            Some(v) => {
                *index += 1;
                IterFast::Item(v.clone())
            }
            None => IterFast::Slow,
        },
        IterState::Seq {
            seq: Value::Tuple(t),
            index,
        } => match t.items.get(*index) {
            Some(v) => {
                *index += 1;
                IterFast::Item(v.clone())
            }
            None => IterFast::Slow,
        },
        _ => IterFast::Slow,
    }
}

/// `len(v)` of a built-in container, read without a call; `None` for
/// anything that needs the general path (`__len__`, errors).
#[inline(always)]
pub(super) fn len_fast(v: &Value) -> Option<usize> {
    match v {
        Value::Str(s) => Some(s.char_len()),
        Value::List(l) => Some(l.lock().len()),
        Value::Tuple(t) => Some(t.items.len()),
        Value::Dict(d) => Some(d.lock().len()),
        Value::Set(s) => Some(s.map.lock().len()),
        Value::Bytes(b) => Some(b.data.len()),
        _ => None,
    }
}

/// `op` on two numbers when it needs no allocation and cannot raise: small
/// ints, floats, and a float with a small int.
#[inline(always)]
pub(super) fn binary_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y).map(Value::Int),
        (Value::Float(x), Value::Float(y)) if float_fast_op(op, *y) => {
            Some(Value::Float(float_fast(op, *x, *y)))
        }
        (Value::Float(x), Value::Int(y)) if float_fast_op(op, *y as f64) => {
            Some(Value::Float(float_fast(op, *x, *y as f64)))
        }
        (Value::Int(x), Value::Float(y)) if float_fast_op(op, *y) => {
            Some(Value::Float(float_fast(op, *x as f64, *y)))
        }
        _ => None,
    }
}
