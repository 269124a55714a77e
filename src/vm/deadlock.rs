//! Deadlock detection. A thread that blocks without a timeout on one of the
//! interpreter's own locks registers here with what it waits for and its
//! Python stack. When every live thread is registered and none of the locks
//! they wait for can be released (each is held, and no waiter has taken its
//! lock since it blocked), no thread can ever go on: the main thread, whose
//! waits are cut into slices anyway for Ctrl-C, notices it at its next slice,
//! prints the report and ends the program with status 1.
//!
//! Threads that sleep, do I/O, wait with a timeout or run are never
//! registered, so while one exists the check cannot fire. The check itself
//! runs only when the last runnable thread blocks or exits.

use crate::compiler::bytecode::CodeObject;
use crate::vm::lock::{Mutex, MutexGuard};
use rustc_hash::FxHashMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Something a thread can block on for ever.
pub trait WaitTarget: Send + Sync {
    /// A counter that grows with every acquisition.
    fn acquisitions(&self) -> u64;
    /// Whether `waiter`, which saw `seen` acquisitions when it blocked, is
    /// still unable to go on.
    fn stuck(&self, waiter: u64, seen: u64) -> bool;
    /// The thread holding it, if known.
    fn holder(&self) -> Option<u64>;
    /// What it is, for the report ("lock 0x...").
    fn describe(&self) -> String;
    /// True for the private lock a `Condition.wait` blocks on.
    fn is_notify(&self) -> bool {
        false
    }
}

/// One blocked thread.
struct Blocked {
    target: Arc<dyn WaitTarget>,
    seen: u64,
    /// Python frames, outermost first: code and line.
    stack: Vec<(Arc<CodeObject>, u32)>,
}

#[derive(Default)]
struct State {
    /// Python threads alive: the main thread and every started one that has
    /// not finished.
    live: usize,
    blocked: FxHashMap<u64, Blocked>,
    names: FxHashMap<u64, String>,
    main: u64,
}

/// The registry's lock, held across `fork()`.
pub struct ForkGuard<'a>(MutexGuard<'a, State>);

/// The registry of one interpreter.
pub struct Registry {
    enabled: bool,
    state: Mutex<State>,
    /// Set when the count of runnable threads reached zero; the main thread
    /// then runs the full check.
    suspect: AtomicBool,
}

