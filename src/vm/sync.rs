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
        #[inline]
        pub fn is_immortal(_this: &Self) -> bool {
            false
        }
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
        /// A reference that does not keep the object alive.
        #[inline]
        pub fn downgrade(this: &Self) -> WeakShared<T> {
            WeakShared(Rc::downgrade(&this.0))
        }
    }

    /// A weak reference to a heap object (the cycle collector's lists).
    pub struct WeakShared<T: ?Sized>(std::rc::Weak<T>);

    // SAFETY: as for `Shared`: weak references are made, upgraded and
    // dropped only by a thread holding the GIL.
    unsafe impl<T: ?Sized> Send for WeakShared<T> {}
    // SAFETY: as above.
    unsafe impl<T: ?Sized> Sync for WeakShared<T> {}

    impl<T: ?Sized> WeakShared<T> {
        /// The object, if it is still alive.
        #[inline]
        pub fn upgrade(&self) -> Option<Shared<T>> {
            self.0.upgrade().map(Shared)
        }
        /// Whether the object is still alive.
        #[inline]
        pub fn is_alive(&self) -> bool {
            self.0.strong_count() > 0
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
        /// The state, unless it is borrowed already (the cycle collector
        /// skips an object in use).
        #[inline]
        pub fn try_lock(&self) -> Option<Guard<'_, T>> {
            self.0.try_borrow_mut().ok()
        }
    }

    /// Object locks are the GIL's in this build: nothing to reset in a
    /// forked child.
    pub fn after_fork_child() {}
}

#[cfg(feature = "free-threading")]
mod imp {
    use std::marker::PhantomData;
    use std::ops::Deref;
    use std::ptr::NonNull;
    use std::sync::atomic::{AtomicU32, AtomicUsize, Ordering};

    /// Which process generation holds an object lock: 1 in the first
    /// process, one more in each forked child (see [`after_fork_child`]).
    static FORK_EPOCH: AtomicU32 = AtomicU32::new(1);

    /// In a forked child, before any other thread exists: every object lock
    /// still held belongs to a thread of the parent, which does not exist
    /// here; from now on such a lock counts as free. (CPython's free-threaded
    /// build stops every thread at a safe point before forking; gilpy lets
    /// them run, so an object a parent thread was changing at that instant
    /// keeps whatever state the change had reached.)
    pub fn after_fork_child() {
        FORK_EPOCH.fetch_add(1, Ordering::Relaxed);
    }

    /// A reference-counted pointer to a heap object: `Arc` plus immortal
    /// objects. An immortal object (code, module
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
        /// Weak references, plus one held by all the strong ones together
        /// (as `Arc`): the allocation is freed when this reaches zero.
        weak: AtomicUsize,
        /// Dropped when `count` reaches zero, while weak references may
        /// still point to the allocation.
        value: std::mem::ManuallyDrop<T>,
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
                weak: AtomicUsize::new(1),
                value: std::mem::ManuallyDrop::new(v),
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
        pub fn is_immortal(this: &Self) -> bool {
            this.inner().count.load(Ordering::Relaxed) > IMMORTAL_FROM
        }

