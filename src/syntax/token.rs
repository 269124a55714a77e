//! The token enum: what logos recognises, plus the layout tokens
//! (`Newline`, `Indent`, `Dedent`, ...) that only the indentation layer in
//! `lexer.rs` produces.

use logos::Logos;
use num_bigint::BigInt;

/// Why logos could not produce a token. Turned into a message (with a
/// position) by the layer, which knows the source.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LexErrorKind {
    /// No rule matches the character here.
    #[default]
    Invalid,
    /// A single-quoted string reached the end of its line.
    Unterminated,
    /// A triple-quoted string reached the end of the input.
    UnterminatedTriple,
    /// `0123`
    LeadingZeros,
    /// A malformed number, with CPython's message.
    Number(String),
}

/// What kind of string literal a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StrKind {
    Str,
    Bytes,
    FStr,
}

/// A string literal token: where it is and how to read it. The text is
/// decoded by the parser's actions (as in CPython, where a bad escape is a
/// parser error, not a tokenizer one).
#[derive(Clone, Debug, PartialEq)]
pub struct StrTok {
    pub kind: StrKind,
    pub raw: bool,
    /// Where the token starts (its prefix) and ends.
    pub start: usize,
    pub end: usize,
    /// The text between the quotes. Offsets are relative to the logos
    /// input until the layer makes them absolute.
    pub content: (usize, usize),
}

/// Tokens. Keywords and operators are unit variants; the layer adds the
/// layout variants that logos never produces.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexErrorKind)]
// Blanks, comments and backslash-newline joins are skipped; newlines are
// tokens, the layer decides which ones matter.
#[logos(skip r"([ \t\x0C]+|#[^\r\n]*|\\(\r\n|\n|\r))")]
pub enum Tok {
    #[regex(r"\r\n|\n|\r")]
    Newline,
    /// Produced by the layer only.
    Indent,
    /// Produced by the layer only.
    Dedent,
    /// First token of a module parse (produced by the layer only).
    StartModule,
    /// First token of an expression parse (produced by the layer only).
    StartExpr,
    /// A `(` right after `with` that opens a parenthesised list of with
    /// items (`with (a as b, c):`); produced by the layer only.
    LParWith,
    /// The soft keywords `match` and `case`: a name the layer finds at
    /// the start of a logical line that ends with `:`. Produced by the
    /// layer only; anywhere else they stay names.
    Match,
    Case,
    /// A character that is no token (`$`, `?`, `!`, backquote). CPython's
    /// tokenizer returns these as operators that no grammar rule accepts,
    /// so they are parse errors, not tokenizer errors; same here.
    Stray(char),

    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*", |lex| lex.slice().to_owned())]
    Name(String),
    #[regex(r"[0-9](_?[0-9])*", lex_decimal)]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |lex| lex_radix(lex, 16))]
    #[regex(r"0[oO](_?[0-7])+", |lex| lex_radix(lex, 8))]
    #[regex(r"0[bB](_?[01])+", |lex| lex_radix(lex, 2))]
    Int(BigInt),
    #[regex(
        r"([0-9](_?[0-9])*)?\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?",
        lex_float
    )]
    #[regex(r"[0-9](_?[0-9])*\.([eE][+-]?[0-9](_?[0-9])*)?", lex_float)]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", lex_float)]
    Float(f64),
    /// An imaginary literal (`2.5j`): the value of its imaginary part.
    #[regex(
        r"(([0-9](_?[0-9])*)?\.[0-9](_?[0-9])*|[0-9](_?[0-9])*\.?)([eE][+-]?[0-9](_?[0-9])*)?[jJ]",
        lex_imaginary
    )]
    Imaginary(f64),
    #[regex(r#"([rRbBuUfF]|[rR][bBfF]|[bBfF][rR])?("""|'''|"|')"#, lex_string)]
    Str(StrTok),

    // Keywords.
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // Brackets.
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,

    // Delimiters and operators.
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("@")]
    At,
    #[token("=")]
    Assign,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("//=")]
    DoubleSlashEq,
    #[token("%=")]
    PercentEq,
    #[token("@=")]
    AtEq,
    #[token("&=")]
    AmperEq,
    #[token("|=")]
    VbarEq,
    #[token("^=")]
    CircumflexEq,
    #[token(">>=")]
    RShiftEq,
    #[token("<<=")]
    LShiftEq,
    #[token("**=")]
    DoubleStarEq,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("**")]
    DoubleStar,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amper,
    #[token("|")]
    Vbar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEq,
    #[token(">=")]
    GreaterEq,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
}

impl Tok {
    /// Whether this is a (hard) keyword.
    pub fn is_keyword(&self) -> bool {
        matches!(
            self,
            Tok::False
                | Tok::None
                | Tok::True
                | Tok::And
                | Tok::As
                | Tok::Assert
                | Tok::Async
                | Tok::Await
                | Tok::Break
                | Tok::Class
                | Tok::Continue
                | Tok::Def
                | Tok::Del
                | Tok::Elif
                | Tok::Else
                | Tok::Except
                | Tok::Finally
                | Tok::For
                | Tok::From
                | Tok::Global
                | Tok::If
                | Tok::Import
                | Tok::In
                | Tok::Is
                | Tok::Lambda
                | Tok::Nonlocal
                | Tok::Not
                | Tok::Or
                | Tok::Pass
                | Tok::Raise
                | Tok::Return
                | Tok::Try
                | Tok::While
                | Tok::With
                | Tok::Yield
        )
    }

