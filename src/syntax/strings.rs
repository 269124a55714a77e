//! Decoding the text of string and bytes literals (escapes, newlines).
//! Errors are messages only; the caller knows where the literal is.

/// Decodes the body of a `str` literal.
pub fn decode_str(text: &str, raw: bool) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            // Source newlines in triple-quoted strings are always '\n'.
            '\r' => {
                if chars.peek().map(|&(_, c)| c) == Some('\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\\' if !raw => {
                let Some((_, e)) = chars.next() else {
                    // A backslash right before an f-string field.
                    out.push('\\');
                    break;
                };
                match e {
                    '\n' => {}
                    '\r' => {
                        if chars.peek().map(|&(_, c)| c) == Some('\n') {
                            chars.next();
                        }
                    }
                    'x' | 'u' | 'U' => {
                        let (n, name) = match e {
                            'x' => (2, "\\xXX"),
                            'u' => (4, "\\uXXXX"),
                            _ => (8, "\\UXXXXXXXX"),
                        };
                        let mut value = 0u32;
                        for k in 0..n {
                            match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                                Some(d) => {
                                    value = value * 16 + d;
                                    chars.next();
                                }
                                None => {
                                    return Err(unicode_error(
                                        i,
                                        i + 1 + k,
                                        &format!("truncated {name} escape"),
                                    ))
                                }
                            }
                        }
                        match char::from_u32(value) {
                            Some(ch) => out.push(ch),
                            None if value > 0x10FFFF => {
                                return Err(unicode_error(
                                    i,
                                    i + 1 + n,
                                    "illegal Unicode character",
                                ))
                            }
                            None => {
                                return Err(
                                    "(unicode error) surrogate characters are not supported"
                                        .to_string(),
                                )
                            }
                        }
                    }
                    'N' => {
                        return Err("(unicode error) \\N{...} escapes are not supported".to_string())
                    }
                    '0'..='7' => out
                        .push(char::from_u32(octal_escape(e, &mut chars)).expect("at most 0o777")),
                    e => match simple_escape(e) {
                        Some(b) => out.push(b as char),
                        None => {
                            // Unknown escapes keep their backslash.
                            out.push('\\');
                            out.push(e);
                        }
                    },
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// Decodes the body of a `bytes` literal.
pub fn decode_bytes(text: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !text.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".to_string());
    }
    let mut out = Vec::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\r' => {
                if chars.peek().map(|&(_, c)| c) == Some('\n') {
                    chars.next();
                }
                out.push(b'\n');
            }
            '\\' if !raw => {
                let Some((_, e)) = chars.next() else {
                    out.push(b'\\');
                    break;
                };
                match e {
                    '\n' => {}
                    '\r' => {
                        if chars.peek().map(|&(_, c)| c) == Some('\n') {
                            chars.next();
                        }
                    }
                    'x' => {
                        let mut value = 0u32;
                        for k in 0..2 {
                            match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                                Some(d) => {
                                    value = value * 16 + d;
                                    chars.next();
                                }
                                None => {
                                    return Err(format!(
                                        "(value error) invalid \\x escape at position {}",
                                        i + k
                                    ))
                                }
                            }
                        }
                        out.push(value as u8);
                    }
                    // Out-of-range octal escapes wrap, as CPython 3.11 did.
                    '0'..='7' => out.push((octal_escape(e, &mut chars) & 0xFF) as u8),
                    e => match simple_escape(e) {
                        Some(b) => out.push(b),
                        None => {
                            out.push(b'\\');
                            out.push(e as u8);
                        }
                    },
                }
            }
            c => out.push(c as u8),
        }
    }
    Ok(out)
}

fn unicode_error(start: usize, end: usize, what: &str) -> String {
    format!("(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}")
}

/// The byte for a one-letter escape like `\n`.
fn simple_escape(e: char) -> Option<u8> {
    Some(match e {
        '\\' => b'\\',
        '\'' => b'\'',
        '"' => b'"',
        'a' => 7,
        'b' => 8,
        'f' => 12,
        'n' => b'\n',
        'r' => b'\r',
        't' => b'\t',
        'v' => 11,
        _ => return None,
    })
}

/// Up to three octal digits, the first already read.
fn octal_escape(first: char, chars: &mut std::iter::Peekable<std::str::CharIndices>) -> u32 {
    let mut value = first.to_digit(8).expect("caller checked");
    for _ in 0..2 {
        match chars.peek().and_then(|&(_, d)| d.to_digit(8)) {
            Some(d) => {
                value = value * 8 + d;
                chars.next();
            }
            None => break,
        }
    }
    value
}
