//! Parser, error and template tests for the `re` engine. Expected messages
//! and results were taken from CPython 3.11.

use super::source::py_repr;
use super::*;

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

fn ok(p: &str, flags: u32, is_bytes: bool) {
    if let Err(e) = Regex::new(&cps(p), flags, is_bytes) {
        panic!("{:?} failed: {}", p, e);
    }
}

fn err(p: &str, flags: u32, is_bytes: bool, kind: ErrorKind, msg: &str) {
    let pat = cps(p);
    match Regex::new(&pat, flags, is_bytes) {
        Ok(_) => panic!("{:?} compiled", p),
        Err(e) => {
            assert_eq!(e.kind, kind, "{:?}", p);
            assert_eq!(e.message(&pat), msg, "{:?}", p);
        }
    }
}

#[test]
fn pattern_errors_match_cpython() {
    err(
        "(",
        0,
        false,
        ErrorKind::Re,
        "missing ), unterminated subpattern at position 0",
    );
    err(
        "a)",
        0,
        false,
        ErrorKind::Re,
        "unbalanced parenthesis at position 1",
    );
    err(
        "*",
        0,
        false,
        ErrorKind::Re,
        "nothing to repeat at position 0",
    );
    err(
        "a**",
        0,
        false,
        ErrorKind::Re,
        "multiple repeat at position 2",
    );
    err(
        "[",
        0,
        false,
        ErrorKind::Re,
        "unterminated character set at position 0",
    );
    err(
        "[]",
        0,
        false,
        ErrorKind::Re,
        "unterminated character set at position 0",
    );
    err(
        "[^]",
        0,
        false,
        ErrorKind::Re,
        "unterminated character set at position 0",
    );
    err(
        "\\q",
        0,
        false,
        ErrorKind::Re,
        "bad escape \\q at position 0",
    );
    err(
        "\\",
        0,
        false,
        ErrorKind::Re,
        "bad escape (end of pattern) at position 0",
    );
    err(
        "a\\",
        0,
        false,
        ErrorKind::Re,
        "bad escape (end of pattern) at position 1",
    );
    err(
        "(?<x",
        0,
        false,
        ErrorKind::Re,
        "unknown extension ?<x at position 1",
    );
    err(
        "(?i",
        0,
        false,
        ErrorKind::Re,
        "missing -, : or ) at position 3",
    );
    err(
        "(?i)a(?m)b",
        0,
        false,
        ErrorKind::Re,
        "global flags not at the start of the expression at position 5",
    );
    err(
        "a|(?x)b",
        0,
        false,
        ErrorKind::Re,
        "global flags not at the start of the expression at position 2",
    );
    err(
        "(?#abc",
        0,
        false,
        ErrorKind::Re,
        "missing ), unterminated comment at position 0",
    );
    err(
        "(?P<1>a)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name '1' at position 4",
    );
    err(
        "(?P<a",
        0,
        false,
        ErrorKind::Re,
        "missing >, unterminated name at position 4",
    );
    err(
        "(?P<>a)",
        0,
        false,
        ErrorKind::Re,
        "missing group name at position 4",
    );
    err(
        "(?P",
        0,
        false,
        ErrorKind::Re,
        "unexpected end of pattern at position 3",
    );
    err(
        "(?Px",
        0,
        false,
        ErrorKind::Re,
        "unknown extension ?Px at position 1",
    );
    err(
        "(?",
        0,
        false,
        ErrorKind::Re,
        "unexpected end of pattern at position 2",
    );
    err(
        "(?z)",
        0,
        false,
        ErrorKind::Re,
        "unknown extension ?z at position 1",
    );
    err(
        "(?-)",
        0,
        false,
        ErrorKind::Re,
        "missing flag at position 3",
    );
    err(
        "(?i-i:a)",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: flag turned on and off at position 5",
    );
    err(
        "(?L)a",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: cannot use 'L' flag with a str pattern at position 3",
    );
    err(
        "(?au)",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: flags 'a', 'u' and 'L' are incompatible at position 4",
    );
    err(
        "(?-a:x)",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: cannot turn off flags 'a', 'u' and 'L' at position 4",
    );
    err(
        "(?t:a)",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: cannot turn on global flag at position 3",
    );
    err(
        "(?x-x:a)",
        0,
        false,
        ErrorKind::Re,
        "bad inline flags: flag turned on and off at position 5",
    );
    err(
        "(?i-:a)",
        0,
        false,
        ErrorKind::Re,
        "missing flag at position 4",
    );
    err("(?-i)", 0, false, ErrorKind::Re, "missing : at position 4");
    err(
        "(?i-1:a)",
        0,
        false,
        ErrorKind::Re,
        "missing flag at position 4",
    );
    err(
        "(?i1)",
        0,
        false,
        ErrorKind::Re,
        "missing -, : or ) at position 3",
    );
    err(
        "(?iZ)",
        0,
        false,
        ErrorKind::Re,
        "unknown flag at position 3",
    );
    err("\\N", 0, false, ErrorKind::Re, "missing { at position 2");
    err(
        "\\N{",
        0,
        false,
        ErrorKind::Re,
        "missing character name at position 3",
    );
    err(
        "\\N{}",
        0,
        false,
        ErrorKind::Re,
        "missing character name at position 3",
    );
    err(
        "\\x1",
        0,
        false,
        ErrorKind::Re,
        "incomplete escape \\x1 at position 0",
    );
    err(
        "\\u12",
        0,
        false,
        ErrorKind::Re,
        "incomplete escape \\u12 at position 0",
    );
    err(
        "\\U0001",
        0,
        false,
        ErrorKind::Re,
        "incomplete escape \\U0001 at position 0",
    );
    err(
        "\\U00110000",
        0,
        false,
        ErrorKind::Re,
        "bad escape \\U00110000 at position 0",
    );
    err(
        "\\400",
        0,
        false,
        ErrorKind::Re,
        "octal escape value \\400 outside of range 0-0o377 at position 0",
    );
    err(
        "[\\400]",
        0,
        false,
        ErrorKind::Re,
        "octal escape value \\400 outside of range 0-0o377 at position 1",
    );
    err(
        "[\\8]",
        0,
        false,
        ErrorKind::Re,
        "bad escape \\8 at position 1",
    );
    err(
        "[\\A]",
        0,
        false,
        ErrorKind::Re,
        "bad escape \\A at position 1",
    );
    err(
        "[\\z]",
        0,
        false,
        ErrorKind::Re,
        "bad escape \\z at position 1",
    );
    err(
        "(?(1)a|b|c)",
        0,
        false,
        ErrorKind::Re,
        "conditional backref with more than two branches at position 8",
    );
    err(
        "(a|bc)(?<=\\1)",
        0,
        false,
        ErrorKind::Re,
        "look-behind requires fixed-width pattern",
    );
    err(
        "(?<=(?(1)a|b))",
        0,
        false,
        ErrorKind::Re,
        "cannot refer to an open group at position 9",
    );
    err(
        "((?<=\\1))",
        0,
        false,
        ErrorKind::Re,
        "cannot refer to an open group at position 5",
    );
    err(
        "(a)((?<=\\2))",
        0,
        false,
        ErrorKind::Re,
        "cannot refer to an open group at position 8",
    );
    err(
        "(?<=a|bc)",
        0,
        false,
        ErrorKind::Re,
        "look-behind requires fixed-width pattern",
    );
    err(
        "(?<=a*)",
        0,
        false,
        ErrorKind::Re,
        "look-behind requires fixed-width pattern",
    );
    err(
        "(?<!a{1,2})",
        0,
        false,
        ErrorKind::Re,
        "look-behind requires fixed-width pattern",
    );
    err(
        "^*",
        0,
        false,
        ErrorKind::Re,
        "nothing to repeat at position 1",
    );
    err(
        "\\b+",
        0,
        false,
        ErrorKind::Re,
        "nothing to repeat at position 2",
    );
    err(
        "(?i)*",
        0,
        false,
        ErrorKind::Re,
        "nothing to repeat at position 4",
    );
    err(
        "x{2,1}",
        0,
        false,
        ErrorKind::Re,
        "min repeat greater than max repeat at position 2",
    );
    err(
        "x{99999999999}",
        0,
        false,
        ErrorKind::Overflow,
        "the repetition number is too large",
    );
    err(
        "x{4294967295}",
        0,
        false,
        ErrorKind::Overflow,
        "the repetition number is too large",
    );
    err(
        "x{1,4294967295}",
        0,
        false,
        ErrorKind::Overflow,
        "the repetition number is too large",
    );
    err(
        "a{1,2}{3}",
        0,
        false,
        ErrorKind::Re,
        "multiple repeat at position 6",
    );
    err(
        "a*?*",
        0,
        false,
        ErrorKind::Re,
        "multiple repeat at position 3",
    );
    err(
        "a*+*",
        0,
        false,
        ErrorKind::Re,
        "multiple repeat at position 3",
    );
    err(
        "a{3}?+",
        0,
        false,
        ErrorKind::Re,
        "multiple repeat at position 5",
    );
    err(
        "a|*",
        0,
        false,
        ErrorKind::Re,
        "nothing to repeat at position 2",
    );
    err(
        "[z-a]",
        0,
        false,
        ErrorKind::Re,
        "bad character range z-a at position 1",
    );
    err(
        "[a-",
        0,
        false,
        ErrorKind::Re,
        "unterminated character set at position 0",
    );
    err(
        "[\\",
        0,
        false,
        ErrorKind::Re,
        "bad escape (end of pattern) at position 1",
    );
    err(
        "[a-\\",
        0,
        false,
        ErrorKind::Re,
        "bad escape (end of pattern) at position 3",
    );
    err(
        "[\\x7a-\\x61]",
        0,
        false,
        ErrorKind::Re,
        "bad character range \\x-\\x at position 5",
    );
    err(
        "[\\d-z]",
        0,
        false,
        ErrorKind::Re,
        "bad character range \\d-z at position 1",
    );
    err(
        "[a-\\d]",
        0,
        false,
        ErrorKind::Re,
        "bad character range a-\\d at position 1",
    );
    err(
        "\\3",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 3 at position 1",
    );
    err(
        "(a)\\2",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 2 at position 4",
    );
    err(
        "(a\\1)",
        0,
        false,
        ErrorKind::Re,
        "cannot refer to an open group at position 2",
    );
    err(
        "(?P=foo)",
        0,
        false,
        ErrorKind::Re,
        "unknown group name 'foo' at position 4",
    );
    err(
        "(?P=)",
        0,
        false,
        ErrorKind::Re,
        "missing group name at position 4",
    );
    err(
        "(?P=1)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name '1' at position 4",
    );
    err(
        "(?P<a>(?P=a))",
        0,
        false,
        ErrorKind::Re,
        "cannot refer to an open group at position 10",
    );
    err(
        "(?(foo)a|b)",
        0,
        false,
        ErrorKind::Re,
        "unknown group name 'foo' at position 3",
    );
    err(
        "(?(3)a|b)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 3 at position 3",
    );
    err(
        "(?(0)a)",
        0,
        false,
        ErrorKind::Re,
        "bad group number at position 3",
    );
    err(
        "(?(-1)a)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name '-1' at position 3",
    );
    err(
        "(?(a-b)a)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name 'a-b' at position 3",
    );
    err(
        "(?()b)",
        0,
        false,
        ErrorKind::Re,
        "missing group name at position 3",
    );
    err(
        "(?(1",
        0,
        false,
        ErrorKind::Re,
        "missing ), unterminated name at position 3",
    );
    err(
        "(?(1a)b)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name '1a' at position 3",
    );
    err(
        "(?P<x>a)(?P<x>b)",
        0,
        false,
        ErrorKind::Re,
        "redefinition of group name 'x' as group 2; was group 1 at position 12",
    );
    err(
        "(?P<x>a)|(?P<x>b)",
        0,
        false,
        ErrorKind::Re,
        "redefinition of group name 'x' as group 2; was group 1 at position 13",
    );
    err(
        "a\n(",
        0,
        false,
        ErrorKind::Re,
        "missing ), unterminated subpattern at position 2 (line 2, column 1)",
    );
    err(
        "ab\ncd)",
        0,
        false,
        ErrorKind::Re,
        "unbalanced parenthesis at position 5 (line 2, column 3)",
    );
    err(
        "(?x)a #x\n(",
        0,
        false,
        ErrorKind::Re,
        "missing ), unterminated subpattern at position 9 (line 2, column 1)",
    );
    err(
        "(?t)a*",
        0,
        false,
        ErrorKind::Re,
        "internal: unsupported template operator MAX_REPEAT",
    );
    err(
        "(?t)a*?",
        0,
        false,
        ErrorKind::Re,
        "internal: unsupported template operator MIN_REPEAT",
    );
    err(
        "(?t)(?:ab)*+",
        0,
        false,
        ErrorKind::Re,
        "internal: unsupported template operator POSSESSIVE_REPEAT",
    );
    err(
        "(?P<a b>x)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name 'a b' at position 4",
    );
    err(
        "(?P<a\\b>x)",
        0,
        false,
        ErrorKind::Re,
        "bad character in group name 'a\\\\b' at position 4",
    );
    err(
        "(?(99999999999999999999)a)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 99999999999999999999 at position 3",
    );
    err(
        "(?(1073741823)a)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 1073741823 at position 3",
    );
    err(
        "(?(1_0)a)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 10 at position 3",
    );
    err(
        "(?( 1 )a)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 1 at position 3",
    );
    err(
        "(?(+1)a)",
        0,
        false,
        ErrorKind::Re,
        "invalid group reference 1 at position 3",
    );
    ok("(?P<\u{e9}>a)", 0, false);
    err(
        "\\u1234",
        0,
        true,
        ErrorKind::Re,
        "bad escape \\u at position 0",
    );
    err(
        "(?u)a",
        0,
        true,
        ErrorKind::Re,
        "bad inline flags: cannot use 'u' flag with a bytes pattern at position 3",
    );
    ok("(?L)a", 0, true);
    err(
        "a",
        32,
        true,
        ErrorKind::Value,
        "cannot use UNICODE flag with a bytes pattern",
    );
    err(
        "a",
        4,
        false,
        ErrorKind::Value,
        "cannot use LOCALE flag with a str pattern",
    );
    err(
        "a",
        288,
        false,
        ErrorKind::Value,
        "ASCII and UNICODE flags are incompatible",
    );
    err(
        "a",
        260,
        true,
        ErrorKind::Value,
        "ASCII and LOCALE flags are incompatible",
    );
    err(
        "(",
        4,
        false,
        ErrorKind::Re,
        "missing ), unterminated subpattern at position 0",
    );
    err(
        "(?a)(?u)",
        0,
        false,
        ErrorKind::Value,
        "ASCII and UNICODE flags are incompatible",
    );
    err(
        "(?u)",
        256,
        false,
        ErrorKind::Value,
        "ASCII and UNICODE flags are incompatible",
    );
    ok("(?a)", 0, false);
    err(
        "\\N{DASH}",
        0,
        true,
        ErrorKind::Re,
        "bad escape \\N at position 0",
    );
    err(
        "[\\u]",
        0,
        true,
        ErrorKind::Re,
        "bad escape \\u at position 1",
    );
}

