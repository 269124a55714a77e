//! The format-spec mini-language of `format()` / `str.format`, a port of
//! CPython's Python/formatter_unicode.c.

use num_bigint::BigInt;

use super::float::double_to_string;
use super::{decimal_value, pad, push_n, Int};

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// `align` is the alignment written in the spec; the default depends on the
/// value's type (numbers right, strings left, and numbers with the `0` flag
/// use `=`), so it is resolved by the `format_*` functions. `fill` is the
/// fill character to use (`'0'` when the `0` flag was given without an
/// explicit fill, else `' '` unless written).
#[derive(Debug, Clone, PartialEq)]
pub struct FormatSpec {
    pub fill: char,
    pub align: Option<char>,
    pub sign: Option<char>,
    /// The `z` flag (new in 3.11): negative zero is shown as zero.
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            no_neg_zero: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

fn is_align(c: char) -> bool {
    matches!(c, '<' | '>' | '=' | '^')
}

/// `get_integer`: reads decimal digits (of any script, as CPython does).
/// Returns `None` when there are none.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let start = *pos;
    let mut acc: u64 = 0;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        acc = acc * 10 + u64::from(d);
        if acc > isize::MAX as u64 {
            return Err("Too many decimal digits in format string".into());
        }
        *pos += 1;
    }
    Ok((*pos > start).then_some(acc as usize))
}

/// "Cannot specify ',' with 'x'." and friends.
fn bad_grouping(sep: char, ty: char) -> String {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("Cannot specify '{sep}' with '{ty}'.")
    } else {
        format!("Cannot specify '{sep}' with '\\x{:x}'.", ty as u32)
    }
}

pub(super) fn unknown_code(ty: char, type_name: &str) -> String {
    if (ty as u32) > 32 && (ty as u32) < 128 {
        format!("Unknown format code '{ty}' for object of type '{type_name}'")
    } else {
        format!(
            "Unknown format code '\\x{:x}' for object of type '{type_name}'",
            ty as u32
        )
    }
}

impl FormatSpec {
    /// Parses a spec. The one error whose text names the value's type,
    /// "Invalid format specifier '...' for object of type 'T'", says
    /// `object` here: use [`FormatSpec::parse_for`] to get it exact.
    pub fn parse(spec: &str) -> Result<FormatSpec, String> {
        Self::parse_for(spec, "object")
    }

    /// Parses a spec for a value whose type is named `type_name` (`int`,
    /// `float`, `str`, `bool`, ...), which only appears in the message for
    /// trailing garbage.
    pub fn parse_for(spec: &str, type_name: &str) -> Result<FormatSpec, String> {
        let mut f = FormatSpec::default();
        if spec.is_empty() {
            return Ok(f);
        }
        let chars: Vec<char> = spec.chars().collect();
        let end = chars.len();
        let mut pos = 0;
        let mut fill_given = false;
        if end >= 2 && is_align(chars[1]) {
            f.fill = chars[0];
            f.align = Some(chars[1]);
            fill_given = true;
            pos = 2;
        } else if end >= 1 && is_align(chars[0]) {
            f.align = Some(chars[0]);
            pos = 1;
        }
        if pos < end && matches!(chars[pos], '+' | '-' | ' ') {
            f.sign = Some(chars[pos]);
            pos += 1;
        }
        if pos < end && chars[pos] == 'z' {
            f.no_neg_zero = true;
            pos += 1;
        }
        if pos < end && chars[pos] == '#' {
            f.alternate = true;
            pos += 1;
        }
        // With an explicit fill a '0' here is part of the width.
        if !fill_given && pos < end && chars[pos] == '0' {
            f.zero = true;
            f.fill = '0';
            pos += 1;
        }
        f.width = get_integer(&chars, &mut pos)?;
        if pos < end && chars[pos] == ',' {
            f.grouping = Some(',');
            pos += 1;
        }
        if pos < end && chars[pos] == '_' {
            if f.grouping.is_some() {
                return Err("Cannot specify both ',' and '_'.".into());
            }
            f.grouping = Some('_');
            pos += 1;
        }
        if pos < end && chars[pos] == ',' && f.grouping == Some('_') {
            return Err("Cannot specify both ',' and '_'.".into());
        }
        if pos < end && chars[pos] == '.' {
            pos += 1;
            f.precision = get_integer(&chars, &mut pos)?;
            if f.precision.is_none() {
                return Err("Format specifier missing precision".into());
            }
        }
        if end - pos > 1 {
            return Err(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ));
        }
        if end - pos == 1 {
            f.ty = Some(chars[pos]);
        }
        if let (Some(sep), Some(ty)) = (f.grouping, f.ty) {
            match ty {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' => {}
                'b' | 'o' | 'x' | 'X' if sep == '_' => {}
                _ => return Err(bad_grouping(sep, ty)),
            }
        }
        Ok(f)
    }

    /// The fill to use: the `0` flag means `'0'` even if a hand-built spec
    /// left `fill` at `' '`.
    pub(super) fn fill_char(&self) -> char {
        if self.zero {
            '0'
        } else {
            self.fill
        }
    }

    fn is_default(&self) -> bool {
        *self == FormatSpec::default()
    }
}

