//! Generated small programs (`tests/progen`) run in-process with a tick
//! budget: each ends (finished, an exception, the budget spent) with no
//! panic, no crash and no hang. A program the generator made that gilpy
//! calls a syntax error is a finding too: it is valid Python.

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/progen/mod.rs"]
mod progen;

fuzz_target!(|data: &[u8]| {
    let source = progen::generate(data);
    if progen::run(&source, progen::TICKS) == progen::Ending::SyntaxError {
        panic!("gilpy rejected a generated program:\n{source}");
    }
});
