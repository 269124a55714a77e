//! `_thread`: OS threads, locks and re-entrant locks. Every wait releases the
//! GIL; in the main thread a wait also wakes up for Ctrl-C.

use crate::vm::deadlock::WaitTarget;
use crate::vm::dict::DictMap;
use crate::vm::lock::{Condvar, Mutex};
use crate::vm::native::*;
use crate::vm::os::thread_ident;
use crate::vm::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Threads started by `start_new_thread` that have not finished.
static RUNNING: AtomicUsize = AtomicUsize::new(0);

/// Native stack of threads started from Python (virtual memory; the
/// recursion check keeps a margin below it). Smaller than the main thread's
/// so that starting a thread stays cheap.
const WORKER_STACK_SIZE: usize = 64 << 20;

/// A lock any thread may release (Python's `Lock` semantics).
#[derive(Default)]
pub struct RawLock {
    state: Mutex<LockState>,
    cond: Condvar,
}

/// Whether the lock is taken, by whom last, and how often it was taken (for
/// the deadlock check).
#[derive(Default)]
struct LockState {
    locked: bool,
    owner: u64,
    acquisitions: u64,
}

impl LockState {
    fn take(&mut self) {
        self.locked = true;
        self.owner = thread_ident();
        self.acquisitions += 1;
    }
}

impl RawLock {
    pub fn try_acquire(&self) -> bool {
        let mut l = self.state.lock();
        if l.locked {
            false
        } else {
            l.take();
            true
        }
    }

    /// Waits until acquired or `deadline`; true if acquired.
    pub(super) fn acquire_until(&self, deadline: Option<Instant>) -> bool {
        let mut l = self.state.lock();
        while l.locked {
            match deadline {
                None => self.cond.wait(&mut l),
                Some(d) => {
                    if self.cond.wait_until(&mut l, d).timed_out() && l.locked {
                        return false;
                    }
                }
            }
        }
        l.take();
        true
    }

    pub fn release(&self) -> bool {
        let mut l = self.state.lock();
        if !l.locked {
            return false;
        }
        l.locked = false;
        drop(l);
        self.cond.notify_one();
        true
    }

    pub fn is_locked(&self) -> bool {
        self.state.lock().locked
    }
}

impl WaitTarget for RawLock {
    fn acquisitions(&self) -> u64 {
        self.state.lock().acquisitions
    }

    fn stuck(&self, waiter: u64, seen: u64) -> bool {
        let l = self.state.lock();
        // Taken by the waiter since it blocked: it is about to go on.
        l.locked && !(l.owner == waiter && l.acquisitions != seen)
    }

    fn holder(&self) -> Option<u64> {
        let l = self.state.lock();
        l.locked.then_some(l.owner)
    }

    fn describe(&self) -> String {
        format!("lock {:#x}", self as *const RawLock as usize)
    }
}

/// The private lock a `Condition.wait` blocks on until `notify()`.
pub(super) struct NotifyLock(pub Arc<RawLock>);

impl WaitTarget for NotifyLock {
    fn acquisitions(&self) -> u64 {
        self.0.acquisitions()
    }

    fn stuck(&self, waiter: u64, seen: u64) -> bool {
        self.0.stuck(waiter, seen)
    }

    fn holder(&self) -> Option<u64> {
        None
    }

    fn describe(&self) -> String {
        "a notify()".to_string()
    }

    fn is_notify(&self) -> bool {
        true
    }
}

/// A re-entrant lock: owner thread and depth.
#[derive(Default)]
pub struct RawRLock {
    state: Mutex<(u64, usize)>,
    cond: Condvar,
}

impl RawRLock {
    fn try_acquire(&self, me: u64) -> bool {
        let mut s = self.state.lock();
        if s.1 == 0 {
            *s = (me, 1);
            true
        } else if s.0 == me {
            s.1 += 1;
            true
        } else {
            false
        }
    }

    fn acquire_until(&self, me: u64, deadline: Option<Instant>) -> bool {
        let mut s = self.state.lock();
        while s.1 != 0 && s.0 != me {
            match deadline {
                None => self.cond.wait(&mut s),
                Some(d) => {
                    if self.cond.wait_until(&mut s, d).timed_out() && s.1 != 0 && s.0 != me {
                        return false;
                    }
                }
            }
        }
        if s.1 == 0 {
            *s = (me, 1);
        } else {
            s.1 += 1;
        }
        true
    }

