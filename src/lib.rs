//! gilpy: a small Python with a real global interpreter lock.

pub mod fmt;
pub mod syntax;
