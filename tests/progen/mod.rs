//! Small Python programs made from bytes, and an in-process interpreter that
//! runs them with a tick budget: shared by the `run_programs` fuzz target
//! (`fuzz/`), where libFuzzer chooses the bytes, and by the bounded pass in
//! `tests/fuzz_programs.rs`, where a fixed pseudo-random sequence does.
//!
//! Each byte picks the next grammar choice; when the bytes run out every
//! choice is the simplest one, so any input gives a finished program. The
//! programs stay small in memory (values kept in variables are trimmed by
//! `_c`, repetitions use small literal counts) so that a run ends on its
//! budget, not on the machine's memory, and they never touch files,
//! processes, signals or the network.

// Each user of this module uses only part of it.
#![allow(dead_code)]

use std::sync::mpsc::{channel, Sender};
use std::sync::{Mutex, OnceLock};

/// A fixed pseudo-random sequence (xorshift64*) for the bounded passes.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Ticks (backward jumps and call returns) a generated program may spend.
pub const TICKS: u64 = 20_000;

const VARS: &[&str] = &["a", "b", "c", "d", "e"];

const PRELUDE: &str = "\
import math, itertools, functools, collections, operator, string, re, json
import copy, heapq, bisect, fractions, textwrap, gc, weakref, dataclasses, enum
def _c(v):
    if type(v) is int and not -65536 < v < 65536:
        return v % 65521
    if isinstance(v, (str, bytes, bytearray, list, tuple)) and len(v) > 64:
        return v[:64]
    if isinstance(v, dict) and len(v) > 64:
        return dict(list(v.items())[:64])
    if isinstance(v, (set, frozenset)) and len(v) > 64:
        return type(v)(list(v)[:64])
    return v
class _CM:
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        return False
a, b, c, d, e = 1, 's', [1, 2], {'k': 1}, 2.5
";

const INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "2",
    "7",
    "255",
    "-128",
    "2**63",
    "-2**64 + 1",
    "10**30",
    "0x7f",
    "0b101",
    "1_000",
    "True",
    "False",
];
const FLOATS: &[&str] = &[
    "0.0",
    "-0.0",
    "1.5",
    "1e308",
    "5e-324",
    "float('inf')",
    "float('nan')",
    "3.14",
    "-2.5e10",
];
const OTHERS: &[&str] = &[
    "''",
    "'abc'",
    "'héllo'",
    "'\\x00a'",
    "'a b  c'",
    "'{}'",
    "'%s'",
    "'\\u20ac'",
    "'Ab1 '",
    "b''",
    "b'ab'",
    "b'\\xff\\x00'",
    "None",
    "...",
    "1j",
    "(2+3j)",
    "()",
    "[]",
    "{}",
    "set()",
    "range(5)",
    "bytearray(b'xy')",
    "frozenset({1, 2})",
    "'a,b,,c'",
    "'\\n x \\t'",
];
const BINOPS: &[&str] = &[
    "+", "-", "/", "//", "%", "&", "|", "^", "==", "!=", "<", "<=", ">", ">=", "is", "is not",
    "in", "not in", "and", "or", "@",
];
/// Operators whose result can be far larger than their operands: the
/// right operand is always a small literal.
const GROWING: &[&str] = &["*", "**", "<<", ">>"];
const BUILTINS: &[(&str, usize)] = &[
    ("len", 1),
    ("str", 1),
    ("repr", 1),
    ("int", 1),
    ("float", 1),
    ("list", 1),
    ("tuple", 1),
    ("dict", 1),
    ("set", 1),
    ("frozenset", 1),
    ("sorted", 1),
    ("reversed", 1),
    ("min", 2),
    ("max", 1),
    ("sum", 1),
    ("abs", 1),
    ("round", 2),
    ("divmod", 2),
    ("pow", 3),
    ("hash", 1),
    ("bool", 1),
    ("chr", 1),
    ("ord", 1),
    ("hex", 1),
    ("oct", 1),
    ("bin", 1),
    ("format", 2),
    ("isinstance", 2),
    ("iter", 1),
    ("next", 2),
    ("enumerate", 1),
    ("zip", 2),
    ("range", 2),
    ("any", 1),
    ("all", 1),
    ("bytes", 1),
    ("bytearray", 1),
    ("complex", 2),
    ("slice", 3),
    ("type", 1),
    ("ascii", 1),
    ("callable", 1),
    ("getattr", 3),
    ("hasattr", 2),
    ("vars", 1),
    ("dir", 1),
    ("id", 1),
    ("int", 2),
    ("str", 3),
    ("memoryview", 1),
    ("object", 0),
];
const METHODS: &[(&str, usize)] = &[
    ("append", 1),
    ("pop", 0),
    ("pop", 1),
    ("insert", 2),
    ("sort", 0),
    ("reverse", 0),
    ("keys", 0),
    ("items", 0),
    ("values", 0),
    ("get", 2),
    ("split", 1),
    ("join", 1),
    ("upper", 0),
    ("replace", 2),
    ("format", 2),
    ("encode", 1),
    ("decode", 1),
    ("count", 1),
    ("index", 1),
    ("find", 1),
    ("startswith", 1),
    ("add", 1),
    ("discard", 1),
    ("update", 1),
    ("copy", 0),
    ("clear", 0),
    ("extend", 1),
    ("remove", 1),
    ("setdefault", 2),
    ("bit_length", 0),
    ("to_bytes", 2),
    ("hex", 0),
    ("conjugate", 0),
    ("strip", 1),
    ("partition", 1),
    ("center", 1),
    ("zfill", 1),
    ("union", 1),
    ("intersection", 1),
    ("is_integer", 0),
    ("as_integer_ratio", 0),
    ("casefold", 0),
    ("splitlines", 0),
    ("translate", 1),
    ("maketrans", 2),
    ("expandtabs", 1),
    ("rjust", 2),
    ("fromkeys", 1),
    ("__len__", 0),
    ("__iter__", 0),
    ("__reduce_ex__", 1),
    ("__sizeof__", 0),
    ("title", 0),
];
const MODULE_FUNCS: &[(&str, usize)] = &[
    ("math.floor", 1),
    ("math.sqrt", 1),
    ("math.gcd", 2),
    ("math.isclose", 2),
    ("math.fsum", 1),
    ("math.comb", 2),
    ("math.log", 2),
    ("math.atan2", 2),
    ("math.prod", 1),
    ("math.factorial", 1),
    ("json.dumps", 1),
    ("json.loads", 1),
    ("re.findall", 2),
    ("re.sub", 3),
    ("re.split", 2),
    ("re.escape", 1),
    ("copy.deepcopy", 1),
    ("copy.copy", 1),
    ("heapq.heappush", 2),
    ("heapq.nsmallest", 2),
    ("bisect.bisect", 2),
    ("fractions.Fraction", 2),
    ("textwrap.wrap", 2),
    ("itertools.chain", 2),
    ("itertools.permutations", 2),
    ("itertools.accumulate", 1),
    ("functools.reduce", 2),
    ("collections.Counter", 1),
    ("collections.deque", 2),
    ("collections.OrderedDict", 1),
    ("operator.itemgetter", 1),
    ("string.capwords", 1),
    ("gc.collect", 0),
    ("weakref.ref", 1),
    ("exec", 1),
    ("eval", 1),
    ("divmod", 2),
    ("json.dumps", 2),
];
const PATTERNS: &[&str] = &[
    "0",
    "'s'",
    "None",
    "_",
    "[x, *rest]",
    "(1, 2)",
    "{'k': v}",
    "int(n)",
    "str() | bytes()",
    "[]",
    "{**kw}",
    "1 | 2 | 3",
    "[_, _, _]",
    "float(n) if n > 0",
    "x if x",
    "(x, y) as pair",
    "list([x])",
    "True",
];
const EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "ZeroDivisionError",
    "AttributeError",
    "StopIteration",
    "ArithmeticError",
    "LookupError",
    "RuntimeError",
    "OverflowError",
    "NameError",
];
const DUNDERS: &[(&str, &str)] = &[
    ("__repr__", "self"),
    ("__eq__", "self, o"),
    ("__hash__", "self"),
    ("__lt__", "self, o"),
    ("__len__", "self"),
    ("__iter__", "self"),
    ("__getitem__", "self, i"),
    ("__add__", "self, o"),
    ("__radd__", "self, o"),
    ("__bool__", "self"),
    ("__contains__", "self, x"),
    ("__call__", "self, *a"),
    ("__getattr__", "self, name"),
    ("__index__", "self"),
    ("__del__", "self"),
    ("__format__", "self, spec"),
    ("__str__", "self"),
    ("__setitem__", "self, k, v"),
    ("__iadd__", "self, o"),
    ("__neg__", "self"),
    ("__enter__", "self"),
    ("__exit__", "self, *a"),
    ("__missing__", "self, k"),
];
const SPECS: &[&str] = &[
    "", ">8", "^5", ".2f", "x", ",", "+", "08.3", "e", "%", "<3", "b", "!r",
];

