//! The numeric hash (`Python/pyhash.c: _Py_HashDouble`, `Objects/longobject.c:
//! long_hash`): equal numbers must hash equal across types, so `{1: 'a'}[1.0]`
//! and `{True: 'a'}[1]` find the entry.
//!
//! The trick is one formula for every type: the hash of a rational number `x` is
//! `x` reduced modulo the prime `P = 2**61 - 1` (`sys.hash_info.modulus`), with
//! the sign kept apart. A float is `m * 2**e`, and since `2**61 == 1 (mod P)`,
//! `2**e` reduces to `2**(e mod 61)`. `-1` is reserved for errors at the C
//! level, so a hash of `-1` becomes `-2`.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::decompose;
use crate::int::Int;

// ANCHOR: numeric_hash
/// `sys.hash_info.modulus`: the Mersenne prime 2**61 - 1.
pub const HASH_MODULUS: u64 = (1 << 61) - 1;

/// `sys.hash_info.inf`: the hash of `inf` (and `-HASH_INF` of `-inf`).
pub const HASH_INF: i64 = 314_159;

/// `sys.hash_info.imag`: the multiplier of the imaginary part's hash.
pub const HASH_IMAG: u64 = 1_000_003;

/// CPython never returns -1 from a hash function: at the C level it means "error".
pub(crate) fn never_minus_one(hash: i64) -> i64 {
    if hash == -1 {
        -2
    } else {
        hash
    }
}

/// A residue in `[0, P)` with a sign, as a hash.
fn signed_hash(negative: bool, residue: u64) -> i64 {
    let magnitude = residue as i64; // < 2**61
    never_minus_one(if negative { -magnitude } else { magnitude })
}

/// `hash(n)` for an int (`long_hash`).
pub fn hash_int(i: &Int) -> i64 {
    match i {
        Int::Small(v) => signed_hash(*v < 0, v.unsigned_abs() % HASH_MODULUS),
        Int::Big(b) => hash_bigint(b),
    }
}

/// `long_hash` of a `BigInt`, as marshal's int constants hold them.
pub fn hash_bigint(b: &BigInt) -> i64 {
    let residue = (b.magnitude() % HASH_MODULUS).to_u64().unwrap_or(0);
    signed_hash(b.is_negative(), residue)
}

/// `hash(x)` for a float (`_Py_HashDouble`); integral floats hash like ints.
///
/// NaN: CPython 3.11 hashes each NaN *object* by its address, which a value
/// cannot reproduce; we return 0 (the hash of NaN before 3.10).
pub fn hash_float(x: f64) -> i64 {
    if x.is_nan() {
        return 0;
    }
    if x.is_infinite() {
        return if x > 0.0 { HASH_INF } else { -HASH_INF };
    }
    let (significand, exponent) = decompose(x.abs());
    // 2**exponent mod P == 2**(exponent mod 61), for negative exponents too.
    let shift = exponent.rem_euclid(61) as u32;
    let residue = (u128::from(significand % HASH_MODULUS) << shift) % u128::from(HASH_MODULUS);
    signed_hash(x < 0.0, residue as u64)
}

/// `hash(z)` for a complex (`complex_hash`): `hash(real) + 1000003 * hash(imag)`,
/// wrapping, so a complex with no imaginary part hashes like its real part.
pub fn hash_complex(real: f64, imag: f64) -> i64 {
    let real = hash_float(real) as u64;
    let imag = hash_float(imag) as u64;
    never_minus_one(real.wrapping_add(HASH_IMAG.wrapping_mul(imag)) as i64)
}
// ANCHOR_END: numeric_hash
