//! Micro-benchmarks of the interpreter and of what the GIL costs:
//! the eval loop on small programs, taking and dropping the GIL with and
//! without a second thread, reference counting and thread start-up.
//! `cargo bench` (and with `--features free-threading`); short measurement
//! times keep a full run at a few minutes.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use gilpy::vm::gil::Gil;
use gilpy::vm::{new_str, Value, Vm, Wait};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Small programs for the eval loop; each `bench_*` function is one benchmark.
const PROGRAMS: &str = r#"
import threading

def add(a, b):
    return a + b

def bench_calls():
    s = 0
    for i in range(1000):
        s = add(s, i)
    return s

def bench_loop():
    s = 0
    i = 0
    while i < 1000:
        s += i * 2 % 7
        i += 1
    return s

class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

P = Point(3, -4)

def bench_attributes():
    p = P
    s = 0
    for i in range(1000):
        p.x = i
        s += p.x + p.y + p.norm1()
    return s

def bench_dict():
    d = {}
    for i in range(1000):
        d[i] = i
    s = 0
    for k in d:
        s += d[k]
    for i in range(0, 1000, 2):
        del d[i]
    return s + len(d)

def bench_list():
    xs = []
    for i in range(1000):
        xs.append(i)
    s = 0
    for i in range(1000):
        s += xs[i]
    xs.sort(reverse=True)
    return s + len(xs[10:500])

def nothing():
    pass

def bench_thread_start_join():
    for _ in range(10):
        t = threading.Thread(target=nothing)
        t.start()
        t.join()
"#;

fn interpreter() -> (Vm, Vec<(String, Value)>) {
    let mut vm = gilpy::new_interpreter(gilpy::vm::Options::default());
    let code = gilpy::compile_source(PROGRAMS, "<bench>").expect("the programs compile");
    let globals = match vm.run_module_code(&code, "__bench__") {
        Ok(g) => g,
        Err(e) => panic!("{}", vm.format_exception(&e)),
    };
    let names = [
        "bench_calls",
        "bench_loop",
        "bench_attributes",
        "bench_dict",
        "bench_list",
        "bench_thread_start_join",
    ];
    let funcs = names
        .iter()
        .map(|n| {
            let f = globals.lock().get_by_str(n).cloned().expect("defined");
            (n.trim_start_matches("bench_").to_string(), f)
        })
        .collect();
    (vm, funcs)
}

/// Calls a benchmark function; a Python error ends the run with its traceback.
fn run(vm: &mut Vm, f: &Value) -> Value {
    match vm.call(f, &[], &[]) {
        Ok(v) => v,
        Err(e) => panic!("{}", vm.format_exception(&e)),
    }
}

fn config() -> Criterion {
    Criterion::default()
        .measurement_time(Duration::from_secs(2))
        .warm_up_time(Duration::from_millis(500))
        .sample_size(20)
}

fn eval_loop(c: &mut Criterion) {
    let (mut vm, funcs) = interpreter();
    let mut group = c.benchmark_group("eval");
    for (name, f) in &funcs {
        if name == "thread_start_join" {
            continue;
        }
        group.bench_function(name.as_str(), |b| b.iter(|| run(&mut vm, f)));
    }
    group.finish();
    // Ten threads started and joined per iteration.
    let (_, f) = funcs
        .iter()
        .find(|(n, _)| n == "thread_start_join")
        .expect("defined");
    c.bench_function("threads/start_join_x10", |b| b.iter(|| run(&mut vm, f)));
}

/// A GIL that really locks, in both builds (the free-threaded build's
/// starts disabled, as `-X gil=1` would turn it on).
fn enabled_gil() -> Arc<Gil> {
    let gil = Arc::new(Gil::new());
    gil.set_enabled(true);
    gil
}

fn gil(c: &mut Criterion) {
    let gil = enabled_gil();
    c.bench_function("gil/acquire_release_uncontended", |b| {
        b.iter(|| {
            gil.acquire();
            gil.release(Wait::Sync);
        })
    });
    // Two threads hand the GIL to each other as a forced switch does: the
    // holder drops it for the waiter and waits until the waiter has it.
    // Each side goes on only after the other has had its turn, so one
    // iteration is one round trip (two hand-overs) however late the
    // second thread starts.
    c.bench_function("gil/handover_round_trip", |b| {
        b.iter_custom(|iters| {
            let gil = enabled_gil();
            let turns = Arc::new([AtomicU64::new(0), AtomicU64::new(0)]);
            let side = move |gil: &Gil, turns: &[AtomicU64; 2], me: usize| {
                gil.acquire();
                for i in 1..=iters {
                    turns[me].store(i, Ordering::Release);
                    while turns[1 - me].load(Ordering::Acquire) < i {
                        gil.yield_to_waiter();
                    }
                }
                gil.release(Wait::Outside);
            };
            let start = Instant::now();
            let other = {
                let (gil, turns) = (gil.clone(), turns.clone());
                std::thread::spawn(move || side(&gil, &turns, 1))
            };
            side(&gil, &turns, 0);
            other.join().expect("joins");
            start.elapsed()
        })
    });
}

fn refcount(c: &mut Criterion) {
    let v = new_str("a string object");
    c.bench_function("refcount/incref_decref", |b| {
        b.iter(|| {
            let w = black_box(&v).clone();
            drop(black_box(w));
        })
    });
}

criterion_group! {
    name = benches;
    config = config();
    targets = eval_loop, gil, refcount
}
criterion_main!(benches);