    pub(super) fn is_owned(&self, me: u64) -> bool {
        let s = self.state.lock();
        s.1 > 0 && s.0 == me
    }

    /// Releases every level `me` holds (a Condition's wait); the depth it
    /// had, or None when `me` does not own the lock.
    pub(super) fn release_save(&self, me: u64) -> Option<usize> {
        let mut s = self.state.lock();
        if s.1 == 0 || s.0 != me {
            return None;
        }
        let depth = s.1;
        *s = (0, 0);
        drop(s);
        self.cond.notify_one();
        Some(depth)
    }

    /// Takes the lock back at the depth `release_save` returned.
    pub(super) fn acquire_restore_until(
        &self,
        me: u64,
        depth: usize,
        deadline: Option<Instant>,
    ) -> bool {
        if !self.acquire_until(me, deadline) {
            return false;
        }
        self.state.lock().1 = depth;
        true
    }

    fn release(&self, me: u64) -> bool {
        let mut s = self.state.lock();
        if s.1 == 0 || s.0 != me {
            return false;
        }
        s.1 -= 1;
        if s.1 == 0 {
            s.0 = 0;
            drop(s);
            self.cond.notify_one();
        }
        true
    }
}

impl WaitTarget for RawRLock {
    fn acquisitions(&self) -> u64 {
        0
    }

    fn stuck(&self, waiter: u64, _seen: u64) -> bool {
        // The owner is exact for a reentrant lock.
        let s = self.state.lock();
        s.1 != 0 && s.0 != waiter
    }

    fn holder(&self) -> Option<u64> {
        let s = self.state.lock();
        (s.1 != 0).then_some(s.0)
    }

    fn describe(&self) -> String {
        format!("RLock {:#x}", self as *const RawRLock as usize)
    }
}

