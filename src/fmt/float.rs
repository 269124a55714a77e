//! Float to text, a port of CPython's `format_float_short` (Python/pystrtod.c)
//! on top of Rust's correctly rounded float printing, which gives the same
//! digits as David Gay's dtoa (shortest round-trip, or exact with
//! round-half-even).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Zero};

/// Splits Rust's `{:e}` output of a non-negative finite float into dtoa's
/// (digits without trailing zeros, decimal point position).
fn split_exp(s: &str) -> (String, i64) {
    let (mant, exp) = s.split_once('e').expect("exponent form");
    let exp: i64 = exp.parse().expect("exponent");
    let mut digits: String = mant.chars().filter(|&c| c != '.').collect();
    trim_zeros(&mut digits);
    (digits, exp + 1)
}

fn trim_zeros(digits: &mut String) {
    let n = digits.trim_end_matches('0').len();
    digits.truncate(n);
}

/// dtoa mode 0: shortest digits that round-trip.
fn digits_shortest(ax: f64) -> (String, i64) {
    if ax == 0.0 {
        return ("0".into(), 1);
    }
    let (digits, decpt) = split_exp(&format!("{ax:e}"));
    // When two shortest candidates are equally close, Rust rounds the last
    // digit up where dtoa picks the even one: an odd last digit may be such
    // a tie, so compare with the correctly rounded (ties-to-even) digits.
    let odd = digits.as_bytes().last().is_some_and(|d| d % 2 == 1);
    if odd {
        let exact = format!("{:.*e}", digits.len() - 1, ax);
        let (d2, p2) = split_exp(&exact);
        if d2 != digits && exact.parse::<f64>() == Ok(ax) {
            return (d2, p2);
        }
    }
    (digits, decpt)
}

/// dtoa mode 2: `n >= 1` significant digits, trailing zeros removed.
fn digits_sig(ax: f64, n: usize) -> (String, i64) {
    if ax == 0.0 {
        return ("0".into(), 1);
    }
    // A double has at most 767 significant decimal digits, so more are exact
    // zeros; clamping also keeps under Rust's 65535 precision limit.
    split_exp(&format!("{:.*e}", n.min(800) - 1, ax))
}

/// dtoa mode 3: `n` digits after the decimal point, trailing zeros removed.
/// A nonzero value that rounds to zero gives no digits and `decpt == -n`, as
/// dtoa does.
fn digits_fixed(ax: f64, n: usize) -> (String, i64) {
    if ax == 0.0 {
        return ("0".into(), 1);
    }
    // At most 1074 digits after the point are nonzero (see digits_sig).
    let s = format!("{:.*}", n.min(1100), ax);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut decpt = int.len() as i64;
    let all = format!("{int}{frac}");
    let lead = all.len() - all.trim_start_matches('0').len();
    decpt -= lead as i64;
    let mut digits = all[lead..].to_string();
    trim_zeros(&mut digits);
    if digits.is_empty() {
        return (digits, -(n as i64));
    }
    (digits, decpt)
}

/// `PyOS_double_to_string`: `code` is one of `e E f F g G r`. Never adds a
/// `+` sign (callers place signs themselves).
pub(crate) fn double_to_string(
    x: f64,
    code: char,
    precision: usize,
    add_dot_0: bool,
    alt: bool,
    no_neg_zero: bool,
) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    if x.is_nan() {
        // The sign of a nan is never shown.
        return if upper { "NAN" } else { "nan" }.into();
    }
    if x.is_infinite() {
        let s = if upper { "INF" } else { "inf" };
        return if x < 0.0 { format!("-{s}") } else { s.into() };
    }
    let ax = x.abs();
    // `p` is dtoa's ndigits after CPython's adjustments.
    let (p, (digits, mut decpt)) = match code {
        'e' => (precision + 1, digits_sig(ax, precision + 1)),
        'f' => (precision, digits_fixed(ax, precision)),
        'g' => {
            let p = precision.max(1);
            (p, digits_sig(ax, p))
        }
        _ => (0, digits_shortest(ax)),
    };
    let p = p as i64;
    let mut sign = x.is_sign_negative();
    if no_neg_zero && sign && (digits.is_empty() || digits == "0") {
        sign = false;
    }
    let dlen = digits.len() as i64;
    let mut vend = dlen;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vend = p;
        }
        'f' => vend = decpt + p,
        'g' => {
            if decpt <= -4 || decpt > if add_dot_0 { p - 1 } else { p } {
                use_exp = true;
            }
            if alt {
                vend = p;
            }
        }
        _ => {
            // repr switches to exponent notation at 1e16.
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vstart = if decpt <= 0 { decpt - 1 } else { 0 };
    vend = if !use_exp && add_dot_0 {
        vend.max(decpt + 1)
    } else {
        vend.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    let mut out = String::with_capacity((vend - vstart) as usize + 8);
    if sign {
        out.push('-');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vstart);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vstart);
    }
    if 0 < decpt && decpt <= dlen {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if dlen < decpt {
        zeros(&mut out, decpt - dlen);
        out.push('.');
        zeros(&mut out, vend - decpt);
    } else {
        zeros(&mut out, vend - dlen);
    }
    if out.ends_with('.') && !alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// `repr(x)` / `str(x)` of a float: the shortest string that round-trips,
/// in exponent form when the decimal exponent is < -4 or >= 16.
pub fn float_repr(x: f64) -> String {
    double_to_string(x, 'r', 0, true, false, false)
}

/// `round(x, ndigits)` for a float, as CPython's `float.__round__`: rounds the
/// exact binary value half-to-even at the given decimal position. Returns
/// `x` itself for non-finite `x` or `ndigits > 323`, and a zero with the sign
/// of `x` for `ndigits < -308`. When the rounded value does not fit a double
/// (e.g. `round(1.7e308, -308)`) CPython raises
/// `OverflowError("rounded value too large to represent")`; this returns an
/// infinity then, so the caller can check `result.is_infinite()` for finite `x`.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    if ndigits >= 0 {
        // Rust's fixed-precision printing is exact with ties to even, like
        // dtoa mode 3, and its parser is correctly rounded like strtod.
        let s = format!("{:.*}", ndigits as usize, x);
        return s.parse().expect("formatted float parses");
    }
    // Negative ndigits: round the exact value to a multiple of 10^k.
    let k = ndigits.unsigned_abs() as u32;
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let ten_k = BigInt::from(10u32).pow(k);
    let (num, den) = if e >= 0 {
        (BigInt::from(mant) << (e as usize), ten_k)
    } else {
        (BigInt::from(mant), ten_k << ((-e) as usize))
    };
    let (mut q, r) = num.div_rem(&den);
    let twice: BigInt = r << 1usize;
    if twice > den || (twice == den && q.is_odd()) {
        q += BigInt::one();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if q.is_zero() {
        return 0.0 * x;
    }
    format!("{sign}{q}e{k}")
        .parse()
        .expect("rounded value parses")
}
