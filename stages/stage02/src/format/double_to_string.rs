//! Floats to text the way CPython does it: `Python/pystrtod.c:
//! PyOS_double_to_string` and its helper `format_float_short`.
//!
//! CPython asks David Gay's `_Py_dg_dtoa` for a string of correctly rounded digits
//! and the position of the decimal point, then lays them out. We ask Rust for the
//! same digits: `format!("{:.*e}", …)` and `format!("{:.*}", …)` are correctly
//! rounded too (ties go to even on the exact binary value, so `'%.2f' % 0.125` is
//! `'0.12'`), and `format!("{:e}", x)` gives the shortest digits that read back as
//! `x`, as dtoa's mode 0 does for `repr`.

use crate::exc::PyResult;

/// Which layout to use: the conversion letters of `%` and `format()`, lowercased,
/// plus `'r'` for `repr`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatStyle {
    /// `e`: one digit, a point, `precision` digits, an exponent.
    Exponent,
    /// `f`: `precision` digits after the point.
    Fixed,
    /// `g`: `precision` significant digits, fixed or exponent by size, no trailing zeros.
    General,
    /// `r`: the shortest digits that round-trip (`repr`); the precision is unused.
    Repr,
}

/// The `Py_DTSF_*` flags, and upper case for `E F G`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flags {
    /// `Py_DTSF_ALT`: keep the point and trailing zeros (`#`).
    pub alternate: bool,
    /// `Py_DTSF_ADD_DOT_0`: an integral result gets `.0` (`repr`, `format(x, '.3')`).
    pub add_dot_0: bool,
    /// `Py_DTSF_NO_NEG_0`: `-0.00` becomes `0.00` (the `z` option).
    pub no_neg_0: bool,
    /// `E`, `F`, `G`: `E`, `INF`, `NAN`.
    pub upper: bool,
    /// `Py_DTSF_SIGN`: a `+` before a value that gets no `-` (the imaginary part of
    /// `repr(complex)`).
    pub sign: bool,
}

/// Correctly rounded decimal digits of `|x|`: the value is `0.DIGITS × 10^decpt`.
/// `digits` has no leading or trailing zeros, except that zero is `"0"` with
/// `decpt == 1`, as `_Py_dg_dtoa` returns it.
struct Digits {
    digits: String,
    decpt: i64,
}

// ANCHOR: double_to_string
/// `PyOS_double_to_string(x, style, precision, flags)`: the text of `x`, with a
/// `-` for negative values, and a `+` for the others only when `flags.sign` asks.
/// For a small precision (`repr` has none); a precision from the program goes
/// through [`try_double_to_string`].
pub fn double_to_string(x: f64, style: FloatStyle, precision: usize, flags: Flags) -> String {
    let mut out = String::new();
    write_double(&mut out, x, style, precision, flags);
    out
}

/// The most characters a double's text has besides the `precision` digits a
/// format asks for: a sign, 309 integer digits (`1e308` in `f` style), the
/// point, an exponent (`e+308`), and some to spare.
const TEXT_AROUND_PRECISION: usize = 400;

/// [`double_to_string`] for a precision from the program: the text can be
/// `precision` digits long, so its memory is asked for first, fallibly
/// (`MemoryError`). Callers have refused a precision above
/// [`super::MAX_FORMAT_WIDTH`] already.
pub fn try_double_to_string(
    x: f64,
    style: FloatStyle,
    precision: usize,
    flags: Flags,
) -> PyResult<String> {
    let mut out = String::new();
    super::reserve(&mut out, precision.checked_add(TEXT_AROUND_PRECISION))?;
    write_double(&mut out, x, style, precision, flags);
    Ok(out)
}

/// The body of `PyOS_double_to_string`, into `out`.
fn write_double(out: &mut String, x: f64, style: FloatStyle, precision: usize, flags: Flags) {
    if !x.is_finite() {
        // A NaN's sign bit is never shown: `-nan` prints as `nan`.
        push_sign(out, x.is_sign_negative() && !x.is_nan(), flags);
        let word = match (x.is_nan(), flags.upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        out.push_str(word);
        return;
    }
    let precision = match style {
        // `e` wants precision + 1 significant digits; `g` with 0 means 1.
        FloatStyle::Exponent => precision.saturating_add(1),
        FloatStyle::General => precision.max(1),
        FloatStyle::Fixed | FloatStyle::Repr => precision,
    };
    let digits = match style {
        FloatStyle::Repr => shortest_digits(x),
        FloatStyle::Exponent | FloatStyle::General => significant_digits(x, precision),
        FloatStyle::Fixed => fixed_digits(x, precision),
    };
    // `z`: a value that rounds to zero loses its minus sign.
    let rounds_to_zero = digits.digits == "0";
    push_sign(
        out,
        x.is_sign_negative() && !(flags.no_neg_0 && rounds_to_zero),
        flags,
    );
    lay_out(out, &digits, style, precision, flags);
}

/// `-` for a negative value; `+` for the others with `Py_DTSF_SIGN`.
fn push_sign(out: &mut String, negative: bool, flags: Flags) {
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
}
// ANCHOR_END: double_to_string

// ANCHOR: format_float_short
/// The layout half of `format_float_short`: decide whether to use an exponent,
/// then write the digits with zeros padded on the left and the right.
fn lay_out(out: &mut String, digits: &Digits, style: FloatStyle, precision: usize, flags: Flags) {
    let digits_len = digits.digits.len() as i64;
    let precision = precision.min(i64::MAX as usize / 4) as i64;
    let mut decpt = digits.decpt;
    // `vdigits_end`: how many digits (counting from the first) to show.
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match style {
        FloatStyle::Exponent => {
            use_exp = true;
            vdigits_end = precision;
        }
        FloatStyle::Fixed => vdigits_end = decpt.saturating_add(precision),
        FloatStyle::General => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alternate {
                vdigits_end = precision;
            }
        }
        // repr switches to an exponent at 1e16.
        FloatStyle::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exponent = 0;
    if use_exp {
        exponent = decpt - 1;
        decpt = 1;
    }
    // Show at least the digits up to the point, and one after it for `.0`.
    let min_end = if !use_exp && flags.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    vdigits_end = vdigits_end.max(min_end);

    write_digits(out, &digits.digits, decpt, vdigits_end);
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if flags.upper { 'E' } else { 'e' });
        // C's "%+.02d": a sign and at least two digits.
        let sign = if exponent < 0 { '-' } else { '+' };
        out.push(sign);
        out.push_str(&format!("{:02}", exponent.unsigned_abs()));
    }
}
// ANCHOR_END: format_float_short

