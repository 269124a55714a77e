//! Signals: the C-level handler only records which signal arrived (an
//! atomic bit) and trips the eval breaker; the main thread then runs the
//! Python handler at its next check (as CPython's "trip_signal"). SIGINT
//! without a Python handler raises `KeyboardInterrupt`.

use super::breaker::{self, SIGNALS_PENDING};
use super::object::PyResult;
use super::value::Value;
use super::Vm;
use crate::vm::lock::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

/// Highest signal number handled (`signal.NSIG - 1`).
pub const MAX_SIGNAL: usize = 64;

/// One bit per signal that arrived and was not yet handled.
static PENDING: AtomicU64 = AtomicU64::new(0);

/// The Python-level handler of each signal: a callable, or the ints
/// `SIG_DFL` (0) / `SIG_IGN` (1); `None` while no handler was set (SIGINT
/// then means `KeyboardInterrupt`). Touched only by a thread holding the GIL.
static HANDLERS: Mutex<Vec<Value>> = Mutex::new(Vec::new());

fn bit(sig: i32) -> u64 {
    if (1..MAX_SIGNAL as i32).contains(&sig) {
        1u64 << sig
    } else {
        0
    }
}

extern "C" fn on_signal(sig: libc::c_int) {
    // Only atomic operations: async-signal-safe.
    PENDING.fetch_or(bit(sig), Ordering::SeqCst);
    breaker::set(SIGNALS_PENDING);
}

/// Forgets that `sig` arrived (the prompt drops a Ctrl-C typed before
/// the input ran).
pub fn clear(sig: i32) {
    PENDING.fetch_and(!bit(sig), Ordering::SeqCst);
}

/// Whether a signal waits for the main thread to handle it.
pub fn any_pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// What the process does when `sig` arrives.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Disposition {
    Default,
    Ignore,
    /// Recorded and handled in the main thread.
    Python,
}

/// Sets the C-level disposition of `sig`. Without `SA_RESTART`: a blocking
/// system call returns `EINTR`, so the main thread can run the handler
/// (`Vm::blocking_io` retries the call afterwards, as PEP 475 says).
pub fn set_disposition(sig: i32, how: Disposition) -> std::io::Result<()> {
    let handler: extern "C" fn(libc::c_int) = on_signal;
    // SAFETY: an all-zero `sigaction` is a valid value of this plain C struct.
    let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
    action.sa_sigaction = match how {
        Disposition::Default => libc::SIG_DFL,
        Disposition::Ignore => libc::SIG_IGN,
        Disposition::Python => handler as libc::sighandler_t,
    };
    action.sa_flags = 0;
    // SAFETY: `sa_mask` is a valid, writable signal set owned by `action`.
    unsafe {
        libc::sigemptyset(&mut action.sa_mask);
    }
    // SAFETY: the handler only performs atomic operations (async-signal-safe);
    // `action` is fully initialised and outlives the call.
    let rc = unsafe { libc::sigaction(sig, &action, std::ptr::null_mut()) };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// The Python handler recorded for `sig` (`None` if none was set).
pub fn handler(sig: i32) -> Value {
    HANDLERS
        .lock()
        .get(sig as usize)
        .cloned()
        .unwrap_or(Value::None)
}

/// Held across `fork()`, so that the child never finds it held.
pub(super) fn before_fork() -> impl Sized {
    HANDLERS.lock()
}

/// Records the Python handler of `sig`; returns the previous one.
pub fn set_handler(sig: i32, h: Value) -> Value {
    let mut hs = HANDLERS.lock();
    if hs.len() <= MAX_SIGNAL {
        hs.resize(MAX_SIGNAL + 1, Value::None);
    }
    std::mem::replace(&mut hs[sig as usize], h)
}

/// The handler lock can be held by no other thread in a forked child (it is
/// only taken under the GIL, which the forking thread holds), but the
/// signals that arrived for the parent are not the child's.
pub fn after_fork_child() {
    PENDING.store(0, Ordering::SeqCst);
}

impl Vm {
    /// Runs the handlers of the signals that arrived, in the main thread
    /// (other threads leave them to it). SIGINT without a Python handler
    /// raises `KeyboardInterrupt`.
    pub fn handle_signals(&mut self) -> PyResult<()> {
        if !self.is_main {
            return Ok(());
        }
        breaker::clear(SIGNALS_PENDING);
        let mut bits = PENDING.swap(0, Ordering::SeqCst);
        while bits != 0 {
            let sig = bits.trailing_zeros() as i32;
            bits &= !(1u64 << sig);
            let h = handler(sig);
            let result = match h {
                Value::None if sig == libc::SIGINT => {
                    let e = self.new_instance(&self.types().exc.KeyboardInterrupt.clone(), &[]);
                    Err(super::PyErr::new(e))
                }
                Value::None | Value::Int(_) | Value::Bool(_) => Ok(Value::None),
                f => self.call(&f, &[Value::Int(sig as i64), Value::None], &[]),
            };
            if let Err(e) = result {
                // The others wait for the next check.
                if bits != 0 {
                    PENDING.fetch_or(bits, Ordering::SeqCst);
                    breaker::set(SIGNALS_PENDING);
                }
                return Err(e);
            }
        }
        Ok(())
    }
}

/// Blocks (`block`) or unblocks the asynchronous signals in the calling
/// thread. Threads other than the interpreter's main thread block them, so
/// that the kernel delivers a signal sent to the process to the main thread,
/// which runs the handlers, and at once (as `os.kill(os.getpid(), sig)`
/// expects).
pub fn mask_in_this_thread(block: bool) {
    // SAFETY: an all-zero `sigset_t` is a valid value of this plain C type.
    let mut set: libc::sigset_t = unsafe { std::mem::zeroed() };
    // SAFETY: `set` is a valid, writable signal set for these calls; the
    // synchronous signals (faults) stay deliverable to the thread causing them.
    unsafe {
        libc::sigfillset(&mut set);
        for s in [
            libc::SIGSEGV,
            libc::SIGBUS,
            libc::SIGFPE,
            libc::SIGILL,
            libc::SIGTRAP,
            libc::SIGSYS,
            libc::SIGABRT,
        ] {
            libc::sigdelset(&mut set, s);
        }
    }
    let how = if block {
        libc::SIG_BLOCK
    } else {
        libc::SIG_UNBLOCK
    };
    // SAFETY: `set` is initialised; the old mask is not asked for.
    unsafe {
        libc::pthread_sigmask(how, &set, std::ptr::null_mut());
    }
}
