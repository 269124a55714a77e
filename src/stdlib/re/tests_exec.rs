//! Matching tests for the `re` engine, and hand-run checks.

use super::*;

fn cps(s: &str) -> Vec<u32> {
    s.chars().map(|c| c as u32).collect()
}

/// Runs `mode` ("match", "search", "fullmatch", "findall", "split") and
/// formats the result as the expectations (made with CPython 3.11) are.
fn run_case<H: Haystack + ?Sized>(
    re: &Regex,
    mode: &str,
    text: &H,
    pos: usize,
    endpos: usize,
) -> String {
    match mode {
        "findall" => re
            .find_iter(text, pos, endpos)
            .map(|m| format!("{:?}", m.slots))
            .collect::<Vec<_>>()
            .join(";"),
        "split" => format!("{:?}", re.split(text, 0)),
        _ => {
            let mode = match mode {
                "match" => Mode::Match,
                "fullmatch" => Mode::FullMatch,
                _ => Mode::Search,
            };
            match re.exec_captures(text, pos, endpos, mode) {
                None => "None".to_string(),
                Some(c) => format!("{:?} {:?}", c.slots, c.lastindex),
            }
        }
    }
}

fn m_at(mode: &str, p: &str, flags: u32, text: &str, pos: usize, endpos: usize, expected: &str) {
    let re = match Regex::new(&cps(p), flags, false) {
        Ok(re) => re,
        Err(e) => panic!("{:?}: {}", p, e),
    };
    let t = cps(text);
    assert_eq!(
        run_case(&re, mode, &t[..], pos, endpos),
        expected,
        "{} {:?} on {:?}",
        mode,
        p,
        text
    );
    // The same through the one-byte haystack when the text fits in it.
    if t.iter().all(|&c| c < 256) {
        let b: Vec<u8> = t.iter().map(|&c| c as u8).collect();
        assert_eq!(
            run_case(&re, mode, &b[..], pos, endpos),
            expected,
            "{} {:?} on bytes {:?}",
            mode,
            p,
            text
        );
    }
}

fn m(mode: &str, p: &str, flags: u32, text: &str, expected: &str) {
    m_at(mode, p, flags, text, 0, text.chars().count(), expected);
}

/// A bytes pattern (written as Latin-1) on a bytes text.
fn mb(mode: &str, p: &str, flags: u32, text: &str, expected: &str) {
    let re = match Regex::new(&cps(p), flags, true) {
        Ok(re) => re,
        Err(e) => panic!("{:?}: {}", p, e),
    };
    let b: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    assert_eq!(
        run_case(&re, mode, &b[..], 0, b.len()),
        expected,
        "{} {:?} on {:?}",
        mode,
        p,
        text
    );
}

fn compile(p: &str, flags: u32) -> Regex {
    Regex::new(&cps(p), flags, false).unwrap()
}

#[test]
fn long_inputs_do_not_recurse() {
    let text: Vec<u8> = b"ab".repeat(100_000);
    let re = compile("(a|b)*", 0);
    let m = re
        .exec_captures(&text[..], 0, text.len(), Mode::Match)
        .unwrap();
    assert_eq!(m.slots, vec![Some((0, 200_000)), Some((199_999, 200_000))]);
    let re = compile("(?:(a)|b)*?$", 0);
    let m = re
        .exec_captures(&text[..], 0, text.len(), Mode::Match)
        .unwrap();
    assert_eq!(m.slots, vec![Some((0, 200_000)), Some((199_998, 199_999))]);
    let re = compile("(?:ab)*+c|(?>(?:ab)+)", 0);
    assert_eq!(
        re.exec(&text[..], 0, text.len(), Mode::Match),
        Some(vec![Some((0, 200_000))])
    );
    let re = compile(r"(?:a(?=b)b)*\Z", 0);
    assert_eq!(
        re.exec(&text[..], 0, text.len(), Mode::FullMatch),
        Some(vec![Some((0, 200_000))])
    );
    // One-character repeats loop: no stack entry per character.
    let big = vec![b'x'; 1_000_000];
    let re = compile("x*y|x*", 0);
    assert_eq!(
        re.exec(&big[..], 0, big.len(), Mode::Match),
        Some(vec![Some((0, 1_000_000))])
    );
    let re = compile(".*?$", 0);
    assert_eq!(
        re.exec(&big[..], 0, big.len(), Mode::Match),
        Some(vec![Some((0, 1_000_000))])
    );
}

#[test]
fn search_skips_ahead_correctly() {
    // Prefix, first-character set and anchored starts must not change results.
    let mut t = "z".repeat(1000);
    t.push_str("needle ab12 A9");
    m("search", "needle", 0, &t, "[Some((1000, 1006))] None");
    m(
        "search",
        "(ne)(e)dle",
        0,
        &t,
        "[Some((1000, 1006)), Some((1000, 1002)), Some((1002, 1003))] Some(2)",
    );
    m("search", r"[a-c]+\d+", 0, &t, "[Some((1007, 1011))] None");
    m("search", r"(?i)a\d", 0, &t, "[Some((1012, 1014))] None");
    m("search", r"\Aneedle", 0, &t, "None");
    m("search", r"(?m)^needle", 0, &t, "None");
    m(
        "search",
        "(?:x|y)?needle",
        0,
        &t,
        "[Some((1000, 1006))] None",
    );
    m(
        "search",
        "(?=n)needle|q",
        0,
        &t,
        "[Some((1000, 1006))] None",
    );
    m("search", "(?i)K", 0, "xx\u{212a}", "[Some((2, 3))] None");
    let lines = "zz\nzz needle\nneedle z";
    m("search", "(?m)^needle", 0, lines, "[Some((13, 19))] None");
    m("search", "(?<=d)l", 0, lines, "[Some((10, 11))] None");
    m(
        "findall",
        r"(?m)^\w",
        0,
        lines,
        "[Some((0, 1))];[Some((3, 4))];[Some((13, 14))]",
    );
    m(
        "search",
        "[\u{100}-\u{200}]",
        0,
        "abc\u{150}",
        "[Some((3, 4))] None",
    );
    m(
        "search",
        "\u{150}x",
        0,
        "\u{150}\u{150}x",
        "[Some((1, 3))] None",
    );
}

