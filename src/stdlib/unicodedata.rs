//! `unicodedata`: the character database's categories, names, digit values,
//! combining classes and normal forms, from the general-category, names and
//! normalization tables of the `unicode-*` crates; East Asian widths,
//! bidirectional classes, mirroring and decompositions from tables made by
//! `scripts/gen_unicodedata_tables.py`.

use super::unicodedata_tables as tables;
use crate::vm::dict::DictMap;
use crate::vm::native::{add_functions, Arity};
use crate::vm::value::new_str;
use crate::vm::{PyResult, Str, Value, Vm};
use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, is_nfd, is_nfkc, is_nfkd, UnicodeNormalization};

/// The one character a function takes, with CPython's messages.
fn one_char(vm: &Vm, v: &Value, func: &str) -> PyResult<char> {
    // The functions with a second (default) argument say "argument 1".
    let which = if matches!(func, "name" | "decimal" | "digit" | "numeric") {
        "argument 1"
    } else {
        "argument"
    };
    let mut it = v.as_str().map(|s| s.chars());
    match it.as_mut().map(|i| (i.next(), i.next())) {
        Some((Some(c), None)) => Ok(c),
        _ => Err(vm.type_error(format!(
            "{func}() {which} must be a unicode character, not {}",
            vm.type_name(v)
        ))),
    }
}

fn category_code(c: char) -> &'static str {
    match get_general_category(c) {
        G::UppercaseLetter => "Lu",
        G::LowercaseLetter => "Ll",
        G::TitlecaseLetter => "Lt",
        G::ModifierLetter => "Lm",
        G::OtherLetter => "Lo",
        G::NonspacingMark => "Mn",
        G::SpacingMark => "Mc",
        G::EnclosingMark => "Me",
        G::DecimalNumber => "Nd",
        G::LetterNumber => "Nl",
        G::OtherNumber => "No",
        G::ConnectorPunctuation => "Pc",
        G::DashPunctuation => "Pd",
        G::OpenPunctuation => "Ps",
        G::ClosePunctuation => "Pe",
        G::InitialPunctuation => "Pi",
        G::FinalPunctuation => "Pf",
        G::OtherPunctuation => "Po",
        G::MathSymbol => "Sm",
        G::CurrencySymbol => "Sc",
        G::ModifierSymbol => "Sk",
        G::OtherSymbol => "So",
        G::SpaceSeparator => "Zs",
        G::LineSeparator => "Zl",
        G::ParagraphSeparator => "Zp",
        G::Control => "Cc",
        G::Format => "Cf",
        G::Surrogate => "Cs",
        G::PrivateUse => "Co",
        _ => "Cn",
    }
}

fn category(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "category")?;
    Ok(new_str(category_code(c).to_string()))
}

/// `name(chr[, default])`: `ValueError: no such name` without a default.
fn name(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "name")?;
    match unicode_names2::name(c) {
        Some(n) => Ok(new_str(n.to_string())),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error("no such name")),
        },
    }
}

fn lookup(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let Some(s) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "lookup() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    match unicode_names2::character(s) {
        Some(c) => Ok(new_str(c.to_string())),
        None => Err(vm.new_error(
            &vm.types().exc.KeyError,
            format!("undefined character name '{s}'"),
        )),
    }
}

/// The value of a decimal digit (category Nd): digits come in runs of ten
/// from 0 to 9, so it is the count of digits just before it, modulo ten.
fn decimal_value(c: char) -> Option<u32> {
    if get_general_category(c) != G::DecimalNumber {
        return None;
    }
    let n = c as u32;
    let before = (1..=n.min(100))
        .take_while(|k| {
            char::from_u32(n - k).is_some_and(|p| get_general_category(p) == G::DecimalNumber)
        })
        .count() as u32;
    Some(before % 10)
}

/// A value function (`decimal`, `digit`) with `ValueError(msg)` or the default.
fn value_or_default(vm: &mut Vm, args: &[Value], v: Option<u32>, msg: &str) -> PyResult<Value> {
    match v {
        Some(d) => Ok(Value::Int(d as i64)),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(msg)),
        },
    }
}

fn decimal(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "decimal")?;
    value_or_default(
        vm,
        args,
        c.to_digit(10).or_else(|| decimal_value(c)),
        "not a decimal",
    )
}

