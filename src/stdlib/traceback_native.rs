//! `_traceback`: what the `traceback` module needs from the parser, where
//! a failing expression's operator is (CPython's module parses the source
//! segment with `ast`, which gilpy does not have).

use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(vm, d, &[("caret_anchors", Arity::exact(1), caret_anchors)]);
    Ok(())
}

/// `caret_anchors(segment)`: `(left_end, right_start)` in characters, or
/// None when the segment is not a lone binary operation or subscript.
fn caret_anchors(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(segment) = args[0].as_str() else {
        return Err(vm.type_error("caret_anchors() argument must be str"));
    };
    Ok(match (vm.interp.host.caret_anchors)(segment) {
        Some((l, r)) => Value::tuple(vec![Value::Int(l as i64), Value::Int(r as i64)]),
        None => Value::None,
    })
}