/// Makes a program from `data`.
pub fn generate(data: &[u8]) -> String {
    let mut g = Gen {
        data,
        pos: 0,
        out: String::from(PRELUDE),
        indent: 0,
        fresh: 0,
        in_func: false,
        in_loop: false,
        in_comp: 0,
    };
    let mut n = 0;
    while g.pos < data.len() && n < 40 {
        g.line("try:");
        g.indent += 1;
        g.stmt(0);
        g.indent -= 1;
        g.line("except Exception:");
        g.line("    pass");
        n += 1;
    }
    g.out
}

struct Gen<'a> {
    data: &'a [u8],
    pos: usize,
    out: String,
    indent: usize,
    fresh: usize,
    in_func: bool,
    in_loop: bool,
    /// Inside a comprehension, where `:=` is mostly not allowed.
    in_comp: usize,
}

impl Gen<'_> {
    fn byte(&mut self) -> usize {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b as usize
    }
    fn choose(&mut self, n: usize) -> usize {
        self.byte() % n
    }
    fn pick<'s>(&mut self, items: &[&'s str]) -> &'s str {
        items[self.choose(items.len())]
    }
    fn var(&mut self) -> &'static str {
        VARS[self.choose(VARS.len())]
    }
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }
    fn fresh(&mut self, prefix: &str) -> String {
        self.fresh += 1;
        format!("{prefix}{}", self.fresh)
    }

    fn literal(&mut self) -> String {
        match self.choose(3) {
            0 => self.pick(INTS).to_string(),
            1 => self.pick(OTHERS).to_string(),
            _ => self.pick(FLOATS).to_string(),
        }
    }

    fn small(&mut self) -> String {
        (self.choose(7) as i32 - 1).to_string()
    }

    fn args(&mut self, n: usize, depth: usize) -> String {
        (0..n)
            .map(|_| self.expr(depth + 1))
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn expr(&mut self, depth: usize) -> String {
        if depth >= 3 {
            return if self.choose(2) == 0 {
                self.var().to_string()
            } else {
                self.literal()
            };
        }
        match self.choose(20) {
            0 => self.var().to_string(),
            1 => self.literal(),
            2 => {
                let op = self.pick(BINOPS);
                format!("({} {op} {})", self.expr(depth + 1), self.expr(depth + 1))
            }
            3 => {
                let op = self.pick(GROWING);
                format!("({} {op} {})", self.expr(depth + 1), self.small())
            }
            4 => {
                let op = self.pick(&["-", "+", "~", "not "]);
                format!("({op}{})", self.expr(depth + 1))
            }
            5 | 6 => {
                let (f, n) = BUILTINS[self.choose(BUILTINS.len())];
                let n = self.choose(n + 1);
                format!("{f}({})", self.args(n, depth))
            }
            7 => {
                let (m, n) = METHODS[self.choose(METHODS.len())];
                format!("{}.{m}({})", self.primary(depth), self.args(n, depth))
            }
            8 => {
                let (f, n) = MODULE_FUNCS[self.choose(MODULE_FUNCS.len())];
                let args = if f == "exec" || f == "eval" {
                    // Code made at run time: the compiler and eval again.
                    let inner = self.expr(depth + 1);
                    py_quote(&inner)
                } else {
                    self.args(n, depth)
                };
                format!("{f}({args})")
            }
            9 => format!("{}[{}]", self.primary(depth), self.expr(depth + 1)),
            10 => {
                let parts: Vec<String> = (0..3)
                    .map(|_| {
                        if self.choose(2) == 0 {
                            String::new()
                        } else {
                            self.small()
                        }
                    })
                    .collect();
                format!(
                    "{}[{}:{}:{}]",
                    self.primary(depth),
                    parts[0],
                    parts[1],
                    parts[2]
                )
            }
            11 => match self.choose(5) {
                0 => {
                    let n = self.choose(4);
                    format!("[{}]", self.args(n, depth))
                }
                1 => format!("({},)", self.expr(depth + 1)),
                2 => format!("{{{}: {}}}", self.expr(depth + 1), self.expr(depth + 1)),
                3 => format!("{{{}, {}}}", self.expr(depth + 1), self.expr(depth + 1)),
                _ => format!("[*{}, *{}]", self.expr(depth + 1), self.expr(depth + 1)),
            },
            12 => {
                self.in_comp += 1;
                let kind = self.pick(&["[x", "{x", "(x", "{x: x"]);
                let close = match &kind[..1] {
                    "[" => "]",
                    "(" => ")",
                    _ => "}",
                };
                let body = if kind.len() > 2 {
                    kind.to_string()
                } else {
                    format!("{}{}", &kind[..1], self.expr_over_x(depth))
                };
                let text = format!(
                    "{body} for x in {} if {}{close}",
                    self.expr(depth + 1),
                    self.expr_over_x(depth)
                );
                self.in_comp -= 1;
                text
            }
            13 => format!(
                "(lambda x, y={}: {})({})",
                self.expr(depth + 1),
                self.expr_over_x(depth),
                self.expr(depth + 1)
            ),
            14 => format!(
                "({} if {} else {})",
                self.expr(depth + 1),
                self.expr(depth + 1),
                self.expr(depth + 1)
            ),
            15 => {
                // Replacement fields hold no quotes (3.11's f-strings cannot
                // nest them): variables, an index, a conversion, a spec.
                let spec = self.pick(SPECS);
                let (v, w) = (self.var(), self.var());
                if let Some(conv) = spec.strip_prefix('!') {
                    format!(
                        "f'<{{{v}{conv_mark}{conv}}}>{{{w}[0] if {w} else 0}}'",
                        conv_mark = "!"
                    )
                } else {
                    format!("f'{{{v}:{spec}}}|{{{w}!s:>{{{v}}}}}'")
                }
            }
            16 => {
                let fmt = self.pick(&["'%s'", "'%d-%r'", "'%5.2f'", "'%x %o'", "'%(k)s'", "b'%s'"]);
                format!("({fmt} % {})", self.expr(depth + 1))
            }
            17 if self.in_comp == 0 => format!("({} := {})", self.var(), self.expr(depth + 1)),
            18 => {
                self.in_comp += 1;
                let text = format!(
                    "{}(x for x in {})",
                    self.pick(&["sum", "list", "any", "tuple", "sorted", "max"]),
                    self.expr(depth + 1)
                );
                self.in_comp -= 1;
                text
            }
            _ => format!(
                "{}.{}",
                self.primary(depth),
                self.pick(&[
                    "real",
                    "imag",
                    "x",
                    "__class__",
                    "__dict__",
                    "start",
                    "args"
                ])
            ),
        }
    }

    /// An expression in a primary's place (before `.`, `[` or `(`).
    fn primary(&mut self, depth: usize) -> String {
        let e = self.expr(depth + 1);
        if e.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !e.starts_with(|c: char| c.is_ascii_digit())
        {
            e
        } else {
            format!("({e})")
        }
    }

    /// An expression that may use the comprehension's or lambda's `x`.
    fn expr_over_x(&mut self, depth: usize) -> String {
        if self.choose(2) == 0 {
            let op = self.pick(BINOPS);
            format!("(x {op} {})", self.expr(depth + 1))
        } else {
            self.expr(depth + 1)
        }
    }

    fn block(&mut self, depth: usize) {
        self.indent += 1;
        let n = 1 + self.choose(3);
        for _ in 0..n {
            self.stmt(depth + 1);
        }
        self.indent -= 1;
    }

    fn stmt(&mut self, depth: usize) {
        let kinds = if depth >= 3 { 4 } else { 22 };
        match self.choose(kinds) {
            0 => {
                let (v, e) = (self.var(), self.expr(0));
                self.line(&format!("{v} = _c({e})"));
            }
            1 => {
                let v = self.var();
                let op = self.pick(&["+=", "-=", "|=", "&=", "//=", "%=", "^=", "*=", "**="]);
                let e = if op == "*=" || op == "**=" {
                    self.small()
                } else {
                    self.expr(1)
                };
                self.line(&format!("{v} {op} {e}"));
                self.line(&format!("{v} = _c({v})"));
            }
            2 => {
                let (v, k, e) = (self.var(), self.expr(1), self.expr(1));
                match self.choose(3) {
                    0 => self.line(&format!("{v}[{k}] = {e}")),
                    1 => self.line(&format!("del {v}[{k}]")),
                    _ => self.line(&format!("{v}.x = {e}")),
                }
            }
            3 => {
                let e = self.expr(0);
                self.line(&e);
            }
            4 => {
                let e = self.expr(0);
                self.line(&format!("if {e}:"));
                self.block(depth);
                if self.choose(2) == 0 {
                    self.line("else:");
                    self.block(depth);
                }
            }
            5 | 6 => {
                let (v, e) = (self.var(), self.expr(0));
                if self.choose(3) == 0 {
                    self.line(&format!("while {e}:"));
                } else {
                    self.line(&format!("for {v} in {e}:"));
                }
                let outer = std::mem::replace(&mut self.in_loop, true);
                self.block(depth);
                self.in_loop = outer;
            }
            7 => self.function(depth),
            8 => self.class(depth),
            9 => {
                self.line("try:");
                self.block(depth);
                let exc = self.pick(EXCEPTIONS);
                let v = self.var();
                self.line(&format!("except {exc} as {v}:"));
                self.block(depth);
                if self.choose(2) == 0 {
                    self.line("else:");
                    self.block(depth);
                }
                if self.choose(2) == 0 {
                    self.line("finally:");
                    self.block(depth);
                }
            }
            10 => {
                let v = self.var();
                let cm = self.pick(&["_CM()", "contextlib_suppress", "_CM"]);
                let cm = if cm == "contextlib_suppress" {
                    format!(
                        "__import__('contextlib').suppress({})",
                        self.pick(EXCEPTIONS)
                    )
                } else {
                    cm.to_string()
                };
                self.line(&format!("with {cm} as {v}:"));
                self.block(depth);
            }
            11 => {
                let exc = self.pick(EXCEPTIONS);
                let e = self.expr(1);
                match self.choose(3) {
                    0 => self.line(&format!("raise {exc}({e})")),
                    1 => self.line(&format!("raise {e}")),
                    _ => {
                        let cause = self.expr(1);
                        self.line(&format!("raise {exc}({e}) from {cause}"));
                    }
                }
            }
            12 => {
                let (e, m) = (self.expr(0), self.expr(1));
                self.line(&format!("assert {e}, {m}"));
            }
            13 => {
                let e = self.expr(0);
                self.line(&format!("match {e}:"));
                self.indent += 1;
                let cases = 1 + self.choose(3);
                for i in 0..cases {
                    let mut p = self.pick(PATTERNS);
                    if p == "_" && i + 1 < cases {
                        // Only the last case may match everything.
                        p = "0";
                    }
                    self.line(&format!("case {p}:"));
                    self.block(depth);
                }
                self.indent -= 1;
            }
            14 => {
                let v = self.var();
                self.line(&format!("del {v}"));
            }
            15 if self.in_loop => {
                let word = self.pick(&["break", "continue"]);
                self.line(word);
            }
            16 if self.in_func => {
                let e = self.expr(0);
                let word = self.pick(&["return", "yield", "yield from"]);
                self.line(&format!("{word} {e}"));
            }
            17 => self.generator(depth),
            18 => {
                let v = self.var();
                let e = self.expr(0);
                let src = py_quote(&format!("{v} = {e}"));
                self.line(&format!("exec({src})"));
            }
            19 => {
                let (v, x) = (self.var(), self.var());
                self.line(&format!("{v}.append({x})"));
                if self.choose(2) == 0 {
                    self.line("gc.collect()");
                }
            }
            20 => {
                let (v, e, f) = (self.var(), self.expr(1), self.expr(1));
                self.line(&format!("{v}, *{v}_rest = {e}, {f}"));
            }
            _ => {
                let (v, e) = (self.var(), self.expr(0));
                self.line(&format!("{v} = {e}"));
            }
        }
    }

    fn function(&mut self, depth: usize) {
        let name = self.fresh("f");
        let default = self.expr(1);
        let is_async = self.choose(5) == 0;
        let kw = if is_async { "async def" } else { "def" };
        self.line(&format!("{kw} {name}(p, q={default}, *args, **kw):"));
        let (outer_f, outer_l) = (self.in_func, self.in_loop);
        self.in_func = !is_async;
        self.in_loop = false;
        self.indent += 1;
        if self.choose(3) == 0 {
            let v = self.var();
            self.line(&format!("global {v}"));
        }
        if is_async {
            self.line("await __import__('asyncio').sleep(0)");
        }
        self.indent -= 1;
        self.block(depth);
        self.indent += 1;
        let r = self.expr(0);
        self.line(&format!("return {r}"));
        self.indent -= 1;
        self.in_func = outer_f;
        self.in_loop = outer_l;
        let (v, x, y) = (self.var(), self.expr(1), self.expr(1));
        if is_async {
            self.line(&format!(
                "{v} = _c(__import__('asyncio').run({name}({x}, {y})))"
            ));
        } else {
            self.line(&format!("{v} = _c({name}({x}, {y}))"));
        }
    }

    fn generator(&mut self, depth: usize) {
        let name = self.fresh("g");
        self.line(&format!("def {name}(p):"));
        let (outer_f, outer_l) = (self.in_func, self.in_loop);
        self.in_func = true;
        self.in_loop = false;
        self.indent += 1;
        let y = self.expr(0);
        self.line(&format!("yield {y}"));
        self.indent -= 1;
        self.block(depth);
        self.in_func = outer_f;
        self.in_loop = outer_l;
        let (v, x) = (self.var(), self.expr(1));
        match self.choose(3) {
            0 => self.line(&format!("{v} = _c(list({name}({x})))")),
            1 => {
                self.line(&format!("{v} = {name}({x})"));
                self.line(&format!("next({v}); {v}.send({x})"));
            }
            _ => {
                self.line(&format!("{v} = {name}({x})"));
                let exc = self.pick(EXCEPTIONS);
                self.line(&format!("next({v}); {v}.throw({exc})"));
            }
        }
    }

    fn class(&mut self, depth: usize) {
        let name = self.fresh("K");
        let base = self.pick(&[
            "",
            "(list)",
            "(dict)",
            "(int)",
            "(Exception)",
            "(str)",
            "(_CM)",
        ]);
        let deco = self.choose(4) == 0;
        if deco {
            self.line("@dataclasses.dataclass");
        }
        self.line(&format!("class {name}{base}:"));
        self.indent += 1;
        if deco {
            self.line("x: int = 0");
        }
        let attr = self.expr(1);
        self.line(&format!("attr = {attr}"));
        if self.choose(3) == 0 {
            self.line("__slots__ = ('x', 'y')");
        }
        let (outer_f, outer_l) = (self.in_func, self.in_loop);
        self.in_func = true;
        self.in_loop = false;
        for _ in 0..self.choose(4) {
            let (method, params) = DUNDERS[self.choose(DUNDERS.len())];
            self.line(&format!("def {method}({params}):"));
            self.block(depth);
            self.indent += 1;
            let r = self.expr(1);
            self.line(&format!("return {r}"));
            self.indent -= 1;
        }
        self.in_func = outer_f;
        self.in_loop = outer_l;
        self.indent -= 1;
        let (v, x) = (self.var(), self.expr(1));
        self.line(&format!("{v} = {name}({x})"));
    }
}

