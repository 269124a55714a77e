//! gilpy: a small Python with a real global interpreter lock.

pub mod compiler;
pub mod syntax;
