//! Running a program (the gilpy binary, or python3 to bless expected output)
//! with a time limit, shared by the integration tests.

// Each test crate uses only part of this module.
#![allow(dead_code)]

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The gilpy binary cargo built for these tests.
pub const GILPY: &str = env!("CARGO_BIN_EXE_gilpy");

/// What a finished program left behind.
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    /// The exit status; -1 when a signal ended the program.
    pub code: i32,
}

/// A started program whose output is being collected.
pub struct Running {
    child: Child,
    stdout: JoinHandle<Vec<u8>>,
    stderr: JoinHandle<Vec<u8>>,
}

/// The program outlived its time limit and was killed.
#[derive(Debug)]
pub struct TimedOut(pub Duration);

/// Reads a pipe to its end on its own thread, so that a program writing a
/// lot never blocks on a full pipe while we wait for it.
fn drain(pipe: Option<impl Read + Send + 'static>) -> JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut pipe) = pipe {
            let _ = pipe.read_to_end(&mut buf);
        }
        buf
    })
}

/// Starts `cmd` with stdin from /dev/null and stdout and stderr captured,
/// in a process group of its own, so that what it forks can be killed with
/// it (a forked child left running would hold the pipes open forever).
pub fn spawn(cmd: &mut Command) -> Running {
    let mut child = cmd
        .process_group(0)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {:?}: {e}", cmd.get_program()));
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    Running {
        child,
        stdout,
        stderr,
    }
}

impl Running {
    pub fn id(&self) -> u32 {
        self.child.id()
    }

    /// Kills the program and every process it forked.
    fn kill_group(&mut self) {
        // SAFETY: kill(2) with a negative pid signals that process group:
        // the one `spawn` made for this program, whose id is its own pid.
        unsafe {
            libc::kill(-(self.child.id() as i32), libc::SIGKILL);
        }
    }

    /// Waits up to `limit` for the program to end; kills it (and what it
    /// forked) after that. Processes it forked and left running when it
    /// ended get a few seconds to finish writing, then are killed too.
    pub fn finish(mut self, limit: Duration) -> Result<Outcome, TimedOut> {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait works") {
                break Some(status);
            }
            if start.elapsed() > limit {
                self.kill_group();
                let _ = self.child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let ended = Instant::now();
        while !(self.stdout.is_finished() && self.stderr.is_finished()) {
            if ended.elapsed() > Duration::from_secs(5) {
                self.kill_group();
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        let stdout = self.stdout.join().expect("stdout reader");
        let stderr = self.stderr.join().expect("stderr reader");
        let status = status.ok_or(TimedOut(limit))?;
        Ok(Outcome {
            stdout: String::from_utf8_lossy(&stdout).into_owned(),
            stderr: String::from_utf8_lossy(&stderr).into_owned(),
            code: status.code().unwrap_or(-1),
        })
    }
}

/// Runs `cmd` to its end, or kills it after `limit`.
pub fn run(cmd: &mut Command, limit: Duration) -> Result<Outcome, TimedOut> {
    spawn(cmd).finish(limit)
}

/// Runs `program SCRIPT` in the script's folder, as the golden tests do.
pub fn run_script(program: &str, script: &Path, limit: Duration) -> Result<Outcome, TimedOut> {
    run(
        Command::new(program)
            .arg(script.file_name().expect("script has a name"))
            .current_dir(script.parent().expect("script has a folder")),
        limit,
    )
}
