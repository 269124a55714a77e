//! The eval breaker: every reason for a running thread to leave the eval
//! loop's fast path, folded into one word that the loop reads with a single
//! relaxed load at backward jumps and after calls (as CPython's
//! `eval_breaker`). Whoever raises a reason sets its bit; the thread that
//! deals with it clears it.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};

/// Another thread has waited a whole switch interval for the GIL.
pub const GIL_DROP_REQUEST: u32 = 1;
/// A signal arrived (Ctrl-C); the main thread raises `KeyboardInterrupt`.
pub const SIGNALS_PENDING: u32 = 2;
/// A generator was dropped while suspended; its `finally` blocks must run.
pub const FINALIZERS_PENDING: u32 = 4;
/// Enough containers were made since the last collection: collect cycles.
pub const GC_PENDING: u32 = 8;
/// Without the GIL: a thread is stopping the others to collect cycles.
pub const STOP_THE_WORLD: u32 = 16;
/// A tick budget is set (`set_budget`): every check spends one tick.
pub const BUDGET: u32 = 32;

/// The breaker word of the (one) interpreter of this process. A static, so
/// that a signal handler can set it.
pub static EVAL_BREAKER: AtomicU32 = AtomicU32::new(0);

#[inline]
pub fn set(bit: u32) {
    EVAL_BREAKER.fetch_or(bit, Ordering::Relaxed);
}

#[inline]
pub fn clear(bit: u32) {
    EVAL_BREAKER.fetch_and(!bit, Ordering::Relaxed);
}

/// The reasons currently set (zero on the fast path).
#[inline(always)]
pub fn pending() -> u32 {
    EVAL_BREAKER.load(Ordering::Relaxed)
}

/// Ticks left in the budget (see `set_budget`).
static TICKS_LEFT: AtomicU64 = AtomicU64::new(0);

/// Bounds how long Python code may run, for harnesses that run generated
/// programs (the fuzz targets): every breaker check (each backward jump and
/// each call return) spends a tick, and once `ticks` are spent every check
/// raises `SystemExit`, so even a loop that catches it cannot go on for
/// long. Off on the normal path: the bit is never set.
pub fn set_budget(ticks: u64) {
    TICKS_LEFT.store(ticks, Ordering::Relaxed);
    set(BUDGET);
}

/// Ends the budget set by `set_budget`.
pub fn clear_budget() {
    clear(BUDGET);
}

/// Spends a tick; true once the budget is spent.
pub fn spend_tick() -> bool {
    TICKS_LEFT
        .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |t| t.checked_sub(1))
        .is_err()
}
