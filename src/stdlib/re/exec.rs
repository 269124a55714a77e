//! The backtracking machine. Choice points and the undo records of the
//! repeat counters share one explicit stack, so neither long inputs nor deep
//! backtracking grow the native stack. Repeats of one character run as loops
//! and keep a single entry on the stack however many characters they take.
//!
//! Capture groups follow `sre`'s bookkeeping exactly, since it shows in
//! results: marks are written in place, and a choice point saves how many
//! marks are valid ("lastmark") and, only inside a general repeat, a copy of
//! the marks themselves. Going back to it restores just that much.

use std::cell::RefCell;

use super::charset::{ascii_lower, ascii_word, lower, uni_word, CharSet, Single};
use super::compile::{AtKind, CaseMode, FirstSet, Inst, Lead, Program, RepOneInfo};
use super::parse::RepKind;
use super::{Captures, Haystack, Mode};

const NONE: usize = usize::MAX;
const NO: u32 = u32::MAX;

#[derive(Clone, Copy, Debug)]
enum Frame {
    /// Under each choice point: the valid mark count and `lastindex` to go
    /// back to, and where a copy of the marks is kept (`NO` if none).
    Marks { lm: u32, li: u32, snap: u32 },
    /// Alternatives of `Branch` `idx` from number `k` on, entered at `pos`.
    Branch { idx: u32, k: u32, pos: usize },
    /// A greedy one-character repeat at `pc` now at `pos`: give one back.
    RepGreedy { pc: u32, pos: usize, min_pos: usize },
    /// A lazy one-character repeat at `pc` now at `pos`: take one more.
    RepLazy { pc: u32, pos: usize, limit: usize },
    /// Undo entering a general repeat.
    RepPushed { prev: u32 },
    /// Undo a change of a repeat's counter and last start.
    RepState { rid: u32, n: u32, last: usize },
    /// Undo leaving a repeat for its tail.
    CurRep { old: u32 },
    /// A greedy repeat's pass from `pos` failed: undo its counting (the
    /// last start was `old_last`) and go on with the tail (`idx` in `reps`).
    RepExit {
        idx: u32,
        pos: usize,
        old_last: usize,
    },
    /// A lazy repeat's tail failed: try one more pass if `more`.
    RepMore { idx: u32, pos: usize, more: bool },
    /// Start of an atomic group; `msp` is the mark copies' height then.
    Atomic { prev: u32, msp: u32 },
    /// Start of a lookaround entered at `pos`.
    Look {
        idx: u32,
        prev: u32,
        pos: usize,
        msp: u32,
    },
}

impl Frame {
    fn is_undo(&self) -> bool {
        matches!(
            self,
            Frame::RepPushed { .. } | Frame::RepState { .. } | Frame::CurRep { .. }
        )
    }
}

#[derive(Clone, Copy, Debug)]
struct Rep {
    /// Passes done when the body is next entered.
    n: u32,
    /// Where the last optional pass started (empty-pass guard).
    last: usize,
    prev: u32,
    /// Marks are copied at choice points inside (`sre`'s "in a repeat").
    in_rep: bool,
}

/// Scratch state, kept per thread so a match attempt allocates nothing.
#[derive(Default)]
pub(crate) struct Machine {
    stack: Vec<Frame>,
    slots: Vec<usize>,
    /// Number of valid marks (`sre`'s lastmark + 1).
    lm: usize,
    lastindex: u32,
    /// The pattern has groups: choice points keep marks records.
    marks_on: bool,
    mark_stack: Vec<usize>,
    reps: Vec<Rep>,
    cur_rep: u32,
    frame: u32,
}

thread_local! {
    static MACHINE: RefCell<Machine> = RefCell::new(Machine::default());
}

/// What to look for: a match in `text[..end]` from `start`, as `mode` asks.
/// With `must_advance`, an empty match at `start` does not count.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Request {
    pub start: usize,
    pub end: usize,
    pub mode: Mode,
    pub must_advance: bool,
}