/// `text` as a Python string literal.
fn py_quote(text: &str) -> String {
    let mut q = String::from("'");
    for ch in text.chars() {
        match ch {
            '\\' => q.push_str("\\\\"),
            '\'' => q.push_str("\\'"),
            '\n' => q.push_str("\\n"),
            c => q.push(c),
        }
    }
    q.push('\'');
    q
}

/// How a program run in-process ended.
#[derive(Debug, PartialEq, Eq)]
pub enum Ending {
    SyntaxError,
    Finished,
    /// An exception escaped (its class name); `SystemExit` when the
    /// budget ran out.
    Raised(String),
}

struct Job {
    source: String,
    /// `None`: compile only, in every mode `compile()` has.
    ticks: Option<u64>,
    reply: Sender<Ending>,
}

/// Runs `source` as a module in this process's interpreter (made on first
/// use, on its own thread with a large stack, as gilpy's main thread), with
/// `ticks` to spend. A panic in the interpreter panics here (or, under
/// libFuzzer, aborts: its panic hook counts it as a crash).
pub fn run(source: &str, ticks: u64) -> Ending {
    submit(source, Some(ticks))
}

/// Compiles `source` as a module, and as `compile()` does in its `exec`,
/// `eval` and `single` modes, on the interpreter's thread: `Finished` if
/// the module compiled.
pub fn compile(source: &str) -> Ending {
    submit(source, None)
}