/// Parses `acquire(blocking=True, timeout=-1)` into an optional deadline
/// (`Err` for invalid combinations), or `Ok(None)` with `nonblocking`.
fn acquire_args(
    vm: &mut Vm,
    args: &[Value],
    kw: &[(Str, Value)],
) -> PyResult<(bool, Option<Duration>)> {
    let blocking = match arg_or_kw(args, kw, 1, "blocking") {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    let timeout = match arg_or_kw(args, kw, 2, "timeout") {
        Some(Value::None) | None => -1.0,
        Some(v) => {
            crate::vm::arith::to_f64(v).ok_or_else(|| vm.type_error("timeout must be a number"))?
        }
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be positive"));
    }
    let limit = if timeout >= 0.0 {
        Some(Duration::from_secs_f64(timeout.min(1e9)))
    } else {
        None
    };
    Ok((blocking, limit))
}

/// The raw lock behind a `_thread` lock object, if `v` is one.
pub(super) enum LockKind {
    Plain(Arc<RawLock>),
    Reentrant(Arc<RawRLock>),
}

pub(super) fn lock_kind(v: &Value) -> Option<LockKind> {
    if let Value::Native(n) = v {
        if let Native::Object { data, .. } = &**n {
            if let Some(l) = data.downcast_ref::<Arc<RawLock>>() {
                return Some(LockKind::Plain(l.clone()));
            }
            if let Some(l) = data.downcast_ref::<Arc<RawRLock>>() {
                return Some(LockKind::Reentrant(l.clone()));
            }
        }
    }
    None
}

impl LockKind {
    fn try_acquire(&self, me: u64) -> bool {
        match self {
            LockKind::Plain(l) => l.try_acquire(),
            LockKind::Reentrant(r) => r.try_acquire(me),
        }
    }

    fn acquire_until(&self, me: u64, deadline: Option<Instant>) -> bool {
        match self {
            LockKind::Plain(l) => l.acquire_until(deadline),
            LockKind::Reentrant(r) => r.acquire_until(me, deadline),
        }
    }

    /// The lock, as what a thread waits for.
    pub(super) fn target(&self) -> Arc<dyn WaitTarget> {
        match self {
            LockKind::Plain(l) => l.clone(),
            LockKind::Reentrant(r) => r.clone(),
        }
    }

    /// `acquire(blocking=True, timeout=-1)`, the arguments after `args[0]`.
    pub(super) fn acquire(
        &self,
        vm: &mut Vm,
        args: &[Value],
        kw: &[(Str, Value)],
    ) -> PyResult<Value> {
        let (blocking, limit) = acquire_args(vm, args, kw)?;
        let me = thread_ident();
        if self.try_acquire(me) {
            return Ok(Value::Bool(true));
        }
        if !blocking || limit == Some(Duration::ZERO) {
            return Ok(Value::Bool(false));
        }
        let got = vm.blocking_wait_on(Wait::Sync, limit, Some(self.target()), |d| {
            self.acquire_until(me, d)
        })?;
        Ok(Value::Bool(got))
    }

    /// `release()`, with each kind's error when the caller may not release.
    pub(super) fn release(&self, vm: &Vm) -> PyResult<Value> {
        let (released, error) = match self {
            LockKind::Plain(l) => (l.release(), "release unlocked lock"),
            LockKind::Reentrant(r) => {
                (r.release(thread_ident()), "cannot release un-acquired lock")
            }
        };
        if released {
            Ok(Value::None)
        } else {
            Err(vm.runtime_error(error))
        }
    }
}

fn lock_of(vm: &Vm, v: &Value) -> PyResult<Arc<RawLock>> {
    match lock_kind(v) {
        Some(LockKind::Plain(l)) => Ok(l),
        _ => Err(vm.type_error("descriptor requires a lock object")),
    }
}

fn rlock_of(vm: &Vm, v: &Value) -> PyResult<Arc<RawRLock>> {
    match lock_kind(v) {
        Some(LockKind::Reentrant(r)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires an RLock object")),
    }
}

fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = lock_of(vm, args.first().unwrap_or(&Value::None))?;
    LockKind::Plain(lock).acquire(vm, args, kw)
}

fn lock_release(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = lock_of(vm, args.first().unwrap_or(&Value::None))?;
    LockKind::Plain(lock).release(vm)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    lock_release(vm, &args[..1.min(args.len())], &[])
}

fn lock_locked(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = lock_of(vm, args.first().unwrap_or(&Value::None))?;
    Ok(Value::Bool(lock.is_locked()))
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = lock_of(vm, args.first().unwrap_or(&Value::None))?;
    let p = args[0].heap_ptr().map_or(0, |p| p as usize);
    Ok(new_str(format!(
        "<{} _thread.lock object at {:#x}>",
        if lock.is_locked() {
            "locked"
        } else {
            "unlocked"
        },
        p
    )))
}

fn rlock_acquire(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, args.first().unwrap_or(&Value::None))?;
    LockKind::Reentrant(lock).acquire(vm, args, kw)
}

fn rlock_release(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, args.first().unwrap_or(&Value::None))?;
    LockKind::Reentrant(lock).release(vm)
}

fn rlock_exit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    rlock_release(vm, &args[..1.min(args.len())], &[])
}

fn rlock_is_owned(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, args.first().unwrap_or(&Value::None))?;
    Ok(Value::Bool(lock.is_owned(thread_ident())))
}

/// `RLock._release_save()`: releases every level; the state is
/// `(depth, owner)`, as CPython's.
fn rlock_release_save(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, args.first().unwrap_or(&Value::None))?;
    let me = thread_ident();
    match lock.release_save(me) {
        Some(depth) => Ok(Value::tuple(vec![
            Value::Int(depth as i64),
            Value::Int(me as i64),
        ])),
        None => Err(vm.runtime_error("cannot release un-acquired lock")),
    }
}

/// `RLock._acquire_restore(state)`: blocks until the lock is this thread's
/// again, at the saved depth.
fn rlock_acquire_restore(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, &args[0])?;
    let depth = match &args[1] {
        Value::Tuple(t) if t.items.len() == 2 => vm.to_index(&t.items[0])?,
        _ => return Err(vm.type_error("state must be a (depth, owner) tuple")),
    };
    let depth = usize::try_from(depth)
        .ok()
        .filter(|d| *d > 0)
        .ok_or_else(|| vm.value_error("depth must be positive"))?;
    let me = thread_ident();
    let target: Arc<dyn WaitTarget> = lock.clone();
    reacquire(vm, target, |d| lock.acquire_restore_until(me, depth, d))?;
    Ok(Value::None)
}

