//! The engine behind the `re` module: CPython 3.11's pattern syntax, error
//! messages and matching rules (a backtracking, leftmost-first matcher like
//! `sre`), over a haystack of code points. It knows nothing of the
//! interpreter: the Python glue hands it code points and gets spans back.
//!
//! Stages: `parse` (pattern text -> syntax tree, with CPython's errors),
//! `compile` (tree -> instructions, flags resolved), `exec` (a backtracking
//! machine with an explicit stack), `template` (replacement strings).
//!
//! Where it differs from CPython: `\N{...}` is refused (a clear `re.error`;
//! names no character can have get CPython's own message), the warnings
//! CPython gives for some patterns (FutureWarning "Possible nested set",
//! DeprecationWarning for odd group names) are not produced, `re.DEBUG`
//! prints nothing, group names are checked with Rust's alphabetic and
//! alphanumeric properties in place of XID_Start/XID_Continue, and LOCALE
//! (bytes only, as in CPython) means the C locale, i.e. ASCII rules.

mod charset;
mod compile;
mod exec;
mod parse;
mod source;
pub mod template;
mod unicode_tables;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_exec;

pub use template::Template;

use std::fmt;

/// Flag bits, with CPython's values.
pub mod flags {
    pub const TEMPLATE: u32 = 1;
    pub const IGNORECASE: u32 = 2;
    pub const LOCALE: u32 = 4;
    pub const MULTILINE: u32 = 8;
    pub const DOTALL: u32 = 16;
    pub const UNICODE: u32 = 32;
    pub const VERBOSE: u32 = 64;
    pub const DEBUG: u32 = 128;
    pub const ASCII: u32 = 256;
}

/// `sre`'s largest repeat count; also "no upper bound".
pub const MAXREPEAT: u64 = 4_294_967_295;
/// `sre`'s largest group count.
pub const MAXGROUPS: u64 = 1_073_741_823;

/// Which Python exception a bad pattern or template raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// `re.error`
    Re,
    /// `ValueError` (incompatible flags)
    Value,
    /// `OverflowError` (a repeat count too large)
    Overflow,
    /// `IndexError` (unknown group name in a template)
    Index,
    /// `RecursionError` (groups nested too deeply)
    Recursion,
}

/// A bad pattern or replacement template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    /// The message without the position, as `re.error.msg`.
    pub msg: String,
    /// Position in the pattern (or template), in code points, as `re.error.pos`.
    pub pos: Option<usize>,
}

impl Error {
    pub(crate) fn re(msg: impl Into<String>, pos: usize) -> Error {
        Error {
            kind: ErrorKind::Re,
            msg: msg.into(),
            pos: Some(pos),
        }
    }
    pub(crate) fn re_nopos(msg: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::Re,
            msg: msg.into(),
            pos: None,
        }
    }
    pub(crate) fn other(kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error {
            kind,
            msg: msg.into(),
            pos: None,
        }
    }

    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    /// `(lineno, colno)` of the position within `pattern`, as `re.error` has them.
    pub fn line_col(&self, pattern: &[u32]) -> Option<(usize, usize)> {
        let pos = self.pos?.min(pattern.len());
        let before = &pattern[..pos];
        let line = before.iter().filter(|&&c| c == 0x0a).count() + 1;
        let col = match before.iter().rposition(|&c| c == 0x0a) {
            Some(nl) => pos - nl,
            None => pos + 1,
        };
        Some((line, col))
    }

    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    /// The full text of `str(exc)`: the message, the position, and the line
    /// and column when the pattern has more than one line.
    pub fn message(&self, pattern: &[u32]) -> String {
        let Some(pos) = self.pos else {
            return self.msg.clone();
        };
        let mut s = format!("{} at position {}", self.msg, pos);
        if pattern.contains(&0x0a) {
            if let Some((line, col)) = self.line_col(pattern) {
                s.push_str(&format!(" (line {}, column {})", line, col));
            }
        }
        s
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{} at position {}", self.msg, p),
            None => f.write_str(&self.msg),
        }
    }
}

/// Text to match against: a sequence of code points.
pub trait Haystack {
    fn len(&self) -> usize;
    fn at(&self, i: usize) -> u32;
    #[allow(dead_code)] // pairs with len()
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// The text as bytes, when it is stored one byte per character (lets
    /// the inner loops run over a plain slice).
    #[inline(always)]
    fn as_bytes(&self) -> Option<&[u8]> {
        None
    }
    /// First index in `from..to` holding `c`.
    fn find_char(&self, c: u32, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&i| self.at(i) == c)
    }
}

impl Haystack for [u8] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u8]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i] as u32
    }
    #[inline(always)]
    fn as_bytes(&self) -> Option<&[u8]> {
        Some(self)
    }
    fn find_char(&self, c: u32, from: usize, to: usize) -> Option<usize> {
        if c > 0xff || from >= to {
            return None;
        }
        find_in(c as u8, &self[from..to]).map(|i| i + from)
    }
}

