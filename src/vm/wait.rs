//! Blocking with the GIL released. Every wait of the interpreter (sleep,
//! locks, `join`, queues, I/O) goes through [`Vm::allow_threads`] or
//! [`Vm::blocking_wait`], which also tell the instruments what kind of wait
//! it was. Signals are handled here too: Ctrl-C reaches the main thread even
//! while it waits.

use super::deadlock::WaitTarget;
use super::gilstats::Wait;
use super::object::PyResult;
use super::os::thread_ident;
use super::Vm;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Takes the GIL back when dropped: after the closure of `allow_threads`
/// returns, and also when it panics, so that unwinding never runs Python
/// object code (destructors of values on the way out) without the GIL.
struct Reacquire<'a>(&'a super::gil::Gil);

impl Drop for Reacquire<'_> {
    fn drop(&mut self) {
        self.0.acquire();
    }
}

/// How often a waiting main thread looks at the signal flag.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

impl Vm {
    /// Releases the GIL around `f`, which cannot touch Python objects:
    /// `&mut Vm`, the GIL token, is borrowed for the duration, and what `f`
    /// captures must be `Send` (values are reached only through the token).
    pub fn allow_threads<R: Send>(&mut self, wait: Wait, f: impl FnOnce() -> R + Send) -> R {
        let gil = &self.interp.gil;
        gil.release(wait);
        let _back = Reacquire(gil);
        f()
    }

    /// Blocks on `wait_until(deadline)` (true: done) with the GIL released,
    /// for at most `limit` (`None`: no limit). In the main thread the wait is
    /// cut into slices so that Ctrl-C raises `KeyboardInterrupt` promptly;
    /// the slices look at the signal flag without taking the GIL. Returns
    /// whether `wait_until` succeeded before the limit.
    pub fn blocking_wait(
        &mut self,
        wait: Wait,
        limit: Option<Duration>,
        wait_until: impl Fn(Option<Instant>) -> bool + Sync,
    ) -> PyResult<bool> {
        self.blocking_wait_on(wait, limit, None, wait_until)
    }

    /// [`Vm::blocking_wait`] on one of the interpreter's own locks: without
    /// a limit, the thread is registered for the deadlock check with
    /// `target`, what it waits for.
    pub fn blocking_wait_on(
        &mut self,
        wait: Wait,
        limit: Option<Duration>,
        target: Option<Arc<dyn WaitTarget>>,
        wait_until: impl Fn(Option<Instant>) -> bool + Sync,
    ) -> PyResult<bool> {
        let deadline = limit.map(|d| Instant::now() + d);
        let interp = self.interp.clone();
        let registry = &interp.deadlock;
        let me = thread_ident();
        let registered = match target {
            Some(t) if limit.is_none() && registry.enabled() => {
                registry.block(me, t, self.stack_summary());
                true
            }
            _ => false,
        };
        if !self.is_main {
            let got = self.allow_threads(wait, || wait_until(deadline));
            if registered {
                registry.unblock(me);
            }
            return Ok(got);
        }
        let outcome = self.allow_threads(wait, || loop {
            let slice_end = Instant::now() + SIGNAL_POLL;
            let end = match deadline {
                Some(d) if d < slice_end => d,
                _ => slice_end,
            };
            if wait_until(Some(end)) {
                return Ok(true);
            }
            if super::signals::any_pending() || deadline.is_some_and(|d| Instant::now() >= d) {
                return Ok(false);
            }
            if registered {
                if let Some(report) = registry.check(&interp.sources) {
                    return Err(report);
                }
            }
        });
        if registered {
            registry.unblock(me);
        }
        let got = match outcome {
            Ok(got) => got,
            Err(report) => self.exit_on_deadlock(&report),
        };
        if !got {
            self.handle_signals()?;
        }
        Ok(got)
    }

    /// Ends the program after a deadlock: what was printed reaches its
    /// file, the report goes to stderr, the status is 1.
    fn exit_on_deadlock(&mut self, report: &str) -> ! {
        let _ = super::stdio::flush_stdout(self);
        super::stdio::write_stderr_raw(report);
        std::process::exit(1)
    }

    /// Runs a blocking system call with the GIL released. When a signal
    /// interrupts it (`EINTR`), the signal is handled (Ctrl-C raises
    /// `KeyboardInterrupt` in the main thread) and the call is retried, as
    /// CPython does since PEP 475. The outer `Err` is a Python exception;
    /// the inner result is the call's own.
    pub fn blocking_io<T: Send>(
        &mut self,
        wait: Wait,
        mut call: impl FnMut() -> std::io::Result<T> + Send,
    ) -> PyResult<std::io::Result<T>> {
        loop {
            match self.allow_threads(wait, &mut call) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => self.handle_signals()?,
                r => return Ok(r),
            }
        }
    }

    /// `time.sleep`: the GIL released, Ctrl-C noticed within a slice.
    pub fn sleep(&mut self, d: Duration) -> PyResult<()> {
        self.blocking_wait(Wait::Sleep, Some(d), |end| {
            if let Some(end) = end {
                let now = Instant::now();
                if end > now {
                    std::thread::sleep(end - now);
                } else {
                    // `sleep(0)`: still a system call, as CPython's, so that a
                    // thread woken for the GIL just released gets a chance
                    // to take it before this one takes it straight back.
                    std::thread::yield_now();
                }
            }
            false
        })?;
        Ok(())
    }
}
