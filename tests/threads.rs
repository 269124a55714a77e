//! Thread stress tests: the scripts in `tests/stress/` (exact counts from
//! many threads) and the threaded golden scripts (`tests/scripts/threads_*`),
//! each run several times to catch hangs and races; and Ctrl-C while the main
//! thread waits in `join()`.

mod common;

use common::GILPY;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(name)
}

/// Runs a script with a deadline; returns its stdout.
fn run_with_deadline(script: &Path, limit: Duration) -> String {
    match common::run(Command::new(GILPY).arg(script), limit) {
        Ok(out) => out.stdout,
        Err(_) => panic!("{} hung (killed after {:?})", script.display(), limit),
    }
}

fn check_repeatedly(scripts: &[PathBuf], times: usize) {
    for script in scripts {
        let want =
            std::fs::read_to_string(script.with_extension("out")).expect("expected output exists");
        for round in 0..times {
            let got = run_with_deadline(script, Duration::from_secs(60));
            assert_eq!(
                got,
                want,
                "{} differs on run {}",
                script.display(),
                round + 1
            );
        }
    }
}

fn py_files(folder: &Path, prefix: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "py")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    v.sort();
    v
}

#[test]
fn stress_scripts_give_exact_counts() {
    let scripts = py_files(&dir("stress"), "");
    assert!(scripts.len() >= 4);
    check_repeatedly(&scripts, 5);
}

#[test]
fn threaded_scripts_never_hang() {
    let scripts = py_files(&dir("scripts"), "threads_");
    assert!(scripts.len() >= 4);
    check_repeatedly(&scripts, 5);
}

#[test]
fn ctrl_c_interrupts_join() {
    let script = std::env::temp_dir().join(format!("gilpy_ctrl_c_{}.py", std::process::id()));
    std::fs::write(
        &script,
        "import threading, time\n\
         t = threading.Thread(target=time.sleep, args=(30,))\n\
         t.start()\n\
         print('waiting', flush=True)\n\
         t.join()\n\
         print('not reached')\n",
    )
    .expect("write script");
    let child = common::spawn(Command::new(GILPY).arg(&script));
    std::thread::sleep(Duration::from_millis(500));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let sent = Instant::now();
    let out = child.finish(Duration::from_secs(5));
    let elapsed = sent.elapsed();
    let _ = std::fs::remove_file(&script);
    let out = out.expect("gilpy exits after SIGINT");
    assert_eq!(out.code, 130, "exit status after SIGINT");
    assert!(
        elapsed < Duration::from_secs(1),
        "took {:?} to exit",
        elapsed
    );
    assert!(
        out.stderr.contains("KeyboardInterrupt"),
        "stderr: {}",
        out.stderr
    );
    assert_eq!(out.stdout, "waiting\n");
}

/// The free-threaded build's promise: no lost appends, 50 rounds in a row.
/// Each round is 8 threads appending 25,000 items apiece here, so that the
/// unoptimised test build stays quick; the full-size run is
/// `target/ft/release/gilpy tests/stress/append_800k.py 50`.
#[test]
fn append_from_eight_threads_loses_nothing() {
    let rounds = if cfg!(feature = "free-threading") {
        50
    } else {
        3
    };
    let script = dir("stress").join("append_800k.py");
    let out = common::run(
        Command::new(GILPY)
            .arg(&script)
            .arg(rounds.to_string())
            .arg("25000"),
        Duration::from_secs(1800),
    )
    .expect("gilpy finishes");
    assert_eq!(
        out.stdout,
        format!("{} round(s), 200000 items each, bad rounds: 0\n", rounds),
        "stderr: {}",
        out.stderr
    );
}
