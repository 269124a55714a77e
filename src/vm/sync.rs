//! The one switch between the two builds.
//!
//! With the GIL (default), only the thread holding the GIL touches objects, so
//! reference counts are plain integers (`Rc`) and containers use a plain
//! `RefCell`. With `--features free-threading`, counts are atomic (`Arc`) and
//! every mutable container guards itself with its own mutex. The rest of the VM
//! uses only [`Shared`] and [`PyCell`] and never looks at the feature.

#[cfg(not(feature = "free-threading"))]
mod imp {
    use std::cell::{RefCell, RefMut};
    use std::ops::Deref;
    use std::rc::Rc;

    /// A reference-counted pointer to a heap object.
    pub struct Shared<T: ?Sized>(Rc<T>);

    // SAFETY: a `Shared` is created, cloned and dropped only by a thread that
    // holds the GIL (every `Value` lives in interpreter state reachable only
    // through `&mut Vm`, which is the GIL token; `Vm::allow_threads` takes
    // `&mut self`, so no object can be touched while the GIL is released).
    // Hence the non-atomic count is never accessed by two threads at once.
    unsafe impl<T: ?Sized> Send for Shared<T> {}
    // SAFETY: as for `Send`: shared access happens only under the GIL.
    unsafe impl<T: ?Sized> Sync for Shared<T> {}

    impl<T> Shared<T> {
        #[inline]
        pub fn new(v: T) -> Self {
            Shared(Rc::new(v))
        }
        /// Nothing to do with the GIL: counts are plain integers, and
        /// updating them costs no more than checking for immortality.
        #[inline]
        pub fn make_immortal(_this: &Self) {}
    }

    impl<T: ?Sized> Shared<T> {
        #[inline]
        pub fn ptr_eq(a: &Self, b: &Self) -> bool {
            Rc::ptr_eq(&a.0, &b.0)
        }
        #[inline]
        pub fn as_ptr(this: &Self) -> *const u8 {
            Rc::as_ptr(&this.0) as *const u8
        }
        #[inline]
        pub fn strong_count(this: &Self) -> usize {
            Rc::strong_count(&this.0)
        }
    }

    impl<T: ?Sized> Clone for Shared<T> {
        #[inline]
        fn clone(&self) -> Self {
            Shared(Rc::clone(&self.0))
        }
    }

    impl<T: ?Sized> Deref for Shared<T> {
        type Target = T;
        #[inline]
        fn deref(&self) -> &T {
            &self.0
        }
    }

    /// Interior mutability for an object's mutable state.
    pub struct PyCell<T>(RefCell<T>);

    // SAFETY: the cell is only borrowed by the thread holding the GIL (see
    // `Shared`), so its non-atomic borrow flag is never raced on.
    unsafe impl<T> Sync for PyCell<T> {}
    // SAFETY: moving the cell between threads happens only under the GIL.
    unsafe impl<T> Send for PyCell<T> {}

    pub type Guard<'a, T> = RefMut<'a, T>;

    impl<T> PyCell<T> {
        #[inline]
        pub const fn new(v: T) -> Self {
            PyCell(RefCell::new(v))
        }
        /// Exclusive access for a short, non-reentrant section: never call back
        /// into Python code while holding the guard.
        #[inline]
        pub fn lock(&self) -> Guard<'_, T> {
            self.0.borrow_mut()
        }
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }
}

#[cfg(feature = "free-threading")]
mod imp {
    use std::marker::PhantomData;
    use std::ops::Deref;
    use std::ptr::NonNull;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

    /// A reference-counted pointer to a heap object: `Arc` without weak
    /// references, plus immortal objects. An immortal object (code, module
    /// namespaces, interned names, built-ins: things that live as long as the
    /// program) keeps a count so high that no sequence of decrements brings
    /// it to zero, and cloning or dropping it reads the count instead of
    /// writing it: threads that share it do not fight over its cache line.
    pub struct Shared<T> {
        ptr: NonNull<Inner<T>>,
        _owns: PhantomData<Inner<T>>,
    }

    struct Inner<T> {
        count: AtomicUsize,
        value: T,
    }

