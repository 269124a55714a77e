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
    use parking_lot::{Mutex, MutexGuard};
    use std::ops::Deref;
    use std::sync::Arc;

    /// A reference-counted pointer to a heap object (atomic count).
    pub struct Shared<T: ?Sized>(Arc<T>);

    impl<T> Shared<T> {
        #[inline]
        pub fn new(v: T) -> Self {
            Shared(Arc::new(v))
        }
    }

    impl<T: ?Sized> Shared<T> {
        #[inline]
        pub fn ptr_eq(a: &Self, b: &Self) -> bool {
            Arc::ptr_eq(&a.0, &b.0)
        }
        #[inline]
        pub fn as_ptr(this: &Self) -> *const u8 {
            Arc::as_ptr(&this.0) as *const u8
        }
        #[inline]
        pub fn strong_count(this: &Self) -> usize {
            Arc::strong_count(&this.0)
        }
    }

    impl<T: ?Sized> Clone for Shared<T> {
        #[inline]
        fn clone(&self) -> Self {
            Shared(Arc::clone(&self.0))
        }
    }

    impl<T: ?Sized> Deref for Shared<T> {
        type Target = T;
        #[inline]
        fn deref(&self) -> &T {
            &self.0
        }
    }

    /// A per-object lock around an object's mutable state.
    pub struct PyCell<T>(Mutex<T>);

    pub type Guard<'a, T> = MutexGuard<'a, T>;

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
