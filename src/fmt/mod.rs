//! Text formatting that must match CPython 3.11 byte for byte: float repr,
//! `format()` specs, `%`-formatting, `str.format` parsing and the number
//! parsers behind `int()`/`float()`.
//!
//! Nothing here knows about interpreter values: inputs are Rust primitives and
//! errors are the exact message of the ValueError CPython would raise (the few
//! cases where CPython raises another exception type are noted on the function).

mod complex;
mod float;
mod parse;
mod percent;
mod spec;
mod strformat;

#[cfg(test)]
mod tests;

pub use complex::{complex_repr, format_complex, parse_complex, ComplexParseError};
pub use float::{float_repr, round_float};
pub use parse::{int_to_f64, int_to_str_radix, parse_float, parse_int};
pub use percent::{
    parse_percent, parse_percent_bytes, percent_float, percent_i64, percent_int, percent_str,
    Count, PercentFlags, PercentPiece, PercentSpec,
};
pub use spec::{format_float, format_i64, format_int, format_str, FormatSpec};
pub use strformat::{
    parse_format_string, FieldAccess, FieldKey, FieldName, FormatField, FormatPiece,
};

/// Code points whose Unicode decimal value is 0; each starts a run of ten digits.
/// Generated from Python 3.11's `unicodedata` (Unicode 14).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`):
/// CPython accepts any script's digits in `int()`, `float()` and format widths.
pub fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    if c.is_ascii() {
        return c.to_digit(10);
    }
    // Last run whose zero is <= cp.
    let i = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    if i == 0 {
        return None;
    }
    let d = cp - DECIMAL_ZEROS[i - 1];
    (d < 10).then_some(d)
}

/// `str.isspace()` for one character (Python's set, which differs from
/// Rust's `char::is_whitespace` on U+001C..U+001F).
pub fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n'
            | '\x0b'
            | '\x0c'
            | '\r'
            | '\x1c'..='\x1f'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// Pads `s` to `width` characters (not bytes) with `fill`; `align` is one of
/// `<`, `>`, `^` (anything else counts as `<`). Centering puts the extra
/// character on the right, as CPython does.
pub(crate) fn pad(s: &str, width: usize, align: char, fill: char) -> String {
    let n = s.chars().count();
    if n >= width {
        return s.to_string();
    }
    let total = width - n;
    let left = match align {
        '>' => total,
        '^' => total / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(s.len() + total * fill.len_utf8());
    push_n(&mut out, fill, left);
    out.push_str(s);
    push_n(&mut out, fill, total - left);
    out
}

#[inline]
pub(crate) fn push_n(out: &mut String, c: char, n: usize) {
    out.extend(std::iter::repeat_n(c, n));
}

/// An int argument, so that small ints need no `BigInt`.
#[derive(Clone, Copy)]
pub(crate) enum Int<'a> {
    Small(i64),
    Big(&'a num_bigint::BigInt),
}

impl Int<'_> {
    fn negative(self) -> bool {
        match self {
            Int::Small(v) => v < 0,
            Int::Big(v) => v.sign() == num_bigint::Sign::Minus,
        }
    }

    /// Lowercase digits of the absolute value.
    fn magnitude_digits(self, radix: u32) -> String {
        match self {
            Int::Small(v) if radix == 10 => v.unsigned_abs().to_string(),
            Int::Small(v) => {
                let mut n = v.unsigned_abs();
                let mut buf = Vec::with_capacity(64);
                loop {
                    let d = (n % u64::from(radix)) as u32;
                    buf.push(std::char::from_digit(d, radix).expect("digit") as u8);
                    n /= u64::from(radix);
                    if n == 0 {
                        break;
                    }
                }
                buf.reverse();
                String::from_utf8(buf).expect("ascii digits")
            }
            Int::Big(v) => v.magnitude().to_str_radix(radix),
        }
    }

    fn to_i64(self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(v),
            Int::Big(v) => num_traits::ToPrimitive::to_i64(v),
        }
    }

    /// Correctly rounded; `None` on overflow.
    fn to_f64(self) -> Option<f64> {
        match self {
            // `as` rounds to nearest, ties to even.
            Int::Small(v) => Some(v as f64),
            Int::Big(v) => int_to_f64(v),
        }
    }
}

/// `str.isprintable()` for one character, which `repr()` keeps as it is:
/// every character but the controls, format characters, surrogates,
/// private-use and unassigned code points, and separators other than the
/// ASCII space.
pub fn is_printable(c: char) -> bool {
    use unicode_general_category::{get_general_category, GeneralCategory as G};
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    !matches!(
        get_general_category(c),
        G::Control
            | G::Format
            | G::Surrogate
            | G::PrivateUse
            | G::Unassigned
            | G::LineSeparator
            | G::ParagraphSeparator
            | G::SpaceSeparator
    )
}
