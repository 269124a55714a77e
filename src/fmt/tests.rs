//! Hand-written cases; the checks against CPython's output, case by case,
//! are in `tests/fmt.rs`.

use num_bigint::BigInt;

use super::*;

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
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
