//! Reading pattern and template text as CPython's tokenizer does (one
//! character, or a backslash and the character after it), and the bits of
//! Python behaviour error messages need: `repr()`, `int()`, `isidentifier()`.

use super::Error;

/// One token: a character, or a backslash and the character after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tok {
    C(u32),
    E(u32),
}

impl Tok {
    pub(crate) fn len(self) -> usize {
        match self {
            Tok::C(_) => 1,
            Tok::E(_) => 2,
        }
    }
    pub(crate) fn push_text(self, out: &mut Vec<u32>) {
        match self {
            Tok::C(c) => out.push(c),
            Tok::E(c) => out.extend([0x5c, c]),
        }
    }
    pub(crate) fn text(self) -> String {
        let mut v = Vec::new();
        self.push_text(&mut v);
        to_string(&v)
    }
}

pub(crate) fn to_string(cps: &[u32]) -> String {
    cps.iter()
        .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
        .collect()
}

pub(crate) const fn ch(c: char) -> Tok {
    Tok::C(c as u32)
}

pub(crate) fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}
pub(crate) fn is_oct(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}
pub(crate) fn is_hex(c: u32) -> bool {
    is_digit(c) || (0x41..=0x46).contains(&c) || (0x61..=0x66).contains(&c)
}
pub(crate) fn is_ascii_letter(c: u32) -> bool {
    (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
}
pub(crate) fn hex_value(digits: &[u32]) -> u32 {
    digits.iter().fold(0, |v, &c| {
        v * 16 + char::from_u32(c).and_then(|c| c.to_digit(16)).unwrap_or(0)
    })
}
pub(crate) fn oct_value(digits: &[u32]) -> u32 {
    digits.iter().fold(0, |v, &c| v * 8 + (c - 0x30))
}

/// The pattern reader: `next` is the token after the one last taken.
pub(crate) struct Source<'a> {
    s: &'a [u32],
    index: usize,
    pub(crate) next: Option<Tok>,
}

pub(crate) type Res<T> = Result<T, Error>;