/// One match of `p`, written into `out` (its buffer reused).
pub(crate) fn exec<H: Haystack + ?Sized>(
    p: &Program,
    text: &H,
    req: Request,
    out: &mut Captures,
) -> bool {
    let Request {
        start, end, mode, ..
    } = req;
    if mode == Mode::Search {
        if start > end {
            return false;
        }
        if let Some(lit) = &p.pure_literal {
            let Some(s) = find_prefix(text, lit, p.prefix_anchor, start, end) else {
                return false;
            };
            out.slots.clear();
            out.slots.push(Some((s, s + lit.len())));
            out.lastindex = None;
            out.bad_span = false;
            return true;
        }
    }
    MACHINE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut m) => {
            let r = m.exec(p, text, req, out);
            if m.stack.capacity() > 1 << 20 || m.mark_stack.capacity() > 1 << 20 {
                *m = Machine::default();
            }
            r
        }
        Err(_) => Machine::default().exec(p, text, req, out),
    })
}

/// First `i` in `from..` with `text[i..i + lit.len()] == lit` inside `..end`.
/// It scans for `lit[anchor]`, its rarest character.
fn find_prefix<H: Haystack + ?Sized>(
    text: &H,
    lit: &[u32],
    anchor: usize,
    from: usize,
    end: usize,
) -> Option<usize> {
    if lit.len() > end.saturating_sub(from) {
        return None;
    }
    let last = end - lit.len();
    let mut from = from + anchor;
    loop {
        let j = text.find_char(lit[anchor], from, last + anchor + 1)?;
        let i = j - anchor;
        if (0..lit.len()).all(|k| k == anchor || text.at(i + k) == lit[k]) {
            return Some(i);
        }
        from = j + 1;
    }
}

/// Do the pattern's leading zero-width tests pass at `pos`?
fn lead_ok<H: Haystack + ?Sized>(p: &Program, text: &H, pos: usize, end: usize) -> bool {
    p.lead.iter().all(|l| match l {
        Lead::At(k) => at(*k, text, pos, end),
        Lead::Behind(singles) => {
            pos >= singles.len()
                && singles.iter().enumerate().all(|(k, s)| {
                    let q = pos - singles.len() + k;
                    q < end && s.test(&p.sets, text.at(q))
                })
        }
    })
}

/// First `i` in `from..end` whose character can start a match.
fn scan_first<H: Haystack + ?Sized>(
    p: &Program,
    f: &FirstSet,
    text: &H,
    from: usize,
    end: usize,
) -> Option<usize> {
    if let Some(bytes) = text.as_bytes() {
        let map = &f.lat1;
        return bytes[from..end]
            .iter()
            .position(|&c| map.has(c as u32))
            .map(|i| i + from);
    }
    (from..end).find(|&i| {
        let c = text.at(i);
        if c < 256 {
            f.lat1.has(c)
        } else {
            f.high.iter().any(|s| s.test(&p.sets, c))
        }
    })
}

impl Machine {
    fn exec<H: Haystack + ?Sized>(
        &mut self,
        p: &Program,
        text: &H,
        req: Request,
        out: &mut Captures,
    ) -> bool {
        let Request {
            start,
            end,
            mode,
            must_advance,
        } = req;
        self.slots.clear();
        self.slots.resize(2 * p.ngroups, NONE);
        match mode {
            Mode::Match | Mode::FullMatch => {
                let full = mode == Mode::FullMatch;
                match self.run(p, text, start, end, full, must_advance) {
                    Some(e) => {
                        self.captures(start, e, out);
                        true
                    }
                    None => false,
                }
            }
            Mode::Search => {
                if p.anchored && start > 0 {
                    return false;
                }
                let mut pos = start;
                loop {
                    let next = if !p.prefix.is_empty() {
                        find_prefix(text, &p.prefix, p.prefix_anchor, pos, end)
                    } else if let Some(f) = &p.first {
                        scan_first(p, f, text, pos, end)
                    } else {
                        Some(pos)
                    };
                    match next {
                        Some(n) if end - n >= p.min_width => pos = n,
                        _ => return false,
                    }
                    let ma = must_advance && pos == start;
                    if !lead_ok(p, text, pos, end) {
                        if pos >= end {
                            return false;
                        }
                        pos = match p.lead.first() {
                            // The next place just after a newline.
                            Some(Lead::At(AtKind::BeginningLine)) => {
                                match text.find_char(0x0a, pos, end) {
                                    Some(nl) => nl + 1,
                                    None => return false,
                                }
                            }
                            _ => pos + 1,
                        };
                        continue;
                    }
                    if let Some(e) = self.run(p, text, pos, end, false, ma) {
                        self.captures(pos, e, out);
                        return true;
                    }
                    if pos >= end || p.anchored {
                        return false;
                    }
                    if let Some(s) = p.skip_run {
                        pos += count(s, &p.sets, text, pos, end);
                        if pos >= end {
                            return false;
                        }
                    }
                    pos += 1;
                }
            }
        }
    }