fn digit(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "digit")?;
    value_or_default(
        vm,
        args,
        c.to_digit(10).or_else(|| decimal_value(c)),
        "not a digit",
    )
}

fn numeric(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "numeric")?;
    match c.to_digit(10).or_else(|| decimal_value(c)) {
        Some(d) => Ok(Value::Float(d as f64)),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error("not a numeric character")),
        },
    }
}

fn combining(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "combining")?;
    Ok(Value::Int(canonical_combining_class(c) as i64))
}

fn form_and_text<'a>(vm: &Vm, args: &'a [Value], func: &str) -> PyResult<(&'a str, &'a str)> {
    let (Some(form), Some(text)) = (args[0].as_str(), args[1].as_str()) else {
        return Err(vm.type_error(format!("{func}() argument must be str")));
    };
    match form {
        "NFC" | "NFD" | "NFKC" | "NFKD" => Ok((form, text)),
        _ => Err(vm.value_error("invalid normalization form")),
    }
}

fn normalize(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, args, "normalize")?;
    let out: String = match form {
        "NFC" => text.nfc().collect(),
        "NFD" => text.nfd().collect(),
        "NFKC" => text.nfkc().collect(),
        _ => text.nfkd().collect(),
    };
    Ok(new_str(out))
}

fn is_normalized(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, args, "is_normalized")?;
    Ok(Value::Bool(match form {
        "NFC" => is_nfc(text),
        "NFD" => is_nfd(text),
        "NFKC" => is_nfkc(text),
        _ => is_nfkd(text),
    }))
}

/// The value of the run `c` falls in, in a table of (first, last, value).
fn in_runs<T: Copy>(runs: &[(u32, u32, T)], c: char) -> Option<T> {
    let c = c as u32;
    let i = runs.partition_point(|r| r.1 < c);
    runs.get(i).filter(|r| r.0 <= c).map(|r| r.2)
}

fn east_asian_width(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "east_asian_width")?;
    let w = in_runs(tables::EAST_ASIAN_WIDTH, c)
        .map_or("N", |i| tables::EAST_ASIAN_WIDTH_NAMES[i as usize]);
    Ok(new_str(w.to_string()))
}

fn bidirectional(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "bidirectional")?;
    let b =
        in_runs(tables::BIDIRECTIONAL, c).map_or("", |i| tables::BIDIRECTIONAL_NAMES[i as usize]);
    Ok(new_str(b.to_string()))
}

fn mirrored(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "mirrored")? as u32;
    let i = tables::MIRRORED.partition_point(|r| r.1 < c);
    let hit = tables::MIRRORED.get(i).is_some_and(|r| r.0 <= c);
    Ok(Value::Int(hit as i64))
}

/// The character's decomposition mapping as the database writes it
/// (`"<compat> 0020 0308"`), or "".
fn decomposition(vm: &mut Vm, args: &[Value], _kw: &[(Str, Value)]) -> PyResult<Value> {
    let c = one_char(vm, &args[0], "decomposition")? as u32;
    let d = tables::DECOMPOSITION
        .binary_search_by_key(&c, |e| e.0)
        .map_or("", |i| tables::DECOMPOSITION[i].1);
    Ok(new_str(d.to_string()))
}

pub fn init(vm: &mut Vm, d: &mut DictMap) -> PyResult<()> {
    add_functions(
        vm,
        d,
        &[
            ("category", Arity::exact(1), category),
            ("name", Arity::range(1, 2), name),
            ("lookup", Arity::exact(1), lookup),
            ("decimal", Arity::range(1, 2), decimal),
            ("digit", Arity::range(1, 2), digit),
            ("numeric", Arity::range(1, 2), numeric),
            ("combining", Arity::exact(1), combining),
            ("east_asian_width", Arity::exact(1), east_asian_width),
            ("bidirectional", Arity::exact(1), bidirectional),
            ("mirrored", Arity::exact(1), mirrored),
            ("decomposition", Arity::exact(1), decomposition),
            ("normalize", Arity::exact(2), normalize),
            ("is_normalized", Arity::exact(2), is_normalized),
        ],
    );
    d.set_str(&vm.intern("unidata_version"), new_str("14.0.0".to_string()));
    Ok(())
}
