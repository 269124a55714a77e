//! Instruments for seeing the GIL: per-thread time running (GIL held),
//! waiting for the GIL and blocked in a call that released it, switch
//! requests and forced switches (`-X gilstats`), and a timeline of those
//! phases (`-X giltrace=FILE.json` for Perfetto / chrome://tracing, or
//! `FILE.svg` for a picture; drawn by `giltrace.rs`).
//!
//! Everything is measured where the GIL changes hands or a thread blocks,
//! never in the eval loop; with the options off each hook is one relaxed load.

use crate::vm::lock::Mutex;
use std::cell::RefCell;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Instant;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Phase {
    /// Running Python code (holding the GIL when there is one).
    Running,
    /// Waiting to take the GIL.
    Waiting,
    /// In a blocking call (sleep, lock, join, I/O) with the GIL released.
    Blocked(Wait),
    /// Looking for reference cycles (the GIL held, every other thread
    /// held up).
    Collecting,
}

/// What a thread blocked with the GIL released is waiting for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Wait {
    /// `time.sleep`.
    Sleep,
    /// A lock, condition, event, queue, barrier or `join`.
    Sync,
    /// Reading, writing or opening a file; the terminal.
    File,
    /// A socket or `select`.
    Socket,
    /// A child process.
    Process,
    /// A database step.
    Database,
    /// Not blocked at all: between the GIL's release and a thread's exit,
    /// or outside Python code.
    Outside,
}

/// Every kind of wait, in report order.
const WAITS: [Wait; 7] = [
    Wait::Sleep,
    Wait::Sync,
    Wait::File,
    Wait::Socket,
    Wait::Process,
    Wait::Database,
    Wait::Outside,
];

impl Wait {
    fn index(self) -> usize {
        WAITS.iter().position(|w| *w == self).unwrap_or(0)
    }
    /// Whether this is input/output (a file, socket, process or database).
    fn is_io(self) -> bool {
        matches!(
            self,
            Wait::File | Wait::Socket | Wait::Process | Wait::Database
        )
    }
    pub fn name(self) -> &'static str {
        match self {
            Wait::Sleep => "sleep",
            Wait::Sync => "lock/join/queue",
            Wait::File => "file I/O",
            Wait::Socket => "socket I/O",
            Wait::Process => "process",
            Wait::Database => "database",
            Wait::Outside => "outside Python",
        }
    }
}

#[derive(Clone, Copy)]
pub(super) struct Segment {
    pub(super) phase: Phase,
    pub(super) start_ns: u64,
    pub(super) end_ns: u64,
}

/// One thread's totals and timeline.
pub struct ThreadRecord {
    pub(super) ident: u64,
    pub(super) name: Mutex<String>,
    pub(super) running_ns: AtomicU64,
    pub(super) waiting_ns: AtomicU64,
    /// Time blocked, by kind of wait (`WAITS` order).
    pub(super) blocked_ns: [AtomicU64; 7],
    pub(super) requests: AtomicU64,
    pub(super) forced: AtomicU64,
    pub(super) segments: Mutex<Vec<Segment>>,
}

impl ThreadRecord {
    /// A fresh record for the calling OS thread.
    fn for_this_thread() -> Arc<ThreadRecord> {
        Arc::new(ThreadRecord {
            ident: super::os::thread_ident(),
            name: Mutex::new(
                std::thread::current()
                    .name()
                    .unwrap_or("Thread")
                    .to_string(),
            ),
            running_ns: AtomicU64::new(0),
            waiting_ns: AtomicU64::new(0),
            blocked_ns: Default::default(),
            requests: AtomicU64::new(0),
            forced: AtomicU64::new(0),
            segments: Mutex::new(Vec::new()),
        })
    }
}

struct Current {
    rec: Arc<ThreadRecord>,
    phase: Option<Phase>,
    since_ns: u64,
}

thread_local! {
    static CURRENT: RefCell<Option<Current>> = const { RefCell::new(None) };
}

/// The interpreter-wide recorder; inert unless enabled at start-up.
pub struct Recorder {
    enabled: AtomicBool,
    timeline: AtomicBool,
    start: Instant,
    /// Nanoseconds after `start` at which this process's recording began
    /// (a forked child starts its own).
    offset_ns: AtomicU64,
    pub(super) threads: Mutex<Vec<Arc<ThreadRecord>>>,
    /// Cycle collections: how many, their total and longest pause (ns).
    gc_runs: AtomicU64,
    gc_total_ns: AtomicU64,
    gc_max_ns: AtomicU64,
}