/// Lays out a number as `calc_number_widths` + `fill_number` do:
/// `[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]`.
#[allow(clippy::too_many_arguments)]
fn layout(
    negative: bool,
    prefix: &str,
    digits: &str,
    decimal: bool,
    remainder: &str,
    spec: &FormatSpec,
    align: char,
    sep: Option<(u8, usize)>,
) -> String {
    let sign = match (spec.sign, negative) {
        (_, true) => Some('-'),
        (Some('+'), false) => Some('+'),
        (Some(' '), false) => Some(' '),
        _ => None,
    };
    let fill = spec.fill_char();
    let width = spec.width.map_or(-1, |w| w as i64);
    let n_other = sign.is_some() as i64
        + prefix.len() as i64
        + decimal as i64
        + remainder.chars().count() as i64;
    // Zero padding with '=' goes through the digit grouping so that the
    // padding zeros get separators too.
    let min_width = if fill == '0' && align == '=' {
        width - n_other
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, sep, min_width)
    };
    let n_pad = (width - n_other - grouped.len() as i64).max(0) as usize;
    let (lpad, spad, rpad) = match align {
        '<' => (0, 0, n_pad),
        '^' => (n_pad / 2, 0, n_pad - n_pad / 2),
        '=' => (0, n_pad, 0),
        _ => (n_pad, 0, 0),
    };
    let mut out = String::with_capacity(
        n_pad * fill.len_utf8() + n_other as usize + grouped.len() + remainder.len(),
    );
    push_n(&mut out, fill, lpad);
    if let Some(s) = sign {
        out.push(s);
    }
    out.push_str(prefix);
    push_n(&mut out, fill, spad);
    out.push_str(&grouped);
    if decimal {
        out.push('.');
    }
    out.push_str(remainder);
    push_n(&mut out, fill, rpad);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: inserts `sep` every `size` digits
/// from the right and left-pads with zeros up to `min_width` characters
/// (which may overshoot by one when a separator would lead).
pub(super) fn group_digits(digits: &str, sep: Option<(u8, usize)>, min_width: i64) -> String {
    let d = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = d.len() as i64;
    // Built right to left.
    let mut rev: Vec<u8> = Vec::with_capacity(d.len() + d.len() / 3 + min_width as usize + 1);
    let put = |rev: &mut Vec<u8>, remaining: i64, n_chars: i64, n_zeros: i64| {
        let hi = remaining as usize;
        let lo = (remaining - n_chars) as usize;
        rev.extend(d[lo..hi].iter().rev());
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
    };
    let mut done = false;
    if let Some((sepc, size)) = sep {
        let size = size as i64;
        let mut use_sep = false;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            if use_sep {
                rev.push(sepc);
            }
            put(&mut rev, remaining, n_chars, n_zeros);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                done = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !done {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        put(&mut rev, remaining, n_chars, n_zeros);
    }
    rev.reverse();
    String::from_utf8(rev).expect("ascii digits")
}

fn number_align(spec: &FormatSpec) -> char {
    spec.align.unwrap_or(if spec.zero { '=' } else { '>' })
}

/// `format(v, spec)` for an int. Float presentation types convert to float
/// first; an int too large for that gives "int too large to convert to float",
/// which CPython raises as OverflowError, as it does "%c arg not in
/// range(0x110000)" and "Python int too large to convert to C long" for `c`.
/// Error messages name the type `int` (CPython names the actual type, e.g.
/// `bool`).
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    if spec.is_default() {
        return Ok(v.to_string());
    }
    format_int_any(Int::Big(v), spec)
}