    /// What an immortal object's count is set to, and the threshold above
    /// which a count is taken as immortal: far enough apart that racing
    /// increments and decrements around the switch cannot cross it.
    const IMMORTAL: usize = usize::MAX / 2;
    const IMMORTAL_FROM: usize = usize::MAX / 4;

    // SAFETY: as for `Arc<T>`: the count is atomic, and the value is shared
    // between threads, so it must itself be `Send + Sync`.
    unsafe impl<T: Send + Sync> Send for Shared<T> {}
    // SAFETY: as above.
    unsafe impl<T: Send + Sync> Sync for Shared<T> {}

    impl<T> Shared<T> {
        #[inline]
        pub fn new(v: T) -> Self {
            let inner = Box::new(Inner {
                count: AtomicUsize::new(1),
                value: v,
            });
            Shared {
                ptr: NonNull::from(Box::leak(inner)),
                _owns: PhantomData,
            }
        }

        #[inline(always)]
        fn inner(&self) -> &Inner<T> {
            // SAFETY: `ptr` came from `Box::leak` and the allocation lives
            // while any `Shared` to it exists (this one included).
            unsafe { self.ptr.as_ref() }
        }

        /// Makes the object live until the process ends.
        pub fn make_immortal(this: &Self) {
            this.inner().count.store(IMMORTAL, Ordering::Relaxed);
        }

        #[inline]
        pub fn ptr_eq(a: &Self, b: &Self) -> bool {
            a.ptr == b.ptr
        }
        #[inline]
        pub fn as_ptr(this: &Self) -> *const u8 {
            &this.inner().value as *const T as *const u8
        }
        #[inline]
        pub fn strong_count(this: &Self) -> usize {
            this.inner().count.load(Ordering::Relaxed)
        }
    }

    // The atomic read-modify-write operations stay out of line: inlined into
    // the eval loop, they made the compiler keep less in registers across
    // the whole loop, even on paths (int arithmetic) that never count.

    /// Adds a reference to a mortal object.
    #[inline(never)]
    fn increment(count: &AtomicUsize) {
        // Relaxed, as `Arc::clone`: the new reference is made from an
        // existing one, which keeps the object alive meanwhile.
        let old = count.fetch_add(1, Ordering::Relaxed);
        if old >= IMMORTAL_FROM / 2 {
            // Billions of references: a leak loop; stop before the count
            // could reach the immortal range.
            std::process::abort();
        }
    }

    /// Removes a reference from a mortal object; true if it was the last.
    #[inline(never)]
    fn decrement(count: &AtomicUsize) -> bool {
        // Release, then Acquire before freeing, as `Arc`'s drop: every use
        // of the object by other threads happens before it is freed.
        if count.fetch_sub(1, Ordering::Release) != 1 {
            return false;
        }
        // An Acquire load of the count rather than a fence: the same
        // ordering (it reads the last Release decrement), and
        // ThreadSanitizer understands it, as it does not fences.
        count.load(Ordering::Acquire);
        true
    }

    impl<T> Clone for Shared<T> {
        #[inline]
        fn clone(&self) -> Self {
            let count = &self.inner().count;
            if count.load(Ordering::Relaxed) < IMMORTAL_FROM {
                increment(count);
            }
            Shared {
                ptr: self.ptr,
                _owns: PhantomData,
            }
        }
    }

    impl<T> Drop for Shared<T> {
        #[inline]
        fn drop(&mut self) {
            let count = &self.inner().count;
            if count.load(Ordering::Relaxed) >= IMMORTAL_FROM {
                return;
            }
            if !decrement(count) {
                return;
            }
            // SAFETY: the count went from 1 to 0, so this was the last
            // reference and no other thread can reach the allocation; it was
            // made by `Box::new` in `Shared::new`.
            unsafe { drop(Box::from_raw(self.ptr.as_ptr())) };
        }
    }

    impl<T> Deref for Shared<T> {
        type Target = T;
        #[inline]
        fn deref(&self) -> &T {
            &self.inner().value
        }
    }

