//! The text layer's decoding and newline handling, on plain bytes and
//! strings: bytes are decoded a chunk at a time into one string, lines are
//! found with `memchr` and handed out as slices of it.

use crate::vm::bytes::{Codec, Errors};
use crate::vm::{PyResult, Vm};
use std::borrow::Cow;

pub const BOM: &[u8] = b"\xef\xbb\xbf";

/// The encodings the text layer knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Enc {
    Utf8,
    /// UTF-8 with a byte order mark skipped when reading and written first.
    Utf8Sig,
    Ascii,
    Latin1,
}

impl Enc {
    pub fn codec(self) -> Codec {
        match self {
            Enc::Utf8 | Enc::Utf8Sig => Codec::Utf8,
            Enc::Ascii => Codec::Ascii,
            Enc::Latin1 => Codec::Latin1,
        }
    }

    /// How many bytes `s` takes once encoded (replaced characters aside).
    pub fn encoded_len(self, s: &str) -> usize {
        match self {
            Enc::Latin1 if !s.is_ascii() => s.chars().count(),
            _ => s.len(),
        }
    }

    /// The encoding for an `encoding=` name (`None`: not one of ours).
    pub fn lookup(vm: &Vm, name: &str) -> PyResult<Enc> {
        let norm: String = name
            .trim()
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        if norm == "utf-8-sig" || norm == "utf8-sig" {
            return Ok(Enc::Utf8Sig);
        }
        if norm == "locale" {
            return Ok(Enc::Utf8);
        }
        Ok(match vm.codec(name)? {
            Codec::Utf8 => Enc::Utf8,
            Codec::Ascii => Enc::Ascii,
            Codec::Latin1 => Enc::Latin1,
        })
    }
}

/// How lines end when reading (`newline=` of `open`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ReadNl {
    /// `None`: `\r\n` and `\r` become `\n`.
    Translate,
    /// `''`: any of `\n`, `\r\n`, `\r` ends a line, kept as it is.
    Universal,
    Lf,
    Cr,
    CrLf,
}

impl ReadNl {
    pub fn of(newline: Option<&str>) -> ReadNl {
        match newline {
            None => ReadNl::Translate,
            Some("") => ReadNl::Universal,
            Some("\r") => ReadNl::Cr,
            Some("\r\n") => ReadNl::CrLf,
            Some(_) => ReadNl::Lf,
        }
    }

    /// What `\n` becomes when writing.
    pub fn write_nl(newline: Option<&str>) -> Option<&'static str> {
        match newline {
            Some("\r") => Some("\r"),
            Some("\r\n") => Some("\r\n"),
            _ => None,
        }
    }
}

pub const SEEN_CR: u8 = 1;
pub const SEEN_LF: u8 = 2;
pub const SEEN_CRLF: u8 = 4;

/// The `newlines` attribute for the kinds of line ends seen.
pub fn seen_names(seen: u8) -> Vec<&'static str> {
    let mut v = Vec::new();
    if seen & SEEN_CR != 0 {
        v.push("\r");
    }
    if seen & SEEN_LF != 0 {
        v.push("\n");
    }
    if seen & SEEN_CRLF != 0 {
        v.push("\r\n");
    }
    v
}

/// The number of bytes at the end of `b` that start a UTF-8 character not
/// finished yet (they wait for the next chunk).
pub fn incomplete_utf8(b: &[u8]) -> usize {
    let n = b.len();
    for k in 1..=3.min(n) {
        let c = b[n - k];
        if c & 0xc0 == 0x80 {
            continue;
        }
        let need = if c >= 0xf0 {
            4
        } else if c >= 0xe0 {
            3
        } else if c >= 0xc0 {
            2
        } else {
            1
        };
        return if need > k { k } else { 0 };
    }
    0
}

/// Decodes a whole buffer, reusing its memory when it is valid UTF-8.
pub fn decode_owned(vm: &Vm, enc: Enc, errors: Errors, b: Vec<u8>) -> PyResult<String> {
    let ascii_only = matches!(enc, Enc::Ascii | Enc::Latin1);
    if !ascii_only || b.is_ascii() {
        match String::from_utf8(b) {
            Ok(s) => return Ok(s),
            Err(e) => return vm.decode(e.as_bytes(), enc.codec(), errors),
        }
    }
    vm.decode(&b, enc.codec(), errors)
}

/// `\r\n` and `\r` as `\n` in the whole of `s` (the kinds seen noted).
pub fn translate_all(s: String, seen: &mut u8) -> String {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        if memchr::memchr(b'\n', s.as_bytes()).is_some() {
            *seen |= SEEN_LF;
        }
        return s;
    }
    let mut out = String::with_capacity(s.len());
    translate_into(&s, &mut out, seen, &mut Vec::new());
    out
}