#[test]
fn find_iter_and_split_limits() {
    let re = compile(",", 0);
    let t = cps("a,b,c,d");
    assert_eq!(
        re.split(&t[..], 2),
        vec![Some((0, 1)), Some((2, 3)), Some((4, 7))]
    );
    assert_eq!(re.find_iter(&t[..], 2, 5).count(), 1);
    assert_eq!(re.find_iter(&t[..], 5, 2).count(), 0);
    let re = compile("", 0);
    assert_eq!(re.find_iter(&t[..], 0, 100).count(), 8);
}

#[test]
fn replace_with_template() {
    let re = compile(r"(\w+)@(\w+)", 0);
    let t = cps("mail ann@example and bob@host.");
    let tpl = re.template(&cps(r"\2 at \g<1>")).unwrap();
    let mut out = Vec::new();
    let n = re.replace(&t[..], &tpl, 0, |c| match c {
        Chunk::Text(a, b) => out.extend_from_slice(&t[a..b]),
        Chunk::Literal(l) => out.extend_from_slice(l),
    });
    assert_eq!(n, 2);
    assert_eq!(out, cps("mail example at ann and host at bob."));
    let mut out = Vec::new();
    let n = re.replace(&t[..], &tpl, 1, |c| match c {
        Chunk::Text(a, b) => out.extend_from_slice(&t[a..b]),
        Chunk::Literal(l) => out.extend_from_slice(l),
    });
    assert_eq!(n, 1);
    assert_eq!(out, cps("mail example at ann and bob@host."));
    // Empty matches next to others, as re.sub('x*', '-', 'abxd') gives.
    let re = compile("x*", 0);
    let t = cps("abxd");
    let tpl = re.template(&cps("-")).unwrap();
    let mut out = Vec::new();
    re.replace(&t[..], &tpl, 0, |c| match c {
        Chunk::Text(a, b) => out.extend_from_slice(&t[a..b]),
        Chunk::Literal(l) => out.extend_from_slice(l),
    });
    assert_eq!(out, cps("-a-b--d-"));
}

#[test]
fn wrong_group_span_is_reported() {
    // CPython raises SystemError for this match (a group ends before it starts).
    let re = compile(
        "(|){,2}(?:((([ab]?){1,2}(?:((abba?||)(?>){2,}b)|a)){2,}?(?:|b)(|){1,2}?|){2,}+|)\
         (?i:(?:(|(?:()|a){0}|[ab]{0}(?=ab)){,2}(?:)*+|b)*)*",
        0,
    );
    let t = cps("ababaa");
    assert!(re.find_iter(&t[..], 0, t.len()).any(|m| m.bad_span));
    let re = compile("(a)", 0);
    assert!(
        !re.exec_captures(&t[..], 0, 6, Mode::Search)
            .unwrap()
            .bad_span
    );
}

#[test]
fn regex_is_shared_between_threads() {
    let re = std::sync::Arc::new(compile(r"(\d+)-(\d+)", 0));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let re = re.clone();
            std::thread::spawn(move || {
                let t = cps(&format!("x {}-{} y", i, i * 10));
                re.exec(&t[..], 0, t.len(), Mode::Search).unwrap()[2]
            })
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        let g = h.join().unwrap().unwrap();
        assert_eq!(g.1 - g.0, (i * 10).to_string().len());
    }
}

fn hex_list(s: &str) -> Vec<u32> {
    if s.is_empty() {
        return Vec::new();
    }
    s.split(',')
        .map(|h| u32::from_str_radix(h, 16).unwrap())
        .collect()
}

/// Runs the cases in the file `RE_DIFF_IN` (one per line: mode, flags,
/// pattern, text, pos, endpos; code points in hex) and writes one result
/// line each to `RE_DIFF_OUT`, for comparing with python3 by hand.
#[test]
#[ignore]
fn differential_from_file() {
    let (Ok(input), Ok(output)) = (std::env::var("RE_DIFF_IN"), std::env::var("RE_DIFF_OUT"))
    else {
        return;
    };
    let data = std::fs::read_to_string(input).unwrap();
    let mut out = String::new();
    for line in data.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "skip" {
            out.push_str("SKIP\n");
            continue;
        }
        let flags: u32 = f[1].parse().unwrap();
        let is_bytes = flags & 0x10000 != 0;
        let pat = hex_list(f[2]);
        let text = hex_list(f[3]);
        let pos: usize = f[4].parse().unwrap();
        let endpos: usize = f[5].parse().unwrap();
        let re = match Regex::new(&pat, flags & 0xffff, is_bytes) {
            Ok(r) => r,
            Err(e) => {
                let msg = e.message(&pat).replace('\n', "\\n");
                out.push_str(&format!("ERR {:?} {}\n", e.kind, msg));
                continue;
            }
        };
        let mut bad = false;
        let mut res = match f[0] {
            "findall" => {
                let v: Vec<String> = re
                    .find_iter(&text[..], pos, endpos)
                    .map(|m| {
                        bad |= m.bad_span;
                        format!("{:?}", m.slots)
                    })
                    .collect();
                v.join(";")
            }
            "sub" => {
                let tpl = hex_list(f[6]);
                match re.template(&tpl) {
                    Err(e) => format!("ERR {:?} {}", e.kind, e.message(&tpl).replace('\n', "\\n")),
                    Ok(t) => {
                        let mut s = Vec::new();
                        bad = t.literal().is_none()
                            && re.find_iter(&text[..], 0, text.len()).any(|m| m.bad_span);
                        let n = re.replace(&text[..], &t, 0, |c| match c {
                            Chunk::Text(a, b) => s.extend_from_slice(&text[a..b]),
                            Chunk::Literal(l) => s.extend_from_slice(l),
                        });
                        format!("{} {:?}", n, s)
                    }
                }
            }
            "split" => {
                bad = re.find_iter(&text[..], 0, text.len()).any(|m| m.bad_span);
                format!("{:?}", re.split(&text[..], 0))
            }
            m => {
                let mode = match m {
                    "match" => Mode::Match,
                    "fullmatch" => Mode::FullMatch,
                    _ => Mode::Search,
                };
                match re.exec_captures(&text[..], pos, endpos, mode) {
                    None => "None".to_string(),
                    Some(c) => {
                        bad = c.bad_span;
                        format!("{:?} {:?}", c.slots, c.lastindex)
                    }
                }
            }
        };
        if bad {
            res = "SYSERR".to_string();
        }
        out.push_str(&res);
        out.push('\n');
    }
    std::fs::write(output, out).unwrap();
}

