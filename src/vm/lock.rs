//! The interpreter's mutexes and condition variables, on the standard
//! library's. On Linux those are futexes whose whole state is in their own
//! word: there is no process-wide table of waiting threads, so a `fork()`
//! that happens while another thread waits or wakes leaves the child
//! nothing locked for ever (the kernel's wait queues of the child are
//! empty). Only a lock some other thread *held* at the fork stays held,
//! which is why `fork` takes the ones the child needs first.
//!
//! The API is the small part of `parking_lot`'s the code uses: `lock`
//! returns the guard (a panic while holding it does not poison it), and a
//! condition variable waits on `&mut guard`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::PoisonError;
use std::time::{Duration, Instant};

pub struct Mutex<T: ?Sized>(std::sync::Mutex<T>);

impl<T> Mutex<T> {
    pub const fn new(v: T) -> Mutex<T> {
        Mutex(std::sync::Mutex::new(v))
    }

    pub fn into_inner(self) -> T {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: ?Sized> Mutex<T> {
    #[inline]
    pub fn lock(&self) -> MutexGuard<'_, T> {
        MutexGuard(Some(self.0.lock().unwrap_or_else(PoisonError::into_inner)))
    }

    #[inline]
    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        match self.0.try_lock() {
            Ok(g) => Some(MutexGuard(Some(g))),
            Err(std::sync::TryLockError::Poisoned(p)) => Some(MutexGuard(Some(p.into_inner()))),
            Err(std::sync::TryLockError::WouldBlock) => None,
        }
    }

    pub fn get_mut(&mut self) -> &mut T {
        self.0.get_mut().unwrap_or_else(PoisonError::into_inner)
    }
}

impl<T: Default> Default for Mutex<T> {
    fn default() -> Mutex<T> {
        Mutex::new(T::default())
    }
}

impl<T: ?Sized + std::fmt::Debug> std::fmt::Debug for Mutex<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.try_lock() {
            Some(g) => f.debug_tuple("Mutex").field(&&*g).finish(),
            None => f.write_str("Mutex(<locked>)"),
        }
    }
}

/// Always `Some`, except inside [`Condvar`]'s waits, which take the
/// standard guard out and put it back before returning.
pub struct MutexGuard<'a, T: ?Sized>(Option<std::sync::MutexGuard<'a, T>>);

impl<'a, T: ?Sized> MutexGuard<'a, T> {
    #[inline]
    fn inner(&self) -> &std::sync::MutexGuard<'a, T> {
        match &self.0 {
            Some(g) => g,
            None => unreachable!("mutex guard used during a wait"),
        }
    }
}

impl<T: ?Sized> std::ops::Deref for MutexGuard<'_, T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        self.inner()
    }
}

impl<T: ?Sized> std::ops::DerefMut for MutexGuard<'_, T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        match &mut self.0 {
            Some(g) => g,
            None => unreachable!("mutex guard used during a wait"),
        }
    }
}

/// What a timed wait returns.
#[derive(Clone, Copy, Debug)]
pub struct WaitTimeoutResult(bool);

impl WaitTimeoutResult {
    /// Whether the wait ended because its time ran out.
    pub fn timed_out(self) -> bool {
        self.0
    }
}

/// A condition variable for [`Mutex`]. The standard one makes a system
/// call on every notify; this one counts its waiters (changed only with the
/// mutex held) so that a notify nobody waits for costs one load.
pub struct Condvar {
    cv: std::sync::Condvar,
    waiters: AtomicUsize,
}

impl Default for Condvar {
    fn default() -> Condvar {
        Condvar::new()
    }
}

impl Condvar {
    pub const fn new() -> Condvar {
        Condvar {
            cv: std::sync::Condvar::new(),
            waiters: AtomicUsize::new(0),
        }
    }

    /// Blocks until notified (or woken spuriously).
    pub fn wait<T>(&self, guard: &mut MutexGuard<'_, T>) {
        let g = guard.0.take().expect("mutex guard used during a wait");
        // Counted before the wait releases the mutex: a notifier that
        // changed the state under the mutex afterwards sees the count.
        self.waiters.fetch_add(1, Ordering::Relaxed);
        let g = self.cv.wait(g).unwrap_or_else(PoisonError::into_inner);
        self.waiters.fetch_sub(1, Ordering::Relaxed);
        guard.0 = Some(g);
    }