impl Registry {
    pub fn new(enabled: bool) -> Registry {
        Registry {
            enabled,
            state: Mutex::new(State {
                live: 1,
                ..State::default()
            }),
            suspect: AtomicBool::new(false),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// Held across `fork()`: a thread registering at that instant must not
    /// leave it locked in the child.
    pub fn before_fork(&self) -> ForkGuard<'_> {
        ForkGuard(self.state.lock())
    }

    /// In a forked child only the forking thread lives: the parent's other
    /// threads are neither live nor blocked there.
    pub fn after_fork_child(&self, g: &mut ForkGuard<'_>) {
        let s = &mut *g.0;
        // Their targets may hold locks of threads that do not exist here:
        // leak them rather than drop them.
        for (_, b) in s.blocked.drain() {
            std::mem::forget(b);
        }
        s.live = 1;
        let me = crate::vm::os::thread_ident();
        s.names.retain(|id, _| *id == me);
        s.main = me;
        self.suspect.store(false, Ordering::SeqCst);
    }

    /// The main thread's ident, for the report's names.
    pub fn set_main(&self, ident: u64) {
        self.state.lock().main = ident;
    }

    pub fn set_name(&self, ident: u64, name: &str) {
        if self.enabled {
            self.state.lock().names.insert(ident, name.to_string());
        }
    }

    /// A thread is being started (counted from before it runs).
    pub fn thread_starting(&self) {
        self.state.lock().live += 1;
    }

    /// A thread could not be started after all.
    pub fn thread_not_started(&self) {
        self.thread_exited(None);
    }

    /// A thread has finished its Python code.
    pub fn thread_exited(&self, ident: Option<u64>) {
        let mut s = self.state.lock();
        s.live = s.live.saturating_sub(1);
        if let Some(id) = ident {
            s.names.remove(&id);
        }
        self.note(&s);
    }

    /// Registers `ident` as blocked for ever on `target`.
    pub fn block(
        &self,
        ident: u64,
        target: Arc<dyn WaitTarget>,
        stack: Vec<(Arc<CodeObject>, u32)>,
    ) {
        let seen = target.acquisitions();
        let mut s = self.state.lock();
        s.blocked.insert(
            ident,
            Blocked {
                target,
                seen,
                stack,
            },
        );
        self.note(&s);
    }

    pub fn unblock(&self, ident: u64) {
        let removed = self.state.lock().blocked.remove(&ident);
        // The target may be the last reference to a lock: dropped outside.
        drop(removed);
    }

    fn note(&self, s: &State) {
        if s.live > 0 && s.blocked.len() >= s.live {
            self.suspect.store(true, Ordering::SeqCst);
        }
    }

    /// Called by the main thread between slices of a wait: the report when
    /// no thread can ever go on.
    pub fn check(&self, sources: &Mutex<FxHashMap<String, Arc<str>>>) -> Option<String> {
        if !self.suspect.load(Ordering::Relaxed) {
            return None;
        }
        let s = self.state.lock();
        if s.blocked.len() < s.live {
            self.suspect.store(false, Ordering::SeqCst);
            return None;
        }
        if !s.blocked.iter().all(|(id, b)| b.target.stuck(*id, b.seen)) {
            // A waiter is about to wake; it will unregister.
            return None;
        }
        let sources = sources.lock();
        Some(report(&s, &|file, line| {
            let text = sources.get(file)?;
            text.lines()
                .nth(line.checked_sub(1)? as usize)
                .map(|l| l.trim().to_string())
        }))
    }
}

fn thread_name(s: &State, ident: u64) -> String {
    match s.names.get(&ident) {
        Some(n) => n.clone(),
        None if ident == s.main => "MainThread".to_string(),
        None => format!("thread {}", ident),
    }
}

fn report(s: &State, source_line: &dyn Fn(&str, u32) -> Option<String>) -> String {
    let mut out = String::from("deadlock detected: every thread is blocked for ever\n");
    let mut ids: Vec<u64> = s.blocked.keys().copied().collect();
    // The main thread first, then in start order.
    ids.sort_by_key(|id| (*id != s.main, *id));
    for id in ids {
        let b = &s.blocked[&id];
        let _ = writeln!(
            out,
            "\nThread \"{}\" (most recent call last):",
            thread_name(s, id)
        );
        for (code, line) in &b.stack {
            let _ = writeln!(
                out,
                "  File \"{}\", line {}, in {}",
                code.filename, line, code.name
            );
            if let Some(text) = source_line(&code.filename, *line).filter(|t| !t.is_empty()) {
                let _ = writeln!(out, "    {}", text);
            }
        }
        let inner = b.stack.last().map(|(c, _)| c.name.as_str()).unwrap_or("");
        let holder = b.target.holder();
        let what = if matches!(inner, "_wait_for_tstate_lock" | "_shutdown") && holder.is_some() {
            let h = holder.unwrap_or_default();
            format!("thread \"{}\" to finish", thread_name(s, h))
        } else if b.target.is_notify() || (inner == "wait" && holder == Some(id)) {
            "a notify() on a condition (Condition, Event, Queue, Barrier, Semaphore)".to_string()
        } else {
            let held = match holder {
                Some(h) if h == id => " held by this thread itself".to_string(),
                Some(h) => format!(" held by \"{}\"", thread_name(s, h)),
                None => String::new(),
            };
            format!("{}{}", b.target.describe(), held)
        };
        let _ = writeln!(out, "  waiting for {}", what);
    }
    out
}