/// Appends `s` to `out` with `\r\n` and `\r` as `\n`; the positions in
/// `out` of each `\n` that stands for `\r\n` go to `collapsed`.
fn translate_into(s: &str, out: &mut String, seen: &mut u8, collapsed: &mut Vec<usize>) {
    let b = s.as_bytes();
    let mut start = 0;
    let mut crlf = 0usize;
    for i in memchr::memchr_iter(b'\r', b) {
        if i < start {
            continue;
        }
        out.push_str(&s[start..i]);
        if b.get(i + 1) == Some(&b'\n') {
            collapsed.push(out.len());
            crlf += 1;
            *seen |= SEEN_CRLF;
            start = i + 2;
        } else {
            *seen |= SEEN_CR;
            start = i + 1;
        }
        out.push('\n');
    }
    out.push_str(&s[start..]);
    if memchr::memchr_iter(b'\n', b).count() > crlf {
        *seen |= SEEN_LF;
    }
}

/// Where the first line of `b` ends (after its terminator) for the
/// newline mode `nl`; `eof`: nothing follows `b`, so a final `\r` ends a
/// line in universal mode.
pub fn line_end_in(b: &[u8], nl: ReadNl, eof: bool) -> Option<usize> {
    match nl {
        ReadNl::Translate | ReadNl::Lf => memchr::memchr(b'\n', b).map(|i| i + 1),
        ReadNl::Cr => memchr::memchr(b'\r', b).map(|i| i + 1),
        ReadNl::CrLf => memchr::memmem::find(b, b"\r\n").map(|i| i + 2),
        ReadNl::Universal => match memchr::memchr2(b'\r', b'\n', b) {
            None => None,
            Some(i) if b[i] == b'\n' => Some(i + 1),
            Some(i) => match b.get(i + 1) {
                Some(b'\n') => Some(i + 2),
                Some(_) => Some(i + 1),
                None if eof => Some(i + 1),
                None => None,
            },
        },
    }
}

/// The byte offset after the first `n` characters of `s`, if it has that many.
pub fn char_offset(s: &str, n: usize) -> Option<usize> {
    if n <= s.len() && s.is_char_boundary(n) && s.as_bytes()[..n].is_ascii() {
        return Some(n);
    }
    let mut count = 0;
    for (i, _) in s.char_indices() {
        if count == n {
            return Some(i);
        }
        count += 1;
    }
    (count == n).then_some(s.len())
}

/// Decoded text waiting to be read, and the bytes not decoded yet.
pub struct Decoder {
    pub enc: Enc,
    pub errors: Errors,
    pub nl: ReadNl,
    /// Decoded text; what is unread starts at `pos`.
    pub text: String,
    pub pos: usize,
    /// Bytes received but not decoded: an unfinished character, or a `\r`
    /// whose next byte decides what it means.
    pub tail: Vec<u8>,
    /// Positions in `text` of the `\n`s that stand for `\r\n` (sorted).
    collapsed: Vec<usize>,
    /// Whether a UTF-8-SIG byte order mark was looked for already.
    pub bom_done: bool,
    pub seen: u8,
}

impl Decoder {
    pub fn new(enc: Enc, errors: Errors, nl: ReadNl) -> Decoder {
        Decoder {
            enc,
            errors,
            nl,
            text: String::new(),
            pos: 0,
            tail: Vec::new(),
            collapsed: Vec::new(),
            bom_done: false,
            seen: 0,
        }
    }

    /// Forgets everything buffered; `at_start`: the stream is at its start
    /// (a byte order mark may come).
    pub fn reset(&mut self, at_start: bool) {
        self.text.clear();
        self.pos = 0;
        self.tail.clear();
        self.collapsed.clear();
        self.bom_done = !at_start;
    }

    pub fn has_data(&self) -> bool {
        self.pos < self.text.len() || !self.tail.is_empty()
    }

    /// Drops the text already read.
    fn compact(&mut self) {
        if self.pos == 0 {
            return;
        }
        if self.pos == self.text.len() {
            self.text.clear();
            self.collapsed.clear();
        } else {
            self.text.drain(..self.pos);
            let p = self.pos;
            self.collapsed.retain(|&c| c >= p);
            for c in &mut self.collapsed {
                *c -= p;
            }
        }
        self.pos = 0;
    }

    /// Decodes `data` (what follows the tail); `last`: nothing more comes,
    /// so the tail is decoded too.
    pub fn feed(&mut self, vm: &Vm, data: Vec<u8>, last: bool) -> PyResult<()> {
        self.compact();
        let mut buf = if self.tail.is_empty() {
            data
        } else {
            let mut t = std::mem::take(&mut self.tail);
            t.extend_from_slice(&data);
            t
        };
        if self.enc == Enc::Utf8Sig && !self.bom_done {
            if buf.len() < BOM.len() && !last && BOM.starts_with(&buf) {
                self.tail = buf;
                return Ok(());
            }
            if buf.starts_with(BOM) {
                buf.drain(..BOM.len());
            }
            self.bom_done = true;
        }
        let cut = match (last, self.enc) {
            (false, Enc::Utf8 | Enc::Utf8Sig) => buf.len() - incomplete_utf8(&buf),
            _ => buf.len(),
        };
        let rest = buf[cut..].to_vec();
        buf.truncate(cut);
        let text = decode_owned(vm, self.enc, self.errors, buf)?;
        let held = if self.text.is_empty() && self.plain(&text) {
            // The common case: the chunk becomes the text, uncopied.
            self.text = text;
            false
        } else {
            self.push(&text, last)
        };
        let mut tail = Vec::new();
        if held {
            tail.push(b'\r');
        }
        tail.extend_from_slice(&rest);
        self.tail = tail;
        Ok(())
    }

