//! The few calls into the C library that need `unsafe`: clocks, broken-down
//! times, thread identifiers.

use std::sync::atomic::Ordering;

/// A zeroed C `struct tm`.
pub fn zero_tm() -> libc::tm {
    // SAFETY: an all-zero `tm` is a valid value of this plain C struct (a
    // null `tm_zone` pointer included).
    unsafe { std::mem::zeroed() }
}

/// The broken-down time of `secs` since the epoch, local or UTC; the
/// `errno` when the C library cannot represent it.
pub fn broken_down(secs: i64, local: bool) -> Result<libc::tm, i32> {
    let t: libc::time_t = secs as libc::time_t;
    let mut tm = zero_tm();
    // SAFETY: both pointers are valid for the call; the `_r` variants are
    // re-entrant and write only into `tm`.
    let r = unsafe {
        if local {
            libc::localtime_r(&t, &mut tm)
        } else {
            libc::gmtime_r(&t, &mut tm)
        }
    };
    if r.is_null() {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EOVERFLOW));
    }
    Ok(tm)
}

/// The zone name a `tm` filled by the C library points at.
pub fn tm_zone(tm: &libc::tm) -> Option<String> {
    if tm.tm_zone.is_null() {
        return None;
    }
    // SAFETY: a non-null `tm_zone` set by localtime_r/gmtime_r points at a
    // NUL-terminated string owned by the C library's zone data, which lives
    // as long as the process (until the next tzset, not called meanwhile
    // under the GIL).
    let s = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
    Some(s.to_string_lossy().into_owned())
}

/// C `mktime`: seconds since the epoch of a local broken-down time, `None`
/// when out of range (detected as CPython does, by the untouched weekday).
pub fn mktime(tm: &mut libc::tm) -> Option<i64> {
    tm.tm_wday = -1;
    // SAFETY: `tm` is a valid, exclusively borrowed struct for the call.
    let t = unsafe { libc::mktime(tm) };
    if t == -1 && tm.tm_wday == -1 {
        return None;
    }
    Some(t as i64)
}

/// C `strftime` of `fmt` (no NUL inside) with `tm`; the buffer grows as
/// CPython's does, since an empty result may also mean "too small".
pub fn strftime(fmt: &std::ffi::CStr, tm: &libc::tm) -> Vec<u8> {
    let fmt_len = fmt.to_bytes().len();
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0u8; size];
        // SAFETY: `buf` has `size` writable bytes, `fmt` is NUL-terminated
        // and `tm` is valid (its `tm_zone` is null or a live C string).
        let n = unsafe { libc::strftime(buf.as_mut_ptr().cast(), size, fmt.as_ptr(), tm) };
        if n > 0 || size >= 256 * fmt_len {
            buf.truncate(n);
            return buf;
        }
        size *= 2;
    }
}

extern "C" {
    fn tzset();
}

/// C `tzset`: re-reads `TZ` for the local-time calls that follow.
pub fn tz_reset() {
    // SAFETY: tzset takes no arguments and only updates the C library's
    // zone state; localtime_r calls it implicitly anyway.
    unsafe { tzset() }
}

/// C `clock_settime`: 0 or the `errno`.
pub fn set_clock(id: libc::clockid_t, secs: i64, nanos: i64) -> Result<(), i32> {
    let ts = libc::timespec {
        tv_sec: secs as libc::time_t,
        tv_nsec: nanos as libc::c_long,
    };
    // SAFETY: `ts` is a valid timespec, only read by the call.
    if unsafe { libc::clock_settime(id, &ts) } != 0 {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL));
    }
    Ok(())
}

/// C `clock_gettime` or `clock_getres` (`res`) of a clock: (seconds,
/// nanoseconds), or the `errno`.
pub fn clock(id: libc::clockid_t, res: bool) -> Result<(i64, i64), i32> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write into.
    let rc = unsafe {
        if res {
            libc::clock_getres(id, &mut ts)
        } else {
            libc::clock_gettime(id, &mut ts)
        }
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL));
    }
    Ok((ts.tv_sec, ts.tv_nsec))
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
