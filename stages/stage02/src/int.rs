//! Python's `int`: arbitrary precision, with a machine-word fast path.
//!
//! CPython keeps every int as an array of 30-bit "digits" and has one code path
//! for all sizes (`Objects/longobject.c`). We keep two representations: an `i64`
//! for the values almost every program uses, and a `num_bigint::BigInt` for the
//! rest. Each operation tries the `i64` path with checked arithmetic and falls back
//! to `BigInt` when it would overflow, so `2**63` and `-(-2**63)` just work.
//!
//! The representation is normalised: a value that fits an `i64` is always `Small`.
//! That makes the derived `PartialEq`/`Hash` agree with Python's `==`.
//!
//! Conversions to and from `float` live in `int/convert.rs`, text (`str()`, `hex()`,
//! `int("...")`) in `int/text.rs`.
//!
//! **Our departure from CPython**: an int result larger than [`MAX_INT_BITS`] bits
//! raises `MemoryError` before it is computed. CPython would try, and `2 ** 10**12`
//! would run out of memory or time; a mutated `.pyc` must not be able to do that.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Pow, Signed, ToPrimitive, Zero};

use crate::exc::{ExcType, Exception, PyResult};
use crate::float::{self, FloatPow};

mod convert;
mod text;

pub(crate) use text::transform_decimal_and_space;
pub use text::{bigint_to_decimal_string, MAX_STR_DIGITS};

// ANCHOR: int_type
/// The largest int we build: 2**26 bits (64 Mi bits, 8 MiB, about 20.2 million
/// decimal digits). A result that would be longer raises `MemoryError` (with an
/// empty message, as CPython's out-of-memory does) *before* it is computed.
/// CPython has no such limit; this is the workbook's documented departure.
pub const MAX_INT_BITS: u64 = 1 << 26;

/// A Python int: an `i64` fast path, a `BigInt` beyond.
///
/// Invariant: `Big` only when the value does not fit an `i64` (build values with
/// [`Int::from_i64`] and [`Int::from_bigint`]). The `Rc` makes cloning cheap: ints
/// are immutable, so a copy can share the digits.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Int {
    Small(i64),
    Big(Rc<BigInt>),
}

/// The result of `int ** int`: a negative exponent gives a float (`2 ** -1 == 0.5`).
#[derive(Clone, Debug, PartialEq)]
pub enum IntOrFloat {
    Int(Int),
    Float(f64),
}
// ANCHOR_END: int_type

/// The message of a zero divisor in `//` and `divmod` (`long_div`, `long_divmod`).
const DIVISION_BY_ZERO: &str = "integer division or modulo by zero";

impl Int {
    // ANCHOR: int_constructors
    pub fn from_i64(v: i64) -> Int {
        Int::Small(v)
    }

    /// Any `BigInt`, normalised: `Small` when it fits.
    pub fn from_bigint(v: BigInt) -> Int {
        match v.to_i64() {
            Some(small) => Int::Small(small),
            None => Int::Big(Rc::new(v)),
        }
    }

    /// A `BigInt`, for code that wants to leave the fast path.
    pub fn to_bigint(&self) -> BigInt {
        self.as_big().into_owned()
    }