/// Segments kept per thread at most (the timeline stops growing after that).
const MAX_SEGMENTS: usize = 500_000;

impl Default for Recorder {
    fn default() -> Self {
        Recorder::new()
    }
}

impl Recorder {
    pub fn new() -> Recorder {
        Recorder {
            enabled: AtomicBool::new(false),
            timeline: AtomicBool::new(false),
            start: Instant::now(),
            offset_ns: AtomicU64::new(0),
            threads: Mutex::new(Vec::new()),
            gc_runs: AtomicU64::new(0),
            gc_total_ns: AtomicU64::new(0),
            gc_max_ns: AtomicU64::new(0),
        }
    }

    /// One cycle collection took `pause` (the thread running it held
    /// everything else up meanwhile).
    pub fn record_gc(&self, pause: std::time::Duration) {
        if !self.enabled() {
            return;
        }
        let ns = pause.as_nanos() as u64;
        self.gc_runs.fetch_add(1, Ordering::Relaxed);
        self.gc_total_ns.fetch_add(ns, Ordering::Relaxed);
        self.gc_max_ns.fetch_max(ns, Ordering::Relaxed);
    }

    /// Turns recording on (before any thread starts).
    pub fn enable(&self, timeline: bool) {
        self.enabled.store(true, Ordering::Relaxed);
        self.timeline.store(timeline, Ordering::Relaxed);
    }

    #[inline]
    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    pub(super) fn now_ns(&self) -> u64 {
        (self.start.elapsed().as_nanos() as u64)
            .saturating_sub(self.offset_ns.load(Ordering::Relaxed))
    }

