//! `%`-formatting (`"..." % args`): parsing of the format string, and the
//! per-conversion renderers, ported from CPython's Objects/unicodeobject.c.

use num_bigint::BigInt;

use super::float::double_to_string;
use super::{push_n, Int};

/// One piece of a `%` format string.
#[derive(Debug, Clone, PartialEq)]
pub enum PercentPiece {
    /// Text copied as is (`%%` already turned into `%`).
    Literal(String),
    Spec(PercentSpec),
}

/// The flags `-`, `+`, ` `, `#`, `0`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PercentFlags {
    /// `-`: left-justify.
    pub minus: bool,
    /// `+`: always show a sign.
    pub plus: bool,
    /// ` `: a space in place of a plus sign.
    pub space: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0`: zero padding (numbers only).
    pub zero: bool,
}

/// A width or precision: written in the format, or `*` (the next argument).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Count {
    Fixed(usize),
    Star,
}

/// One `%` conversion. `conv` is one of `d i u o x X e E f F g G c r s a`
/// (a `%` after flags is an error in Python 3, and `%%` is a literal).
///
/// Arguments are consumed in this order: `*` width, `*` precision, value.
/// A negative `*` width means left-justify: render with a copy of the spec
/// whose `flags.minus` is set and the absolute width. A negative `*`
/// precision counts as 0.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentSpec {
    /// `%(name)s`: the key to look up in the mapping argument.
    pub key: Option<String>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    pub conv: char,
}

/// Parses a `%` format string. Errors are the ValueErrors CPython raises:
/// "incomplete format", "incomplete format key", "width too big",
/// "precision too big" and "unsupported format character 'z' (0x7a) at
/// index 3" (index in characters). CPython finds these while it consumes
/// arguments, so an argument error (TypeError) earlier in the string would
/// win there; here the whole string is checked first.
pub fn parse_percent(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    parse_percent_impl(fmt, false)
}

/// As [`parse_percent`], for a `bytes` format (Latin-1 text), where `%b`
/// is also a conversion.
pub fn parse_percent_bytes(fmt: &str) -> Result<Vec<PercentPiece>, String> {
    parse_percent_impl(fmt, true)
}

fn parse_percent_impl(fmt: &str, bytes: bool) -> Result<Vec<PercentPiece>, String> {
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < n {
        let c = chars[i];
        i += 1;
        if c != '%' {
            lit.push(c);
            continue;
        }
        if i < n && chars[i] == '%' {
            lit.push('%');
            i += 1;
            continue;
        }
        let incomplete = || Err::<Vec<PercentPiece>, String>("incomplete format".into());
        let mut key = None;
        if i < n && chars[i] == '(' {
            i += 1;
            let start = i;
            let mut depth = 1;
            while depth > 0 && i < n {
                match chars[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err("incomplete format key".into());
            }
            key = Some(chars[start..i - 1].iter().collect::<String>());
        }
        let mut flags = PercentFlags::default();
        while i < n {
            match chars[i] {
                '-' => flags.minus = true,
                '+' => flags.plus = true,
                ' ' => flags.space = true,
                '#' => flags.alt = true,
                '0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        if i < n && chars[i] == '*' {
            width = Some(Count::Star);
            i += 1;
        } else if i < n && chars[i].is_ascii_digit() {
            let mut w: usize = 0;
            while i < n && chars[i].is_ascii_digit() {
                w = w
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(chars[i] as usize - '0' as usize))
                    .filter(|&w| w <= isize::MAX as usize)
                    .ok_or("width too big")?;
                i += 1;
            }
            width = Some(Count::Fixed(w));
        }
        let mut precision = None;
        if i < n && chars[i] == '.' {
            i += 1;
            if i < n && chars[i] == '*' {
                precision = Some(Count::Star);
                i += 1;
            } else {
                let mut p: usize = 0;
                while i < n && chars[i].is_ascii_digit() {
                    p = p * 10 + (chars[i] as usize - '0' as usize);
                    if p > i32::MAX as usize {
                        return Err("precision too big".into());
                    }
                    i += 1;
                }
                precision = Some(Count::Fixed(p));
            }
        }
        // C length modifiers are accepted and ignored.
        if i < n && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= n {
            return incomplete();
        }
        let conv = chars[i];
        if !matches!(
            conv,
            'd' | 'i'
                | 'u'
                | 'o'
                | 'x'
                | 'X'
                | 'e'
                | 'E'
                | 'f'
                | 'F'
                | 'g'
                | 'G'
                | 'c'
                | 'r'
                | 's'
                | 'a'
        ) && (!bytes || conv != 'b')
        {
            let shown = if ('\x1f'..='~').contains(&conv) {
                conv
            } else {
                '?'
            };
            return Err(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {i}",
                conv as u32
            ));
        }
        i += 1;
        if !lit.is_empty() {
            pieces.push(PercentPiece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(PercentPiece::Spec(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv,
        }));
    }
    if !lit.is_empty() {
        pieces.push(PercentPiece::Literal(lit));
    }
    Ok(pieces)
}

/// `unicode_format_arg_output`: pads `s` (the converted argument) to the
/// width. For numbers (`numeric`) the sign and `0x`/`0o` prefix stay in front
/// of zero padding and `+`/` ` flags apply; for `s`/`r`/`a` the precision
/// truncates.
fn output(
    s: &str,
    numeric: bool,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let flags = spec.flags;
    let fill = if numeric && flags.zero { '0' } else { ' ' };
    let chars: Vec<char> = s.chars().collect();
    let mut len = chars.len();
    if width.is_none_or(|w| w <= len)
        && precision.is_none_or(|p| p >= len)
        && !(flags.plus || flags.space)
    {
        return s.to_string();
    }
    if matches!(spec.conv, 's' | 'r' | 'a') {
        if let Some(p) = precision {
            len = len.min(p);
        }
    }
    let mut pindex = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                pindex = 1;
            }
            _ if flags.plus => sign = Some('+'),
            _ if flags.space => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.unwrap_or(0).max(len);
    let mut out = String::with_capacity(width + 2);
    if let Some(c) = sign {
        if fill != ' ' {
            out.push(c);
        }
        if width > len {
            width -= 1;
        }
    }
    let prefixed = numeric && flags.alt && matches!(spec.conv, 'x' | 'X' | 'o');
    if prefixed {
        if fill != ' ' {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !flags.minus {
        push_n(&mut out, fill, width - len);
        width = len;
    }
    if fill == ' ' {
        if let Some(c) = sign {
            out.push(c);
        }
        if prefixed {
            out.extend(&chars[pindex..pindex + 2]);
            pindex += 2;
        }
    }
    out.extend(&chars[pindex..pindex + len]);
    if width > len {
        push_n(&mut out, ' ', width - len);
    }
    out
}

/// Renders `d i u o x X` (Python 3 style: `%#o` gives `0o17`, `%#x` `0xf`).
/// `width`/`precision` are the resolved values (from the spec or `*`).
pub fn percent_int(
    v: &BigInt,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    percent_int_any(Int::Big(v), spec, width, precision)
}