    /// Blocks until notified or `timeout` has passed.
    pub fn wait_for<T>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        timeout: Duration,
    ) -> WaitTimeoutResult {
        let g = guard.0.take().expect("mutex guard used during a wait");
        self.waiters.fetch_add(1, Ordering::Relaxed);
        let (g, res) = self
            .cv
            .wait_timeout(g, timeout)
            .unwrap_or_else(PoisonError::into_inner);
        self.waiters.fetch_sub(1, Ordering::Relaxed);
        guard.0 = Some(g);
        WaitTimeoutResult(res.timed_out())
    }

    /// Blocks until notified or `deadline` has passed.
    pub fn wait_until<T>(
        &self,
        guard: &mut MutexGuard<'_, T>,
        deadline: Instant,
    ) -> WaitTimeoutResult {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return WaitTimeoutResult(true);
        }
        let res = self.wait_for(guard, left);
        WaitTimeoutResult(res.timed_out() || Instant::now() >= deadline)
    }

    #[inline]
    pub fn notify_one(&self) {
        if self.waiters.load(Ordering::Relaxed) != 0 {
            self.cv.notify_one();
        }
    }

    #[inline]
    pub fn notify_all(&self) {
        if self.waiters.load(Ordering::Relaxed) != 0 {
            self.cv.notify_all();
        }
    }
}

/// A lock the thread holding it may take again (held until its last guard
/// goes): a callback run under it may call back into what it guards.
pub struct ReentrantLock {
    owner: Mutex<Owner>,
    free: Condvar,
}

struct Owner {
    thread: Option<std::thread::ThreadId>,
    depth: usize,
}

thread_local! {
    static THREAD_ID: std::thread::ThreadId = std::thread::current().id();
}

fn this_thread() -> std::thread::ThreadId {
    THREAD_ID.with(|id| *id)
}

impl Default for ReentrantLock {
    fn default() -> ReentrantLock {
        ReentrantLock::new()
    }
}

impl ReentrantLock {
    pub const fn new() -> ReentrantLock {
        ReentrantLock {
            owner: Mutex::new(Owner {
                thread: None,
                depth: 0,
            }),
            free: Condvar::new(),
        }
    }

    pub fn lock(&self) -> ReentrantGuard<'_> {
        let me = this_thread();
        let mut o = self.owner.lock();
        if o.thread != Some(me) {
            while o.thread.is_some() {
                self.free.wait(&mut o);
            }
            o.thread = Some(me);
        }
        o.depth += 1;
        ReentrantGuard {
            lock: self,
            _not_send: std::marker::PhantomData,
        }
    }

    /// `None` if another thread holds it.
    pub fn try_lock(&self) -> Option<ReentrantGuard<'_>> {
        let me = this_thread();
        let mut o = self.owner.lock();
        match o.thread {
            Some(t) if t != me => return None,
            _ => o.thread = Some(me),
        }
        o.depth += 1;
        Some(ReentrantGuard {
            lock: self,
            _not_send: std::marker::PhantomData,
        })
    }
}

/// Held by the thread that took it (not `Send`).
pub struct ReentrantGuard<'a> {
    lock: &'a ReentrantLock,
    _not_send: std::marker::PhantomData<*const ()>,
}

impl Drop for ReentrantGuard<'_> {
    fn drop(&mut self) {
        let mut o = self.lock.owner.lock();
        o.depth -= 1;
        if o.depth == 0 {
            o.thread = None;
            drop(o);
            self.lock.free.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn condvar_wakes_a_waiter() {
        let pair = Arc::new((Mutex::new(false), Condvar::new()));
        let p = pair.clone();
        let t = std::thread::spawn(move || {
            let mut ready = p.0.lock();
            while !*ready {
                p.1.wait(&mut ready);
            }
        });
        *pair.0.lock() = true;
        pair.1.notify_all();
        t.join().unwrap();
    }

    #[test]
    fn timed_waits_time_out() {
        let m = Mutex::new(());
        let c = Condvar::new();
        let mut g = m.lock();
        assert!(c.wait_for(&mut g, Duration::from_millis(5)).timed_out());
        let past = Instant::now();
        assert!(c.wait_until(&mut g, past).timed_out());
    }

    #[test]
    fn reentrant_lock_nests_and_excludes() {
        let l = Arc::new(ReentrantLock::new());
        let outer = l.lock();
        let inner = l.try_lock();
        assert!(inner.is_some());
        let l2 = l.clone();
        let other = std::thread::spawn(move || l2.try_lock().is_none())
            .join()
            .unwrap();
        assert!(other);
        drop(inner);
        drop(outer);
        let l2 = l.clone();
        let other = std::thread::spawn(move || l2.try_lock().is_some())
            .join()
            .unwrap();
        assert!(other);
    }

    #[test]
    fn a_panic_does_not_poison() {
        let m = Arc::new(Mutex::new(1));
        let m2 = m.clone();
        let _ = std::thread::spawn(move || {
            let _g = m2.lock();
            panic!("while holding");
        })
        .join();
        assert_eq!(*m.lock(), 1);
    }
}