    /// A per-object lock around an object's mutable state.
    pub struct PyCell<T>(Mutex<T>);

    pub type Guard<'a, T> = MutexGuard<'a, T>;

    type Mutex<T> = lock_api::Mutex<SpinLock, T>;
    type MutexGuard<'a, T> = lock_api::MutexGuard<'a, SpinLock, T>;

    /// The lock of one object. Sections under it are a few instructions long
    /// and never call Python code, so a waiter spins briefly and then yields
    /// its core; taking the lock is one atomic exchange and releasing it a
    /// plain store (a general mutex pays a second atomic operation to
    /// release, on every list index and every dict lookup).
    pub struct SpinLock(AtomicBool);

    // SAFETY: `lock` returns only after this thread changed the flag from
    // false to true with Acquire ordering, and `unlock` (called by the guard
    // of the thread that holds it) sets it back with Release: at most one
    // holder at a time, and each holder sees the previous holder's writes.
    unsafe impl lock_api::RawMutex for SpinLock {
        #[allow(clippy::declare_interior_mutable_const)]
        const INIT: SpinLock = SpinLock(AtomicBool::new(false));
        type GuardMarker = lock_api::GuardSend;

        #[inline]
        fn lock(&self) {
            if !self.try_lock() {
                self.lock_slow();
            }
        }

        #[inline]
        fn try_lock(&self) -> bool {
            !self.0.swap(true, Ordering::Acquire)
        }

        /// Callers (the guard) guarantee this thread holds the lock.
        #[inline]
        unsafe fn unlock(&self) {
            self.0.store(false, Ordering::Release);
        }
    }

    impl SpinLock {
        #[cold]
        fn lock_slow(&self) {
            let mut spins = 0u32;
            loop {
                while self.0.load(Ordering::Relaxed) {
                    if spins < 100 {
                        spins += 1;
                        std::hint::spin_loop();
                    } else {
                        std::thread::yield_now();
                    }
                }
                if lock_api::RawMutex::try_lock(self) {
                    return;
                }
            }
        }
    }

    impl<T> PyCell<T> {
        #[inline]
        pub const fn new(v: T) -> Self {
            PyCell(Mutex::new(v))
        }
        /// Exclusive access for a short, non-reentrant section: never call back
        /// into Python code while holding the guard.
        #[inline]
        pub fn lock(&self) -> Guard<'_, T> {
            self.0.lock()
        }
        pub fn into_inner(self) -> T {
            self.0.into_inner()
        }
    }
}

pub use imp::{Guard, PyCell, Shared};

/// Whether this binary was built without the GIL.
pub const FREE_THREADING: bool = cfg!(feature = "free-threading");

// ---- Moving values as two words ----
//
// A `Value` is two 8-byte words. A freshly made value is stored word by word
// (tag, then payload); if the compiler then copies it as one 16-byte load,
// the load cannot be served from the two pending stores and stalls the core
// for a dozen cycles. On the VM's hot paths values are therefore read and
// written as two 8-byte words, every time; measured on the `cpu` benchmarks.

type Words = [std::mem::MaybeUninit<u64>; 2];

#[inline(always)]
fn read_words(v: *const super::value::Value) -> Words {
    let p = v as *const std::mem::MaybeUninit<u64>;
    // SAFETY: `v` points to a live, aligned 16-byte `Value` (the callers pass
    // a reference or an in-bounds element); `MaybeUninit` words may hold the
    // padding of a variant with a short payload. Volatile keeps the two
    // loads apart.
    unsafe { [p.read_volatile(), p.add(1).read_volatile()] }
}

/// A bitwise copy of a value whose reference (if any) the caller has already
/// counted: `Value::clone` is then one two-word copy for every variant.
#[inline(always)]
pub fn copy_value_bits(v: &super::value::Value) -> super::value::Value {
    let words = read_words(v);
    // SAFETY: the words are those of a valid `Value`. `Value` owns at most
    // one counted pointer: immediates own nothing, so their copy is a clone;
    // for a heap value the caller has just added one to the count
    // (`count_new_reference`), so the copy owns that reference.
    unsafe { std::mem::transmute::<Words, super::value::Value>(words) }
}

