//! Native modules (`sys`, `math`, `time`, `_thread`) and the modules written
//! in gilpy itself (`threading`, `queue`, `concurrent.futures`, `logging`,
//! `random`, `collections`, `functools`, `itertools` and a few more),
//! embedded in the binary from `py/`.

mod condition;
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
        "keyword" => include_str!("py/keyword.py"),
        "__future__" => include_str!("py/__future__.py"),
        "abc" => include_str!("py/abc.py"),
        "numbers" => include_str!("py/numbers.py"),
        "types" => include_str!("py/types.py"),
        "reprlib" => include_str!("py/reprlib.py"),
        "textwrap" => include_str!("py/textwrap.py"),
        "pprint" => include_str!("py/pprint.py"),
        "shlex" => include_str!("py/shlex.py"),
        "enum" => include_str!("py/enum.py"),
        "dataclasses" => include_str!("py/dataclasses.py"),
        "linecache" => include_str!("py/linecache.py"),
        "warnings" => include_str!("py/warnings.py"),
        "datetime" => include_str!("py/datetime.py"),
        "calendar" => include_str!("py/calendar.py"),
        "fractions" => include_str!("py/fractions.py"),
        "traceback" => include_str!("py/traceback.py"),
        "argparse" => include_str!("py/argparse.py"),
        "unittest" => include_str!("py/unittest.py"),
        "csv" => include_str!("py/csv.py"),
        "difflib" => include_str!("py/difflib.py"),
        _ => return None,
    })
}
