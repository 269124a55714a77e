//! The few calls into the C library that need `unsafe`: CPU clocks, local
//! time, thread identifiers.

use std::sync::atomic::Ordering;

/// CPU time of the process (`which = CLOCK_PROCESS_CPUTIME_ID`) or of the
/// calling thread (`CLOCK_THREAD_CPUTIME_ID`), in seconds.
pub fn cpu_time(which: libc::clockid_t) -> f64 {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; clock_gettime only writes it.
    let rc = unsafe { libc::clock_gettime(which, &mut ts) };
    if rc != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}

pub fn process_time() -> f64 {
    cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID)
}

pub fn thread_time() -> f64 {
    cpu_time(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// Local broken-down time as `time.struct_time` fields: year, month, day,
/// hour, minute, second, weekday (Monday 0), day of year, DST flag.
pub fn local_time(secs: i64) -> [i64; 9] {
    let t: libc::time_t = secs as libc::time_t;
    // SAFETY: an all-zero `tm` is a valid value of this plain C struct.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are valid for the call; localtime_r is the
    // re-entrant variant and writes only into `tm`.
    let ok = unsafe { !libc::localtime_r(&t, &mut tm).is_null() };
    if !ok {
        return [1970, 1, 1, 0, 0, 0, 3, 1, 0];
    }
    [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ]
}

/// Routes SIGINT to the interpreter instead of killing the process: the
/// main thread raises `KeyboardInterrupt` (see `signals.rs`).
pub fn install_sigint_handler() {
    let _ = super::signals::set_disposition(libc::SIGINT, super::signals::Disposition::Python);
}

/// The kernel's id for the calling thread (`threading.get_native_id()`).
pub fn native_thread_id() -> i64 {
    // SAFETY: gettid has no preconditions and only returns a value.
    (unsafe { libc::gettid() }) as i64
}

static NEXT_IDENT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    static IDENT: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A fresh thread identifier, shaped like CPython's (large and unique).
pub fn new_thread_ident() -> u64 {
    NEXT_IDENT.fetch_add(1, Ordering::Relaxed) * 4096 + 139_637_000_000_000
}

/// Gives the calling OS thread the identifier of the Python thread it runs.
pub fn set_thread_ident(ident: u64) {
    IDENT.with(|c| c.set(ident));
}

/// This thread's `get_ident()`: small, unique, stable for the thread's life.
pub fn thread_ident() -> u64 {
    IDENT.with(|c| {
        if c.get() == 0 {
            c.set(new_thread_ident());
        }
        c.get()
    })
}
