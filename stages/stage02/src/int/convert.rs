//! Between `int` and `float`: `float(n)`, `int(x)` and `n / m`, each exact or
//! correctly rounded as CPython's are (`Objects/longobject.c: PyLong_AsDouble`,
//! `PyLong_FromDouble`, `long_true_divide`).

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Int;
use crate::exc::{Exception, PyResult};

/// `DBL_MANT_DIG`, `DBL_MAX_EXP`, `DBL_MIN_EXP` of `<float.h>`: a double has a
/// 53-bit significand and represents `[2**-1074, 2**1024)`.
const DBL_MANT_DIG: i64 = 53;
const DBL_MAX_EXP: i64 = 1024;
const DBL_MIN_EXP: i64 = -1021;

// ANCHOR: ldexp
/// C's `ldexp(x, exp)`: `x * 2**exp`. Exact whenever the result is representable
/// (the callers round first), by multiplying with powers of two that are
/// themselves normal doubles.
fn ldexp(mut x: f64, mut exp: i64) -> f64 {
    while exp > 1000 && x.is_finite() && x != 0.0 {
        x *= power_of_two(1000);
        exp -= 1000;
    }
    while exp < -1000 && x.is_finite() && x != 0.0 {
        x *= power_of_two(-1000);
        exp += 1000;
    }
    x * power_of_two(exp.clamp(-1022, 1023))
}

/// `2.0**e` for a normal exponent `e` in `-1022..=1023`, built from its bits.
fn power_of_two(e: i64) -> f64 {
    let biased = (e.clamp(-1022, 1023) + 1023) as u64;
    f64::from_bits(biased << 52)
}
// ANCHOR_END: ldexp

impl Int {
    // ANCHOR: int_to_f64
    /// `float(n)` (`PyLong_AsDouble`): the nearest double, ties to even, or
    /// OverflowError when it rounds beyond the largest finite double.
    pub fn to_f64(&self) -> PyResult<f64> {
        let too_large = || Exception::overflow_error("int too large to convert to float");
        match self {
            // `as` rounds to nearest, ties to even: exactly what we want.
            Int::Small(v) => Ok(*v as f64),
            Int::Big(b) => {
                let magnitude = biguint_to_f64(b.magnitude()).ok_or_else(too_large)?;
                Ok(if b.is_negative() {
                    -magnitude
                } else {
                    magnitude
                })
            }
        }
    }
    // ANCHOR_END: int_to_f64

    // ANCHOR: int_from_f64
    /// `int(x)` for a float (`PyLong_FromDouble`): truncates toward zero, exactly.
    pub fn from_f64(f: f64) -> PyResult<Int> {
        if f.is_nan() {
            return Err(Exception::value_error(
                "cannot convert float NaN to integer",
            ));
        }
        if f.is_infinite() {
            return Err(Exception::overflow_error(
                "cannot convert float infinity to integer",
            ));
        }
        let truncated = f.trunc();
        // 2**63 is the first double outside i64; inside, `as` is exact.
        if truncated.abs() < 9_223_372_036_854_775_808.0 {
            return Ok(Int::Small(truncated as i64));
        }
        // |f| >= 2**63: an integer `significand * 2**exponent` with exponent > 0.
        let bits = f.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let significand = (bits & ((1 << 52) - 1)) | (1 << 52);
        let magnitude = BigInt::from(significand) << exponent.max(0);
        Ok(Int::from_bigint(if f < 0.0 {
            -magnitude
        } else {
            magnitude
        }))
    }
    // ANCHOR_END: int_from_f64

    // ANCHOR: int_truediv
    /// `long_true_divide` (`/`): the correctly rounded quotient, even when both
    /// operands are far too large for a double (`10**400 / 10**399 == 10.0`).
    pub fn truediv(&self, o: &Int) -> PyResult<f64> {
        if o.is_zero() {
            return Err(Exception::zero_division("division by zero"));
        }
        // Fast path: both exactly representable, and IEEE division rounds correctly.
        const EXACT: u64 = 1 << DBL_MANT_DIG;
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if a.unsigned_abs() <= EXACT && b.unsigned_abs() <= EXACT {
                return Ok(*a as f64 / *b as f64);
            }
        }
        let negate = self.is_negative() != o.is_negative();
        let magnitude = true_divide_magnitudes(self.as_big().magnitude(), o.as_big().magnitude())?;
        Ok(if negate { -magnitude } else { magnitude })
    }
    // ANCHOR_END: int_truediv
}

/// A `BigUint` as the nearest double (ties to even), `None` on overflow.
fn biguint_to_f64(n: &BigUint) -> Option<f64> {
    let bits = n.bits();
    if bits <= 64 {
        return n.to_u64().map(|v| v as f64);
    }
    // Keep the top 64 bits and fold every lower bit into a "sticky" last bit:
    // rounding 64 bits to 53 then sees exactly whether the rest was zero.
    let dropped = bits - 64;
    let top = (n >> dropped).to_u64()?;
    let sticky = n.trailing_zeros().is_some_and(|zeros| zeros < dropped);
    let rounded = (top | u64::from(sticky)) as f64;
    let result = ldexp(rounded, i64::try_from(dropped).ok()?);
    result.is_finite().then_some(result)
}

// ANCHOR: true_divide_magnitudes
/// `|a| / |b|` correctly rounded (`long_true_divide`'s general case, `b != 0`).
///
/// Scale `a` by a power of two so that the integer quotient has 55 or 56 bits
/// (two or three more than a double holds), divide, remember whether anything
/// was lost, round those extra bits half-to-even, and scale back.
fn true_divide_magnitudes(a: &BigUint, b: &BigUint) -> PyResult<f64> {
    let overflow = || Exception::overflow_error("integer division result too large for a float");
    if a.is_zero() {
        return Ok(0.0);
    }
    let diff = a.bits() as i64 - b.bits() as i64;
    if diff > DBL_MAX_EXP {
        return Err(overflow());
    }
    if diff < DBL_MIN_EXP - DBL_MANT_DIG - 1 {
        return Ok(0.0); // underflows to zero
    }
    // Subnormal results keep fewer bits: never shift below DBL_MIN_EXP.
    let shift = diff.max(DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    let (numerator, mut inexact) = if shift <= 0 {
        (a << shift.unsigned_abs(), false)
    } else {
        let lost = a
            .trailing_zeros()
            .is_some_and(|zeros| zeros < shift.unsigned_abs());
        (a >> shift.unsigned_abs(), lost)
    };
    let (quotient, remainder) = numerator.div_rem(b);
    inexact |= !remainder.is_zero();
    let mut x = quotient.to_u64().ok_or_else(overflow)?;
    let x_bits = i64::from(64 - x.leading_zeros());
    // How many low bits of x a double cannot keep (2 or 3).
    let extra_bits = x_bits.max(DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    let half = 1u64 << (extra_bits - 1).clamp(0, 62);
    let low = x | u64::from(inexact);
    if low & half != 0 && low & (3 * half - 1) != 0 {
        x += half; // above half, or exactly half and x is odd: round up
    }
    x &= !(2 * half - 1);
    let dx = x as f64; // exact: at most 54 significant bits, the last a power of two
    if shift + x_bits >= DBL_MAX_EXP && (shift + x_bits > DBL_MAX_EXP || dx == ldexp(1.0, x_bits)) {
        return Err(overflow());
    }
    Ok(ldexp(dx, shift))
}
// ANCHOR_END: true_divide_magnitudes