    /// How a token is shown in messages about statements needing a block:
    /// `expected an indented block after <this> on line N`.
    pub fn block_owner(&self) -> Option<&'static str> {
        Some(match self {
            Tok::If => "'if' statement",
            Tok::Elif => "'elif' statement",
            Tok::Else => "'else' statement",
            Tok::While => "'while' statement",
            Tok::For => "'for' statement",
            Tok::Try => "'try' statement",
            Tok::Except => "'except' statement",
            Tok::Finally => "'finally' statement",
            Tok::With => "'with' statement",
            Tok::Def => "function definition",
            Tok::Class => "class definition",
            Tok::Match => "'match' statement",
            Tok::Case => "'case' statement",
            _ => return None,
        })
    }
}

fn digits_without_underscores(text: &str) -> Vec<u8> {
    text.bytes().filter(|&b| b != b'_').collect()
}

fn lex_decimal(lex: &mut logos::Lexer<Tok>) -> Result<BigInt, LexErrorKind> {
    let text = lex.slice();
    // When a radix prefix has no digit after it (`0x`, `0o8`), logos hands
    // the prefix to this callback.
    if let Some(&p) = text.as_bytes().get(1).filter(|b| b.is_ascii_alphabetic()) {
        let radix = match p {
            b'x' | b'X' => "hexadecimal",
            b'o' | b'O' => "octal",
            _ => "binary",
        };
        return Err(LexErrorKind::Number(match lex.remainder().chars().next() {
            Some(c) if c.is_ascii_digit() => format!("invalid digit '{c}' in {radix} literal"),
            _ => format!("invalid {radix} literal"),
        }));
    }
    if text.ends_with('_') {
        return Err(LexErrorKind::Number("invalid decimal literal".into()));
    }
    let digits = digits_without_underscores(text);
    // `0123` is an error, but `000` is zero.
    if digits.len() > 1 && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
        return Err(LexErrorKind::LeadingZeros);
    }
    BigInt::parse_bytes(&digits, 10).ok_or(LexErrorKind::Invalid)
}

fn lex_radix(lex: &mut logos::Lexer<Tok>, radix: u32) -> Result<BigInt, LexErrorKind> {
    // Logos may hand over a failed longer match such as `0b1_`.
    if lex.slice().ends_with('_') {
        let name = match radix {
            16 => "hexadecimal",
            8 => "octal",
            _ => "binary",
        };
        return Err(LexErrorKind::Number(format!("invalid {name} literal")));
    }
    let digits = digits_without_underscores(&lex.slice()[2..]);
    BigInt::parse_bytes(&digits, radix).ok_or(LexErrorKind::Invalid)
}

fn lex_imaginary(lex: &mut logos::Lexer<Tok>) -> Result<f64, LexErrorKind> {
    let slice = lex.slice();
    let text: String = slice[..slice.len() - 1]
        .chars()
        .filter(|&c| c != '_')
        .collect();
    text.parse::<f64>().map_err(|_| LexErrorKind::Invalid)
}

fn lex_float(lex: &mut logos::Lexer<Tok>) -> Result<f64, LexErrorKind> {
    if lex.slice().ends_with('_') {
        return Err(LexErrorKind::Number("invalid decimal literal".into()));
    }
    let text: String = lex.slice().chars().filter(|&c| c != '_').collect();
    // Rust accepts every form the regexes allow ("1.", ".5", "1e5");
    // overflow gives infinity, as in Python.
    text.parse::<f64>().map_err(|_| LexErrorKind::Invalid)
}

/// Scans a string literal body after its prefix and opening quote, up to and
/// including the closing quote. Escapes are only skipped here; the layer
/// decodes them.
fn lex_string(lex: &mut logos::Lexer<Tok>) -> Result<StrTok, LexErrorKind> {
    let opening = lex.slice();
    let quote_len = if opening.ends_with("\"\"\"") || opening.ends_with("'''") {
        3
    } else {
        1
    };
    let prefix_len = opening.len() - quote_len;
    let prefix = opening[..prefix_len].to_ascii_lowercase();
    let quote = opening.as_bytes()[opening.len() - 1];
    let kind = if prefix.contains('b') {
        StrKind::Bytes
    } else if prefix.contains('f') {
        StrKind::FStr
    } else {
        StrKind::Str
    };
    let raw = prefix.contains('r');

    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    let end = loop {
        if i >= rest.len() {
            // Consume the rest so the error spans the whole literal.
            lex.bump(rest.len());
            return Err(if quote_len == 3 {
                LexErrorKind::UnterminatedTriple
            } else {
                LexErrorKind::Unterminated
            });
        }
        match rest[i] {
            // The escaped byte never ends the string (even in raw strings);
            // a multi-byte character's tail bytes are never ASCII, so
            // stepping over one byte is enough.
            b'\\' => {
                i += if rest[i + 1..].starts_with(b"\r\n") {
                    3
                } else {
                    2
                }
            }
            b'\n' | b'\r' if quote_len == 1 => {
                lex.bump(i);
                return Err(LexErrorKind::Unterminated);
            }
            b if b == quote => {
                if quote_len == 1 {
                    break i;
                }
                if rest[i..].starts_with(&[quote, quote, quote]) {
                    break i;
                }
                i += 1;
            }
            _ => i += 1,
        }
    };
    lex.bump(end + quote_len);
    let start = lex.span().start + opening.len();
    Ok(StrTok {
        kind,
        raw,
        start: lex.span().start,
        end: lex.span().end,
        content: (start, start + end),
    })
}