    /// Whether `s` needs no newline translation (the kinds of line end it
    /// has are noted).
    fn plain(&mut self, s: &str) -> bool {
        let b = s.as_bytes();
        let has_cr = memchr::memchr(b'\r', b).is_some();
        if has_cr && matches!(self.nl, ReadNl::Translate | ReadNl::Universal) {
            return false;
        }
        if self.seen & SEEN_LF == 0 && memchr::memchr(b'\n', b).is_some() {
            self.seen |= SEEN_LF;
        }
        true
    }

    /// Appends decoded text; true if a final `\r` was held back.
    fn push(&mut self, s: &str, last: bool) -> bool {
        match self.nl {
            ReadNl::Translate => {
                let b = s.as_bytes();
                if memchr::memchr(b'\r', b).is_none() {
                    if self.seen & SEEN_LF == 0 && memchr::memchr(b'\n', b).is_some() {
                        self.seen |= SEEN_LF;
                    }
                    self.text.push_str(s);
                    return false;
                }
                let (body, held) = if !last && s.ends_with('\r') {
                    (&s[..s.len() - 1], true)
                } else {
                    (s, false)
                };
                translate_into(body, &mut self.text, &mut self.seen, &mut self.collapsed);
                held
            }
            ReadNl::Universal => {
                let mut scratch = String::new();
                if memchr::memchr(b'\r', s.as_bytes()).is_some() {
                    translate_into(s, &mut scratch, &mut self.seen, &mut Vec::new());
                } else if memchr::memchr(b'\n', s.as_bytes()).is_some() {
                    self.seen |= SEEN_LF;
                }
                self.text.push_str(s);
                false
            }
            _ => {
                self.text.push_str(s);
                false
            }
        }
    }

    /// Where the next line ends (after its terminator), if the text holds
    /// a whole line; `eof`: no more text comes, so a final `\r` ends one.
    pub fn line_end(&self, eof: bool) -> Option<usize> {
        line_end_in(&self.text.as_bytes()[self.pos..], self.nl, eof).map(|r| self.pos + r)
    }

    /// The end of the next `n` characters, if the text holds that many.
    pub fn char_end(&self, n: usize) -> Option<usize> {
        char_offset(&self.text[self.pos..], n).map(|i| self.pos + i)
    }

    /// Hands out `text[pos..end]`.
    pub fn take(&mut self, end: usize) -> &str {
        let start = self.pos;
        self.pos = end;
        &self.text[start..end]
    }

    /// Takes all the unread text.
    pub fn take_rest(&mut self) -> String {
        self.text.drain(..self.pos);
        self.collapsed.clear();
        self.pos = 0;
        std::mem::take(&mut self.text)
    }

    /// The bytes of the stream that the unread text and the tail stand for
    /// (how far `tell()` is behind the buffer's position).
    pub fn bytes_ahead(&self) -> usize {
        let rest = &self.text[self.pos..];
        let p = self.pos;
        let crlf = self.collapsed.iter().filter(|&&c| c >= p).count();
        self.enc.encoded_len(rest) + crlf + self.tail.len()
    }
}

/// Encodes text for writing (`\n` already translated).
pub fn encode<'a>(vm: &Vm, enc: Enc, errors: Errors, s: &'a str) -> PyResult<Cow<'a, [u8]>> {
    match enc {
        Enc::Utf8 | Enc::Utf8Sig => Ok(Cow::Borrowed(s.as_bytes())),
        _ if s.is_ascii() => Ok(Cow::Borrowed(s.as_bytes())),
        _ => Ok(Cow::Owned(vm.encode(s, enc.codec(), errors)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn incomplete_tails() {
        assert_eq!(incomplete_utf8(b"abc"), 0);
        assert_eq!(incomplete_utf8("é".as_bytes()), 0);
        assert_eq!(incomplete_utf8(&"é".as_bytes()[..1]), 1);
        assert_eq!(incomplete_utf8(&"€".as_bytes()[..2]), 2);
        assert_eq!(incomplete_utf8(&"😀".as_bytes()[..3]), 3);
        assert_eq!(incomplete_utf8("😀".as_bytes()), 0);
    }

    #[test]
    fn translation() {
        let mut seen = 0;
        assert_eq!(
            translate_all("a\r\nb\rc\n".to_string(), &mut seen),
            "a\nb\nc\n"
        );
        assert_eq!(seen, SEEN_CR | SEEN_LF | SEEN_CRLF);
        let mut seen = 0;
        assert_eq!(translate_all("a\r\n".to_string(), &mut seen), "a\n");
        assert_eq!(seen, SEEN_CRLF);
    }
}