impl<'a> Source<'a> {
    pub(crate) fn new(s: &'a [u32]) -> Res<Source<'a>> {
        let mut src = Source {
            s,
            index: 0,
            next: None,
        };
        src.advance()?;
        Ok(src)
    }
    pub(crate) fn advance(&mut self) -> Res<()> {
        let i = self.index;
        let Some(&c) = self.s.get(i) else {
            self.next = None;
            return Ok(());
        };
        if c == 0x5c {
            let Some(&d) = self.s.get(i + 1) else {
                return Err(Error::re("bad escape (end of pattern)", self.s.len() - 1));
            };
            self.next = Some(Tok::E(d));
            self.index = i + 2;
        } else {
            self.next = Some(Tok::C(c));
            self.index = i + 1;
        }
        Ok(())
    }
    pub(crate) fn get(&mut self) -> Res<Option<Tok>> {
        let t = self.next;
        self.advance()?;
        Ok(t)
    }
    pub(crate) fn peek_char(&self) -> Option<u32> {
        match self.next {
            Some(Tok::C(c)) => Some(c),
            _ => None,
        }
    }
    pub(crate) fn eat(&mut self, c: char) -> Res<bool> {
        if self.next == Some(ch(c)) {
            self.advance()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }
    pub(crate) fn next_is(&self, f: impl Fn(u32) -> bool) -> bool {
        matches!(self.next, Some(Tok::C(c)) if f(c))
    }
    pub(crate) fn tell(&self) -> usize {
        self.index - self.next.map_or(0, |t| t.len())
    }
    pub(crate) fn seek(&mut self, index: usize) -> Res<()> {
        self.index = index;
        self.advance()
    }
    pub(crate) fn err(&self, msg: impl Into<String>, offset: usize) -> Error {
        Error::re(msg, self.tell().saturating_sub(offset))
    }
    /// Up to `n` plain characters satisfying `f`.
    pub(crate) fn get_while(&mut self, n: usize, f: impl Fn(u32) -> bool) -> Res<Vec<u32>> {
        let mut out = Vec::new();
        for _ in 0..n {
            match self.next {
                Some(Tok::C(c)) if f(c) => {
                    out.push(c);
                    self.advance()?;
                }
                _ => break,
            }
        }
        Ok(out)
    }
    /// The text up to `term` (taken but not returned); `what` names it in errors.
    pub(crate) fn get_until(&mut self, term: char, what: &str) -> Res<Vec<u32>> {
        let mut out = Vec::new();
        loop {
            let t = self.next;
            self.advance()?;
            match t {
                None => {
                    return Err(if out.is_empty() {
                        self.err(format!("missing {}", what), 0)
                    } else {
                        self.err(format!("missing {}, unterminated name", term), out.len())
                    });
                }
                Some(Tok::C(c)) if c == term as u32 => {
                    if out.is_empty() {
                        return Err(self.err(format!("missing {}", what), 1));
                    }
                    return Ok(out);
                }
                Some(t) => t.push_text(&mut out),
            }
        }
    }
    pub(crate) fn check_group_name(&self, name: &[u32], offset: usize) -> Res<()> {
        if is_identifier(name) {
            Ok(())
        } else {
            Err(self.err(
                format!("bad character in group name {}", py_repr(name)),
                name.len() + offset,
            ))
        }
    }
}

/// `str.isidentifier()`, with Rust's alphabetic/alphanumeric properties
/// standing in for XID_Start/XID_Continue.
pub(crate) fn is_identifier(name: &[u32]) -> bool {
    let mut it = name.iter().map(|&c| char::from_u32(c));
    match it.next() {
        Some(Some(c)) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    it.all(|c| matches!(c, Some(c) if c == '_' || c.is_alphanumeric()))
}

/// Python's `repr()` of a str.
pub(crate) fn py_repr(s: &[u32]) -> String {
    let has_sq = s.contains(&0x27);
    let has_dq = s.contains(&0x22);
    let q = if has_sq && !has_dq { '"' } else { '\'' };
    let mut out = String::new();
    out.push(q);
    for &c in s {
        match c {
            0x5c => out.push_str("\\\\"),
            0x0a => out.push_str("\\n"),
            0x0d => out.push_str("\\r"),
            0x09 => out.push_str("\\t"),
            _ if c == q as u32 => {
                out.push('\\');
                out.push(q);
            }
            _ if c < 0x20 || (0x7f..=0xa0).contains(&c) || c == 0xad => {
                out.push_str(&format!("\\x{:02x}", c))
            }
            _ => match char::from_u32(c).filter(|&ch| crate::fmt::is_printable(ch)) {
                Some(ch) => out.push(ch),
                None if c <= 0xffff => out.push_str(&format!("\\u{:04x}", c)),
                None => out.push_str(&format!("\\U{:08x}", c)),
            },
        }
    }
    out.push(q);
    out
}

/// `int(s)` for a group number written in a pattern or template: `None` when
/// Python's `int()` would raise. Gives the sign, the digits as Python prints
/// the value, and the value (saturated).
pub(crate) fn py_int(s: &[u32]) -> Option<(bool, String, u64)> {
    let is_ws = super::charset::uni_space;
    let start = s.iter().position(|&c| !is_ws(c))?;
    let end = s.iter().rposition(|&c| !is_ws(c))? + 1;
    let mut t = &s[start..end];
    let mut neg = false;
    if let Some(&c) = t.first() {
        if c == 0x2b || c == 0x2d {
            neg = c == 0x2d;
            t = &t[1..];
        }
    }
    let mut digits = String::new();
    let mut value = 0u64;
    let mut prev_digit = false;
    for &c in t {
        if c == 0x5f {
            if !prev_digit {
                return None;
            }
            prev_digit = false;
            continue;
        }
        let d = super::charset::decimal_value(c)?;
        value = value.saturating_mul(10).saturating_add(d as u64);
        if !(digits.is_empty() && d == 0) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
        }
        prev_digit = true;
    }
    if !prev_digit {
        return None;
    }
    if digits.is_empty() {
        digits.push('0');
    }
    Some((neg && value != 0, digits, value))
}