    /// Locks the thread table across `fork()`, so that the child finds it
    /// in a consistent state.
    pub fn before_fork(&self) -> crate::vm::lock::MutexGuard<'_, Vec<Arc<ThreadRecord>>> {
        self.threads.lock()
    }

    /// In a forked child: forget the parent's threads and start recording
    /// afresh; the forking thread registers again at its next phase change.
    pub fn after_fork_child(&self, threads: &mut Vec<Arc<ThreadRecord>>) {
        // The records may hold locks of threads that do not exist here:
        // leak them rather than touch them.
        for rec in threads.drain(..) {
            std::mem::forget(rec);
        }
        self.offset_ns
            .store(self.start.elapsed().as_nanos() as u64, Ordering::Relaxed);
        // The forking thread is the child's one thread, running. Its record
        // goes straight into `threads`: the caller holds that table's lock,
        // so going through `enter` would take it a second time.
        let fresh = self.enabled().then(ThreadRecord::for_this_thread);
        if let Some(rec) = &fresh {
            threads.push(rec.clone());
        }
        let now = self.now_ns();
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if let Some(cur) = c.take() {
                std::mem::forget(cur);
            }
            *c = fresh.map(|rec| Current {
                rec,
                phase: Some(Phase::Running),
                since_ns: now,
            });
        });
    }

    /// Moves the calling thread to `phase`, closing the phase it was in.
    pub fn enter(&self, phase: Phase) {
        if !self.enabled() {
            return;
        }
        let now = self.now_ns();
        CURRENT.with(|c| {
            let mut c = c.borrow_mut();
            if c.is_none() {
                let rec = ThreadRecord::for_this_thread();
                self.threads.lock().push(rec.clone());
                *c = Some(Current {
                    rec,
                    phase: None,
                    since_ns: now,
                });
            }
            let cur = c.as_mut().expect("just set");
            if let Some(prev) = cur.phase {
                let dur = now.saturating_sub(cur.since_ns);
                let counter = match prev {
                    Phase::Running | Phase::Collecting => &cur.rec.running_ns,
                    Phase::Waiting => &cur.rec.waiting_ns,
                    Phase::Blocked(w) => &cur.rec.blocked_ns[w.index()],
                };
                counter.fetch_add(dur, Ordering::Relaxed);
                if self.timeline.load(Ordering::Relaxed) && dur > 0 {
                    let mut segs = cur.rec.segments.lock();
                    if segs.len() < MAX_SEGMENTS {
                        segs.push(Segment {
                            phase: prev,
                            start_ns: cur.since_ns,
                            end_ns: now,
                        });
                    }
                }
            }
            cur.phase = Some(phase);
            cur.since_ns = now;
        });
    }

    /// A new Python thread starts on this OS thread: give it its own record.
    pub fn thread_start(&self) {
        if !self.enabled() {
            return;
        }
        CURRENT.with(|c| *c.borrow_mut() = None);
    }

    /// The calling thread ends: close its last phase.
    pub fn thread_exit(&self) {
        if !self.enabled() {
            return;
        }
        self.enter(Phase::Blocked(Wait::Outside));
        CURRENT.with(|c| {
            if let Some(cur) = c.borrow_mut().as_mut() {
                cur.phase = None;
            }
        });
    }

    fn with_current(&self, f: impl FnOnce(&ThreadRecord)) {
        if !self.enabled() {
            return;
        }
        CURRENT.with(|c| {
            if let Some(cur) = c.borrow().as_ref() {
                f(&cur.rec);
            }
        });
    }

    /// This thread asked the GIL holder to drop it.
    pub fn switch_requested(&self) {
        self.with_current(|r| {
            r.requests.fetch_add(1, Ordering::Relaxed);
        });
    }

    /// This thread dropped the GIL because another asked for it.
    pub fn forced_switch(&self) {
        self.with_current(|r| {
            r.forced.fetch_add(1, Ordering::Relaxed);
        });
    }

    /// Names the calling thread in reports (`threading` calls this).
    pub fn set_thread_name(&self, name: &str) {
        self.with_current(|r| *r.name.lock() = name.to_string());
    }

    /// The `-X gilstats` table.
    pub fn report(&self, gil_on: bool, interval_ms: f64) -> String {
        let wall = self.now_ns() as f64 / 1e9;
        let threads = self.threads.lock().clone();
        let mut out = String::new();
        let _ = writeln!(
            out,
            "\nGIL statistics: GIL {}, switch interval {:.1} ms, {} thread(s), wall {:.3} s",
            if gil_on { "on" } else { "off" },
            interval_ms,
            threads.len(),
            wall
        );
        let _ = writeln!(
            out,
            "{:<24} {:>10} {:>10} {:>10} {:>10} {:>10} {:>10} {:>7}",
            "thread", "running s", "waiting s", "sleep s", "lock s", "I/O s", "requested", "forced"
        );
        let secs = |a: &AtomicU64| a.load(Ordering::Relaxed) as f64 / 1e9;
        let (mut run, mut wait) = (0.0, 0.0);
        let mut io_by_kind = [0.0f64; 7];
        for t in &threads {
            let name = t.name.lock().clone();
            let name = if name.chars().count() > 24 {
                name.chars().take(23).collect::<String>() + "…"
            } else {
                name
            };
            run += secs(&t.running_ns);
            wait += secs(&t.waiting_ns);
            let blocked = |w: Wait| secs(&t.blocked_ns[w.index()]);
            let mut io = 0.0;
            for w in WAITS.iter().filter(|w| w.is_io()) {
                io += blocked(*w);
                io_by_kind[w.index()] += blocked(*w);
            }
            let _ = writeln!(
                out,
                "{:<24} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10.3} {:>10} {:>7}",
                name,
                secs(&t.running_ns),
                secs(&t.waiting_ns),
                blocked(Wait::Sleep),
                blocked(Wait::Sync),
                io,
                t.requests.load(Ordering::Relaxed),
                t.forced.load(Ordering::Relaxed)
            );
        }
        let _ = writeln!(
            out,
            "running: Python code executing{}; waiting: ready to run but waiting for the GIL; \
             sleep, lock (lock/join/queue/condition) and I/O: blocked with the GIL released.",
            if gil_on { " with the GIL held" } else { "" }
        );
        let kinds: Vec<String> = WAITS
            .iter()
            .filter(|w| w.is_io() && io_by_kind[w.index()] > 0.0)
            .map(|w| format!("{} {:.3} s", w.name(), io_by_kind[w.index()]))
            .collect();
        if !kinds.is_empty() {
            let _ = writeln!(out, "I/O by kind: {}.", kinds.join(", "));
        }
        let runs = self.gc_runs.load(Ordering::Relaxed);
        if runs > 0 {
            let _ = writeln!(
                out,
                "gc: {} cycle collections, {:.3} ms in all, longest pause {:.3} ms.",
                runs,
                self.gc_total_ns.load(Ordering::Relaxed) as f64 / 1e6,
                self.gc_max_ns.load(Ordering::Relaxed) as f64 / 1e6
            );
        }
        if wall > 0.0 {
            let _ = writeln!(
                out,
                "Total running {:.3} s over {:.3} s of wall time ({:.2} cores busy on average); total waiting {:.3} s.",
                run,
                wall,
                run / wall,
                wait
            );
        }
        out
    }
}
