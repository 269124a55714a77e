//! Parsing of `str.format` strings, a port of CPython's
//! Objects/stringlib/unicode_format.h (MarkupIterator and field names).

use super::decimal_value;

/// One piece of a `str.format` string.
#[derive(Debug, Clone, PartialEq)]
pub enum FormatPiece {
    /// Text copied as is (`{{` and `}}` already undoubled).
    Literal(String),
    Field(FormatField),
}

/// A replacement field `{name!conv:spec}`.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatField {
    pub name: FieldName,
    /// `r`, `s` or `a` (others are rejected while parsing).
    pub conversion: Option<char>,
    /// The raw spec; it may hold nested fields (`{x:{w}}`): format it with
    /// the same arguments (and auto-numbering counter) before using it.
    pub spec: String,
}

/// `first` followed by attribute and item accesses: `x.attr[0][key]`.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldName {
    pub first: FieldKey,
    pub rest: Vec<FieldAccess>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldKey {
    /// `{}`: the next positional argument.
    Auto,
    /// `{0}`: a positional argument.
    Index(usize),
    /// `{name}`: a keyword argument.
    Name(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum FieldAccess {
    /// `.name`
    Attr(String),
    /// `[0]`: all decimal digits, so an integer index.
    Index(usize),
    /// `[key]`: anything else, a string key.
    Key(String),
}

/// The field-name `get_integer`: `Ok(None)` unless every char is a digit.
fn get_integer(s: &[char]) -> Result<Option<usize>, String> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: u64 = 0;
    for &c in s {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc * 10 + u64::from(d);
        if acc > isize::MAX as u64 {
            return Err("Too many decimal digits in format string".into());
        }
    }
    Ok(Some(acc as usize))
}

fn parse_field_name(name: &[char]) -> Result<FieldName, String> {
    let split = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first_chars = &name[..split];
    let first = if first_chars.is_empty() {
        FieldKey::Auto
    } else {
        match get_integer(first_chars)? {
            Some(i) => FieldKey::Index(i),
            None => FieldKey::Name(first_chars.iter().collect()),
        }
    };
    let mut rest = Vec::new();
    let mut i = split;
    while i < name.len() {
        let c = name[i];
        i += 1;
        let start = i;
        let access = match c {
            '.' => {
                while i < name.len() && name[i] != '.' && name[i] != '[' {
                    i += 1;
                }
                let part = &name[start..i];
                if part.is_empty() {
                    return Err("Empty attribute in format string".into());
                }
                FieldAccess::Attr(part.iter().collect())
            }
            '[' => {
                while i < name.len() && name[i] != ']' {
                    i += 1;
                }
                if i >= name.len() {
                    return Err("Missing ']' in format string".into());
                }
                let part = &name[start..i];
                i += 1;
                if part.is_empty() {
                    return Err("Empty attribute in format string".into());
                }
                match get_integer(part)? {
                    Some(n) => FieldAccess::Index(n),
                    None => FieldAccess::Key(part.iter().collect()),
                }
            }
            _ => return Err("Only '.' or '[' may follow ']' in format field specifier".into()),
        };
        rest.push(access);
    }
    Ok(FieldName { first, rest })
}

fn check_conversion(c: char) -> Result<char, String> {
    match c {
        'r' | 's' | 'a' => Ok(c),
        _ if (c as u32) > 32 && (c as u32) < 127 => {
            Err(format!("Unknown conversion specifier {c}"))
        }
        _ => Err(format!("Unknown conversion specifier \\x{:x}", c as u32)),
    }
}

/// Parses a `str.format` string into literals and fields. Errors are the
/// ValueErrors CPython raises ("Single '}' encountered in format string",
/// "Single '{' encountered in format string", "expected '}' before end of
/// string", "unmatched '{' in format spec", "Unknown conversion specifier
/// x", "Empty attribute in format string", ...). CPython raises them while
/// it formats, so an error from an earlier field's lookup (KeyError,
/// IndexError) would win there; here the whole string is checked first.
/// Mixing `{}` and `{0}` is the caller's to check.
pub fn parse_format_string(fmt: &str) -> Result<Vec<FormatPiece>, String> {
    if !fmt.contains(['{', '}']) {
        return Ok(if fmt.is_empty() {
            Vec::new()
        } else {
            vec![FormatPiece::Literal(fmt.to_string())]
        });
    }
    let chars: Vec<char> = fmt.chars().collect();
    let n = chars.len();
    let mut pieces = Vec::new();
    let mut lit = String::new();
    let mut pos = 0;
    while pos < n {
        let start = pos;
        let mut c = '\0';
        let mut markup = false;
        while pos < n {
            c = chars[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup = true;
                break;
            }
        }
        let at_end = pos >= n;
        let mut len = pos - start;
        if markup && c == '}' && (at_end || chars[pos] != '}') {
            return Err("Single '}' encountered in format string".into());
        }
        if markup && at_end && c == '{' {
            return Err("Single '{' encountered in format string".into());
        }
        if !at_end {
            if chars[pos] == c {
                // A doubled brace: keep one in the literal.
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        lit.extend(&chars[start..start + len]);
        if !markup {
            continue;
        }

        // The field: name up to '}', ':' or '!' (brackets may hold those).
        let name_start = pos;
        c = '\0';
        while pos < n {
            c = chars[pos];
            pos += 1;
            match c {
                '{' => return Err("unexpected '{' in field name".into()),
                '[' => {
                    while pos < n && chars[pos] != ']' {
                        pos += 1;
                    }
                }
                '}' | ':' | '!' => break,
                _ => {}
            }
        }
        let name_chars = &chars[name_start..pos.saturating_sub(1).max(name_start)];
        let mut conversion = None;
        let mut spec = String::new();
        if c == '!' || c == ':' {
            let mut done = false;
            if c == '!' {
                if pos >= n {
                    return Err("end of string while looking for conversion specifier".into());
                }
                conversion = Some(chars[pos]);
                pos += 1;
                if pos < n {
                    let c2 = chars[pos];
                    pos += 1;
                    if c2 == '}' {
                        done = true;
                    } else if c2 != ':' {
                        return Err("expected ':' after conversion specifier".into());
                    }
                }
            }
            if !done {
                let spec_start = pos;
                let mut depth = 1;
                while pos < n {
                    match chars[pos] {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        _ => {}
                    }
                    pos += 1;
                    if depth == 0 {
                        break;
                    }
                }
                if depth != 0 {
                    return Err("unmatched '{' in format spec".into());
                }
                spec = chars[spec_start..pos - 1].iter().collect();
            }
        } else if c != '}' {
            return Err("expected '}' before end of string".into());
        }
        let name = parse_field_name(name_chars)?;
        let conversion = conversion.map(check_conversion).transpose()?;
        if !lit.is_empty() {
            pieces.push(FormatPiece::Literal(std::mem::take(&mut lit)));
        }
        pieces.push(FormatPiece::Field(FormatField {
            name,
            conversion,
            spec,
        }));
    }
    if !lit.is_empty() {
        pieces.push(FormatPiece::Literal(lit));
    }
    Ok(pieces)
}
