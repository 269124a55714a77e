//! Complex numbers as text: `repr()`, `format()` and `complex(str)`, with
//! CPython 3.11's rules (Objects/complexobject.c, formatter_unicode.c).

use super::float::double_to_string;
use super::spec::{group_digits, unknown_code, FormatSpec};
use super::{decimal_value, is_py_space, push_n};

/// `repr(complex(re, im))`: just the imaginary part when the real part is
/// +0.0, else both in parentheses; each the shortest round-trip digits
/// without a trailing `.0`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let im_text = double_to_string(im, 'r', 0, false, false, false);
    if re == 0.0 && re.is_sign_positive() {
        return format!("{im_text}j");
    }
    let re_text = double_to_string(re, 'r', 0, false, false, false);
    let sign = if im_text.starts_with('-') { "" } else { "+" };
    format!("({re_text}{sign}{im_text}j)")
}

/// One part of a formatted complex: `[sign]digits[.remainder]`, the digits
/// grouped when the spec asks for it.
fn format_part(
    x: f64,
    ty: char,
    precision: usize,
    spec: &FormatSpec,
    sign: Option<char>,
) -> String {
    let text = double_to_string(x, ty, precision, false, spec.alternate, spec.no_neg_zero);
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let mut out = String::with_capacity(body.len() + 8);
    if negative {
        out.push('-');
    } else if let Some(s @ ('+' | ' ')) = sign {
        out.push(s);
    }
    let sep = match (spec.grouping, spec.ty) {
        (Some(s), ty) if ty != Some('n') => Some((s as u8, 3)),
        _ => None,
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if sep.is_some() && n_digits > 0 {
        out.push_str(&group_digits(&body[..n_digits], sep, 0));
        out.push_str(&body[n_digits..]);
    } else {
        out.push_str(body);
    }
    out
}

/// `format(complex(re, im), spec)`. Errors are ValueError messages.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = match spec.ty {
        None => None,
        Some(c @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G')) => Some(c),
        Some('n') => Some('g'),
        Some(c) => return Err(unknown_code(c, "complex")),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    if spec.fill_char() == '0' {
        return Err("Zero padding is not allowed in complex format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".into());
    }
    // Without a type: like repr(), or 'g' when a precision is given; the
    // real part is left out when it is +0.0, else parentheses go around.
    let (ty, precision, skip_re, parens) = match ty {
        None => {
            let skip = re == 0.0 && re.is_sign_positive();
            match spec.precision {
                None => ('r', 0, skip, !skip),
                Some(p) => ('g', p, skip, !skip),
            }
        }
        Some(c) => (c, spec.precision.unwrap_or(6), false, false),
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if skip_re {
        body.push_str(&format_part(im, ty, precision, spec, spec.sign));
    } else {
        body.push_str(&format_part(re, ty, precision, spec, spec.sign));
        body.push_str(&format_part(im, ty, precision, spec, Some('+')));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let n_pad = spec.width.map_or(0, |w| w.saturating_sub(len));
    let (left, right) = match spec.align.unwrap_or('>') {
        '<' => (0, n_pad),
        '^' => (n_pad / 2, n_pad - n_pad / 2),
        _ => (n_pad, 0),
    };
    let mut out = String::with_capacity(body.len() + n_pad);
    push_n(&mut out, spec.fill, left);
    out.push_str(&body);
    push_n(&mut out, spec.fill, right);
    Ok(out)
}

/// Why `complex(text)` failed.
#[derive(Debug, PartialEq, Eq)]
pub enum ComplexParseError {
    /// "complex() arg is a malformed string"
    Malformed,
    /// A misplaced underscore: "could not convert string to complex: '...'"
    Underscore,
}

/// The longest prefix of `s` that reads as a float (sign, decimal digits
/// with point and exponent, or `inf`/`infinity`/`nan`): its value and
/// length, or `None` when no prefix does. Out of range gives an infinity.
fn float_prefix(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let starts = |at: usize, word: &[u8]| {
        s.len() >= at + word.len() && s[at..at + word.len()].eq_ignore_ascii_case(word)
    };
    let signed = |v: f64| if negative { -v } else { v };
    if starts(i, b"inf") {
        let n = if starts(i + 3, b"inity") {
            i + 8
        } else {
            i + 3
        };
        return Some((signed(f64::INFINITY), n));
    }
    if starts(i, b"nan") {
        return Some((signed(f64::NAN), i + 3));
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < s.len() && s[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let body = i;
    let mut mantissa = digits(&mut i);
    if i < s.len() && s[i] == b'.' {
        i += 1;
        mantissa += digits(&mut i);
    }
    if mantissa == 0 {
        return None;
    }
    if i < s.len() && matches!(s[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < s.len() && matches!(s[j], b'+' | b'-') {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    let text = std::str::from_utf8(&s[body..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((signed(v), i))
}

/// `complex(text)`: `<float>`, `<float>j`, `<float><signed float>j`, and
/// the older `j`, `<sign>j`, `<float><sign>j`, optionally in parentheses,
/// with surrounding whitespace and single underscores between digits.
pub fn parse_complex(text: &str) -> Result<(f64, f64), ComplexParseError> {
    use ComplexParseError::*;
    // Digits of any script and Unicode spaces count as their ASCII forms;
    // any other non-ASCII character cannot match.
    // any other non-ASCII character ends the text with a `?`.
    let mut s: Vec<u8> = Vec::with_capacity(text.len());
    for c in text.chars() {
        if (c as u32) < 127 {
            s.push(c as u8);
        } else if is_py_space(c) {
            s.push(b' ');
        } else if let Some(d) = decimal_value(c) {
            s.push(b'0' + d as u8);
        } else {
            s.push(b'?');
            break;
        }
    }
    if s.contains(&b'_') {
        let mut out = Vec::with_capacity(s.len());
        let mut prev = 0u8;
        for &c in &s {
            if c == 0 {
                return Err(Underscore);
            }
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return Err(Underscore);
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return Err(Underscore);
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return Err(Underscore);
        }
        s = out;
    }
    let space = |c: u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while *i < s.len() && space(s[*i]) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    let bracket = s.get(i) == Some(&b'(');
    if bracket {
        i += 1;
        skip_space(&mut i);
    }
    let is_j = |c: Option<&u8>| matches!(c, Some(b'j' | b'J'));
    let (mut re, mut im) = (0.0, 0.0);
    match float_prefix(&s[i..]) {
        Some((z, n)) => {
            i += n;
            match s.get(i) {
                Some(&sign @ (b'+' | b'-')) => {
                    re = z;
                    match float_prefix(&s[i..]) {
                        Some((y, n)) => {
                            im = y;
                            i += n;
                        }
                        None => {
                            im = if sign == b'+' { 1.0 } else { -1.0 };
                            i += 1;
                        }
                    }
                    if !is_j(s.get(i)) {
                        return Err(Malformed);
                    }
                    i += 1;
                }
                Some(b'j' | b'J') => {
                    im = z;
                    i += 1;
                }
                _ => re = z,
            }
        }
        None => {
            match s.get(i) {
                Some(b'+') => {
                    im = 1.0;
                    i += 1;
                }
                Some(b'-') => {
                    im = -1.0;
                    i += 1;
                }
                _ => im = 1.0,
            }
            if !is_j(s.get(i)) {
                return Err(Malformed);
            }
            i += 1;
        }
    }
    skip_space(&mut i);
    if bracket {
        if s.get(i) != Some(&b')') {
            return Err(Malformed);
        }
        i += 1;
        skip_space(&mut i);
    }
    if i != s.len() {
        return Err(Malformed);
    }
    Ok((re, im))
}
