//! gilpy's `fmt` module against CPython 3.11: float repr and round(),
//! format() of ints, floats and strs, %-formatting, str.format parsing, and
//! the int()/float() parsers. The cases and CPython's results are in
//! `tests/data/fmt/*.txt` (the format and how to regenerate them:
//! `tests/tools/fmt_data.py`).

use gilpy::fmt::*;
use num_bigint::BigInt;
use std::path::Path;

/// Undoes `fmt_data.py`'s escapes.
fn decode(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('s') => out.push(' '),
            Some('u') => {
                let rest = chars.as_str();
                let end = rest.find('}').expect("\\u{HEX}");
                let hex = rest[..end].strip_prefix('{').expect("\\u{HEX}");
                let code = u32::from_str_radix(hex, 16).expect("hex digits");
                out.push(char::from_u32(code).expect("a character"));
                chars = rest[end + 1..].chars();
            }
            other => panic!("bad escape \\{other:?} in {field:?}"),
        }
    }
    out
}

/// The cases of `tests/data/fmt/NAME.txt`, each its decoded fields: exactly
/// `fields` of them, or at least two when `fields` is 0.
fn cases(name: &str, fields: usize) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/fmt")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("data file is readable");
    let cases: Vec<Vec<String>> = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let case: Vec<String> = line.split('\t').map(decode).collect();
            let n = case.len();
            let fits = if fields == 0 { n >= 2 } else { n == fields };
            assert!(fits, "{name}:{}: {n} fields", i + 1);
            case
        })
        .collect();
    assert!(!cases.is_empty(), "{name} has no cases");
    cases
}

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

fn float(bits: &str) -> f64 {
    f64::from_bits(u64::from_str_radix(bits.trim_start_matches("0x"), 16).expect("float bits"))
}

/// `ok TEXT` or `err MESSAGE`, as `fmt` returns them.
fn outcome(kind: &str, text: &str) -> Result<String, String> {
    match kind {
        "ok" => Ok(text.to_string()),
        "err" => Err(text.to_string()),
        _ => panic!("result kind {kind:?}"),
    }
}

fn expect(r: Result<String, String>, want: &Result<String, String>) -> Option<String> {
    (r != *want).then(|| format!("got {r:?}, want {want:?}"))
}

fn report(failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn repr_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("repr.txt", 2) {
        let [bits, want] = &case[..] else {
            unreachable!()
        };
        let x = float(bits);
        let got = float_repr(x);
        if got != *want {
            fails.push(format!("{x:e}: got {got}, want {want}"));
        }
    }
    report(fails);
}

#[test]
fn format_int_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("format_int.txt", 4) {
        let [v, spec, kind, text] = &case[..] else {
            unreachable!()
        };
        let want = outcome(kind, text);
        let got = FormatSpec::parse_for(spec, "int").and_then(|s| format_int(&big(v), &s));
        if let Some(e) = expect(got, &want) {
            fails.push(format!("format({v}, {spec:?}): {e}"));
        }
        if let Ok(small) = v.parse::<i64>() {
            let got = FormatSpec::parse_for(spec, "int").and_then(|s| format_i64(small, &s));
            if let Some(e) = expect(got, &want) {
                fails.push(format!("format_i64({v}, {spec:?}): {e}"));
            }
        }
    }
    report(fails);
}

#[test]
fn format_float_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("format_float.txt", 4) {
        let [bits, spec, kind, text] = &case[..] else {
            unreachable!()
        };
        let x = float(bits);
        let got = FormatSpec::parse_for(spec, "float").and_then(|s| format_float(x, &s));
        if let Some(e) = expect(got, &outcome(kind, text)) {
            fails.push(format!("format({x:e}, {spec:?}): {e}"));
        }
    }
    report(fails);
}

#[test]
fn format_str_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("format_str.txt", 4) {
        let [v, spec, kind, text] = &case[..] else {
            unreachable!()
        };
        let got = FormatSpec::parse_for(spec, "str").and_then(|s| format_str(v, &s));
        if let Some(e) = expect(got, &outcome(kind, text)) {
            fails.push(format!("format({v:?}, {spec:?}): {e}"));
        }
    }
    report(fails);
}

#[test]
fn round_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("round.txt", 3) {
        let [bits, nd, want] = &case[..] else {
            unreachable!()
        };
        let x = float(bits);
        let nd: i64 = nd.parse().expect("ndigits");
        let want = float(want);
        let got = round_float(x, nd);
        if got.to_bits() != want.to_bits() {
            fails.push(format!("round({x:e}, {nd}): got {got:e}, want {want:e}"));
        }
    }
    report(fails);
}

#[test]
fn parse_int_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("parse_int.txt", 4) {
        let [text, base, kind, value] = &case[..] else {
            unreachable!()
        };
        let base: u32 = base.parse().expect("base");
        // CPython's message is the VM's business: `parse_int` only fails.
        let want = (kind == "ok").then(|| big(value));
        let got = parse_int(text, base);
        if got != want {
            fails.push(format!("int({text:?}, {base}): got {got:?}, want {want:?}"));
        }
    }
    report(fails);
    assert_eq!(parse_int("5", 1), None);
    assert_eq!(parse_int("5", 37), None);
}

#[test]
fn parse_float_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("parse_float.txt", 3) {
        let [text, kind, bits] = &case[..] else {
            unreachable!()
        };
        let want = (kind == "ok").then(|| float(bits));
        let got = parse_float(text);
        let same = match (got, want) {
            (Some(g), Some(w)) => g.to_bits() == w.to_bits() || (g.is_nan() && w.is_nan()),
            (None, None) => true,
            _ => false,
        };
        if !same {
            fails.push(format!("float({text:?}): got {got:?}, want {want:?}"));
        }
    }
    report(fails);
}

