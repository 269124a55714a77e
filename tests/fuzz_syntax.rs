//! Robustness of the front end: every truncation and many byte mutations of
//! the project's own test scripts must parse and compile to either a code
//! object or a `SyntaxError` — never a panic. Deterministic (a fixed
//! pseudo-random sequence), no extra crates.

mod progen;

use progen::Rng;
use std::path::Path;

fn seeds() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut v: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/scripts exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).expect("readable"),
            )
        })
        .collect();
    v.sort();
    v
}

/// Runs the front end on `src`; a panic fails the test with the input shown.
fn front_end_survives(src: &str, what: &str) {
    let owned = src.to_string();
    let result = std::panic::catch_unwind(move || {
        let _ = gilpy::compile_source(&owned, "<fuzz>");
    });
    assert!(result.is_ok(), "front end panicked on {}:\n{}", what, src);
}

const INTERESTING: &[&str] = &[
    "(", ")", "[", "]", "{", "}", ":", "\"", "'", "\"\"\"", "\\", "\n", "\t", "    ", "f\"{", "}",
    "=", "*", "**", ",", "lambda", "yield", "def ", "class ", "if ", "else:", "try:", "except",
    "finally:", "with ", "return", "@", "#", "0x", "1e", "€", "\0",
];

#[test]
fn truncations_never_panic() {
    for (name, src) in seeds() {
        let chars: Vec<(usize, char)> = src.char_indices().collect();
        let step = (chars.len() / 300).max(1);
        for &(i, _) in chars.iter().step_by(step) {
            front_end_survives(&src[..i], &format!("{} truncated at byte {}", name, i));
        }
    }
}

#[test]
fn mutations_never_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (name, src) in seeds() {
        for round in 0..150 {
            let mut s = src.clone();
            for _ in 0..1 + rng.below(3) {
                let boundaries: Vec<usize> =
                    s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
                let at = boundaries[rng.below(boundaries.len())];
                match rng.below(3) {
                    0 => s.insert_str(at, INTERESTING[rng.below(INTERESTING.len())]),
                    1 => {
                        let end = boundaries.iter().copied().find(|&b| b > at).unwrap_or(at);
                        s.replace_range(at..end, "");
                    }
                    _ => {
                        let end = boundaries
                            .iter()
                            .copied()
                            .filter(|&b| b > at)
                            .nth(rng.below(20))
                            .unwrap_or(s.len());
                        let chunk = s[at..end].to_string();
                        s.insert_str(at, &chunk);
                    }
                }
            }
            front_end_survives(&s, &format!("{} mutation {}", name, round));
        }
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    for depth in [100, 1000, 10_000] {
        for (open, close) in [("(", ")"), ("[", "]"), ("{", "}")] {
            let src = format!("x = {}1{}\n", open.repeat(depth), close.repeat(depth));
            front_end_survives(&src, &format!("{} nested {}", depth, open));
        }
        let chain = format!("x = {}1\n", "1 + ".repeat(depth));
        front_end_survives(&chain, &format!("{}-term sum", depth));
        let unary = format!("x = {}1\n", "-".repeat(depth));
        front_end_survives(&unary, &format!("{} unary minus", depth));
        let ifs: String = (0..depth.min(200))
            .map(|d| format!("{}if x:\n", " ".repeat(d)))
            .collect::<String>()
            + &" ".repeat(depth.min(200))
            + "pass\n";
        front_end_survives(&ifs, &format!("{} nested ifs", depth.min(200)));
    }
}
