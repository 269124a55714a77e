//! Character tests: categories, case mapping, classes, and the one-character
//! matchers the engine runs in its inner loops.
//!
//! Case-insensitive classes follow `sre`: the class is stored lower-cased
//! and a character is lower-cased before the test, so what matches is
//! exactly what CPython matches, quirks included.

use super::flags as F;
use super::parse::{Cat, SetItem};
use super::unicode_tables as t;

pub(crate) fn in_ranges(c: u32, r: &[(u32, u32)]) -> bool {
    let i = r.partition_point(|&(a, _)| a <= c);
    i > 0 && c <= r[i - 1].1
}

fn map_runs(c: u32, runs: &[(u32, u32, i32, u32)]) -> u32 {
    let i = runs.partition_point(|r| r.0 <= c);
    if i == 0 {
        return c;
    }
    let (s, e, d, st) = runs[i - 1];
    if c <= e && (c - s).is_multiple_of(st) {
        (c as i64 + d as i64) as u32
    } else {
        c
    }
}

/// Simple lower-case mapping (`sre`'s `lower`).
#[inline]
pub(crate) fn lower(c: u32) -> u32 {
    if c < 0x80 {
        ascii_lower(c)
    } else {
        map_runs(c, t::LOWER)
    }
}

/// First character of the upper-case mapping (`sre`'s `upper`).
pub(crate) fn upper(c: u32) -> u32 {
    if c < 0x80 {
        ascii_upper(c)
    } else {
        map_runs(c, t::UPPER)
    }
}

#[inline]
pub(crate) fn ascii_lower(c: u32) -> u32 {
    if (0x41..=0x5a).contains(&c) {
        c + 32
    } else {
        c
    }
}

#[inline]
pub(crate) fn ascii_upper(c: u32) -> u32 {
    if (0x61..=0x7a).contains(&c) {
        c - 32
    } else {
        c
    }
}

pub(crate) fn is_cased(c: u32) -> bool {
    if c < 0x80 {
        is_ascii_cased(c)
    } else {
        in_ranges(c, t::CASED)
    }
}

pub(crate) fn is_ascii_cased(c: u32) -> bool {
    (0x41..=0x5a).contains(&c) || (0x61..=0x7a).contains(&c)
}

/// The other lower-cased characters that match `lo` ignoring case.
pub(crate) fn case_class(lo: u32) -> Option<&'static [u32]> {
    t::CASE_CLASSES.iter().copied().find(|cl| cl.contains(&lo))
}

/// Value of a Unicode decimal digit.
pub(crate) fn decimal_value(c: u32) -> Option<u32> {
    if (0x30..=0x39).contains(&c) {
        return Some(c - 0x30);
    }
    let i = t::DIGIT.partition_point(|&(a, _)| a <= c);
    if i > 0 && c <= t::DIGIT[i - 1].1 {
        Some((c - t::DIGIT[i - 1].0) % 10)
    } else {
        None
    }
}

pub(crate) fn uni_word(c: u32) -> bool {
    if c < 0x80 {
        ascii_word(c)
    } else {
        in_ranges(c, t::WORD)
    }
}
pub(crate) fn uni_digit(c: u32) -> bool {
    if c < 0x80 {
        (0x30..=0x39).contains(&c)
    } else {
        in_ranges(c, t::DIGIT)
    }
}
pub(crate) fn uni_space(c: u32) -> bool {
    in_ranges(c, t::SPACE)
}
#[inline]
pub(crate) fn ascii_word(c: u32) -> bool {
    c < 0x80 && (c == 0x5f || (c as u8).is_ascii_alphanumeric())
}
pub(crate) fn ascii_digit(c: u32) -> bool {
    (0x30..=0x39).contains(&c)
}
pub(crate) fn ascii_space(c: u32) -> bool {
    matches!(c, 0x09..=0x0d | 0x20)
}

/// Does `c` belong to `cat`, with Unicode or ASCII meaning?
pub(crate) fn cat_test(cat: Cat, uni: bool, c: u32) -> bool {
    match (cat, uni) {
        (Cat::Digit, true) => uni_digit(c),
        (Cat::NotDigit, true) => !uni_digit(c),
        (Cat::Space, true) => uni_space(c),
        (Cat::NotSpace, true) => !uni_space(c),
        (Cat::Word, true) => uni_word(c),
        (Cat::NotWord, true) => !uni_word(c),
        (Cat::Digit, false) => ascii_digit(c),
        (Cat::NotDigit, false) => !ascii_digit(c),
        (Cat::Space, false) => ascii_space(c),
        (Cat::NotSpace, false) => !ascii_space(c),
        (Cat::Word, false) => ascii_word(c),
        (Cat::NotWord, false) => !ascii_word(c),
    }
}

