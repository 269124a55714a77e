//! Making function objects (`MakeFunction`): defaults, keyword-only
//! defaults, closure cells, and the facts the fast call path reads.

use super::dict::DictMap;
use super::frame::Frame;
use super::object::*;
use super::sync::{PyCell, Shared};
use super::value::Value;
use super::Vm;

impl Vm {
    pub(super) fn make_function(&mut self, frame: &mut Frame, flags: u32) -> PyResult<Value> {
        let code =
            super::words::pop_value(&mut frame.stack).expect("value stack underflow: compiler bug");
        let closure = if flags & 8 != 0 {
            Some(
                super::words::pop_value(&mut frame.stack)
                    .expect("value stack underflow: compiler bug"),
            )
        } else {
            None
        };
        let annotations = if flags & 4 != 0 {
            Some(
                super::words::pop_value(&mut frame.stack)
                    .expect("value stack underflow: compiler bug"),
            )
        } else {
            None
        };
        let kwdefaults = if flags & 2 != 0 {
            Some(
                super::words::pop_value(&mut frame.stack)
                    .expect("value stack underflow: compiler bug"),
            )
        } else {
            None
        };
        let defaults = if flags & 1 != 0 {
            Some(
                super::words::pop_value(&mut frame.stack)
                    .expect("value stack underflow: compiler bug"),
            )
        } else {
            None
        };
        let Value::Native(n) = code else {
            return Err(self.type_error("MakeFunction needs a code object"));
        };
        let Native::Code(code) = &*n else {
            return Err(self.type_error("MakeFunction needs a code object"));
        };
        let cells: Vec<CellRef> = match closure {
            Some(Value::Tuple(t)) => t
                .items
                .iter()
                .filter_map(|c| match c {
                    Value::Native(n) => match &**n {
                        Native::Cell(c) => Some(c.clone()),
                        _ => None,
                    },
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        let defaults = match defaults {
            Some(Value::Tuple(t)) => t.items.clone(),
            _ => Box::new([]),
        };
        let kwdefaults = match kwdefaults {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        };
        let name = code.name.clone();
        let qualname = code.qualname.clone();
        let co = &code.co;
        let simple = !co.has_varargs
            && !co.has_varkw
            && co.kwonlyargcount == 0
            && !co.is_generator
            && !co.is_coroutine
            && co.cellvars.is_empty();
        let f = Shared::new(Function {
            simple_argc: if simple { co.argcount } else { u32::MAX },
            min_argc: if simple {
                co.argcount.saturating_sub(defaults.len() as u32)
            } else {
                u32::MAX
            },
            nlocals: co.varnames.len() as u32,
            max_stack: co.max_stack,
            code: code.clone(),
            globals: frame.globals.clone(),
            defaults,
            kwdefaults,
            closure: cells.into_boxed_slice(),
            name: PyCell::new(name),
            qualname: PyCell::new(qualname),
            dict: PyCell::new({
                let mut d = DictMap::new();
                if let Some(a) = annotations {
                    d.set_by_str("__annotations__", a);
                }
                d
            }),
        });
        super::gc::track(super::gc::Tracked::Func(Shared::downgrade(&f)));
        Ok(Value::Func(f))
    }
}
