//! Runs every `NAME.py` in `tests/scripts/` and its subfolders with the
//! gilpy binary and compares its standard output with `NAME.out`, its exit
//! status with `NAME.code` (0 if absent) and checks that each line of
//! `NAME.err` occurs in its stderr. A few scripts run at a time.
//!
//! The expected files are CPython 3.11's behaviour: `GILPY_BLESS=1 cargo test
//! --test scripts` regenerates `.out` and `.code` by running `python3`, to be
//! reviewed as a diff. `GILPY_SCRIPTS=io/,net/` limits a run to the scripts
//! whose path under tests/scripts/ contains one of the given substrings.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Duration;

/// The golden scripts live in `tests/scripts/` and its subfolders (by
/// area: `threads/`, `stdlib/`, `io/`, ...), all with CPython's output as
/// the expected one. Files and folders whose names start with `_` are
/// support code that scripts import (modules, packages, data), not tests.
const ROOT: &str = "tests/scripts";

/// Scripts that run at the same time.
const WORKERS: usize = 3;

/// How long one script may run.
const LIMIT: Duration = Duration::from_secs(60);

fn scripts() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let entries = std::fs::read_dir(dir).expect("script folder exists");
        for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
            let support = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('_'));
            if support {
                continue;
            }
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "py") {
                out.push(path);
            }
        }
    }
    let mut v: Vec<PathBuf> = Vec::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join(ROOT), &mut v);
    // `GILPY_SCRIPTS=a,b` runs (and blesses) only the scripts whose path
    // contains one of the substrings.
    if let Some(filter) = std::env::var_os("GILPY_SCRIPTS") {
        let filter = filter.to_string_lossy().into_owned();
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(ROOT);
        v.retain(|p| {
            let p = p.strip_prefix(&root).unwrap_or(p).to_string_lossy();
            filter.split(',').any(|f| p.contains(f))
        });
    }
    v.sort();
    v
}

/// Writes CPython's stdout and exit status as the expected ones.
fn bless(script: &Path) {
    let expected = common::run_script("python3", script, LIMIT)
        .unwrap_or_else(|t| panic!("python3 timed out after {:?} on {}", t.0, script.display()));
    let code_path = script.with_extension("code");
    std::fs::write(script.with_extension("out"), &expected.stdout).expect("write .out");
    if expected.code != 0 {
        std::fs::write(&code_path, format!("{}\n", expected.code)).expect("write .code");
    } else if code_path.exists() {
        std::fs::remove_file(&code_path).expect("remove stale .code");
    }
}

/// Runs one script; the failures it found.
fn check(script: &Path) -> Vec<String> {
    let want_out = std::fs::read_to_string(script.with_extension("out")).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(script.with_extension("code"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    // Relative to tests/scripts/, which tells the folders apart.
    let name = script
        .strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts"))
        .unwrap_or(script)
        .display()
        .to_string();
    let got = match common::run_script(common::GILPY, script, LIMIT) {
        Ok(got) => got,
        Err(t) => return vec![format!("{}: timed out after {:?}", name, t.0)],
    };
    if got.stdout != want_out {
        return vec![format!(
            "{}: stdout differs\n--- expected\n{}--- got\n{}--- stderr\n{}",
            name, want_out, got.stdout, got.stderr
        )];
    }
    if got.code != want_code {
        return vec![format!(
            "{}: exit status {} (expected {})\n{}",
            name, got.code, want_code, got.stderr
        )];
    }
    let mut failures = Vec::new();
    if let Ok(err) = std::fs::read_to_string(script.with_extension("err")) {
        for line in err.lines().filter(|l| !l.trim().is_empty()) {
            if !got.stderr.contains(line) {
                failures.push(format!("{}: stderr lacks {:?}\n{}", name, line, got.stderr));
            }
        }
    }
    failures
}

#[test]
fn scripts_match_cpython() {
    let blessing = std::env::var_os("GILPY_BLESS").is_some();
    let all = scripts();
    assert!(!all.is_empty(), "no test scripts found");
    // Each worker takes the next script; failures are kept by script index
    // so that the report comes out in the scripts' order.
    let next = AtomicUsize::new(0);
    let found: Mutex<Vec<(usize, Vec<String>)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..WORKERS {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(script) = all.get(i) else { break };
                if blessing {
                    bless(script);
                }
                let failures = check(script);
                if !failures.is_empty() {
                    found
                        .lock()
                        .expect("no worker panicked")
                        .push((i, failures));
                }
            });
        }
    });
    let mut found = found.into_inner().expect("no worker panicked");
    found.sort_by_key(|&(i, _)| i);
    eprintln!("{} passed, {} failed", all.len() - found.len(), found.len());
    let failures: Vec<String> = found.into_iter().flat_map(|(_, f)| f).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