impl Haystack for [u32] {
    #[inline(always)]
    fn len(&self) -> usize {
        <[u32]>::len(self)
    }
    #[inline(always)]
    fn at(&self, i: usize) -> u32 {
        self[i]
    }
    fn find_char(&self, c: u32, from: usize, to: usize) -> Option<usize> {
        if from >= to {
            return None;
        }
        self[from..to]
            .iter()
            .position(|&x| x == c)
            .map(|i| i + from)
    }
}

/// Index of the first `c` in `hay`. Whole blocks are tested without an
/// early exit first, which the compiler can turn into vector compares.
fn find_in<T: Copy + PartialEq>(c: T, hay: &[T]) -> Option<usize> {
    const BLOCK: usize = 32;
    let mut blocks = hay.chunks_exact(BLOCK);
    let mut base = 0;
    for block in &mut blocks {
        if block.iter().fold(false, |seen, &x| seen | (x == c)) {
            return block.iter().position(|&x| x == c).map(|i| i + base);
        }
        base += BLOCK;
    }
    blocks
        .remainder()
        .iter()
        .position(|&x| x == c)
        .map(|i| i + base)
}

/// Where a match must lie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Anchored at `pos` (`Pattern.match`).
    Match,
    /// Anchored at `pos` and ending at `endpos` (`Pattern.fullmatch`).
    FullMatch,
    /// The leftmost match at or after `pos` (`Pattern.search`).
    Search,
}

/// One match: slot 0 is the whole match, slot `g` group `g` (`None` when the
/// group did not take part).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Captures {
    pub slots: Vec<Option<(usize, usize)>>,
    /// `Match.lastindex`: the last group closed on the way to the match.
    pub lastindex: Option<usize>,
    /// A group ended before it started (`sre` can leave such marks behind).
    /// CPython raises `SystemError("The span of capturing group is wrong,
    /// please report a bug for the re module.")` when it makes a Match
    /// object or reads the groups (findall, split, sub with group
    /// references), not for sub with a literal replacement. Such a group
    /// reads as `None` here.
    pub bad_span: bool,
}

impl Captures {
    pub fn start(&self) -> usize {
        self.slots[0].map_or(0, |s| s.0)
    }
    pub fn end(&self) -> usize {
        self.slots[0].map_or(0, |s| s.1)
    }
    pub fn get(&self, g: usize) -> Option<(usize, usize)> {
        self.slots.get(g).copied().flatten()
    }
}

/// A compiled pattern: immutable, shared by threads.
pub struct Regex {
    prog: compile::Program,
    flags: u32,
    groups: usize,
    names: Vec<(String, usize)>,
    is_bytes: bool,
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Regex")
            .field("flags", &self.flags)
            .field("groups", &self.groups)
            .finish()
    }
}

impl Regex {
    /// Compiles `pattern` (code points; bytes patterns as Latin-1) as
    /// `re.compile(pattern, flags)` does.
    pub fn new(pattern: &[u32], flags: u32, is_bytes: bool) -> Result<Regex, Error> {
        let parsed = parse::parse(pattern, flags, !is_bytes)?;
        let prog = compile::compile(&parsed)?;
        Ok(Regex {
            prog,
            flags: flags | parsed.flags,
            groups: parsed.groups,
            names: parsed.names,
            is_bytes,
        })
    }

    /// Number of capturing groups (`Pattern.groups`).
    pub fn groups(&self) -> usize {
        self.groups
    }