// Expectations below come from CPython 3.11.

#[test]
fn literals_and_escapes() {
    m("search", "abc", 0, "xxabcx", "[Some((2, 5))] None");
    m("search", "a.c", 0, "a\nc abc", "[Some((4, 7))] None");
    m("search", "a.c", 16, "a\nc", "[Some((0, 3))] None");
    m(
        "match",
        "\\n\\t\\x41\\u00e9\\U0001F600",
        0,
        "\n\u{9}A\u{e9}\u{1f600}",
        "[Some((0, 5))] None",
    );
    m(
        "match",
        "\\0\\07\\101\\1010",
        0,
        "\u{0}\u{7}AA0",
        "[Some((0, 5))] None",
    );
    m(
        "search",
        "\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\^\\$",
        0,
        ".*+?()[]{}|^$",
        "[Some((0, 13))] None",
    );
    m(
        "match",
        "\\a\\f\\v\\r",
        0,
        "\u{7}\u{c}\u{b}\u{d}",
        "[Some((0, 4))] None",
    );
    m("match", "\\-\\#\\ \\&", 0, "-# &", "[Some((0, 4))] None");
    m("search", "x{", 0, "ax{", "[Some((1, 3))] None");
    m("search", "x{a}", 0, "x{a}", "[Some((0, 4))] None");
    m("search", "x{1,2", 0, "x{1,2", "[Some((0, 5))] None");
    m("search", "}", 0, "a}", "[Some((1, 2))] None");
    m("search", "]", 0, "a]", "[Some((1, 2))] None");
    m("search", "a{,2}b", 0, "aaab", "[Some((1, 4))] None");
    m("match", "x{}", 0, "x{}", "[Some((0, 3))] None");
}

#[test]
fn classes() {
    m(
        "findall",
        "[a-c]",
        0,
        "abcd",
        "[Some((0, 1))];[Some((1, 2))];[Some((2, 3))]",
    );
    m("findall", "[^a-c]", 0, "abcd", "[Some((3, 4))]");
    m("findall", "[]a]", 0, "a]b", "[Some((0, 1))];[Some((1, 2))]");
    m("findall", "[^]a]", 0, "a]b", "[Some((2, 3))]");
    m("findall", "[a-]", 0, "a-b", "[Some((0, 1))];[Some((1, 2))]");
    m(
        "findall",
        "[\\d\\s]",
        0,
        "a1 b\u{9}",
        "[Some((1, 2))];[Some((2, 3))];[Some((4, 5))]",
    );
    m(
        "findall",
        "[\\w-]",
        0,
        "a-b!",
        "[Some((0, 1))];[Some((1, 2))];[Some((2, 3))]",
    );
    m("findall", "[\\b]", 0, "a\u{8}b", "[Some((1, 2))]");
    m(
        "findall",
        "[\\x41-\\x43]",
        0,
        "ABCD",
        "[Some((0, 1))];[Some((1, 2))];[Some((2, 3))]",
    );
    m(
        "findall",
        "[\\]\\\\]",
        0,
        "a]\\",
        "[Some((1, 2))];[Some((2, 3))]",
    );
    m("findall", "[.]", 0, "a.b", "[Some((1, 2))]");
    m(
        "findall",
        "[^\n]",
        0,
        "a\nb",
        "[Some((0, 1))];[Some((2, 3))]",
    );
    m("findall", "[\\D]", 0, "a1", "[Some((0, 1))]");
    m(
        "findall",
        "[\\W\\d]",
        0,
        "a1 !",
        "[Some((1, 2))];[Some((2, 3))];[Some((3, 4))]",
    );
    m(
        "findall",
        "[\u{e9}-\u{fc}]",
        0,
        "a\u{e9}\u{f1}\u{fc}",
        "[Some((1, 2))];[Some((2, 3))];[Some((3, 4))]",
    );
    m(
        "findall",
        "[\u{1f600}-\u{1f602}]",
        0,
        "a\u{1f601}",
        "[Some((1, 2))]",
    );
    m("findall", "[\\S]", 0, " a", "[Some((1, 2))]");
}