#[test]
fn deep_nesting_is_a_recursion_error_not_a_crash() {
    let deep = format!("{}{}", "(?:".repeat(500), ")".repeat(500));
    err(
        &deep,
        0,
        false,
        ErrorKind::Recursion,
        "maximum recursion depth exceeded",
    );
    let ok_depth = format!("{}a{}", "(".repeat(400), ")".repeat(400));
    let re = Regex::new(&cps(&ok_depth), 0, false).unwrap();
    assert_eq!(re.groups(), 400);
}

#[test]
fn error_fields() {
    let pat = cps("ab\ncd)");
    let e = Regex::new(&pat, 0, false).unwrap_err();
    assert_eq!(e.msg, "unbalanced parenthesis");
    assert_eq!(e.pos, Some(5));
    assert_eq!(e.line_col(&pat), Some((2, 3)));
    assert_eq!(e.to_string(), "unbalanced parenthesis at position 5");
    let e = Regex::new(&cps("(?<=a+)"), 0, false).unwrap_err();
    assert_eq!(e.pos, None);
}

#[test]
fn flags_and_groups() {
    let re = |p: &str, f: u32, b: bool| Regex::new(&cps(p), f, b).unwrap();
    assert_eq!(re("(?i)a", 0, false).flags(), 34);
    assert_eq!(re("(?i)a", 0, true).flags(), 2);
    assert_eq!(re("a", flags::ASCII, false).flags(), 256);
    assert_eq!(re("(?x)a", 0, false).flags(), 96);
    assert_eq!(re("a", flags::LOCALE, true).flags(), 4);
    assert_eq!(re("(?#c)(?s)(?m)a", 0, false).flags(), 56);
    assert_eq!(re("(?i:a)", 0, false).flags(), 32);
    let r = re("(?P<first>a)(b)(?:c)(?P<last>d)", 0, false);
    assert_eq!(r.groups(), 3);
    assert_eq!(
        r.group_names(),
        &[("first".to_string(), 1), ("last".to_string(), 3)]
    );
    assert_eq!(r.group_index("last"), Some(3));
    assert_eq!(r.group_index("nope"), None);
    assert!(!r.is_bytes());
    assert_eq!(re("abc", 0, false).literal(), Some(&cps("abc")[..]));
    assert_eq!(re("a.c", 0, false).literal(), None);
    assert_eq!(re("(?i)abc", 0, false).literal(), None);
}

