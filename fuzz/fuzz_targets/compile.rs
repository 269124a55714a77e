//! Source text through the lexer, parser and compiler, in every mode
//! `compile()` has: a code object or a `SyntaxError`, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/progen/mod.rs"]
mod progen;

fuzz_target!(|data: &[u8]| {
    let source = String::from_utf8_lossy(data);
    let _ = progen::compile(&source);
});