#[test]
fn categories_unicode() {
    m(
        "findall",
        "\\d+",
        0,
        "12 \u{661}\u{662}\u{663} \u{beb} \u{b2}",
        "[Some((0, 2))];[Some((3, 6))];[Some((7, 8))]",
    );
    m(
        "findall",
        "\\d+",
        256,
        "12 \u{661}\u{662}\u{663}",
        "[Some((0, 2))]",
    );
    m(
        "findall",
        "\\w+",
        0,
        "h\u{e9}llo w\u{f6}rld_1 \u{bd} \u{216b}",
        "[Some((0, 5))];[Some((6, 13))];[Some((14, 15))];[Some((16, 17))]",
    );
    m(
        "findall",
        "\\w+",
        256,
        "h\u{e9}llo",
        "[Some((0, 1))];[Some((2, 5))]",
    );
    m(
        "findall",
        "\\s+",
        0,
        "a\u{1c}\u{1d}\u{2003}\u{a0}b\u{85}c",
        "[Some((1, 5))];[Some((6, 7))]",
    );
    m("findall", "\\s+", 256, "a\u{1c} \u{9}b", "[Some((2, 4))]");
    m(
        "findall",
        "\\W+",
        0,
        "a, b!",
        "[Some((1, 3))];[Some((4, 5))]",
    );
    m(
        "findall",
        "\\S+",
        0,
        " ab c",
        "[Some((1, 3))];[Some((4, 5))]",
    );
    m(
        "findall",
        "\\b\\w",
        0,
        "ab cd \u{e9}f",
        "[Some((0, 1))];[Some((3, 4))];[Some((6, 7))]",
    );
    m(
        "findall",
        "\\B\\w",
        0,
        "ab cd",
        "[Some((1, 2))];[Some((4, 5))]",
    );
    m(
        "findall",
        "\\b",
        256,
        "\u{e9} a",
        "[Some((2, 2))];[Some((3, 3))]",
    );
    m("findall", "\\D+", 0, "a1b", "[Some((0, 1))];[Some((2, 3))]");
}

#[test]
fn anchors() {
    m("findall", "^a", 0, "a\na", "[Some((0, 1))]");
    m("findall", "^a", 8, "a\na", "[Some((0, 1))];[Some((2, 3))]");
    m("findall", "a$", 0, "a\na\n", "[Some((2, 3))]");
    m(
        "findall",
        "a$",
        8,
        "a\na\n",
        "[Some((0, 1))];[Some((2, 3))]",
    );
    m("findall", "$", 0, "a\n", "[Some((1, 1))];[Some((2, 2))]");
    m("findall", "$", 8, "a\nb", "[Some((1, 1))];[Some((3, 3))]");
    m("findall", "\\Aa", 8, "a\na", "[Some((0, 1))]");
    m("findall", "a\\Z", 8, "a\na\n", "");
    m("findall", "a\\Z", 8, "a\na", "[Some((2, 3))]");
    m(
        "findall",
        "^",
        8,
        "a\n\nb",
        "[Some((0, 0))];[Some((2, 2))];[Some((3, 3))]",
    );
    m("search", "\\b", 0, "", "None");
    m("search", "\\B", 0, "", "None");
    m("search", "^$", 0, "", "[Some((0, 0))] None");
    m("search", "(?m)^$", 0, "a\n\nb", "[Some((2, 2))] None");
}

#[test]
fn repeats() {
    m("match", "a*", 0, "aaab", "[Some((0, 3))] None");
    m("match", "a+", 0, "b", "None");
    m("match", "a?", 0, "ab", "[Some((0, 1))] None");
    m("match", "a{2}", 0, "aaa", "[Some((0, 2))] None");
    m("match", "a{2,}", 0, "aaaa", "[Some((0, 4))] None");
    m("match", "a{,2}", 0, "aaa", "[Some((0, 2))] None");
    m("match", "a{1,2}", 0, "aaa", "[Some((0, 2))] None");
    m("match", "a{0}", 0, "a", "[Some((0, 0))] None");
    m("match", "a*?", 0, "aaa", "[Some((0, 0))] None");
    m("match", "a+?", 0, "aaa", "[Some((0, 1))] None");
    m("match", "a??", 0, "a", "[Some((0, 0))] None");
    m("match", "a{2,3}?", 0, "aaaa", "[Some((0, 2))] None");
    m("match", "a*?b", 0, "aaab", "[Some((0, 4))] None");
    m("match", ".*b", 0, "abab", "[Some((0, 4))] None");
    m("match", ".*?b", 0, "abab", "[Some((0, 2))] None");
    m(
        "match",
        "(ab)*",
        0,
        "ababa",
        "[Some((0, 4)), Some((2, 4))] Some(1)",
    );
    m("match", "(ab)*?a", 0, "ababa", "[Some((0, 1)), None] None");
    m("match", "(?:ab){2}", 0, "ababab", "[Some((0, 4))] None");
    m(
        "match",
        "(a|b){2,3}",
        0,
        "abab",
        "[Some((0, 3)), Some((2, 3))] Some(1)",
    );
    m(
        "match",
        "(a|b){2,3}?",
        0,
        "abab",
        "[Some((0, 2)), Some((1, 2))] Some(1)",
    );
    m(
        "match",
        "(a*)*",
        0,
        "aa",
        "[Some((0, 2)), Some((2, 2))] Some(1)",
    );
    m(
        "match",
        "(a*)+",
        0,
        "aa",
        "[Some((0, 2)), Some((2, 2))] Some(1)",
    );
    m(
        "match",
        "(a|)*b",
        0,
        "aab",
        "[Some((0, 3)), Some((2, 2))] Some(1)",
    );
    m(
        "match",
        "(?:a|())*",
        0,
        "aa",
        "[Some((0, 2)), Some((2, 2))] Some(1)",
    );
    m(
        "match",
        "(?:()|a)*",
        0,
        "aa",
        "[Some((0, 0)), Some((0, 0))] Some(1)",
    );
    m(
        "match",
        "(a?)+?b",
        0,
        "aab",
        "[Some((0, 3)), Some((1, 2))] Some(1)",
    );
    m(
        "match",
        "(\\w+)\\s*=\\s*(\\d+)",
        0,
        "x = 42",
        "[Some((0, 6)), Some((0, 1)), Some((4, 6))] Some(2)",
    );
    m("match", "[a-z]+[0-9]+", 0, "abc123x", "[Some((0, 6))] None");
    m("match", "\\d*\\.\\d+", 0, "12.5", "[Some((0, 4))] None");
    m("match", "(?:a{2})*", 0, "aaaaa", "[Some((0, 4))] None");
    m("match", "x*y", 0, "xxxxy", "[Some((0, 5))] None");
    m("match", "x*?y", 0, "xxxxy", "[Some((0, 5))] None");
}

