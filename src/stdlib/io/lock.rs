//! [`Locked`]: the lock around a stream's state. It is held across the
//! stream's system calls (which release the GIL), so a second thread that
//! wants it waits with the GIL released; a call back into the same stream
//! from Python code run under the lock raises `RuntimeError` (CPython's
//! "reentrant call") instead of deadlocking.
//!
//! With the GIL, taking the lock needs no atomic read-modify-write: every
//! thread that takes or gives it back holds the GIL, which orders them, so
//! an owner word and plain loads and stores suffice (a write costs no
//! locked instruction). Without the GIL it is a mutex. This file is the
//! only place that tells the two builds apart.

use crate::vm::os::thread_ident;
use crate::vm::{PyResult, Vm, Wait};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(not(feature = "free-threading"))]
mod imp {
    use super::*;
    use std::cell::UnsafeCell;

    pub struct Locked<T> {
        /// The thread holding the lock, 0 if free. Written only by threads
        /// that hold the GIL (see the module comment).
        owner: AtomicU64,
        data: UnsafeCell<T>,
    }

    // SAFETY: `data` is reached only through a guard, and a guard exists
    // only for the thread recorded in `owner` (taken under the GIL, one
    // owner at a time), or through `&mut self`. So two threads never touch
    // `data` at once, and `T: Send` lets it be used from any thread.
    unsafe impl<T: Send> Sync for Locked<T> {}

    pub struct LockedGuard<'a, T> {
        lock: &'a Locked<T>,
    }

    impl<T> Drop for LockedGuard<'_, T> {
        fn drop(&mut self) {
            self.lock.owner.store(0, Ordering::Release);
        }
    }

    impl<T> std::ops::Deref for LockedGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            // SAFETY: this guard's thread owns the lock (see `Sync`).
            unsafe { &*self.lock.data.get() }
        }
    }

    impl<T> std::ops::DerefMut for LockedGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            // SAFETY: this guard's thread owns the lock, and `&mut self`
            // makes this the only reference made through the guard.
            unsafe { &mut *self.lock.data.get() }
        }
    }

    impl<T: Send> Locked<T> {
        pub fn new(v: T) -> Locked<T> {
            Locked {
                owner: AtomicU64::new(0),
                data: UnsafeCell::new(v),
            }
        }

        /// Takes the lock (the caller holds the GIL: `vm`).
        pub fn lock(&self, vm: &mut Vm, what: &str) -> PyResult<LockedGuard<'_, T>> {
            let me = thread_ident();
            loop {
                // Under the GIL no other thread can take it between this
                // load and the store.
                let owner = self.owner.load(Ordering::Acquire);
                if owner == 0 {
                    self.owner.store(me, Ordering::Relaxed);
                    return Ok(LockedGuard { lock: self });
                }
                if owner == me {
                    return Err(vm.runtime_error(format!("reentrant call inside {}", what)));
                }
                // The holder is in a system call with the GIL released, or
                // waits for the GIL to finish: let it run.
                vm.allow_threads(Wait::File, || {
                    let mut spins = 0u32;
                    while self.owner.load(Ordering::Acquire) != 0 {
                        spins += 1;
                        if spins < 64 {
                            std::thread::yield_now();
                        } else {
                            std::thread::sleep(std::time::Duration::from_micros(200));
                        }
                    }
                });
            }
        }

        /// The data without the GIL, for exit handlers: `None` if taken.
        pub fn with_plain(&self, f: impl FnOnce(&mut T)) {
            let taken =
                self.owner
                    .compare_exchange(0, u64::MAX, Ordering::Acquire, Ordering::Relaxed);
            if taken.is_ok() {
                // SAFETY: `owner` now says the lock is held (by the exit
                // handler), so no guard reaches `data` meanwhile.
                f(unsafe { &mut *self.data.get() });
                self.owner.store(0, Ordering::Release);
            }
        }

        pub fn get_mut(&mut self) -> &mut T {
            self.data.get_mut()
        }
    }
}

#[cfg(feature = "free-threading")]
mod imp {
    use super::*;
    use crate::vm::lock::{Mutex, MutexGuard};

    pub struct Locked<T> {
        m: Mutex<T>,
        owner: AtomicU64,
    }

    pub struct LockedGuard<'a, T> {
        g: MutexGuard<'a, T>,
        owner: &'a AtomicU64,
    }

    impl<T> Drop for LockedGuard<'_, T> {
        fn drop(&mut self) {
            self.owner.store(0, Ordering::Release);
        }
    }

    impl<T> std::ops::Deref for LockedGuard<'_, T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.g
        }
    }

    impl<T> std::ops::DerefMut for LockedGuard<'_, T> {
        fn deref_mut(&mut self) -> &mut T {
            &mut self.g
        }
    }

    impl<T: Send> Locked<T> {
        pub fn new(v: T) -> Locked<T> {
            Locked {
                m: Mutex::new(v),
                owner: AtomicU64::new(0),
            }
        }

        /// Takes the lock; while another thread holds it, waits with the
        /// GIL (if any) released.
        pub fn lock(&self, vm: &mut Vm, what: &str) -> PyResult<LockedGuard<'_, T>> {
            let me = thread_ident();
            loop {
                if let Some(g) = self.m.try_lock() {
                    self.owner.store(me, Ordering::Release);
                    return Ok(LockedGuard {
                        g,
                        owner: &self.owner,
                    });
                }
                if self.owner.load(Ordering::Acquire) == me {
                    return Err(vm.runtime_error(format!("reentrant call inside {}", what)));
                }
                vm.allow_threads(Wait::File, || drop(self.m.lock()));
            }
        }

        /// The data without the interpreter, for exit handlers (skipped if
        /// another thread holds it).
        pub fn with_plain(&self, f: impl FnOnce(&mut T)) {
            if let Some(mut g) = self.m.try_lock() {
                f(&mut g);
            }
        }

        pub fn get_mut(&mut self) -> &mut T {
            self.m.get_mut()
        }
    }
}

pub use imp::{Locked, LockedGuard};