    /// `Pattern.groupindex`, in the order the groups were defined.
    pub fn group_names(&self) -> &[(String, usize)] {
        &self.names
    }

    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    /// Index of the group called `name`.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|&(_, g)| g)
    }

    /// `Pattern.flags`: the given flags, inline global flags, and UNICODE
    /// for a str pattern without ASCII.
    pub fn flags(&self) -> u32 {
        self.flags
    }

    pub fn is_bytes(&self) -> bool {
        self.is_bytes
    }

    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    /// One match in `text[..endpos]`, starting the search at `pos`.
    pub fn exec<H: Haystack + ?Sized>(
        &self,
        text: &H,
        pos: usize,
        endpos: usize,
        mode: Mode,
    ) -> Option<Vec<Option<(usize, usize)>>> {
        self.exec_captures(text, pos, endpos, mode).map(|c| c.slots)
    }

    /// As `exec`, with `lastindex`.
    pub fn exec_captures<H: Haystack + ?Sized>(
        &self,
        text: &H,
        pos: usize,
        endpos: usize,
        mode: Mode,
    ) -> Option<Captures> {
        let len = text.len();
        let mut out = Captures::default();
        let req = exec::Request {
            start: pos.min(len),
            end: endpos.min(len),
            mode,
            must_advance: false,
        };
        exec::exec(&self.prog, text, req, &mut out).then_some(out)
    }

    /// One step of a scan (`finditer`, `sub`): the leftmost match in
    /// `text[pos..endpos]`; with `must_advance`, an empty match at `pos`
    /// does not count (the previous match was empty there).
    pub fn search_step<H: Haystack + ?Sized>(
        &self,
        text: &H,
        pos: usize,
        endpos: usize,
        must_advance: bool,
        out: &mut Captures,
    ) -> bool {
        let len = text.len();
        let req = exec::Request {
            start: pos.min(len),
            end: endpos.min(len),
            mode: Mode::Search,
            must_advance,
        };
        exec::exec(&self.prog, text, req, out)
    }

    /// Successive non-overlapping matches, as `finditer` and `findall` see
    /// them: after an empty match the next one may not be empty at the same
    /// place, but may start there.
    pub fn find_iter<'a, H: Haystack + ?Sized>(
        &'a self,
        text: &'a H,
        pos: usize,
        endpos: usize,
    ) -> Matches<'a, H> {
        let len = text.len();
        Matches {
            re: self,
            text,
            pos: pos.min(len),
            end: endpos.min(len),
            must_advance: false,
            done: false,
        }
    }

    /// `Pattern.split`: the pieces of `text` between matches, each followed
    /// by the spans of the groups of the match after it (`None` for a group
    /// that did not take part). `maxsplit` 0 means no limit.
    pub fn split<H: Haystack + ?Sized>(
        &self,
        text: &H,
        maxsplit: usize,
    ) -> Vec<Option<(usize, usize)>> {
        let mut out = Vec::new();
        let mut last = 0;
        let mut it = self.find_iter(text, 0, text.len());
        let mut m = Captures::default();
        let mut n = 0;
        while (maxsplit == 0 || n < maxsplit) && it.next_into(&mut m) {
            out.push(Some((last, m.start())));
            out.extend_from_slice(&m.slots[1..]);
            last = m.end();
            n += 1;
        }
        out.push(Some((last, text.len())));
        out
    }

    /// Parses a replacement template for `sub` against this pattern's groups.
    pub fn template(&self, repl: &[u32]) -> Result<Template, Error> {
        Template::parse(repl, self.groups, &self.names)
    }

    /// `Pattern.subn` with a template: calls `out` with each piece of the
    /// result in order and returns the number of replacements. `count` 0
    /// means no limit.
    pub fn replace<H: Haystack + ?Sized>(
        &self,
        text: &H,
        template: &Template,
        count: usize,
        mut out: impl FnMut(Chunk<'_>),
    ) -> usize {
        let mut last = 0;
        let mut n = 0;
        let mut it = self.find_iter(text, 0, text.len());
        let mut m = Captures::default();
        while (count == 0 || n < count) && it.next_into(&mut m) {
            if m.start() > last {
                out(Chunk::Text(last, m.start()));
            }
            template.expand(&m, &mut out);
            last = m.end();
            n += 1;
        }
        if last < text.len() {
            out(Chunk::Text(last, text.len()));
        }
        n
    }

    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    /// The pattern is a plain string: matches are exactly its occurrences.
    pub fn literal(&self) -> Option<&[u32]> {
        self.prog.pure_literal.as_deref()
    }
}

/// A piece of a substitution's result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Chunk<'a> {
    /// `text[start..end]` of the haystack.
    Text(usize, usize),
    /// Literal code points from the template.
    Literal(&'a [u32]),
}

/// The iterator behind `finditer`, `findall`, `sub` and `split`.
pub struct Matches<'a, H: Haystack + ?Sized> {
    re: &'a Regex,
    text: &'a H,
    pos: usize,
    end: usize,
    must_advance: bool,
    done: bool,
}

impl<H: Haystack + ?Sized> Matches<'_, H> {
    /// The next match written into `out`, reusing its buffer: `false` when
    /// there are no more.
    pub fn next_into(&mut self, out: &mut Captures) -> bool {
        if self.done {
            return false;
        }
        let req = exec::Request {
            start: self.pos,
            end: self.end,
            mode: Mode::Search,
            must_advance: self.must_advance,
        };
        let found = exec::exec(&self.re.prog, self.text, req, out);
        if found {
            self.must_advance = out.end() == out.start();
            self.pos = out.end();
        } else {
            self.done = true;
        }
        found
    }
}

impl<H: Haystack + ?Sized> Iterator for Matches<'_, H> {
    type Item = Captures;
    fn next(&mut self) -> Option<Captures> {
        let mut m = Captures::default();
        self.next_into(&mut m).then_some(m)
    }
}