#[test]
fn verbose_mode() {
    let re = Regex::new(&cps("(?x) a b # comment\n | c\\ d [ ]"), 0, false).unwrap();
    let t = cps("cd ab c d ");
    assert_eq!(
        re.exec(&t[..], 0, t.len(), Mode::Search),
        Some(vec![Some((3, 5))])
    );
    assert_eq!(
        re.exec(&t[..], 5, t.len(), Mode::Search),
        Some(vec![Some((6, 10))])
    );
    let re = Regex::new(&cps("a b"), flags::VERBOSE, false).unwrap();
    assert_eq!(re.literal(), Some(&cps("ab")[..]));
    // A verbose group inside a normal pattern, and the reverse.
    let re = Regex::new(&cps("a b(?x: c d)(?-x: e)"), 0, false).unwrap();
    assert_eq!(re.literal(), Some(&cps("a bcd e")[..]));
}

#[test]
fn repr_of_names() {
    assert_eq!(py_repr(&cps("abc")), "'abc'");
    assert_eq!(py_repr(&cps("a'b")), "\"a'b\"");
    assert_eq!(py_repr(&cps("a'b\"")), "'a\\'b\"'");
    assert_eq!(py_repr(&cps("a\\b\n")), "'a\\\\b\\n'");
    assert_eq!(py_repr(&cps("\u{1}\u{e9}")), "'\\x01\u{e9}'");
}

