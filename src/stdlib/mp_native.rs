//! `_multiprocessing`: what processes made by `fork()` share: memory
//! mapped `MAP_SHARED` (for `Value`/`Array`) and POSIX semaphores living in
//! such memory (for `Lock`, `Semaphore`, ...), waited on with the GIL
//! released.

use crate::stdlib::io::int_arg;
use crate::vm::dict::DictMap;
use crate::vm::native::*;
use crate::vm::*;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// A shared anonymous mapping, inherited by forked children.
struct Shm {
    ptr: *mut u8,
    len: usize,
}

// SAFETY: the mapping is plain memory owned by this object until it is
// dropped; it is only read or written by copying bytes in or out, and what
// other processes do to it concurrently is the program's business (as with
// CPython's shared ctypes), never a Rust aliasing question.
unsafe impl Send for Shm {}
// SAFETY: as above.
unsafe impl Sync for Shm {}

impl Shm {
    fn new(len: usize) -> std::io::Result<Shm> {
        let len = len.max(1);
        // SAFETY: an anonymous shared mapping of `len` bytes; no file, no
        // fixed address.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            return Err(std::io::Error::last_os_error());
        }
        Ok(Shm {
            ptr: p as *mut u8,
            len,
        })
    }
}

impl Drop for Shm {
    fn drop(&mut self) {
        // SAFETY: `ptr`/`len` are the mapping made in `new`, unmapped once.
        unsafe {
            libc::munmap(self.ptr as *mut libc::c_void, self.len);
        }
    }
}

/// Bytes of shared memory.
struct SharedBuffer(Shm);

/// A process-shared POSIX semaphore.
struct SemLock {
    shm: Shm,
    max: i64,
}

impl SemLock {
    fn sem(&self) -> *mut libc::sem_t {
        self.shm.ptr as *mut libc::sem_t
    }
}

fn range(vm: &mut Vm, buf: &SharedBuffer, off: &Value, n: usize) -> PyResult<usize> {
    let off = int_arg(vm, off)?;
    if off < 0 || off as usize + n > buf.0.len {
        return Err(vm.new_error(
            &vm.types().exc.IndexError.clone(),
            "shared memory index out of range",
        ));
    }
    Ok(off as usize)
}

fn shared_buffer(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let n = int_arg(vm, &args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative size"));
    }
    match Shm::new(n as usize) {
        Ok(shm) => Ok(new_object(vm, SharedBuffer(shm))),
        Err(e) => Err(vm.os_error(&e, None)),
    }
}

fn buf_read(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this_object::<SharedBuffer>(vm, args, "SharedBuffer")?;
    let n = int_arg(vm, &args[2])?.max(0) as usize;
    let off = range(vm, b, &args[1], n)?;
    // SAFETY: `off + n` is within the mapping (checked by `range`).
    let bytes = unsafe { std::slice::from_raw_parts(b.0.ptr.add(off), n) }.to_vec();
    Ok(new_bytes(bytes))
}

fn buf_write(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this_object::<SharedBuffer>(vm, args, "SharedBuffer")?;
    let data = match crate::vm::bytes::bytes_like(&args[2]) {
        Some(d) => d.to_vec(),
        None => return Err(vm.type_error("a bytes-like object is required")),
    };
    let off = range(vm, b, &args[1], data.len())?;
    // SAFETY: `off + data.len()` is within the mapping (checked by `range`),
    // and `data` is a separate allocation.
    unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), b.0.ptr.add(off), data.len()) };
    Ok(Value::None)
}

fn buf_len(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let b = this_object::<SharedBuffer>(vm, args, "SharedBuffer")?;
    Ok(Value::Int(b.0.len as i64))
}

