//! `fork()`: the child keeps only the forking thread, so everything the
//! parent's other threads could hold is made consistent first (locked by
//! the forking thread across the call) and reset in the child, as CPython's
//! `PyOS_AfterFork_Child`: the GIL's state, the instruments, the interning
//! and source tables, the standard streams' locks, pending signals.

use super::Vm;
use std::sync::atomic::{AtomicBool, Ordering};

/// Set in a process made by [`Vm::fork_process`].
static FORKED_CHILD: AtomicBool = AtomicBool::new(false);

/// Whether this process is a forked child of a gilpy process.
pub fn is_forked_child() -> bool {
    FORKED_CHILD.load(Ordering::Relaxed)
}

impl Vm {
    /// Forks the process: the child's pid in the parent, 0 in the child.
    /// Python-level clean-up (`threading`, at-fork hooks) is the caller's.
    pub fn fork_process(&mut self) -> std::io::Result<i32> {
        let interp = self.interp.clone();
        let mut gil = interp.gil.before_fork();
        let mut stats = interp.gil.stats.before_fork();
        // Before `sources`: the deadlock check takes that one under it.
        let mut deadlock = interp.deadlock.before_fork();
        let interned = interp.interned.lock();
        let sources = interp.sources.lock();
        let argv = interp.argv.lock();
        let classes = interp.native_classes.lock();
        let streams = super::stdio::before_fork();
        // Locks any thread takes briefly without waiting for another one.
        let leaves = (
            super::cache::before_fork(),
            super::generator::before_fork(),
            super::signals::before_fork(),
            super::gc::before_fork(),
        );
        // SAFETY: the child runs only this thread; every lock another thread
        // of the interpreter could hold and the child needs is held here by
        // this thread (so the child finds it consistent and releases it
        // below), and the state of threads that do not exist in the child
        // is reset before any Python code runs there.
        let pid = unsafe { libc::fork() };
        if pid == 0 {
            FORKED_CHILD.store(true, Ordering::Relaxed);
            super::sync::after_fork_child();
            interp.gil.after_fork_child(&mut gil);
            interp.gil.stats.after_fork_child(&mut stats);
            interp.deadlock.after_fork_child(&mut deadlock);
            super::signals::after_fork_child();
            super::gc::after_fork_child();
            // The forking thread is the child's main thread.
            self.is_main = true;
            super::signals::mask_in_this_thread(false);
        }
        drop(leaves);
        drop(deadlock);
        drop(streams);
        drop(classes);
        drop(argv);
        drop(sources);
        drop(interned);
        drop(stats);
        drop(gil);
        if pid < 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(pid)
    }

    /// `-X gilstats` and `-X giltrace=FILE`: the reports, at exit. A forked
    /// child writes its own, named with its pid.
    pub fn report_gil(&mut self) {
        let gil = &self.interp.gil;
        if !gil.stats.enabled() {
            return;
        }
        gil.stats
            .enter(super::gilstats::Phase::Blocked(super::Wait::Outside));
        let interval_ms = gil.switch_interval().as_secs_f64() * 1e3;
        // SAFETY: getpid has no preconditions.
        let pid = unsafe { libc::getpid() };
        let child = is_forked_child();
        if self.interp.options.gilstats {
            let mut text = gil.stats.report(gil.enabled(), interval_ms);
            if child {
                text = format!("gilpy: process {}\n{}", pid, text);
            }
            super::stdio::write_stderr_raw(&text);
        }
        if let Some(path) = &self.interp.options.giltrace {
            let path = if child {
                with_pid(path, pid)
            } else {
                path.clone()
            };
            let program = self.interp.argv.lock().first().cloned().unwrap_or_default();
            let build = match (super::sync::FREE_THREADING, gil.enabled()) {
                (false, _) => "GIL build",
                (true, false) => "free-threaded build, GIL off",
                (true, true) => "free-threaded build, -X gil=1",
            };
            let info = super::giltrace::TraceInfo {
                program: if program.is_empty() {
                    "-".into()
                } else {
                    program
                },
                build: build.into(),
                interval_ms: (interval_ms * 1000.0).round() / 1000.0,
            };
            let text = if path.ends_with(".svg") {
                gil.stats.trace_svg(&info)
            } else {
                gil.stats.trace_json(&info)
            };
            if let Err(e) = std::fs::write(&path, text) {
                super::stdio::write_stderr_raw(&format!("gilpy: cannot write {}: {}\n", path, e));
            }
        }
    }
}

/// `trace.json` -> `trace.PID.json`.
fn with_pid(path: &str, pid: i32) -> String {
    let name_start = path.rfind('/').map_or(0, |i| i + 1);
    match path[name_start..].rfind('.') {
        Some(dot) if dot > 0 => {
            let dot = name_start + dot;
            format!("{}.{}{}", &path[..dot], pid, &path[dot..])
        }
        _ => format!("{}.{}", path, pid),
    }
}
