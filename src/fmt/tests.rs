//! Checks against CPython 3.11 output (tables in `tests_data.rs`) plus
//! hand-written cases for the parsers.

use num_bigint::BigInt;

use super::tests_data as data;
use super::*;

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

fn expect(r: Result<String, String>, want: &data::R) -> Option<String> {
    let want = want.map(str::to_string).map_err(str::to_string);
    (r != want).then(|| format!("got {r:?}, want {want:?}"))
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
    for &(bits, want) in data::REPR {
        let x = f64::from_bits(bits);
        let got = float_repr(x);
        if got != want {
            fails.push(format!("{x:e}: got {got}, want {want}"));
        }
    }
    report(fails);
}

#[test]
fn repr_examples() {
    assert_eq!(float_repr(0.1), "0.1");
    assert_eq!(float_repr(1e16), "1e+16");
    assert_eq!(float_repr(1e-5), "1e-05");
    assert_eq!(float_repr(123456789012345678.0), "1.2345678901234568e+17");
    assert_eq!(float_repr(1.0), "1.0");
    assert_eq!(float_repr(-0.0), "-0.0");
    assert_eq!(float_repr(f64::INFINITY), "inf");
    assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
    assert_eq!(float_repr(f64::NAN), "nan");
    assert_eq!(float_repr(1e22), "1e+22");
    assert_eq!(float_repr(0.0001), "0.0001");
}

#[test]
fn format_int_matches_cpython() {
    let mut fails = Vec::new();
    for (v, spec, want) in data::INTS {
        let got = FormatSpec::parse_for(spec, "int").and_then(|s| format_int(&big(v), &s));
        if let Some(e) = expect(got, want) {
            fails.push(format!("format({v}, {spec:?}): {e}"));
        }
        if let Ok(small) = v.parse::<i64>() {
            let got = FormatSpec::parse_for(spec, "int").and_then(|s| format_i64(small, &s));
            if let Some(e) = expect(got, want) {
                fails.push(format!("format_i64({v}, {spec:?}): {e}"));
            }
        }
    }
    report(fails);
}

#[test]
fn format_float_matches_cpython() {
    let mut fails = Vec::new();
    for &(bits, spec, ref want) in data::FLOATS {
        let x = f64::from_bits(bits);
        let got = FormatSpec::parse_for(spec, "float").and_then(|s| format_float(x, &s));
        if let Some(e) = expect(got, want) {
            fails.push(format!("format({x:e}, {spec:?}): {e}"));
        }
    }
    report(fails);
}

#[test]
fn format_str_matches_cpython() {
    let mut fails = Vec::new();
    for (v, spec, want) in data::STRS {
        let got = FormatSpec::parse_for(spec, "str").and_then(|s| format_str(v, &s));
        if let Some(e) = expect(got, want) {
            fails.push(format!("format({v:?}, {spec:?}): {e}"));
        }
    }
    report(fails);
}

#[test]
fn spec_parse_fields() {
    let s = FormatSpec::parse("*^+z#012,.3f").unwrap();
    assert_eq!(
        s,
        FormatSpec {
            fill: '*',
            align: Some('^'),
            sign: Some('+'),
            no_neg_zero: true,
            alternate: true,
            zero: false,
            width: Some(12),
            grouping: Some(','),
            precision: Some(3),
            ty: Some('f'),
        }
    );
    let s = FormatSpec::parse("010").unwrap();
    assert!(s.zero && s.fill == '0' && s.align.is_none() && s.width == Some(10));
    assert_eq!(FormatSpec::parse("").unwrap(), FormatSpec::default());
    assert_eq!(
        FormatSpec::parse("xx").unwrap_err(),
        "Invalid format specifier 'xx' for object of type 'object'"
    );
}

#[test]
fn round_matches_cpython() {
    let mut fails = Vec::new();
    for &(bits, nd, want) in data::ROUND {
        let x = f64::from_bits(bits);
        let got = round_float(x, nd);
        if got.to_bits() != want {
            fails.push(format!(
                "round({x:e}, {nd}): got {got:e}, want {:e}",
                f64::from_bits(want)
            ));
        }
    }
    report(fails);
}

