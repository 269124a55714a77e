//! The global interpreter lock, switched as CPython's "new GIL"
//! (`Python/ceval_gil.c`): a thread that has waited one switch interval sets
//! a drop request; the holder sees it at the next backward jump or call,
//! releases the GIL and waits until another thread has taken it (forced
//! switching), so one busy thread cannot starve the others.
//!
//! It is a mutex-guarded state and two condition variables, from
//! [`super::lock`]: futexes with no process-wide parking table, so a child
//! forked while threads wait for the GIL finds nothing locked for ever.
//!
//! In the free-threaded build the GIL starts disabled (`-X gil=1` enables it at
//! start-up), and then every operation here is a no-op.

use super::breaker::{self, GIL_DROP_REQUEST, STOP_THE_WORLD};
use super::gilstats::{Phase, Recorder, Wait};
use crate::vm::lock::{Condvar, Mutex};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

pub struct State {
    locked: bool,
    /// Incremented every time the GIL changes hands: taken by a thread
    /// other than the one that held it last. A thread that drops it and takes
    /// it straight back (`time.sleep(0)`, a short wait) is not a switch, so
    /// a waiter's interval keeps running and it still gets to ask for a drop,
    /// as CPython's `last_holder` check does.
    switch_number: u64,
    /// `thread_ident()` of the thread that held the GIL last.
    last_holder: u64,
    waiters: usize,
}

pub struct Gil {
    enabled: AtomicBool,
    state: Mutex<State>,
    /// Threads waiting to take the GIL.
    cond: Condvar,
    /// A thread that dropped the GIL on request waits here until another
    /// thread has taken it.
    switched: Condvar,
    interval_us: AtomicU64,
    /// `-X gilstats` / `-X giltrace`: where each thread's time goes.
    pub stats: Recorder,
    /// Without the GIL: the threads running Python code (between `acquire`
    /// and `release`), and whether one of them is stopping the others to
    /// collect cycles (see `stop_the_world`).
    attached: AtomicUsize,
    stopping: AtomicBool,
    world: Mutex<()>,
    world_changed: Condvar,
}

/// How long a collection waits for the other threads to reach a safe point
/// before it gives up (one stuck in a long native call).
const STOP_PATIENCE: Duration = Duration::from_millis(20);

impl Default for Gil {
    fn default() -> Self {
        Gil::new()
    }
}

