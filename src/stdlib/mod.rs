//! Native modules (`sys`, `math`, `time`) and the modules written in gilpy
//! itself, embedded in the binary.

mod math;
pub mod sys;
pub mod thread;
mod time;

use crate::vm::Vm;

pub fn install(vm: &mut Vm) {
    sys::install(vm);
    math::install(vm);
    time::install(vm);
    thread::install(vm);
}

/// Source of a module written in gilpy, if `name` is one.
pub fn embedded_source(name: &str) -> Option<&'static str> {
    let _ = name;
    None
}
