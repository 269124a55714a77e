//! The bounded pass of the `run_programs` fuzz target (`fuzz/`): a few
//! thousand generated programs (`tests/progen`) run in-process with a tick
//! budget. Each must end (finished, an exception, or the budget spent) with
//! no panic and no hang. Deterministic: a fixed pseudo-random sequence
//! chooses the bytes.

mod progen;

use progen::{Ending, Rng};

fn cases() -> usize {
    std::env::var("GILPY_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3000)
}

#[test]
fn generated_programs_end_cleanly() {
    let mut rng = Rng(0x5DEE_CE66_D1CE_4E5B);
    let (mut finished, mut raised, mut budget) = (0, 0, 0);
    for case in 0..cases() {
        let len = 16 + (rng.next() % 240) as usize;
        let data: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        let source = progen::generate(&data);
        match progen::run(&source, progen::TICKS) {
            Ending::SyntaxError => {
                panic!("case {case}: the generator made a syntax error:\n{source}")
            }
            Ending::Finished => finished += 1,
            Ending::Raised(name) if name == "SystemExit" => budget += 1,
            Ending::Raised(_) => raised += 1,
        }
    }
    eprintln!("{finished} finished, {raised} raised, {budget} spent the budget");
    // Most programs must get somewhere: a generator whose every program
    // fails at once would test nothing.
    assert!(
        finished > cases() / 2,
        "only {finished} of {} finished",
        cases()
    );
}

#[test]
fn the_budget_stops_an_endless_loop() {
    let source = "while True:\n    try:\n        pass\n    except BaseException:\n        pass\n";
    assert_eq!(
        progen::run(source, 1000),
        Ending::Raised("SystemExit".into())
    );
    // The interpreter is usable after: the budget is gone.
    assert_eq!(progen::run("x = sum(range(10_000))\n", 0), Ending::Finished);
}