/// How a class treats case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Exact.
    None,
    /// Test the Unicode lower-case form of the character.
    Unicode,
    /// Test the ASCII lower-case form.
    Ascii,
    /// Bytes with LOCALE: test the lower- and upper-case forms.
    Locale,
}

/// A compiled character class.
#[derive(Clone, Debug)]
pub(crate) struct CharSet {
    negate: bool,
    fold: Fold,
    /// Members below 256, categories included.
    lat1: [u64; 4],
    /// Members from 256 up, sorted and merged.
    ranges: Vec<(u32, u32)>,
    /// Unicode categories, tested for values from 256 up.
    cats: Vec<Cat>,
    /// Ranges that also match when the upper-case form is in them.
    upper_ranges: Vec<(u32, u32)>,
}

impl CharSet {
    fn member(&self, c: u32) -> bool {
        let hit = if c < 256 {
            self.lat1[(c >> 6) as usize] >> (c & 63) & 1 != 0
        } else {
            in_ranges(c, &self.ranges) || self.cats.iter().any(|&k| cat_test(k, true, c))
        };
        hit || (!self.upper_ranges.is_empty() && {
            let u = upper(c);
            self.upper_ranges
                .iter()
                .any(|&(a, b)| (a..=b).contains(&c) || (a..=b).contains(&u))
        })
    }

    /// The Latin-1 membership and negation, when the class tests characters
    /// as they are (no case folding).
    #[inline]
    pub(crate) fn plain_lat1(&self) -> Option<(&[u64; 4], bool)> {
        (self.fold == Fold::None).then_some((&self.lat1, self.negate))
    }

    #[inline]
    pub(crate) fn contains(&self, ch: u32) -> bool {
        match self.fold {
            Fold::None => self.member(ch) != self.negate,
            Fold::Unicode => self.member(lower(ch)) != self.negate,
            Fold::Ascii => self.member(ascii_lower(ch)) != self.negate,
            Fold::Locale => {
                let lo = ascii_lower(ch);
                let up = ascii_upper(ch);
                (self.member(lo) != self.negate) || (up != lo && self.member(up) != self.negate)
            }
        }
    }

    /// Builds the class `[items]` (`[^items]` when `negate`) under `flags`.
    pub(crate) fn new(items: &[SetItem], negate: bool, flags: u32) -> CharSet {
        let locale = flags & F::LOCALE != 0;
        let uni = flags & F::UNICODE != 0 && !locale;
        let mut fold = Fold::None;
        if flags & F::IGNORECASE != 0 {
            if locale {
                fold = Fold::Locale;
            } else if has_cased(items, uni) {
                fold = if uni { Fold::Unicode } else { Fold::Ascii };
            }
        }
        let mut v: Vec<(u32, u32)> = Vec::new();
        let mut cats = Vec::new();
        let mut upper_ranges = Vec::new();
        for &it in items {
            match it {
                SetItem::Cat(k) => cats.push(k),
                SetItem::Lit(c) => match fold {
                    Fold::Unicode => {
                        // Beyond the BMP `sre` keeps the literal as written.
                        let lo = lower(c);
                        let m = if lo >= 0x10000 { c } else { lo };
                        v.push((m, m));
                    }
                    Fold::Ascii => {
                        let m = ascii_lower(c);
                        v.push((m, m));
                    }
                    _ => v.push((c, c)),
                },
                SetItem::Range(a, b) => match fold {
                    Fold::Unicode | Fold::Ascii => {
                        // The BMP part lower-cased; past it, `sre` tests the
                        // character and its upper-case form against the range.
                        if a <= 0xffff {
                            let b2 = b.min(0xffff);
                            v.push((a, b2));
                            if fold == Fold::Unicode {
                                lower_images(a, b2, &mut v);
                            } else {
                                for c in a.max(0x41)..=b2.min(0x5a) {
                                    v.push((c + 32, c + 32));
                                }
                            }
                        }
                        if b >= 0x10000 {
                            upper_ranges.push((a, b));
                        }
                    }
                    _ => v.push((a, b)),
                },
            }
        }
        let mut v = normalize(v);
        if fold == Fold::Unicode {
            let mut extra = Vec::new();
            for cl in t::CASE_CLASSES {
                if cl.iter().any(|&c| in_ranges(c, &v)) {
                    extra.extend(cl.iter().map(|&c| (c, c)));
                }
            }
            if !extra.is_empty() {
                v.extend(extra);
                v = normalize(v);
            }
        }
        let mut lat1 = [0u64; 4];
        for c in 0..256u32 {
            if in_ranges(c, &v) || cats.iter().any(|&k| cat_test(k, uni, c)) {
                lat1[(c >> 6) as usize] |= 1 << (c & 63);
            }
        }
        let mut ranges: Vec<(u32, u32)> = v
            .into_iter()
            .filter(|&(_, b)| b >= 256)
            .map(|(a, b)| (a.max(256), b))
            .collect();
        if !uni {
            // ASCII categories: the negative ones hold for everything from 256 up.
            if cats
                .iter()
                .any(|k| matches!(k, Cat::NotDigit | Cat::NotSpace | Cat::NotWord))
            {
                ranges.push((256, 0x10ffff));
                ranges = normalize(ranges);
            }
            cats.clear();
        } else {
            cats.dedup();
        }
        CharSet {
            negate,
            fold,
            lat1,
            ranges,
            cats,
            upper_ranges,
        }
    }
}

