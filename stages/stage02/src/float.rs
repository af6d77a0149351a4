//! Python's `float` arithmetic: IEEE doubles with Python's rules on top
//! (`Objects/floatobject.c`).
//!
//! Rust's `f64` already does the IEEE part (`+`, `-`, `*`, `/` and `%`, which is
//! C's `fmod`). What Python adds is the subject of this module: division floors
//! and the remainder takes the divisor's sign, zero divisors raise instead of
//! giving `inf`, `**` has its own table of special cases and turns complex for a
//! negative base, `round()` rounds half to even on the exact binary value.
//!
//! Value-agnostic: plain `f64`s in, `PyResult`s out. `str(float)` is in
//! `pyrepr`; complex arithmetic in `float/complex.rs`; the numeric hash shared
//! by int and float in `float/hash.rs`.

use std::borrow::Cow;
use std::cmp::Ordering;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow};

use crate::exc::{ExcType, Exception, PyResult};
use crate::int::{transform_decimal_and_space, Int};
use crate::pyrepr::{try_repr_str, Escape};

mod complex;
mod hash;

pub use complex::{complex_abs, complex_add, complex_div, complex_mul, complex_pow, complex_sub};
pub(crate) use hash::never_minus_one;
pub use hash::{
    hash_bigint, hash_complex, hash_float, hash_int, HASH_IMAG, HASH_INF, HASH_MODULUS,
};

// ANCHOR: float_pow_type
/// The result of `float ** float`: `(-8.0) ** (1/3)` is a complex in Python 3.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    Float(f64),
    Complex(f64, f64),
}
// ANCHOR_END: float_pow_type

// ANCHOR: float_div_mod
/// `_float_div_mod`: floor quotient and remainder of `vx / wx` (`wx != 0`).
///
/// `fmod` is exact, so `vx - mod` is an exact multiple of `wx`; the division
/// may still round, hence the snapping of the quotient to an integer.
fn float_div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut modulo = vx % wx; // C's fmod
    let mut div = (vx - modulo) / wx;
    if modulo != 0.0 {
        // The remainder takes the sign of the divisor.
        if (wx < 0.0) != (modulo < 0.0) {
            modulo += wx;
            div -= 1.0;
        }
    } else {
        modulo = 0.0_f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let floor = div.floor();
        if div - floor > 0.5 {
            floor + 1.0
        } else {
            floor
        }
    } else {
        // A zero quotient with the sign of the true quotient.
        0.0_f64.copysign(vx / wx)
    };
    (floordiv, modulo)
}

/// `float_divmod` (`divmod(a, b)`).
pub fn divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(Exception::zero_division("float divmod()"));
    }
    Ok(float_div_mod(a, b))
}

/// `float_floor_div` (`a // b`).
pub fn floordiv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(Exception::zero_division("float floor division by zero"));
    }
    Ok(float_div_mod(a, b).0)
}

/// `float_rem` (`a % b`).
pub fn modulo(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(Exception::zero_division("float modulo"));
    }
    let modulo = a % b;
    Ok(if modulo == 0.0 {
        0.0_f64.copysign(b)
    } else if (b < 0.0) != (modulo < 0.0) {
        modulo + b
    } else {
        modulo
    })
}
// ANCHOR_END: float_div_mod

/// `float_div` (`a / b`): IEEE division, except that a zero divisor raises.
pub fn truediv(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(Exception::zero_division("float division by zero"));
    }
    Ok(a / b)
}

/// `DOUBLE_IS_ODD_INTEGER`: is `x` an odd integer (`fmod(fabs(x), 2.0) == 1.0`)?
fn is_odd_integer(x: f64) -> bool {
    x.abs() % 2.0 == 1.0
}

