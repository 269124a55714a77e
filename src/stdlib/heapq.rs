//! `_heapq`: the heap operations of `heapq` on a list, natively (the event
//! loop's timers live in one). Items are compared with `<`, which may run
//! Python code, so the list is never locked across a comparison.

use crate::compiler::bytecode::CmpOp;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::sync::Shared;
use crate::vm::value::PyList;
use crate::vm::*;

fn heap_arg(vm: &Vm, v: &Value) -> PyResult<Shared<PyList>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        _ => Err(vm.type_error(format!(
            "heap argument must be a list, not {}",
            vm.type_name(v)
        ))),
    }
}

fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok(x < y),
        (Value::Float(x), Value::Float(y)) => Ok(x < y),
        // Timers: `(when, seq, handle)` tuples usually differ in `when`.
        (Value::Tuple(x), Value::Tuple(y)) => match (x.items.first(), y.items.first()) {
            (Some(Value::Float(p)), Some(Value::Float(q))) if p != q => Ok(p < q),
            (Some(Value::Int(p)), Some(Value::Int(q))) if p != q => Ok(p < q),
            _ => {
                let r = vm.compare(CmpOp::Lt, a, b)?;
                vm.truthy(&r)
            }
        },
        _ => {
            let r = vm.compare(CmpOp::Lt, a, b)?;
            vm.truthy(&r)
        }
    }
}

/// The items at `i` and `j`, or an error if the list shrank meanwhile.
fn pair(vm: &Vm, heap: &Shared<PyList>, i: usize, j: usize) -> PyResult<(Value, Value)> {
    let h = heap.lock();
    match (h.get(i), h.get(j)) {
        (Some(a), Some(b)) => Ok((a.clone(), b.clone())),
        _ => Err(vm.runtime_error("list changed size during iteration")),
    }
}

fn swap(vm: &Vm, heap: &Shared<PyList>, i: usize, j: usize) -> PyResult<()> {
    let mut h = heap.lock();
    if i.max(j) >= h.len() {
        return Err(vm.runtime_error("list changed size during iteration"));
    }
    h.swap(i, j);
    Ok(())
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(vm: &mut Vm, heap: &Shared<PyList>, start: usize, mut pos: usize) -> PyResult<()> {
    while pos > start {
        let parent = (pos - 1) >> 1;
        let (item, p) = pair(vm, heap, pos, parent)?;
        if !less(vm, &item, &p)? {
            break;
        }
        swap(vm, heap, pos, parent)?;
        pos = parent;
    }
    Ok(())
}

/// Moves the item at `pos` down to a leaf along the smaller children, then
/// back up into place (as CPython's heapq does: fewer comparisons).
fn sift_up(vm: &mut Vm, heap: &Shared<PyList>, mut pos: usize) -> PyResult<()> {
    let end = heap.lock().len();
    let start = pos;
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = pair(vm, heap, child, right)?;
            if !less(vm, &c, &r)? {
                child = right;
            }
        }
        swap(vm, heap, pos, child)?;
        pos = child;
        child = 2 * pos + 1;
    }
    sift_down(vm, heap, start, pos)
}

fn heappush(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let heap = heap_arg(vm, &args[0])?;
    let n = {
        let mut h = heap.lock();
        h.push(args[1].clone());
        h.len()
    };
    sift_down(vm, &heap, 0, n - 1)?;
    Ok(Value::None)
}

fn heappop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let heap = heap_arg(vm, &args[0])?;
    let (last, rest) = {
        let mut h = heap.lock();
        let Some(last) = h.pop() else {
            drop(h);
            return Err(vm.index_error("index out of range"));
        };
        (last, h.len())
    };
    if rest == 0 {
        return Ok(last);
    }
    let top = {
        let mut h = heap.lock();
        if h.is_empty() {
            return Ok(last);
        }
        std::mem::replace(&mut h[0], last)
    };
    sift_up(vm, &heap, 0)?;
    Ok(top)
}

fn heapreplace(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let heap = heap_arg(vm, &args[0])?;
    let top = {
        let mut h = heap.lock();
        if h.is_empty() {
            drop(h);
            return Err(vm.index_error("index out of range"));
        }
        std::mem::replace(&mut h[0], args[1].clone())
    };
    sift_up(vm, &heap, 0)?;
    Ok(top)
}

fn heappushpop(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let heap = heap_arg(vm, &args[0])?;
    let first = heap.lock().first().cloned();
    let Some(first) = first else {
        return Ok(args[1].clone());
    };
    if !less(vm, &first, &args[1])? {
        return Ok(args[1].clone());
    }
    let top = {
        let mut h = heap.lock();
        if h.is_empty() {
            return Ok(args[1].clone());
        }
        std::mem::replace(&mut h[0], args[1].clone())
    };
    sift_up(vm, &heap, 0)?;
    Ok(top)
}

fn heapify(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let heap = heap_arg(vm, &args[0])?;
    let n = heap.lock().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, &heap, i)?;
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(
        vm,
        d,
        &[
            ("heappush", Arity::exact(2), heappush),
            ("heappop", Arity::exact(1), heappop),
            ("heapreplace", Arity::exact(2), heapreplace),
            ("heappushpop", Arity::exact(2), heappushpop),
            ("heapify", Arity::exact(1), heapify),
        ],
    );
    Ok(())
}