/// Does the class hold a character with case (so that IGNORECASE applies)?
fn has_cased(items: &[SetItem], uni: bool) -> bool {
    items.iter().any(|&it| match it {
        SetItem::Lit(c) => {
            if uni {
                is_cased(c) || lower(c) >= 0x10000
            } else {
                is_ascii_cased(c) || c >= 0x10000
            }
        }
        SetItem::Range(a, b) => {
            b >= 0x10000
                || if uni {
                    let i = t::CASED.partition_point(|&(_, hi)| hi < a);
                    i < t::CASED.len() && t::CASED[i].0 <= b
                } else {
                    (a <= 0x5a && b >= 0x41) || (a <= 0x7a && b >= 0x61)
                }
        }
        SetItem::Cat(_) => false,
    })
}

/// Adds the lower-case forms of the characters in `a..=b` that have one.
fn lower_images(a: u32, b: u32, out: &mut Vec<(u32, u32)>) {
    for &(s, e, d, st) in t::LOWER {
        if e < a || s > b {
            continue;
        }
        let lo = s.max(a);
        let hi = e.min(b);
        let mut x = s + (lo - s).div_ceil(st) * st;
        while x <= hi {
            let m = (x as i64 + d as i64) as u32;
            out.push((m, m));
            x += st;
        }
    }
}

/// Sorts and merges ranges.
pub(crate) fn normalize(mut v: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    v.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match out.last_mut() {
            Some(last) if a <= last.1.saturating_add(1) => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// A test of one character, as the engine's single-step instructions and
/// single-character repeats run it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Single {
    Char(u32),
    NotChar(u32),
    /// The Unicode lower-case form equals the value.
    CharL(u32),
    NotCharL(u32),
    /// The ASCII lower-case form equals the value.
    CharA(u32),
    NotCharA(u32),
    /// Anything but `\n`.
    Any,
    AnyAll,
    Set(u32),
}

impl Single {
    #[inline(always)]
    pub(crate) fn test(self, sets: &[CharSet], ch: u32) -> bool {
        match self {
            Single::Char(c) => ch == c,
            Single::NotChar(c) => ch != c,
            Single::CharL(c) => lower(ch) == c,
            Single::NotCharL(c) => lower(ch) != c,
            Single::CharA(c) => ascii_lower(ch) == c,
            Single::NotCharA(c) => ascii_lower(ch) != c,
            Single::Any => ch != 0x0a,
            Single::AnyAll => true,
            Single::Set(i) => sets[i as usize].contains(ch),
        }
    }
}

/// Membership of the characters below 256, for scanning ahead.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lat1Map(pub [u64; 4]);

impl Lat1Map {
    #[inline(always)]
    pub(crate) fn has(&self, c: u32) -> bool {
        self.0[(c >> 6) as usize] >> (c & 63) & 1 != 0
    }
    pub(crate) fn add(&mut self, c: u32) {
        self.0[(c >> 6) as usize] |= 1 << (c & 63);
    }
}