    fn captures(&self, start: usize, end: usize, out: &mut Captures) {
        let slots = &mut out.slots;
        slots.clear();
        slots.push(Some((start, end)));
        let mut bad_span = false;
        for (g, pair) in self.slots.chunks_exact(2).enumerate() {
            let (s, e) = (pair[0], pair[1]);
            if 2 * g + 1 < self.lm && s != NONE && e != NONE {
                bad_span |= s > e;
                slots.push(Some((s, e)).filter(|_| s <= e));
            } else {
                slots.push(None);
            }
        }
        out.bad_span = bad_span;
        out.lastindex = if self.lastindex == 0 {
            None
        } else {
            Some(self.lastindex as usize)
        };
    }

    fn group_span(&self, g: u32) -> Option<(usize, usize)> {
        let i = 2 * (g as usize - 1);
        if i + 1 >= self.lm {
            return None;
        }
        let (s, e) = (self.slots[i], self.slots[i + 1]);
        if s == NONE || e == NONE || e < s {
            None
        } else {
            Some((s, e))
        }
    }

    /// The character the tail of repeat `r` must start with, when skipping
    /// the places without it cannot show: the capture marks written before
    /// it are either beyond the valid ones or restored from a copy.
    #[inline]
    fn next_lit(&self, r: &RepOneInfo) -> Option<u32> {
        let (c, low) = r.next_lit?;
        (low as usize >= self.lm || self.in_rep()).then_some(c)
    }

    fn in_rep(&self) -> bool {
        self.cur_rep != NO && self.reps[self.cur_rep as usize].in_rep
    }

    /// Pushes the record a choice point restores marks from.
    #[inline]
    fn save_marks(&mut self, copy: bool) {
        if !self.marks_on {
            return;
        }
        let snap = if copy && self.lm > 0 {
            let at = self.mark_stack.len();
            self.mark_stack.extend_from_slice(&self.slots[..self.lm]);
            at as u32
        } else {
            NO
        };
        self.stack.push(Frame::Marks {
            lm: self.lm as u32,
            li: self.lastindex,
            snap,
        });
    }

    /// Restores marks from the record under the choice point at `top`.
    #[inline]
    fn restore_marks(&mut self, top: usize) {
        if !self.marks_on {
            return;
        }
        if let Frame::Marks { lm, li, snap } = self.stack[top - 1] {
            self.lm = lm as usize;
            self.lastindex = li;
            if snap != NO {
                let s = snap as usize;
                self.slots[..lm as usize].copy_from_slice(&self.mark_stack[s..s + lm as usize]);
            }
        }
    }

    /// Pops the choice point on top and the marks record under it.
    fn pop_choice(&mut self) {
        self.stack.pop();
        if !self.marks_on {
            return;
        }
        if let Some(Frame::Marks { snap, .. }) = self.stack.pop() {
            if snap != NO {
                self.mark_stack.truncate(snap as usize);
            }
        }
    }