/// [`format_int`] for an int that fits an `i64`, without a `BigInt`.
pub fn format_i64(v: i64, spec: &FormatSpec) -> Result<String, String> {
    if spec.is_default() {
        return Ok(v.to_string());
    }
    format_int_any(Int::Small(v), spec)
}

fn format_int_any(v: Int, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => format_int_internal(v, spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let f = v.to_f64().ok_or("int too large to convert to float")?;
            format_float_internal(f, spec)
        }
        Some(c) => Err(unknown_code(c, "int")),
    }
}

fn format_int_internal(v: Int, spec: &FormatSpec) -> Result<String, String> {
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let align = number_align(spec);
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".into());
        }
        if spec.alternate {
            return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
        }
        let x = v
            .to_i64()
            .ok_or("Python int too large to convert to C long")?;
        // Lone surrogates cannot live in a Rust string; they get the
        // range error too.
        let ch = u32::try_from(x)
            .ok()
            .and_then(char::from_u32)
            .ok_or("%c arg not in range(0x110000)")?;
        let mut buf = [0u8; 4];
        return Ok(layout(
            false,
            "",
            "",
            false,
            ch.encode_utf8(&mut buf),
            spec,
            align,
            None,
        ));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let negative = v.negative();
    let mut digits = v.magnitude_digits(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let prefix = if spec.alternate { prefix } else { "" };
    let sep = match (spec.grouping, ty) {
        (_, 'n') | (None, _) => None,
        (Some(s), _) => Some((s as u8, if base == 10 { 3 } else { 4 })),
    };
    Ok(layout(
        negative, prefix, &digits, false, "", spec, align, sep,
    ))
}

/// `format(v, spec)` for a float. Error messages name the type `float`.
pub fn format_float(v: f64, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_internal(v, spec)
        }
        Some(c) => Err(unknown_code(c, "float")),
    }
}

fn format_float_internal(v: f64, spec: &FormatSpec) -> Result<String, String> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".into());
    }
    let mut add_dot_0 = false;
    let mut default_precision = 6;
    let mut ty = match spec.ty {
        None => {
            // Like repr() without a precision, else like 'g' but keeping
            // at least one digit after the point.
            add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        Some('n') => 'g',
        Some(c) => c,
    };
    let mut val = v;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match spec.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    let mut buf = double_to_string(
        val,
        ty,
        precision,
        add_dot_0,
        spec.alternate,
        spec.no_neg_zero,
    );
    if add_pct {
        buf.push('%');
    }
    if !matches!(spec.sign, Some('+' | ' '))
        && spec.width.is_none()
        && spec.ty != Some('n')
        && spec.grouping.is_none()
    {
        return Ok(buf);
    }
    let (negative, body) = match buf.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, buf.as_str()),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let sep = match (spec.grouping, spec.ty) {
        (_, Some('n')) | (None, _) => None,
        (Some(s), _) => Some((s as u8, 3)),
    };
    Ok(layout(
        negative,
        "",
        digits,
        decimal,
        remainder,
        spec,
        number_align(spec),
        sep,
    ))
}

/// `format(s, spec)` for a str. Widths and precision count characters.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('s') => {}
        Some(c) => return Err(unknown_code(c, "str")),
    }
    if let (Some(sep), None) = (spec.grouping, spec.ty) {
        // 's' is the default type, so it is the one the error names.
        return Err(bad_grouping(sep, 's'));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if spec.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    let s = match spec.precision {
        Some(p) => match s.char_indices().nth(p) {
            Some((i, _)) => &s[..i],
            None => s,
        },
        None => s,
    };
    Ok(match spec.width {
        Some(w) => pad(s, w, spec.align.unwrap_or('<'), spec.fill_char()),
        None => s.to_string(),
    })
}