impl Gil {
    pub fn new() -> Gil {
        Gil {
            enabled: AtomicBool::new(!super::sync::FREE_THREADING),
            state: Mutex::new(State {
                locked: false,
                switch_number: 0,
                last_holder: 0,
                waiters: 0,
            }),
            cond: Condvar::new(),
            switched: Condvar::new(),
            interval_us: AtomicU64::new(5000),
            stats: Recorder::new(),
            attached: AtomicUsize::new(0),
            stopping: AtomicBool::new(false),
            world: Mutex::new(()),
            world_changed: Condvar::new(),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// Turns the GIL on or off; only at start-up, before any thread runs.
    pub fn set_enabled(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed);
    }

    pub fn switch_interval(&self) -> Duration {
        Duration::from_micros(self.interval_us.load(Ordering::Relaxed))
    }

    pub fn set_switch_interval(&self, d: Duration) {
        self.interval_us
            .store((d.as_micros() as u64).max(1), Ordering::Relaxed);
    }

    /// Takes the GIL, waiting without spinning.
    pub fn acquire(&self) {
        if !self.enabled() {
            self.attach();
            self.stats.enter(Phase::Running);
            return;
        }
        let mut st = self.state.lock();
        if st.locked {
            self.stats.enter(Phase::Waiting);
            st.waiters += 1;
            while st.locked {
                let seen = st.switch_number;
                let timed_out = self
                    .cond
                    .wait_for(&mut st, self.switch_interval())
                    .timed_out();
                if timed_out && st.locked && st.switch_number == seen {
                    // The holder kept it for a whole interval: ask it to drop.
                    breaker::set(GIL_DROP_REQUEST);
                    self.stats.switch_requested();
                }
            }
            st.waiters -= 1;
        }
        self.stats.enter(Phase::Running);
        st.locked = true;
        let me = super::os::thread_ident();
        let switched = st.last_holder != me;
        if switched {
            st.last_holder = me;
            st.switch_number += 1;
        }
        breaker::clear(GIL_DROP_REQUEST);
        drop(st);
        if switched {
            self.switched.notify_all();
        }
    }

    /// Gives the GIL up (before blocking on `wait`, or at thread exit).
    pub fn release(&self, wait: Wait) {
        self.stats.enter(Phase::Blocked(wait));
        if !self.enabled() {
            self.detach();
            return;
        }
        let mut st = self.state.lock();
        st.locked = false;
        drop(st);
        self.cond.notify_one();
    }

    /// Honours a drop request: hand the GIL over and take it back only after
    /// another thread has had it.
    pub fn yield_to_waiter(&self) {
        if !self.enabled() {
            return;
        }
        let mut st = self.state.lock();
        breaker::clear(GIL_DROP_REQUEST);
        if st.waiters == 0 {
            return;
        }
        st.locked = false;
        self.stats.forced_switch();
        self.stats.enter(Phase::Waiting);
        let seen = st.switch_number;
        self.cond.notify_one();
        while st.switch_number == seen && st.waiters > 0 {
            self.switched.wait(&mut st);
        }
        drop(st);
        self.acquire();
    }

    /// Without the GIL: counts this thread as running Python code, after
    /// waiting for a stopped world to start again. (The count goes up before
    /// `stopping` is read, and the stopper sets `stopping` before it reads
    /// the count: one of the two sees the other.)
    fn attach(&self) {
        loop {
            self.attached.fetch_add(1, Ordering::SeqCst);
            if !self.stopping.load(Ordering::SeqCst) {
                return;
            }
            self.attached.fetch_sub(1, Ordering::SeqCst);
            let mut g = self.world.lock();
            self.world_changed.notify_all();
            while self.stopping.load(Ordering::SeqCst) {
                self.world_changed.wait(&mut g);
            }
        }
    }

    fn detach(&self) {
        self.attached.fetch_sub(1, Ordering::SeqCst);
        if self.stopping.load(Ordering::SeqCst) {
            let _g = self.world.lock();
            self.world_changed.notify_all();
        }
    }

    /// Without the GIL: parks every other thread running Python code at its
    /// next safe point (the eval breaker; threads blocked in a wait are
    /// already outside). True when the world stopped; false, with it
    /// running again, if a thread did not get there in time.
    pub fn stop_the_world(&self) -> bool {
        self.stopping.store(true, Ordering::SeqCst);
        breaker::set(STOP_THE_WORLD);
        let deadline = std::time::Instant::now() + STOP_PATIENCE;
        let mut g = self.world.lock();
        while self.attached.load(Ordering::SeqCst) > 1 {
            let now = std::time::Instant::now();
            if now >= deadline {
                drop(g);
                self.start_the_world();
                return false;
            }
            self.world_changed.wait_for(&mut g, deadline - now);
        }
        true
    }

    pub fn start_the_world(&self) {
        let _g = self.world.lock();
        self.stopping.store(false, Ordering::SeqCst);
        breaker::clear(STOP_THE_WORLD);
        self.world_changed.notify_all();
    }

    /// At the eval breaker: waits out another thread's stopped world.
    pub fn park_if_stopping(&self) {
        if self.stopping.load(Ordering::SeqCst) {
            self.detach();
            self.attach();
        }
    }

    /// Locks the GIL's state across `fork()` (the forking thread holds the
    /// GIL; the others may be waiting for it).
    pub fn before_fork(&self) -> crate::vm::lock::MutexGuard<'_, State> {
        self.state.lock()
    }

    /// In a forked child: only the forking thread exists, and it holds the
    /// GIL; nobody waits for it or asked it to drop.
    pub fn after_fork_child(&self, st: &mut crate::vm::lock::MutexGuard<'_, State>) {
        st.waiters = 0;
        st.locked = self.enabled();
        breaker::clear(GIL_DROP_REQUEST);
        self.attached.store(1, Ordering::SeqCst);
        self.stopping.store(false, Ordering::SeqCst);
        breaker::clear(STOP_THE_WORLD);
    }
}
