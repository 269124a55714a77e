//! Whatever the input, parsing returns: no panic, no hang, no stack
//! overflow.

use std::panic::catch_unwind;

use super::err;
use crate::syntax::{parse_expression, parse_module};

/// Representative programs; every prefix and many mutations of them are
/// parsed.
const SNIPPETS: &[&str] = &[
    "import os.path as p\nfrom m import (a, b as c)\n\n@dec(1)\nclass A(B, metaclass=M):\n    \"\"\"Doc.\"\"\"\n    x: int = 3\n    def f(self, a, /, b=2, *args, c, d=4, **kw) -> None:\n        global g\n        return [i * 2 for i in args if i if not i]\n",
    "def gen(n):\n    try:\n        while n > 0:\n            x = yield n\n            n -= 1\n        else:\n            yield from range(3)\n    except (ValueError, TypeError) as e:\n        raise RuntimeError('bad') from e\n    except:\n        pass\n    finally:\n        del n\n",
    "s = f\"{a!r:>{w}} {b=} {{lit}} {d['k']:.2f}\" 'tail' \\\n    r'\\x00' if x else '''tri\nple'''\nt = {**m, 'k': (1, 2.5e-3, 0x_FF, 0o7, 0b1, ...)}\n",
    "with open(p) as f, (yield) as g:\n    for i, (j, *k) in enumerate(f):\n        if i < j <= k is not None and not i in k: continue\n        elif i: break\n        lst[1:2, ::3] = lambda a, *, b=1: a ** -b // 2 @ m\n",
    "def f(): return x\nx = 1; y = 2;\nif x:\n\tpass\nwith (a as b, c as d):\n    nonlocal q\nassert x, 'm'\nz = (w := 3)\n",
];

/// A small deterministic generator (xorshift), so no extra crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Parses `src` both as a module and as an expression, failing the test
/// on a panic.
fn parse_without_panic(src: &str) {
    let owned = src.to_string();
    let result = catch_unwind(move || {
        let _ = parse_module(&owned, "<fuzz>");
        let _ = parse_expression(&owned, "<fuzz>");
    });
    assert!(result.is_ok(), "parser panicked on {src:?}");
}

#[test]
fn snippets_parse() {
    for s in SNIPPETS {
        if let Err(e) = parse_module(s, "<snippet>") {
            panic!("{s}\n{e}");
        }
    }
}

#[test]
fn every_prefix_returns() {
    for s in SNIPPETS {
        for end in (0..=s.len()).filter(|&i| s.is_char_boundary(i)) {
            parse_without_panic(&s[..end]);
        }
    }
}

#[test]
fn byte_mutations_return() {
    // Bytes likely to matter to the lexer and parser, plus some random ones.
    let interesting: &[u8] = b"()[]{}'\"\\\n\r\t #:=,.*f{}!0123456789abrxj_@;-+<>";
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for s in SNIPPETS {
        for _ in 0..400 {
            let mut bytes = s.as_bytes().to_vec();
            let edits = 1 + rng.next() % 3;
            for _ in 0..edits {
                let pos = (rng.next() % bytes.len() as u64) as usize;
                let r = rng.next();
                let byte = if r.is_multiple_of(4) {
                    (r >> 8) as u8
                } else {
                    interesting[(r >> 8) as usize % interesting.len()]
                };
                match r % 3 {
                    0 => bytes[pos] = byte,
                    1 => bytes.insert(pos, byte),
                    _ => {
                        bytes.remove(pos);
                    }
                }
                if bytes.is_empty() {
                    bytes.push(b'x');
                }
            }
            // The parser takes text: invalid UTF-8 is replaced, as a file
            // reader would have to.
            let text = String::from_utf8_lossy(&bytes);
            parse_without_panic(&text);
        }
    }
}

