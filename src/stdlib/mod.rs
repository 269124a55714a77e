//! The standard library: one table of every module gilpy can import without
//! a file, each made on its first import. Native modules are written in Rust
//! (a file here); the others in gilpy's Python, embedded from `py/` (as
//! CPython's `Lib/` sits on its `Modules/`). Adding a module is one line in
//! [`MODULES`] plus its file.

mod cmath;
mod condition;
mod libm;
mod math;
pub mod sys;
mod sys_info;
pub mod thread;
mod time;

use crate::vm::dict::DictMap;
use crate::vm::host::{ModuleDef, ModuleInit, ModuleInitFn};
use crate::vm::{PyResult, Vm};

const fn native(name: &'static str, init: ModuleInitFn) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Native(init),
    }
}

const fn python(name: &'static str, source: &'static str) -> ModuleDef {
    ModuleDef {
        name,
        init: ModuleInit::Source(source),
    }
}

/// `_thread`: threads and locks, plus the native core of `threading.Condition`.
fn thread_module(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    thread::init(vm, d)?;
    condition::install(d);
    Ok(())
}

/// Every built-in module, by import name.
pub static MODULES: &[ModuleDef] = &[
    native("sys", sys::init),
    native("math", math::init),
    native("cmath", cmath::init),
    native("time", time::init),
    native("_thread", thread_module),
    python("threading", include_str!("py/threading.py")),
    python("queue", include_str!("py/queue.py")),
    python("concurrent", include_str!("py/concurrent.py")),
    python(
        "concurrent.futures",
        include_str!("py/concurrent_futures.py"),
    ),
    python("logging", include_str!("py/logging.py")),
    python("random", include_str!("py/random.py")),
    python("functools", include_str!("py/functools.py")),
    python("itertools", include_str!("py/itertools.py")),
    python("collections", include_str!("py/collections.py")),
    python("operator", include_str!("py/operator.py")),
    python("heapq", include_str!("py/heapq.py")),
    python("bisect", include_str!("py/bisect.py")),
    python("string", include_str!("py/string.py")),
    python("copy", include_str!("py/copy.py")),
    python("contextlib", include_str!("py/contextlib.py")),
    python("statistics", include_str!("py/statistics.py")),
    python("typing", include_str!("py/typing.py")),
    python("os", include_str!("py/os.py")),
    python("importlib", include_str!("py/importlib/__init__.py")),
    python("_sysinfo", include_str!("py/_sysinfo.py")),
];