fn tpl_ok(t: &str, expected: &str) {
    let re = Regex::new(&cps("(?P<first>a)(b)?"), 0, false).unwrap();
    let tpl = match re.template(&cps(t)) {
        Ok(tpl) => tpl,
        Err(e) => panic!("{:?}: {}", t, e),
    };
    let text = cps("ab-a");
    let mut out = Vec::new();
    re.replace(&text[..], &tpl, 0, |c| match c {
        Chunk::Text(a, b) => out.extend_from_slice(&text[a..b]),
        Chunk::Literal(l) => out.extend_from_slice(l),
    });
    assert_eq!(out, cps(expected), "{:?}", t);
}

fn tpl_err(t: &str, kind: ErrorKind, msg: &str) {
    let re = Regex::new(&cps("(?P<first>a)(b)?"), 0, false).unwrap();
    let tc = cps(t);
    match re.template(&tc) {
        Ok(_) => panic!("{:?} parsed", t),
        Err(e) => {
            assert_eq!(e.kind, kind, "{:?}", t);
            assert_eq!(e.message(&tc), msg, "{:?}", t);
        }
    }
}

#[test]
fn templates_match_cpython() {
    tpl_ok("\\1", "a-a");
    tpl_err(
        "\\3",
        ErrorKind::Re,
        "invalid group reference 3 at position 1",
    );
    tpl_ok("\\g<first>", "a-a");
    tpl_ok("\\g<2>", "b-");
    tpl_ok("\\g<0>", "ab-a");
    tpl_err("\\g<x>", ErrorKind::Index, "unknown group name 'x'");
    tpl_err(
        "\\g<-1>",
        ErrorKind::Re,
        "bad character in group name '-1' at position 3",
    );
    tpl_err(
        "\\g<1a>",
        ErrorKind::Re,
        "bad character in group name '1a' at position 3",
    );
    tpl_err(
        "\\g<3>",
        ErrorKind::Re,
        "invalid group reference 3 at position 3",
    );
    tpl_err("\\g", ErrorKind::Re, "missing < at position 2");
    tpl_err("\\g<", ErrorKind::Re, "missing group name at position 3");
    tpl_err("\\g<>", ErrorKind::Re, "missing group name at position 3");
    tpl_err(
        "\\g<1",
        ErrorKind::Re,
        "missing >, unterminated name at position 3",
    );
    tpl_ok("\\0", "\u{0}-\u{0}");
    tpl_ok("\\07", "\u{7}-\u{7}");
    tpl_ok("\\077", "?-?");
    tpl_ok("\\0777", "?7-?7");
    tpl_err(
        "\\12",
        ErrorKind::Re,
        "invalid group reference 12 at position 1",
    );
    tpl_ok("\\123", "S-S");
    tpl_err(
        "\\400",
        ErrorKind::Re,
        "octal escape value \\400 outside of range 0-0o377 at position 0",
    );
    tpl_err(
        "\\18",
        ErrorKind::Re,
        "invalid group reference 18 at position 1",
    );
    tpl_ok("\\n\\t\\\\", "\n\u{9}\\-\n\u{9}\\");
    tpl_err("\\q", ErrorKind::Re, "bad escape \\q at position 0");
    tpl_ok("\\&", "\\&-\\&");
    tpl_ok("x\\\\", "x\\-x\\");
    tpl_err(
        "\\",
        ErrorKind::Re,
        "bad escape (end of pattern) at position 0",
    );
    tpl_err("\\x41", ErrorKind::Re, "bad escape \\x at position 0");
    tpl_ok("\\g< 1>", "a-a");
    tpl_ok("\\g<+1>", "a-a");
    tpl_err(
        "\\g<99999999999>",
        ErrorKind::Re,
        "invalid group reference 99999999999 at position 3",
    );
    tpl_ok("a\\2b", "abb-ab");
    tpl_err(
        "\\8",
        ErrorKind::Re,
        "invalid group reference 8 at position 1",
    );
}