/// `stack.push(v)`, writing the value as two words.
#[inline(always)]
pub fn push_value(stack: &mut Vec<super::value::Value>, v: super::value::Value) {
    if stack.len() == stack.capacity() {
        stack.reserve(1);
    }
    // SAFETY: `Value` is 16 bytes; `Words` holds any bit pattern.
    let words = unsafe { std::mem::transmute::<super::value::Value, Words>(v) };
    let len = stack.len();
    // SAFETY: `len < capacity` (reserved above), so slot `len` is allocated
    // and aligned; writing it and then growing the length by one moves `v`
    // into the vector (its ownership went into `words`, nothing is dropped).
    unsafe {
        let p = stack.as_mut_ptr().add(len) as *mut std::mem::MaybeUninit<u64>;
        p.write_volatile(words[0]);
        p.add(1).write_volatile(words[1]);
        stack.set_len(len + 1);
    }
}

/// `stack.pop()`, reading the value as two words.
#[inline(always)]
pub fn pop_value(stack: &mut Vec<super::value::Value>) -> Option<super::value::Value> {
    let n = stack.len().checked_sub(1)?;
    let words = read_words(&stack[n]);
    // SAFETY: slot `n` holds a valid `Value`; shortening the vector first
    // hands its ownership to the returned copy (the slot is never dropped).
    unsafe {
        stack.set_len(n);
        Some(std::mem::transmute::<Words, super::value::Value>(words))
    }
}

/// `std::mem::replace(slot, v)`, moving both values as two words.
#[inline(always)]
pub fn replace_value(
    slot: &mut super::value::Value,
    v: super::value::Value,
) -> super::value::Value {
    let old = read_words(slot);
    // SAFETY: `Value` is 16 bytes; `Words` holds any bit pattern.
    let new = unsafe { std::mem::transmute::<super::value::Value, Words>(v) };
    let p = slot as *mut super::value::Value as *mut std::mem::MaybeUninit<u64>;
    // SAFETY: `slot` is a valid, aligned `&mut Value`. Its old words move to
    // the returned value and `v`'s words move into the slot: each value keeps
    // exactly one owner and nothing is dropped here.
    unsafe {
        p.write_volatile(new[0]);
        p.add(1).write_volatile(new[1]);
        std::mem::transmute::<Words, super::value::Value>(old)
    }
}

/// Moves a value that was just returned through memory (a `PyResult<Value>`
/// is returned via a hidden pointer, written word by word by the callee)
/// out as two words, so that the caller's copy does not stall on it.
#[inline(always)]
pub fn take_value(v: super::value::Value) -> super::value::Value {
    let words = read_words(&v);
    std::mem::forget(v);
    // SAFETY: the words are `v`'s, and `v` was forgotten: the result is its
    // only owner.
    unsafe { std::mem::transmute::<Words, super::value::Value>(words) }
}

/// Moves the top value of `stack` down to `depth` places from the top
/// (`[.., a, b, top] -> [.., top, a, b]` for depth 3), word by word.
#[inline(always)]
pub fn rotate_top(stack: &mut [super::value::Value], depth: usize) {
    let n = stack.len();
    assert!(depth >= 1 && depth <= n, "rotate below the stack");
    let top = read_words(&stack[n - 1]);
    for i in (n - depth..n - 1).rev() {
        let w = read_words(&stack[i]);
        let p = &mut stack[i + 1] as *mut super::value::Value as *mut std::mem::MaybeUninit<u64>;
        // SAFETY: `p` is an in-bounds, aligned slot; the loop shifts each
        // value up one slot and `top` fills the freed one below: a
        // permutation, so every value keeps exactly one owner.
        unsafe {
            p.write_volatile(w[0]);
            p.add(1).write_volatile(w[1]);
        }
    }
    let p = &mut stack[n - depth] as *mut super::value::Value as *mut std::mem::MaybeUninit<u64>;
    // SAFETY: as above; this completes the permutation.
    unsafe {
        p.write_volatile(top[0]);
        p.add(1).write_volatile(top[1]);
    }
}