    /// One attempt at `start`: the end of the match, or `None`.
    fn run<H: Haystack + ?Sized>(
        &mut self,
        p: &Program,
        text: &H,
        start: usize,
        end: usize,
        match_all: bool,
        must_advance: bool,
    ) -> Option<usize> {
        self.stack.clear();
        self.mark_stack.clear();
        self.reps.clear();
        self.lm = 0;
        self.lastindex = 0;
        self.marks_on = p.ngroups > 0;
        self.cur_rep = NO;
        self.frame = NO;
        let insts = &p.insts[..];
        let sets = &p.sets[..];
        let mut pc = 0usize;
        let mut pos = start;
        loop {
            let ok = match insts[pc] {
                Inst::One(s) => {
                    if pos < end && s.test(sets, text.at(pos)) {
                        pos += 1;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::At(k) => {
                    pc += 1;
                    at(k, text, pos, end)
                }
                Inst::Save(slot) => {
                    let i = slot as usize;
                    if i >= self.lm {
                        for s in &mut self.slots[self.lm..i] {
                            *s = NONE;
                        }
                        self.lm = i + 1;
                    }
                    self.slots[i] = pos;
                    if slot & 1 == 1 {
                        self.lastindex = slot / 2 + 1;
                    }
                    pc += 1;
                    true
                }
                Inst::Branch(idx) => {
                    let alts = &p.branches[idx as usize];
                    match next_alt(p, alts, 0, text, pos, end) {
                        None => false,
                        Some(k) => {
                            self.save_marks(self.in_rep());
                            self.stack.push(Frame::Branch {
                                idx,
                                k: k as u32 + 1,
                                pos,
                            });
                            pc = alts[k] as usize;
                            true
                        }
                    }
                }
                Inst::Jmp(t) => {
                    pc = t as usize;
                    true
                }
                Inst::RepOne(i) => {
                    let r = &p.rep_ones[i as usize];
                    let avail = end.saturating_sub(pos);
                    // Past the end (a match with pos > endpos) `sre` fails
                    // even an optional repeat.
                    if pos > end || avail < r.min {
                        false
                    } else if r.lit_exclusive && !self.marks_on {
                        // Only the end of the run can be followed by the
                        // literal, so there is nothing to come back to.
                        let limit = pos + r.max.min(avail);
                        let np = pos + count(r.single, sets, text, pos, limit);
                        let c = r.next_lit.map_or(0, |l| l.0);
                        if np >= pos + r.min && np < end && text.at(np) == c {
                            pos = np;
                            pc += 1;
                            true
                        } else {
                            false
                        }
                    } else {
                        match r.kind {
                            RepKind::Greedy | RepKind::Possessive => {
                                let limit = pos + r.max.min(avail);
                                let np = pos + count(r.single, sets, text, pos, limit);
                                let min_pos = pos + r.min;
                                if np < min_pos {
                                    false
                                } else if r.kind == RepKind::Possessive {
                                    pos = np;
                                    pc += 1;
                                    true
                                } else {
                                    let mut np = np;
                                    let mut ok = true;
                                    if let Some(c) = self.next_lit(r) {
                                        while np > min_pos && (np >= end || text.at(np) != c) {
                                            np -= 1;
                                        }
                                        ok = np < end && text.at(np) == c;
                                    }
                                    if ok {
                                        self.save_marks(self.in_rep());
                                        self.stack.push(Frame::RepGreedy {
                                            pc: pc as u32,
                                            pos: np,
                                            min_pos,
                                        });
                                        pos = np;
                                        pc += 1;
                                    }
                                    ok
                                }
                            }
                            RepKind::Lazy => {
                                let min_pos = pos + r.min;
                                if (pos..min_pos).all(|k| r.single.test(sets, text.at(k))) {
                                    let limit = pos + r.max.min(avail);
                                    pos = min_pos;
                                    self.save_marks(self.in_rep());
                                    self.stack.push(Frame::RepLazy {
                                        pc: pc as u32,
                                        pos,
                                        limit,
                                    });
                                    pc += 1;
                                    // The tail must start with `next_lit`.
                                    match self.next_lit(r) {
                                        Some(c) => pos < end && text.at(pos) == c,
                                        None => true,
                                    }
                                } else {
                                    false
                                }
                            }
                        }
                    }
                }
                Inst::RepStart(i) => {
                    let info = &p.reps[i as usize];
                    let rid = self.reps.len() as u32;
                    let in_rep = !info.possessive || self.in_rep();
                    self.reps.push(Rep {
                        n: 0,
                        last: NONE,
                        prev: self.cur_rep,
                        in_rep,
                    });
                    self.stack.push(Frame::RepPushed { prev: self.cur_rep });
                    self.cur_rep = rid;
                    pc = self.rep_end(p, i, pos);
                    true
                }
                Inst::RepEnd(i) => {
                    pc = self.rep_end(p, i, pos);
                    true
                }
                Inst::AtomicStart => {
                    let m = self.stack.len() as u32;
                    self.stack.push(Frame::Atomic {
                        prev: self.frame,
                        msp: self.mark_stack.len() as u32,
                    });
                    self.frame = m;
                    pc += 1;
                    true
                }
                Inst::AtomicEnd => {
                    let m = self.frame as usize;
                    if let Frame::Atomic { prev, msp } = self.stack[m] {
                        self.frame = prev;
                        self.cut(m, msp);
                    }
                    pc += 1;
                    true
                }
                Inst::LookStart(i) => {
                    let info = &p.looks[i as usize];
                    let mut from = pos;
                    let mut enter = true;
                    if let Some(w) = info.behind {
                        if pos < w {
                            enter = false;
                        } else {
                            from = pos - w;
                        }
                    }
                    if enter {
                        if info.negate {
                            self.save_marks(self.in_rep());
                        }
                        let m = self.stack.len() as u32;
                        self.stack.push(Frame::Look {
                            idx: i,
                            prev: self.frame,
                            pos,
                            msp: self.mark_stack.len() as u32,
                        });
                        self.frame = m;
                        pos = from;
                        pc += 1;
                        true
                    } else if info.negate {
                        pc = info.end as usize + 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::LookEnd => {
                    let m = self.frame as usize;
                    let Frame::Look {
                        idx,
                        prev,
                        pos: at,
                        msp,
                    } = self.stack[m]
                    else {
                        unreachable!("LookEnd without its start")
                    };
                    self.frame = prev;
                    if p.looks[idx as usize].negate {
                        // The body matched, so the assertion fails; marks
                        // stay as they are until an earlier choice point.
                        self.unwind(m);
                        false
                    } else {
                        self.cut(m, msp);
                        pos = at;
                        pc += 1;
                        true
                    }
                }
                Inst::Backref(g, mode) => match self.group_span(g) {
                    None => false,
                    Some((s, e)) => {
                        let mut ok = true;
                        let mut q = pos;
                        for k in s..e {
                            if q >= end {
                                ok = false;
                                break;
                            }
                            let (a, b) = (text.at(q), text.at(k));
                            let same = match mode {
                                CaseMode::Exact => a == b,
                                CaseMode::Unicode => lower(a) == lower(b),
                                CaseMode::Ascii => ascii_lower(a) == ascii_lower(b),
                            };
                            if !same {
                                ok = false;
                                break;
                            }
                            q += 1;
                        }
                        if ok {
                            pos = q;
                            pc += 1;
                        }
                        ok
                    }
                },
                Inst::IfGroup(g, no) => {
                    pc = if self.group_span(g).is_some() {
                        pc + 1
                    } else {
                        no as usize
                    };
                    true
                }
                Inst::Match => {
                    if (match_all && pos != end) || (must_advance && pos == start) {
                        false
                    } else {
                        return Some(pos);
                    }
                }
            };
            if !ok {
                let (npc, npos) = self.backtrack(p, text, end)?;
                pc = npc;
                pos = npos;
            }
        }
    }

    /// The end of a general repeat's pass (or its entry): decide whether to
    /// run the body again or go on with the tail. Returns the next `pc`.
    fn rep_end(&mut self, p: &Program, i: u32, pos: usize) -> usize {
        let info = &p.reps[i as usize];
        let rid = self.cur_rep;
        let rep = self.reps[rid as usize];
        let count = rep.n as usize;
        if count < info.min {
            self.stack.push(Frame::RepState {
                rid,
                n: rep.n,
                last: rep.last,
            });
            self.reps[rid as usize].n += 1;
            return info.body as usize;
        }
        let more = count < info.max && pos != rep.last;
        if !info.lazy {
            if more {
                self.save_marks(true);
                self.stack.push(Frame::RepExit {
                    idx: i,
                    pos,
                    old_last: rep.last,
                });
                let r = &mut self.reps[rid as usize];
                r.n += 1;
                r.last = pos;
                return info.body as usize;
            }
        } else {
            // `sre` keeps only the mark count for a lazy repeat's tail.
            self.save_marks(false);
            self.stack.push(Frame::RepMore { idx: i, pos, more });
        }
        self.stack.push(Frame::CurRep { old: rid });
        self.cur_rep = rep.prev;
        info.exit as usize
    }

    /// Drops the choice points from the marker at `m` up (the marker
    /// included), keeping the undo records; `msp` is the marker's height of
    /// mark copies.
    fn cut(&mut self, m: usize, msp: u32) {
        let mut w = m;
        for r in m + 1..self.stack.len() {
            let f = self.stack[r];
            if f.is_undo() {
                self.stack[w] = f;
                w += 1;
            }
        }
        self.stack.truncate(w);
        self.mark_stack.truncate(msp as usize);
    }

    fn undo(&mut self, f: Frame) {
        match f {
            Frame::RepPushed { prev } => {
                self.reps.pop();
                self.cur_rep = prev;
            }
            Frame::RepState { rid, n, last } => {
                let r = &mut self.reps[rid as usize];
                r.n = n;
                r.last = last;
            }
            Frame::CurRep { old } => self.cur_rep = old,
            Frame::Marks { snap, .. } if snap != NO => self.mark_stack.truncate(snap as usize),
            _ => {}
        }
    }

    /// Pops down to and including the entry at `m`, undoing as it goes.
    fn unwind(&mut self, m: usize) {
        while self.stack.len() > m {
            if let Some(f) = self.stack.pop() {
                self.undo(f);
            }
        }
    }

    /// Goes back to the latest choice point: its `(pc, pos)`, or `None`
    /// when the attempt has failed.
    fn backtrack<H: Haystack + ?Sized>(
        &mut self,
        p: &Program,
        text: &H,
        end: usize,
    ) -> Option<(usize, usize)> {
        loop {
            let top = self.stack.len().checked_sub(1)?;
            match self.stack[top] {
                Frame::Branch { idx, k, pos } => {
                    self.restore_marks(top);
                    let alts = &p.branches[idx as usize];
                    match next_alt(p, alts, k as usize, text, pos, end) {
                        Some(j) => {
                            self.stack[top] = Frame::Branch {
                                idx,
                                k: j as u32 + 1,
                                pos,
                            };
                            return Some((alts[j] as usize, pos));
                        }
                        None => self.pop_choice(),
                    }
                }
                Frame::RepGreedy { pc, pos, min_pos } => {
                    self.restore_marks(top);
                    if pos == min_pos {
                        self.pop_choice();
                        continue;
                    }
                    let Inst::RepOne(i) = p.insts[pc as usize] else {
                        unreachable!("RepGreedy without its repeat")
                    };
                    let mut np = pos - 1;
                    if let Some(c) = self.next_lit(&p.rep_ones[i as usize]) {
                        while np > min_pos && text.at(np) != c {
                            np -= 1;
                        }
                        if text.at(np) != c {
                            self.pop_choice();
                            continue;
                        }
                    }
                    self.stack[top] = Frame::RepGreedy {
                        pc,
                        pos: np,
                        min_pos,
                    };
                    return Some((pc as usize + 1, np));
                }
                Frame::RepLazy { pc, pos, limit } => {
                    self.restore_marks(top);
                    let Inst::RepOne(i) = p.insts[pc as usize] else {
                        unreachable!("RepLazy without its repeat")
                    };
                    let r = &p.rep_ones[i as usize];
                    let mut np = pos;
                    let lit = self.next_lit(r);
                    let found = loop {
                        if np >= limit || !r.single.test(&p.sets, text.at(np)) {
                            break false;
                        }
                        np += 1;
                        match lit {
                            Some(c) if !(np < end && text.at(np) == c) => continue,
                            _ => break true,
                        }
                    };
                    if !found {
                        self.pop_choice();
                        continue;
                    }
                    self.stack[top] = Frame::RepLazy { pc, pos: np, limit };
                    return Some((pc as usize + 1, np));
                }
                Frame::RepExit { idx, pos, old_last } => {
                    self.restore_marks(top);
                    self.pop_choice();
                    let rid = self.cur_rep;
                    let r = &mut self.reps[rid as usize];
                    r.n -= 1;
                    r.last = old_last;
                    self.stack.push(Frame::CurRep { old: rid });
                    self.cur_rep = self.reps[rid as usize].prev;
                    return Some((p.reps[idx as usize].exit as usize, pos));
                }
                Frame::RepMore { idx, pos, more } => {
                    self.restore_marks(top);
                    self.pop_choice();
                    if !more {
                        continue;
                    }
                    let rid = self.cur_rep;
                    let r = self.reps[rid as usize];
                    self.stack.push(Frame::RepState {
                        rid,
                        n: r.n,
                        last: r.last,
                    });
                    let r = &mut self.reps[rid as usize];
                    r.n += 1;
                    r.last = pos;
                    return Some((p.reps[idx as usize].body as usize, pos));
                }
                Frame::Atomic { prev, .. } => {
                    self.stack.pop();
                    self.frame = prev;
                }
                Frame::Look { idx, prev, pos, .. } => {
                    self.frame = prev;
                    let info = &p.looks[idx as usize];
                    if info.negate {
                        self.restore_marks(top);
                        self.pop_choice();
                        return Some((info.end as usize + 1, pos));
                    }
                    self.stack.pop();
                }
                f => {
                    self.stack.pop();
                    self.undo(f);
                }
            }
        }
    }
}

/// How many characters from `from` (up to `limit`) pass `s`.
#[inline]
fn count<H: Haystack + ?Sized>(
    s: Single,
    sets: &[CharSet],
    text: &H,
    from: usize,
    limit: usize,
) -> usize {
    let mut i = from;
    match s {
        Single::AnyAll => i = limit,
        Single::Any => i = text.find_char(0x0a, from, limit).unwrap_or(limit),
        Single::Char(c) => {
            while i < limit && text.at(i) == c {
                i += 1;
            }
        }
        Single::Set(k) => {
            let set = &sets[k as usize];
            match set.plain_lat1() {
                Some((map, negate)) if text.as_bytes().is_some() => {
                    let bytes = &text.as_bytes().unwrap_or_default()[from..limit];
                    let hit = |c: u8| (map[(c >> 6) as usize] >> (c & 63) & 1 != 0) != negate;
                    i += bytes.iter().position(|&c| !hit(c)).unwrap_or(bytes.len());
                }
                Some((map, negate)) => {
                    while i < limit {
                        let c = text.at(i);
                        let hit = if c < 256 {
                            (map[(c >> 6) as usize] >> (c & 63) & 1 != 0) != negate
                        } else {
                            set.contains(c)
                        };
                        if !hit {
                            break;
                        }
                        i += 1;
                    }
                }
                None => {
                    while i < limit && set.contains(text.at(i)) {
                        i += 1;
                    }
                }
            }
        }
        _ => {
            while i < limit && s.test(sets, text.at(i)) {
                i += 1;
            }
        }
    }
    i - from
}

/// The first alternative from `k` on that can start at `pos`.
fn next_alt<H: Haystack + ?Sized>(
    p: &Program,
    alts: &[u32],
    k: usize,
    text: &H,
    pos: usize,
    end: usize,
) -> Option<usize> {
    (k..alts.len()).find(|&j| match p.insts[alts[j] as usize] {
        Inst::One(s) => pos < end && s.test(&p.sets, text.at(pos)),
        _ => true,
    })
}

#[inline]
fn at<H: Haystack + ?Sized>(k: AtKind, text: &H, pos: usize, end: usize) -> bool {
    match k {
        AtKind::Beginning | AtKind::BeginningString => pos == 0,
        AtKind::BeginningLine => pos == 0 || text.at(pos - 1) == 0x0a,
        AtKind::End => pos == end || (pos + 1 == end && text.at(pos) == 0x0a),
        AtKind::EndLine => pos == end || (pos < text.len() && text.at(pos) == 0x0a),
        AtKind::EndString => pos == end,
        AtKind::Boundary(uni) | AtKind::NonBoundary(uni) => {
            if end == 0 {
                return false;
            }
            let word = |c: u32| if uni { uni_word(c) } else { ascii_word(c) };
            let before = pos > 0 && word(text.at(pos - 1));
            let after = pos < end && word(text.at(pos));
            (before != after) == matches!(k, AtKind::Boundary(_))
        }
    }
}