#[test]
fn possessive_and_atomic() {
    m("match", "a*+a", 0, "aaa", "None");
    m("match", "a++b", 0, "aab", "[Some((0, 3))] None");
    m("match", "a?+a", 0, "a", "None");
    m("match", "a{1,2}+a", 0, "aaa", "[Some((0, 3))] None");
    m("match", "(?:ab|a)*+b", 0, "ababb", "[Some((0, 5))] None");
    m("match", "(?:ab)*+", 0, "ababx", "[Some((0, 4))] None");
    m("match", "(?>a|ab)c", 0, "abc", "None");
    m("match", "(?>ab|a)c", 0, "abc", "[Some((0, 3))] None");
    m(
        "match",
        "(?>(a)|ab)b",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m("match", "(?>a*)a", 0, "aa", "None");
    m(
        "match",
        "(?:(a)|b)*+",
        0,
        "abab",
        "[Some((0, 4)), Some((3, 3))] Some(1)",
    );
    m(
        "match",
        "(a|b)++",
        0,
        "ab",
        "[Some((0, 2)), Some((1, 2))] Some(1)",
    );
    m("match", "(?>x+)y", 0, "xxxy", "[Some((0, 4))] None");
    m("search", "(?>\\d+)\\.", 0, "123.", "[Some((0, 4))] None");
}

#[test]
fn groups() {
    m(
        "match",
        "(a)(b)?",
        0,
        "a",
        "[Some((0, 1)), Some((0, 1)), None] Some(1)",
    );
    m("match", "(a)|b", 0, "b", "[Some((0, 1)), None] None");
    m(
        "match",
        "((a)b)",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(a)()",
        0,
        "a",
        "[Some((0, 1)), Some((0, 1)), Some((1, 1))] Some(2)",
    );
    m(
        "match",
        "((a))",
        0,
        "a",
        "[Some((0, 1)), Some((0, 1)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?P<x>a)(?P<y>b)",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1)), Some((1, 2))] Some(2)",
    );
    m(
        "match",
        "(?:(a)|b)*",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?:(a)|(b))*",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1)), Some((1, 2))] Some(2)",
    );
    m(
        "match",
        "((a)|b)+",
        0,
        "ab",
        "[Some((0, 2)), Some((1, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?:(a)|b)*?c",
        0,
        "abc",
        "[Some((0, 3)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?:a*(b)?c)*",
        0,
        "abcac",
        "[Some((0, 5)), Some((1, 2))] Some(1)",
    );
    m(
        "match",
        "(a)*",
        0,
        "aaa",
        "[Some((0, 3)), Some((2, 3))] Some(1)",
    );
    m(
        "match",
        "(a)*?$",
        0,
        "aa",
        "[Some((0, 2)), Some((1, 2))] Some(1)",
    );
    m(
        "match",
        "(?:(a)|b)(?:(c)|d)",
        0,
        "bd",
        "[Some((0, 2)), None, None] None",
    );
    m(
        "match",
        "(?:(?:)|a){2,}(x)?",
        0,
        "aa",
        "[Some((0, 0)), None] None",
    );
    m(
        "match",
        "(?:(\\d)|x)+",
        0,
        "1x2x",
        "[Some((0, 4)), Some((2, 3))] Some(1)",
    );
}

