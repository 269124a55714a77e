//! Pattern text -> syntax tree, with CPython 3.11's errors and positions.
//!
//! The reader works on tokens as CPython's does: one character, or a
//! backslash and the character after it. Positions in errors count code
//! points from the start of the pattern.

use super::flags as F;
use super::source::{
    ch, hex_value, is_ascii_letter, is_digit, is_hex, is_identifier, is_oct, oct_value, py_int,
    py_repr, to_string, Res, Source, Tok,
};
use super::{Error, ErrorKind, MAXGROUPS, MAXREPEAT};

/// Deepest nesting of groups accepted; CPython's parser runs out of Python
/// stack (RecursionError) just beyond it.
const MAX_DEPTH: usize = 495;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Cat {
    Digit,
    NotDigit,
    Space,
    NotSpace,
    Word,
    NotWord,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SetItem {
    Lit(u32),
    Range(u32, u32),
    Cat(Cat),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum At {
    Beginning,
    End,
    BeginningString,
    EndString,
    Boundary,
    NonBoundary,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RepKind {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    Lit(u32),
    NotLit(u32),
    Any,
    In(bool, Vec<SetItem>),
    At(At),
    Branch(Vec<Vec<Node>>),
    /// A group: capturing when `group` is set; `add`/`del` are scoped flags.
    Group {
        group: Option<usize>,
        add: u32,
        del: u32,
        body: Vec<Node>,
    },
    /// `max == MAXREPEAT` means no upper bound.
    Repeat {
        min: u32,
        max: u32,
        kind: RepKind,
        body: Vec<Node>,
    },
    Atomic(Vec<Node>),
    Assert {
        behind: bool,
        negate: bool,
        body: Vec<Node>,
    },
    GroupRef(usize),
    GroupRefExists {
        group: usize,
        yes: Vec<Node>,
        no: Option<Vec<Node>>,
    },
}

impl Node {
    /// Value equality as CPython's branch-prefix check sees it: nodes holding
    /// a subpattern never compare equal.
    fn same(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::Lit(a), Node::Lit(b)) | (Node::NotLit(a), Node::NotLit(b)) => a == b,
            (Node::Any, Node::Any) => true,
            (Node::In(n, a), Node::In(m, b)) => n == m && a == b,
            (Node::At(a), Node::At(b)) => a == b,
            (Node::GroupRef(a), Node::GroupRef(b)) => a == b,
            _ => false,
        }
    }
}

/// A parsed pattern.
pub(crate) struct Parsed {
    pub nodes: Vec<Node>,
    /// Global flags: the given ones, inline ones, and UNICODE when implied.
    pub flags: u32,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    /// (min, max) width of each closed group, by group number.
    pub widths: Vec<(u64, u64)>,
}

/// (min, max) number of characters `nodes` can match, capped as CPython does.
pub(crate) fn width(nodes: &[Node], widths: &[Option<(u64, u64)>]) -> (u64, u64) {
    let (mut lo, mut hi) = (0u64, 0u64);
    for n in nodes {
        let (i, j) = match n {
            Node::Branch(alts) => {
                let (mut i, mut j) = (MAXREPEAT - 1, 0);
                for a in alts {
                    let (l, h) = width(a, widths);
                    i = i.min(l);
                    j = j.max(h);
                }
                (i, j)
            }
            Node::Atomic(b) | Node::Group { body: b, .. } => width(b, widths),
            Node::Repeat { min, max, body, .. } => {
                let (i, j) = width(body, widths);
                lo = lo.saturating_add(i.saturating_mul(*min as u64));
                if *max as u64 == MAXREPEAT && j != 0 {
                    hi = MAXREPEAT;
                } else {
                    hi = hi.saturating_add(j.saturating_mul(*max as u64));
                }
                continue;
            }
            Node::Lit(_) | Node::NotLit(_) | Node::Any | Node::In(..) => (1, 1),
            Node::GroupRef(g) => widths.get(*g).copied().flatten().unwrap_or((0, 0)),
            Node::GroupRefExists { yes, no, .. } => {
                let (i, j) = width(yes, widths);
                match no {
                    Some(no) => {
                        let (l, h) = width(no, widths);
                        (i.min(l), j.max(h))
                    }
                    None => (0, j),
                }
            }
            Node::At(_) | Node::Assert { .. } => (0, 0),
        };
        lo = lo.saturating_add(i);
        hi = hi.saturating_add(j);
    }
    (lo.min(MAXREPEAT - 1), hi.min(MAXREPEAT))
}

struct Parser<'a> {
    src: Source<'a>,
    is_str: bool,
    flags: u32,
    names: Vec<(String, usize)>,
    /// Width of each group once closed; `None` while open. Slot 0 is unused.
    widths: Vec<Option<(u64, u64)>>,
    lookbehind_groups: Option<usize>,
    /// Group numbers used by conditionals, with the position of the first use.
    groupref_pos: Vec<(u64, String, usize)>,
    depth: usize,
}

