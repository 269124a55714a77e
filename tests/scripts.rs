//! Runs every `NAME.py` in `tests/scripts/` and its subfolders with the
//! gilpy binary and compares its standard output with `NAME.out`, its exit
//! status with `NAME.code` (0 if absent) and checks that each line of
//! `NAME.err` occurs in its stderr.
//!
//! The expected files are CPython 3.11's behaviour: `GILPY_BLESS=1 cargo test
//! --test scripts` regenerates `.out` and `.code` by running `python3`, to be
//! reviewed as a diff.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The folders of golden scripts: the language and runtime, the modules
/// written in Python (threading, queue, concurrent.futures, logging; the
/// others), all with CPython's output as the expected one.
const FOLDERS: [&str; 3] = [
    "tests/scripts",
    "tests/scripts/threads",
    "tests/scripts/stdlib",
];

fn scripts() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut v: Vec<PathBuf> = Vec::new();
    for dir in FOLDERS {
        let entries = std::fs::read_dir(root.join(dir)).expect("script folder exists");
        v.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "py")),
        );
    }
    v.sort();
    v
}

struct Outcome {
    stdout: String,
    stderr: String,
    code: i32,
}

fn run(program: &str, script: &Path) -> Outcome {
    let mut child = Command::new(program)
        .arg(script.file_name().expect("script has a name"))
        .current_dir(script.parent().expect("script has a folder"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the interpreter starts");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait works").is_some() {
            break;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{} timed out on {}", program, script.display());
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let out = child.wait_with_output().expect("output is readable");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

#[test]
fn scripts_match_cpython() {
    let bless = std::env::var_os("GILPY_BLESS").is_some();
    let gilpy = env!("CARGO_BIN_EXE_gilpy");
    let mut failures = Vec::new();
    let all = scripts();
    assert!(!all.is_empty(), "no test scripts found");
    for script in &all {
        let out_path = script.with_extension("out");
        let code_path = script.with_extension("code");
        if bless {
            let expected = run("python3", script);
            std::fs::write(&out_path, &expected.stdout).expect("write .out");
            if expected.code != 0 {
                std::fs::write(&code_path, format!("{}\n", expected.code)).expect("write .code");
            } else if code_path.exists() {
                std::fs::remove_file(&code_path).expect("remove stale .code");
            }
        }
        let want_out = std::fs::read_to_string(&out_path).unwrap_or_default();
        let want_code: i32 = std::fs::read_to_string(&code_path)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let got = run(gilpy, script);
        let name = script
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        if got.stdout != want_out {
            failures.push(format!(
                "{}: stdout differs\n--- expected\n{}--- got\n{}--- stderr\n{}",
                name, want_out, got.stdout, got.stderr
            ));
            continue;
        }
        if got.code != want_code {
            failures.push(format!(
                "{}: exit status {} (expected {})\n{}",
                name, got.code, want_code, got.stderr
            ));
            continue;
        }
        if let Ok(err) = std::fs::read_to_string(script.with_extension("err")) {
            for line in err.lines().filter(|l| !l.trim().is_empty()) {
                if !got.stderr.contains(line) {
                    failures.push(format!("{}: stderr lacks {:?}\n{}", name, line, got.stderr));
                }
            }
        }
    }
    let passed = all.len() - failures.len();
    eprintln!("{} passed, {} failed", passed, failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
