//! Set algebra on `set` and `frozenset` values (`|`, `&`, `-`, `^`), used
//! by the operators and by the set methods.

use super::dict::DictMap;
use super::object::PyResult;
use super::value::Value;
use super::Vm;
use crate::compiler::bytecode::BinOp;

pub fn map_of(v: &Value) -> DictMap {
    match v {
        Value::Set(s) => s.map.lock().clone(),
        _ => DictMap::new(),
    }
}

pub fn is_frozen(v: &Value) -> bool {
    matches!(v, Value::Set(s) if s.frozen)
}

pub fn member(vm: &mut Vm, map: &DictMap, item: &Value) -> PyResult<bool> {
    let h = vm.hash(item)?;
    Ok(vm.map_find(map, h, item)?.is_some())
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for sets; the result has `a`'s type.
pub fn set_op(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (am, bm) = (map_of(a), map_of(b));
    let frozen = is_frozen(a);
    let mut out = Vec::new();
    match op {
        BinOp::BitOr => {
            out.extend(am.keys());
            out.extend(bm.keys());
        }
        BinOp::BitAnd => {
            for k in am.keys() {
                if member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
        }
        BinOp::Sub => {
            for k in am.keys() {
                if !member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
        }
        _ => {
            for k in am.keys() {
                if !member(vm, &bm, &k)? {
                    out.push(k);
                }
            }
            for k in bm.keys() {
                if !member(vm, &am, &k)? {
                    out.push(k);
                }
            }
        }
    }
    vm.new_set(out, frozen)
}