/// Parses `pattern` as `re.compile(pattern, flags)` does.
pub(crate) fn parse(pattern: &[u32], flags: u32, is_str: bool) -> Res<Parsed> {
    let mut p = Parser {
        src: Source::new(pattern)?,
        is_str,
        flags,
        names: Vec::new(),
        widths: vec![None],
        lookbehind_groups: None,
        groupref_pos: Vec::new(),
        depth: 0,
    };
    let nodes = p.parse_sub(flags & F::VERBOSE != 0, 0)?;
    let flags = fix_flags(is_str, p.flags)?;
    if p.src.next.is_some() {
        return Err(p.src.err("unbalanced parenthesis", 0));
    }
    let groups = p.widths.len() - 1;
    for (g, digits, pos) in &p.groupref_pos {
        if *g as usize > groups {
            return Err(Error::re(
                format!("invalid group reference {}", digits),
                *pos,
            ));
        }
    }
    Ok(Parsed {
        nodes,
        flags,
        groups,
        names: p.names,
        widths: p.widths.iter().map(|w| w.unwrap_or((0, 0))).collect(),
    })
}

fn fix_flags(is_str: bool, mut flags: u32) -> Res<u32> {
    let value = |m: &str| Err(Error::other(ErrorKind::Value, m));
    if is_str {
        if flags & F::LOCALE != 0 {
            return value("cannot use LOCALE flag with a str pattern");
        }
        if flags & F::ASCII == 0 {
            flags |= F::UNICODE;
        } else if flags & F::UNICODE != 0 {
            return value("ASCII and UNICODE flags are incompatible");
        }
    } else {
        if flags & F::UNICODE != 0 {
            return value("cannot use UNICODE flag with a bytes pattern");
        }
        if flags & F::LOCALE != 0 && flags & F::ASCII != 0 {
            return value("ASCII and LOCALE flags are incompatible");
        }
    }
    Ok(flags)
}

fn flag_of(c: u32) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'i' => F::IGNORECASE,
        'L' => F::LOCALE,
        'm' => F::MULTILINE,
        's' => F::DOTALL,
        'x' => F::VERBOSE,
        'a' => F::ASCII,
        't' => F::TEMPLATE,
        'u' => F::UNICODE,
        _ => return None,
    })
}

const TYPE_FLAGS: u32 = F::ASCII | F::LOCALE | F::UNICODE;
const GLOBAL_FLAGS: u32 = F::DEBUG | F::TEMPLATE;

fn is_alpha_tok(t: Tok) -> bool {
    matches!(t, Tok::C(c) if char::from_u32(c).is_some_and(|c| c.is_alphabetic()))
}

/// A class member before ranges are formed.
#[derive(Clone, Copy)]
enum ClassAtom {
    Lit(u32),
    Cat(Cat),
}

