//! Complex arithmetic on `(real, imag)` pairs, as CPython 3.11 does it
//! (`Objects/complexobject.c`: `_Py_c_sum`, `_Py_c_diff`, `_Py_c_prod`,
//! `_Py_c_quot`, `_Py_c_pow`, `c_powi`, `_Py_c_abs`). No C99 special-casing of
//! infinities: the plain formulas, so the results match CPython's bit for bit.

use crate::exc::{Exception, PyResult};

/// A complex number as `(real, imag)`.
type Complex = (f64, f64);

/// What C's `errno` says after a complex operation: CPython's complex code
/// signals through it rather than through return values.
#[derive(PartialEq)]
enum Errno {
    Ok,
    /// `EDOM`: zero to a negative or complex power, or division by zero.
    Domain,
}

// ANCHOR: complex_arith
/// `_Py_c_sum`.
pub fn complex_add(a: Complex, b: Complex) -> Complex {
    (a.0 + b.0, a.1 + b.1)
}

/// `_Py_c_diff`.
pub fn complex_sub(a: Complex, b: Complex) -> Complex {
    (a.0 - b.0, a.1 - b.1)
}

/// `_Py_c_prod`: the schoolbook product.
pub fn complex_mul(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `complex_div` (`a / b`).
pub fn complex_div(a: Complex, b: Complex) -> PyResult<Complex> {
    let (quotient, errno) = c_quot(a, b);
    if errno == Errno::Domain {
        return Err(Exception::zero_division("complex division by zero"));
    }
    Ok(quotient)
}

/// `_Py_c_quot`: Smith's algorithm — divide through by the larger of `b.real`
/// and `b.imag` so that the intermediate values do not overflow.
fn c_quot(a: Complex, b: Complex) -> (Complex, Errno) {
    let (abs_breal, abs_bimag) = (b.0.abs(), b.1.abs());
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return ((0.0, 0.0), Errno::Domain);
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        (
            ((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom),
            Errno::Ok,
        )
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        (
            ((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom),
            Errno::Ok,
        )
    } else {
        // At least one of b.real, b.imag is a NaN.
        ((f64::NAN, f64::NAN), Errno::Ok)
    }
}
// ANCHOR_END: complex_arith

// ANCHOR: complex_pow
/// `complex_pow` (`a ** b`): a small integral exponent is computed by repeated
/// squaring (`c_powi`), anything else in polar form (`_Py_c_pow`).
pub fn complex_pow(a: Complex, b: Complex) -> PyResult<Complex> {
    let (p, errno) = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        c_powi(a, b.0 as i64)
    } else {
        c_pow(a, b)
    };
    if errno == Errno::Domain {
        return Err(Exception::zero_division(
            "0.0 to a negative or complex power",
        ));
    }
    // `Py_ADJUST_ERANGE2`: an infinite part is an overflow.
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(Exception::overflow_error("complex exponentiation"));
    }
    Ok(p)
}

/// `_Py_c_pow`: `|a|**b * e**(i * b * arg(a))`, extended for a complex `b`.
fn c_pow(a: Complex, b: Complex) -> (Complex, Errno) {
    if b.0 == 0.0 && b.1 == 0.0 {
        return ((1.0, 0.0), Errno::Ok);
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        let errno = if b.1 != 0.0 || b.0 < 0.0 {
            Errno::Domain
        } else {
            Errno::Ok
        };
        return ((0.0, 0.0), errno);
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    // C's cos(inf) and sin(inf) set errno to EDOM, which `complex_pow` reports
    // as the zero-power ZeroDivisionError (an accident CPython 3.11 keeps).
    let errno = if phase.is_infinite() {
        Errno::Domain
    } else {
        Errno::Ok
    };
    ((len * phase.cos(), len * phase.sin()), errno)
}

/// `c_powu`: `x**n` for `n >= 1` by binary exponentiation.
fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = complex_mul(r, p);
        }
        mask <<= 1;
        p = complex_mul(p, p);
    }
    r
}

/// `c_powi`: a negative power is `1 / x**-n`.
fn c_powi(x: Complex, n: i64) -> (Complex, Errno) {
    if n > 0 {
        (c_powu(x, n), Errno::Ok)
    } else {
        c_quot((1.0, 0.0), c_powu(x, n.saturating_neg()))
    }
}
// ANCHOR_END: complex_pow

/// `complex_abs` (`abs(z)`): `hypot`, except that an infinite part wins over a
/// NaN, and an overflow raises.
pub fn complex_abs(z: Complex) -> PyResult<f64> {
    if z.0.is_infinite() {
        return Ok(z.0.abs());
    }
    if z.1.is_infinite() {
        return Ok(z.1.abs());
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let result = z.0.hypot(z.1);
    if result.is_infinite() {
        return Err(Exception::overflow_error("absolute value too large"));
    }
    Ok(result)
}