#[test]
fn random_token_soup_returns() {
    let words = [
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "=", "if", "else", "for", "in", "lambda",
        "def", "class", "yield", "from", "*", "**", "x", "1", "'s'", "f'{x}'", "\n", "\n    ",
        "\n  ", "not", "is", "and", "with", "as", "try", "except", "@", ":=", "return", "del",
        "import", "-", "+", "...", "async", "await", "\\\n",
    ];
    let mut rng = Rng(12345);
    for _ in 0..2000 {
        let n = 1 + rng.next() % 30;
        let src: String = (0..n)
            .map(|_| words[(rng.next() % words.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ");
        parse_without_panic(&src);
    }
}

#[test]
fn deep_brackets_are_rejected() {
    for open in ["(", "[", "{"] {
        let src = open.repeat(10_000);
        let (_, msg, _) = err(&src);
        assert_eq!(msg, "too many nested parentheses");
    }
    // 150 levels are fine.
    let src = format!("x = {}1{}\n", "(".repeat(150), ")".repeat(150));
    assert!(parse_module(&src, "<t>").is_ok());
    let src = format!("x = {}1{}\n", "[".repeat(150), "]".repeat(150));
    assert!(parse_module(&src, "<t>").is_ok());
}

#[test]
fn deep_expressions_are_rejected() {
    let cases = [
        format!("x = {}1\n", "1 + ".repeat(10_000)),
        format!("x = {}1\n", "-".repeat(10_000)),
        format!("x = {}1\n", "not ".repeat(10_000)),
        format!("x = {}1\n", "lambda: ".repeat(10_000)),
        format!("x = {}1\n", "2 ** ".repeat(10_000)),
        format!("x = a{}\n", ".b".repeat(10_000)),
        format!("x = f{}\n", "()".repeat(10_000)),
        format!("x = a{}\n", "[0]".repeat(10_000)),
        format!("x = {}0\n", "1 if 1 else ".repeat(10_000)),
        // Brackets under the limit, each holding a long chain.
        format!(
            "x = {}1{}\n",
            "(".repeat(150),
            ") + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 1".repeat(150)
        ),
        format!(
            "if x: pass\n{}else: pass\n",
            "elif x: pass\n".repeat(10_000)
        ),
    ];
    for src in &cases {
        let e = parse_module(src, "<deep>").expect_err(&src[..40]);
        assert!(
            e.msg == "expression too deeply nested"
                || e.msg == "too many nested blocks and expressions",
            "{}",
            e.msg
        );
    }
    // But long flat constructs are fine.
    let flat = format!(
        "x = [{}]\ny = a {}\n",
        "1, ".repeat(20_000),
        "or b ".repeat(5_000)
    );
    assert!(parse_module(&flat, "<flat>").is_ok());
    let chain = format!("x = {}1\n", "1 + ".repeat(500));
    assert!(parse_module(&chain, "<chain>").is_ok());
}

#[test]
fn deep_fstring_nesting_is_rejected() {
    let src = "f'''{f\"\"\"{f'{f\"{x}\"}'}\"\"\"}'''";
    assert!(parse_module(src, "<t>").is_ok());
    assert!(parse_module("f'{x:{y:{z}}}'", "<t>").is_err());
}

#[test]
fn trees_just_under_the_depth_limit_are_accepted() {
    // Statement + assignment + the chain: the chain itself may be about
    // MAX_AST_DEPTH - 3 deep. This runs on a test thread's small stack,
    // building and dropping the tree.
    let n = crate::syntax::MAX_AST_DEPTH as usize - 3;
    let cases = [
        format!("x = {}1\n", "1 + ".repeat(n)),
        format!("x = {}1\n", "-".repeat(n)),
        format!("x = {}1\n", "lambda: ".repeat(n)),
        format!("x = a{}\n", ".b".repeat(n)),
        format!("if x: pass\n{}", "elif x: pass\n".repeat(n)),
    ];
    for src in &cases {
        if let Err(e) = parse_module(src, "<deep>") {
            panic!("{}...: {e}", &src[..30]);
        }
    }
    let too_deep = format!("x = {}1\n", "1 + ".repeat(n + 5));
    assert!(parse_module(&too_deep, "<deep>").is_err());
}