/// Blocks (GIL released) until `acquire` succeeds. Ctrl-C in the main
/// thread raises KeyboardInterrupt with the lock not taken.
pub(super) fn reacquire(
    vm: &mut Vm,
    target: Arc<dyn WaitTarget>,
    acquire: impl Fn(Option<Instant>) -> bool + Sync,
) -> PyResult<()> {
    if acquire(Some(Instant::now())) {
        return Ok(());
    }
    while !vm.blocking_wait_on(Wait::Sync, None, Some(target.clone()), &acquire)? {}
    Ok(())
}

fn rlock_repr(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let lock = rlock_of(vm, args.first().unwrap_or(&Value::None))?;
    let (owner, count) = *lock.state.lock();
    let p = args[0].heap_ptr().map_or(0, |p| p as usize);
    Ok(new_str(format!(
        "<{} _thread.RLock object owner={} count={} at {:#x}>",
        if count > 0 { "locked" } else { "unlocked" },
        owner,
        count,
        p
    )))
}

struct Classes {
    lock: ClassRef,
    rlock: ClassRef,
}

fn classes(vm: &Vm) -> Classes {
    let m = vm.interp.modules.lock().get_by_str("_thread").cloned();
    let get = |name: &str| -> ClassRef {
        if let Some(Value::Module(m)) = &m {
            if let Some(Value::Class(c)) = m.dict.lock().get_by_str(name) {
                return c.clone();
            }
        }
        vm.types().object.clone()
    };
    Classes {
        lock: get("LockType"),
        rlock: get("RLock"),
    }
}

/// A `_thread.lock` object around `raw`.
pub(super) fn lock_value(vm: &Vm, raw: Arc<RawLock>) -> Value {
    Value::native(Native::Object {
        class: classes(vm).lock,
        data: Box::new(raw),
    })
}

fn allocate_lock(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(lock_value(vm, Arc::new(RawLock::default())))
}

fn rlock_new(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::native(Native::Object {
        class: classes(vm).rlock,
        data: Box::new(Arc::new(RawRLock::default())),
    }))
}

fn lock_new(vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    allocate_lock(vm, &[], &[])
}

fn get_ident(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(thread_ident() as i64))
}

fn get_native_id(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::os::native_thread_id()))
}

/// A thread started with `_thread` that called `threading.current_thread()`
/// got a `_DummyThread` entry in `threading._active`; it goes when the thread
/// ends, so `active_count()` and `enumerate()` stay right.
fn forget_dummy_thread(vm: &mut Vm, ident: u64) {
    let threading = vm.interp.modules.lock().get_by_str("threading").cloned();
    let Some(Value::Module(m)) = threading else {
        return;
    };
    let Some(Value::Dict(active)) = m.dict.lock().get_by_str("_active").cloned() else {
        return;
    };
    let key = Value::Int(ident as i64);
    if let Ok(Some(entry)) = vm.dict_get(&active, &key) {
        if vm.class_of(&entry).name.as_str() == "_DummyThread" {
            let _ = vm.dict_del(&active, &key);
        }
    }
}

/// Names the calling thread in `-X gilstats` reports (called by threading).
fn set_thread_name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    if let Some(Value::Str(s)) = args.first() {
        vm.interp.gil.stats.set_thread_name(s.as_str());
        vm.interp.deadlock.set_name(thread_ident(), s.as_str());
    }
    Ok(Value::None)
}

fn count(_vm: &mut Vm, _args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(Value::Int(RUNNING.load(Ordering::SeqCst) as i64))
}

fn format_exception(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    Ok(new_str(vm.format_exception(&args[0])))
}

/// `start_new_thread(function, args, kwargs=None)`.
fn start_new_thread(vm: &mut Vm, args: &[Value], kw: &[(Str, Value)]) -> PyResult<Value> {
    check_arity(vm, "start_new_thread", args, 2, 3)?;
    let func = args[0].clone();
    if !crate::builtins::is_callable(vm, &func) {
        return Err(vm.type_error("first arg must be callable"));
    }
    let Value::Tuple(t) = &args[1] else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let fargs = t.items.to_vec();
    let fkw: Vec<(Str, Value)> = match args.get(2).or_else(|| kwarg(kw, "kwargs")) {
        None | Some(Value::None) => Vec::new(),
        Some(Value::Dict(d)) => {
            let mut out = Vec::new();
            for (k, v) in d.lock().iter() {
                if let Value::Str(s) = k {
                    out.push((s.clone(), v.clone()));
                }
            }
            out
        }
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    };
    let ident = crate::vm::os::new_thread_ident();
    let interp = vm.interp.clone();
    RUNNING.fetch_add(1, Ordering::SeqCst);
    vm.interp.deadlock.thread_starting();
    let job = ThreadJob {
        func,
        args: fargs,
        kwargs: fkw,
        ident,
        interp,
    };
    match pool::start(job) {
        Ok(_) => Ok(Value::Int(ident as i64)),
        // CPython's message, whatever the OS said.
        Err(_) => {
            RUNNING.fetch_sub(1, Ordering::SeqCst);
            vm.interp.deadlock.thread_not_started();
            Err(vm.runtime_error("can't start new thread"))
        }
    }
}