#[test]
fn round_examples() {
    assert_eq!(round_float(2.675, 2), 2.67);
    assert_eq!(round_float(0.5, 0), 0.0);
    assert_eq!(round_float(1.5, 0), 2.0);
    assert_eq!(round_float(12345.0, -2), 12300.0);
    assert_eq!(round_float(0.1, 400), 0.1);
    assert!(round_float(f64::NAN, 2).is_nan());
    assert!(round_float(1.7976931348623157e308, -308).is_infinite());
    assert!(round_float(-0.4, 0).is_sign_negative());
}

#[test]
fn parse_int_matches_cpython() {
    let mut fails = Vec::new();
    for &(text, base, want) in data::PARSE_INT {
        let got = parse_int(text, base);
        if got != want.map(big) {
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
    for &(text, want) in data::PARSE_FLOAT {
        let got = parse_float(text);
        let same = match (got, want) {
            (Some(g), Some(w)) => g.to_bits() == w || (g.is_nan() && f64::from_bits(w).is_nan()),
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
    for &(v, hex, oct, bin) in data::RADIX {
        let v = big(v);
        assert_eq!(int_to_str_radix(&v, 16, true), hex);
        assert_eq!(int_to_str_radix(&v, 8, true), oct);
        assert_eq!(int_to_str_radix(&v, 2, true), bin);
    }
    assert_eq!(int_to_str_radix(&big("-31"), 16, false), "-1f");
    assert_eq!(int_to_str_radix(&big("35"), 36, false), "z");
}

#[test]
fn int_to_float() {
    assert_eq!(
        int_to_f64(&big("9007199254740993")),
        Some(9007199254740992.0)
    );
    assert_eq!(
        int_to_f64(&big("9007199254740995")),
        Some(9007199254740996.0)
    );
    let max = big("179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368");
    assert_eq!(int_to_f64(&max), Some(f64::MAX));
    assert_eq!(int_to_f64(&(max << 1usize)), None);
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

fn to_arg(&(kind, text): &(char, &str)) -> Arg {
    match kind {
        'I' => Arg::I(big(text)),
        'F' => Arg::F(text.parse().unwrap_or_else(|_| parse_float(text).unwrap())),
        _ => Arg::S(text.to_string()),
    }
}

#[test]
fn percent_matches_cpython() {
    let mut fails = Vec::new();
    for &(fmt, args, want) in data::PERCENT {
        let args: Vec<Arg> = args.iter().map(to_arg).collect();
        let got = percent(fmt, &args, None);
        if got.as_deref() != Ok(want) {
            fails.push(format!("{fmt:?} % {args:?}: got {got:?}, want {want:?}"));
        }
    }
    report(fails);
}

#[test]
fn percent_keyed() {
    let map = [
        ("a", Arg::S("x".into())),
        ("b", Arg::I(big("5"))),
        ("x", Arg::F(2.25)),
        ("y", Arg::S("z".into())),
        ("a(b)", Arg::S("ok".into())),
    ];
    for &(fmt, want) in data::PERCENT_KEYED {
        assert_eq!(percent(fmt, &[], Some(&map)).unwrap(), want, "{fmt:?}");
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
    for &(fmt, want) in data::PERCENT_ERRORS {
        assert_eq!(parse_percent(fmt).unwrap_err(), want, "{fmt:?}");
    }
}

#[test]
fn format_string_errors_match_cpython() {
    for &(fmt, want) in data::FORMAT_ERRORS {
        assert_eq!(parse_format_string(fmt).unwrap_err(), want, "{fmt:?}");
    }
}

fn field(
    first: FieldKey,
    rest: Vec<FieldAccess>,
    conversion: Option<char>,
    spec: &str,
) -> FormatPiece {
    FormatPiece::Field(FormatField {
        name: FieldName { first, rest },
        conversion,
        spec: spec.into(),
    })
}

fn lit(s: &str) -> FormatPiece {
    FormatPiece::Literal(s.into())
}

#[test]
fn format_string_pieces() {
    use FieldAccess as A;
    use FieldKey as K;
    assert_eq!(
        parse_format_string("{0} {name!r:>10} {{literal}} {x[0].attr:{w}}").unwrap(),
        vec![
            field(K::Index(0), vec![], None, ""),
            lit(" "),
            field(K::Name("name".into()), vec![], Some('r'), ">10"),
            lit(" {literal} "),
            field(
                K::Name("x".into()),
                vec![A::Index(0), A::Attr("attr".into())],
                None,
                "{w}"
            ),
        ]
    );
    assert_eq!(parse_format_string("").unwrap(), vec![]);
    assert_eq!(parse_format_string("plain").unwrap(), vec![lit("plain")]);
    assert_eq!(
        parse_format_string("a{}b{:x}{!s}{[k]}{.y}").unwrap(),
        vec![
            lit("a"),
            field(K::Auto, vec![], None, ""),
            lit("b"),
            field(K::Auto, vec![], None, "x"),
            field(K::Auto, vec![], Some('s'), ""),
            field(K::Auto, vec![A::Key("k".into())], None, ""),
            field(K::Auto, vec![A::Attr("y".into())], None, ""),
        ]
    );
    assert_eq!(
        parse_format_string("{00}{ 0}{0 }{-1}{\u{661}}{0[a.b]}{0[a:b]}{0[1]:{1}{2}}").unwrap(),
        vec![
            field(K::Index(0), vec![], None, ""),
            field(K::Name(" 0".into()), vec![], None, ""),
            field(K::Name("0 ".into()), vec![], None, ""),
            field(K::Name("-1".into()), vec![], None, ""),
            field(K::Index(1), vec![], None, ""),
            field(K::Index(0), vec![A::Key("a.b".into())], None, ""),
            field(K::Index(0), vec![A::Key("a:b".into())], None, ""),
            field(K::Index(0), vec![A::Index(1)], None, "{1}{2}"),
        ]
    );
    assert_eq!(
        parse_format_string("}}{{x{0!a:}").unwrap(),
        vec![lit("}{x"), field(K::Index(0), vec![], Some('a'), "")]
    );
}

#[test]
fn unicode_helpers() {
    assert_eq!(decimal_value('7'), Some(7));
    assert_eq!(decimal_value('\u{663}'), Some(3));
    assert_eq!(decimal_value('\u{ff19}'), Some(9));
    assert_eq!(decimal_value('a'), None);
    assert_eq!(decimal_value('\u{b2}'), None);
    assert!(is_py_space('\u{1f}') && is_py_space('\u{3000}') && !is_py_space('\u{200b}'));
}

#[test]
fn huge_precision() {
    let spec = FormatSpec::parse(".70000f").unwrap();
    let s = format_float(1.5, &spec).unwrap();
    assert_eq!(s.len(), 70002);
    assert!(s.starts_with("1.5000"));
    let s = format_float(5e-324, &FormatSpec::parse(".2000e").unwrap()).unwrap();
    let exact = "4.940656458412465441765687928682213723650598026143247644255856825006755072702087518652998363616359923797965646954457177309266567103559397963987747960107818781263007131903114045278458171678489821036887186360569987307230500063874091535649843873124733972731696151400317153853980741262385655911710266585566867681870395603106249319452715914924553293054565444011274801297099995419319894090804165633245247571478690147267801593552386115501348035264934720193790268107107491703332226844753335720832431936092382893458368060106011506169809753078342277318329247904982524730776375927247874656084778203734469699533647017972677717585125660551199131504891101451037862738167250955837389733598993664809941164205702637090279242767544565229087538682506419718265533447265625";
    assert_eq!(s.len(), 2007);
    assert!(s.starts_with(exact));
    assert!(s.ends_with("0000e-324"));
    let s = format_float(0.1, &FormatSpec::parse(".100000g").unwrap()).unwrap();
    assert_eq!(
        s,
        "0.1000000000000000055511151231257827021181583404541015625"
    );
    let spec = match &parse_percent("%.80000f").unwrap()[0] {
        PercentPiece::Spec(s) => s.clone(),
        _ => unreachable!(),
    };
    assert_eq!(percent_float(2.0, &spec, None, Some(80000)).len(), 80002);
}