fn sem_new(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let value = int_arg(vm, &args[0])?;
    let max = int_arg(vm, &args[1])?;
    if value < 0 {
        return Err(vm.value_error("semaphore initial value must be >= 0"));
    }
    let shm = match Shm::new(std::mem::size_of::<libc::sem_t>()) {
        Ok(s) => s,
        Err(e) => return Err(vm.os_error(&e, None)),
    };
    // SAFETY: the mapping is large enough for a `sem_t` and suitably aligned
    // (page-aligned); pshared=1 since forked children share it.
    let rc = unsafe { libc::sem_init(shm.ptr as *mut libc::sem_t, 1, value as libc::c_uint) };
    if rc != 0 {
        return Err(vm.os_error(&std::io::Error::last_os_error(), None));
    }
    Ok(new_object(vm, SemLock { shm, max }))
}

/// The semaphore's address, to wait on it without the GIL.
#[derive(Clone, Copy)]
struct SemPtr(*mut libc::sem_t);
// SAFETY: a POSIX semaphore is made to be used from many threads and
// processes at once; the mapping outlives the wait (the object is borrowed).
unsafe impl Send for SemPtr {}
// SAFETY: as above.
unsafe impl Sync for SemPtr {}

fn realtime_after(d: Duration) -> libc::timespec {
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        + d;
    libc::timespec {
        tv_sec: t.as_secs() as libc::time_t,
        tv_nsec: t.subsec_nanos() as libc::c_long,
    }
}

/// `acquire(timeout)`: timeout `None` waits for ever, 0 only tries.
fn sem_acquire(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this_object::<SemLock>(vm, args, "SemLock")?;
    let p = SemPtr(s.sem());
    // SAFETY: `p` points to the initialised semaphore of this live object.
    if unsafe { libc::sem_trywait(p.0) } == 0 {
        return Ok(Value::Bool(true));
    }
    let limit = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => {
            let secs = crate::vm::convert::to_float(vm, v)?;
            if secs <= 0.0 {
                return Ok(Value::Bool(false));
            }
            Some(Duration::from_secs_f64(secs))
        }
    };
    let got = vm.blocking_wait(Wait::Sync, limit, move |deadline| {
        let p = p;
        loop {
            let rc = match deadline {
                Some(d) => {
                    let ts = realtime_after(d.saturating_duration_since(Instant::now()));
                    // SAFETY: `p` is a live semaphore and `ts` a valid timespec.
                    unsafe { libc::sem_timedwait(p.0, &ts) }
                }
                // SAFETY: `p` is a live semaphore.
                None => unsafe { libc::sem_wait(p.0) },
            };
            if rc == 0 {
                return true;
            }
            if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
                return false;
            }
        }
    })?;
    Ok(Value::Bool(got))
}

fn sem_value(s: &SemLock) -> i64 {
    let mut v: libc::c_int = 0;
    // SAFETY: a live semaphore and a writable int.
    unsafe { libc::sem_getvalue(s.sem(), &mut v) };
    v as i64
}

fn sem_release(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this_object::<SemLock>(vm, args, "SemLock")?;
    if sem_value(s) >= s.max {
        return Err(vm.value_error("semaphore or lock released too many times"));
    }
    // SAFETY: a live semaphore.
    unsafe { libc::sem_post(s.sem()) };
    Ok(Value::None)
}

fn sem_get_value(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let s = this_object::<SemLock>(vm, args, "SemLock")?;
    Ok(Value::Int(sem_value(s)))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    native_class::<SharedBuffer>(
        vm,
        "SharedBuffer",
        "_multiprocessing",
        None,
        &[
            ("read", Arity::exact(2), buf_read),
            ("write", Arity::exact(2), buf_write),
            ("__len__", Arity::exact(0), buf_len),
        ],
    );
    native_class::<SemLock>(
        vm,
        "SemLock",
        "_multiprocessing",
        None,
        &[
            ("acquire", Arity::range(0, 1), sem_acquire),
            ("release", Arity::exact(0), sem_release),
            ("_get_value", Arity::exact(0), sem_get_value),
        ],
    );
    add_functions(
        vm,
        d,
        &[
            ("shared_buffer", Arity::exact(1), shared_buffer),
            ("sem_new", Arity::exact(2), sem_new),
        ],
    );
    d.set_by_str("SEM_VALUE_MAX", Value::Int(i32::MAX as i64));
    Ok(())
}