    /// The value as a `BigInt`, borrowed when it already is one.
    fn as_big(&self) -> Cow<'_, BigInt> {
        match self {
            Int::Small(v) => Cow::Owned(BigInt::from(*v)),
            Int::Big(b) => Cow::Borrowed(b),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Int::Small(v) => Some(*v),
            Int::Big(_) => None,
        }
    }

    pub fn is_zero(&self) -> bool {
        matches!(self, Int::Small(0))
    }

    pub fn is_negative(&self) -> bool {
        match self {
            Int::Small(v) => *v < 0,
            Int::Big(b) => b.is_negative(),
        }
    }

    /// `int.bit_length()`: bits of `abs(self)`, 0 for 0.
    pub fn bit_length(&self) -> u64 {
        match self {
            Int::Small(v) => u64::from(64 - v.unsigned_abs().leading_zeros()),
            Int::Big(b) => b.bits(),
        }
    }

    /// A computed `BigInt` result, refused when it exceeds [`MAX_INT_BITS`].
    fn limited(v: BigInt) -> PyResult<Int> {
        if v.bits() > MAX_INT_BITS {
            return Err(Exception::memory_error());
        }
        Ok(Int::from_bigint(v))
    }
    // ANCHOR_END: int_constructors

    // ANCHOR: int_add
    /// `long_add`: the `i64` sum when it does not overflow, else a `BigInt`.
    pub fn add(&self, o: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(sum) = a.checked_add(*b) {
                return Ok(Int::Small(sum));
            }
        }
        Int::limited(&*self.as_big() + &*o.as_big())
    }
    // ANCHOR_END: int_add

    /// `long_sub`.
    pub fn sub(&self, o: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(difference) = a.checked_sub(*b) {
                return Ok(Int::Small(difference));
            }
        }
        Int::limited(&*self.as_big() - &*o.as_big())
    }

    /// `long_mul`. A product has at least `bits(a) + bits(b) - 1` bits, so a
    /// product that is too large is refused before it is computed.
    pub fn mul(&self, o: &Int) -> PyResult<Int> {
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some(product) = a.checked_mul(*b) {
                return Ok(Int::Small(product));
            }
        }
        if self.is_zero() || o.is_zero() {
            return Ok(Int::Small(0));
        }
        let minimum_bits = self.bit_length().saturating_add(o.bit_length()) - 1;
        if minimum_bits > MAX_INT_BITS {
            return Err(Exception::memory_error());
        }
        Int::limited(&*self.as_big() * &*o.as_big())
    }

    // ANCHOR: int_divmod
    /// `long_divmod`: Python's division floors, so the remainder takes the sign
    /// of the divisor (`-7 // 2 == -4`, `-7 % 2 == 1`), unlike Rust's `/` and `%`,
    /// which truncate toward zero.
    pub fn divmod(&self, o: &Int) -> PyResult<(Int, Int)> {
        if o.is_zero() {
            return Err(Exception::zero_division(DIVISION_BY_ZERO));
        }
        if let (Int::Small(a), Int::Small(b)) = (self, o) {
            if let Some((q, r)) = small_floor_divmod(*a, *b) {
                return Ok((Int::Small(q), Int::Small(r)));
            }
        }
        let (q, r) = self.as_big().div_mod_floor(&o.as_big());
        Ok((Int::from_bigint(q), Int::from_bigint(r)))
    }
    // ANCHOR_END: int_divmod

    /// `long_div` (`//`).
    pub fn floordiv(&self, o: &Int) -> PyResult<Int> {
        Ok(self.divmod(o)?.0)
    }

    /// `long_mod` (`%`); its zero message differs from `//`'s.
    pub fn modulo(&self, o: &Int) -> PyResult<Int> {
        if o.is_zero() {
            return Err(Exception::zero_division("integer modulo by zero"));
        }
        Ok(self.divmod(o)?.1)
    }

    // ANCHOR: int_pow
    /// `long_pow` with two arguments. A negative exponent hands both operands to
    /// float `**` (`2 ** -1 == 0.5`, `0 ** -1` is float's ZeroDivisionError).
    pub fn pow(&self, exp: &Int) -> PyResult<IntOrFloat> {
        if exp.is_negative() {
            return match float::pow(self.to_f64()?, exp.to_f64()?)? {
                FloatPow::Float(f) => Ok(IntOrFloat::Float(f)),
                // An integral exponent never makes float `**` complex.
                FloatPow::Complex(..) => Err(Exception::new(
                    ExcType::SystemError,
                    "int ** negative int gave a complex",
                )),
            };
        }
        self.pow_nonnegative(exp).map(IntOrFloat::Int)
    }

    /// `self ** exp` for `exp >= 0`, refusing results over [`MAX_INT_BITS`] from
    /// an estimate of their size (`exp * log2(|self|)`) before computing them.
    fn pow_nonnegative(&self, exp: &Int) -> PyResult<Int> {
        // 0, 1 and -1 stay small whatever the exponent.
        match self {
            Int::Small(0) => return Ok(Int::Small(if exp.is_zero() { 1 } else { 0 })),
            Int::Small(1) => return Ok(Int::Small(1)),
            Int::Small(-1) => {
                let even = exp.bitand(&Int::Small(1)).is_zero();
                return Ok(Int::Small(if even { 1 } else { -1 }));
            }
            _ => {}
        }
        // |self| >= 2, so the result has more than `exp` bits.
        let exp = match exp.to_i64().and_then(|e| u64::try_from(e).ok()) {
            Some(e) if e <= MAX_INT_BITS => e,
            _ => return Err(Exception::memory_error()),
        };
        if (exp as f64) * self.log2_abs() > MAX_INT_BITS as f64 + 1.0 {
            return Err(Exception::memory_error());
        }
        if let (Int::Small(base), Ok(e)) = (self, u32::try_from(exp)) {
            if let Some(power) = base.checked_pow(e) {
                return Ok(Int::Small(power));
            }
        }
        Int::limited(Pow::pow(&*self.as_big(), exp))
    }
    // ANCHOR_END: int_pow

    /// `log2(|self|)`, approximately, for size estimates (`self != 0`).
    fn log2_abs(&self) -> f64 {
        let bits = self.bit_length();
        let drop = bits.saturating_sub(64);
        let top = (self.as_big().magnitude() >> drop).to_f64().unwrap_or(1.0);
        top.log2() + drop as f64
    }

    // ANCHOR: int_pow_mod
    /// `pow(base, exp, modulus)` (`long_pow` with a third argument): the result
    /// takes the sign of the modulus; a negative exponent means "the modular
    /// inverse to the power `-exp`".
    pub fn pow_mod(&self, exp: &Int, modulus: &Int) -> PyResult<Int> {
        if modulus.is_zero() {
            return Err(Exception::value_error("pow() 3rd argument cannot be 0"));
        }
        let negative_output = modulus.is_negative();
        let modulus = modulus.as_big().abs();
        if modulus.is_one() {
            return Ok(Int::Small(0));
        }
        let mut base = self.to_bigint();
        let mut exp = exp.to_bigint();
        if exp.is_negative() {
            base = long_invmod(&base, &modulus)?;
            exp = -exp;
        }
        let base = base.mod_floor(&modulus);
        let mut result = base.modpow(&exp, &modulus);
        if negative_output && !result.is_zero() {
            result -= &modulus;
        }
        Ok(Int::from_bigint(result))
    }
    // ANCHOR_END: int_pow_mod

    // ANCHOR: int_shifts
    /// `long_lshift`: `self * 2**count`, refused when it would exceed [`MAX_INT_BITS`].
    pub fn lshift(&self, count: &Int) -> PyResult<Int> {
        let count = shift_count(count)?;
        if self.is_zero() {
            return Ok(Int::Small(0));
        }
        if let Int::Small(v) = self {
            if count < 64 {
                if let Ok(shifted) = i64::try_from(i128::from(*v) << count) {
                    return Ok(Int::Small(shifted));
                }
            }
        }
        if self.bit_length().saturating_add(count) > MAX_INT_BITS {
            return Err(Exception::memory_error());
        }
        Ok(Int::from_bigint(&*self.as_big() << count))
    }

    /// `long_rshift`: floors like `//` by a power of two (`-1 >> 5 == -1`).
    pub fn rshift(&self, count: &Int) -> PyResult<Int> {
        let count = shift_count(count)?;
        if count >= self.bit_length() {
            return Ok(Int::Small(if self.is_negative() { -1 } else { 0 }));
        }
        Ok(match self {
            // count < bit_length <= 64 here.
            Int::Small(v) => Int::Small(v >> count.min(63)),
            Int::Big(b) => Int::from_bigint(&**b >> count),
        })
    }
    // ANCHOR_END: int_shifts

    // ANCHOR: int_bitwise
    /// `long_and`: Python's bitwise operators act on an infinite two's complement,
    /// which is also what `BigInt`'s operators implement.
    pub fn bitand(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a & b),
            _ => Int::from_bigint(&*self.as_big() & &*o.as_big()),
        }
    }

    /// `long_or`.
    pub fn bitor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a | b),
            _ => Int::from_bigint(&*self.as_big() | &*o.as_big()),
        }
    }

    /// `long_xor`.
    pub fn bitxor(&self, o: &Int) -> Int {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => Int::Small(a ^ b),
            _ => Int::from_bigint(&*self.as_big() ^ &*o.as_big()),
        }
    }

    /// `long_invert`: `~x == -(x + 1)`; for an `i64` that is Rust's `!`.
    pub fn invert(&self) -> Int {
        match self {
            Int::Small(v) => Int::Small(!v),
            Int::Big(b) => Int::from_bigint(-&**b - 1),
        }
    }
    // ANCHOR_END: int_bitwise

    /// `long_neg`: `-(-2**63)` no longer fits an `i64`.
    pub fn neg(&self) -> Int {
        match self {
            Int::Small(v) => match v.checked_neg() {
                Some(n) => Int::Small(n),
                None => Int::from_bigint(-BigInt::from(*v)),
            },
            Int::Big(b) => Int::from_bigint(-&**b),
        }
    }

    /// `long_abs`.
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            self.neg()
        } else {
            self.clone()
        }
    }
}

