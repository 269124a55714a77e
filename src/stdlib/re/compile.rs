//! Syntax tree -> instructions for the backtracking machine, with flags
//! resolved per node, plus what the search loop needs to skip ahead.

use super::charset::{
    ascii_lower, case_class, is_ascii_cased, is_cased, lower, CharSet, Lat1Map, Single,
};
use super::flags as F;
use super::parse::{width, At, Node, Parsed, RepKind, SetItem};
use super::{Error, MAXREPEAT};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AtKind {
    Beginning,
    BeginningLine,
    BeginningString,
    End,
    EndLine,
    EndString,
    /// `\b`; true for the Unicode meaning of "word".
    Boundary(bool),
    NonBoundary(bool),
}

/// How a backreference compares characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaseMode {
    Exact,
    Unicode,
    Ascii,
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Inst {
    /// Match one character.
    One(Single),
    At(AtKind),
    /// Record the position in a capture slot (2g-2 start, 2g-1 end).
    Save(u32),
    /// Alternatives (`branches`): try each in turn.
    Branch(u32),
    Jmp(u32),
    /// A repeat of one character (`rep_ones`).
    RepOne(u32),
    /// A general repeat (`reps`): enter it, and the end of its body.
    RepStart(u32),
    RepEnd(u32),
    AtomicStart,
    AtomicEnd,
    /// Lookahead or lookbehind (`looks`).
    LookStart(u32),
    LookEnd,
    Backref(u32, CaseMode),
    /// Go on if the group matched, else jump.
    IfGroup(u32, u32),
    Match,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct RepOneInfo {
    pub single: Single,
    pub min: usize,
    pub max: usize,
    pub kind: RepKind,
    /// The character the rest of the pattern starts with, if known, and
    /// the lowest capture slot written before it (`u32::MAX` if none).
    pub next_lit: Option<(u32, u32)>,
    /// `next_lit` comes right after and cannot pass `single`: the rest can
    /// only start where the run of matching characters ends.
    pub lit_exclusive: bool,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct RepInfo {
    pub min: usize,
    pub max: usize,
    pub lazy: bool,
    pub possessive: bool,
    pub body: u32,
    pub exit: u32,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct LookInfo {
    pub negate: bool,
    pub behind: Option<usize>,
    /// Index of the `LookEnd`.
    pub end: u32,
}

/// A zero-width test at the start of the pattern.
#[derive(Clone, Debug)]
pub(crate) enum Lead {
    At(AtKind),
    /// A lookbehind of one-character tests.
    Behind(Vec<Single>),
}

/// The characters a match can start with.
#[derive(Clone, Debug)]
pub(crate) struct FirstSet {
    pub lat1: Lat1Map,
    /// Tests for characters from 256 up; empty when none can start a match.
    pub high: Vec<Single>,
}

#[derive(Debug, Default)]
pub(crate) struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<CharSet>,
    pub rep_ones: Vec<RepOneInfo>,
    pub reps: Vec<RepInfo>,
    /// Start of each alternative of each `Branch`.
    pub branches: Vec<Vec<u32>>,
    pub looks: Vec<LookInfo>,
    pub ngroups: usize,
    pub min_width: usize,
    /// The pattern matches only at the start of the string.
    pub anchored: bool,
    /// Characters every match starts with.
    pub prefix: Vec<u32>,
    /// Index in `prefix` of the character to scan for (the rarest one).
    pub prefix_anchor: usize,
    /// Zero-width tests every match starts with, checked before an attempt.
    pub lead: Vec<Lead>,
    pub first: Option<FirstSet>,
    /// The whole pattern is this plain string.
    pub pure_literal: Option<Vec<u32>>,
    /// The pattern starts with an unbounded repeat of this test and nothing
    /// after it looks at groups: when an attempt fails, no start inside the
    /// same run of matching characters (nor just after it) can succeed, as
    /// each would try a subset of the same places for the rest, so the
    /// search skips the run.
    pub skip_run: Option<Single>,
}

fn combine(flags: u32, add: u32, del: u32) -> u32 {
    let mut f = flags;
    if add & (F::ASCII | F::LOCALE | F::UNICODE) != 0 {
        f &= !(F::ASCII | F::LOCALE | F::UNICODE);
    }
    (f | add) & !del
}

struct Compiler {
    prog: Program,
    widths: Vec<Option<(u64, u64)>>,
}

pub(crate) fn compile(p: &Parsed) -> Result<Program, Error> {
    let mut c = Compiler {
        prog: Program {
            ngroups: p.groups,
            ..Program::default()
        },
        widths: p.widths.iter().map(|&w| Some(w)).collect(),
    };
    c.seq(&p.nodes, p.flags)?;
    c.emit(Inst::Match);
    let mut prog = c.prog;
    prog.min_width = width(&p.nodes, &c.widths).0 as usize;
    analyse(&mut prog);
    Ok(prog)
}

impl Compiler {
    fn emit(&mut self, i: Inst) -> usize {
        self.prog.insts.push(i);
        self.prog.insts.len() - 1
    }
    fn here(&self) -> u32 {
        self.prog.insts.len() as u32
    }
    fn add_set(&mut self, s: CharSet) -> Single {
        self.prog.sets.push(s);
        Single::Set(self.prog.sets.len() as u32 - 1)
    }

    fn seq(&mut self, nodes: &[Node], flags: u32) -> Result<(), Error> {
        for n in nodes {
            self.node(n, flags)?;
        }
        Ok(())
    }

    /// The test for a literal (or, with `negate`, anything but it).
    fn literal(&mut self, c: u32, negate: bool, flags: u32) -> Single {
        let plain = if negate {
            Single::NotChar(c)
        } else {
            Single::Char(c)
        };
        if flags & F::IGNORECASE == 0 {
            return plain;
        }
        let unicode = flags & F::UNICODE != 0 && flags & F::LOCALE == 0;
        if !unicode {
            if !is_ascii_cased(c) {
                return plain;
            }
            let lo = ascii_lower(c);
            return if negate {
                Single::NotCharA(lo)
            } else {
                Single::CharA(lo)
            };
        }
        if !is_cased(c) {
            return plain;
        }
        let lo = lower(c);
        match case_class(lo) {
            None if negate => Single::NotCharL(lo),
            None => Single::CharL(lo),
            Some(class) => {
                let items: Vec<SetItem> = class.iter().map(|&m| SetItem::Lit(m)).collect();
                self.add_set(CharSet::new(&items, negate, flags))
            }
        }
    }

    /// The one-character test `body` is, if it is one (`sre`'s "simple").
    fn simple(&mut self, body: &[Node], flags: u32) -> Option<Single> {
        if body.len() != 1 {
            return None;
        }
        Some(match &body[0] {
            Node::Lit(c) => self.literal(*c, false, flags),
            Node::NotLit(c) => self.literal(*c, true, flags),
            Node::Any => any(flags),
            Node::In(neg, items) => self.add_set(CharSet::new(items, *neg, flags)),
            Node::Group {
                group: None,
                add,
                del,
                body,
            } => return self.simple(body, combine(flags, *add, *del)),
            _ => return None,
        })
    }

    fn node(&mut self, n: &Node, flags: u32) -> Result<(), Error> {
        match n {
            Node::Lit(c) => {
                let s = self.literal(*c, false, flags);
                self.emit(Inst::One(s));
            }
            Node::NotLit(c) => {
                let s = self.literal(*c, true, flags);
                self.emit(Inst::One(s));
            }
            Node::Any => {
                self.emit(Inst::One(any(flags)));
            }
            Node::In(neg, items) => {
                let s = self.add_set(CharSet::new(items, *neg, flags));
                self.emit(Inst::One(s));
            }
            Node::At(a) => {
                self.emit(Inst::At(at_kind(*a, flags)));
            }
            Node::Branch(alts) => {
                let idx = self.prog.branches.len();
                self.prog.branches.push(Vec::new());
                self.emit(Inst::Branch(idx as u32));
                let mut starts = Vec::new();
                let mut jumps = Vec::new();
                for alt in alts {
                    starts.push(self.here());
                    self.seq(alt, flags)?;
                    jumps.push(self.emit(Inst::Jmp(0)));
                }
                let end = self.here();
                for j in jumps {
                    self.prog.insts[j] = Inst::Jmp(end);
                }
                self.prog.branches[idx] = starts;
            }
            Node::Group {
                group,
                add,
                del,
                body,
            } => {
                let f = combine(flags, *add, *del);
                match group {
                    Some(g) => {
                        let slot = 2 * (*g as u32 - 1);
                        self.emit(Inst::Save(slot));
                        self.seq(body, f)?;
                        self.emit(Inst::Save(slot + 1));
                    }
                    None => self.seq(body, f)?,
                }
            }
            Node::Repeat {
                min,
                max,
                kind,
                body,
            } => self.repeat(*min, *max, *kind, body, flags)?,
            Node::Atomic(body) => {
                self.emit(Inst::AtomicStart);
                self.seq(body, flags)?;
                self.emit(Inst::AtomicEnd);
            }
            Node::Assert {
                behind,
                negate,
                body,
            } => {
                let behind = if *behind {
                    let (lo, hi) = width(body, &self.widths);
                    if lo > u32::MAX as u64 {
                        return Err(Error::re_nopos("looks too much behind"));
                    }
                    if lo != hi {
                        return Err(Error::re_nopos("look-behind requires fixed-width pattern"));
                    }
                    Some(lo as usize)
                } else {
                    None
                };
                let idx = self.prog.looks.len();
                self.prog.looks.push(LookInfo {
                    negate: *negate,
                    behind,
                    end: 0,
                });
                self.emit(Inst::LookStart(idx as u32));
                self.seq(body, flags)?;
                let end = self.emit(Inst::LookEnd);
                self.prog.looks[idx].end = end as u32;
            }
            Node::GroupRef(g) => {
                let mode = if flags & F::IGNORECASE == 0 {
                    CaseMode::Exact
                } else if flags & F::UNICODE != 0 && flags & F::LOCALE == 0 {
                    CaseMode::Unicode
                } else {
                    CaseMode::Ascii
                };
                self.emit(Inst::Backref(*g as u32, mode));
            }
            Node::GroupRefExists { group, yes, no } => {
                let at = self.emit(Inst::IfGroup(*group as u32, 0));
                self.seq(yes, flags)?;
                match no {
                    Some(no) => {
                        let j = self.emit(Inst::Jmp(0));
                        let here = self.here();
                        self.prog.insts[at] = Inst::IfGroup(*group as u32, here);
                        self.seq(no, flags)?;
                        let end = self.here();
                        self.prog.insts[j] = Inst::Jmp(end);
                    }
                    None => {
                        let here = self.here();
                        self.prog.insts[at] = Inst::IfGroup(*group as u32, here);
                    }
                }
            }
        }
        Ok(())
    }

    fn repeat(
        &mut self,
        min: u32,
        max: u32,
        kind: RepKind,
        body: &[Node],
        flags: u32,
    ) -> Result<(), Error> {
        if flags & F::TEMPLATE != 0 {
            let op = match kind {
                RepKind::Greedy => "MAX_REPEAT",
                RepKind::Lazy => "MIN_REPEAT",
                RepKind::Possessive => "POSSESSIVE_REPEAT",
            };
            return Err(Error::re_nopos(format!(
                "internal: unsupported template operator {}",
                op
            )));
        }
        let min = min as usize;
        let max = if max as u64 == MAXREPEAT {
            usize::MAX
        } else {
            max as usize
        };
        if let Some(single) = self.simple(body, flags) {
            let idx = self.prog.rep_ones.len();
            self.prog.rep_ones.push(RepOneInfo {
                single,
                min,
                max,
                kind,
                next_lit: None,
                lit_exclusive: false,
            });
            self.emit(Inst::RepOne(idx as u32));
            return Ok(());
        }
        let possessive = kind == RepKind::Possessive;
        if possessive {
            // Each pass is atomic, and so is the loop as a whole.
            self.emit(Inst::AtomicStart);
        }
        let idx = self.prog.reps.len();
        self.prog.reps.push(RepInfo {
            min,
            max,
            lazy: kind == RepKind::Lazy,
            possessive,
            body: 0,
            exit: 0,
        });
        let start = self.emit(Inst::RepStart(idx as u32));
        if possessive {
            self.emit(Inst::AtomicStart);
        }
        self.seq(body, flags)?;
        if possessive {
            self.emit(Inst::AtomicEnd);
        }
        let end = self.emit(Inst::RepEnd(idx as u32));
        self.prog.reps[idx].body = start as u32 + 1;
        self.prog.reps[idx].exit = end as u32 + 1;
        if possessive {
            self.emit(Inst::AtomicEnd);
        }
        Ok(())
    }
}

fn any(flags: u32) -> Single {
    if flags & F::DOTALL != 0 {
        Single::AnyAll
    } else {
        Single::Any
    }
}

fn at_kind(a: At, flags: u32) -> AtKind {
    let multi = flags & F::MULTILINE != 0;
    let uni = flags & F::UNICODE != 0 && flags & F::LOCALE == 0;
    match a {
        At::Beginning if multi => AtKind::BeginningLine,
        At::Beginning => AtKind::Beginning,
        At::End if multi => AtKind::EndLine,
        At::End => AtKind::End,
        At::BeginningString => AtKind::BeginningString,
        At::EndString => AtKind::EndString,
        At::Boundary => AtKind::Boundary(uni),
        At::NonBoundary => AtKind::NonBoundary(uni),
    }
}

/// Fills in what the search loop uses to skip ahead.
fn analyse(p: &mut Program) {
    // The character after a one-character repeat (past capture marks):
    // the rest of the pattern can only match where it is.
    for pc in 0..p.insts.len() {
        if let Inst::RepOne(i) = p.insts[pc] {
            let mut q = pc + 1;
            let mut low = u32::MAX;
            while let Some(Inst::Save(s)) = p.insts.get(q) {
                low = low.min(*s);
                q += 1;
            }
            if let Some(Inst::One(Single::Char(c))) = p.insts.get(q) {
                let r = &mut p.rep_ones[i as usize];
                r.next_lit = Some((*c, low));
                r.lit_exclusive = q == pc + 1 && !r.single.test(&p.sets, *c);
            }
        }
    }
    let mut pc = 0;
    while let Inst::Save(_) = p.insts[pc] {
        pc += 1;
    }
    p.anchored = matches!(
        p.insts[pc],
        Inst::At(AtKind::Beginning) | Inst::At(AtKind::BeginningString)
    );
    let mut prefix = Vec::new();
    let mut saves = false;
    let mut pc = 0;
    loop {
        match p.insts[pc] {
            Inst::Save(_) => saves = true,
            Inst::One(Single::Char(c)) => prefix.push(c),
            _ => break,
        }
        pc += 1;
    }
    if !saves && !prefix.is_empty() && matches!(p.insts[pc], Inst::Match) {
        p.pure_literal = Some(prefix.clone());
    }
    if prefix.is_empty() {
        p.first = first_set(p);
    }
    p.prefix_anchor = (0..prefix.len())
        .max_by_key(|&k| (rarity(prefix[k]), k == 0))
        .unwrap_or(0);
    p.prefix = prefix;
    p.lead = leading_tests(p);
    let mut pc = 0;
    while let Inst::Save(_) = p.insts[pc] {
        pc += 1;
    }
    if let Inst::RepOne(i) = p.insts[pc] {
        let r = &p.rep_ones[i as usize];
        let uses_groups = p
            .insts
            .iter()
            .any(|i| matches!(i, Inst::Backref(..) | Inst::IfGroup(..)));
        if r.max == usize::MAX && !uses_groups {
            p.skip_run = Some(r.single);
        }
    }
}

/// The tests one of which the first character of any match passes, or
/// `None` when a match may be empty or the start is too involved.
fn first_set(p: &Program) -> Option<FirstSet> {
    let mut singles: Vec<Single> = Vec::new();
    let mut work = vec![0usize];
    let mut seen = vec![false; p.insts.len()];
    while let Some(pc) = work.pop() {
        if seen[pc] {
            continue;
        }
        seen[pc] = true;
        match p.insts[pc] {
            Inst::One(s) => singles.push(s),
            Inst::Save(_) | Inst::At(_) | Inst::AtomicStart | Inst::AtomicEnd => work.push(pc + 1),
            Inst::Branch(i) => work.extend(p.branches[i as usize].iter().map(|&a| a as usize)),
            Inst::Jmp(t) => work.push(t as usize),
            Inst::RepOne(i) => {
                let r = &p.rep_ones[i as usize];
                singles.push(r.single);
                if r.min == 0 {
                    work.push(pc + 1);
                }
            }
            Inst::LookStart(i) => work.push(p.looks[i as usize].end as usize + 1),
            _ => return None,
        }
        if singles.len() > 64 {
            return None;
        }
    }
    singles.dedup();
    let mut lat1 = Lat1Map::default();
    for c in 0..256 {
        if singles.iter().any(|s| s.test(&p.sets, c)) {
            lat1.add(c);
        }
    }
    // Only plain characters below 256 can be ruled out above it.
    let high = if singles
        .iter()
        .all(|s| matches!(s, Single::Char(c) | Single::CharA(c) if *c < 256))
    {
        Vec::new()
    } else {
        singles
    };
    Some(FirstSet { lat1, high })
}

/// The zero-width tests the pattern starts with (past capture marks).
fn leading_tests(p: &Program) -> Vec<Lead> {
    let mut out = Vec::new();
    let mut pc = 0;
    loop {
        match p.insts[pc] {
            Inst::Save(_) => pc += 1,
            Inst::At(k) => {
                out.push(Lead::At(k));
                pc += 1;
            }
            Inst::LookStart(i) => {
                let info = &p.looks[i as usize];
                let (Some(w), false) = (info.behind, info.negate) else {
                    break;
                };
                let body = &p.insts[pc + 1..info.end as usize];
                let singles: Vec<Single> = body
                    .iter()
                    .filter_map(|i| match i {
                        Inst::One(s) => Some(*s),
                        _ => None,
                    })
                    .collect();
                if singles.len() != w || singles.len() != body.len() {
                    break;
                }
                out.push(Lead::Behind(singles));
                pc = info.end as usize + 1;
            }
            _ => break,
        }
    }
    out
}

/// How rare a character is in typical text, for choosing what to scan for.
fn rarity(c: u32) -> u32 {
    const COMMON: &[u8] = b" etaoinsrhldcumfpgwybvkxjqz";
    match u8::try_from(c) {
        Ok(b) => match COMMON.iter().position(|&x| x == b.to_ascii_lowercase()) {
            Some(i) if b.is_ascii_uppercase() => 40 + i as u32,
            Some(i) => i as u32,
            None if b.is_ascii_digit() => 30,
            None if b < 0x80 => 70,
            None => 90,
        },
        Err(_) => 100,
    }
}
