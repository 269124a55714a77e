//! Frames: one activation of a code object.

use super::object::{CellRef, Code};
use super::sync::Shared;
use super::value::{PyDict, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// `SetupFinally` / `SetupWith`: where to go when an exception escapes.
    Handler,
    /// Inside an except handler: leaving it restores the previous exception.
    ExceptHandler,
}

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub kind: BlockKind,
    pub handler: u32,
    /// Value stack depth to cut back to.
    pub level: u32,
}

pub struct Frame {
    pub code: Shared<Code>,
    pub pc: usize,
    /// The local slots (`Value::Null` when unbound) at `base..base+nlocals`,
    /// then the value stack. A plain function call runs in its caller's
    /// buffer: the arguments the caller pushed become the callee's first
    /// locals where they lie, and `base` is where they start.
    pub stack: Vec<Value>,
    pub base: usize,
    /// Set when the last run of this frame ended in a `yield`.
    pub yielded: bool,
    /// Cellvars, then freevars.
    pub cells: Vec<CellRef>,
    pub blocks: Vec<Block>,
    pub globals: Shared<PyDict>,
    /// The namespace of a class body (`LoadName`/`StoreName`).
    pub locals: Option<Shared<PyDict>>,
    /// A class body's namespace when the metaclass's `__prepare__` gave a
    /// dict subclass: names are stored and read through its methods.
    pub locals_mapping: Option<super::value::Value>,
}

impl Frame {
    pub fn line(&self) -> u32 {
        self.code.co.line_at(self.pc.saturating_sub(1))
    }
}