        #[inline]
        pub fn ptr_eq(a: &Self, b: &Self) -> bool {
            a.ptr == b.ptr
        }
        #[inline]
        pub fn as_ptr(this: &Self) -> *const u8 {
            &*this.inner().value as *const T as *const u8
        }
        #[inline]
        pub fn strong_count(this: &Self) -> usize {
            this.inner().count.load(Ordering::Relaxed)
        }
        /// A reference that does not keep the object alive.
        pub fn downgrade(this: &Self) -> WeakShared<T> {
            this.inner().weak.fetch_add(1, Ordering::Relaxed);
            WeakShared { ptr: this.ptr }
        }
    }

    /// A weak reference to a heap object (the cycle collector's lists).
    pub struct WeakShared<T> {
        ptr: NonNull<Inner<T>>,
    }

    // SAFETY: as for `Shared`: the counts are atomic and the value is
    // reached only through an upgraded (strong) reference.
    unsafe impl<T: Send + Sync> Send for WeakShared<T> {}
    // SAFETY: as above.
    unsafe impl<T: Send + Sync> Sync for WeakShared<T> {}

    impl<T> WeakShared<T> {
        #[inline]
        fn inner(&self) -> &Inner<T> {
            // SAFETY: the allocation lives while `weak` is above zero, and
            // this reference holds one of those counts.
            unsafe { self.ptr.as_ref() }
        }
        /// The object, if it is still alive.
        pub fn upgrade(&self) -> Option<Shared<T>> {
            let count = &self.inner().count;
            let mut n = count.load(Ordering::Relaxed);
            loop {
                if n == 0 {
                    return None;
                }
                if n >= IMMORTAL_FROM {
                    break;
                }
                // Acquire, as `Arc`'s upgrade: the object's last writes
                // by the thread that made the count non-zero are seen.
                match count.compare_exchange_weak(n, n + 1, Ordering::Acquire, Ordering::Relaxed) {
                    Ok(_) => break,
                    Err(seen) => n = seen,
                }
            }
            Some(Shared {
                ptr: self.ptr,
                _owns: PhantomData,
            })
        }
        /// Whether the object is still alive.
        pub fn is_alive(&self) -> bool {
            self.inner().count.load(Ordering::Relaxed) > 0
        }
    }

    impl<T> Drop for WeakShared<T> {
        fn drop(&mut self) {
            release_weak(self.ptr);
        }
    }

    /// Gives up one weak count; frees the allocation (whose value was
    /// dropped already) with the last.
    fn release_weak<T>(ptr: NonNull<Inner<T>>) {
        // SAFETY: the caller held one weak count, so the allocation lives.
        let weak = unsafe { &ptr.as_ref().weak };
        if weak.fetch_sub(1, Ordering::Release) != 1 {
            return;
        }
        weak.load(Ordering::Acquire);
        // SAFETY: the last count of any kind is gone: no reference to the
        // allocation remains; it was made by `Box::new` in `Shared::new`,
        // and its value (in `ManuallyDrop`) was dropped with the last
        // strong reference, so freeing the box drops nothing more.
        unsafe { drop(Box::from_raw(ptr.as_ptr())) };
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
            // strong reference: no other thread can reach the value (a weak
            // reference cannot upgrade from zero), and it is dropped once.
            unsafe { std::mem::ManuallyDrop::drop(&mut (*self.ptr.as_ptr()).value) };
            // Without weak references (nearly always) no one else can reach
            // the allocation: free it without a second atomic write.
            if self.inner().weak.load(Ordering::Acquire) == 1 {
                // SAFETY: the last strong reference is gone and no weak one
                // exists (none can be made without a strong one); the box
                // came from `Shared::new` and its value was dropped above.
                unsafe { drop(Box::from_raw(self.ptr.as_ptr())) };
            } else {
                release_weak(self.ptr);
            }
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
    /// release, on every list index and every dict lookup). The word is 0
    /// when free, else the fork epoch of the process whose thread holds it,
    /// so that a forked child can take a lock a parent thread held.
    pub struct SpinLock(AtomicU32);

    // SAFETY: `lock` returns only after this thread changed the word from 0,
    // or from an older fork epoch (a holder that does not exist in this
    // process), to this process's epoch with Acquire ordering; a word
    // already holding this epoch is left as it was (the exchange writes the
    // same value) and the lock is not taken. `unlock` (called by the guard
    // of the thread that holds it) sets it back to 0 with Release: at most
    // one live holder at a time, and each sees the previous holder's writes.
    unsafe impl lock_api::RawMutex for SpinLock {
        #[allow(clippy::declare_interior_mutable_const)]
        const INIT: SpinLock = SpinLock(AtomicU32::new(0));
        type GuardMarker = lock_api::GuardSend;

        #[inline]
        fn lock(&self) {
            if !self.try_lock() {
                self.lock_slow();
            }
        }

        #[inline]
        fn try_lock(&self) -> bool {
            let epoch = FORK_EPOCH.load(Ordering::Relaxed);
            let was = self.0.swap(epoch, Ordering::Acquire);
            was != epoch
        }

        /// Callers (the guard) guarantee this thread holds the lock.
        // SAFETY: the trait's contract: only the holder calls `unlock`, so
        // the plain Release store cannot free a lock another thread holds.
        #[inline]
        unsafe fn unlock(&self) {
            self.0.store(0, Ordering::Release);
        }
    }

    impl SpinLock {
        #[cold]
        fn lock_slow(&self) {
            let mut spins = 0u32;
            loop {
                let epoch = FORK_EPOCH.load(Ordering::Relaxed);
                while self.0.load(Ordering::Relaxed) == epoch {
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
        /// The state, unless another holder has it (the cycle collector
        /// skips an object in use).
        #[inline]
        pub fn try_lock(&self) -> Option<Guard<'_, T>> {
            self.0.try_lock()
        }
    }
}

pub use imp::{after_fork_child, Guard, PyCell, Shared, WeakShared};

/// Whether this binary was built without the GIL.
pub const FREE_THREADING: bool = cfg!(feature = "free-threading");

/// A value that is read often and replaced rarely (an instance's class,
/// which `obj.__class__ = C` replaces). A reference read from it stays
/// valid for as long as the cell lives, even after a replacement: every
/// value ever stored is kept (in a chain of nodes) until the cell is
/// dropped. Readers pay one atomic load; a replacement allocates a node.
pub struct Replaceable<T> {
    first: T,
    /// The newest replacement, or null while `first` is current.
    newest: std::sync::atomic::AtomicPtr<ReplacedNode<T>>,
}

struct ReplacedNode<T> {
    value: T,
    /// The replacement this one replaced (null: `first`).
    older: *mut ReplacedNode<T>,
}

impl<T> Replaceable<T> {
    pub const fn new(v: T) -> Self {
        Replaceable {
            first: v,
            newest: std::sync::atomic::AtomicPtr::new(std::ptr::null_mut()),
        }
    }

    #[inline]
    pub fn get(&self) -> &T {
        let p = self.newest.load(std::sync::atomic::Ordering::Acquire);
        if p.is_null() {
            &self.first
        } else {
            // SAFETY: a non-null `newest` points to a node made by `replace`
            // from a `Box` and published with release ordering (so its
            // contents are visible after this acquire load); nodes are never
            // changed after publication and are freed only by `drop`, which
            // takes `&mut self`, so the node outlives the `&self` borrow
            // the returned reference is tied to.
            unsafe { &(*p).value }
        }
    }

    /// Makes `v` the current value; references to earlier ones stay valid.
    pub fn replace(&self, v: T) {
        use std::sync::atomic::Ordering;
        let node = Box::into_raw(Box::new(ReplacedNode {
            value: v,
            older: std::ptr::null_mut(),
        }));
        let mut current = self.newest.load(Ordering::Acquire);
        loop {
            // SAFETY: `node` came from `Box::into_raw` above and is not yet
            // published: this thread is its only user.
            unsafe { (*node).older = current };
            match self.newest.compare_exchange_weak(
                current,
                node,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return,
                Err(now) => current = now,
            }
        }
    }
}

impl<T> Drop for Replaceable<T> {
    fn drop(&mut self) {
        let mut p = *self.newest.get_mut();
        while !p.is_null() {
            // SAFETY: every node in the chain came from `Box::into_raw` in
            // `replace` and is owned by this cell alone; `&mut self` means no
            // reference from `get` is alive, and each node is freed once
            // (the chain is followed from newest to oldest).
            let node = unsafe { Box::from_raw(p) };
            p = node.older;
        }
    }
}

// SAFETY: the cell owns its values (the first inline, the others in nodes it
// alone frees); sending or sharing it sends or shares them, so it is as
// thread-safe as `T` is.
unsafe impl<T: Send> Send for Replaceable<T> {}
// SAFETY: `get` hands out `&T` across threads and `replace` moves a `T` in
// from another thread: both need `T: Send + Sync`.
unsafe impl<T: Send + Sync> Sync for Replaceable<T> {}
