//! Number parsing as done by `int(str, base)` and `float(str)`, and the
//! int-to-text helpers behind `hex()`/`oct()`/`bin()`.

use num_bigint::{BigInt, Sign};
use num_traits::{ToPrimitive, Zero};

use super::{decimal_value, is_py_space};

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: any-script decimal digits
/// become ASCII digits and Unicode spaces become ' '. Other non-ASCII text
/// can never parse, so it gives `None`.
fn to_ascii(text: &str) -> Option<Vec<u8>> {
    if text.is_ascii() {
        return Some(text.as_bytes().to_vec());
    }
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                Some(c as u8)
            } else if is_py_space(c) {
                Some(b' ')
            } else {
                decimal_value(c).map(|d| b'0' + d as u8)
            }
        })
        .collect()
}

/// C `isspace` (`Py_ISSPACE`): after the transform, U+001C..U+001F are not
/// spaces here although `str.isspace()` says they are.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 99,
    }
}

/// `int(text, base)`: surrounding whitespace, a sign, single underscores
/// between digits (and after a base prefix), base 0 inferring the base from
/// a `0x`/`0o`/`0b` prefix (with "010" invalid but "000" fine), and an
/// optional matching prefix in bases 16, 8 and 2. `None` when the text is not
/// valid or `base` is not 0 or 2..=36 (CPython's "int() arg 2 must be >= 2
/// and <= 36" is the caller's, as is CPython 3.11's limit on decimal digits,
/// `sys.set_int_max_str_digits`).
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    if base == 1 || base > 36 {
        return None;
    }
    let s = to_ascii(text)?;
    let mut i = 0;
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    match s.get(i) {
        Some(b'+') => i += 1,
        Some(b'-') => {
            negative = true;
            i += 1
        }
        _ => {}
    }
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // Old C-style octal like "010": only zero is allowed.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return None;
    }
    let mut digits = Vec::with_capacity(s.len() - i);
    let mut prev = 0u8;
    while i < s.len() && (digit_value(s[i]) < base || s[i] == b'_') {
        if s[i] == b'_' {
            if prev == b'_' {
                return None;
            }
        } else {
            digits.push(s[i]);
        }
        prev = s[i];
        i += 1;
    }
    if prev == b'_' || digits.is_empty() {
        return None;
    }
    while i < s.len() && is_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return None;
    }
    let mut v = if base == 10 && digits.len() <= 18 {
        let n = digits
            .iter()
            .fold(0i64, |acc, &d| acc * 10 + i64::from(d - b'0'));
        BigInt::from(n)
    } else {
        BigInt::parse_bytes(&digits, base)?
    };
    if error_if_nonzero && !v.is_zero() {
        return None;
    }
    if negative {
        v = -v;
    }
    Some(v)
}

/// `float(text)`: surrounding whitespace, a sign, decimal digits with an
/// optional point and exponent (`1e5`, `.5`, `5.`), `inf`/`infinity`/`nan`
/// in any case, and single underscores between digits. `None` when invalid.
pub fn parse_float(text: &str) -> Option<f64> {
    let s = to_ascii(text)?;
    let mut a = 0;
    let mut b = s.len();
    while a < b && is_space(s[a]) {
        a += 1;
    }
    while b > a && is_space(s[b - 1]) {
        b -= 1;
    }
    let s = &s[a..b];
    let cleaned;
    let s = if s.contains(&b'_') {
        // Underscores only between two digits.
        let mut out = Vec::with_capacity(s.len());
        let mut prev = 0u8;
        for &c in s {
            if c == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !c.is_ascii_digit() {
                    return None;
                }
                out.push(c);
            }
            prev = c;
        }
        if prev == b'_' {
            return None;
        }
        cleaned = out;
        &cleaned[..]
    } else {
        s
    };
    let (negative, body) = match s.first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = body.to_ascii_lowercase();
    let special = match &lower[..] {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Some(if negative { -v } else { v });
    }
    // [digits][.digits][(e|E)[sign]digits], with at least one mantissa digit.
    let mut i = 0;
    let count_digits = |i: &mut usize| {
        let start = *i;
        while *i < body.len() && body[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start
    };
    let mut mant = count_digits(&mut i);
    if i < body.len() && body[i] == b'.' {
        i += 1;
        mant += count_digits(&mut i);
    }
    if mant == 0 {
        return None;
    }
    if i < body.len() && matches!(body[i], b'e' | b'E') {
        i += 1;
        if i < body.len() && matches!(body[i], b'+' | b'-') {
            i += 1;
        }
        if count_digits(&mut i) == 0 {
            return None;
        }
    }
    if i != body.len() {
        return None;
    }
    let v: f64 = std::str::from_utf8(body).ok()?.parse().ok()?;
    Some(if negative { -v } else { v })
}

/// `hex()`/`oct()`/`bin()` style text: `-0x1f` with `prefix` (for radix 16,
/// 8 or 2), else just the sign and lowercase digits.
pub fn int_to_str_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let digits = v.magnitude().to_str_radix(radix);
    let mut out = String::with_capacity(digits.len() + 3);
    if v.sign() == Sign::Minus {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            16 => "0x",
            8 => "0o",
            2 => "0b",
            _ => "",
        });
    }
    out.push_str(&digits);
    out
}

/// `float(int)`: correctly rounded (ties to even); `None` where CPython
/// raises OverflowError "int too large to convert to float".
pub fn int_to_f64(v: &BigInt) -> Option<f64> {
    v.to_f64().filter(|f| f.is_finite())
}