#[test]
fn template_pieces() {
    let re = Regex::new(&cps("(a)(?P<n>b)"), 0, false).unwrap();
    let t = re.template(&cps("x\\1y\\g<n>\\g<0>")).unwrap();
    assert_eq!(
        t.pieces,
        vec![
            template::Piece::Literal(cps("x")),
            template::Piece::Group(1),
            template::Piece::Literal(cps("y")),
            template::Piece::Group(2),
            template::Piece::Group(0),
        ]
    );
    assert_eq!(t.literal(), None);
    assert_eq!(
        re.template(&cps("plain\\n")).unwrap().literal(),
        Some(&cps("plain\n")[..])
    );
    assert_eq!(re.template(&[]).unwrap().literal(), Some(&[][..]));
}

#[test]
fn named_unicode_escapes_are_rejected_clearly() {
    err(
        "\\N{EM DASH}",
        0,
        false,
        ErrorKind::Re,
        "named Unicode escapes are not supported: \\N{EM DASH} at position 0",
    );
    err(
        "[\\N{EM DASH}]",
        0,
        false,
        ErrorKind::Re,
        "named Unicode escapes are not supported: \\N{EM DASH} at position 1",
    );
    // Names no character can have get CPython's own message.
    err(
        "a\\N{a_b}",
        0,
        false,
        ErrorKind::Re,
        "undefined character name 'a_b' at position 1",
    );
}

#[test]
fn regex_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Regex>();
    check::<Template>();
}