#[test]
fn radix_matches_cpython() {
    for case in cases("radix.txt", 4) {
        let [v, hex, oct, bin] = &case[..] else {
            unreachable!()
        };
        let v = big(v);
        assert_eq!(int_to_str_radix(&v, 16, true), *hex);
        assert_eq!(int_to_str_radix(&v, 8, true), *oct);
        assert_eq!(int_to_str_radix(&v, 2, true), *bin);
    }
    assert_eq!(int_to_str_radix(&big("-31"), 16, false), "-1f");
    assert_eq!(int_to_str_radix(&big("35"), 36, false), "z");
}

#[derive(Debug)]
enum Arg {
    I(BigInt),
    F(f64),
    S(String),
}

/// A minimal version of what the VM does with `parse_percent`.
fn percent(fmt: &str, args: &[Arg], keyed: Option<&[(&str, Arg)]>) -> Result<String, String> {
    let mut out = String::new();
    let mut it = args.iter();
    for piece in parse_percent(fmt)? {
        let spec = match piece {
            PercentPiece::Literal(s) => {
                out.push_str(&s);
                continue;
            }
            PercentPiece::Spec(s) => s,
        };
        let mut spec = spec.clone();
        let star = |it: &mut std::slice::Iter<Arg>| match it.next() {
            Some(Arg::I(n)) => i64::try_from(n).unwrap(),
            a => panic!("* wants int, got {a:?}"),
        };
        let width = match spec.width {
            Some(Count::Fixed(w)) => Some(w),
            Some(Count::Star) => {
                let w = star(&mut it);
                if w < 0 {
                    spec.flags.minus = true;
                }
                Some(w.unsigned_abs() as usize)
            }
            None => None,
        };
        let prec = match spec.precision {
            Some(Count::Fixed(p)) => Some(p),
            Some(Count::Star) => Some(star(&mut it).max(0) as usize),
            None => None,
        };
        let arg = match (&spec.key, keyed) {
            (Some(k), Some(map)) => &map.iter().find(|(n, _)| n == k).unwrap().1,
            _ => it.next().expect("enough args"),
        };
        let text = match (spec.conv, arg) {
            ('d' | 'i' | 'u' | 'o' | 'x' | 'X', Arg::I(v)) => {
                let text = percent_int(v, &spec, width, prec);
                if let Ok(small) = i64::try_from(v) {
                    assert_eq!(percent_i64(small, &spec, width, prec), text);
                }
                text
            }
            ('d' | 'i' | 'u', Arg::F(f)) => {
                percent_int(&BigInt::from(f.trunc() as i64), &spec, width, prec)
            }
            ('e' | 'E' | 'f' | 'F' | 'g' | 'G', Arg::F(f)) => percent_float(*f, &spec, width, prec),
            (_, Arg::S(s)) => percent_str(s, &spec, width, prec),
            (_, Arg::F(f)) => percent_str(&float_repr(*f), &spec, width, prec),
            (c, a) => panic!("bad test: {c} with {a:?}"),
        };
        out.push_str(&text);
    }
    Ok(out)
}

/// `I:TEXT`, `F:TEXT` or `S:TEXT` (see `fmt_data.py`).
fn to_arg(field: &str) -> Arg {
    match field.split_once(':') {
        Some(("I", text)) => Arg::I(big(text)),
        Some(("F", text)) => Arg::F(text.parse().unwrap_or_else(|_| parse_float(text).unwrap())),
        Some(("S", text)) => Arg::S(text.to_string()),
        _ => panic!("bad argument {field:?}"),
    }
}

#[test]
fn percent_matches_cpython() {
    let mut fails = Vec::new();
    for case in cases("percent.txt", 0) {
        let (want, inputs) = case.split_last().expect("fields");
        let (fmt, args) = inputs.split_first().expect("a format");
        let args: Vec<Arg> = args.iter().map(|a| to_arg(a)).collect();
        let got = percent(fmt, &args, None);
        if got.as_deref() != Ok(want.as_str()) {
            fails.push(format!("{fmt:?} % {args:?}: got {got:?}, want {want:?}"));
        }
    }
    report(fails);
}

#[test]
fn percent_keyed() {
    // The mapping `fmt_data.py` formats percent_keyed.txt with.
    let map = [
        ("a", Arg::S("x".into())),
        ("b", Arg::I(big("5"))),
        ("x", Arg::F(2.25)),
        ("y", Arg::S("z".into())),
        ("a(b)", Arg::S("ok".into())),
    ];
    for case in cases("percent_keyed.txt", 2) {
        let [fmt, want] = &case[..] else {
            unreachable!()
        };
        assert_eq!(percent(fmt, &[], Some(&map)).unwrap(), *want, "{fmt:?}");
    }
    let pieces = parse_percent("%(name)-*.3s").unwrap();
    assert_eq!(
        pieces,
        vec![PercentPiece::Spec(PercentSpec {
            key: Some("name".into()),
            flags: PercentFlags {
                minus: true,
                ..Default::default()
            },
            width: Some(Count::Star),
            precision: Some(Count::Fixed(3)),
            conv: 's',
        })]
    );
}

#[test]
fn percent_errors_match_cpython() {
    for case in cases("percent_errors.txt", 2) {
        let [fmt, want] = &case[..] else {
            unreachable!()
        };
        assert_eq!(parse_percent(fmt).unwrap_err(), *want, "{fmt:?}");
    }
}

#[test]
fn format_string_errors_match_cpython() {
    for case in cases("format_string_errors.txt", 2) {
        let [fmt, want] = &case[..] else {
            unreachable!()
        };
        assert_eq!(parse_format_string(fmt).unwrap_err(), *want, "{fmt:?}");
    }
}