// ANCHOR: int_order
/// `long_richcompare`: ints are totally ordered, so `a.cmp(&b)` is `Ord::cmp`.
impl Ord for Int {
    fn cmp(&self, o: &Int) -> Ordering {
        match (self, o) {
            (Int::Small(a), Int::Small(b)) => a.cmp(b),
            // Normalised: a Big is beyond every Small, so comparing as BigInt is exact.
            _ => self.as_big().cmp(&o.as_big()),
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, o: &Int) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
// ANCHOR_END: int_order

/// Floor division and modulo on `i64`, `None` when the quotient overflows
/// (`i64::MIN // -1`). `b != 0`.
fn small_floor_divmod(a: i64, b: i64) -> Option<(i64, i64)> {
    let q = a.checked_div(b)?;
    let r = a.checked_rem(b)?;
    // Rust truncates toward zero; step down when the remainder has the wrong sign.
    if r != 0 && (r < 0) != (b < 0) {
        Some((q.checked_sub(1)?, r.checked_add(b)?))
    } else {
        Some((q, r))
    }
}

/// A shift count as a `u64`: negative is CPython's ValueError; counts beyond
/// `u64` saturate (the result is then 0, -1, or MemoryError).
fn shift_count(count: &Int) -> PyResult<u64> {
    if count.is_negative() {
        return Err(Exception::value_error("negative shift count"));
    }
    Ok(match count {
        Int::Small(v) => v.unsigned_abs(),
        Int::Big(b) => b.to_u64().unwrap_or(u64::MAX),
    })
}

/// `long_invmod`: the inverse of `a` modulo `n > 0` by the extended Euclidean
/// algorithm, or ValueError when `gcd(a, n) != 1`.
fn long_invmod(a: &BigInt, n: &BigInt) -> PyResult<BigInt> {
    let (mut a, mut n) = (a.clone(), n.clone());
    let (mut b, mut c) = (BigInt::one(), BigInt::zero());
    while !n.is_zero() {
        let (q, r) = a.div_mod_floor(&n);
        a = std::mem::replace(&mut n, r);
        let s = &b - &q * &c;
        b = std::mem::replace(&mut c, s);
    }
    if !a.is_one() {
        return Err(Exception::value_error(
            "base is not invertible for the given modulus",
        ));
    }
    Ok(b)
}
