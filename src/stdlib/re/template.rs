//! Replacement templates for `sub`: `\1`, `\g<name>`, `\g<0>`, escapes, with
//! CPython 3.11's errors.

use super::source::{is_identifier, py_int, py_repr, to_string, Source, Tok};
use super::{Captures, Chunk, Error, ErrorKind, MAXGROUPS};

/// A piece of a parsed template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    Literal(Vec<u32>),
    /// The text of a group; nothing when the group did not match.
    Group(usize),
}

/// A parsed replacement template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Template {
    pub pieces: Vec<Piece>,
}

fn is_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}
fn is_oct(c: u32) -> bool {
    (0x30..=0x37).contains(&c)
}

impl Template {
    /// Parses `repl` for a pattern with `groups` groups named by `names`.
    pub fn parse(
        repl: &[u32],
        groups: usize,
        names: &[(String, usize)],
    ) -> Result<Template, Error> {
        let mut s = Source::new(repl)?;
        let mut pieces = Vec::new();
        let mut lit: Vec<u32> = Vec::new();
        let add_group = |lit: &mut Vec<u32>, pieces: &mut Vec<Piece>, g: usize| {
            if !lit.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(lit)));
            }
            pieces.push(Piece::Group(g));
        };
        while let Some(tok) = s.get()? {
            let (esc, c) = tok_parts(tok);
            if !esc {
                lit.push(c);
                continue;
            }
            if c == 0x67 {
                // \g<...>
                if !s.eat('<')? {
                    return Err(s.err("missing <", 0));
                }
                let name = s.get_until('>', "group name")?;
                let index;
                if is_identifier(&name) {
                    let n = to_string(&name);
                    match names.iter().find(|(k, _)| *k == n) {
                        Some(&(_, g)) => index = g,
                        None => {
                            return Err(Error::other(
                                ErrorKind::Index,
                                format!("unknown group name {}", py_repr(&name)),
                            ))
                        }
                    }
                } else {
                    let bad = |s: &Source| {
                        s.err(
                            format!("bad character in group name {}", py_repr(&name)),
                            name.len() + 1,
                        )
                    };
                    let Some((neg, digits, value)) = py_int(&name) else {
                        return Err(bad(&s));
                    };
                    if neg {
                        return Err(bad(&s));
                    }
                    if value >= MAXGROUPS {
                        return Err(s.err(
                            format!("invalid group reference {}", digits),
                            name.len() + 1,
                        ));
                    }
                    index = value as usize;
                }
                if index > groups {
                    return Err(s.err(format!("invalid group reference {}", index), name.len() + 1));
                }
                add_group(&mut lit, &mut pieces, index);
            } else if c == 0x30 {
                let mut v = 0;
                for _ in 0..2 {
                    match s.peek_char() {
                        Some(d) if is_oct(d) => {
                            s.get()?;
                            v = v * 8 + (d - 0x30);
                        }
                        _ => break,
                    }
                }
                lit.push(v & 0xff);
            } else if is_digit(c) {
                let mut text = vec![c];
                let mut octal = false;
                if let Some(d) = s.peek_char().filter(|&d| is_digit(d)) {
                    s.get()?;
                    text.push(d);
                    if is_oct(c) && is_oct(d) {
                        if let Some(e) = s.peek_char().filter(|&e| is_oct(e)) {
                            s.get()?;
                            text.push(e);
                            octal = true;
                            let v = text.iter().fold(0, |v, &d| v * 8 + (d - 0x30));
                            if v > 0o377 {
                                return Err(s.err(
                                    format!(
                                        "octal escape value \\{} outside of range 0-0o377",
                                        to_string(&text)
                                    ),
                                    text.len() + 1,
                                ));
                            }
                            lit.push(v);
                        }
                    }
                }
                if !octal {
                    let g = text.iter().fold(0, |v, &d| v * 10 + (d - 0x30) as usize);
                    if g > groups {
                        return Err(s.err(format!("invalid group reference {}", g), text.len()));
                    }
                    add_group(&mut lit, &mut pieces, g);
                }
            } else {
                let v = match char::from_u32(c) {
                    Some('a') => Some(7),
                    Some('b') => Some(8),
                    Some('f') => Some(12),
                    Some('n') => Some(10),
                    Some('r') => Some(13),
                    Some('t') => Some(9),
                    Some('v') => Some(11),
                    Some('\\') => Some(0x5c),
                    _ => None,
                };
                match v {
                    Some(v) => lit.push(v),
                    None => {
                        if (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c) {
                            return Err(s.err(format!("bad escape \\{}", to_string(&[c])), 2));
                        }
                        lit.extend([0x5c, c]);
                    }
                }
            }
        }
        if !lit.is_empty() {
            pieces.push(Piece::Literal(lit));
        }
        Ok(Template { pieces })
    }

    /// The replacement when it uses no group.
    #[cfg_attr(not(test), allow(dead_code))] // the engine's tests use it
    pub fn literal(&self) -> Option<&[u32]> {
        match self.pieces.as_slice() {
            [] => Some(&[]),
            [Piece::Literal(l)] => Some(l),
            _ => None,
        }
    }

    /// Calls `out` with each piece of the replacement for match `m`.
    pub fn expand(&self, m: &Captures, mut out: impl FnMut(Chunk<'_>)) {
        for p in &self.pieces {
            match p {
                Piece::Literal(l) => out(Chunk::Literal(l)),
                Piece::Group(g) => {
                    if let Some((s, e)) = m.get(*g) {
                        if e > s {
                            out(Chunk::Text(s, e));
                        }
                    }
                }
            }
        }
    }
}

fn tok_parts(t: Tok) -> (bool, u32) {
    match t {
        Tok::C(c) => (false, c),
        Tok::E(c) => (true, c),
    }
}