/// Write the digits padded with zeros on both sides up to `end` digits, with a
/// point after position `decpt` (CPython's "virtual digit string").
fn write_digits(out: &mut String, digits: &str, decpt: i64, end: i64) {
    let digits_len = digits.len() as i64;
    if decpt <= 0 {
        // "0.000ddd": the point comes before the digits.
        out.push_str("0.");
        push_zeros(out, -decpt);
        out.push_str(digits);
    } else if decpt <= digits_len {
        let (whole, fraction) = digits.split_at(decpt as usize);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    } else {
        // "ddd000.": zeros before the point.
        out.push_str(digits);
        push_zeros(out, decpt - digits_len);
        out.push('.');
    }
    let written = digits_len.max(decpt);
    push_zeros(out, end - written);
}

fn push_zeros(out: &mut String, n: i64) {
    for _ in 0..n.max(0) {
        out.push('0');
    }
}

// ANCHOR: float_digits
/// dtoa mode 0 (`repr`): the shortest digits that read back as `x`
/// (`Python/dtoa.c: _Py_dg_dtoa`).
///
/// Two steps, both done by Rust's float formatting. `{:e}` finds how *many* digits
/// the shortest round-trip string needs. Then mode 2 prints exactly that many,
/// correctly rounded with ties to even: when two strings of that length both read
/// back as `x` and `x` lies exactly halfway between them (`1658206780088562.25`),
/// Gay's algorithm picks the even last digit (`…562.2`) while the shortest mode
/// alone may pick the other one.
fn shortest_digits(x: f64) -> Digits {
    let shortest = format!("{:e}", x.abs());
    let (mantissa, _) = shortest.split_once('e').unwrap_or((&shortest, "0"));
    let digit_count = mantissa.chars().filter(char::is_ascii_digit).count();
    significant_digits(x, digit_count)
}
// ANCHOR_END: float_digits

/// A double's exact decimal expansion has at most 767 significant digits and ends
/// at most 1074 places after the point; asking for more only adds zeros, which
/// [`normalize`] trims anyway. Capping the request keeps it inside what Rust's
/// formatter accepts (a precision above `u16::MAX` panics) without changing a digit.
const EXACT_DIGITS_CAP: usize = 1100;

/// dtoa mode 2: `n` significant digits (`n >= 1`).
fn significant_digits(x: f64, n: usize) -> Digits {
    let precision = n.saturating_sub(1).min(EXACT_DIGITS_CAP);
    let text = format!("{:.*e}", precision, x.abs());
    split_exponent_form(&text)
}

/// dtoa mode 3: `n` digits after the point.
fn fixed_digits(x: f64, n: usize) -> Digits {
    let text = format!("{:.*}", n.min(EXACT_DIGITS_CAP), x.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut all = String::with_capacity(whole.len() + fraction.len());
    all.push_str(whole);
    all.push_str(fraction);
    normalize(&all, whole.len() as i64)
}

/// `"1.2345e-5"` → digits `12345`, decpt `-4`.
fn split_exponent_form(text: &str) -> Digits {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let all: String = mantissa.chars().filter(|c| *c != '.').collect();
    normalize(&all, exponent + 1)
}

/// Strip leading zeros (moving the point) and trailing zeros; zero is `"0"`, 1.
fn normalize(all: &str, decpt: i64) -> Digits {
    let trimmed_start = all.trim_start_matches('0');
    let decpt = decpt - (all.len() - trimmed_start.len()) as i64;
    let trimmed = trimmed_start.trim_end_matches('0');
    if trimmed.is_empty() {
        Digits {
            digits: "0".to_string(),
            decpt: 1,
        }
    } else {
        Digits {
            digits: trimmed.to_string(),
            decpt,
        }
    }
}
