//! `-X gilstats` and `-X giltrace`: the report names every thread and the
//! trace files are well formed.

mod common;

use common::GILPY;
use std::process::Command;
use std::time::Duration;

const SCRIPT: &str = "import threading, time\n\
def spin():\n    s = 0\n    for i in range(200000):\n        s += i\n\
def nap():\n    time.sleep(0.05)\n\
ts = [threading.Thread(target=spin, name='spinner'), threading.Thread(target=nap, name='sleeper')]\n\
for t in ts: t.start()\n\
for t in ts: t.join()\n\
print('done')\n";

fn run(args: &[&str]) -> (String, String) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir();
    let script = dir.join(format!("gilpy_instr_{}_{}.py", std::process::id(), n));
    std::fs::write(&script, SCRIPT).expect("write script");
    let out = common::run(
        Command::new(GILPY).args(args).arg(&script),
        Duration::from_secs(60),
    );
    let _ = std::fs::remove_file(&script);
    let out = out.expect("gilpy finishes");
    assert_eq!(out.code, 0, "{}", out.stderr);
    (out.stdout, out.stderr)
}

#[test]
fn gilstats_reports_every_thread() {
    let (stdout, stderr) = run(&["-X", "gilstats"]);
    assert_eq!(stdout, "done\n");
    assert!(stderr.contains("GIL statistics"), "{}", stderr);
    for name in ["MainThread", "spinner", "sleeper"] {
        assert!(
            stderr.lines().any(|l| l.starts_with(name)),
            "no row for {}:\n{}",
            name,
            stderr
        );
    }
    // The sleeper spends its time blocked, not running.
    let row = stderr
        .lines()
        .find(|l| l.starts_with("sleeper"))
        .expect("sleeper row");
    let cols: Vec<f64> = row
        .split_whitespace()
        .skip(1)
        .take(3)
        .map(|c| c.parse().expect("number"))
        .collect();
    assert!(cols[2] >= 0.04, "blocked time {} in {}", cols[2], row);
    assert!(cols[0] < 0.04, "running time {} in {}", cols[0], row);
}

#[test]
fn giltrace_writes_json_and_svg() {
    let dir = std::env::temp_dir();
    let json = dir.join(format!("gilpy_trace_{}.json", std::process::id()));
    let svg = dir.join(format!("gilpy_trace_{}.svg", std::process::id()));
    for path in [&json, &svg] {
        let opt = format!("giltrace={}", path.display());
        let (stdout, _) = run(&["-X", &opt]);
        assert_eq!(stdout, "done\n");
    }
    let j = std::fs::read_to_string(&json).expect("json written");
    assert!(j.starts_with("{\"displayTimeUnit\""));
    assert!(j.contains("\"name\": \"spinner\"") && j.contains("\"ph\": \"X\""));
    assert_eq!(j.matches('{').count(), j.matches('}').count());
    // One process named after the program, named threads.
    assert!(j.contains("\"name\": \"process_name\"") && j.contains("gilpy_instr_"));
    assert!(j.contains("\"name\": \"thread_name\""));
    let s = std::fs::read_to_string(&svg).expect("svg written");
    assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
    assert!(s.contains("sleeper") && s.contains("running (GIL held)"));
    // The title names the program, the build and the switch interval.
    assert!(s.contains("gilpy_instr_") && s.contains("switch interval 5 ms"));
    assert!(s.contains("GIL build") || s.contains("free-threaded build"));
    let _ = std::fs::remove_file(&json);
    let _ = std::fs::remove_file(&svg);
}

/// A forked child keeps recording: it writes its own report, headed with
/// its pid, and neither side hangs.
#[test]
fn gilstats_in_a_forked_child() {
    let dir = std::env::temp_dir();
    let script = dir.join(format!("gilpy_instr_fork_{}.py", std::process::id()));
    std::fs::write(
        &script,
        "import os\n\
         for _ in range(5):\n\
         \x20   pid = os.fork()\n\
         \x20   if pid == 0:\n\
         \x20       sum(range(1000))\n\
         \x20       os._exit(3)\n\
         \x20   _, status = os.waitpid(pid, 0)\n\
         \x20   assert os.waitstatus_to_exitcode(status) == 3\n\
         print('done')\n",
    )
    .expect("write script");
    let out = common::run(
        Command::new(GILPY).args(["-X", "gilstats"]).arg(&script),
        Duration::from_secs(60),
    );
    let _ = std::fs::remove_file(&script);
    let out = out.expect("gilpy and its children finish");
    assert_eq!(
        (out.code, out.stdout.as_str()),
        (0, "done\n"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("GIL statistics"), "{}", out.stderr);
}
