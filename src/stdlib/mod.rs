//! Native modules (`sys`, `math`, `time`, `_thread`) and the modules written
//! in gilpy itself (`threading`, `queue`, `concurrent.futures`, `logging`),
//! embedded in the binary from `py/`.

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
    Some(match name {
        "threading" => include_str!("py/threading.py"),
        "queue" => include_str!("py/queue.py"),
        "concurrent" => include_str!("py/concurrent.py"),
        "concurrent.futures" => include_str!("py/concurrent_futures.py"),
        "logging" => include_str!("py/logging.py"),
        _ => return None,
    })
}