/// [`percent_int`] for an int that fits an `i64`, without a `BigInt`.
pub fn percent_i64(
    v: i64,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    percent_int_any(Int::Small(v), spec, width, precision)
}

fn percent_int_any(
    v: Int,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude_digits(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    let negative = v.negative();
    let prefix = if spec.flags.alt { prefix } else { "" };
    let zeros = precision.map_or(0, |p| p.saturating_sub(digits.len()));
    let simple = width.is_none() && precision.is_none() && !spec.flags.plus && !spec.flags.space;
    let mut s = String::with_capacity(digits.len() + zeros + 3);
    if negative {
        s.push('-');
    }
    s.push_str(prefix);
    push_n(&mut s, '0', zeros);
    s.push_str(&digits);
    if simple {
        return s;
    }
    output(&s, true, spec, width, precision)
}

/// Renders `e E f F g G`; the precision defaults to 6.
pub fn percent_float(
    v: f64,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    let s = double_to_string(
        v,
        spec.conv,
        precision.unwrap_or(6),
        false,
        spec.flags.alt,
        false,
    );
    output(&s, true, spec, width, precision)
}

/// Renders `s r a` (the caller passes `str()`/`repr()`/`ascii()` of the
/// argument) and `c` (the caller passes the one-character string):
/// precision truncates `s r a`, `-` left-aligns, padding is spaces.
pub fn percent_str(
    s: &str,
    spec: &PercentSpec,
    width: Option<usize>,
    precision: Option<usize>,
) -> String {
    output(s, false, spec, width, precision)
}