fn submit(source: &str, ticks: Option<u64>) -> Ending {
    static WORKER: OnceLock<Mutex<Sender<Job>>> = OnceLock::new();
    let worker = WORKER.get_or_init(|| {
        let (tx, rx) = channel::<Job>();
        std::thread::Builder::new()
            .name("fuzz-interpreter".into())
            .stack_size(gilpy::vm::THREAD_STACK_SIZE)
            .spawn(move || {
                let mut vm = gilpy::new_interpreter(gilpy::vm::Options::default());
                vm.interp.gil.acquire();
                for job in rx {
                    let ending = match job.ticks {
                        Some(ticks) => run_in(&mut vm, &job.source, ticks),
                        None => compile_in(&job.source),
                    };
                    let _ = job.reply.send(ending);
                }
            })
            .expect("the interpreter thread starts");
        Mutex::new(tx)
    });
    let (reply, answer) = channel();
    let job = Job {
        source: source.to_string(),
        ticks,
        reply,
    };
    worker
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .send(job)
        .expect("the interpreter thread is alive");
    answer
        .recv()
        .unwrap_or_else(|_| panic!("the interpreter failed on:\n{source}"))
}

fn compile_in(source: &str) -> Ending {
    use gilpy::vm::host::CompileMode;
    for mode in [CompileMode::Exec, CompileMode::Eval, CompileMode::Single] {
        let _ = gilpy::compile_mode(source, "<fuzz>", mode);
    }
    match gilpy::compile_source(source, "<fuzz>") {
        Ok(_) => Ending::Finished,
        Err(_) => Ending::SyntaxError,
    }
}

fn run_in(vm: &mut gilpy::vm::Vm, source: &str, ticks: u64) -> Ending {
    let code = match gilpy::compile_source(source, "<fuzz>") {
        Ok(c) => c,
        Err(_) => return Ending::SyntaxError,
    };
    if ticks > 0 {
        gilpy::vm::breaker::set_budget(ticks);
    }
    let result = vm.run_transient_program(&code, "__fuzz__");
    vm.run_finalizers();
    gilpy::vm::breaker::clear_budget();
    vm.exc_stack.clear();
    match result {
        Ok(_) => Ending::Finished,
        Err(e) => {
            let exc = e.into_value();
            Ending::Raised(vm.type_name(&exc))
        }
    }
}
