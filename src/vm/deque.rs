//! The state of a `collections.deque` (its methods are in
//! `stdlib/collections_native.rs`): here because the collector reads and
//! clears it, as it does the other containers.

use super::sync::PyCell;
use super::value::Value;
use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Deque {
    pub items: PyCell<VecDeque<Value>>,
    /// `None`: unbounded.
    pub maxlen: PyCell<Option<usize>>,
    /// Bumped by every change of the items, so that an iterator can tell
    /// "deque mutated during iteration".
    pub state: AtomicUsize,
}

impl Deque {
    pub fn new(items: VecDeque<Value>, maxlen: Option<usize>) -> Deque {
        Deque {
            items: PyCell::new(items),
            maxlen: PyCell::new(maxlen),
            state: AtomicUsize::new(0),
        }
    }

    pub fn changed(&self) {
        self.state.fetch_add(1, Ordering::Relaxed);
    }

    pub fn state(&self) -> usize {
        self.state.load(Ordering::Relaxed)
    }
}