impl<'a> Parser<'a> {
    fn enter(&mut self) -> Res<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error::other(
                ErrorKind::Recursion,
                "maximum recursion depth exceeded",
            ));
        }
        Ok(())
    }

    fn check_group(&self, g: usize) -> bool {
        g < self.widths.len() && self.widths[g].is_some()
    }

    fn check_lookbehind_group(&self, g: usize) -> Res<()> {
        if let Some(lb) = self.lookbehind_groups {
            if !self.check_group(g) {
                return Err(self.src.err("cannot refer to an open group", 0));
            }
            if g >= lb {
                return Err(self.src.err(
                    "cannot refer to group defined in the same lookbehind subpattern",
                    0,
                ));
            }
        }
        Ok(())
    }

    /// An alternation `a|b|c`.
    fn parse_sub(&mut self, mut verbose: bool, nested: usize) -> Res<Vec<Node>> {
        let mut items: Vec<Vec<Node>> = Vec::new();
        loop {
            let first = nested == 0 && items.is_empty();
            items.push(self.parse_seq(verbose, nested + 1, first)?);
            if !self.src.eat('|')? {
                break;
            }
            if nested == 0 {
                verbose = self.flags & F::VERBOSE != 0;
            }
        }
        if items.len() == 1 {
            return Ok(items.pop().unwrap_or_default());
        }
        let mut sub = Vec::new();
        // Move a prefix common to every branch out of the branch.
        while let Some(prefix) = items[0].first().cloned() {
            if items
                .iter()
                .all(|it| it.first().is_some_and(|n| n.same(&prefix)))
            {
                for it in items.iter_mut() {
                    it.remove(0);
                }
                sub.push(prefix);
            } else {
                break;
            }
        }
        // Branches of single characters become one set.
        let mut set = Vec::new();
        let all_chars = items.iter().all(|it| {
            if it.len() != 1 {
                return false;
            }
            match &it[0] {
                Node::Lit(c) => {
                    set.push(SetItem::Lit(*c));
                    true
                }
                Node::In(false, members) => {
                    set.extend_from_slice(members);
                    true
                }
                _ => false,
            }
        });
        if all_chars {
            sub.push(Node::In(false, uniq(set)));
        } else {
            sub.push(Node::Branch(items));
        }
        Ok(sub)
    }

    /// A sequence of items, up to `|`, `)` or the end.
    fn parse_seq(&mut self, mut verbose: bool, nested: usize, first: bool) -> Res<Vec<Node>> {
        let mut sub: Vec<Node> = Vec::new();
        while let Some(this) = self.src.next {
            if this == ch('|') || this == ch(')') {
                break;
            }
            self.src.advance()?;
            if verbose {
                if let Tok::C(c) = this {
                    if matches!(c, 0x20 | 0x09 | 0x0a | 0x0d | 0x0b | 0x0c) {
                        continue;
                    }
                    if c == 0x23 {
                        loop {
                            match self.src.get()? {
                                None => break,
                                Some(t) if t == ch('\n') => break,
                                _ => {}
                            }
                        }
                        continue;
                    }
                }
            }
            let c = match this {
                Tok::E(c) => {
                    let node = self.escape(c)?;
                    sub.push(node);
                    continue;
                }
                Tok::C(c) => c,
            };
            match char::from_u32(c).unwrap_or('\0') {
                '[' => {
                    let node = self.class()?;
                    sub.push(node);
                }
                '*' | '+' | '?' | '{' => self.repeat(c, &mut sub)?,
                '.' => sub.push(Node::Any),
                '(' => {
                    if let Some(node) = self.group(&mut verbose, nested, first, sub.is_empty())? {
                        sub.push(node);
                    }
                }
                '^' => sub.push(Node::At(At::Beginning)),
                '$' => sub.push(Node::At(At::End)),
                _ => sub.push(Node::Lit(c)),
            }
        }
        // Non-capturing groups without flags dissolve into the sequence.
        if sub.iter().any(|n| {
            matches!(
                n,
                Node::Group {
                    group: None,
                    add: 0,
                    del: 0,
                    ..
                }
            )
        }) {
            let mut out = Vec::with_capacity(sub.len());
            for n in sub {
                match n {
                    Node::Group {
                        group: None,
                        add: 0,
                        del: 0,
                        body,
                    } => out.extend(body),
                    n => out.push(n),
                }
            }
            sub = out;
        }
        Ok(sub)
    }

    fn repeat(&mut self, c: u32, sub: &mut Vec<Node>) -> Res<()> {
        let here = self.src.tell();
        let (min, max): (u64, u64) = match c {
            0x3f => (0, 1),
            0x2a => (0, MAXREPEAT),
            0x2b => (1, MAXREPEAT),
            _ => {
                if self.src.next == Some(ch('}')) {
                    sub.push(Node::Lit(c));
                    return Ok(());
                }
                let lo = self.src.get_while(usize::MAX, is_digit)?;
                let hi = if self.src.eat(',')? {
                    self.src.get_while(usize::MAX, is_digit)?
                } else {
                    lo.clone()
                };
                if !self.src.eat('}')? {
                    sub.push(Node::Lit(c));
                    self.src.seek(here)?;
                    return Ok(());
                }
                let number = |d: &[u32]| {
                    d.iter().fold(0u64, |v, &c| {
                        v.saturating_mul(10).saturating_add((c - 0x30) as u64)
                    })
                };
                let overflow = || {
                    Err(Error::other(
                        ErrorKind::Overflow,
                        "the repetition number is too large",
                    ))
                };
                let mut min = 0;
                let mut max = MAXREPEAT;
                if !lo.is_empty() {
                    min = number(&lo);
                    if min >= MAXREPEAT {
                        return overflow();
                    }
                }
                if !hi.is_empty() {
                    max = number(&hi);
                    if max >= MAXREPEAT {
                        return overflow();
                    }
                    if max < min {
                        let off = self.src.tell() - here;
                        return Err(self.src.err("min repeat greater than max repeat", off));
                    }
                }
                (min, max)
            }
        };
        let off = self.src.tell() - here + 1;
        let item = match sub.last() {
            None | Some(Node::At(_)) => return Err(self.src.err("nothing to repeat", off)),
            Some(Node::Repeat { .. }) => return Err(self.src.err("multiple repeat", off)),
            Some(_) => sub.pop().unwrap_or(Node::Any),
        };
        let body = match item {
            Node::Group {
                group: None,
                add: 0,
                del: 0,
                body,
            } => body,
            item => vec![item],
        };
        let kind = if self.src.eat('?')? {
            RepKind::Lazy
        } else if self.src.eat('+')? {
            RepKind::Possessive
        } else {
            RepKind::Greedy
        };
        sub.push(Node::Repeat {
            min: min as u32,
            max: max as u32,
            kind,
            body,
        });
        Ok(())
    }

    /// After `(`: a group, an extension, or nothing (comments, global flags).
    fn group(
        &mut self,
        verbose: &mut bool,
        nested: usize,
        first: bool,
        empty_so_far: bool,
    ) -> Res<Option<Node>> {
        let start = self.src.tell() - 1;
        let mut capture = true;
        let mut atomic = false;
        let mut name: Option<Vec<u32>> = None;
        let mut add = 0;
        let mut del = 0;
        if self.src.eat('?')? {
            let Some(c) = self.src.get()? else {
                return Err(self.src.err("unexpected end of pattern", 0));
            };
            match c {
                Tok::C(0x50) => {
                    // P
                    if self.src.eat('<')? {
                        let n = self.src.get_until('>', "group name")?;
                        self.src.check_group_name(&n, 1)?;
                        name = Some(n);
                    } else if self.src.eat('=')? {
                        let n = self.src.get_until(')', "group name")?;
                        self.src.check_group_name(&n, 1)?;
                        let s = to_string(&n);
                        let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == s) else {
                            return Err(self
                                .src
                                .err(format!("unknown group name {}", py_repr(&n)), n.len() + 1));
                        };
                        if !self.check_group(g) {
                            return Err(self.src.err("cannot refer to an open group", n.len() + 1));
                        }
                        self.check_lookbehind_group(g)?;
                        return Ok(Some(Node::GroupRef(g)));
                    } else {
                        let Some(c) = self.src.get()? else {
                            return Err(self.src.err("unexpected end of pattern", 0));
                        };
                        return Err(self
                            .src
                            .err(format!("unknown extension ?P{}", c.text()), c.len() + 2));
                    }
                }
                Tok::C(0x3a) => capture = false,
                Tok::C(0x23) => {
                    // A comment.
                    loop {
                        if self.src.next.is_none() {
                            let off = self.src.tell() - start;
                            return Err(self.src.err("missing ), unterminated comment", off));
                        }
                        if self.src.get()? == Some(ch(')')) {
                            break;
                        }
                    }
                    return Ok(None);
                }
                Tok::C(0x3d) | Tok::C(0x21) | Tok::C(0x3c) => {
                    let mut c = c;
                    let mut behind = false;
                    let mut saved_lb = None;
                    if c == ch('<') {
                        let Some(d) = self.src.get()? else {
                            return Err(self.src.err("unexpected end of pattern", 0));
                        };
                        if d != ch('=') && d != ch('!') {
                            return Err(self
                                .src
                                .err(format!("unknown extension ?<{}", d.text()), d.len() + 2));
                        }
                        c = d;
                        behind = true;
                        saved_lb = Some(self.lookbehind_groups);
                        if self.lookbehind_groups.is_none() {
                            self.lookbehind_groups = Some(self.widths.len());
                        }
                    }
                    self.enter()?;
                    let body = self.parse_sub(*verbose, nested + 1)?;
                    self.depth -= 1;
                    if let Some(None) = saved_lb {
                        self.lookbehind_groups = None;
                    }
                    if !self.src.eat(')')? {
                        let off = self.src.tell() - start;
                        return Err(self.src.err("missing ), unterminated subpattern", off));
                    }
                    return Ok(Some(Node::Assert {
                        behind,
                        negate: c == ch('!'),
                        body,
                    }));
                }
                Tok::C(0x28) => return self.conditional(*verbose, nested, start).map(Some),
                Tok::C(0x3e) => {
                    capture = false;
                    atomic = true;
                }
                Tok::C(c) if flag_of(c).is_some() || c == 0x2d => match self.inline_flags(c)? {
                    None => {
                        if !first || !empty_so_far {
                            let off = self.src.tell() - start;
                            return Err(self
                                .src
                                .err("global flags not at the start of the expression", off));
                        }
                        *verbose = self.flags & F::VERBOSE != 0;
                        return Ok(None);
                    }
                    Some((a, d)) => {
                        add = a;
                        del = d;
                        capture = false;
                    }
                },
                c => {
                    return Err(self
                        .src
                        .err(format!("unknown extension ?{}", c.text()), c.len() + 1))
                }
            }
        }
        let group = if capture {
            let g = self.widths.len();
            self.widths.push(None);
            if g as u64 > MAXGROUPS {
                return Err(self.src.err("too many groups", 0));
            }
            if let Some(n) = &name {
                let s = to_string(n);
                if let Some(&(_, old)) = self.names.iter().find(|(k, _)| *k == s) {
                    return Err(self.src.err(
                        format!(
                            "redefinition of group name {} as group {}; was group {}",
                            py_repr(n),
                            g,
                            old
                        ),
                        n.len() + 1,
                    ));
                }
                self.names.push((s, g));
            }
            Some(g)
        } else {
            None
        };
        let sub_verbose = (*verbose || add & F::VERBOSE != 0) && del & F::VERBOSE == 0;
        self.enter()?;
        let body = self.parse_sub(sub_verbose, nested + 1)?;
        self.depth -= 1;
        if !self.src.eat(')')? {
            let off = self.src.tell() - start;
            return Err(self.src.err("missing ), unterminated subpattern", off));
        }
        if let Some(g) = group {
            self.widths[g] = Some(width(&body, &self.widths));
        }
        if atomic {
            return Ok(Some(Node::Atomic(body)));
        }
        Ok(Some(Node::Group {
            group,
            add,
            del,
            body,
        }))
    }

    /// `(?(id/name)yes|no)`, after `(?(`.
    fn conditional(&mut self, verbose: bool, nested: usize, start: usize) -> Res<Node> {
        let name = self.src.get_until(')', "group name")?;
        let group;
        if is_identifier(&name) {
            let s = to_string(&name);
            match self.names.iter().find(|(k, _)| *k == s) {
                Some(&(_, g)) => group = g,
                None => {
                    return Err(self.src.err(
                        format!("unknown group name {}", py_repr(&name)),
                        name.len() + 1,
                    ))
                }
            }
        } else {
            let bad = || {
                self.src.err(
                    format!("bad character in group name {}", py_repr(&name)),
                    name.len() + 1,
                )
            };
            let Some((neg, digits, value)) = py_int(&name) else {
                return Err(bad());
            };
            if neg {
                return Err(bad());
            }
            if value == 0 {
                return Err(self.src.err("bad group number", name.len() + 1));
            }
            if value >= MAXGROUPS {
                return Err(self.src.err(
                    format!("invalid group reference {}", digits),
                    name.len() + 1,
                ));
            }
            if !self.groupref_pos.iter().any(|(g, _, _)| *g == value) {
                let pos = self.src.tell() - name.len() - 1;
                self.groupref_pos.push((value, digits, pos));
            }
            group = value as usize;
        }
        self.check_lookbehind_group(group)?;
        self.enter()?;
        let yes = self.parse_seq(verbose, nested + 1, false)?;
        let no = if self.src.eat('|')? {
            let no = self.parse_seq(verbose, nested + 1, false)?;
            if self.src.next == Some(ch('|')) {
                return Err(self
                    .src
                    .err("conditional backref with more than two branches", 0));
            }
            Some(no)
        } else {
            None
        };
        self.depth -= 1;
        if !self.src.eat(')')? {
            let off = self.src.tell() - start;
            return Err(self.src.err("missing ), unterminated subpattern", off));
        }
        Ok(Node::GroupRefExists { group, yes, no })
    }

    /// Inline flags after `(?`, starting with `c`: `None` for global flags
    /// `(?aiLmsux)`, or the flags a scoped group `(?a-b:...)` adds and removes.
    fn inline_flags(&mut self, mut c: u32) -> Res<Option<(u32, u32)>> {
        let mut add = 0;
        let mut del = 0;
        let mut t = Tok::C(c);
        if c != 0x2d {
            loop {
                let flag = flag_of(c).unwrap_or(0);
                if self.is_str {
                    if c == 0x4c {
                        return Err(self.src.err(
                            "bad inline flags: cannot use 'L' flag with a str pattern",
                            0,
                        ));
                    }
                } else if c == 0x75 {
                    return Err(self.src.err(
                        "bad inline flags: cannot use 'u' flag with a bytes pattern",
                        0,
                    ));
                }
                add |= flag;
                if flag & TYPE_FLAGS != 0 && add & TYPE_FLAGS != flag {
                    return Err(self.src.err(
                        "bad inline flags: flags 'a', 'u' and 'L' are incompatible",
                        0,
                    ));
                }
                let Some(n) = self.src.get()? else {
                    return Err(self.src.err("missing -, : or )", 0));
                };
                t = n;
                if n == ch(')') || n == ch('-') || n == ch(':') {
                    break;
                }
                match n {
                    Tok::C(d) if flag_of(d).is_some() => c = d,
                    n => {
                        let msg = if is_alpha_tok(n) {
                            "unknown flag"
                        } else {
                            "missing -, : or )"
                        };
                        return Err(self.src.err(msg, n.len()));
                    }
                }
            }
        }
        if t == ch(')') {
            self.flags |= add;
            return Ok(None);
        }
        if add & GLOBAL_FLAGS != 0 {
            return Err(self
                .src
                .err("bad inline flags: cannot turn on global flag", 1));
        }
        if t == ch('-') {
            let Some(n) = self.src.get()? else {
                return Err(self.src.err("missing flag", 0));
            };
            let mut c = match n {
                Tok::C(d) if flag_of(d).is_some() => d,
                n => {
                    let msg = if is_alpha_tok(n) {
                        "unknown flag"
                    } else {
                        "missing flag"
                    };
                    return Err(self.src.err(msg, n.len()));
                }
            };
            loop {
                let flag = flag_of(c).unwrap_or(0);
                if flag & TYPE_FLAGS != 0 {
                    return Err(self.src.err(
                        "bad inline flags: cannot turn off flags 'a', 'u' and 'L'",
                        0,
                    ));
                }
                del |= flag;
                let Some(n) = self.src.get()? else {
                    return Err(self.src.err("missing :", 0));
                };
                if n == ch(':') {
                    break;
                }
                match n {
                    Tok::C(d) if flag_of(d).is_some() => c = d,
                    n => {
                        let msg = if is_alpha_tok(n) {
                            "unknown flag"
                        } else {
                            "missing :"
                        };
                        return Err(self.src.err(msg, n.len()));
                    }
                }
            }
        }
        if del & GLOBAL_FLAGS != 0 {
            return Err(self
                .src
                .err("bad inline flags: cannot turn off global flag", 1));
        }
        if add & del != 0 {
            return Err(self.src.err("bad inline flags: flag turned on and off", 1));
        }
        Ok(Some((add, del)))
    }

    /// A character class, after `[`.
    fn class(&mut self) -> Res<Node> {
        let here = self.src.tell() - 1;
        let mut set: Vec<SetItem> = Vec::new();
        let negate = self.src.eat('^')?;
        let unterminated = |s: &Source| {
            let off = s.tell() - here;
            s.err("unterminated character set", off)
        };
        loop {
            let Some(this) = self.src.get()? else {
                return Err(unterminated(&self.src));
            };
            if this == ch(']') && !set.is_empty() {
                break;
            }
            let code1 = match this {
                Tok::E(c) => self.class_escape(c)?,
                Tok::C(c) => ClassAtom::Lit(c),
            };
            if self.src.eat('-')? {
                let Some(that) = self.src.get()? else {
                    return Err(unterminated(&self.src));
                };
                if that == ch(']') {
                    set.push(atom_item(code1));
                    set.push(SetItem::Lit(0x2d));
                    break;
                }
                let code2 = match that {
                    Tok::E(c) => self.class_escape(c)?,
                    Tok::C(c) => ClassAtom::Lit(c),
                };
                let bad = |s: &Source| {
                    s.err(
                        format!("bad character range {}-{}", this.text(), that.text()),
                        this.len() + 1 + that.len(),
                    )
                };
                let (ClassAtom::Lit(lo), ClassAtom::Lit(hi)) = (code1, code2) else {
                    return Err(bad(&self.src));
                };
                if hi < lo {
                    return Err(bad(&self.src));
                }
                set.push(SetItem::Range(lo, hi));
            } else {
                set.push(atom_item(code1));
            }
        }
        let set = uniq(set);
        if set.len() == 1 {
            if let SetItem::Lit(c) = set[0] {
                return Ok(if negate {
                    Node::NotLit(c)
                } else {
                    Node::Lit(c)
                });
            }
        }
        Ok(Node::In(negate, set))
    }

    /// The numeric escapes shared by classes and the rest: `\x`, `\u`, `\U`, `\N`.
    fn code_escape(&mut self, c: u32) -> Res<Option<u32>> {
        let n = match c {
            0x78 => 2,
            0x75 if self.is_str => 4,
            0x55 if self.is_str => 8,
            0x4e if self.is_str => {
                if !self.src.eat('{')? {
                    return Err(self.src.err("missing {", 0));
                }
                let name = self.src.get_until('}', "character name")?;
                // Unicode names (and aliases) start with a letter and use
                // only letters, digits, spaces and hyphens; anything else is
                // surely unknown, as CPython says.
                let alnum = |c: u32| c < 0x80 && (c as u8).is_ascii_alphanumeric();
                let plausible = name.len() >= 2
                    && name[0] < 0x80
                    && (name[0] as u8).is_ascii_alphabetic()
                    && name.iter().all(|&c| c == 0x20 || c == 0x2d || alnum(c));
                if !plausible {
                    return Err(self.src.err(
                        format!("undefined character name {}", py_repr(&name)),
                        name.len() + 4,
                    ));
                }
                return Err(self.src.err(
                    format!(
                        "named Unicode escapes are not supported: \\N{{{}}}",
                        to_string(&name)
                    ),
                    name.len() + 4,
                ));
            }
            _ => return Ok(None),
        };
        let digits = self.src.get_while(n, is_hex)?;
        let mut text = vec![0x5c, c];
        text.extend_from_slice(&digits);
        if digits.len() != n {
            return Err(self.src.err(
                format!("incomplete escape {}", to_string(&text)),
                text.len(),
            ));
        }
        let v = hex_value(&digits);
        if v > 0x10ffff {
            return Err(self
                .src
                .err(format!("bad escape {}", to_string(&text)), text.len()));
        }
        Ok(Some(v))
    }

    fn class_escape(&mut self, c: u32) -> Res<ClassAtom> {
        if let Some(v) = simple_escape(c, true) {
            return Ok(ClassAtom::Lit(v));
        }
        if let Some(cat) = category(c) {
            return Ok(ClassAtom::Cat(cat));
        }
        if let Some(v) = self.code_escape(c)? {
            return Ok(ClassAtom::Lit(v));
        }
        if is_oct(c) {
            let digits = self.src.get_while(2, is_oct)?;
            let mut all = vec![c];
            all.extend_from_slice(&digits);
            let v = oct_value(&all);
            if v > 0o377 {
                return Err(self.src.err(
                    format!(
                        "octal escape value \\{} outside of range 0-0o377",
                        to_string(&all)
                    ),
                    all.len() + 1,
                ));
            }
            return Ok(ClassAtom::Lit(v));
        }
        if is_digit(c) || is_ascii_letter(c) {
            return Err(self.src.err(format!("bad escape {}", Tok::E(c).text()), 2));
        }
        Ok(ClassAtom::Lit(c))
    }

    fn escape(&mut self, c: u32) -> Res<Node> {
        match char::from_u32(c).unwrap_or('\0') {
            'A' => return Ok(Node::At(At::BeginningString)),
            'Z' => return Ok(Node::At(At::EndString)),
            'b' => return Ok(Node::At(At::Boundary)),
            'B' => return Ok(Node::At(At::NonBoundary)),
            _ => {}
        }
        if let Some(cat) = category(c) {
            return Ok(Node::In(false, vec![SetItem::Cat(cat)]));
        }
        if let Some(v) = simple_escape(c, false) {
            return Ok(Node::Lit(v));
        }
        if let Some(v) = self.code_escape(c)? {
            return Ok(Node::Lit(v));
        }
        if c == 0x30 {
            let digits = self.src.get_while(2, is_oct)?;
            return Ok(Node::Lit(oct_value(&digits)));
        }
        if is_digit(c) {
            let mut text = vec![c];
            if let Some(Tok::C(d)) = self.src.next {
                if is_digit(d) {
                    self.src.advance()?;
                    text.push(d);
                    if is_oct(c) && is_oct(d) && self.src.next_is(is_oct) {
                        if let Some(Tok::C(e)) = self.src.get()? {
                            text.push(e);
                        }
                        let v = oct_value(&text);
                        if v > 0o377 {
                            return Err(self.src.err(
                                format!(
                                    "octal escape value \\{} outside of range 0-0o377",
                                    to_string(&text)
                                ),
                                text.len() + 1,
                            ));
                        }
                        return Ok(Node::Lit(v));
                    }
                }
            }
            let g = text
                .iter()
                .fold(0usize, |v, &d| v * 10 + (d - 0x30) as usize);
            if g < self.widths.len() {
                if !self.check_group(g) {
                    return Err(self
                        .src
                        .err("cannot refer to an open group", text.len() + 1));
                }
                self.check_lookbehind_group(g)?;
                return Ok(Node::GroupRef(g));
            }
            return Err(self
                .src
                .err(format!("invalid group reference {}", g), text.len()));
        }
        if is_ascii_letter(c) {
            return Err(self.src.err(format!("bad escape {}", Tok::E(c).text()), 2));
        }
        Ok(Node::Lit(c))
    }
}

fn atom_item(a: ClassAtom) -> SetItem {
    match a {
        ClassAtom::Lit(c) => SetItem::Lit(c),
        ClassAtom::Cat(c) => SetItem::Cat(c),
    }
}

/// `\a \f \n \r \t \v \\`, and `\b` (backspace) inside a class.
fn simple_escape(c: u32, in_class: bool) -> Option<u32> {
    Some(match char::from_u32(c)? {
        'a' => 7,
        'b' if in_class => 8,
        'f' => 12,
        'n' => 10,
        'r' => 13,
        't' => 9,
        'v' => 11,
        '\\' => 0x5c,
        _ => return None,
    })
}

fn category(c: u32) -> Option<Cat> {
    Some(match char::from_u32(c)? {
        'd' => Cat::Digit,
        'D' => Cat::NotDigit,
        's' => Cat::Space,
        'S' => Cat::NotSpace,
        'w' => Cat::Word,
        'W' => Cat::NotWord,
        _ => return None,
    })
}

fn uniq(items: Vec<SetItem>) -> Vec<SetItem> {
    let mut out: Vec<SetItem> = Vec::with_capacity(items.len());
    for it in items {
        if !out.contains(&it) {
            out.push(it);
        }
    }
    out
}
