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

/// A bitwise copy of a value whose reference (if any) the caller has already
/// counted: `Value::clone` is then one 16-byte copy for every variant.
#[inline(always)]
pub fn copy_value_bits(v: &super::value::Value) -> super::value::Value {
    // SAFETY: `Value` owns at most one counted pointer. Immediates own nothing,
    // so their copy is a clone; for a heap value the caller has just added one
    // to the count (`count_new_reference`), so the copy owns that reference.
    unsafe { std::ptr::read(v) }
}