/// What a new thread runs. Its values are moved, never cloned, across the
/// hand-over, and dropped only after the new thread holds the GIL.
struct ThreadJob {
    func: Value,
    args: Vec<Value>,
    kwargs: Vec<(Str, Value)>,
    ident: u64,
    interp: Arc<Interp>,
}

/// OS threads outlive the Python threads they run: a finished one waits a
/// little for the next `start_new_thread`, which then costs a wake-up instead
/// of a new OS thread (stack, page faults, allocator arena). Python sees a new
/// thread either way: new ident, fresh thread-local state.
mod pool {
    use super::{run_thread, ThreadJob, WORKER_STACK_SIZE};
    use crate::vm::lock::{Condvar, Mutex};
    use std::sync::Arc;
    use std::time::Duration;

    /// How long an idle OS thread waits for more work before exiting.
    const IDLE_LIMIT: Duration = Duration::from_secs(2);

    pub struct Slot {
        job: Mutex<Option<ThreadJob>>,
        ready: Condvar,
    }

    static IDLE: Mutex<Vec<Arc<Slot>>> = Mutex::new(Vec::new());

    /// Held across `fork()`: the child must find the idle list consistent.
    pub fn before_fork() -> crate::vm::lock::MutexGuard<'static, Vec<Arc<Slot>>> {
        IDLE.lock()
    }

    /// In a forked child the idle OS threads do not exist: forget them
    /// (their slots' locks may be held by threads that are gone).
    pub fn after_fork_child(idle: &mut crate::vm::lock::MutexGuard<'static, Vec<Arc<Slot>>>) {
        for slot in idle.drain(..) {
            std::mem::forget(slot);
        }
    }

    pub fn start(job: ThreadJob) -> std::io::Result<()> {
        if let Some(slot) = IDLE.lock().pop() {
            *slot.job.lock() = Some(job);
            slot.ready.notify_one();
            return Ok(());
        }
        let slot = Arc::new(Slot {
            job: Mutex::new(Some(job)),
            ready: Condvar::new(),
        });
        std::thread::Builder::new()
            .stack_size(WORKER_STACK_SIZE)
            .spawn(move || worker(slot))
            .map(|_| ())
    }

    fn worker(slot: Arc<Slot>) {
        // Signals are for the main thread.
        crate::vm::signals::mask_in_this_thread(true);
        loop {
            let job = slot.job.lock().take();
            if let Some(job) = job {
                run_thread(job);
            }
            IDLE.lock().push(slot.clone());
            let mut job = slot.job.lock();
            while job.is_none() {
                if slot.ready.wait_for(&mut job, IDLE_LIMIT).timed_out() && job.is_none() {
                    // Leave the idle list unless a starter just took this slot
                    // (then its job is on the way: keep waiting for it).
                    let mut idle = IDLE.lock();
                    if let Some(pos) = idle.iter().position(|s| Arc::ptr_eq(s, &slot)) {
                        idle.remove(pos);
                        return;
                    }
                }
            }
        }
    }
}

/// Forks the process for `os.fork()`, resetting the thread bookkeeping in
/// the child (only the forking thread survives there).
pub fn fork(vm: &mut Vm) -> std::io::Result<i32> {
    let mut idle = pool::before_fork();
    let hooks = super::process::before_fork();
    let open_files = super::io::before_fork();
    let pid = vm.fork_process();
    if let Ok(0) = pid {
        pool::after_fork_child(&mut idle);
        RUNNING.store(0, Ordering::SeqCst);
    }
    drop(open_files);
    drop(hooks);
    drop(idle);
    pid
}

