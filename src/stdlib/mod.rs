//! Native modules (`sys`, `math`, `time`, `_thread`) and the modules written
//! in gilpy itself (`threading`, `queue`, `concurrent.futures`, `logging`,
//! `random`, `collections`, `functools`, `itertools` and a few more),
//! embedded in the binary from `py/`.

mod condition;
mod math;
mod re;
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
        "random" => include_str!("py/random.py"),
        "functools" => include_str!("py/functools.py"),
        "itertools" => include_str!("py/itertools.py"),
        "collections" => include_str!("py/collections.py"),
        "operator" => include_str!("py/operator.py"),
        "heapq" => include_str!("py/heapq.py"),
        "bisect" => include_str!("py/bisect.py"),
        "string" => include_str!("py/string.py"),
        "copy" => include_str!("py/copy.py"),
        "contextlib" => include_str!("py/contextlib.py"),
        "statistics" => include_str!("py/statistics.py"),
        "typing" => include_str!("py/typing.py"),
        "os" => include_str!("py/os.py"),
        _ => return None,
    })
}