// ANCHOR: float_pow
/// `float_pow` (`a ** b`): the special cases first, then the C library's `pow`.
pub fn pow(iv: f64, iw: f64) -> PyResult<FloatPow> {
    use FloatPow::Float;
    if iw == 0.0 {
        return Ok(Float(1.0)); // v**0 is 1, even 0**0 and nan**0
    }
    if iv.is_nan() {
        return Ok(Float(iv));
    }
    if iw.is_nan() {
        return Ok(Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        // |v| < 1: v**inf == 0, v**-inf == inf; |v| > 1: the other way round.
        let iv = iv.abs();
        return Ok(Float(if iv == 1.0 {
            1.0
        } else if (iw > 0.0) == (iv > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        // (+-inf)**w: inf for w > 0, 0 for w < 0, signed when w is an odd integer.
        let odd = is_odd_integer(iw);
        return Ok(Float(match (iw > 0.0, odd) {
            (true, true) => iv,
            (true, false) => iv.abs(),
            (false, true) => 0.0_f64.copysign(iv),
            (false, false) => 0.0,
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(Exception::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut negate_result = false;
    let mut iv = iv;
    if iv < 0.0 {
        if iw != iw.floor() {
            // A negative number to a fractional power is complex.
            let (re, im) = complex_pow((iv, 0.0), (iw, 0.0))?;
            return Ok(FloatPow::Complex(re, im));
        }
        iv = -iv;
        negate_result = is_odd_integer(iw);
    }
    if iv == 1.0 {
        return Ok(Float(if negate_result { -1.0 } else { 1.0 }));
    }
    // Finite, nonzero, positive, not 1: the platform pow does the rest. An
    // infinite result from finite operands is C's ERANGE.
    let ix = iv.powf(iw);
    if ix.is_infinite() {
        return Err(Exception::errno(
            ExcType::OverflowError,
            34,
            "Numerical result out of range",
        ));
    }
    Ok(Float(if negate_result { -ix } else { ix }))
}
// ANCHOR_END: float_pow

// ANCHOR: round_to_int
/// `round(x)` (`float___round___impl` without ndigits): C's `round` rounds half
/// away from zero; an exact half is redone as twice the rounded half, which is
/// even. `round(2.5) == 2`, `round(-0.5) == 0`.
pub fn round_to_int(x: f64) -> PyResult<Int> {
    let mut rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        rounded = 2.0 * (x / 2.0).round();
    }
    Int::from_f64(rounded)
}
// ANCHOR_END: round_to_int

// ANCHOR: round_ndigits
/// `round(x, ndigits)` (`float___round___impl`, `double_round`).
///
/// CPython converts `x` to a decimal string rounded to `ndigits` places
/// (`_Py_dg_dtoa` mode 3: exact, half to even) and reads it back (`_Py_dg_strtod`:
/// correctly rounded). We do the same arithmetic with exact integers: `x` is
/// `m * 2**e`, so `x * 10**ndigits` is a fraction we round half to even to an
/// integer `n`, and the result is `n / 10**ndigits`, correctly rounded.
/// `round(0.125, 2) == 0.12` (a tie), `round(2.675, 2) == 2.67` (2.675 is below
/// the tie in binary).
pub fn round_ndigits(x: f64, ndigits: i64) -> PyResult<f64> {
    // Beyond these, every double rounds to itself / to zero (0.30103 > log10(2)).
    const NDIGITS_MAX: i64 = 323; // (DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103
    const NDIGITS_MIN: i64 = -308; // -(DBL_MAX_EXP + 1) * 0.30103
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let magnitude = double_round(x.abs(), ndigits)?;
    Ok(if x.is_sign_negative() {
        -magnitude
    } else {
        magnitude
    })
}

// ANCHOR_END: round_ndigits

// ANCHOR: double_round
/// `double_round` for finite `x >= 0` and `-308 <= ndigits <= 323`.
fn double_round(x: f64, ndigits: i64) -> PyResult<f64> {
    let (significand, exponent) = decompose(x);
    // x * 10**ndigits == numerator / denominator, exactly.
    let mut numerator = BigInt::from(significand);
    let mut denominator = BigInt::one();
    if exponent >= 0 {
        numerator <<= exponent;
    } else {
        denominator <<= exponent.unsigned_abs();
    }
    let scale: BigInt = Pow::pow(BigInt::from(10u32), ndigits.unsigned_abs());
    if ndigits >= 0 {
        numerator *= &scale;
    } else {
        denominator *= &scale;
    }
    let n = round_half_even(&numerator, &denominator);
    let too_large = |_| Exception::overflow_error("rounded value too large to represent");
    if ndigits >= 0 {
        Int::from_bigint(n)
            .truediv(&Int::from_bigint(scale))
            .map_err(too_large)
    } else {
        Int::from_bigint(n * scale).to_f64().map_err(too_large)
    }
}

/// A finite `x >= 0` as `significand * 2**exponent` with an integer significand
/// (the exact value `round` and the numeric hash work on).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074) // subnormal (or zero)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

/// `numerator / denominator` rounded to the nearest integer, ties to even
/// (both positive).
fn round_half_even(numerator: &BigInt, denominator: &BigInt) -> BigInt {
    let (quotient, remainder) = numerator.div_rem(denominator);
    let twice = &remainder << 1u32;
    match twice.cmp(denominator) {
        Ordering::Greater => quotient + 1,
        Ordering::Equal if quotient.is_odd() => quotient + 1,
        _ => quotient,
    }
}
// ANCHOR_END: double_round

// ANCHOR: float_parse
/// `float(text)` (`PyFloat_FromString`): surrounding whitespace, underscores
/// between digits (PEP 515), a sign, decimal digits with an optional point and
/// exponent, or `inf`/`infinity`/`nan` in any case. Out-of-range values become
/// `inf` or `0.0`, as C's `strtod` gives them.
///
/// The text can be as long as the program makes it: its copies, and the repr
/// in the message (CPython's `%R` shows all of it), are asked for fallibly.
pub fn parse(text: &str) -> PyResult<f64> {
    let invalid = || match try_repr_str(text, Escape::Unprintable) {
        Ok(shown) => Exception::value_error(format!("could not convert string to float: {shown}")),
        Err(no_memory) => no_memory,
    };
    let ascii = transform_decimal_and_space(text)?;
    // `Py_ISSPACE`: after the transform, other whitespace is already a space.
    let stripped = ascii.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    let cleaned = remove_underscores(stripped)?.ok_or_else(invalid)?;
    if !is_float_literal(&cleaned) {
        return Err(invalid());
    }
    // Rust's parser accepts the same grammar and rounds correctly, like dtoa.c.
    cleaned.parse::<f64>().map_err(|_| invalid())
}

// ANCHOR_END: float_parse

// ANCHOR: float_literal
/// `_Py_string_to_number_with_underscores`: an underscore must sit between two
/// digits; `None` when one does not. A text without one is not copied.
fn remove_underscores(text: &str) -> PyResult<Option<Cow<'_, str>>> {
    if !text.contains('_') {
        return Ok(Some(Cow::Borrowed(text)));
    }
    let mut out = String::new();
    out.try_reserve_exact(text.len())
        .map_err(|_| Exception::memory_error())?;
    let mut previous = '\0';
    for c in text.chars() {
        if c == '_' {
            if !previous.is_ascii_digit() {
                return Ok(None);
            }
        } else {
            if previous == '_' && !c.is_ascii_digit() {
                return Ok(None);
            }
            out.push(c);
        }
        previous = c;
    }
    Ok((previous != '_').then_some(Cow::Owned(out)))
}

/// What `_PyOS_ascii_strtod` accepts as a whole: `[sign] (inf | infinity | nan)`
/// in any case, or `[sign] digits [. digits] [e [sign] digits]` with at least one
/// digit before or after the point.
fn is_float_literal(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    if ["inf", "infinity", "nan"]
        .iter()
        .any(|word| unsigned.eq_ignore_ascii_case(word))
    {
        return true;
    }
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let (whole, fraction) = match mantissa.split_once('.') {
        Some((whole, fraction)) => (whole, fraction),
        None => (mantissa, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        all_digits(whole) && all_digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = match exponent {
        None => true,
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            !digits.is_empty() && all_digits(digits)
        }
    };
    mantissa_ok && exponent_ok
}
// ANCHOR_END: float_literal

// ANCHOR: int_float_cmp
/// `float_richcompare` between an int and a float, exactly: `2**53 + 1 > 2.0**53`
/// although `float(2**53 + 1) == 2.0**53`. `None` when `f` is NaN (every
/// comparison with NaN is false).
pub fn int_float_cmp(i: &Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    // Small ints convert to double exactly.
    if let Some(v) = i.to_i64() {
        if v.unsigned_abs() <= 1 << 53 {
            return (v as f64).partial_cmp(&f);
        }
    }
    // Compare with the integer part, then let the fraction break a tie.
    let whole = f.trunc();
    let whole_int = Int::from_f64(whole).ok()?;
    match i.cmp(&whole_int) {
        Ordering::Equal => whole.partial_cmp(&f),
        unequal => Some(unequal),
    }
}
// ANCHOR_END: int_float_cmp

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::{Signed, Zero};

    #[test]
    fn literal_grammar() {
        for ok in [
            "1",
            "1.",
            ".5",
            "1e5",
            "1E+5",
            "-1.5e-3",
            "inf",
            "-Infinity",
            "NaN",
        ] {
            assert!(is_float_literal(ok), "{ok}");
        }
        for bad in [
            "", ".", "e5", "1e", "1e+", "+-1", "0x10", "1.2.3", "infinit", "1 2",
        ] {
            assert!(!is_float_literal(bad), "{bad}");
        }
    }

    #[test]
    fn round_half_even_ties() {
        let r = |n: i64, d: i64| round_half_even(&BigInt::from(n), &BigInt::from(d));
        assert_eq!(r(5, 2), BigInt::from(2));
        assert_eq!(r(7, 2), BigInt::from(4));
        assert_eq!(r(7, 3), BigInt::from(2));
        assert_eq!(r(8, 3), BigInt::from(3));
        assert!(r(0, 3).is_zero());
        assert!(!BigInt::from(-1).is_positive());
    }
}