fn run_thread(job: ThreadJob) {
    let (ident, interp) = (job.ident, job.interp.clone());
    crate::vm::os::set_thread_ident(ident);
    interp.gil.stats.thread_start();
    interp.gil.acquire();
    let mut vm = Vm::for_thread(interp.clone(), WORKER_STACK_SIZE);
    // A bug in gilpy must not leave the GIL held forever: catch the panic,
    // report it, and let the thread end normally.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        vm.call(&job.func, &job.args, &job.kwargs)
    }));
    let result = match result {
        Ok(r) => r,
        Err(_) => {
            crate::vm::stdio::write_stderr_raw(
                "gilpy: internal error in a thread; the thread was stopped\n",
            );
            Ok(Value::None)
        }
    };
    if let Err(exc) = result {
        let sys_exit = vm.types().exc.SystemExit.clone();
        if !vm.isinstance(&exc, &sys_exit) {
            let what = vm.repr(&job.func).unwrap_or_default();
            let report = vm.format_exception(&exc);
            crate::vm::stdio::write_stderr_raw(&format!(
                "Exception ignored in thread started by: {}\n{}",
                what, report
            ));
        }
    }
    forget_dummy_thread(&mut vm, ident);
    vm.run_finalizers();
    drop(job);
    drop(vm);
    RUNNING.fetch_sub(1, Ordering::SeqCst);
    interp.deadlock.thread_exited(Some(ident));
    interp.gil.release(Wait::Outside);
    interp.gil.stats.thread_exit();
}

/// A class namespace naming `_thread` as the module (as `repr` and pickle
/// errors show it).
fn module_ns() -> DictMap {
    let mut ns = DictMap::new();
    ns.set_by_str("__module__", new_str("_thread"));
    ns
}

/// Fills the `_thread` module.
pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    let obj = vm.types().object.clone();
    let lock = make_class(
        vm.intern("lock"),
        vm.intern("lock"),
        vec![obj.clone()],
        module_ns(),
        true,
    )
    .expect("single base");
    add_methods(
        vm,
        &lock,
        &[
            ("__new__", Arity::ANY, lock_new),
            ("acquire", Arity::ANY, lock_acquire),
            ("acquire_lock", Arity::ANY, lock_acquire),
            ("__enter__", Arity::ANY, lock_acquire),
            ("release", Arity::ANY, lock_release),
            ("release_lock", Arity::ANY, lock_release),
            ("__exit__", Arity::ANY, lock_exit),
            ("locked", Arity::ANY, lock_locked),
            ("locked_lock", Arity::ANY, lock_locked),
            ("__repr__", Arity::ANY, lock_repr),
        ],
    );
    let rlock = make_class(
        vm.intern("RLock"),
        vm.intern("RLock"),
        vec![obj],
        module_ns(),
        true,
    )
    .expect("single base");
    add_methods(
        vm,
        &rlock,
        &[
            ("__new__", Arity::ANY, rlock_new),
            ("acquire", Arity::ANY, rlock_acquire),
            ("__enter__", Arity::ANY, rlock_acquire),
            ("release", Arity::ANY, rlock_release),
            ("__exit__", Arity::ANY, rlock_exit),
            ("_is_owned", Arity::ANY, rlock_is_owned),
            ("_release_save", Arity::ANY, rlock_release_save),
            ("_acquire_restore", Arity::exact(1), rlock_acquire_restore),
            ("__repr__", Arity::ANY, rlock_repr),
        ],
    );
    let fns: &[NativeDef] = &[
        ("start_new_thread", Arity::ANY, start_new_thread),
        ("start_new", Arity::ANY, start_new_thread),
        ("allocate_lock", Arity::ANY, allocate_lock),
        ("allocate", Arity::ANY, allocate_lock),
        ("get_ident", Arity::ANY, get_ident),
        ("get_native_id", Arity::ANY, get_native_id),
        ("_count", Arity::ANY, count),
        ("_set_thread_name", Arity::ANY, set_thread_name),
        ("_format_exception", Arity::exact(1), format_exception),
    ];
    add_functions(vm, d, fns);
    d.set_by_str("LockType", Value::Class(lock));
    d.set_by_str("RLock", Value::Class(rlock));
    d.set_by_str("TIMEOUT_MAX", Value::Float(4294967.0));
    d.set_by_str("error", Value::Class(vm.types().exc.RuntimeError.clone()));
    Ok(())
}