#[test]
fn backrefs() {
    m(
        "search",
        "(a+)b\\1",
        0,
        "aaabaa",
        "[Some((1, 6)), Some((1, 3))] Some(1)",
    );
    m(
        "search",
        "(\\w)\\1",
        0,
        "abccd",
        "[Some((2, 4)), Some((2, 3))] Some(1)",
    );
    m(
        "search",
        "(?P<q>[\\'\"]).*?(?P=q)",
        0,
        "x\"y'z\"",
        "[Some((1, 6)), Some((1, 2))] Some(1)",
    );
    m("match", "(a)|\\1", 0, "x", "None");
    m(
        "match",
        "(?i)(a)\\1",
        0,
        "aA",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m("match", "(?i)(s)\\1", 0, "s\u{17f}", "None");
    m(
        "match",
        "(?i)(k)\\1",
        0,
        "k\u{212a}",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m("match", "(a)?\\1", 0, "a", "None");
    m("match", "(a)?b\\1", 0, "b", "None");
    m("search", "(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)\\10", 0, "abcdefghijj", "[Some((0, 11)), Some((0, 1)), Some((1, 2)), Some((2, 3)), Some((3, 4)), Some((4, 5)), Some((5, 6)), Some((6, 7)), Some((7, 8)), Some((8, 9)), Some((9, 10))] Some(10)");
    m(
        "search",
        "(a)\\1{2}",
        0,
        "aaa",
        "[Some((0, 3)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?:(a)|b)\\1",
        0,
        "aa",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(a*)\\1",
        0,
        "aaa",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
}

#[test]
fn lookaround() {
    m("search", "a(?=b)", 0, "acab", "[Some((2, 3))] None");
    m("search", "a(?!b)", 0, "abac", "[Some((2, 3))] None");
    m("search", "(?<=a)b", 0, "cbab", "[Some((3, 4))] None");
    m("search", "(?<!a)b", 0, "abcb", "[Some((3, 4))] None");
    m(
        "match",
        "(?=(a))a",
        0,
        "a",
        "[Some((0, 1)), Some((0, 1))] Some(1)",
    );
    m("match", "(?!(a))b", 0, "b", "[Some((0, 1)), None] None");
    m(
        "search",
        "(?<=\\d{3})x",
        0,
        "12x123x",
        "[Some((6, 7))] None",
    );
    m("search", "(?<=ab|cd)x", 0, "cdx", "[Some((2, 3))] None");
    m(
        "search",
        "(a)(?<=\\1)",
        0,
        "a",
        "[Some((0, 1)), Some((0, 1))] Some(1)",
    );
    m("search", "(?<=^)a", 0, "ba", "None");
    m("search", "\\w+(?=,)", 0, "ab,cd", "[Some((0, 2))] None");
    m("search", "(?=a)*b", 0, "b", "[Some((0, 1))] None");
    m("search", "(?<=a)", 0, "bab", "[Some((2, 2))] None");
    m(
        "findall",
        "(?<!\\w)\\w",
        0,
        "ab cd",
        "[Some((0, 1))];[Some((3, 4))]",
    );
    m(
        "search",
        "(?<=(a))b",
        0,
        "ab",
        "[Some((1, 2)), Some((0, 1))] Some(1)",
    );
    m("search", "(?<!(a))b", 0, "cb", "[Some((1, 2)), None] None");
    m(
        "match",
        "(?=a|ab)(a|ab)c",
        0,
        "abc",
        "[Some((0, 3)), Some((0, 2))] Some(1)",
    );
}

#[test]
fn conditionals() {
    m(
        "match",
        "(a)?(?(1)b|c)",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(a)?(?(1)b|c)",
        0,
        "c",
        "[Some((0, 1)), None] None",
    );
    m("match", "(a)?(?(1)b)", 0, "x", "[Some((0, 0)), None] None");
    m(
        "match",
        "(?P<n>a)?(?(n)b|c)",
        0,
        "ab",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(a(?(1)b|c))",
        0,
        "ac",
        "[Some((0, 2)), Some((0, 2))] Some(1)",
    );
    m(
        "match",
        "(?:(a)(?(1)b|c))*",
        0,
        "abac",
        "[Some((0, 2)), Some((0, 1))] Some(1)",
    );
    m(
        "match",
        "(?(1)a|b)(x)?",
        0,
        "b",
        "[Some((0, 1)), None] None",
    );
    m(
        "match",
        "(<)?\\w+(?(1)>)",
        0,
        "<a>",
        "[Some((0, 3)), Some((0, 1))] Some(1)",
    );
}

#[test]
fn flags() {
    m("match", "abc", 2, "ABC", "[Some((0, 3))] None");
    m("match", "(?i)ABC", 0, "abc", "[Some((0, 3))] None");
    m("match", "[a-c]+", 2, "ABC", "[Some((0, 3))] None");
    m("match", "[^a]", 2, "A", "None");
    m("match", "(?i:a)b", 0, "Ab", "[Some((0, 2))] None");
    m("match", "(?i:a)b", 0, "AB", "None");
    m("match", "(?i)a(?-i:b)", 0, "AB", "None");
    m("match", "(?i)a(?-i:b)", 0, "Ab", "[Some((0, 2))] None");
    m("match", "(?s:.)", 0, "\n", "[Some((0, 1))] None");
    m("match", "(?m:^a$)", 0, "a", "[Some((0, 1))] None");
    m(
        "match",
        "(?x) a  b # c\n c",
        0,
        "abc",
        "[Some((0, 3))] None",
    );
    m("match", "(?x)a\\ b[ ]c", 0, "a b c", "[Some((0, 5))] None");
    m("match", "(?a:\\w)", 0, "\u{e9}", "None");
    m("match", "\\w", 0, "\u{e9}", "[Some((0, 1))] None");
    m("findall", "(?a)[\\w]", 0, "a\u{e9}", "[Some((0, 1))]");
    m("match", "(?i)\u{df}", 0, "\u{1e9e}", "[Some((0, 1))] None");
    m("match", "(?i)\u{1e9e}", 0, "\u{df}", "[Some((0, 1))] None");
    m(
        "match",
        "(?i)[\u{df}]",
        0,
        "\u{1e9e}",
        "[Some((0, 1))] None",
    );
    m("match", "(?i)s", 0, "\u{17f}", "[Some((0, 1))] None");
    m("match", "(?i)S", 0, "\u{17f}", "[Some((0, 1))] None");
    m("match", "(?i)k", 0, "\u{212a}", "[Some((0, 1))] None");
    m("match", "(?i)[k]", 0, "\u{212a}", "[Some((0, 1))] None");
    m("match", "(?i)[a-z]", 0, "\u{212a}", "[Some((0, 1))] None");
    m("match", "(?i)[a-z]", 0, "\u{17f}", "[Some((0, 1))] None");
    m("match", "(?i)[a-z]", 0, "\u{131}", "[Some((0, 1))] None");
    m("match", "(?i)i", 0, "\u{130}", "[Some((0, 1))] None");
    m("match", "(?i)\u{130}", 0, "i", "[Some((0, 1))] None");
    m("match", "(?i)\u{3c3}", 0, "\u{3c2}", "[Some((0, 1))] None");
    m(
        "match",
        "(?i)[\u{3a3}]",
        0,
        "\u{3c2}",
        "[Some((0, 1))] None",
    );
    m("match", "(?i)\u{b5}", 0, "\u{39c}", "[Some((0, 1))] None");
    m("match", "(?ai)k", 0, "\u{212a}", "None");
    m("match", "(?ai)[a-z]", 0, "\u{17f}", "None");
    m("match", "(?i)\u{390}", 0, "\u{1fd3}", "[Some((0, 1))] None");
    m(
        "match",
        "(?i)[\u{390}a]",
        0,
        "\u{1fd3}",
        "[Some((0, 1))] None",
    );
    m("match", "(?i)[\u{10400}x]", 0, "\u{10400}", "None");
    m(
        "match",
        "(?i)[\u{10428}x]",
        0,
        "\u{10400}",
        "[Some((0, 1))] None",
    );
    m(
        "match",
        "(?i)\u{10400}",
        0,
        "\u{10428}",
        "[Some((0, 1))] None",
    );
    m(
        "match",
        "(?i)[\u{10400}-\u{10401}]",
        0,
        "\u{10428}",
        "[Some((0, 1))] None",
    );
    m("match", "(?i)[^a]", 0, "A", "None");
    m("match", "(?i)[^\\W]", 0, "A", "[Some((0, 1))] None");
    m("match", "(?i)[\u{e9}]", 0, "\u{c9}", "[Some((0, 1))] None");
    m("match", "(?i)\u{e9}", 256, "\u{c9}", "None");
    m("match", "\u{df}|x", 2, "\u{1e9e}", "[Some((0, 1))] None");
    m("match", "a\u{df}|ax", 2, "a\u{1e9e}", "[Some((0, 2))] None");
}

#[test]
fn positions() {
    m_at("search", "a", 0, "aaa", 1, 2, "[Some((1, 2))] None");
    m_at("search", "^a", 0, "aaa", 1, 3, "None");
    m_at("search", "a$", 0, "aab", 0, 2, "[Some((1, 2))] None");
    m_at("search", "\\Ba", 0, "aa", 1, 2, "[Some((1, 2))] None");
    m_at("match", "", 0, "abc", 2, 1, "[Some((2, 2))] None");
    m_at("search", "", 0, "abc", 2, 1, "None");
    m_at("search", "$", 0, "abc", 2, 1, "None");
    m_at("match", "a*", 0, "aaa", 1, 2, "[Some((1, 2))] None");
    m_at("fullmatch", "a*", 0, "aaab", 0, 3, "[Some((0, 3))] None");
    m_at("search", "(?<=a)b", 0, "ab", 1, 2, "[Some((1, 2))] None");
    m_at("search", "\\bb", 0, "ab", 1, 2, "None");
    m_at(
        "findall",
        "a",
        0,
        "aaaa",
        1,
        3,
        "[Some((1, 2))];[Some((2, 3))]",
    );
    m_at("search", "x*", 0, "ab", 5, 9, "[Some((2, 2))] None");
    m_at("match", "(?:)a?", 0, "ab", 1, 0, "None");
}

#[test]
fn fullmatch() {
    m("fullmatch", "a|ab", 0, "ab", "[Some((0, 2))] None");
    m("fullmatch", "a*?", 0, "aaa", "[Some((0, 3))] None");
    m(
        "fullmatch",
        "(a+)(a*)",
        0,
        "aaa",
        "[Some((0, 3)), Some((0, 3)), Some((3, 3))] Some(2)",
    );
    m("fullmatch", "a", 0, "ab", "None");
    m("fullmatch", "", 0, "", "[Some((0, 0))] None");
    m("fullmatch", "a(?=b)", 0, "ab", "None");
    m("fullmatch", ".*?x", 0, "axbx", "[Some((0, 4))] None");
}

#[test]
fn iteration() {
    m(
        "findall",
        "\\b|\\w+",
        0,
        "ab",
        "[Some((0, 0))];[Some((0, 2))];[Some((2, 2))]",
    );
    m(
        "findall",
        "",
        0,
        "ab",
        "[Some((0, 0))];[Some((1, 1))];[Some((2, 2))]",
    );
    m(
        "findall",
        "x*",
        0,
        "axxb",
        "[Some((0, 0))];[Some((1, 3))];[Some((3, 3))];[Some((4, 4))]",
    );
    m(
        "findall",
        "\\w*",
        0,
        "ab cd",
        "[Some((0, 2))];[Some((2, 2))];[Some((3, 5))];[Some((5, 5))]",
    );
    m(
        "findall",
        "a|(?=b)",
        0,
        "abab",
        "[Some((0, 1))];[Some((1, 1))];[Some((2, 3))];[Some((3, 3))]",
    );
    m(
        "findall",
        "(a)|b",
        0,
        "ab",
        "[Some((0, 1)), Some((0, 1))];[Some((1, 2)), None]",
    );
    m(
        "findall",
        "^",
        8,
        "a\nb\n",
        "[Some((0, 0))];[Some((2, 2))];[Some((4, 4))]",
    );
    m(
        "findall",
        "\\s*",
        0,
        "a b",
        "[Some((0, 0))];[Some((1, 2))];[Some((2, 2))];[Some((3, 3))]",
    );
    m(
        "split",
        "\\b",
        0,
        "a b",
        "[Some((0, 0)), Some((0, 1)), Some((1, 2)), Some((2, 3)), Some((3, 3))]",
    );
    m(
        "split",
        "x*",
        0,
        "axbc",
        "[Some((0, 0)), Some((0, 1)), Some((2, 2)), Some((2, 3)), Some((3, 4)), Some((4, 4))]",
    );
    m(
        "split",
        "(,)",
        0,
        "a,b,",
        "[Some((0, 1)), Some((1, 2)), Some((2, 3)), Some((3, 4)), Some((4, 4))]",
    );
    m(
        "split",
        "(a)|b",
        0,
        "xaybz",
        "[Some((0, 1)), Some((1, 2)), Some((2, 3)), None, Some((4, 5))]",
    );
    m(
        "split",
        "\\W+",
        0,
        "a, b; c",
        "[Some((0, 1)), Some((3, 4)), Some((6, 7))]",
    );
    m(
        "split",
        "",
        0,
        "ab",
        "[Some((0, 0)), Some((0, 1)), Some((1, 2)), Some((2, 2))]",
    );
    m(
        "split",
        "^",
        8,
        "a\nb",
        "[Some((0, 0)), Some((0, 2)), Some((2, 3))]",
    );
}

#[test]
fn bytes_patterns() {
    mb(
        "findall",
        "\\w+",
        0,
        "h\u{e9}llo",
        "[Some((0, 1))];[Some((2, 5))]",
    );
    mb("findall", "\\d", 0, "1\u{b2}", "[Some((0, 1))]");
    mb("findall", "\\s", 0, "a\u{1c}\u{85} b", "[Some((3, 4))]");
    mb("match", "(?i)\\xe9", 0, "\u{c9}", "None");
    mb("match", "(?i)a", 0, "A", "[Some((0, 1))] None");
    mb("match", "[a-z]+", 2, "ABC", "[Some((0, 3))] None");
    mb("match", "\\xff+", 0, "\u{ff}\u{ff}", "[Some((0, 2))] None");
    mb("match", "(?L)(?i)[^a]", 0, "A", "None");
    mb("match", "(?i)[^a]", 0, "A", "None");
    mb("match", "(?L)\\w", 0, "\u{e9}", "None");
    mb(
        "findall",
        "\\b\\w",
        0,
        "ab \u{e9}c",
        "[Some((0, 1))];[Some((4, 5))]",
    );
    mb("match", ".", 16, "\n", "[Some((0, 1))] None");
    mb("search", "a(?=b)", 0, "xab", "[Some((1, 2))] None");
}

/// Throughput over a large text, run by hand in release mode:
/// `RE_BENCH_TEXT=file cargo test --release --lib re_throughput -- --ignored --nocapture`.
/// Add `RE_BENCH_WIDE=1` to run on code points instead of bytes.
#[test]
#[ignore]
fn re_throughput() {
    let Ok(path) = std::env::var("RE_BENCH_TEXT") else {
        return;
    };
    let data = std::fs::read_to_string(path).unwrap();
    if std::env::var("RE_BENCH_WIDE").is_ok() {
        let wide: Vec<u32> = data
            .chars()
            .map(|c| if c == 'x' { 0x101 } else { c as u32 })
            .collect();
        throughput(&wide[..]);
    } else {
        throughput(data.as_bytes());
    }
}

fn throughput<H: Haystack + ?Sized>(text: &H) {
    use std::time::Instant;
    let n = text.len();
    let only = std::env::var("RE_BENCH_ONLY").unwrap_or_default();
    let time = |name: &str, f: &mut dyn FnMut() -> usize| {
        if !name.contains(only.as_str()) {
            return;
        }
        let mut best = f64::MAX;
        let mut r = 0;
        for _ in 0..3 {
            let t0 = Instant::now();
            r = f();
            best = best.min(t0.elapsed().as_secs_f64());
        }
        println!("{:<28} {:8.1} ms  {}", name, best * 1000.0, r);
    };
    let count = |p: &str| {
        let re = compile(p, 0);
        move || re.find_iter(text, 0, n).count()
    };
    let search = |p: &str| {
        let re = compile(p, 0);
        move || {
            re.exec(text, 0, n, Mode::Search)
                .map_or(0, |m| m[0].unwrap().0)
        }
    };
    let sub = |p: &str, r: &str| {
        let re = compile(p, 0);
        let tpl = re.template(&cps(r)).unwrap();
        move || {
            let mut len = 0;
            re.replace(text, &tpl, 0, |c| {
                len += match c {
                    Chunk::Text(a, b) => b - a,
                    Chunk::Literal(l) => l.len(),
                }
            });
            len
        }
    };
    let split = |p: &str| {
        let re = compile(p, 0);
        move || re.split(text, 0).len()
    };
    let matched = |p: &str| {
        let re = compile(p, 0);
        move || {
            re.exec(text, 0, n, Mode::Match)
                .map_or(0, |m| m[0].unwrap().1)
        }
    };
    time("search literal absent", &mut search("needle"));
    time("search (?i) absent", &mut search("(?i)needle"));
    time("findall \\w+", &mut count(r"\w+"));
    time("finditer \\d+", &mut count(r"\d+"));
    time("findall [a-z]+ing\\b", &mut count(r"[a-z]+ing\b"));
    time(
        "findall (\\w+)@(\\w+)\\.com",
        &mut count(r"(\w+)@(\w+)\.com"),
    );
    time("sub \\s+ -> \" \"", &mut sub(r"\s+", " "));
    time("sub x -> y (literal)", &mut sub("x", "y"));
    time("split [,;]\\s*", &mut split(r"[,;]\s*"));
    time("split \\n", &mut split("\n"));
    time("match (?s).*", &mut matched("(?s).*"));
    time("match (?:\\w+\\W+)*", &mut matched(r"(?:\w+\W+)*"));
    time("search x\\d{3}y absent", &mut search(r"x\d{3}y"));
    time("search (error|warning):", &mut search("(error|warning):"));
    time(
        "findall error|warning|info",
        &mut count("error|warning|info"),
    );
    time("findall (?i)error", &mut count("(?i)error"));
    time("findall (?m)^\\w+", &mut count(r"(?m)^\w+"));
    time("findall lines [^\\n]*\\n", &mut count("[^\n]*\n"));
    time("findall (?:a|b|c|d|e)+", &mut count("(?:a|b|c|d|e)+"));
    time("findall (\\w)(\\w)?(\\w)?", &mut count(r"(\w)(\w)?(\w)?"));
    time("findall \\d+(?=[,;])", &mut count(r"\d+(?=[,;])"));
    time("findall (?<=@)\\w+", &mut count(r"(?<=@)\w+"));
    time("findall \\b\\w{5}\\b", &mut count(r"\b\w{5}\b"));
    time("findall (?:\\w+ )+", &mut count(r"(?:\w+ )+"));
    time("search .*needle absent", &mut search(".*needle"));
    time("search (\\w+) (\\w+) \\1", &mut search(r"(\w+) (\w+) \1\b"));
}
